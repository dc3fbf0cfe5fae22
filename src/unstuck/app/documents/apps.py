from __future__ import annotations

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "unstuck.app.documents"
    label = "documents"
    verbose_name = "Resumes and job postings"
