"""The Python API for people and organisations, shared by the CLI and (later) the web pages.

Contacts are added and edited as :class:`~unstuck.text.contacts.ContactRecord`\\ s passed
through :func:`~unstuck.text.contacts.model.clean_record` and
:func:`~unstuck.text.contacts.model.record_problem`, so a contact typed in and one imported
are held to the same checks; a refused value raises :class:`PeopleError` and nothing is
stored. Follow-ups are :func:`unstuck.core.people.follow_up` on what is stored: logging an
interaction resets the count and clears a snooze.

**Imports** (:func:`import_contacts`) are all or nothing by default: the file is read in full
first, and when any row or card is bad the import is refused with one message per bad row
(:class:`~unstuck.text.contacts.ContactsError` with ``problems``) and nothing is stored. With
``skip_bad=True`` the good rows are stored and the bad ones reported as skipped with their
reasons. Either way the rows stored are stored in one transaction. Rows *skipped* for a plain
reason (a LinkedIn row without a name, a message with nobody you know) never block an import.

**Matching on import.** A row is the same person as a stored contact when they share the vCard
UID, a web address (a LinkedIn profile), or an email address; failing those, the same name and
either no organisation on one side or an organisation in common, unless both have web
addresses (or both UIDs) and none is shared: two John Smiths with their own profiles are two
people. Among several namesakes, the one the row adds nothing to wins, then the only one at
the same organisation, then the only one that fits; two that fit equally make a new contact.
A match is merged: new emails, phones, addresses, tags and roles are added, empty fields
filled, notes not already there appended; nothing already stored is overwritten. So
importing the same file twice changes nothing the second time, and every import reports what
it read, imported, updated, left unchanged and skipped (and why).
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max, Prefetch, QuerySet
from django.utils import timezone

from unstuck.app.people import models
from unstuck.core import people as core
from unstuck.core.people import PeopleError
from unstuck.text.contacts import (
    ContactRecord,
    ContactsError,
    Email,
    MessageRecord,
    Phone,
    Problem,
    ReadResult,
    RoleRecord,
)
from unstuck.text.contacts.model import clean_record, one_line, record_problem

if TYPE_CHECKING:
    from unstuck.knowledge.store import KnowledgeBase

__all__ = [
    "ContactsError",
    "ImportReport",
    "PeopleError",
    "add_contact",
    "add_role",
    "edit_contact",
    "export_vcards",
    "follow_up",
    "get_contact",
    "import_contacts",
    "interview_gaps",
    "list_contacts",
    "log_interaction",
    "move_interview",
    "snooze",
    "start_interview",
    "who",
]


# -- records <-> rows ---------------------------------------------------------------------------


def _contacts() -> QuerySet[models.Contact]:
    return (
        models.Contact.objects.annotate(last_interaction=Max("interactions__date"))
        .prefetch_related(Prefetch("roles", models.Role.objects.select_related("organisation")))
    )


def to_record(contact: models.Contact) -> ContactRecord:
    """A stored contact as a record (what the vCard writer takes)."""
    return ContactRecord(
        name=contact.name,
        given_name=contact.given_name,
        family_name=contact.family_name,
        emails=tuple(Email(e["address"], tuple(e.get("types", ()))) for e in contact.emails),
        phones=tuple(Phone(p["number"], tuple(p.get("types", ()))) for p in contact.phones),
        urls=tuple(contact.urls),
        roles=tuple(
            RoleRecord(r.organisation.name if r.organisation else "", r.title, r.start, r.end)
            for r in contact.roles.all()
        ),
        tags=tuple(contact.tags),
        notes=contact.notes,
        how_known=contact.how_known,
        cadence_days=contact.cadence_days,
        known_since=contact.known_since,
        uid=contact.uid,
    )


def _checked(record: ContactRecord) -> ContactRecord:
    record = clean_record(record)
    why = record_problem(record)
    if why:
        raise PeopleError(why)
    return record


class _Organisations:
    """Organisations by key, loaded once for an import and created as rows name new ones (an
    import of 30,000 connections then asks the database once per organisation, not per row)."""

    def __init__(self) -> None:
        self.by_key = {o.key: o for o in models.Organisation.objects.all()}

    def get(self, name: str) -> models.Organisation | None:
        key = core.organisation_key(name)
        if not key:
            return None
        if key not in self.by_key:
            self.by_key[key] = models.Organisation.objects.create(key=key, name=name)
        return self.by_key[key]


def _fill(contact: models.Contact, record: ContactRecord) -> None:
    """Set ``contact``'s fields from ``record`` (not saved; a new UID when it has none)."""
    contact.name = record.name
    contact.given_name = record.given_name
    contact.family_name = record.family_name
    contact.emails = [{"address": e.address, "types": list(e.types)} for e in record.emails]
    contact.phones = [{"number": p.number, "types": list(p.types)} for p in record.phones]
    contact.urls = list(record.urls)
    contact.tags = list(record.tags)
    contact.notes = record.notes
    contact.how_known = record.how_known
    contact.cadence_days = record.cadence_days
    contact.known_since = record.known_since
    contact.uid = record.uid or f"urn:uuid:{uuid.uuid4()}"


