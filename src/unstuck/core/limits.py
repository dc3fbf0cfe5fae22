"""The sane ranges every entered value is checked against, in one place (pure).

Forms, the CLI and the services use these, so a value that passes one of them passes all of
them, and a value stored before the checks existed (or forged around them) is tolerated by the
pages that read it instead of breaking them later.

- **Money** (savings, expenses, pay, budgets, exit-plan amounts): whole or decimal US dollars
  from 0 up to :data:`MONEY_MAX`; NaN and infinities are never a number.
- **A plan's start date**: from :data:`START_BACK_DAYS` days ago to :data:`START_AHEAD_YEARS`
  years ahead of today.
- :func:`short` quotes a value in an error message by a short prefix only, so a huge value
  never becomes a huge message.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TypeVar

N = TypeVar("N", int, float)

MONEY_MAX = 100_000_000  # US dollars: more than anyone's savings, pay or a month's costs
START_BACK_DAYS = 366
START_AHEAD_YEARS = 5
QUOTE_CHARS = 60


def short(value: object, limit: int = QUOTE_CHARS) -> str:
    """``repr``-like quote of ``value`` cut to ``limit`` characters (with the full length said
    when cut). Never builds the full repr of a big container."""
    if isinstance(value, str | bytes):
        head = value[: limit + 1]
        text = repr(head[:limit])
        return text if len(value) <= limit else f"{text}... ({len(value):,} characters)"
    if isinstance(value, dict | list | tuple | set):
        return f"a {type(value).__name__} of {len(value):,} item(s)"
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def money_problem(value: float | int | None, what: str = "an amount") -> str | None:
    """Why ``value`` is not a sane amount of money, or None when it is (None: unknown, fine)."""
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"{what} must be a number"
    if value < 0:
        return f"{what} must not be negative"
    if value > MONEY_MAX:
        return f"{what} must be at most {MONEY_MAX:,} dollars"
    return None


def sane_money(value: N | None, upper: float = MONEY_MAX) -> N | None:
    """A stored amount as the pages may use it: None (unknown) when it is not a number from 0
    to ``upper``."""
    if value is None or money_problem(value) or value > upper:
        return None
    return value


def start_window(today: date) -> tuple[date, date]:
    """The earliest and latest start date a plan may have."""
    latest = date(today.year + START_AHEAD_YEARS, today.month, min(today.day, 28))
    return today - timedelta(days=START_BACK_DAYS), latest


def start_problem(start: date | None, today: date) -> str | None:
    """Why ``start`` is not a sane first day for a plan, or None when it is."""
    if start is None:
        return None
    first, last = start_window(today)
    if start < first:
        return f"the start date must be on or after {first.isoformat()} (at most a year ago)"
    if start > last:
        return (
            f"the start date must be on or before {last.isoformat()} "
            f"(at most {START_AHEAD_YEARS} years ahead)"
        )
    return None


def sane_start(start: date | None, today: date) -> date:
    """A stored start date as the plan may use it: today when none is stored or it is out of
    the window (a forged or old value never breaks the plan pages)."""
    return today if start is None or start_problem(start, today) else start
