"""The Python API for job applications, shared by the web pages and the CLI.

The rules (the stage list, staleness, funnel rates, employer keys) are
:mod:`unstuck.core.applications`; this module stores and reads through the models and keeps
these promises:

- **nothing is stored half-way.** Every input is checked before the database is touched and
  each call writes in one transaction; a bad value raises :class:`ApplicationError` naming
  the field (``error.field``), and the store is unchanged. A call that changes an
  application reads it inside its transaction too, so a concurrent change waits for it.
- **the history is never rewritten.** :func:`move` adds a :class:`StageChange` for every move,
  back as well as forward; an interview stage is entered in numbered rounds.
- **nothing moves silently.** :func:`quiet` only *proposes* applications with no news as
  "No response"; :func:`confirm_quiet` moves one when the person says so, :func:`dismiss_quiet`
  and :func:`snooze` keep it where it is.
- **the resume sent is recorded.** An application can be without a resume only while it is in
  the first stage (Saved) or in an exit (Rejected, Withdrawn, No response: dropped before
  anything was sent); reaching any other stage (Applied, Screening, ..., Accepted) needs the
  resume version sent (:class:`Sent`). Cover letters are optional.
- **one version per content.** A :class:`~.models.SentDocument` is identified by its kind and
  the SHA-256 of its content: the same file sent twice is one version, a tailored file is a
  new one (:func:`sent_document`).
- **missing stays missing.** A salary, a target occupation, a date not given is stored empty,
  never guessed; from a saved posting only what the posting states is copied.

Times: ``now`` (a datetime) and ``today`` (a date) are parameters for tests and scripts;
left out, they are the current time and the local date.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from unstuck.app.applications import models
from unstuck.core import applications as core
from unstuck.core.applications import Stage, StageListError
from unstuck.core.limits import MONEY_MAX, short
from unstuck.core.titles import title_key

__all__ = [
    "ApplicationError",
    "ApplicationNotFound",
    "Sent",
    "StageListError",
    "ApplicationWarning",
    "add",
    "confirm_quiet",
    "detail",
    "dismiss_quiet",
    "export_csv",
    "funnel",
    "get",
    "list_applications",
    "move",
    "quiet",
    "snooze",
    "stages",
    "update",
    "warnings",
]

MAX_FILE_BYTES = 20_000_000  # a resume or cover letter larger than this is not one
PERIODS = ("year", "month", "week", "day", "hour")
CODE = re.compile(r"\d{2}-\d{4}\.\d{2}")
MAX_SNOOZE_DAYS = 365
#: field -> longest text kept (the model's limits)
TEXT_LIMITS = {
    "company": 200,
    "role_title": 200,
    "source": 200,
    "next_action": 300,
    "notes": 100_000,
}


ONE_LINE = frozenset({"company", "role_title", "source", "next_action"})


class ApplicationError(ValueError):
    """A value that cannot be stored: ``field`` names the input, the message says why."""

    def __init__(self, field: str, message: str, *, not_found: bool = False) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message
        self.not_found = not_found  # the value names a posting or resume that is not stored


class ApplicationNotFound(LookupError):
    def __init__(self, pk: object) -> None:
        super().__init__(f"no application {short(pk)}")
        self.pk = pk


@dataclass(frozen=True)
class Sent:
    """A resume or cover letter to record as sent with an application: an imported resume
    (``resume_id``, a snapshot of its text is kept) or a file (``data`` and ``filename``, kept
    as it is: an uploaded or tailored file)."""

    resume_id: int | None = None
    data: bytes | None = None
    filename: str | None = None


@dataclass(frozen=True)
class ApplicationWarning:
    """Something the person should know before adding (never a refusal)."""

    code: str  # "already-applied" | "same-company"
    message: str
    applications: tuple[int, ...]


def _now(now: datetime | None) -> datetime:
    return now if now is not None else timezone.now()


def _today(today: date | None) -> date:
    return today if today is not None else timezone.localdate()


def _day(at: datetime) -> date:
    return timezone.localdate(at) if timezone.is_aware(at) else at.date()


# -- the stage list -------------------------------------------------------------------------


def stages() -> tuple[Stage, ...]:
    """The person's stage list (the defaults until it is edited)."""
    rows = list(models.StageDefinition.objects.all())
    if not rows:
        return core.DEFAULT_STAGES
    return tuple(Stage(r.key, r.name, r.kind, r.quiet_days, r.rounds) for r in rows)


def _in_use() -> set[str]:
    used = set(models.StageChange.objects.values_list("stage", flat=True).distinct())
    return used | set(models.Application.objects.values_list("stage", flat=True).distinct())


@transaction.atomic
def save_stages(new: tuple[Stage, ...]) -> tuple[Stage, ...]:
    """Replace the stage list with ``new`` (checked: :func:`core.stage_problems`, and no stage
    that a history uses may go)."""
    problems = core.stage_problems(new)
    gone = _in_use() - {s.key for s in new}
    if gone:
        problems.append(f"stage(s) {', '.join(sorted(gone))} are in the history of "
                        "applications: rename them instead")
    if problems:
        raise StageListError("; ".join(problems))
    models.StageDefinition.objects.all().delete()
    models.StageDefinition.objects.bulk_create(
        models.StageDefinition(key=s.key, name=s.name, position=i, kind=s.kind,
                               quiet_days=s.quiet_days, rounds=s.rounds)
        for i, s in enumerate(new)
    )
    return new


def rename_stage(key: str, name: str) -> tuple[Stage, ...]:
    return save_stages(core.rename_stage(stages(), key, name))


def set_quiet_days(key: str, days: int | None) -> tuple[Stage, ...]:
    return save_stages(core.set_quiet_days(stages(), key, days))


