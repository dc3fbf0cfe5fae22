"""What the person chose and changed in their plan; everything else is computed on each view.

The plan itself (gaps, activities, weeks, goals, runway) is never stored: it is rebuilt from the
profile, the latest rut check and the knowledge base, so it follows the person's answers. Stored
are only the choices a rebuild cannot make: the target, the start date, gaps left for later,
activities marked done, the person's own resources, edited and added goals, and the exit-plan
inputs that are not part of the profile (savings and monthly expenses are). Every number is
nullable: a blank stays unknown, it never becomes 0.
"""

from __future__ import annotations

from django.db import models


class Plan(models.Model):
    profile_key = models.CharField(max_length=40, default="me", unique=True)
    target_code = models.CharField(max_length=10, blank=True)
    target_title = models.CharField(max_length=200, blank=True)
    start = models.DateField(null=True, blank=True)
    max_gaps = models.PositiveSmallIntegerField(default=6)
    # Exit plan (money in whole US dollars a month unless said otherwise).
    severance = models.FloatField(null=True, blank=True)
    notice_months = models.FloatField(null=True, blank=True)
    monthly_benefits = models.FloatField(null=True, blank=True)
    benefit_months = models.FloatField(null=True, blank=True)
    other_income = models.FloatField(null=True, blank=True)
    extra_costs = models.FloatField(null=True, blank=True)
    monthly_saving = models.FloatField(null=True, blank=True)
    leaving_month = models.PositiveSmallIntegerField(null=True, blank=True)  # 1-12
    has_offer = models.BooleanField(null=True, blank=True)
    health_cover = models.BooleanField(null=True, blank=True)
    conversations = models.PositiveSmallIntegerField(null=True, blank=True)
    resume_updated = models.BooleanField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Plan for {self.profile_key}: {self.target_title or 'no target'}"


class SkippedGap(models.Model):
    """A gap the person leaves for a later plan (per target)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="skipped")
    target_code = models.CharField(max_length=10)
    gap_key = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("plan", "target_code", "gap_key"), name="plan_skip_once"
            ),
        ]


class DoneActivity(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="done")
    activity_id = models.CharField(max_length=250)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("plan", "activity_id"), name="plan_done_once"),
        ]


class OwnResource(models.Model):
    """A link the person adds to a gap (a course they found, a book, a mentor's page)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="resources")
    gap_key = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500)

    class Meta:
        ordering = ("id",)


class Goal(models.Model):
    """An edited generated goal (``source`` is its activity or strand id) or an own goal
    (``source`` empty). ``removed`` hides a generated goal."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    source = models.CharField(max_length=250, blank=True)
    text = models.TextField(blank=True)
    removed = models.BooleanField(default=False)

    class Meta:
        ordering = ("id",)


class ActivityHours(models.Model):
    """Hours the person sets for an activity instead of the estimate."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="hours")
    activity_id = models.CharField(max_length=250)
    hours = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("plan", "activity_id"), name="plan_hours_once"),
        ]
