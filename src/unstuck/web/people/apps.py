from __future__ import annotations

from django.apps import AppConfig


class PeoplePagesConfig(AppConfig):
    name = "unstuck.web.people"
    label = "web_people"  # "people" is the application layer's app (the tables)
