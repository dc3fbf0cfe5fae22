from __future__ import annotations

from django.apps import AppConfig


class PathsConfig(AppConfig):
    name = "unstuck.app.paths"
    label = "paths"
    verbose_name = "Career paths"
