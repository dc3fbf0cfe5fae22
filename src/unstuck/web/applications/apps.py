from __future__ import annotations

from django.apps import AppConfig


class ApplicationsPagesConfig(AppConfig):
    name = "unstuck.web.applications"
    label = "web_applications"  # "applications" is the application layer's app (the tables)
