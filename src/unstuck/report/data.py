"""The report's data: one JSON-ready dict drawn from a built plan.

:func:`report_data` turns a :class:`~unstuck.app.plan.services.BuiltPlan` into everything the
report shows; the HTML report, the PDF (:mod:`.document`, :mod:`.pdf`), the plan pages and
``unstuck plan show --json`` are all drawn from it. Unknown stays ``None`` all the way through.
:func:`target_why` adds why the chosen target, in the paths engine's own figures.

Example::

    from unstuck.knowledge.store import get_knowledge_base
    from unstuck.app.plan import services  # after unstuck.app.setup()
    from unstuck.report.data import report_data

    plan = services.build(get_knowledge_base())
    print(report_data(plan)["plan"]["weeks"][0])
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from unstuck.app.paths import services as paths_services
from unstuck.app.paths import wording
from unstuck.core import profile as core_profile
from unstuck.core.paths import KINDS
from unstuck.core.paths.engine import score
from unstuck.core.paths.explain import explain, fit_label
from unstuck.knowledge.matrices import occupation_data
from unstuck.report import charts

if TYPE_CHECKING:
    from unstuck.app.plan.services import BuiltPlan
    from unstuck.knowledge.store import KnowledgeBase


def _profile_data(p: core_profile.Profile) -> dict[str, Any]:
    c = p.constraints
    return {
        "occupation": {"code": p.occupation_code, "title": p.occupation_title},
        "years_in_occupation": p.years_in_occupation,
        "education": None
        if p.education is None
        else core_profile.EDUCATION_LEVELS.get(p.education, str(p.education)),
        "skills_rated": len(p.ratings),
        "technology": list(p.technology),
        "constraints": c.to_dict(),
    }


def _diagnosis(plan: BuiltPlan) -> dict[str, Any] | None:
    rut = plan.rut
    if rut is None:
        return None
    return {
        "taken": None if plan.rut_taken is None else plan.rut_taken.date().isoformat(),
        "severity": {
            "score": round(rut.severity.score),  # one rounding everywhere: whole points
            "band": rut.severity.band.name,
            "meaning": rut.severity.band.meaning,
        },
        "causes": [
            {"name": c.name, "score": round(c.score, 1), "likelihood": c.likelihood}
            for c in rut.causes
        ],
        "unscored_causes": list(rut.unscored_causes),
        "strategies": [{"name": s.name, "share": s.share} for s in plan.strategies],
        "care": rut.care.to_dict(),
    }


def target_why(kb: KnowledgeBase, plan: BuiltPlan) -> dict[str, Any] | None:
    """Why this target, in the paths engine's own figures for the saved person (the same
    score, pay, outlook and readiness the paths page shows), or None without a target."""
    if plan.target is None:
        return None
    data = occupation_data(kb)
    if plan.target.code not in data.index:
        return None
    ranking = score(data, paths_services.saved_person(kb))
    rec = explain(ranking, plan.target.code)
    limit = plan.profile.constraints.retraining_months
    months = rec.readiness.months
    nearer: list[dict[str, Any]] = []
    if months is not None and limit is not None and months > limit:
        for s in plan.shortlist:
            if s.code == plan.target.code or s.code not in data.index:
                continue
            other = explain(ranking, s.code).readiness.months
            if other is not None and other <= limit:
                nearer.append({"code": s.code, "title": s.title, "months": round(other, 1)})
        nearer.sort(key=lambda n: n["months"])
    return {
        "fit": rec.fit,
        "fit_label": fit_label(rec.fit),
        "score": round(rec.score, 1),
        "kind": rec.kind,
        "kind_name": KINDS.get(rec.kind, rec.kind),
        "move": wording.move_reason(rec.move, rec.kind),
        "pay": {
            "current": rec.pay.current,
            "target": rec.pay.target,
            "change_percent": rec.pay.change_percent,
            "area": rec.pay.area,
        },
        "outlook": {
            "growth_percent": rec.outlook.growth_percent,
            "openings_per_year": rec.outlook.openings_per_year,
            "period": rec.outlook.period,
        },
        "readiness_months": None if months is None else round(months, 1),
        "beyond_limit": months is not None and limit is not None and months > limit,
        "retraining_months": limit,
        "nearer": nearer,  # shortlisted targets ready within the limit, nearest first
    }


def _first_steps(action: dict[str, Any], n: int = 3) -> list[str]:
    """The plan's first ``n`` tasks that take hours, in week order (self-care is every week)."""
    out: list[str] = []
    tasks = [t for w in action.get("weeks") or () for t in w.get("tasks") or ()]
    seen: dict[str, int] = {}
    for t in tasks:
        seen[t["title"]] = seen.get(t["title"], 0) + 1
    for t in tasks:
        title = t["title"].removesuffix(" (started)").removesuffix(" (continued)")
        # Self-care counts when it is a step of its own (a care note's first week), not the
        # weekly reminder.
        step = t["hours"] > 0 if t["strand"] != "self_care" else seen[t["title"]] == 1
        if step and title not in out:
            out.append(title)
        if len(out) == n:
            return out
    return out


