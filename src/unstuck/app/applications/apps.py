from __future__ import annotations

from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "unstuck.app.applications"
    label = "applications"
    verbose_name = "Job applications"
