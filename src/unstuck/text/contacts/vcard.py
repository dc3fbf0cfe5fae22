"""vCard in and out (RFC 2426 for 3.0, RFC 6350 for 4.0, and the 2.1 that old phones write),
written for unstuck from the RFCs: small, and only what a contact here holds.

**Reading** (:func:`read_vcards`). Lines are unfolded (a line starting with a space or tab
continues the one before; in 2.1, a quoted-printable value ending with ``=`` continues on the
next line), then each content line is split into an optional group (``item1.``), a name, its
parameters (quoted values may hold ``:`` and ``;``; 2.1's bare ``TEL;WORK;VOICE`` are types) and
the value. Text values are unescaped (``\\,`` ``\\;`` ``\\n`` ``\\\\``), compound ones (N,
ORG) split on unescaped ``;`` and lists (CATEGORIES) on unescaped ``,``. Kept:

- FN (or, without one, the name N spells), N's given and family names;
- EMAIL and TEL, each with its types (TYPE lists, 2.1 bare types, PREF, and the label Apple
  puts on a group's ``X-ABLabel``; the empty ``internet`` type dropped);
- ORG (its first part: the organisation) and TITLE as roles: properties of one group are one
  role, ungrouped ones pair in order;
- NOTE (several joined by a blank line), CATEGORIES as tags (less Google's "myContacts",
  which every Google contact has), URL and UID (unescaped: Google writes ``http\\://``);
- unstuck's own ``X-UNSTUCK-`` properties: how you know them, the cadence, since when, a
  role's start and end dates.

Every other property (ADR, BDAY, PHOTO...) is counted in the result's ``not_kept``, never
stored. A 4.0 card of another KIND than a person (org, group, location) is skipped. A card
that cannot be read, or whose values are over the limits of :mod:`.model`, is one problem
naming the card, its first line and every reason; the others still read, and the caller
decides what to store.

**Writing** (:func:`write_vcards`) produces 4.0 (default) or 3.0 with CRLF line ends, lines
folded at 75 octets without splitting a character, and every field above, so a file written
here reads back to the same records (the property test in ``tests/test_text_contacts.py``).
The first role is written ungrouped, as every other program reads it as the current job;
further roles are grouped ``roleN.`` with their dates.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import zip_longest

from unstuck.text.contacts.model import (
    MAX_ROWS,
    MAX_TEXT_CHARS,
    ContactRecord,
    ContactsError,
    Email,
    Phone,
    Problem,
    ReadResult,
    RoleRecord,
    clean_record,
    record_problem,
)
from unstuck.text.limits import Deadline

VERSIONS = ("2.1", "3.0", "4.0")
MAX_PROPERTY_CHARS = MAX_TEXT_CHARS * 2  # one unfolded line (escapes take room)
_STRUCTURE = frozenset({"BEGIN", "END", "VERSION", "PRODID", "REV", "X-ABLABEL", "KIND"})
_ENCODINGS = frozenset({"quoted-printable", "base64", "b", "8bit", "7bit"})
_NAME = re.compile(r"(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)")
_LINE_END = re.compile(r"\r\n|\n|\r")
#: CATEGORIES that name an address book's own groups, not a tag of the person
_GROUPS = frozenset({"mycontacts"})


@dataclass
class _Property:
    group: str
    name: str
    params: dict[str, list[str]]
    value: str
    line: int


@dataclass
class _Card:
    line: int
    properties: list[_Property] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    depth: int = 0


# -- reading ------------------------------------------------------------------------------------


def _logical_lines(text: str, deadline: Deadline) -> Iterator[tuple[int, str]]:
    """Unfolded lines with the number of the physical line each starts on; a line over
    :data:`MAX_PROPERTY_CHARS` is cut there (its card is then refused for it)."""
    start, size, qp = 0, 0, False
    parts: list[str] = []
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if number % 10_000 == 0:
            deadline.check()
        if parts and line[:1] in (" ", "\t"):
            piece = line[1:]
        elif parts and qp and parts[-1].endswith("="):
            parts[-1] = parts[-1][:-1]  # a quoted-printable soft line break
            piece = line
        else:
            if parts:
                yield start, "".join(parts)
            start, parts, size = number, [], 0
            head = line.split(":", 1)[0].upper()
            qp = ";QUOTED-PRINTABLE" in head or "ENCODING=QUOTED-PRINTABLE" in head
            piece = line
        if size <= MAX_PROPERTY_CHARS:
            parts.append(piece[: MAX_PROPERTY_CHARS + 1 - size])
            size += len(parts[-1])
    if parts:
        yield start, "".join(parts)


def _parse_line(line: str, number: int) -> _Property | str:
    """One content line as a property, or why it is not one."""
    m = _NAME.match(line)
    if not m or m.end() == 0 or line[m.end() : m.end() + 1] not in (";", ":"):
        return f"line {number} is not a property ({short_line(line)})"
    group, name = (m.group(1) or "").lower(), m.group(2).upper()
    params: dict[str, list[str]] = {}
    i, n = m.end(), len(line)
    while i < n and line[i] == ";":
        j = i + 1
        while j < n and line[j] not in "=;:":
            j += 1
        pname = line[i + 1 : j].strip().upper()
        values: list[str] = []
        if j < n and line[j] == "=":
            j += 1
            while True:
                if j < n and line[j] == '"':
                    end = line.find('"', j + 1)
                    if end < 0:
                        return f"line {number}: a quote in {name}'s parameters is not closed"
                    values.append(line[j + 1 : end])
                    j = end + 1
                else:
                    k = j
                    while k < n and line[k] not in ",;:":
                        k += 1
                    values.append(line[j:k])
                    j = k
                if j < n and line[j] == ",":
                    j += 1
                    continue
                break
            params.setdefault(pname, []).extend(v.strip() for v in values)
        elif pname:  # 2.1: a bare type or encoding
            key = "ENCODING" if pname.lower() in _ENCODINGS else "TYPE"
            params.setdefault(key, []).append(pname)
        i = j
    if i >= n or line[i] != ":":
        return f"line {number}: {name} has no ':' before its value"
    return _Property(group, name, params, line[i + 1 :], number)


def short_line(line: str) -> str:
    return repr(line[:40]) + ("..." if len(line) > 40 else "")


def _split(value: str, sep: str) -> list[str]:
    """``value`` split on ``sep`` where it is not escaped, each part unescaped."""
    parts, current, i, n = [], [], 0, len(value)
    while i < n:
        c = value[i]
        if c == "\\" and i + 1 < n:
            nxt = value[i + 1]
            current.append("\n" if nxt in "nN" else nxt if nxt in ",;:\\" else c + nxt)
            i += 2
            continue
        if c == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return parts


def _text(value: str) -> str:
    return _split(value, "\x00")[0]  # no separator: unescape only


def _decoded(prop: _Property) -> str:
    """The property's value with a 2.1 quoted-printable encoding undone."""
    encodings = [e.lower() for e in prop.params.get("ENCODING", ())]
    if "quoted-printable" not in encodings:
        return prop.value
    charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
    raw = binascii.a2b_qp(prop.value.encode("utf-8"))
    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise ValueError(f"{prop.name} is not {charset} text once decoded") from None