def task_guide(action: dict[str, Any]) -> list[dict[str, Any]]:
    """Each of the plan's tasks once, in the order they first come, with how to do it and the
    weeks it is in: the week table names the tasks, this says what each one asks. Learning
    activities have their own section (with their proofs), so they are not repeated here."""
    out: dict[str, dict[str, Any]] = {}
    for w in action.get("weeks") or ():
        for t in w.get("tasks") or ():
            if t["strand"] == "learning" or not t.get("detail"):
                continue
            title = t["title"].removesuffix(" (started)").removesuffix(" (continued)")
            row = out.setdefault(
                title, {"title": title, "detail": t["detail"], "why": t["why"], "weeks": []}
            )
            if w["week"] not in row["weeks"]:
                row["weeks"].append(w["week"])
            row["why"] = row["why"] or t["why"]
    return list(out.values())


def weeks_words(weeks: list[int]) -> str:
    """"week 3", "weeks 3-5", "weeks 1, 3, 5 and 7"."""
    if len(weeks) == 1:
        return f"week {weeks[0]}"
    if weeks == list(range(weeks[0], weeks[-1] + 1)):
        return f"weeks {weeks[0]}-{weeks[-1]}"
    return "weeks " + ", ".join(str(w) for w in weeks[:-1]) + f" and {weeks[-1]}"


def _summary(
    plan: BuiltPlan, action: dict[str, Any], why: dict[str, Any] | None
) -> dict[str, Any]:
    learning = action.get("learning") or {}
    care = plan.rut.care.to_dict() if plan.rut is not None else {"shown": False}
    return {
        "target": None if plan.target is None else plan.target.title,
        "why": why,
        "cost": learning.get("total_cost"),
        "budget": plan.profile.constraints.learning_budget,
        "over_budget": [a["title"] for a in learning.get("over_budget") or ()],
        "hours": learning.get("total_hours"),
        "first_steps": _first_steps(action),
        "verdict": plan.readiness.verdict,
        "care": care,
    }


def paper() -> str:
    """The report's paper size: US Letter, or A4 when ``UNSTUCK_PAPER=a4`` says so."""
    return "a4" if os.environ.get("UNSTUCK_PAPER", "").strip().casefold() == "a4" else "letter"


def report_data(
    plan: BuiltPlan, *, why: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Everything the report shows, JSON-ready; ``None`` means not known. ``why`` is
    :func:`target_why` (the report's summary reads it; without it the summary says less)."""
    action = plan.action.to_dict()
    for week in action.get("weeks") or ():
        for task in week.get("tasks") or ():
            logged = plan.logged.get(task["id"])
            if logged is not None:
                task["logged"] = logged.text
    learning = action.get("learning")
    if learning is not None:
        for a in learning["activities"]:
            a["done"] = a["id"] in plan.done
            a["hours_set_by_you"] = a["id"] in plan.hours_set
    gaps = plan.analysis.to_dict() if plan.analysis is not None else None
    if gaps is not None:
        left = {g.key for g in plan.skipped}
        for g in gaps["gaps"]:
            g["left_for_later"] = g["key"] in left
    planned_gaps = [g for g in gaps["gaps"] if not g["left_for_later"]] if gaps else []
    diagnosis = _diagnosis(plan)
    hours = charts.weekly_hours(action)
    return {
        "made": plan.today.isoformat(),
        "paper": paper(),
        "summary": _summary(plan, action, why),
        "release": plan.release,
        "profile": _profile_data(plan.profile),
        "diagnosis": diagnosis,
        "shortlist": [{"code": s.code, "title": s.title} for s in plan.shortlist],
        "target": None
        if plan.target is None
        else {
            "code": plan.target.code,
            "title": plan.target.title,
            "job_zone": None if plan.target.job_zone is None else plan.target.job_zone.zone,
        },
        "gaps": gaps,
        "plan": action,
        "guide": [g | {"when": weeks_words(g["weeks"])} for g in task_guide(action)],
        "goals": [
            {
                "goal": g.text,
                "source": g.source or "yours",
                "edited": g.edited,
                "check": g.check.to_dict(),
            }
            for g in plan.goals
        ],
        "exit": {
            "runway": plan.runway.to_dict(),
            "readiness": plan.readiness.to_dict(),
            "timeline": plan.timeline.to_dict(),
        },
        "charts": {
            "hours": hours,
            "gaps": charts.gap_bars(planned_gaps),
            "causes": charts.cause_bars(diagnosis["causes"]) if diagnosis else [],
        },
        "attributions": list(dict.fromkeys(plan.attributions)),  # one line per source
        "notes": list(plan.notes),
    }
