"""Turn a :class:`KnowledgeBase` into the arrays the career-path engine scores with.

:func:`occupation_data` builds :class:`unstuck.core.paths.data.OccupationData` on first use and
keeps it on the knowledge base (:meth:`~unstuck.knowledge.store.KnowledgeBase.derived`: built
once per loaded file, concurrent requests wait for one build instead of racing). A new knowledge
base file means a new ``KnowledgeBase`` and so a fresh build; the same build loaded again reuses
the arrays.

What goes in: skill, knowledge, ability and work-activity ratings (whichever the release has),
RIASEC interests, work values, job zones, BLS wages and projections when installed, and text
similarity over task statements, detailed work activities (O*NET's Tasks to DWAs), job titles,
tools and descriptions.
What never goes in: O*NET's Related Occupations table, which the benchmark scores against.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from unstuck.core.paths.data import RIASEC_IDS, VALUE_IDS, Element, OccupationData
from unstuck.core.paths.readiness import EntryFacts
from unstuck.core.paths.text import tfidf_cosine, tokens

if TYPE_CHECKING:
    from unstuck.knowledge.store import KnowledgeBase

#: rating domains used for skills transfer, in display order
DOMAINS = ("skill", "knowledge", "ability", "work_activity")


def occupation_data(kb: KnowledgeBase) -> OccupationData:
    """The engine's arrays for ``kb``, built on first use and kept on it (a reload of the same
    build reuses them)."""
    return kb.derived("paths.occupation_data", lambda: build(kb), reuse=True, keep=True)


def area_wages(kb: KnowledgeBase, area: str) -> tuple[dict[str, float], str | None]:
    """Annual median wage per occupation in a state or metro area (by code or exact name), and
    the area's name; empty when the BLS area wages are not installed or the area is unknown."""
    wages, _, name = area_figures(kb, area)
    return wages, name


def area_figures(
    kb: KnowledgeBase, area: str
) -> tuple[dict[str, float], dict[str, float], str | None]:
    """(annual median wage, employment) per occupation in a state or metro area, and the area's
    name. An occupation BLS publishes no estimate for in the area is absent from both."""
    table = kb.area_wages
    found = table.find(area) if table else None
    if found is None:
        return {}, {}, None
    wages: dict[str, float] = {}
    jobs: dict[str, float] = {}
    for code in kb.titles:
        w = table.get(code, found.code)
        if w is None:
            continue
        if w.annual_median is not None:
            wages[code] = float(w.annual_median)
        if w.employment is not None:
            jobs[code] = float(w.employment)
    return wages, jobs, f"{found.name}, {table.year}"


