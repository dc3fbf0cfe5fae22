"""The shortlist: target occupations a person keeps for later (compare, plan)."""

from __future__ import annotations

from django.db import models


class Shortlisted(models.Model):
    profile_key = models.CharField(max_length=40, default="me")
    code = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("added_at", "id")
        constraints = [
            models.UniqueConstraint(fields=("profile_key", "code"), name="shortlist_once"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"
