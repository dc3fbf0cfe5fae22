from __future__ import annotations

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "unstuck.web.documents"
    label = "documents"
    verbose_name = "Resumes and job postings"
