"""Career paths in words: what the engine's reason codes mean, for the pages and the CLI alike.

The core returns codes and the values behind them (:class:`~unstuck.core.paths.explain.LeftOut`,
:class:`~unstuck.core.paths.kinds.Move`, group notes); this module is the one place that turns
them into sentences, so the paths page, ``unstuck explore`` and the report say the same thing.
"""

from __future__ import annotations

from unstuck.core.paths.explain import LeftOut, PathGroup, Recommendation
from unstuck.core.paths.kinds import Move
from unstuck.core.paths.readiness import Readiness, fmt_months


def money(x: float | None) -> str:
    return "not published" if x is None else f"${x:,.0f}"


def months(m: float | None) -> str:
    if m is None:
        return "unknown"
    if m < 0.5:
        return "now"
    return "under a month" if m < 1 else f"about {fmt_months(m)}"


def left_out(reason: LeftOut) -> str:
    """Why a constraint leaves an occupation out, and the value that would let it in."""
    r = reason.reason
    if r == "excluded":
        return "you excluded it"
    if r == "pay_below_floor":
        return (
            f"median pay {money(reason.value)} is below your floor of {money(reason.limit)} "
            f"(a floor of {money(reason.value)} would let it in)"
        )
    if r == "pay_unknown":
        return "BLS publishes no yearly pay for it, so your pay floor cannot be checked"
    if r == "longer_than_limit":
        return (
            f"{months(reason.value)} to get ready, more than your {reason.limit:g} months "
            f"(a limit of {round(reason.value or 0):.0f} months would let it in)"
        )
    if r == "readiness_unknown":
        return (
            f"the time to get ready cannot be estimated from the data, so it cannot be "
            f"checked against your {reason.limit:g} months"
        )
    if r == "step_down":
        return (
            f"{reason.value:.0f} job zones below yours: a step down that gives up most of the "
            "preparation you have"
        )
    if r == "zone_step":
        return (
            f"{reason.value:.0f} job zones above yours (your limit: {reason.limit:.0f}; "
            f"a limit of {reason.value:.0f} would let it in)"
        )
    return r.replace("_", " ")


MOVE_REASONS = {
    "own": "your own occupation: new challenge, another employer or setting",
    "leads_your_work": "leads work like yours: more responsibility over the same work",
    "supervises_your_work": "supervises work like yours: the first step into leading it",
    "senior_in_family": "more senior work in your own occupational family",
    "close_and_higher": "close to your work, at a clearly higher level of preparation",
    "same_family": "in your own occupational family, at a similar level",
    "close": "close to your work in tasks, titles and activities, at a similar level",
    "other_field": "a different field: fit comes from your interests, values and what transfers",
    "mostly_self_employed": "most people in it work for themselves",
    "no_occupation": "no current occupation in your profile to compare with",
}


def move_reason(move: Move | None, kind: str | None = None) -> str:
    if move is None:
        return ""
    text = MOVE_REASONS.get(move.reason, move.reason.replace("_", " "))
    if kind == "self" and move.reason == "own":
        text = "your own line of work, freelance, on contract or as your own business"
    if move.zone_from is not None and move.zone_to is not None and move.zone_to != move.zone_from:
        text += f" (job zone {move.zone_from} to {move.zone_to})"
    return text


GROUP_NOTES = {
    "needs_occupation": "needs your current occupation (and its job zone)",
    "needs_projections": (
        "needs the BLS Employment Projections (percent self-employed); install them with "
        "'unstuck data install --bls-projections'"
    ),
    "no_occupation": "no current occupation: every occupation counts as a change of field",
    "fitted_to_interests": "tasks that fit your strongest interests",
    "occupation_interests": (
        "tasks that fit your occupation's strongest interests; take the interests "
        "questionnaire for ideas fitted to you"
    ),
    "own_work_only_low_risk": (
        "you said you can take little risk, so only your own line of work is shown here"
    ),
    "own_pay_below_floor": "your occupation's median pay is below the pay floor you set",
}


def group_note(group: PathGroup) -> str | None:
    if group.note is None:
        return None
    return GROUP_NOTES.get(group.note, group.note)


def readiness(r: Readiness) -> str:
    """"About 2.5 years: a bachelor's degree ...; related experience ..." or "unknown"."""
    if r.months is None:
        return "Not enough data to estimate the time to get ready."
    if not r.steps:
        head = "You could apply now."
    else:
        if r.months < 1:
            head = "Under a month"
        else:
            head = ("At least " if not r.complete else "About ") + fmt_months(r.months)
        if not r.assumed_hours:
            head += f" at your {r.hours_per_week:g} hours a week"
        head += ": " + "; ".join(f"{s.label} ({months(s.months)})" for s in r.steps) + "."
    notes = " ".join(r.notes)
    missing = "" if r.complete else " The skill gap could not be measured."
    return " ".join(x for x in (head, notes + missing) if x).strip()


def ready_short(rec: Recommendation) -> str:
    m = rec.readiness.months
    if m is None:
        return "time to get ready unknown"
    if m < 0.5:
        return "ready now"
    if m < 1:
        return "ready in under a month"
    lead = "at least " if not rec.readiness.complete else "about "
    return f"ready in {lead}{fmt_months(m)}"
