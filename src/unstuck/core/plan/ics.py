"""The action plan as an iCalendar file (RFC 5545), written by hand: it is a small format.

Each task becomes an all-day ``VEVENT`` on the first day of its week (``DTSTART;VALUE=DATE``,
``DTEND`` the next day: RFC 5545 makes DTEND exclusive), or a ``VTODO`` due on the last day of
its week. Zero-hour self-care reminders are included; they are part of the plan.

- ``UID``: the task id, the plan's start date and ``@unstuck``, so re-importing the same plan
  updates events instead of duplicating them.
- ``DTSTAMP``: the time the file was made, in UTC, passed in (the core does not read clocks).
- Text values escape backslash, semicolon, comma and newline (section 3.3.11).
- Content lines are folded at 75 octets (section 3.1): a CRLF and one space, never splitting a
  UTF-8 character. Lines end in CRLF.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from unstuck.core.plan.action import STRANDS, ActionPlan, Task

PRODID = "-//unstuck//action plan//EN"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11); other control characters are dropped,
    since the format does not allow them."""
    value = "".join(c for c in value if c in "\t\r\n" or not (ord(c) < 0x20 or ord(c) == 0x7F))
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets joined by CRLF + space."""
    out: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size = "", 0
            limit = MAX_OCTETS - 1  # continuation lines start with a space
        current += ch
        size += n
    out.append(current)
    return "\r\n ".join(out)


def _date(d: date) -> str:
    return d.strftime("%Y%m%d")


def _stamp(dt: datetime) -> str:
    if dt.tzinfo is None:
        raise ValueError("stamp must be timezone-aware")
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(task: Task) -> str:
    parts = [task.detail]
    if task.hours:
        parts.append(f"About {task.hours:g} hours.")
    if task.why:
        parts.append(f"Why: {task.why}")
    parts.append(f"Strand: {STRANDS[task.strand]}.")
    return "\n".join(p for p in parts if p)


def _component(
    task: Task, plan: ActionPlan, stamp: str, kind: Literal["event", "todo"]
) -> list[str]:
    week_start = plan.start + timedelta(days=7 * (task.week - 1))
    uid = f"{task.id}.{plan.start.isoformat()}@unstuck"
    lines = [
        "BEGIN:VEVENT" if kind == "event" else "BEGIN:VTODO",
        f"UID:{escape_text(uid)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(week_start)}",
    ]
    if kind == "event":
        lines.append(f"DTEND;VALUE=DATE:{_date(week_start + timedelta(days=1))}")
        lines.append("TRANSP:TRANSPARENT")
    else:
        lines.append(f"DUE;VALUE=DATE:{_date(week_start + timedelta(days=6))}")
    lines += [
        f"SUMMARY:{escape_text(task.title)}",
        f"DESCRIPTION:{escape_text(_description(task))}",
        f"CATEGORIES:{escape_text(STRANDS[task.strand])}",
        "END:VEVENT" if kind == "event" else "END:VTODO",
    ]
    return lines


def to_ics(
    plan: ActionPlan,
    *,
    stamp: datetime,
    kind: Literal["event", "todo"] = "event",
    tasks: Iterable[Task] | None = None,
    name: str = "unstuck: 90-day plan",
) -> str:
    """The plan (or the given ``tasks`` of it) as an iCalendar text with CRLF line endings."""
    s = _stamp(stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for task in plan.tasks() if tasks is None else tasks:
        lines += _component(task, plan, s, kind)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
