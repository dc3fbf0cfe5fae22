"""What unstuck keeps about the person: profile, skill ratings, assessment history, drafts.

unstuck is local-first and single-person: one :class:`Profile` row (``key="me"``) holds the
profile, and the web app and the CLI share it. The ``key`` leaves room for more people on one
install without a migration of every table.

- :class:`AssessmentResult` is the history: every completed assessment with its instrument
  version, time, the raw answers (so it can be re-scored and traced) and a snapshot of the
  scores (so history pages need no re-scoring).
- :class:`Draft` is an assessment in progress, saved after every answer, so closing the tab or
  quitting the CLI loses nothing. One per instrument family; completing it deletes it.

Only portable field types (JSONField, not ArrayField), so PostgreSQL runs the same migrations.
"""

from __future__ import annotations

from typing import Any

from django.db import models


class Profile(models.Model):
    key = models.CharField(max_length=40, unique=True, default="me")
    occupation_code = models.CharField(max_length=10, blank=True, default="")
    occupation_title = models.CharField(max_length=200, blank=True, default="")
    years_in_occupation = models.FloatField(null=True, blank=True)
    education = models.PositiveSmallIntegerField(null=True, blank=True)
    technology = models.JSONField(default=list, blank=True)
    #: licences and certifications, as the person names them
    credentials = models.JSONField(default=list, blank=True)
    location_kind = models.CharField(max_length=10, blank=True, default="")
    location_code = models.CharField(max_length=20, blank=True, default="")
    location_name = models.CharField(max_length=200, blank=True, default="")
    min_pay = models.PositiveIntegerField(null=True, blank=True)
    current_pay = models.PositiveIntegerField(null=True, blank=True)  # a year, USD
    hours_per_week = models.FloatField(null=True, blank=True)
    retraining_months = models.PositiveSmallIntegerField(null=True, blank=True)
    learning_budget = models.PositiveIntegerField(null=True, blank=True)
    risk_tolerance = models.CharField(max_length=10, default="medium")
    savings = models.PositiveIntegerField(null=True, blank=True)
    monthly_expenses = models.PositiveIntegerField(null=True, blank=True)
    #: Wizard bookkeeping: the step last shown (for "continue where you left off") and each
    #: step's status ("done" or "skipped"), so the progress bar and resume need no guessing.
    wizard_step = models.CharField(max_length=20, blank=True, default="")
    step_status = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile {self.key}"


class SkillRating(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="ratings")
    element_id = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=20)  # "skill" or "knowledge"
    level = models.FloatField()  # O*NET level scale, 0–7
    typical = models.FloatField(null=True, blank=True)  # the occupation's level when prefilled

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "element_id"], name="one_rating_per_element")
        ]
        ordering = ["domain", "id"]


class AssessmentResult(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="results")
    instrument_id = models.CharField(max_length=40)  # versioned, e.g. "rut-check/1"
    family = models.CharField(max_length=40)  # e.g. "rut-check"
    answers = models.JSONField(default=dict)
    ranking = models.JSONField(default=list, blank=True)
    snapshot = models.JSONField(default=dict)
    completed_at = models.DateTimeField()

    class Meta:
        ordering = ["completed_at", "id"]
        indexes = [models.Index(fields=["profile", "family", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.instrument_id} at {self.completed_at:%Y-%m-%d %H:%M}"

    def answers_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"instrument": self.instrument_id, "answers": self.answers}
        if self.ranking:
            data["ranking"] = self.ranking
        return data


class Draft(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="drafts")
    family = models.CharField(max_length=40)
    instrument_id = models.CharField(max_length=40)
    answers = models.JSONField(default=dict)  # item id -> answer (null = skipped on purpose)
    ranking = models.JSONField(default=list, blank=True)
    page = models.PositiveSmallIntegerField(default=0)  # where to resume
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "family"], name="one_draft_per_family")
        ]
