"""What the career-path pages and ``unstuck explore`` need beyond the engine: who the person
is, what-if parameters from the query string, and the shortlist (the pages' cards and charts are
built in :mod:`unstuck.web.paths.present`).

The person is the saved profile (current occupation, own levels, latest interests and values,
constraints, area wages) unless the page was opened with ``?from=CODE``, which starts from that
occupation's typical profile. What-if parameters in the query string (``min_pay``,
``retraining_months``, ``hours``, ``max_zone_step``) override the profile's constraints for that
page only; nothing is saved until the person saves their profile.

The shortlist is kept by this app (:class:`~unstuck.app.paths.models.Shortlisted`, one row per
profile key and occupation). Other steps read it through :func:`shortlist_for`, which takes the
person's profile (or its key) and returns plain :class:`ShortlistEntry` values, oldest first, so
the planning step never imports this app's model::

    from unstuck.app.paths.services import shortlist_for
    targets = shortlist_for(profile)  # [ShortlistEntry(code, title, added_at), ...]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from unstuck.app.paths.models import Shortlisted
from unstuck.app.profile import models as profile_models
from unstuck.app.profile import services as profile_services
from unstuck.app.profile.services import LatestResults
from unstuck.core.assess import InterestsResult, ValuesResult
from unstuck.core.paths import Person, person_from_occupation
from unstuck.core.paths.data import OccupationData
from unstuck.core.paths.engine import person_from_profile, score
from unstuck.core.paths.explain import (
    Exploration,
    LeftOutItem,
    explore,
)
from unstuck.knowledge.matrices import area_figures, occupation_data
from unstuck.knowledge.store import KnowledgeBase

ME = profile_services.ME

#: query parameter -> (Person field, converter, lower bound, upper bound)
WHAT_IF: dict[str, tuple[str, type, float, float]] = {
    "min_pay": ("min_pay", float, 0, 10_000_000),
    "retraining_months": ("retraining_months", float, 0, 120),
    "hours": ("hours_per_week", float, 0, 168),
    "max_zone_step": ("max_zone_step", int, 0, 4),
}


#: the questionnaires the engine's person takes results from
PERSON_RESULTS = ("interests", "values")


def saved_person(kb: KnowledgeBase, results: LatestResults | None = None) -> Person:
    """The saved profile with the latest interests and values results, as the engine's person.

    ``results`` (from :func:`~unstuck.app.profile.services.latest_results`, at least
    :data:`PERSON_RESULTS`) lets a caller that also tells the person about results it cannot
    use read them once; a result that cannot be used is left out, like one never taken.
    """
    profile = profile_services.to_core(profile_services.get_profile())
    if results is None:
        results = profile_services.latest_results(only=PERSON_RESULTS)
    interests = results.get("interests")
    values = results.get("values")
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
                wages, jobs, name = area_figures(kb, key)
                if wages:
                    return replace(person, area_wages=wages, area_name=name, area_employment=jobs)
    return person


def strategy_weights(results: LatestResults | None = None) -> dict[str, float] | None:
    """The strategy mix (adjusted for constraints) as strategy id -> weight, for the top picks."""
    mix = profile_services.strategy_mix(results=results)
    return None if mix is None else {s.id: s.weight for s in mix}


def exploration(
    kb: KnowledgeBase,
    params: Mapping[str, str] | None = None,
    *,
    kinds: Sequence[str] | None = None,
    limit: int = 6,
    results: LatestResults | None = None,
) -> tuple[Exploration, Person, dict[str, str], list[str]]:
    """Career paths for the saved profile (or ``?from=CODE``) with the request's what-if
    values: what the paths page, ``unstuck explore`` and the journey benchmark all show.
    Returns the exploration, the person it was made for, the what-if values in effect and
    problems with the parameters."""
    data = occupation_data(kb)
    if results is None:
        results = profile_services.latest_results(only=(*PERSON_RESULTS, "rut"))
    person, applied, problems = person_for(kb, data, params or {}, results)
    own = not (params or {}).get("from")
    strategy = strategy_weights(results) if own else None
    found = explore(score(data, person), kinds, limit, strategy)
    return found, person, applied, problems


def person_for(
    kb: KnowledgeBase,
    data: OccupationData,
    params: Mapping[str, str],
    results: LatestResults | None = None,
) -> tuple[Person, dict[str, str], list[str]]:
    """The person for a request, the what-if values in effect, and problems with parameters
    (``results``: as for :func:`saved_person`)."""
    problems: list[str] = []
    start = params.get("from", "").strip()
    if start and start in data.index:
        person = person_from_occupation(data, start)
    else:
        if start:
            problems.append(f"There is no occupation {start!r}; showing your profile instead.")
        person = saved_person(kb, results)
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
            changes["levels"] = {element: level}
            applied["raise"] = element
            applied["to"] = params.get("to", "").strip()
    return person.what_if(**changes), applied, problems


def beyond_limit(
    kb: KnowledgeBase, skip: Iterable[str] = (), n: int = 2
) -> tuple[LeftOutItem, ...]:
    """The saved person's best fits that only their retraining limit leaves out and a little
    more time would bring in (see :meth:`Exploration.beyond_limit`), ``skip`` left out.

    The plan asks for them on every build, so the exploration behind them is kept for the
    last few people and strategies it was made for (the same inputs give the same answer)."""
    data = occupation_data(kb)
    results = profile_services.latest_results(only=(*PERSON_RESULTS, "rut"))
    person = saved_person(kb, results)
    strategy = strategy_weights(results)
    key = (id(kb), repr(person), repr(strategy))
    found = _BEYOND.pop(key, None)
    if found is None:
        found = explore(score(data, person), None, 10, strategy)
    _BEYOND[key] = found  # most recent last
    while len(_BEYOND) > _BEYOND_KEPT:
        _BEYOND.pop(next(iter(_BEYOND)))
    return found.beyond_limit(person.retraining_months, n, skip)


_BEYOND: dict[tuple[int, str, str], Exploration] = {}
_BEYOND_KEPT = 4


@dataclass(frozen=True)
class ShortlistEntry:
    """One shortlisted target occupation, as other steps (the plan) read it."""

    code: str  # O*NET-SOC code
    title: str
    added_at: datetime


def shortlist_for(profile: profile_models.Profile | str = ME) -> list[ShortlistEntry]:
    """The person's shortlisted targets, oldest first: the planning step's way in."""
    key = profile if isinstance(profile, str) else profile.key
    return [ShortlistEntry(s.code, s.title, s.added_at) for s in shortlist(key)]


def shortlist(key: str = ME) -> list[Shortlisted]:
    return list(Shortlisted.objects.filter(profile_key=key))


def add(code: str, title: str, key: str = ME) -> None:
    Shortlisted.objects.get_or_create(profile_key=key, code=code, defaults={"title": title})


def remove(code: str, key: str = ME) -> None:
    Shortlisted.objects.filter(profile_key=key, code=code).delete()