def _roles(contact: models.Contact, record: ContactRecord, orgs: _Organisations
           ) -> list[models.Role]:
    return [models.Role(contact=contact, organisation=orgs.get(r.organisation), title=r.title,
                        start=r.start, end=r.end) for r in record.roles]


def _write(contact: models.Contact, record: ContactRecord,
           orgs: _Organisations | None = None) -> None:
    """Store ``record`` in ``contact`` (saved), its roles replaced."""
    _fill(contact, record)
    contact.save()
    contact.roles.all().delete()
    models.Role.objects.bulk_create(_roles(contact, record, orgs or _Organisations()))


# -- contacts -----------------------------------------------------------------------------------


def add_contact(record: ContactRecord) -> models.Contact:
    """Store a new contact; raises :class:`PeopleError` (nothing stored) for a bad value."""
    record = _checked(record)
    with transaction.atomic():
        contact = models.Contact(created_at=timezone.now())
        _write(contact, record)
    return contact


def get_contact(pk: int) -> models.Contact | None:
    return _contacts().filter(pk=pk).first()


def _need(pk: int) -> models.Contact:
    found = get_contact(pk)
    if found is None:
        raise LookupError(f"no contact {pk}")
    return found


def edit_contact(pk: int, **changes: Any) -> models.Contact:
    """Change some of a contact's fields (the names of :class:`ContactRecord`'s fields);
    lists given replace the stored ones."""
    contact = _need(pk)
    unknown = set(changes) - set(ContactRecord.__dataclass_fields__)
    if unknown:
        raise PeopleError("no such field: " + ", ".join(sorted(unknown)))
    record = _checked(replace(to_record(contact), **changes))
    with transaction.atomic():
        _write(contact, record)
    return _need(pk)


def add_role(pk: int, organisation_name: str = "", title: str = "",
             start: date | None = None, end: date | None = None) -> models.Contact:
    """Add a role to a contact (a new job, an old one remembered)."""
    contact = _need(pk)
    record = to_record(contact)
    return edit_contact(pk, roles=(*record.roles, RoleRecord(organisation_name, title, start, end)))


def remove_contact(pk: int) -> bool:
    deleted, _ = models.Contact.objects.filter(pk=pk).delete()
    return bool(deleted)


# -- follow-ups ---------------------------------------------------------------------------------


def follow_up(contact: models.Contact, today: date) -> core.FollowUp:
    """The contact's follow-up state on ``today`` (``contact`` from :func:`list_contacts` or
    :func:`get_contact`, which carry the last interaction's date)."""
    last = getattr(contact, "last_interaction", None)
    if last is None and not hasattr(contact, "last_interaction"):
        last = contact.interactions.aggregate(last=Max("date"))["last"]
    return core.follow_up(
        cadence_days=contact.cadence_days,
        last_interaction=last,
        since=contact.known_since or timezone.localtime(contact.created_at).date(),
        today=today,
        snoozed_until=contact.snoozed_until,
    )


