"""Deadlines in goals as people write them: "by 31 March", "within 6 weeks", "end of January",
"by Friday", with vague times ("someday", "this year") recognised as no deadline (the SMART
checker in :mod:`.smart` judges them)."""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

VAGUE_TIMES = (
    "soon",
    "someday",
    "some day",
    "eventually",
    "one day",
    "this year",
    "in the future",
    "asap",
    "as soon as possible",
    "at some point",
    "sometime",
    "later",
    "when i can",
    "next year",
    "summer",
    "spring",
    "autumn",
    "fall",
    "winter",
)

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
}
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"

MONTHS = {m.casefold(): n for n, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.casefold(): n for n, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAYS = {d.casefold(): n for n, d in enumerate(calendar.day_name)}


def _num(s: str) -> float:
    return float(NUMBER_WORDS[s]) if s in NUMBER_WORDS else float(s)


def _next_date(month: int, day: int | None, year: int | None, today: date) -> date | None:
    """The date for a month and day (last day of the month without one), this year or the
    next when no year is given and this year's has passed."""
    y = year if year is not None else today.year
    for attempt in (y, y + 1):
        try:
            d = date(
                attempt, month, day if day is not None else calendar.monthrange(attempt, month)[1]
            )
        except ValueError:
            return None
        if year is not None or d >= today:
            return d
    return d


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


@dataclass(frozen=True)
class _Found:
    when: date | None
    span: tuple[int, int] | None
    vague: str | None = None
    ambiguous: str | None = None


def find_deadline(text: str, today: date) -> _Found:
    """The goal's deadline and where it sits in ``text`` (lower-cased)."""
    t = text.casefold()
    m = re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", t)
    if m:
        try:
            return _Found(date(int(m[1]), int(m[2]), int(m[3])), m.span())
        except ValueError:
            return _Found(None, m.span(), ambiguous=m[0])
    m = re.search(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b", t)
    if m:
        return _Found(None, m.span(), ambiguous=m[0])
    m = re.search(r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?\b", t)
    if m:
        return _Found(_next_date(MONTHS[m[1]], None, int(m[2]) if m[2] else None, today), m.span())
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?\b", t)
    if m:
        return _Found(
            _next_date(MONTHS[m[2]], int(m[1]), int(m[3]) if m[3] else None, today), m.span()
        )
    m = re.search(
        _MONTH.replace("(", r"\b(", 1) + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", t
    )
    if m:
        return _Found(
            _next_date(MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None, today), m.span()
        )
    m = re.search(
        r"\b(?:within|in|over|inside|for)\s+(?:the\s+next\s+)?(an?\b|"
        + _NUM[1:]
        + r"\s+(day|week|month)s?\b",
        t,
    )
    if m:
        n = 1.0 if m[1] in ("a", "an") else _num(m[1])
        unit = m[2]
        if unit == "day":
            when = today + timedelta(days=math.ceil(n))
        elif unit == "week":
            when = today + timedelta(days=math.ceil(7 * n))
        else:
            when = _add_months(today, math.ceil(n))
        return _Found(when, m.span())
    m = re.search(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:this|the)\s+(week|month|year)\b", t)
    if m:
        if m[1] == "week":
            return _Found(today + timedelta(days=6 - today.weekday()), m.span())
        if m[1] == "year":
            return _Found(date(today.year, 12, 31), m.span())
        return _Found(_next_date(today.month, None, today.year, today), m.span())
    m = re.search(r"\b(?:by\s+)?(?:the\s+end\s+of\s+)?next\s+(week|month|year)\b", t)
    if m and m[1] == "year" and "end of" not in m[0]:
        m = None  # "next year" alone is vague; "the end of next year" is a date
    if m:
        if m[1] == "year":
            return _Found(date(today.year + 1, 12, 31), m.span())
        if m[1] == "week":
            return _Found(today + timedelta(days=13 - today.weekday()), m.span())
        nxt = _add_months(today.replace(day=1), 1)
        return _Found(_next_date(nxt.month, None, nxt.year, today), m.span())
    m = re.search(r"\b(?:by|on|before|this|next)\s+(" + "|".join(WEEKDAYS) + r")\b", t)
    if m:
        ahead = (WEEKDAYS[m[1]] - today.weekday()) % 7 or 7
        return _Found(today + timedelta(days=ahead), m.span())
    m = re.search(r"\b(?:by|before|in|end of)\s+" + _MONTH + r"(?:\s+(\d{4}))?\b", t)
    if m:
        return _Found(_next_date(MONTHS[m[1]], None, int(m[2]) if m[2] else None, today), m.span())
    for phrase in VAGUE_TIMES:
        m = re.search(r"\b" + re.escape(phrase) + r"\b", t)
        if m:
            return _Found(None, m.span(), vague=phrase)
    return _Found(None, None)
