"""LinkedIn's data export: ``Connections.csv`` and ``messages.csv``.

**Connections.csv** starts with a "Notes:" block of a few lines (what the export leaves out)
before its header ``First Name,Last Name,URL,Email Address,Company,Position,Connected On``; the
header is found as the first line, of the first :data:`HEADER_SEARCH`, that names "First Name"
and "Last Name", and everything above it is skipped. Each row becomes a contact: the name, the
profile address as a URL, the email when the connection shares it, the company and position as
a role (no dates: LinkedIn does not give them here) and "Connected On" as when you have known
them. A row without a name is *skipped* (LinkedIn leaves the name out for members who hide
it); a row with a date that is not one, cells the header does not have, or a value over the
limits is *bad*, each with its reason.

**messages.csv** (``CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT
PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER``) becomes :class:`~.model.MessageRecord`\\ s; which
contact each one was with is for the app to decide (it knows the contacts).

A file with a header and no row is an error, never an import of nothing.

**The export zip** (:func:`export_files`) gives both files by name, each read with a cap
before it is decompressed further than its limit (a zip bomb stops there).
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from datetime import UTC, date, datetime

from unstuck.core.limits import short
from unstuck.text.contacts.model import (
    MAX_BYTES,
    MAX_LINE_CHARS,
    MAX_MESSAGE_ROWS,
    MAX_MESSAGES_BYTES,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    ContactRecord,
    ContactsError,
    Email,
    MessageRecord,
    Problem,
    ReadResult,
    RoleRecord,
    clean_record,
    record_problem,
)
from unstuck.text.limits import MAX_FIELD, Deadline

HEADER_SEARCH = 20  # lines the header may come after
CONNECTION_COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                      "Connected On")
MESSAGE_COLUMNS = ("FROM", "TO", "DATE", "CONTENT")
_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y")


def _rows(text: str, required: tuple[str, ...], what: str, limit: int, deadline: Deadline
          ) -> tuple[list[str], int, list[tuple[int, list[str]]]]:
    """The header (its cells stripped), its line number and the data rows with their line
    numbers; blank rows are left out."""
    lines = text.splitlines(keepends=True)
    wanted = {r.casefold() for r in required}
    for index, line in enumerate(lines[:HEADER_SEARCH]):  # noqa: B007 - used after the loop
        try:
            cells = next(csv.reader([line]), [])
        except csv.Error:
            continue
        if wanted <= {c.strip().casefold() for c in cells}:
            break
    else:
        raise ContactsError(
            f"no header row: {what} starts (after LinkedIn's notes) with the header "
            + ",".join(required)
        )
    reader = csv.reader(io.StringIO("".join(lines[index:])))
    rows: list[tuple[int, list[str]]] = []
    try:
        header = [c.strip() for c in next(reader)]
        last = reader.line_num
        for cells in reader:
            first, last = last + 1, reader.line_num  # a row may span lines: name its first
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= limit:
                raise ContactsError(f"{what} has more than {limit:,} rows: refused")
            if len(rows) % 5000 == 0:
                deadline.check()
            rows.append((index + first, cells))
    except csv.Error as exc:
        message = str(exc)
        if "field larger than field limit" in message:
            message = f"a field is over {MAX_FIELD:,} characters"
        raise ContactsError(
            f"line {index + reader.line_num}: cannot be read ({message[:80]}); nothing "
            "after it can be told apart, so the file is refused"
        ) from None
    return header, index + 1, rows


def _cells(header: list[str], cells: list[str], limits: dict[str, int]) -> dict[str, str]:
    """The row as column -> value; raises ValueError for a row that does not fit the header
    or a value over its limit."""
    if len(cells) != len(header):
        raise ValueError(
            f"has {len(cells)} cells where the header has {len(header)} (a comma outside "
            "quotes?)"
        )
    row = {}
    for name, value in zip(header, cells, strict=True):
        cap = limits.get(name.casefold(), MAX_LINE_CHARS)
        if len(value) > cap:
            raise ValueError(f"{name!r} is {len(value):,} characters, more than {cap:,}")
        row[name.casefold()] = value.strip()
    return row


def connected_on(text: str) -> date | None:
    """LinkedIn's "Connected On" date ("06 Jan 2021"; older exports wrote other forms)."""
    if not text:
        return None
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(f"'Connected On' {short(text)} is not a date")


