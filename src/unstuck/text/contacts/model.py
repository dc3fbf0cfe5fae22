"""What the contact readers return and the writers take: plain frozen records, the per-row
report, and the checks every imported value passes.

A :class:`ContactRecord` is one person as a file can carry them; :func:`clean_record` puts it
in the one form unstuck keeps (spaces collapsed in one-line fields, line ends as ``\\n`` in
notes, types as lower-case tokens in order, each email, phone, URL and tag once), and
:func:`record_problem` says why a record cannot be kept (no name, a field over its limit, an
address that is not one). The readers run both on every row or card, so the app stores only
clean records and a written file reads back equal to what was kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from unstuck.core.limits import short
from unstuck.core.people import cadence_problem, clean_tags, date_problem

MAX_BYTES = 20_000_000  # one contacts file (30,000 LinkedIn connections are ~3 MB)
MAX_MESSAGES_BYTES = 50_000_000  # a LinkedIn messages.csv (years of messages)
MAX_ROWS = 50_000  # rows or cards in one file (LinkedIn caps connections at 30,000)
MAX_MESSAGE_ROWS = 200_000
MAX_LINE_CHARS = 500  # a name, title, organisation, address, number or tag
MAX_TEXT_CHARS = 100_000  # notes, "how you know them", one message's text
MAX_ITEMS = 100  # emails, phones, URLs, roles or tags on one contact


class ContactsError(ValueError):
    """A contacts file that cannot be read at all (its encoding, its header, its size), or
    an import refused because some rows are bad: the message says why, for a person."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one row or card was not imported; ``where`` names it ("row 7", "card 3 (line
    40)") so the person can find it in the file."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Email:
    address: str
    types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Phone:
    number: str
    types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleRecord:
    """A position held: at least an organisation or a title; dates when known."""

    organisation: str = ""
    title: str = ""
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class ContactRecord:
    name: str
    given_name: str = ""
    family_name: str = ""
    emails: tuple[Email, ...] = ()
    phones: tuple[Phone, ...] = ()
    urls: tuple[str, ...] = ()
    roles: tuple[RoleRecord, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str = ""
    how_known: str = ""
    cadence_days: int | None = None
    known_since: date | None = None
    uid: str = ""


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """One LinkedIn message: who sent it to whom (names and profile addresses) and when."""

    where: str
    conversation: str
    sender: str
    sender_url: str
    recipients: tuple[str, ...]
    recipient_urls: tuple[str, ...]
    sent_at: datetime
    subject: str
    content: str


@dataclass
class ReadResult:
    """What a reader found in one file: ``read`` rows or cards, the records that can be
    kept (each with where it came from), the ones ``skipped`` for a plain reason (nothing to
    keep), the ``bad`` ones (malformed or over a limit) and the properties a vCard had that
    unstuck does not keep (name -> cards)."""

    kind: str  # "vcard" | "linkedin-connections" | "linkedin-messages"
    read: int = 0
    records: list[tuple[str, ContactRecord]] = field(default_factory=list)
    messages: list[MessageRecord] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    bad: list[Problem] = field(default_factory=list)
    not_kept: Counter[str] = field(default_factory=Counter)


# -- decoding -----------------------------------------------------------------------------------


def decode(data: bytes, encoding: str | None = None, *, limit: int = MAX_BYTES) -> str:
    """A contacts file's text: UTF-8 (with or without a byte-order mark) or UTF-16 with one,
    or ``encoding`` when the person names it. Anything else is refused with what to do,
    rather than read as the wrong characters and stored."""
    if len(data) > limit:
        raise ContactsError(f"this file is over {limit // 1_000_000} MB: refused")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ContactsError(f"{short(encoding)} is not an encoding Python knows") from None
        except UnicodeDecodeError as exc:
            raise ContactsError(
                f"this file is not {encoding} text (byte 0x{data[exc.start]:02X} at offset "
                f"{exc.start:,})"
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ContactsError("this file says it is UTF-16 but is not") from None
    if b"\x00" in data:
        raise ContactsError(
            "this file holds NUL bytes: it is binary, or UTF-16 without a byte-order mark; "
            "save it as UTF-8 and import it again"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContactsError(
            f"this file is not UTF-8 text (byte 0x{data[exc.start]:02X} at offset "
            f"{exc.start:,}): save it as UTF-8, or name its encoding (--encoding cp1252)"
        ) from None


# -- cleaning -----------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TYPE_NOISE = re.compile(r"[^a-z0-9]+")
#: EMAIL types of vCard 3.0 that say nothing (every address is an internet one)
_EMPTY_TYPES = frozenset({"internet", "x400"})


def one_line(text: str) -> str:
    """A one-line field: control characters and runs of spaces or line ends as one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def multi_line(text: str) -> str:
    """A text field: line ends as ``\\n``, other control characters dropped, spaces at the
    ends of the text and of its lines trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def clean_type(text: str) -> str:
    """A type (``work``, ``cell``...) as a lower-case token: Apple's ``_$!<Mobile>!$_``
    labels unwrapped, other characters as ``-``."""
    text = text.strip()
    if text.startswith("_$!<") and text.endswith(">!$_"):
        text = text[4:-4]
    return _TYPE_NOISE.sub("-", unicodedata.normalize("NFKC", text).casefold()).strip("-")[:40]


def clean_types(types: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    kept = {clean_type(t) for t in types} - _EMPTY_TYPES - {""}
    return tuple(sorted(kept))


def _unprefixed(text: str, prefix: str) -> str:
    """``text`` without any number of leading ``prefix`` (a URI scheme), so cleaning twice
    gives what cleaning once gave."""
    while text[: len(prefix)].casefold() == prefix:
        text = text[len(prefix) :].lstrip()
    return text


def clean_record(record: ContactRecord) -> ContactRecord:
    """``record`` in the form unstuck keeps (see the module docstring)."""
    emails: dict[str, Email] = {}
    for e in record.emails:
        address = _unprefixed(one_line(e.address), "mailto:")
        if not address:
            continue
        key = address.casefold()
        before = emails.get(key)
        types = clean_types([*(before.types if before else ()), *e.types])
        emails[key] = Email(before.address if before else address, types)
    phones: dict[str, Phone] = {}
    for p in record.phones:
        number = _unprefixed(one_line(p.number), "tel:")
        if not number:
            continue
        before_p = phones.get(number)
        phones[number] = Phone(number, clean_types([*(before_p.types if before_p else ()),
                                                    *p.types]))
    roles = []
    for r in record.roles:
        role = replace(r, organisation=one_line(r.organisation), title=one_line(r.title))
        if (role.organisation or role.title) and role not in roles:
            roles.append(role)
    urls = list(dict.fromkeys(u.strip() for u in record.urls if u.strip()))
    name = one_line(record.name) or one_line(f"{record.given_name} {record.family_name}")
    return ContactRecord(
        name=name,
        given_name=one_line(record.given_name),
        family_name=one_line(record.family_name),
        emails=tuple(emails.values()),
        phones=tuple(phones.values()),
        urls=tuple(urls),
        roles=tuple(roles),
        tags=tuple(clean_tags(one_line(t) for t in record.tags)),
        notes=multi_line(record.notes),
        how_known=multi_line(record.how_known),
        cadence_days=record.cadence_days,
        known_since=record.known_since,
        uid=record.uid.strip(),
    )


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_URL_BAD = re.compile(r"[\s\x00-\x1f\x7f]")


def record_problem(record: ContactRecord) -> str | None:
    """Why a cleaned record cannot be kept, or None."""
    if not record.name:
        return "no name"
    lines = [("the name", record.name), ("the given name", record.given_name),
             ("the family name", record.family_name)]
    lines += [("an email address", e.address) for e in record.emails]
    lines += [("a phone number", p.number) for p in record.phones]
    lines += [("an organisation", r.organisation) for r in record.roles]
    lines += [("a title", r.title) for r in record.roles]
    lines += [("a tag", t) for t in record.tags]
    lines += [("a web address", u) for u in record.urls]
    lines += [("the UID", record.uid)]
    for what, value in lines:
        if len(value) > MAX_LINE_CHARS:
            return f"{what} is {len(value):,} characters, more than {MAX_LINE_CHARS:,}"
    for what, value in (("the notes", record.notes), ("how you know them", record.how_known)):
        if len(value) > MAX_TEXT_CHARS:
            return f"{what} are {len(value):,} characters, more than {MAX_TEXT_CHARS:,}"
    for what, items in (("email addresses", record.emails), ("phone numbers", record.phones),
                        ("web addresses", record.urls), ("roles", record.roles),
                        ("tags", record.tags)):
        if len(items) > MAX_ITEMS:
            return f"{len(items):,} {what}, more than {MAX_ITEMS}"
    for e in record.emails:
        if not _EMAIL.fullmatch(e.address):
            return f"{short(e.address)} is not an email address"
    for u in [*record.urls, record.uid]:
        if _URL_BAD.search(u):
            return f"{short(u)} holds spaces or control characters"
    for r in record.roles:
        if r.start and r.end and r.end < r.start:
            return f"a role ends ({r.end}) before it starts ({r.start})"
    dates = [("the date you have known them since", record.known_since)]
    dates += [(what, d) for r in record.roles for what, d in
              (("a role's start", r.start), ("a role's end", r.end))]
    for what, day in dates:
        why = date_problem(day, what)
        if why:
            return why
    return cadence_problem(record.cadence_days)
