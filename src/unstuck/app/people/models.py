"""Contacts, the organisations they work at, their roles over time, what happened between
you (interactions) and informational interviews.

- An :class:`Organisation` is first class: one row per organisation, found by its ``key``
  (:func:`unstuck.core.people.organisation_key`: "Acme, Inc." and "ACME" are one), so "who do
  I know at Acme" is one lookup whatever each import spelled.
- A :class:`Contact` keeps emails and phones with their types as JSON lists
  (``[{"address": ..., "types": [...]}]``, ``[{"number": ..., "types": [...]}]``), and its
  tags and web addresses as lists of strings: a person's handful of these is always read
  whole, never queried alone, and JSON keeps one portable table instead of four.
- A :class:`Role` is a position a contact held (organisation and/or title, dates when known);
  a role without an end date is treated as current.
- An :class:`Interaction` is dated (a day, not a time: follow-ups count days); imported ones
  carry a ``source_key`` so importing the same file again adds nothing.
- An :class:`InfoInterview` is one informational interview through
  :data:`unstuck.core.people.STAGES`, with the date each stage was reached.

Only portable field types, so PostgreSQL runs the same migrations.
"""

from __future__ import annotations

from django.db import models


class Organisation(models.Model):
    name = models.CharField(max_length=500)  # as first written
    key = models.CharField(max_length=500, unique=True)  # organisation_key(name)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    name = models.CharField(max_length=500)
    given_name = models.CharField(max_length=500, blank=True, default="")
    family_name = models.CharField(max_length=500, blank=True, default="")
    how_known = models.TextField(blank=True, default="")
    notes = models.TextField(blank=True, default="")
    emails = models.JSONField(default=list, blank=True)
    phones = models.JSONField(default=list, blank=True)
    urls = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    cadence_days = models.PositiveIntegerField(null=True, blank=True)  # None: no follow-up
    snoozed_until = models.DateField(null=True, blank=True)
    known_since = models.DateField(null=True, blank=True)  # e.g. LinkedIn's "Connected On"
    uid = models.CharField(max_length=500, blank=True, default="")  # a vCard's UID
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Role(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="roles")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="roles"
    )
    title = models.CharField(max_length=500, blank=True, default="")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)  # None: current, or not known

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        at = f" at {self.organisation}" if self.organisation_id else ""
        return f"{self.title or 'Role'}{at}"


class Interaction(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(max_length=30)  # one of core.people.INTERACTION_KINDS
    date = models.DateField()
    notes = models.TextField(blank=True, default="")
    source_key = models.CharField(max_length=500, blank=True, default="")  # imported: dedupe

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["contact", "date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "source_key"],
                condition=~models.Q(source_key=""),
                name="people_interaction_source_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} with {self.contact} on {self.date}"


class InfoInterview(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="interviews")
    target_code = models.CharField(max_length=10, blank=True, default="")
    stage = models.CharField(max_length=20, default="to-ask")
    reached = models.JSONField(default=dict, blank=True)  # stage -> ISO date it was reached
    scheduled_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Informational interview with {self.contact} ({self.stage})"
