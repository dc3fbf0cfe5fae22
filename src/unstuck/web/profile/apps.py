"""The onboarding wizard and the results pages: templates and static files.

The models are :mod:`unstuck.app.profile`.
"""

from __future__ import annotations

from django.apps import AppConfig


class ProfilePagesConfig(AppConfig):
    name = "unstuck.web.profile"
    label = "web_profile"  # "profile" is the application layer's app, which owns the tables
