"""What the career-path pages need beyond the engine: who the person is, what-if parameters
from the query string, the shortlist, and chart data.

The person is the saved profile (current occupation, own levels, latest interests and values,
constraints, area wages) unless the page was opened with ``?from=CODE``, which starts from that
occupation's typical profile. What-if parameters in the query string (``min_pay``,
``retraining_months``, ``hours``, ``max_zone_step``) override the profile's constraints for that
page only; nothing is saved until the person saves their profile.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from unstuck.core.assess import InterestsResult, ValuesResult
from unstuck.core.paths import Person, Recommendation, person_from_occupation
from unstuck.core.paths.data import OccupationData
from unstuck.core.paths.engine import person_from_profile
from unstuck.knowledge.matrices import area_wages
from unstuck.knowledge.store import KnowledgeBase
from unstuck.web.paths.models import Shortlisted
from unstuck.web.profile import services as profile_services

ME = profile_services.ME

#: query parameter -> (Person field, converter, lower bound, upper bound)
WHAT_IF: dict[str, tuple[str, type, float, float]] = {
    "min_pay": ("min_pay", float, 0, 10_000_000),
    "retraining_months": ("retraining_months", float, 0, 120),
    "hours": ("hours_per_week", float, 0, 168),
    "max_zone_step": ("max_zone_step", int, 0, 4),
}


def saved_person(kb: KnowledgeBase) -> Person:
    """The saved profile with the latest interests and values results, as the engine's person."""
    profile = profile_services.to_core(profile_services.get_profile())
    interests = profile_services.latest("interests")
    values = profile_services.latest("values")
    person = person_from_profile(
        profile,
        interests=interests.result.oi_profile()
        if interests and isinstance(interests.result, InterestsResult)
        else None,
        values=values.result.ex_profile()
        if values and isinstance(values.result, ValuesResult)
        else None,
    )
    loc = profile.constraints.location
    if loc is not None:
        for key in (loc.name, loc.code):
            if key:
                wages, name = area_wages(kb, key)
                if wages:
                    return replace(person, area_wages=wages, area_name=name)
    return person


def person_for(
    kb: KnowledgeBase, data: OccupationData, params: Mapping[str, str]
) -> tuple[Person, dict[str, str], list[str]]:
    """The person for a request, the what-if values in effect, and problems with parameters."""
    problems: list[str] = []
    start = params.get("from", "").strip()
    if start and start in data.index:
        person = person_from_occupation(data, start)
    else:
        if start:
            problems.append(f"There is no occupation {start!r}; showing your profile instead.")
        person = saved_person(kb)
    applied: dict[str, str] = {}
    changes: dict[str, Any] = {}
    for name, (field, conv, low, high) in WHAT_IF.items():
        raw = params.get(name, "").strip()
        if not raw:
            continue
        try:
            value = conv(raw)
        except ValueError:
            problems.append(f"{name.replace('_', ' ')} must be a number.")
            continue
        if not low <= value <= high:
            problems.append(f"{name.replace('_', ' ')} must be between {low:g} and {high:g}.")
            continue
        changes[field] = value
        applied[name] = raw
    element = params.get("raise", "").strip()
    if element:
        try:
            level = float(params.get("to", ""))
        except ValueError:
            level = -1.0
        if element not in data.element_index:
            problems.append("Pick a skill or knowledge area to raise.")
        elif not 0.0 <= level <= 7.0:
            problems.append("The level to raise it to must be between 0 and 7.")
        else:
            changes["levels"] = {**person.levels, element: level}
            applied["raise"] = element
            applied["to"] = params.get("to", "").strip()
    return replace(person, **changes), applied, problems


def shortlist(key: str = ME) -> list[Shortlisted]:
    return list(Shortlisted.objects.filter(profile_key=key))


def add(code: str, title: str, key: str = ME) -> None:
    Shortlisted.objects.get_or_create(profile_key=key, code=code, defaults={"title": title})


def remove(code: str, key: str = ME) -> None:
    Shortlisted.objects.filter(profile_key=key, code=code).delete()


def chart(rec: Recommendation) -> list[dict[str, Any]]:
    """Component bars: each as a share of the largest absolute component, signed."""
    biggest = max((abs(c.value) for c in rec.components), default=0.0) or 1.0
    return [
        {
            "label": c.label,
            "value": round(c.value, 1),
            "width": round(100 * abs(c.value) / biggest, 1),
            "negative": c.value < 0,
        }
        for c in rec.components
    ]


def cards(recs: Sequence[Recommendation], shortlisted: set[str]) -> list[dict[str, Any]]:
    return [{"rec": r, "bars": chart(r), "shortlisted": r.code in shortlisted} for r in recs]
