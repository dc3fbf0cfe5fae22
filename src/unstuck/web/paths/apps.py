"""The career-path pages: templates and static files (the models are :mod:`unstuck.app.paths`)."""

from __future__ import annotations

from django.apps import AppConfig


class PathsPagesConfig(AppConfig):
    name = "unstuck.web.paths"
    label = "web_paths"  # "paths" is the application layer's app, which owns the tables