def add_stage(name: str, **options: Any) -> tuple[Stage, ...]:
    return save_stages(core.add_stage(stages(), name, **options))


def reorder_stages(keys: list[str]) -> tuple[Stage, ...]:
    return save_stages(core.reorder_stages(stages(), keys))


def remove_stage(key: str) -> tuple[Stage, ...]:
    return save_stages(core.remove_stage(stages(), key, _in_use()))


def _stage(wanted: str, listed: tuple[Stage, ...]) -> Stage:
    found = core.find_stage(listed, wanted)
    if found is None:
        names = ", ".join(s.name for s in listed)
        raise ApplicationError("stage", f"no stage {short(wanted)} (the stages: {names})")
    return found


def _needs_resume(stage: Stage) -> bool:
    return stage.key != core.FIRST and stage.kind != core.EXIT


# -- documents sent -------------------------------------------------------------------------


def _sent_problem(sent: Sent, field: str) -> None:
    """Check a :class:`Sent` before anything is stored."""
    from unstuck.app.documents.models import Resume

    if (sent.resume_id is None) == (sent.data is None):
        raise ApplicationError(field, "give either an imported resume's id or a file")
    if sent.resume_id is not None:
        if not Resume.objects.filter(pk=sent.resume_id).exists():
            raise ApplicationError(field, f"no imported resume {sent.resume_id}",
                                   not_found=True)
        return
    assert sent.data is not None
    if not sent.data:
        raise ApplicationError(field, f"{short(sent.filename or 'the file')} is empty")
    if len(sent.data) > MAX_FILE_BYTES:
        raise ApplicationError(field, f"the file is over {MAX_FILE_BYTES // 1_000_000} MB")
    if not (sent.filename or "").strip():
        raise ApplicationError(field, "the file needs its name")


def sent_document(sent: Sent, kind: str, now: datetime | None = None) -> models.SentDocument:
    """The stored version of ``sent``: the existing one when the same content (kind + SHA-256)
    was recorded before, else a new one. Call inside the caller's transaction."""
    from unstuck.app.documents.models import Resume

    _sent_problem(sent, "resume" if kind == models.RESUME else "cover_letter")
    resume = None
    if sent.resume_id is not None:
        resume = Resume.objects.get(pk=sent.resume_id)
        body = resume.text.encode("utf-8")
        filename = resume.filename
    else:
        assert sent.data is not None and sent.filename is not None
        body = sent.data
        filename = sent.filename.strip()
    digest = hashlib.sha256(body).hexdigest()
    found = models.SentDocument.objects.filter(kind=kind, sha256=digest).only("pk").first()
    if found is not None:
        return found
    try:
        with transaction.atomic():  # a savepoint: another process may store it first
            return models.SentDocument.objects.create(
                kind=kind,
                filename=filename.replace("\x00", "")[:255],
                sha256=digest,
                content=None if resume is not None else body,
                text=resume.text if resume is not None else "",
                size=len(body),
                from_resume=resume,
                created_at=_now(now),
            )
    except IntegrityError:
        return models.SentDocument.objects.only("pk").get(kind=kind, sha256=digest)


# -- checking the fields --------------------------------------------------------------------