def _types(prop: _Property, labels: dict[str, str]) -> tuple[str, ...]:
    types: list[str] = []
    for value in prop.params.get("TYPE", ()):
        types += value.split(",")
    if prop.params.get("PREF"):
        types.append("pref")
    if prop.group and prop.group in labels:
        types.append(labels[prop.group])
    return tuple(types)


def _date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{what} {short_line(value)} is not a date (YYYY-MM-DD)") from None


class _NotAPerson(Exception):
    """A well-formed card that is not a person (4.0's KIND:org, group, location): skipped."""


def _card_record(card: _Card, not_kept: set[str]) -> ContactRecord:
    """The contact one card describes; raises ValueError naming what is wrong."""
    labels = {p.group: _text(p.value) for p in card.properties
              if p.name == "X-ABLABEL" and p.group}
    fn = given = family = how_known = uid = ""
    n_name = ""
    emails: list[Email] = []
    phones: list[Phone] = []
    urls: list[str] = []
    tags: list[str] = []
    notes: list[str] = []
    cadence: int | None = None
    since: date | None = None
    grouped: dict[str, dict[str, str]] = {}
    loose: dict[str, list[str]] = {"ORG": [], "TITLE": [], "X-UNSTUCK-START": [],
                                   "X-UNSTUCK-END": []}
    role_order: list[str] = []
    for prop in card.properties:
        name = prop.name
        if name in _STRUCTURE:
            if name == "VERSION" and prop.value.strip() not in VERSIONS:
                raise ValueError(f"VERSION {short_line(prop.value)} is not 2.1, 3.0 or 4.0")
            if name == "KIND" and prop.value.strip().lower() not in ("", "individual"):
                raise _NotAPerson(f"a card of KIND {short_line(prop.value.strip().lower())}, "
                                  "not a person's")
            continue
        value = _decoded(prop)
        if name == "FN":
            fn = fn or _text(value)
        elif name == "N":
            parts = [*_split(value, ";"), "", "", "", "", ""]
            family, given = parts[0], parts[1]
            n_name = " ".join(p for p in (parts[3], parts[1], parts[2], parts[0], parts[4]) if p)
        elif name == "EMAIL":
            emails.append(Email(_text(value), _types(prop, labels)))
        elif name == "TEL":
            phones.append(Phone(_text(value), _types(prop, labels)))
        elif name in loose:
            text = _split(value, ";")[0] if name == "ORG" else _text(value)
            if prop.group:
                if prop.group not in grouped:
                    grouped[prop.group] = {}
                    role_order.append(prop.group)
                grouped[prop.group][name] = text
            else:
                if not any(loose.values()):
                    role_order.append("")
                loose[name].append(text)
        elif name == "NOTE":
            notes.append(_text(value))
        elif name == "CATEGORIES":
            tags += [t for t in _split(value, ",") if t.strip().casefold() not in _GROUPS]
        elif name == "URL":
            urls.append(_text(value).strip())  # Google writes http\://
        elif name == "UID":
            uid = _text(value).strip()
        elif name == "X-UNSTUCK-HOW-KNOWN":
            how_known = _text(value)
        elif name == "X-UNSTUCK-CADENCE":
            text = value.strip()
            if not text.isdigit() or len(text) > 6:
                raise ValueError(f"X-UNSTUCK-CADENCE {short_line(text)} is not a number of days")
            cadence = int(text)
        elif name == "X-UNSTUCK-KNOWN-SINCE":
            since = _date(value, "X-UNSTUCK-KNOWN-SINCE")
        else:
            not_kept.add(name)
    roles: list[RoleRecord] = []
    for key in role_order:
        if key:
            g = grouped[key]
            start, end = g.get("X-UNSTUCK-START"), g.get("X-UNSTUCK-END")
            roles.append(RoleRecord(g.get("ORG", ""), g.get("TITLE", ""),
                                    _date(start, "a role's start") if start else None,
                                    _date(end, "a role's end") if end else None))
        else:
            for org, title, start, end in zip_longest(*loose.values(), fillvalue=""):
                roles.append(RoleRecord(org, title,
                                        _date(start, "a role's start") if start else None,
                                        _date(end, "a role's end") if end else None))
    return ContactRecord(
        name=fn or n_name, given_name=given, family_name=family, emails=tuple(emails),
        phones=tuple(phones), urls=tuple(urls), roles=tuple(roles), tags=tuple(tags),
        notes="\n\n".join(notes), how_known=how_known, cadence_days=cadence,
        known_since=since, uid=uid,
    )