def list_contacts(*, today: date, tag: str | None = None, due_within: int | None = None
                  ) -> list[tuple[models.Contact, core.FollowUp]]:
    """Contacts with their follow-up state: all of them by name, or with ``due_within`` only
    those due within that many days (0: due today or overdue), most overdue first."""
    rows = [(c, follow_up(c, today)) for c in _contacts()]
    if tag:
        wanted = tag.casefold()
        rows = [(c, f) for c, f in rows if any(t.casefold() == wanted for t in c.tags)]
    if due_within is not None:
        rows = [(c, f) for c, f in rows if core.is_due(f, within_days=due_within)]
        rows.sort(key=lambda row: (row[1].days, row[0].name))
    return rows


def log_interaction(pk: int, kind: str, when: date, notes: str = "",
                    *, source_key: str = "") -> models.Interaction:
    """Log what happened with a contact: the follow-up counts from it, and a snooze ends."""
    contact = _need(pk)
    kind = kind.strip().lower().replace(" ", "-").replace("_", "-")
    if kind in ("info", "interview", "informational"):
        kind = "informational-interview"
    if kind not in core.INTERACTION_KINDS:
        raise PeopleError(f"no kind {kind[:40]!r}: the kinds are "
                          + ", ".join(core.INTERACTION_KINDS))
    why = core.date_problem(when, "the date")
    if why:
        raise PeopleError(why)
    notes = notes.strip()
    if len(notes) > 100_000:
        raise PeopleError("the notes are over 100,000 characters")
    with transaction.atomic():
        found = models.Interaction.objects.create(
            contact=contact, kind=kind, date=when, notes=notes, source_key=source_key
        )
        if contact.snoozed_until is not None:
            models.Contact.objects.filter(pk=pk).update(snoozed_until=None)
    return found


def snooze(pk: int, days: int, today: date) -> date:
    """Put a contact's follow-up off for ``days`` days from ``today``; returns the new date."""
    contact = _need(pk)
    until = core.snooze_until(today, days)
    models.Contact.objects.filter(pk=contact.pk).update(snoozed_until=until)
    return until


def interactions(pk: int) -> list[models.Interaction]:
    return list(models.Interaction.objects.filter(contact_id=pk))


# -- who do I know ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """A contact found by :func:`who`, with the role that made them match."""

    contact: models.Contact
    role: models.Role
    occupation: str | None = None  # the occupation code the role's title was read as


def who(*, at: str | None = None, title: str | None = None, occupation: str | None = None,
        kb: KnowledgeBase | None = None, current: bool = False, min_score: float = 0.5,
        ) -> list[Known]:
    """Contacts by their roles: ``at`` an organisation (matched by its key, else the
    organisations whose key holds it), with a ``title`` holding these words, or whose title
    the knowledge base reads as ``occupation`` (its title search, best three matches scoring
    ``min_score`` or more). ``current``: only roles without an end date. One entry per
    contact (their first matching role)."""
    roles = models.Role.objects.select_related("organisation", "contact")
    if current:
        roles = roles.filter(end__isnull=True)
    if at is not None:
        key = core.organisation_key(at)
        if not key:
            raise PeopleError(f"{at[:40]!r} is not an organisation's name")
        exact = roles.filter(organisation__key=key)
        roles = exact if exact.exists() else roles.filter(organisation__key__contains=key)
    found: list[models.Role] = list(roles)
    if title:
        words = _WORDS.findall(title.casefold())
        found = [r for r in found if _has_words(r.title, words)]
    codes: dict[int, str] = {}
    if occupation:
        if kb is None:
            raise PeopleError("finding people by occupation needs the knowledge base")
        read: dict[str, bool] = {}
        for r in found:
            t = r.title.casefold()
            if t and t not in read:
                matches = kb.search(r.title, limit=3)
                read[t] = any(m.code == occupation and m.score >= min_score for m in matches)
        found = [r for r in found if read.get(r.title.casefold())]
        codes = {r.pk: occupation for r in found}
    out: dict[int, Known] = {}
    for r in found:
        out.setdefault(r.contact_id, Known(r.contact, r, codes.get(r.pk)))
    return sorted(out.values(), key=lambda k: (k.contact.name.casefold(), k.contact.pk))


