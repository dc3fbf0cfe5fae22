"""Imported resumes and saved job postings.

Each row keeps the parsed result as JSON (the shape :mod:`.services` writes: skills with the
lines that evidence them, positions, requirements...) and the plain text it was read from, so
matching and tailoring need neither the original file nor the network again. A posting keeps
its ``source`` (the file name or the URL it came from) and the occupation it was saved for.

Only portable field types (JSONField, TextField), so PostgreSQL runs the same migrations.
"""

from __future__ import annotations

from typing import Any

from django.db import models


class Resume(models.Model):
    filename = models.CharField(max_length=255)
    kind = models.CharField(max_length=20)  # "pdf" | "docx" | "linkedin" | "json-resume" | "text"
    uploaded_at = models.DateTimeField()
    parsed = models.JSONField(default=dict)
    text = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.kind})"

    @property
    def name(self) -> str | None:
        value: Any = self.parsed.get("name")
        return value if isinstance(value, str) else None


class Posting(models.Model):
    source = models.CharField(max_length=2000)  # file name (with row number for batches) or URL
    fetched_at = models.DateTimeField()
    target_code = models.CharField(max_length=10, blank=True, default="")
    parsed = models.JSONField(default=dict)
    text = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-fetched_at", "-id"]
        indexes = [models.Index(fields=["target_code", "fetched_at"])]

    def __str__(self) -> str:
        return f"{self.title or 'Posting'} ({self.source})"

    @property
    def title(self) -> str | None:
        value: Any = self.parsed.get("title")
        return value if isinstance(value, str) else None

    @property
    def employer(self) -> str | None:
        value: Any = self.parsed.get("employer")
        return value if isinstance(value, str) else None