def _text(field: str, value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ApplicationError(field, f"must be text, not {short(value)}")
    value = value.strip()
    if field in ONE_LINE:  # a name or title is one line: any run of spaces is one space
        value = " ".join(value.split())
    if "\x00" in value:
        raise ApplicationError(field, "contains a NUL character")
    if len(value) > TEXT_LIMITS[field]:
        raise ApplicationError(field, f"is over {TEXT_LIMITS[field]:,} characters")
    return value


def _money(field: str, value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ApplicationError(field, f"{short(value)} is not an amount")
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ApplicationError(field, f"{short(value)} is not an amount") from None
    if not amount.is_finite():
        raise ApplicationError(field, f"{short(value)} is not an amount")
    if amount < 0:
        raise ApplicationError(field, "must not be negative")
    if amount > MONEY_MAX:
        raise ApplicationError(field, f"must be at most {MONEY_MAX:,}")
    return amount.quantize(Decimal("0.01"))


def _code(value: object) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or not CODE.fullmatch(value.strip()):
        raise ApplicationError("target_code", f"{short(value)} is not an O*NET-SOC code "
                                              "such as 15-2051.00")
    return value.strip()


def _currency(value: object) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        raise ApplicationError("salary_currency", f"{short(value)} is not a three-letter "
                                                  "currency code such as USD")
    return value.strip().upper()


def _period(value: object) -> str:
    if value is None or value == "":
        return ""
    if value not in PERIODS:
        raise ApplicationError("salary_period", f"{short(value)} is not one of "
                                                f"{', '.join(PERIODS)}")
    return str(value)


def _date(field: str, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        raise ApplicationError(field, "must be a date, not a time")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ApplicationError(field, f"{short(value)} is not a date (YYYY-MM-DD)") from None


FIELDS = ("company", "role_title", "target_code", "source", "salary_min", "salary_max",
          "salary_currency", "salary_period", "next_action", "next_action_on", "notes")


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """The fields in ``values`` checked and normalised (only those given)."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ApplicationError(sorted(unknown)[0], "is not a field of an application")
    out: dict[str, Any] = {}
    for field, value in values.items():
        if field in TEXT_LIMITS:
            out[field] = _text(field, value)
        elif field in ("salary_min", "salary_max"):
            out[field] = _money(field, value)
        elif field == "target_code":
            out[field] = _code(value)
        elif field == "salary_currency":
            out[field] = _currency(value)
        elif field == "salary_period":
            out[field] = _period(value)
        elif field == "next_action_on":
            out[field] = _date(field, value)
    return out


def _check_whole(fields: dict[str, Any]) -> None:
    """The rules between fields, on the application as it would be stored."""
    for field in ("company", "role_title"):
        if not fields.get(field):
            raise ApplicationError(field, "is needed (the posting does not say it either)"
                                   if fields.get("_from_posting") else "is needed")
    low, high = fields.get("salary_min"), fields.get("salary_max")
    if low is not None and high is not None and low > high:
        raise ApplicationError("salary_max", f"{high} is below the minimum {low}")


# -- adding, moving, editing ----------------------------------------------------------------


def _posting(posting_id: object) -> Any:
    from unstuck.app.documents.models import Posting

    if isinstance(posting_id, bool) or not isinstance(posting_id, int):
        raise ApplicationError("posting", f"{short(posting_id)} is not a posting id")
    found = Posting.objects.filter(pk=posting_id).first()
    if found is None:
        raise ApplicationError("posting", f"no saved posting {posting_id}", not_found=True)
    return found


def _from_posting(posting: Any) -> dict[str, Any]:
    """What a saved posting states, as application fields (only what it states)."""
    fields: dict[str, Any] = {
        "company": (posting.employer or "")[:200],
        "role_title": (posting.title or "")[:200],
        "target_code": posting.target_code or "",
    }
    pay = posting.parsed.get("pay") if isinstance(posting.parsed, dict) else None
    if isinstance(pay, dict):
        for key, field in (("minimum", "salary_min"), ("maximum", "salary_max")):
            if pay.get(key) is not None:
                fields[field] = _money(field, pay[key])
        if pay.get("currency"):
            fields["salary_currency"] = _currency(pay["currency"])
        if pay.get("period") in PERIODS:
            fields["salary_period"] = pay["period"]
    return fields


def _at(
    field: str, at: datetime | date | None, now: datetime, after: datetime | None
) -> datetime:
    """When a move happened: ``at`` (never in the future, never before the previous move),
    or now. A date alone means that day: now when it is today, else the day's start, or
    just the previous move's time when that was the same day (the order stays the one
    entered)."""
    if at is None:
        return now
    if not isinstance(at, datetime):
        if at == _day(now):
            at = now
        else:
            at = timezone.make_aware(datetime.combine(at, time.min))
            if after is not None and at < after and _day(after) == _day(at):
                at = after
    elif timezone.is_naive(at):
        at = timezone.make_aware(at)
    if at > now + timedelta(minutes=1):
        raise ApplicationError(field, f"{at:%Y-%m-%d %H:%M} is in the future")
    if after is not None and at < after:
        raise ApplicationError(field, f"{at:%Y-%m-%d %H:%M} is before the last move "
                                      f"({after:%Y-%m-%d %H:%M})")
    return at


@dataclass(frozen=True)
class Added:
    application: models.Application
    warnings: list[ApplicationWarning]


@transaction.atomic
def add(
    *,
    posting_id: int | None = None,
    stage: str | None = None,
    at: datetime | date | None = None,
    resume: Sent | None = None,
    cover_letter: Sent | None = None,
    note: str = "",
    now: datetime | None = None,
    **fields: Any,
) -> Added:
    """Add an application by hand (``company`` and ``role_title`` at least) or from a saved
    posting (``posting_id``: its employer, title, occupation and stated pay are the defaults
    that ``fields`` override, and its text is copied). It starts in ``stage`` (default the
    first, Saved) at ``at`` (default now). Returns it with the :func:`warnings` that held
    before it was added."""
    now = _now(now)
    listed = stages()
    given = _clean(fields)
    posting = _posting(posting_id) if posting_id is not None else None
    values = {**(_from_posting(posting) if posting is not None else {}), **given}
    values.setdefault("company", "")
    values.setdefault("role_title", "")
    _check_whole({**values, "_from_posting": posting is not None})
    start = _stage(stage, listed) if stage else listed[0]
    entered = _at("at", at, now, None)
    for sent, field in ((resume, "resume"), (cover_letter, "cover_letter")):
        if sent is not None:
            _sent_problem(sent, field)
    if resume is None and _needs_resume(start):
        raise ApplicationError("resume", f"an application in {start.name} needs the resume "
                                         "version sent (only Saved and the ends can go without)")
    note = _text("notes", note)
    found = warnings(values["company"], values["role_title"], posting_id)
    with transaction.atomic():
        app = models.Application(
            **values,
            company_key=core.company_key(values["company"]),
            title_key=title_key(values["role_title"]),
            posting=posting,
            posting_source=posting.source if posting is not None else "",
            posting_text=posting.text if posting is not None else "",
            stage=start.key,
            stage_round=1 if start.rounds else None,
            stage_since=entered,
            created_at=now,
        )
        if resume is not None:
            app.resume = sent_document(resume, models.RESUME, now)
        if cover_letter is not None:
            app.cover_letter = sent_document(cover_letter, models.COVER_LETTER, now)
        app.save()
        models.StageChange.objects.create(application=app, stage=start.key,
                                          stage_name=start.name, round=app.stage_round,
                                          at=entered, note=note)
    return Added(app, found)


#: the big columns a list or a label never needs (a document's content is up to 20 MB)
DOCUMENT_BODIES = ("resume__content", "resume__text", "cover_letter__content",
                   "cover_letter__text")


def _with_documents() -> QuerySet[models.Application]:
    """Applications with their documents' names and hashes, never the documents' bodies."""
    return models.Application.objects.select_related("resume", "cover_letter").defer(
        *DOCUMENT_BODIES)


def get(pk: int) -> models.Application:
    found = _with_documents().filter(pk=pk).first()
    if found is None:
        raise ApplicationNotFound(pk)
    return found


@transaction.atomic
def move(
    pk: int,
    stage: str,
    *,
    at: datetime | date | None = None,
    round_number: int | None = None,
    note: str = "",
    resume: Sent | None = None,
    cover_letter: Sent | None = None,
    now: datetime | None = None,
) -> models.Application:
    """Move an application to ``stage`` (forward or back, recorded either way). A stage with
    rounds may be entered again: the next round unless ``round_number`` says which. ``resume``
    and ``cover_letter`` record what was sent with this step (they replace what was recorded)."""
    now = _now(now)
    app = get(pk)
    listed = stages()
    target = _stage(stage, listed)
    if round_number is not None and (not target.rounds or round_number < 1):
        raise ApplicationError("round", f"{target.name} has no rounds" if not target.rounds
                               else "must be 1 or more")
    if target.key == app.stage and not target.rounds:
        raise ApplicationError("stage", f"application {pk} is already in {target.name}")
    entered = _at("at", at, now, app.stage_since)
    note = _text("notes", note)
    for sent, field in ((resume, "resume"), (cover_letter, "cover_letter")):
        if sent is not None:
            _sent_problem(sent, field)
    if resume is None and app.resume_id is None and _needs_resume(target):
        raise ApplicationError("resume", f"moving to {target.name} needs the resume version "
                                         "sent (only Saved and the ends can go without)")
    number = None
    if target.rounds:
        done = app.history.filter(stage=target.key).exclude(round=None)
        last = max(done.values_list("round", flat=True), default=0)
        number = round_number or last + 1
    with transaction.atomic():
        if resume is not None:
            app.resume = sent_document(resume, models.RESUME, now)
        if cover_letter is not None:
            app.cover_letter = sent_document(cover_letter, models.COVER_LETTER, now)
        app.stage, app.stage_round, app.stage_since = target.key, number, entered
        app.snoozed_until, app.quiet_dismissed = None, False  # a stage change resets the count
        app.save()
        models.StageChange.objects.create(application=app, stage=target.key,
                                          stage_name=target.name, round=number, at=entered,
                                          note=note)
    return app


@transaction.atomic
def update(
    pk: int,
    *,
    resume: Sent | None = None,
    cover_letter: Sent | None = None,
    now: datetime | None = None,
    **fields: Any,
) -> models.Application:
    """Change fields of an application (``None`` or ``""`` clears an optional one), or the
    documents recorded as sent."""
    app = get(pk)
    given = _clean(fields)
    merged = {f: getattr(app, f) for f in FIELDS} | given
    _check_whole(merged)
    for sent, field in ((resume, "resume"), (cover_letter, "cover_letter")):
        if sent is not None:
            _sent_problem(sent, field)
    with transaction.atomic():
        for field, value in given.items():
            setattr(app, field, value)
        app.company_key = core.company_key(app.company)
        app.title_key = title_key(app.role_title)
        if resume is not None:
            app.resume = sent_document(resume, models.RESUME, now)
        if cover_letter is not None:
            app.cover_letter = sent_document(cover_letter, models.COVER_LETTER, now)
        app.save()
    return app


def delete(pk: int) -> bool:
    """Forget an application and its history (the document versions stay: others may share
    them); False when there was none."""
    deleted, _ = models.Application.objects.filter(pk=pk).delete()
    return bool(deleted)


# -- reading --------------------------------------------------------------------------------


def list_applications(
    *,
    stage: str | None = None,
    company: str | None = None,
    target_code: str | None = None,
    open_only: bool = False,
    due_by: date | None = None,
) -> QuerySet[models.Application]:
    """Applications, newest first, filtered by current stage (key or name), employer (as
    :func:`core.company_key` reads it), target occupation, only those not ended, or only
    those whose next action is due by ``due_by`` (those soonest due first)."""
    found = _with_documents().defer("posting_text", "notes")
    listed = stages()
    if stage:
        found = found.filter(stage=_stage(stage, listed).key)
    if company:
        found = found.filter(company_key=core.company_key(company))
    if target_code:
        found = found.filter(target_code=target_code)
    if open_only:
        found = found.filter(stage__in=[s.key for s in listed if not s.terminal])
    if due_by is not None:
        found = found.filter(next_action_on__lte=due_by).order_by("next_action_on", "id")
    return found


def stage_name(app: models.Application, listed: tuple[Stage, ...] | None = None) -> str:
    """The current stage as the person reads it ("Interview 2")."""
    found = core.by_key(listed or stages()).get(app.stage)
    if found is None:  # a key no longer listed: the name it had when entered
        last = app.history.last()
        return last.stage_name if last is not None else app.stage
    return core.stage_label(found, app.stage_round)


def warnings(
    company: str, role_title: str, posting_id: int | None = None, exclude: int | None = None
) -> list[ApplicationWarning]:
    """"Already applied to this role" (same employer and title, as their keys read them, or
    the same saved posting) and "N applications to this company" (the others there; said as
    "N other applications" for an application already stored, ``exclude``)."""
    others = models.Application.objects.all()
    if exclude is not None:
        others = others.exclude(pk=exclude)
    ckey, tkey = core.company_key(company), title_key(role_title)
    same_role = Q(company_key=ckey, title_key=tkey)
    if posting_id is not None:
        same_role |= Q(posting_id=posting_id)
    out = []
    listed = stages()
    role = list(others.filter(same_role).order_by("created_at", "id")
                .only("pk", "stage", "stage_round"))
    if role:
        saved_only = all(a.stage == core.FIRST for a in role)
        said = ", ".join(f"{a.pk} ({stage_name(a, listed)})" for a in role)
        what = "Already saved this role" if saved_only else "Already applied to this role"
        out.append(ApplicationWarning("already-applied", f"{what}: application {said}",
                           tuple(a.pk for a in role)))
    there = list(others.filter(company_key=ckey).values_list("pk", flat=True))
    if there and ckey:
        n = len(there)
        plural = "s" if n != 1 else ""
        said = (f"{n} other application{plural} to {company.strip()}" if exclude is not None
                else f"{n} application{plural} to {company.strip()} already")
        out.append(ApplicationWarning("same-company", said, tuple(there)))
    return out


def _document(doc: models.SentDocument | None) -> dict[str, Any] | None:
    if doc is None:
        return None
    return {"id": doc.pk, "filename": doc.filename, "sha256": doc.sha256 or None, "size": doc.size,
            "from_resume": doc.from_resume_id, "recorded_at": doc.created_at.isoformat()}


def row(app: models.Application, listed: tuple[Stage, ...] | None = None) -> dict[str, Any]:
    """An application as plain data (what ``--json`` prints; dates in ISO form)."""
    return {
        "id": app.pk,
        "company": app.company,
        "role_title": app.role_title,
        "target_code": app.target_code or None,
        "source": app.source or None,
        "stage": app.stage,
        "stage_name": stage_name(app, listed),
        "round": app.stage_round,
        "stage_since": app.stage_since.isoformat(),
        "salary_min": str(app.salary_min) if app.salary_min is not None else None,
        "salary_max": str(app.salary_max) if app.salary_max is not None else None,
        "salary_currency": app.salary_currency or None,
        "salary_period": app.salary_period or None,
        "next_action": app.next_action or None,
        "next_action_on": app.next_action_on.isoformat() if app.next_action_on else None,
        "posting": app.posting_id,
        "resume": _document(app.resume),
        "cover_letter": _document(app.cover_letter),
        "created_at": app.created_at.isoformat(),
    }


def detail(pk: int, today: date | None = None) -> dict[str, Any]:
    """Everything about one application: its fields, notes, posting text, the full history,
    the warnings about its role and employer, and its no-news proposal if it has one."""
    app = get(pk)
    listed = stages()
    proposal = _proposal(app, listed, _today(today))
    return {
        **row(app, listed),
        "notes": app.notes or None,
        "posting_source": app.posting_source or None,
        "posting_text": app.posting_text or None,
        "snoozed_until": app.snoozed_until.isoformat() if app.snoozed_until else None,
        "history": [
            {"stage": c.stage, "name": c.stage_name, "round": c.round,
             "at": c.at.isoformat(), "note": c.note or None}
            for c in app.history.all()
        ],
        "warnings": [
            {"code": w.code, "message": w.message, "applications": list(w.applications)}
            for w in warnings(app.company, app.role_title, app.posting_id, exclude=app.pk)
        ],
        "quiet": _proposal_dict(proposal, listed) if proposal else None,
        "people": people_of(app.pk),
    }


# -- no news --------------------------------------------------------------------------------


def _proposal(
    app: models.Application, listed: tuple[Stage, ...], today: date
) -> core.QuietProposal[int] | None:
    stage = core.by_key(listed).get(app.stage)
    if stage is None:
        return None
    return core.quiet_proposal(app.pk, stage, _day(app.stage_since), today,
                               snoozed_until=app.snoozed_until, dismissed=app.quiet_dismissed)


def _proposal_dict(p: core.QuietProposal[int], listed: tuple[Stage, ...]) -> dict[str, Any]:
    names = core.by_key(listed)
    return {"application": p.ref, "stage": p.stage, "stage_name": names[p.stage].name,
            "entered": p.entered.isoformat(), "due": p.due.isoformat(),
            "days_quiet": p.days_quiet, "quiet_days": p.quiet_days, "propose": p.propose,
            "propose_name": names[p.propose].name}


def quiet(today: date | None = None) -> list[core.QuietProposal[int]]:
    """The applications proposed as "No response" on ``today``, quietest first."""
    listed = stages()
    waiting = [s.key for s in listed if not s.terminal and s.quiet_days is not None]
    today = _today(today)
    found = []
    for app in models.Application.objects.filter(stage__in=waiting, quiet_dismissed=False).only(
            "pk", "stage", "stage_since", "snoozed_until", "quiet_dismissed"):
        p = _proposal(app, listed, today)
        if p is not None:
            found.append(p)
    return sorted(found, key=lambda p: (-p.days_quiet, p.ref))


def quiet_dict(p: core.QuietProposal[int]) -> dict[str, Any]:
    return _proposal_dict(p, stages())


def _proposed(pk: int, today: date) -> tuple[models.Application, core.QuietProposal[int]]:
    app = get(pk)
    p = _proposal(app, stages(), today)
    if p is None:
        raise ApplicationError("application", f"application {pk} is not waiting for news "
                                              "past its stage's limit")
    return app, p


@transaction.atomic
def confirm_quiet(
    pk: int, today: date | None = None, now: datetime | None = None
) -> models.Application:
    """The person confirms the proposal: the application moves to No response (recorded,
    with a note saying how long it had been quiet)."""
    today = _today(today)
    app, p = _proposed(pk, today)
    name = stage_name(app)
    return move(pk, p.propose, now=now,
                note=f"No news for {p.days_quiet} days in {name}: confirmed as no response")


@transaction.atomic
def dismiss_quiet(pk: int, today: date | None = None) -> models.Application:
    """Not "no response" after all: no more proposals until the application moves again."""
    app, _ = _proposed(pk, _today(today))
    app.quiet_dismissed = True
    app.save(update_fields=["quiet_dismissed"])
    return app


@transaction.atomic
def snooze(pk: int, days: int, today: date | None = None) -> models.Application:
    """Ask again in ``days`` days (1 to 365) rather than now."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_SNOOZE_DAYS:
        raise ApplicationError("days", f"must be a whole number of days from 1 to "
                                       f"{MAX_SNOOZE_DAYS}")
    app = get(pk)
    stage = core.by_key(stages()).get(app.stage)
    if stage is None or stage.terminal:
        raise ApplicationError("application", f"application {pk} has ended: nothing to wait for")
    app.snoozed_until = _today(today) + timedelta(days=days)
    app.save(update_fields=["snoozed_until"])
    return app


# -- funnel ---------------------------------------------------------------------------------


BY = ("resume", "occupation")


@dataclass(frozen=True)
class FunnelGroup:
    key: int | str | None
    label: str
    funnel: core.Funnel[int | str]


def funnel(by: str | None = None) -> list[FunnelGroup]:
    """Funnel rates over every application (``by=None``), or one funnel per resume version
    (``"resume"``) or per target occupation (``"occupation"``); applications without one form
    their own group, labelled as such."""
    if by is not None and by not in BY:
        raise ApplicationError("by", f"{short(by)} is not one of {', '.join(BY)}")
    histories: dict[int, list[str]] = {}
    for app_id, key in models.StageChange.objects.order_by("at", "id").values_list(
            "application_id", "stage"):
        histories.setdefault(app_id, []).append(key)
    apps = models.Application.objects.values_list("pk", "resume_id", "target_code")
    items: list[tuple[int | str | None, list[str]]] = []
    for pk, resume_id, code in apps:
        group: int | str | None = None
        if by == "resume":
            group = resume_id
        elif by == "occupation":
            group = code or None
        items.append((group, histories.get(pk, [])))
    found = core.funnels_by(items, stages())
    labels: dict[int | str | None, str] = {None: "all applications" if by is None else
                                           f"no {'resume' if by == 'resume' else 'target'} "
                                           "recorded"}
    if by == "resume":
        for doc in models.SentDocument.objects.filter(
                pk__in=[f.group for f in found if f.group is not None]).only(
                "pk", "filename", "sha256"):
            labels[doc.pk] = f"{doc.filename} ({doc.sha256[:8] or 'known by name'})"
    return [FunnelGroup(f.group, labels.get(f.group, str(f.group)), f) for f in found]


def company_counts() -> list[tuple[str, int]]:
    """(employer, applications) for every employer, the most applied-to first."""
    rows = (models.Application.objects.values("company_key")
            .annotate(n=Count("id")).order_by("-n", "company_key"))
    names = dict(models.Application.objects.order_by("created_at")
                 .values_list("company_key", "company"))
    return [(names.get(r["company_key"], r["company_key"]), r["n"]) for r in rows]


# -- export ---------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id", "company", "role_title", "target_code", "source", "stage", "stage_name", "round",
    "stage_since", "salary_min", "salary_max", "salary_currency", "salary_period",
    "next_action", "next_action_on", "posting", "posting_source", "posting_text",
    "resume_filename",
    "resume_sha256", "cover_letter_filename", "cover_letter_sha256", "created_at", "history",
    "notes",
]


def export_csv() -> str:
    """Every application as CSV, one row each, oldest first; empty cells for what is not
    known. ``history`` is the moves as ``stage@timestamp`` (``interview#2@...`` for a round)
    joined by ``; ``. A cell that a spreadsheet would run as a formula (starting with
    = + - @), or that starts with ' itself, is prefixed with ' (:func:`import_csv` removes
    it)."""
    out = io.StringIO()
    # the csv module's own line ends (\r\n): a cell holding \r or \n is then quoted
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    listed = stages()
    apps = _with_documents().prefetch_related("history").order_by("created_at", "id")
    for app in apps:
        r = row(app, listed)
        cells: dict[str, Any] = {k: v for k, v in r.items() if k in CSV_COLUMNS}
        for kind in ("resume", "cover_letter"):
            doc = r[kind]
            cells[f"{kind}_filename"] = doc["filename"] if doc else None
            cells[f"{kind}_sha256"] = doc["sha256"] if doc else None
        cells["posting_source"] = app.posting_source
        cells["posting_text"] = app.posting_text
        cells["notes"] = app.notes
        cells["history"] = "; ".join(
            f"{c.stage}{f'#{c.round}' if c.round else ''}@{c.at.isoformat()}"
            for c in app.history.all()
        )
        writer.writerow({k: _cell(v) for k, v in cells.items()})
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@")


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    # a leading ' is doubled too, so import can tell the guard from the person's own '
    return "'" + text if text[:1] and text[0] in (*FORMULA_STARTS, "'") else text


# -- import ---------------------------------------------------------------------------------

MAX_IMPORT_BYTES = 50_000_000
_HISTORY_ENTRY = re.compile(r"(?P<stage>[^#@]+?)(?:#(?P<round>\d{1,3}))?@(?P<at>\S+)")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class CsvImportError(ValueError):
    """A CSV file that cannot be imported: ``problems`` has one message per bad row (or one
    for the whole file); nothing was stored."""

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:20]
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__("; ".join(shown) + more)
        self.problems = problems