_WORDS = re.compile(r"\w+")


def _has_words(title: str, words: list[str]) -> bool:
    """Whether each of ``words`` starts a word of ``title`` ("analyst" and "anal" match
    "Data Analyst"; "cto" does not match "Director")."""
    own = _WORDS.findall(title.casefold())
    return all(any(w.startswith(q) for w in own) for q in words)


@dataclass(frozen=True)
class OrganisationRow:
    """An organisation with how many people you know there now and how many were there."""

    organisation: models.Organisation
    now: int
    before: int


def organisations() -> list[OrganisationRow]:
    """Every organisation someone you know works or worked at, the most people first (a
    person counts once: now if any of their roles there has no end date)."""
    people: dict[int, dict[int, bool]] = defaultdict(dict)  # org -> contact -> current
    for org_id, contact_id, end in models.Role.objects.filter(
        organisation__isnull=False
    ).values_list("organisation_id", "contact_id", "end"):
        people[org_id][contact_id] = people[org_id].get(contact_id, False) or end is None
    rows = [OrganisationRow(o, sum(people[o.pk].values()),
                            len(people[o.pk]) - sum(people[o.pk].values()))
            for o in models.Organisation.objects.filter(pk__in=list(people))]
    return sorted(rows, key=lambda r: (-(r.now + r.before), r.organisation.key))


# -- informational interviews -------------------------------------------------------------------


def start_interview(pk: int, target_code: str = "", today: date | None = None
                    ) -> models.InfoInterview:
    """An informational interview to ask ``pk`` for, about ``target_code`` (optional)."""
    contact = _need(pk)
    why = core.code_problem(target_code.strip())
    if why:
        raise PeopleError(why)
    when = today or timezone.localdate()
    return models.InfoInterview.objects.create(
        contact=contact, target_code=target_code.strip()[:10], stage="to-ask",
        reached={"to-ask": when.isoformat()}, created_at=timezone.now(),
    )


def move_interview(pk: int, stage: str | None, when: date, *,
                   scheduled_for: date | None = None) -> models.InfoInterview:
    """Move an interview to ``stage`` (None: the next one) on ``when``. Reaching "done" logs
    the interview as an interaction (once: moving back and forth does not log it again),
    so the contact's follow-up counts from it."""
    interview = models.InfoInterview.objects.select_related("contact").filter(pk=pk).first()
    if interview is None:
        raise LookupError(f"no informational interview {pk}")
    why = core.date_problem(when, "the date") or core.date_problem(scheduled_for, "the day")
    if why:
        raise PeopleError(why)
    target = core.check_stage(stage) if stage else core.next_stage(interview.stage)
    if target is None:
        raise PeopleError("this interview is at its last stage (follow up)")
    with transaction.atomic():
        interview.stage = target
        interview.reached = core.moved(interview.reached, target, when)
        if scheduled_for is not None:
            interview.scheduled_for = scheduled_for
        interview.save()
        key = f"interview:{interview.pk}"
        if target == "done" and not models.Interaction.objects.filter(
            contact=interview.contact, source_key=key
        ).exists():
            models.Interaction.objects.create(
                contact=interview.contact, kind="informational-interview",
                date=interview.scheduled_for or when, source_key=key,
                notes="Informational interview"
                + (f" about {interview.target_code}" if interview.target_code else ""),
            )
            models.Contact.objects.filter(pk=interview.contact_id).update(snoozed_until=None)
    return interview


