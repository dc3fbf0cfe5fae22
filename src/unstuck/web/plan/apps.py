"""The plan pages and the report page: templates and static files.

The models are :mod:`unstuck.app.plan`.
"""

from __future__ import annotations

from django.apps import AppConfig


class PlanPagesConfig(AppConfig):
    name = "unstuck.web.plan"
    label = "web_plan"  # "plan" is the application layer's app, which owns the tables
