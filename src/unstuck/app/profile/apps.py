from __future__ import annotations

from django.apps import AppConfig


class ProfileConfig(AppConfig):
    name = "unstuck.app.profile"
    label = "profile"
    verbose_name = "Profile and assessments"
