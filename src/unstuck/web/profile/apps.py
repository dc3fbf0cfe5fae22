from __future__ import annotations

from django.apps import AppConfig


class ProfileConfig(AppConfig):
    name = "unstuck.web.profile"
    label = "profile"
    verbose_name = "Profile and assessments"
