"""The resume and posting pages: templates and static files.

The models are :mod:`unstuck.app.documents`.
"""

from __future__ import annotations

from django.apps import AppConfig


class DocumentsPagesConfig(AppConfig):
    name = "unstuck.web.documents"
    label = "web_documents"  # "documents" is the application layer's app, which owns the tables