def read_vcards(text: str) -> ReadResult:
    """Every card in a vCard file (see the module docstring); raises :class:`ContactsError`
    when the text holds no card at all or more than :data:`MAX_ROWS`."""
    result = ReadResult("vcard")
    deadline = Deadline(ContactsError, "this vCard file")
    card: _Card | None = None
    outside: list[int] = []

    def finish(c: _Card) -> None:
        result.read += 1
        if result.read > MAX_ROWS:
            raise ContactsError(f"this file has more than {MAX_ROWS:,} cards: refused")
        names: set[str] = set()
        where = f"card {result.read} (line {c.line})"
        problems = list(c.problems)
        record = None
        if not problems:
            try:
                record = clean_record(_card_record(c, names))
            except ValueError as exc:
                problems.append(str(exc))
            except _NotAPerson as exc:
                result.skipped.append(Problem(where, str(exc)))
                return
        if record is not None:
            why = record_problem(record)
            if why:
                problems.append(why)
            else:
                result.records.append((where, record))
        if record is not None and record.name:
            where = f"{where[:-1]}, {short_line(record.name)})"
        if problems:
            result.bad.append(Problem(where, "; ".join(dict.fromkeys(problems))))
        result.not_kept.update(names)

    for number, line in _logical_lines(text, deadline):
        if not line.strip():
            continue
        head = line[:12].upper()
        if card is None:
            if head.startswith("BEGIN:VCARD"):
                card = _Card(number)
            else:
                outside.append(number)
            continue
        if head.startswith("BEGIN:VCARD"):
            card.depth += 1
            card.problems.append(f"line {number}: a card inside a card is not read")
            continue
        if head.startswith("END:VCARD"):
            if card.depth:
                card.depth -= 1
                continue
            finish(card)
            card = None
            continue
        if card.depth:
            continue
        if len(line) > MAX_PROPERTY_CHARS:
            name = line.split(":", 1)[0][:40]
            card.problems.append(
                f"line {number}: {name} is over {MAX_PROPERTY_CHARS:,} characters"
            )
            continue
        parsed = _parse_line(line, number)
        if isinstance(parsed, str):
            card.problems.append(parsed)
        else:
            card.properties.append(parsed)
    if card is not None:
        card.problems.append("the file ends before its END:VCARD")
        finish(card)
    if not result.read:
        raise ContactsError("no vCard in this file (no BEGIN:VCARD line)")
    if outside:
        lines = ", ".join(map(str, outside[:5])) + (" ..." if len(outside) > 5 else "")
        result.bad.append(Problem(f"line {outside[0]}",
                                  f"text outside BEGIN:VCARD ... END:VCARD (lines {lines})"))
    return result


