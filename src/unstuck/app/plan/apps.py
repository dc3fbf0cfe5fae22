from __future__ import annotations

from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "unstuck.app.plan"
    label = "plan"
    verbose_name = "Career restart plan"