def get_interview(pk: int) -> models.InfoInterview | None:
    return models.InfoInterview.objects.select_related("contact").filter(pk=pk).first()


def list_interviews(stage: str | None = None) -> list[models.InfoInterview]:
    found = models.InfoInterview.objects.select_related("contact")
    if stage:
        found = found.filter(stage=core.check_stage(stage))
    return list(found)


def interview_questions(pk: int, kb: KnowledgeBase, gaps: Iterable[str] = ()) -> list[str]:
    """Questions for interview ``pk``: from its target occupation's tasks (O*NET's core tasks
    first) and the ``gaps`` the caller names."""
    interview = models.InfoInterview.objects.filter(pk=pk).first()
    if interview is None:
        raise LookupError(f"no informational interview {pk}")
    occupation = kb.occupation(interview.target_code) if interview.target_code else None
    tasks = []
    if occupation is not None:
        ordered = sorted(occupation.tasks, key=lambda t: t.kind != "Core")
        tasks = [t.text for t in ordered]
    return core.interview_questions(occupation.title if occupation else None, tasks, list(gaps))


def interview_gaps(pk: int, kb: KnowledgeBase) -> list[str]:
    """The names of the saved profile's gaps for interview ``pk``'s target occupation, the
    biggest first: none when the interview has no target, the target is not in the knowledge
    base, or there is no profile to compare. Reads only (no profile row is created)."""
    from unstuck.app.profile import services as profile_services
    from unstuck.core.plan.gaps import analyse_gaps

    found = models.InfoInterview.objects.filter(pk=pk).first()
    if found is None:
        raise LookupError(f"no informational interview {pk}")
    target = kb.occupation(found.target_code) if found.target_code else None
    if target is None:
        return []
    stored = profile_services.get_profile()
    if stored.pk is None:  # nothing to compare: every skill would look like a gap
        return []
    return [g.name for g in analyse_gaps(profile_services.to_core(stored), target).gaps]