def read_connections(text: str) -> ReadResult:
    """Every row of a ``Connections.csv`` (see the module docstring)."""
    result = ReadResult("linkedin-connections")
    deadline = Deadline(ContactsError, "this Connections.csv")
    header, _, rows = _rows(text, CONNECTION_COLUMNS[:2], "a LinkedIn Connections.csv",
                            MAX_ROWS, deadline)
    result.read = len(rows)
    if not rows:
        raise ContactsError("no connections in this file: the header is there but no row")
    for number, cells in rows:
        where = f"row {number}"
        try:
            row = _cells(header, cells, {})
            given, family = row.get("first name", ""), row.get("last name", "")
            url = row.get("url", "")
            if not (given or family):
                result.skipped.append(Problem(where, "no name (LinkedIn leaves it out for "
                                              "members who hide it)"))
                continue
            email = row.get("email address", "")
            company, position = row.get("company", ""), row.get("position", "")
            record = clean_record(ContactRecord(
                name=f"{given} {family}",
                given_name=given,
                family_name=family,
                emails=(Email(email),) if email else (),
                urls=(url,) if url else (),
                roles=(RoleRecord(company, position),) if company or position else (),
                known_since=connected_on(row.get("connected on", "")),
            ))
        except ValueError as exc:
            result.bad.append(Problem(where, str(exc)))
            continue
        why = record_problem(record)
        if why:
            result.bad.append(Problem(f"{where} ({short(record.name)})", why))
        else:
            result.records.append((where, record))
    return result


def _sent_at(text: str) -> datetime:
    """A message's DATE ("2023-05-12 14:33:10 UTC"), in UTC."""
    value = text.strip().removesuffix("UTC").strip()
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'DATE' {short(text)} is not a date and time") from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _list(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip())


def read_messages(text: str) -> ReadResult:
    """Every row of a LinkedIn ``messages.csv`` as a :class:`MessageRecord`; rows with a bad
    date or too much text are bad, rows without text skipped."""
    result = ReadResult("linkedin-messages")
    deadline = Deadline(ContactsError, "this messages.csv")
    header, _, rows = _rows(text, MESSAGE_COLUMNS, "a LinkedIn messages.csv", MAX_MESSAGE_ROWS,
                            deadline)
    result.read = len(rows)
    if not rows:
        raise ContactsError("no messages in this file: the header is there but no row")
    long = {"content": MAX_TEXT_CHARS, "subject": MAX_TEXT_CHARS,
            "recipient profile urls": MAX_TEXT_CHARS, "to": MAX_TEXT_CHARS}
    for number, cells in rows:
        where = f"row {number}"
        try:
            row = _cells(header, cells, long)
            if not row.get("content") and not row.get("subject"):
                result.skipped.append(Problem(where, "no text"))
                continue
            result.messages.append(MessageRecord(
                where=where,
                conversation=row.get("conversation id", ""),
                sender=" ".join(row.get("from", "").split()),
                sender_url=row.get("sender profile url", ""),
                recipients=_list(row.get("to", "")),
                recipient_urls=_list(row.get("recipient profile urls", "")),
                sent_at=_sent_at(row.get("date", "")),
                subject=row.get("subject", ""),
                content=row.get("content", ""),
            ))
        except ValueError as exc:
            result.bad.append(Problem(where, str(exc)))
    return result


EXPORT_FILES = {"connections.csv": "Connections.csv", "messages.csv": "messages.csv"}
MAX_ZIP_ENTRIES = 10_000


def export_files(data: bytes) -> dict[str, bytes]:
    """``Connections.csv`` and ``messages.csv`` (those present, at any depth, by name in any
    case) from LinkedIn's data export zip, Connections first."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise ContactsError(f"this zip has more than {MAX_ZIP_ENTRIES:,} files: refused")
        found: dict[str, bytes] = {}
        for info in entries:
            name = EXPORT_FILES.get(info.filename.rsplit("/", 1)[-1].casefold())
            if name is None or name in found:
                continue
            limit = MAX_MESSAGES_BYTES if name == "messages.csv" else MAX_BYTES
            with archive.open(info) as handle:
                content = handle.read(limit + 1)
            if len(content) > limit or info.file_size > limit:
                raise ContactsError(f"{name} in this zip is over {limit // 1_000_000} MB: "
                                    "refused")
            found[name] = content
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise ContactsError(f"this zip cannot be read ({str(exc)[:80]})") from None
    except RuntimeError as exc:  # an encrypted entry
        raise ContactsError(f"this zip cannot be read ({str(exc)[:80]})") from None
    if not found:
        raise ContactsError("this zip holds neither Connections.csv nor messages.csv (is it "
                            "LinkedIn's data export?)")
    return {name: found[name] for name in EXPORT_FILES.values() if name in found}