@dataclass(frozen=True)
class Imported:
    read: int  # rows read
    imported: tuple[int, ...]  # the new applications' ids
    skipped: tuple[tuple[int, str], ...]  # (line, why) for rows already here


@dataclass
class _Row:
    line: int
    fields: dict[str, Any]
    history: list[tuple[Stage, int | None, datetime]]
    created_at: datetime
    resume: tuple[str, str] | None  # (filename, sha256 or "")
    cover_letter: tuple[str, str] | None
    posting_source: str
    posting_text: str


def _uncell(text: str | None) -> str:
    """A cell as written before :func:`_cell` guarded it against formulas."""
    text = (text or "").strip()
    if text[:1] == "'" and text[1:2] and text[1] in (*FORMULA_STARTS, "'"):
        return text[1:]
    return text


def _moment(field: str, text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise ApplicationError(field, f"{short(text)} is not a date and time (ISO 8601)") from None
    return at if timezone.is_aware(at) else timezone.make_aware(at)


def _read_row(line: int, raw: dict[str, Any], listed: tuple[Stage, ...], now: datetime) -> _Row:
    cells = {k.strip(): _uncell(v) for k, v in raw.items() if isinstance(k, str)}
    if None in raw:
        raise ApplicationError("row", "has more cells than the header")
    fields = _clean({f: cells[f] for f in FIELDS if cells.get(f)})
    fields.setdefault("company", "")
    fields.setdefault("role_title", "")
    _check_whole(fields)
    created = _moment("created_at", cells["created_at"]) if cells.get("created_at") else now
    history: list[tuple[Stage, int | None, datetime]] = []
    if cells.get("history"):
        for part in cells["history"].split(";"):
            m = _HISTORY_ENTRY.fullmatch(part.strip())
            if m is None:
                raise ApplicationError("history", f"{short(part.strip())} is not "
                                                  "stage@time or stage#round@time")
            stage = core.find_stage(listed, m["stage"].strip())
            if stage is None:
                raise ApplicationError("history", f"no stage {short(m['stage'].strip())}")
            at = _moment("history", m["at"])
            if history and at < history[-1][2]:
                raise ApplicationError("history", f"{m['at'][:40]} is before the move before it")
            number = None
            if stage.rounds:  # numbered as written, else the next round of that stage
                before = sum(1 for h in history if h[0] == stage)
                number = int(m["round"]) if m["round"] else before + 1
            history.append((stage, number, at))
        if cells.get("stage") and core.find_stage(listed, cells["stage"]) != history[-1][0]:
            raise ApplicationError("stage", f"{short(cells['stage'])} is not where the "
                                            "history ends")
    else:
        start = _stage(cells["stage"], listed) if cells.get("stage") else listed[0]
        since = _moment("stage_since", cells["stage_since"]) if cells.get("stage_since") \
            else created
        history.append((start, 1 if start.rounds else None, since))
    if history[-1][2] > now + timedelta(minutes=1):
        raise ApplicationError("history", "a move is in the future")
    documents = []
    for kind in ("resume", "cover_letter"):
        name = cells.get(f"{kind}_filename", "")
        digest = cells.get(f"{kind}_sha256", "").lower()
        if digest and not _SHA256.fullmatch(digest):
            raise ApplicationError(f"{kind}_sha256", f"{short(digest)} is not a SHA-256")
        if "\x00" in name or len(name) > 255:
            raise ApplicationError(f"{kind}_filename", "is not a file name")
        documents.append((name, digest) if name or digest else None)
    if documents[0] is None and _needs_resume(history[-1][0]):
        raise ApplicationError("resume_filename", f"an application in {history[-1][0].name} "
                                                  "needs the resume version sent")
    text = cells.get("posting_text", "")
    if len(text) > 1_000_000 or "\x00" in text:
        raise ApplicationError("posting_text", "is over 1,000,000 characters or has a NUL")
    return _Row(line, fields, history, created, documents[0], documents[1],
                cells.get("posting_source", "")[:2000], text)


def _version(kind: str, known: tuple[str, str], now: datetime) -> models.SentDocument:
    """The stored version a CSV row names: the one with its SHA-256, else one known by what
    the file says (name and SHA-256, or the name alone), without content."""
    name, digest = known
    if digest:
        found = models.SentDocument.objects.filter(kind=kind, sha256=digest).only("pk").first()
    else:
        found = (models.SentDocument.objects.filter(kind=kind, sha256="", filename=name)
                 .only("pk").first())
    if found is not None:
        return found
    return models.SentDocument.objects.create(kind=kind, filename=name, sha256=digest,
                                              content=None, size=None, created_at=now)


def import_csv(data: bytes, *, now: datetime | None = None) -> Imported:
    """Add the applications of a CSV file (the columns :func:`export_csv` writes; ``company``
    and ``role_title`` are needed, the rest optional). All or nothing: every bad row is
    reported (:class:`CsvImportError`, one message a row, naming its line and field) and then
    nothing is stored. A row already here (same employer, title and ``created_at``) is
    skipped and said. Postings are not linked (their ids belong to another database); their
    text and address are kept. A version known only by name is stored without content."""
    from unstuck.text.limits import csv_dicts, fieldnames

    now = _now(now)
    if len(data) > MAX_IMPORT_BYTES:
        raise CsvImportError([f"the file is over {MAX_IMPORT_BYTES // 1_000_000} MB"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvImportError([f"the file is not UTF-8 text (byte {exc.start})"]) from None
    header = {h.strip() for h in fieldnames(text, ValueError) if h}
    missing = [c for c in ("company", "role_title") if c not in header]
    if missing:
        raise CsvImportError([f"the header has no {' or '.join(missing)} column "
                            f"(it has: {', '.join(sorted(header))[:200] or 'nothing'})"])
    listed = stages()
    rows: list[_Row] = []
    problems: list[str] = []
    try:
        for line, raw in csv_dicts(text, ValueError):
            if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
                continue  # a blank line
            try:
                rows.append(_read_row(line, raw, listed, now))
            except ApplicationError as err:
                problems.append(f"line {line}: {err}")
    except ValueError as err:
        raise CsvImportError([str(err)]) from None
    if problems:
        raise CsvImportError(problems)
    if not rows:
        raise CsvImportError(["the file has no rows"])
    imported, skipped = [], []
    with transaction.atomic():
        for r in rows:
            ckey, tkey = core.company_key(r.fields["company"]), title_key(r.fields["role_title"])
            there = models.Application.objects.filter(company_key=ckey, title_key=tkey,
                                                      created_at=r.created_at).first()
            if there is not None:
                skipped.append((r.line, f"already here (application {there.pk})"))
                continue
            last_stage, last_round, last_at = r.history[-1]
            app = models.Application.objects.create(
                **r.fields, company_key=ckey, title_key=tkey, posting_source=r.posting_source,
                posting_text=r.posting_text, stage=last_stage.key, stage_round=last_round,
                stage_since=last_at, created_at=r.created_at,
                resume=_version(models.RESUME, r.resume, now) if r.resume else None,
                cover_letter=(_version(models.COVER_LETTER, r.cover_letter, now)
                              if r.cover_letter else None),
            )
            models.StageChange.objects.bulk_create(
                models.StageChange(application=app, stage=st.key, stage_name=st.name,
                                   round=number, at=at)
                for st, number, at in r.history
            )
            imported.append(app.pk)
    return Imported(len(rows), tuple(imported), tuple(skipped))


def sent_copy(pk: int) -> tuple[str, bytes, bool] | None:
    """A document as it was sent: (file name, content, whether it is the file's own bytes
    rather than an imported resume's text); None when no copy is stored (a version known by
    name only, or no such version)."""
    doc = models.SentDocument.objects.filter(pk=pk).first()
    if doc is None:
        return None
    if doc.content is not None:
        return doc.filename, bytes(doc.content), True
    if doc.text:
        return doc.filename, doc.text.encode("utf-8"), False
    return None


def sent_dates() -> list[date]:
    """The day each application was sent: its first move into a stage past Saved that is not
    an end (the stages that need the resume sent), one date per application."""
    listed = core.by_key(stages())
    sent: dict[int, date] = {}
    for app_id, key, at in models.StageChange.objects.order_by("at", "id").values_list(
        "application_id", "stage", "at"
    ):
        stage = listed.get(key)
        if app_id not in sent and stage is not None and _needs_resume(stage):
            sent[app_id] = _day(at)
    return sorted(sent.values())


# -- the people on an application -------------------------------------------------------------

#: the parts a person plays in an application
PARTS = ("recruiter", "interviewer", "referrer", "hiring manager", "other")


def _part(value: object) -> str:
    text = " ".join(str(value or "").split()).casefold()
    if text not in PARTS:
        raise ApplicationError("part", f"{short(value)} is not one of {', '.join(PARTS)}")
    return text


@transaction.atomic
def link_person(
    pk: int, contact_id: int, part: str, now: datetime | None = None
) -> models.ApplicationPerson:
    """Link a person (a contact of :mod:`unstuck.app.people`) to an application in a part;
    linking the same person in the same part again changes nothing."""
    from unstuck.app.people import models as people_models

    app = get(pk)
    role = _part(part)
    if not people_models.Contact.objects.filter(pk=contact_id).exists():
        raise ApplicationError("person", f"no person {short(contact_id)}", not_found=True)
    link, _ = models.ApplicationPerson.objects.get_or_create(
        application=app, contact_id=contact_id, part=role, defaults={"linked_at": _now(now)}
    )
    return link


@transaction.atomic
def link_new_person(
    pk: int, name: str, part: str, now: datetime | None = None
) -> models.ApplicationPerson:
    """Add a person by name, at the application's employer and tagged with their part (a
    recruiter, a referrer), and link them: the quick way to note who is involved. A person
    of that name already at the employer is linked instead of a new one."""
    from unstuck.app.people import services as people
    from unstuck.text.contacts.model import ContactRecord, RoleRecord

    app = get(pk)
    role = _part(part)
    name = " ".join(str(name or "").split())
    if not name:
        raise ApplicationError("person", "a name is needed")
    if len(name) > 200:
        raise ApplicationError("person", "a name is at most 200 characters")
    known = [k.contact for k in people.who(at=app.company)]
    same = next((c for c in known if c.name.casefold() == name.casefold()), None)
    if same is None:
        record = ContactRecord(name=name, roles=(RoleRecord(organisation=app.company),),
                               tags=(role,) if role != "other" else ())  # fmt: skip
        try:
            same = people.add_contact(record)
        except ValueError as e:
            raise ApplicationError("person", str(e)) from None
    return link_person(pk, same.pk, role, now)


def unlink_person(pk: int, contact_id: int, part: str | None = None) -> int:
    """Remove a person's links to an application (in one part, or every part): how many."""
    found = models.ApplicationPerson.objects.filter(application_id=pk, contact_id=contact_id)
    if part is not None:
        found = found.filter(part=_part(part))
    deleted, _ = found.delete()
    return deleted


def people_of(pk: int) -> list[dict[str, Any]]:
    """The people linked to an application: id, name, part, and where they work now."""
    rows = []
    for link in models.ApplicationPerson.objects.filter(application_id=pk).select_related(
        "contact"
    ):
        current = link.contact.roles.filter(end=None).select_related("organisation").first()
        rows.append({
            "id": link.contact_id,
            "name": link.contact.name,
            "part": link.part,
            "title": current.title if current is not None and current.title else None,
            "organisation": current.organisation.name
            if current is not None and current.organisation is not None else None,
        })  # fmt: skip
    return rows


def applications_of(contact_id: int) -> list[dict[str, Any]]:
    """The applications a person is linked to, newest first, with their part in each."""
    return [
        {"id": link.application_id, "company": link.application.company,
         "role_title": link.application.role_title, "part": link.part,
         "stage": stage_name(link.application)}
        for link in models.ApplicationPerson.objects.filter(contact_id=contact_id)
        .select_related("application").order_by("-application__created_at")
    ]  # fmt: skip


def known_people(limit: int = 200) -> list[tuple[int, str]]:
    """(id, name) of the people one can link, by name: the choices of the link form."""
    from unstuck.app.people import models as people_models

    return list(people_models.Contact.objects.order_by("name", "id").values_list("pk", "name")[
        :limit
    ])