def _interest_keywords(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """RIASEC letter -> O*NET's keywords for that interest."""
    letters = {eid: letter for eid, letter, _ in RIASEC_IDS}
    return {letters[eid]: words for eid, words in kb.riasec_keywords.items() if eid in letters}


def build(kb: KnowledgeBase) -> OccupationData:
    codes = kb.codes()
    n = len(codes)
    index = {c: i for i, c in enumerate(codes)}

    elements: list[Element] = []
    for domain in DOMAINS:
        seen: dict[str, str] = {}
        for ratings in kb.ratings.get(domain, {}).values():
            for r in ratings:
                seen.setdefault(r.element_id, r.name)
        elements.extend(Element(e, seen[e], domain) for e in sorted(seen))
    col = {e.element_id: k for k, e in enumerate(elements)}
    importance = np.full((n, len(elements)), np.nan, dtype=np.float32)
    level = np.full((n, len(elements)), np.nan, dtype=np.float32)
    for domain in DOMAINS:
        for code, ratings in kb.ratings.get(domain, {}).items():
            i = index.get(code)
            if i is None:
                continue
            for r in ratings:
                k = col[r.element_id]
                if r.importance is not None:
                    importance[i, k] = r.importance
                if r.level is not None:
                    level[i, k] = r.level
    has_ratings = np.asarray(np.isfinite(importance).any(axis=1), dtype=bool)

    def six(
        table: dict[str, list[object]], ids: list[str], get: Callable[[object], float | None]
    ) -> tuple[np.ndarray, np.ndarray]:
        m = np.full((n, 6), np.nan, dtype=np.float32)
        for code, items in table.items():
            i = index.get(code)
            if i is None:
                continue
            for item in items:
                eid = item.element_id  # type: ignore[attr-defined]
                value = get(item)
                if eid in ids and value is not None:
                    m[i, ids.index(eid)] = value
        return m, np.asarray(np.isfinite(m).all(axis=1), dtype=bool)

    interests, has_interests = six(
        kb.interests,
        [eid for eid, _, _ in RIASEC_IDS],
        lambda x: x.score,  # type: ignore[attr-defined]
    )
    values, has_values = six(
        kb.work_values,
        [eid for eid, _ in VALUE_IDS],
        lambda x: x.extent,  # type: ignore[attr-defined]
    )
    job_zone = np.array([kb.job_zones.get(c, math.nan) for c in codes], dtype=np.float32)

    activities = kb.detailed_activities
    similarity = {
        "tasks": tfidf_cosine(
            [tokens(" ".join(t.text for t in kb.tasks.get(c, ())), pairs=False) for c in codes]
        ),
        "activities": tfidf_cosine([tokens(" ".join(activities.get(c, ()))) for c in codes]),
        "activity_groups": tfidf_cosine(
            [kb.activity_groups.get(c, []) for c in codes], min_df=1, sublinear=True
        ),
        "technology": tfidf_cosine(
            [
                tokens(" ".join(t.example for t in kb.technology.get(c, ())), pairs=False)
                for c in codes
            ]
        ),
        "titles": tfidf_cosine(
            [tokens(" ".join([kb.titles[c], *kb.alternate_titles.get(c, ())])) for c in codes]
        ),
        "tools": tfidf_cosine(
            [[t.commodity_title for t in kb.tools.get(c, ()) if t.commodity_title] for c in codes],
            min_df=1,
            sublinear=False,
        ),
        "description": tfidf_cosine(
            [tokens(f"{kb.titles[c]} {kb.descriptions.get(c) or ''}") for c in codes]
        ),
    }
    similarity = {k: v for k, v in similarity.items() if v[1].any()}

    def wage(code: str) -> float:
        w = kb.wages.get(code)
        return math.nan if w is None or w.annual_median is None else float(w.annual_median)

    def outlook(code: str, attr: str) -> float:
        o = kb.outlook.get(code)
        v = None if o is None else getattr(o, attr)
        return math.nan if v is None else float(v)

    def entry(code: str) -> EntryFacts:
        o = kb.outlook.get(code)
        prep = kb.preparation.get(code, {})
        return EntryFacts(
            code=code,
            title=kb.titles[code],
            job_zone=kb.job_zones.get(code),
            bls_education=None if o is None else o.typical_education,
            bls_experience=None if o is None else o.work_experience,
            bls_training=None if o is None else o.training,
            education_shares=dict(prep.get("RL", {})),
            experience_shares=dict(prep.get("RW", {})),
            training_shares=dict(prep.get("OJ", {})),
        )

    commodity_of: dict[str, str] = {}
    commodity_titles: dict[str, str] = {}
    for techs in kb.technology.values():
        for t in techs:
            if t.commodity_code:
                cc = str(t.commodity_code)
                commodity_of.setdefault(t.example.casefold(), cc)
                if t.commodity_title:
                    commodity_titles.setdefault(cc, t.commodity_title)
                    commodity_of.setdefault(t.commodity_title.casefold(), cc)

    def employment(code: str) -> float:
        w = kb.wages.get(code)
        return math.nan if w is None or w.employment is None else float(w.employment)

    any_wage = next(iter(kb.wages.values()), None)
    any_outlook = next(iter(kb.outlook.values()), None)
    return OccupationData(
        codes=tuple(codes),
        titles=tuple(kb.titles[c] for c in codes),
        release=kb.release,
        elements=tuple(elements),
        importance=importance,
        level=level,
        has_ratings=has_ratings,
        interests=interests,
        has_interests=has_interests,
        values=values,
        has_values=has_values,
        job_zone=job_zone,
        similarity=similarity,
        wage_median=np.array([wage(c) for c in codes], dtype=np.float32),
        wage_area=None if any_wage is None else f"{any_wage.area}, {any_wage.year}",
        growth_percent=np.array([outlook(c, "change_percent") for c in codes], np.float32),
        openings=np.array([outlook(c, "openings_per_year") for c in codes], np.float32),
        self_employed_percent=np.array(
            [outlook(c, "self_employed_percent") for c in codes], np.float32
        ),
        projections_period=None if any_outlook is None else any_outlook.period,
        typical_education=tuple(
            (kb.outlook[c].typical_education if c in kb.outlook else None) for c in codes
        ),
        tasks=tuple(tuple(t.text for t in kb.tasks.get(c, ())) for c in codes),
        interest_keywords=_interest_keywords(kb),
        entry=tuple(entry(c) for c in codes),
        employment=np.array([employment(c) for c in codes], dtype=np.float32),
        wage_note=tuple((kb.wages[c].note if c in kb.wages else None) for c in codes),
        technology_commodities=tuple(
            frozenset(str(t.commodity_code) for t in kb.technology.get(c, ()) if t.commodity_code)
            for c in codes
        ),
        commodity_of=commodity_of,
        commodity_titles=commodity_titles,
    )


__all__ = ["area_figures", "area_wages", "build", "occupation_data"]