# -- imports ------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did: rows or cards ``read``, contacts ``imported`` (new), ``updated``
    (merged into a stored contact), ``unchanged`` (already there), interactions logged from
    messages, and the rows skipped, each with why. For messages, ``updated`` and ``unchanged``
    count the interactions a re-import found already logged."""

    kind: str
    read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    interactions: int = 0
    skipped: list[Problem] = field(default_factory=list)
    not_kept: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "read": self.read, "imported": self.imported,
            "updated": self.updated, "unchanged": self.unchanged,
            "interactions": self.interactions,
            "skipped": [{"where": p.where, "why": p.message} for p in self.skipped],
            "not_kept": self.not_kept,
        }


def _kind(text: str, filename: str) -> str:
    lowered = filename.lower()
    if lowered.endswith((".vcf", ".vcard")) or text.lstrip()[:11].upper() == "BEGIN:VCARD":
        return "vcard"
    head = text[:5000].upper()
    if "CONVERSATION ID" in head and "CONTENT" in head:
        return "linkedin-messages"
    return "linkedin-connections"


def read_files(data: bytes, filename: str = "", *, encoding: str | None = None
               ) -> list[tuple[str, ReadResult]]:
    """Read a contacts file (vCard, Connections.csv, messages.csv, told apart by name and
    content) or LinkedIn's export zip (its Connections.csv, then its messages.csv where
    present) without storing anything: each file's name (empty for a lone file) and what
    it held."""
    from unstuck.text.contacts import linkedin

    if data[:4] == b"PK\x03\x04":
        return _read_export(linkedin.export_files(data), encoding)
    return [("", _read_one(data, filename, encoding))]


def _read_export(files: dict[str, bytes], encoding: str | None) -> list[tuple[str, ReadResult]]:
    return [(name, _read_one(content, name, encoding)) for name, content in files.items()]


def _read_one(data: bytes, filename: str, encoding: str | None) -> ReadResult:
    from unstuck.text.contacts import linkedin, vcard
    from unstuck.text.contacts.model import MAX_BYTES, MAX_MESSAGES_BYTES, decode

    text = decode(data, encoding, limit=MAX_MESSAGES_BYTES)
    kind = _kind(text, filename)
    if kind != "linkedin-messages" and len(data) > MAX_BYTES:
        raise ContactsError(f"this file is over {MAX_BYTES // 1_000_000} MB: refused")
    if kind == "vcard":
        return vcard.read_vcards(text)
    if kind == "linkedin-messages":
        return linkedin.read_messages(text)
    return linkedin.read_connections(text)


def _named(label: str, problems: list[Problem]) -> list[Problem]:
    return [Problem(f"{label} {p.where}", p.message) for p in problems] if label else problems


def import_contacts(data: bytes, filename: str = "", *, encoding: str | None = None,
                    skip_bad: bool = False) -> ImportReport:
    """Read a contacts file and store what it holds (see the module docstring for what is
    refused, skipped and merged). Raises :class:`ContactsError` (``problems``: one per bad
    row) and stores nothing when the file cannot be read, or when a row is bad and
    ``skip_bad`` is False. LinkedIn's export zip is one import: its connections, then its
    messages, in one transaction."""
    try:
        results = read_files(data, filename, encoding=encoding)
    except ContactsError as err:
        raise ContactsError(f"{err} (nothing was saved)", err.problems) from None
    return _import(results, skip_bad)


def import_export_folder(files: dict[str, bytes], *, encoding: str | None = None,
                         skip_bad: bool = False) -> ImportReport:
    """Import an extracted LinkedIn export: ``files`` maps "Connections.csv" and
    "messages.csv" (those present) to their bytes; as :func:`import_contacts` does the zip."""
    if not files:
        raise ContactsError("this folder holds neither Connections.csv nor messages.csv "
                            "(is it LinkedIn's data export?)")
    try:
        results = _read_export(files, encoding)
    except ContactsError as err:
        raise ContactsError(f"{err} (nothing was saved)", err.problems) from None
    return _import(results, skip_bad)


def _import(results: list[tuple[str, ReadResult]], skip_bad: bool) -> ImportReport:
    bad = [p for label, r in results for p in _named(label, r.bad)]
    read = sum(r.read for _, r in results)
    if bad and not skip_bad:
        unit = "card" if results[0][1].kind == "vcard" else "row"
        raise ContactsError(
            f"{len(bad)} bad {unit}{'s' * (len(bad) != 1)} of {read} read, so nothing was "
            "imported (skip them with --skip-bad)",
            problems=bad,
        )
    kind = results[0][1].kind if results[0][0] == "" else "linkedin-export"
    report = ImportReport(kind, read=read)
    for label, result in results:
        report.skipped += sorted(_named(label, [*result.skipped, *result.bad]),
                                 key=lambda p: _order(p.where))
        report.not_kept.update(result.not_kept.most_common())
    with transaction.atomic():
        for _, result in results:
            if result.kind == "linkedin-messages":
                _store_messages(result.messages, report)
            else:
                _store_records(result.records, report)
    return report


def _order(where: str) -> tuple[int, str]:
    """"row 12" after "row 9": by the number a problem's place names."""
    digits = "".join(c for c in where.split("(")[0] if c.isdigit())
    return (int(digits) if digits else 0, where)


def url_key(url: str) -> str:
    """A web address folded for matching: scheme, ``www.``, case and a final ``/`` ignored
    (LinkedIn writes profile addresses several ways)."""
    text = url.strip().casefold()
    for prefix in ("https://", "http://"):
        text = text.removeprefix(prefix)
    return text.removeprefix("www.").rstrip("/")


