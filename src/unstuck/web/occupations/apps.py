from __future__ import annotations

from django.apps import AppConfig


class OccupationsConfig(AppConfig):
    name = "unstuck.web.occupations"
    label = "occupations"
    verbose_name = "Occupation explorer"
