from __future__ import annotations

from django.apps import AppConfig


class ProfileConfig(AppConfig):
    name = "unstuck.app.profile"
    label = "profile"
    verbose_name = "Profile and assessments"

    def ready(self) -> None:
        from unstuck.app.privacy import connect_signals

        connect_signals()  # SQLite secure_delete on every connection
