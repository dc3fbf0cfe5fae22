"""What the career-path pages print: cards, their bars, and the what-if form's words.

The engine (:mod:`unstuck.core.paths`) ranks and explains; :mod:`unstuck.app.paths.services`
says who the person is; this module only arranges a recommendation for the templates (bar
as :class:`~unstuck.report.bars.Bar` values, drawn with ``{% bar %}``; rounded values,
reasons in words). Display only: ``unstuck explore`` words its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.template.defaultfilters import floatformat

from unstuck.app.paths import wording
from unstuck.core.paths import KINDS, Person, Recommendation
from unstuck.core.paths.engine import COMPONENTS, SIGNALS
from unstuck.core.paths.explain import PathGroup, fit_label, shown_components
from unstuck.report.bars import NOT_PUBLISHED, Bar

#: questionnaires whose absence leaves a signal out: signal -> the wizard's slug
QUESTIONNAIRES = {"interests": "interests", "values": "values"}
_CLI_HINT = re.compile(r"\s*\(unstuck [^)]*\)")


def unused_parts(unused: Sequence[tuple[str, str]]) -> list[dict[str, str | None]]:
    """The parts of the score that could not be used, in words: the component they belong to,
    what the signal measures, why it was left out, and the questionnaire that would fill it."""
    return [
        {
            "signal": signal,
            "label": COMPONENTS[SIGNALS[signal][0]],
            "what": SIGNALS[signal][1],
            "reason": _CLI_HINT.sub("", reason),
            "questionnaire": QUESTIONNAIRES.get(signal),
        }
        for signal, reason in unused
    ]


def chart(rec: Recommendation) -> list[Bar]:
    """Component bars, diverging from a centre line: each a share of the largest absolute
    component, signed; values printed rounded so that they add up to the score shown."""
    biggest = max((abs(c.value) for c in rec.components), default=0.0) or 1.0
    shown = [value for _, value in shown_components(rec)]
    return [
        Bar(
            c.value,
            high=biggest,
            words=f"{value:+.1f}",
            label=c.label,
            centred=True,
            digits=1,
            look="component",
        )
        for c, value in zip(rec.components, shown, strict=True)
    ]


def level_bars(rec: Recommendation, limit: int = 3) -> list[dict[str, Any]]:
    """Strengths and largest gaps: the person's level (the bar) against the level required
    (its mark), 0-7."""
    rows = [(e, False) for e in rec.strengths[:limit]] + [(e, True) for e in rec.gaps[:limit]]
    return [
        {
            "name": e.name,
            "bar": Bar(
                e.current,
                0.0,
                7.0,
                words=f"you {floatformat(e.current, 1)}, needed {floatformat(e.required, 1)}",
                mark=e.required,
                digits=1,
                look="level",
            ),
            "gap": gap,
            "status": e.status if gap else "met",
        }
        for e, gap in rows
    ]


def profile_bars(dimensions: Sequence[tuple[str, float | None, float | None]]) -> list[dict]:
    """Interests (or values) overlay: the occupation's profile as bars, the person's as
    marks on the same 1-7 scale."""

    def words(mine: float | None, theirs: float | None) -> str:
        job = NOT_PUBLISHED if theirs is None else floatformat(theirs, 1)
        return ("" if mine is None else f"you {floatformat(mine, 1)}, ") + f"job {job}"

    return [
        {
            "name": name,
            "bar": Bar(
                theirs,
                1.0,
                7.0,
                note=words(mine, theirs),
                words=words(mine, theirs),
                mark=mine,
                digits=1,
                look="overlay",
            ),
        }
        for name, mine, theirs in dimensions
    ]


#: the outlook bar's scale: growth of this many percent either way fills half the track
GROWTH_SCALE = 20.0


def money_bars(rec: Recommendation) -> dict[str, Any]:
    """Pay now against the target's median, and projected growth as a signed bar."""
    pay = rec.pay
    top = max((x for x in (pay.current, pay.target) if x is not None), default=0.0) or 1.0
    rows = [("This occupation", pay.target)]
    if pay.current is not None:  # no current occupation: nothing to compare with
        rows.insert(0, ("Now", pay.current))
    growth = rec.outlook.growth_percent
    return {
        "pay": [
            {
                "label": label,
                "bar": Bar(
                    value,
                    0.0,
                    top,
                    words=None if value is None else f"${floatformat(value, '0g')} a year",
                    digits=1,
                    look="money",
                ),
            }
            for label, value in rows
        ],
        "growth": Bar(
            growth,
            high=GROWTH_SCALE,
            words=None if growth is None else f"{growth:+.1f}%",
            centred=True,
            digits=1,
            look="growth",
        ),
    }


def cards(recs: Sequence[Recommendation], shortlisted: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "rec": r,
            "bars": chart(r),
            "levels": level_bars(r),
            "interests": profile_bars(r.interests.dimensions),
            "money": money_bars(r),
            "score": round(r.score, 1) or 0.0,
            "fit": r.fit,
            "fit_label": fit_label(r.fit),
            "shortlisted": r.code in shortlisted,
            "move": wording.move_reason(r.move, r.kind),
            "kind_label": KINDS.get(r.kind, r.kind),
            "ready": wording.readiness(r.readiness),
            "ready_short": wording.ready_short(r),
            "ready_steps": [
                {"label": s.label, "months": wording.months(s.months)} for s in r.readiness.steps
            ],
            "constraints": [wording.left_out(x) for x in r.filtered],
        }
        for r in recs
    ]


def left_out_rows(group: PathGroup) -> list[dict[str, Any]]:
    """The best occupations of a kind the constraints left out, each with why in words."""
    return [
        {
            "code": item.code,
            "title": item.title,
            "reasons": [wording.left_out(x) for x in item.reasons],
        }
        for item in group.left_out
    ]


def what_if_values(person: Person, applied: Mapping[str, str]) -> dict[str, str]:
    """The what-if form's values: what the request set, else the constraint in force, so the
    form shows what the ranking applies."""
    current = {
        "min_pay": person.min_pay,
        "retraining_months": person.retraining_months,
        "hours": person.hours_per_week,
        "max_zone_step": person.max_zone_step,
    }
    def plain(v: float | None) -> str:
        if v is None:
            return ""
        return str(int(v)) if float(v).is_integer() else f"{v:.1f}"

    out = {k: plain(v) for k, v in current.items()}
    out.update({k: v for k, v in applied.items() if k in out})
    return out


def constraints_in_force(person: Person) -> list[str]:
    """The constraints the ranking applies, in words (the what-if form shows them)."""
    out = []
    if person.min_pay is not None:
        out.append(f"pay at least {wording.money(person.min_pay)} a year")
    if person.retraining_months is not None:
        out.append(f"ready within {person.retraining_months:g} months")
    if person.hours_per_week:
        out.append(f"{person.hours_per_week:g} hours a week for the change")
    if person.max_zone_step is not None:
        out.append(f"at most {person.max_zone_step} job zones up")
    if person.excluded:
        out.append(f"{len(person.excluded)} occupations excluded")
    return out
