"""Job applications, their stage history, the stage list and the documents sent.

- :class:`Application` keeps its own copy of the posting (``posting_text``, ``posting_source``)
  beside the optional link to the saved :class:`~unstuck.app.documents.models.Posting`: postings
  disappear from the web and may be removed here, the application keeps what was applied to.
  ``stage``/``stage_round``/``stage_since`` repeat the latest :class:`StageChange` so lists
  filter without a subquery; the services write both in one transaction. Salary stays NULL when
  not known (never 0).
- :class:`StageChange` is the history: every move, back as well as forward, one row.
  ``stage`` is a stage *key* (not a foreign key) so the editable list can be replaced whole;
  ``stage_name`` is the name it had then, so the history reads the same after a rename.
- :class:`StageDefinition` is the person's stage list; no rows means the defaults
  (:data:`unstuck.core.applications.DEFAULT_STAGES`).
- :class:`SentDocument` is one version of a resume or cover letter as sent: one row per
  distinct content (``kind`` + SHA-256 is unique), shared by every application it went with.
  A file keeps its bytes; a snapshot of an imported resume keeps its text (the import keeps no
  file), and stays when that resume is removed. A row read from a CSV file may have no
  content: a version known by its name and SHA-256 (or by its name alone, ``sha256`` empty)
  as the file stated them.

Only portable field types, so PostgreSQL runs the same migrations.
"""

from __future__ import annotations

from django.db import models

RESUME, COVER_LETTER = "resume", "cover_letter"


class StageDefinition(models.Model):
    key = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=60)
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=10)  # "step" | "success" | "exit"
    quiet_days = models.PositiveIntegerField(null=True, blank=True)
    rounds = models.BooleanField(default=False)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class SentDocument(models.Model):
    kind = models.CharField(max_length=20)  # RESUME | COVER_LETTER
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, blank=True, default="")  # "": known by name only
    content = models.BinaryField(null=True, blank=True)  # the file as sent, when it was a file
    text = models.TextField(blank=True, default="")  # the text, when it was an imported resume
    size = models.PositiveIntegerField(null=True, blank=True)  # bytes hashed (None: no content)
    from_resume = models.ForeignKey(
        "documents.Resume", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "sha256"], condition=~models.Q(sha256=""),
                                    name="applications_one_version")
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.sha256[:8]})"


class Application(models.Model):
    company = models.CharField(max_length=200)
    company_key = models.CharField(max_length=200, db_index=True)
    role_title = models.CharField(max_length=200)
    title_key = models.CharField(max_length=200)
    target_code = models.CharField(max_length=10, blank=True, default="")
    source = models.CharField(max_length=200, blank=True, default="")
    posting = models.ForeignKey(
        "documents.Posting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    posting_source = models.CharField(max_length=2000, blank=True, default="")
    posting_text = models.TextField(blank=True, default="")
    salary_min = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    salary_max = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    salary_currency = models.CharField(max_length=3, blank=True, default="")
    salary_period = models.CharField(max_length=10, blank=True, default="")
    next_action = models.CharField(max_length=300, blank=True, default="")
    next_action_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True, default="")
    resume = models.ForeignKey(
        SentDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cover_letter = models.ForeignKey(
        SentDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stage = models.CharField(max_length=40)
    stage_round = models.PositiveIntegerField(null=True, blank=True)
    stage_since = models.DateTimeField()
    snoozed_until = models.DateField(null=True, blank=True)
    quiet_dismissed = models.BooleanField(default=False)  # for the current stage only
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["stage", "stage_since"])]

    def __str__(self) -> str:
        return f"{self.role_title} at {self.company}"


class StageChange(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    stage = models.CharField(max_length=40)
    stage_name = models.CharField(max_length=60)
    round = models.PositiveIntegerField(null=True, blank=True)
    at = models.DateTimeField()
    note = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.stage_name} at {self.at:%Y-%m-%d}"


class ApplicationPerson(models.Model):
    """A person linked to an application, in the part they play in it (recruiter,
    interviewer, referrer, hiring manager, other). The person is a contact of
    :mod:`unstuck.app.people`; forgetting either forgets the link."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="people")
    contact = models.ForeignKey("people.Contact", on_delete=models.CASCADE, related_name="+")
    part = models.CharField(max_length=20)  # one of services.PARTS
    linked_at = models.DateTimeField()

    class Meta:
        ordering = ["linked_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "contact", "part"],
                                    name="applications_one_link_per_part")
        ]

    def __str__(self) -> str:
        return f"{self.contact_id} as {self.part} on {self.application_id}"
