"""What the application pages show, as plain values: rows, choices, the funnel as bars.

Money and dates are formatted here once; a value that is not known stays "not given".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from unstuck.app.applications import services
from unstuck.core.applications import Stage
from unstuck.report.bars import Bar

#: at most this many saved postings and resumes offered in the quick-add choices
CHOICES = 50


def money(value: Decimal | None, currency: str = "", period: str = "") -> str | None:
    if value is None:
        return None
    text = f"{value:,.0f}" if value == value.to_integral() else f"{value:,.2f}"
    unit = {"year": " a year", "month": " a month", "hour": " an hour"}.get(period, "")
    return f"{currency + ' ' if currency and currency != 'USD' else '$'}{text}{unit}"


def salary(app: Any) -> str | None:
    low = money(app.salary_min, app.salary_currency, "")
    high = money(app.salary_max, app.salary_currency, "")
    unit = {"year": " a year", "month": " a month", "hour": " an hour"}.get(
        app.salary_period or "", ""
    )
    if low and high:
        return f"{low} to {high}{unit}"
    if low or high:
        return f"{'from ' + low if low else 'up to ' + str(high)}{unit}"
    return None


def day(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def row(app: Any, listed: tuple[Stage, ...], titles: Mapping[str, str]) -> dict[str, Any]:
    """One application as the list shows it."""
    return {
        "pk": app.pk,
        "company": app.company,
        "role_title": app.role_title,
        "stage": services.stage_name(app, listed),
        "stage_key": app.stage,
        "since": day(app.stage_since),
        "next_action": app.next_action or None,
        "next_action_on": app.next_action_on,
        "target": titles.get(app.target_code) if app.target_code else None,
        "resume": app.resume.filename if app.resume_id else None,
        "salary": salary(app),
    }


def stage_choices(listed: Sequence[Stage]) -> list[tuple[str, str]]:
    return [(s.key, s.name) for s in listed]


def target_choices(shortlist: Iterable[Any], extra: str = "") -> list[tuple[str, str]]:
    out = [("", "None")] + [(s.code, s.title) for s in shortlist]
    if extra and extra not in {c for c, _ in out}:
        out.append((extra, extra))
    return out


def posting_choices(postings: Iterable[Any]) -> list[tuple[str, str]]:
    out = [("", "None: I'll type the employer and title")]
    for p in postings:
        title = getattr(p, "summary_title", None) or "Untitled posting"
        employer = getattr(p, "summary_employer", None)
        out.append((str(p.pk), f"{title}" + (f", {employer}" if employer else "")))
    return out


def funnel_rows(group: services.FunnelGroup) -> list[dict[str, Any]]:
    """A funnel's stages: how many applications reached each (drawn against all of them) and
    the share that went on to the next stage."""
    f = group.funnel
    total = max(1, f.applications)
    rows = []
    for step in f.steps:
        rate = None if step.rate is None else round(100 * step.rate)
        rows.append({
            "name": step.name,
            "reached": step.reached,
            "bar": Bar(step.reached, 0, total, words=f"{step.reached} of {f.applications}",
                       label=step.name),
            "rate": rate,
            "next_reached": step.next_reached,
        })  # fmt: skip
    return rows
