"""iCalendar export: RFC 5545 text parsed back by the `icalendar` library, folding, escaping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unstuck.core.plan.action import build_action_plan
from unstuck.core.plan.gaps import Component, Gap, GapAnalysis
from unstuck.core.plan.ics import MAX_OCTETS, escape_text, fold, to_ics
from unstuck.core.profile import Constraints, Profile

START = date(2026, 1, 5)
STAMP = datetime(2026, 1, 4, 18, 30, tzinfo=UTC)


def plan():  # noqa: ANN201
    comps = (Component("importance", 0.8, 0.45, "t"),)
    gaps = (
        Gap("skill", "2.B.3.e", "Programming; C, C++ & \\ more", 1.0, 4.0, 4.5, None, 0.9, comps,
            ()),
        Gap("knowledge", "2.C.3.a", "Computers and Electronics", 2.0, 5.0, 4.8, None, 0.8, comps,
            ()),
    )  # fmt: skip
    ga = GapAnalysis("15-1211.00", "Computer Systems Analysts — Ünïcode", gaps, ())
    return build_action_plan(Profile(constraints=Constraints(hours_per_week=7)), start=START,
                             gaps=ga)  # fmt: skip


def _unfolded_lines(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_round_trip_matches_the_plan() -> None:
    p = plan()
    text = to_ics(p, stamp=STAMP)
    cal = icalendar.Calendar.from_ical(text)
    events = list(cal.walk("VEVENT"))
    tasks = p.tasks()
    assert str(cal["VERSION"]) == "2.0"
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events), "every part has its own UID"
    for t in tasks:
        mine = [
            e
            for uid, e in by_uid.items()
            if uid == f"{t.id}.{START.isoformat()}@unstuck"
            or uid.startswith(f"{t.id}.p")
        ]
        assert mine, t.id  # every task is in the calendar, whole or in parts
        week_start = START + timedelta(days=7 * (t.week - 1))
        for e in mine:
            title = str(e["SUMMARY"])
            assert title == t.title or title.startswith(t.title + " (part "), title
            day = e.decoded("DTSTART")
            assert week_start <= day <= week_start + timedelta(days=6), "within its week"
            assert e.decoded("DTEND") == day + timedelta(days=1)
            assert e.decoded("DTSTAMP") == STAMP
            desc = str(e["DESCRIPTION"])
            assert t.detail in desc  # escaping undone exactly, newlines included
            assert "\n" in desc


def _hours_today(e: object) -> float:
    import re

    desc = str(e["DESCRIPTION"])  # type: ignore[index]
    m = re.search(r"About ([0-9.]+) of its [0-9.]+ hours today", desc) or re.search(
        r"About ([0-9.]+) hours\.", desc
    )
    return float(m.group(1)) if m else 0.0


def test_no_day_holds_more_than_its_share_of_the_week() -> None:
    p = plan()
    cal = icalendar.Calendar.from_ical(to_ics(p, stamp=STAMP))
    per_day: dict[object, float] = {}
    for e in cal.walk("VEVENT"):
        per_day[e.decoded("DTSTART")] = per_day.get(e.decoded("DTSTART"), 0.0) + _hours_today(e)
    share = p.hours_per_week / 7
    assert max(per_day.values()) <= share + 0.06, (max(per_day.values()), share)  # 2 digits
    assert len(per_day) > len(p.weeks), "tasks are spread over the days, not stacked on one"


def test_spread_splits_a_long_task_and_keeps_the_hours() -> None:
    from unstuck.core.plan.action import Task
    from unstuck.core.plan.ics import spread

    tasks = [
        Task("a", 1, "learning", "Course", "", 3.0),
        Task("b", 1, "networking", "Call", "", 1.0),
    ]
    parts = spread(tasks, 7.0)
    assert sum(x.hours for x in parts) == 4.0
    assert [(x.task.id, x.day, x.n, x.of) for x in parts] == [
        ("a", 0, 1, 3),
        ("a", 1, 2, 3),
        ("a", 2, 3, 3),
        ("b", 3, 1, 1),
    ]
    assert all(x.hours <= 1.0 + 1e-9 for x in parts)


def test_todo_variant() -> None:
    p = plan()
    cal = icalendar.Calendar.from_ical(to_ics(p, stamp=STAMP, kind="todo"))
    todos = list(cal.walk("VTODO"))
    assert len(todos) == len(p.tasks()) and not list(cal.walk("VEVENT"))
    t = p.tasks()[-1]
    due = next(x for x in todos if str(x["UID"]).startswith(t.id + "."))
    assert due.decoded("DUE") == START + timedelta(days=7 * (t.week - 1) + 6)


def test_lines_are_folded_and_end_in_crlf() -> None:
    text = to_ics(plan(), stamp=STAMP)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare LF
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= MAX_OCTETS for line in lines)
    assert any(line.startswith(" ") for line in lines), "long descriptions must fold"
    for line in _unfolded_lines(text):
        assert line == "" or ":" in line


def test_escaping() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape_text("x\r\ny") == "x\\ny"
    assert escape_text("bell\x07 and\ttab") == "bell and\ttab"
    text = to_ics(plan(), stamp=STAMP)
    assert "Programming\\; C\\, C++ & \\\\ more" in text.replace("\r\n ", "")


@given(st.text(min_size=0, max_size=400))
def test_fold_never_splits_characters(s: str) -> None:
    line = "DESCRIPTION:" + escape_text(s)
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(p.encode("utf-8")) <= MAX_OCTETS - (1 if i else 0) for i, p in enumerate(parts))


def test_stamp_must_be_aware() -> None:
    with pytest.raises(ValueError):
        to_ics(plan(), stamp=datetime(2026, 1, 1))