class _Index:
    """The stored contacts by UID, web address, email and name, for matching rows; a slot is
    a contact's pk, or a negative number for one read earlier in the same file."""

    def __init__(self) -> None:
        self.by: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.records: dict[int, ContactRecord] = {}
        self.contacts: dict[int, models.Contact] = {}
        for contact in _contacts():
            self.contacts[contact.pk] = contact
            self.add(contact.pk, to_record(contact))

    def add(self, slot: int, record: ContactRecord) -> None:
        self.records[slot] = record
        for kind, keys in self._keys(record).items():
            for key in keys:
                if slot not in self.by[kind][key]:
                    self.by[kind][key].append(slot)

    @staticmethod
    def _keys(record: ContactRecord) -> dict[str, list[str]]:
        return {
            "uid": [record.uid] if record.uid else [],
            "url": [url_key(u) for u in record.urls],
            "email": [e.address.casefold() for e in record.emails],
            "name": [record.name.casefold()],
        }

    def match(self, record: ContactRecord) -> int | None:
        keys = self._keys(record)
        for kind in ("uid", "url", "email"):
            for key in keys[kind]:
                if self.by[kind].get(key):
                    return self.by[kind][key][0]
        orgs = {core.organisation_key(r.organisation) for r in record.roles} - {""}
        held, shared, loose = [], [], []
        for pk in self.by["name"].get(record.name.casefold(), ()):
            other = self.records[pk]
            if (record.urls and other.urls) or (record.uid and other.uid):
                continue  # both have profiles (or UIDs) and none is shared: two people
            theirs = {core.organisation_key(r.organisation) for r in other.roles} - {""}
            if merged(other, record) == other:
                held.append(pk)  # it adds nothing: a re-import finds the same one
            elif orgs & theirs:
                shared.append(pk)
            elif not orgs or not theirs:
                loose.append(pk)
        if held:
            return held[0]
        if shared or loose:  # one namesake that fits, or it is a new person
            fits = shared or loose
            return fits[0] if len(fits) == 1 else None
        return None


def merged(old: ContactRecord, new: ContactRecord) -> ContactRecord:
    """``old`` with what ``new`` adds: more emails, phones, addresses, tags and roles, empty
    fields filled, notes not already there appended. Nothing of ``old`` is overwritten."""
    have = {(core.organisation_key(r.organisation), r.title.casefold()) for r in old.roles}
    roles = [*old.roles]
    for r in new.roles:
        key = (core.organisation_key(r.organisation), r.title.casefold())
        if key not in have:
            have.add(key)
            roles.append(r)
    notes = old.notes
    if new.notes and new.notes not in notes:
        notes = f"{notes}\n\n{new.notes}" if notes else new.notes
    return clean_record(ContactRecord(
        name=old.name,
        given_name=old.given_name or new.given_name,
        family_name=old.family_name or new.family_name,
        emails=(*old.emails, *new.emails),
        phones=(*old.phones, *new.phones),
        urls=(*old.urls, *new.urls),
        roles=tuple(roles),
        tags=(*old.tags, *new.tags),
        notes=notes,
        how_known=old.how_known or new.how_known,
        cadence_days=old.cadence_days or new.cadence_days,
        known_since=old.known_since or new.known_since,
        uid=old.uid or new.uid,
    ))


def _store_records(records: list[tuple[str, ContactRecord]], report: ImportReport) -> None:
    """Match each record to a stored contact (or one earlier in the same file), merge or
    add it, then write: new contacts and their roles in bulk, merged ones one by one."""
    index = _Index()
    orgs = _Organisations()
    new: dict[int, ContactRecord] = {}  # slot (negative: not stored yet) -> record
    changed: dict[int, ContactRecord] = {}  # pk -> merged record
    for where, record in records:
        slot = index.match(record)
        if slot is None:
            slot = -(len(new) + 1)
            new[slot] = record
            index.add(slot, record)
            report.imported += 1
            continue
        old = index.records[slot]
        both = merged(old, record)
        if both == old:
            report.unchanged += 1
            continue
        why = record_problem(both)
        if why:  # merging went over a limit (more than 100 addresses...)
            raise ContactsError(f"{where}: {why} once merged with an earlier contact",
                                problems=[Problem(where, why)])
        (new if slot < 0 else changed)[slot] = both
        index.add(slot, both)
        report.updated += 1
    now = timezone.now()
    created = []
    for record in new.values():
        contact = models.Contact(created_at=now)
        _fill(contact, record)
        created.append(contact)
    models.Contact.objects.bulk_create(created, batch_size=500)  # sets their pks
    models.Role.objects.bulk_create(
        [role for contact, record in zip(created, new.values(), strict=True)
         for role in _roles(contact, record, orgs)],
        batch_size=1000,
    )
    for pk, record in changed.items():
        _write(index.contacts[pk], record, orgs)