# -- writing ------------------------------------------------------------------------------------


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str, limit: int = 75) -> str:
    """``line`` folded at ``limit`` octets of UTF-8 (a continuation starts with a space and
    counts it), never inside a character."""
    if len(line.encode("utf-8")) <= limit:
        return line
    out: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n".join(out)


def _typed(name: str, types: tuple[str, ...], version: str, extra: str = "") -> str:
    plain = [t for t in types if t != "pref"]
    params = extra
    if plain:
        params += ";TYPE=" + ",".join(plain)
    if "pref" in types:
        params += ";PREF=1" if version == "4.0" else (",pref" if plain else ";TYPE=pref")
    return name + params


def write_vcard(record: ContactRecord, version: str = "4.0") -> str:
    """One card (CRLF line ends, folded)."""
    if version not in ("3.0", "4.0"):
        raise ValueError("vCard version must be 3.0 or 4.0")
    lines = ["BEGIN:VCARD", f"VERSION:{version}", "PRODID:-//unstuck//people//EN"]
    if record.uid:
        lines.append(f"UID:{record.uid.replace(chr(92), chr(92) * 2)}")
    lines.append(f"FN:{escape(record.name)}")
    if record.given_name or record.family_name or version == "3.0":
        lines.append(f"N:{escape(record.family_name)};{escape(record.given_name)};;;")
    for e in record.emails:
        lines.append(f"{_typed('EMAIL', e.types, version)}:{escape(e.address)}")
    for p in record.phones:
        extra = ";VALUE=text" if version == "4.0" else ""
        lines.append(f"{_typed('TEL', p.types, version, extra)}:{escape(p.number)}")
    for i, role in enumerate(record.roles):
        group = "" if i == 0 else f"role{i}."
        if role.organisation:
            lines.append(f"{group}ORG:{escape(role.organisation)}")
        if role.title:
            lines.append(f"{group}TITLE:{escape(role.title)}")
        if role.start:
            lines.append(f"{group}X-UNSTUCK-START:{role.start.isoformat()}")
        if role.end:
            lines.append(f"{group}X-UNSTUCK-END:{role.end.isoformat()}")
    for url in record.urls:  # as written, but a backslash escaped (readers unescape it)
        lines.append(f"URL:{url.replace(chr(92), chr(92) * 2)}")
    if record.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in record.tags))
    if record.notes:
        lines.append(f"NOTE:{escape(record.notes)}")
    if record.how_known:
        lines.append(f"X-UNSTUCK-HOW-KNOWN:{escape(record.how_known)}")
    if record.cadence_days:
        lines.append(f"X-UNSTUCK-CADENCE:{record.cadence_days}")
    if record.known_since:
        lines.append(f"X-UNSTUCK-KNOWN-SINCE:{record.known_since.isoformat()}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_vcards(records: Iterable[ContactRecord], version: str = "4.0") -> str:
    return "".join(write_vcard(r, version) for r in records)
