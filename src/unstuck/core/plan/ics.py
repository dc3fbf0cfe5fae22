"""The action plan as an iCalendar file (RFC 5545), written by hand: it is a small format.

Each task becomes all-day ``VEVENT`` entries on days of its week (``DTSTART;VALUE=DATE``,
``DTEND`` the next day: RFC 5545 makes DTEND exclusive), or a ``VTODO`` due on the last day of
its week. The week's tasks are spread over its seven days so that no day holds more than the
day's share of that week's hours (:func:`spread`): a task longer than what a day has left is
split into parts on consecutive days ("part 1 of 2"). Zero-hour self-care reminders go on the
week's first day; they are part of the plan.

- ``UID``: the task id, the plan's start date and ``@unstuck``, so re-importing the same plan
  updates events instead of duplicating them.
- ``DTSTAMP``: the time the file was made, in UTC, passed in (the core does not read clocks).
- Text values escape backslash, semicolon, comma and newline (section 3.3.11).
- Content lines are folded at 75 octets (section 3.1): a CRLF and one space, never splitting a
  UTF-8 character. Lines end in CRLF.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from unstuck.core.plan.action import ActionPlan, Task
from unstuck.core.plan.tasks import STRANDS

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


def _description(task: Task, part: Part | None = None) -> str:
    parts = [task.detail]
    if part is not None and part.of > 1:
        parts.append(f"About {round(part.hours, 2):g} of its {task.hours:g} hours today.")
    elif task.hours:
        parts.append(f"About {task.hours:g} hours.")
    if task.why:
        parts.append(f"Why: {task.why}")
    parts.append(f"Strand: {STRANDS[task.strand]}.")
    return "\n".join(p for p in parts if p)


DAYS = 7
_EPS = 1e-9


@dataclass(frozen=True)
class Part:
    """One task's share of one day: ``day`` 0-6 within its week, ``n`` of ``of`` parts."""

    task: Task
    day: int
    hours: float
    n: int = 1
    of: int = 1


def spread(tasks: Iterable[Task], capacity: float) -> list[Part]:
    """A week's tasks in order over its days, no day above ``capacity / 7`` hours; a task that
    does not fit what a day has left continues on the next day. Hours never exceed the week's
    (a plan's week never does); whatever a rounding leaves over goes on the last day."""
    share = capacity / DAYS if capacity > 0 else 0.0
    out: list[Part] = []
    day, room = 0, share
    for task in tasks:
        if task.hours <= _EPS:
            out.append(Part(task, 0, 0.0))
            continue
        left = task.hours
        pieces: list[tuple[int, float]] = []
        while left > _EPS:
            if room <= _EPS and day < DAYS - 1:
                day, room = day + 1, share
            take = left if day == DAYS - 1 else min(left, room)
            pieces.append((day, take))
            left -= take
            room -= take
        out += [Part(task, d, h, i + 1, len(pieces)) for i, (d, h) in enumerate(pieces)]
    return out


def _component(
    part: Part, plan: ActionPlan, stamp: str, kind: Literal["event", "todo"]
) -> list[str]:
    task = part.task
    week_start = plan.start + timedelta(days=7 * (task.week - 1))
    day = week_start + timedelta(days=part.day)
    suffix = f".p{part.n}" if part.of > 1 else ""
    uid = f"{task.id}{suffix}.{plan.start.isoformat()}@unstuck"
    title = task.title + (f" (part {part.n} of {part.of})" if part.of > 1 else "")
    lines = [
        "BEGIN:VEVENT" if kind == "event" else "BEGIN:VTODO",
        f"UID:{escape_text(uid)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(day)}",
    ]
    if kind == "event":
        lines.append(f"DTEND;VALUE=DATE:{_date(day + timedelta(days=1))}")
        lines.append("TRANSP:TRANSPARENT")
    else:
        lines.append(f"DUE;VALUE=DATE:{_date(week_start + timedelta(days=6))}")
    lines += [
        f"SUMMARY:{escape_text(title)}",
        f"DESCRIPTION:{escape_text(_description(task, part))}",
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
    chosen = plan.tasks() if tasks is None else tuple(tasks)
    for week in plan.weeks:
        mine = [t for t in chosen if t.week == week.number]
        parts = (
            spread(mine, week.capacity) if kind == "event" else [Part(t, 0, t.hours) for t in mine]
        )
        for part in parts:
            lines += _component(part, plan, s, kind)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