def _store_messages(messages: list[MessageRecord], report: ImportReport) -> None:
    """Messages as interactions of kind "message": one per conversation, day and contact
    (the day's messages in its notes, oldest first), with the contact found by profile
    address, else by a name only one contact has."""
    index = _Index()
    names: dict[str, list[int]] = index.by["name"]
    days: dict[tuple[int, str, date], list[MessageRecord]] = defaultdict(list)
    for m in messages:
        found: set[int] = set()
        ambiguous = []
        for name, url in [(m.sender, m.sender_url),
                          *zip(m.recipients, [*m.recipient_urls, *[""] * len(m.recipients)],
                               strict=False)]:
            by_url = index.by["url"].get(url_key(url)) if url else None
            if by_url:
                found.add(by_url[0])
                continue
            same = names.get(one_line(name).casefold(), [])
            if len(same) == 1:
                found.add(same[0])
            elif len(same) > 1:
                ambiguous.append(name)
        if not found:
            why = (f"{len(names.get(one_line(ambiguous[0]).casefold(), []))} contacts are "
                   f"called {ambiguous[0]!r}" if ambiguous else
                   "no contact of yours sent or received it (import Connections.csv first)")
            report.skipped.append(Problem(m.where, why))
            continue
        for pk in found:
            days[(pk, m.conversation, m.sent_at.date())].append(m)
    logged = {(i.contact_id, i.source_key): i for i in models.Interaction.objects.filter(
        source_key__startswith="linkedin-message:")}
    fresh: list[models.Interaction] = []
    for (pk, conversation, day), items in days.items():
        items.sort(key=lambda m: m.sent_at)
        notes = "\n\n".join(
            f"LinkedIn message from {m.sender}"
            + (f" ({m.subject})" if m.subject else "") + f":\n{m.content}".rstrip()
            for m in items
        )
        key = f"linkedin-message:{conversation}:{day.isoformat()}"[:500]
        existing = logged.get((pk, key))
        if existing is None:
            fresh.append(models.Interaction(contact_id=pk, kind="message", date=day,
                                            notes=notes, source_key=key))
            report.interactions += 1
        elif existing.notes != notes:
            existing.notes = notes
            existing.save(update_fields=["notes"])
            report.updated += 1
        else:
            report.unchanged += 1
    models.Interaction.objects.bulk_create(fresh, batch_size=1000)


# -- exports ------------------------------------------------------------------------------------


def export_records(pks: Iterable[int] | None = None) -> list[ContactRecord]:
    """Every contact (or those of ``pks``) as the records the vCard writer takes."""
    found = _contacts()
    if pks is not None:
        found = found.filter(pk__in=list(pks))
    return [to_record(c) for c in found]


def export_vcards(version: str = "4.0", pks: Iterable[int] | None = None) -> str:
    """Every contact (or those of ``pks``) as one vCard file, 4.0 unless ``version`` is
    "3.0". Interactions and interviews are not vCard data and stay here."""
    from unstuck.text.contacts.vcard import write_vcards

    return write_vcards(export_records(pks), version)


def today() -> date:
    """Today in the app's time zone (for callers that do not pass one)."""
    return timezone.localdate()
