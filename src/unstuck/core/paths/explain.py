"""Paths grouped by kind of move, each recommendation explaining itself.

:func:`explore` turns a :class:`~unstuck.core.paths.engine.Ranking` into groups:

- **grow** where you are: the person's own occupation, with job-crafting ideas: task statements
  of the occupation and of its closest higher-zone relatives that carry the RIASEC keywords of
  the person's strongest interests (O*NET's RIASEC Keywords list);
- **sideways**: same or lower job zone, ranked by the full score (what transfers leads);
- **up**: same SOC major group, higher job zone;
- **change** field: another SOC major group, ranked with interests and values weighted up and
  skills transfer down (:data:`CHANGE_FIELD_MULTIPLIERS`), so larger gaps are accepted;
- **self**-employment: occupations where at least :data:`SELF_EMPLOYED_MIN_PERCENT` % of workers
  are self-employed, per the BLS Employment Projections; absent when those are not installed.

Every :class:`Recommendation` carries the score and its components (they sum to the score under
that kind's weights), the strongest transferable elements and the largest gaps with current and
required level, interest and values fit, the job-zone step, pay and outlook, and a rough
time-to-ready. Constraints filter occupations out with a stated reason.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from unstuck.core.paths.data import RIASEC_IDS, VALUE_IDS, OccupationData
from unstuck.core.paths.engine import (
    CHANGE_FIELD_MULTIPLIERS,
    COMPONENTS,
    FULL_TIME_HOURS_A_YEAR,
    KINDS,
    PREPARATION_YEARS,
    SELF_EMPLOYED_MIN_PERCENT,
    SIGNALS,
    WEEKS_A_MONTH,
    Ranking,
)

FULL_TIME_HOURS_A_WEEK = 40.0


@dataclass(frozen=True)
class SignalPart:
    signal: str
    what: str
    weight: float
    standardised: float
    contribution: float
    published: bool  # False: the target has no data for it (counted slightly below average)


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    value: float
    parts: tuple[SignalPart, ...]


@dataclass(frozen=True)
class ElementFit:
    element_id: str
    name: str
    domain: str
    importance: float | None  # in the target, 1-5
    required: float  # target level, 0-7
    current: float  # the person's level
    gap: float  # required - current (positive: short)


@dataclass(frozen=True)
class ProfileFit:
    """Interests or values: the person's profile against the occupation's, on O*NET's scale."""

    fit: float | None  # centred cosine, -1..1; None when either side is missing
    person_top: tuple[str, ...]
    occupation_top: tuple[str, ...]
    shared: tuple[str, ...]
    #: every dimension in O*NET's order, (name, person's value or None, occupation's or None):
    #: what an overlay chart draws
    dimensions: tuple[tuple[str, float | None, float | None], ...] = ()


@dataclass(frozen=True)
class EducationStep:
    current_zone: int | None
    target_zone: int | None
    step: int | None
    typical_education: str | None  # BLS typical entry-level education


@dataclass(frozen=True)
class PayChange:
    current: float | None
    target: float | None
    change_percent: float | None
    area: str | None  # where the target figure is for


@dataclass(frozen=True)
class OutlookFacts:
    growth_percent: float | None
    openings_per_year: float | None  # occupations' openings a year (not thousands)
    self_employed_percent: float | None
    period: str | None


@dataclass(frozen=True)
class TimeToReady:
    """A rough estimate, not a promise: see :func:`time_to_ready`."""

    share_of_required_level: float  # importance-weighted share of required levels not yet met
    preparation_years: float  # typical preparation for the target's job zone (SVP midpoint)
    hours: float
    months: float
    hours_per_week: float
    assumed_full_time: bool


@dataclass(frozen=True)
class Recommendation:
    code: str
    title: str
    kind: str
    score: float
    components: tuple[Component, ...]
    strengths: tuple[ElementFit, ...]
    gaps: tuple[ElementFit, ...]
    interests: ProfileFit
    values: ProfileFit
    education: EducationStep
    pay: PayChange
    outlook: OutlookFacts
    time_to_ready: TimeToReady | None
    not_published: tuple[str, ...]  # signals the target has no data for
    filtered: tuple[str, ...] = ()  # why the person's constraints rule it out

    @property
    def component_sum(self) -> float:
        return sum(c.value for c in self.components)


def rounded_to_add_up(values: Sequence[float], total: float, places: int = 1) -> list[float]:
    """Each value rounded to ``places`` decimals so that the rounded values add up exactly to
    the rounded total (largest remainder), for showing components beside a rounded score."""
    scale = 10**places
    scaled = [v * scale for v in values]
    out = [math.floor(x) for x in scaled]
    short = round(total * scale) - sum(out)
    # who gets a unit: the largest remainders when short, the smallest when over
    order = sorted(range(len(values)), key=lambda k: out[k] - scaled[k])
    if short < 0:
        order = order[::-1]
    step = 1 if short > 0 else -1
    for k in order[: abs(short)]:
        out[k] += step
    return [o / scale or 0.0 for o in out]  # "or 0.0": never show "-0.0"


def shown_components(rec: Recommendation, places: int = 1) -> list[tuple[str, float]]:
    """(label, value) of each component, rounded to add up to the score rounded alike."""
    values = rounded_to_add_up([c.value for c in rec.components], rec.score, places)
    return [(c.label, v) for c, v in zip(rec.components, values, strict=True)]


@dataclass(frozen=True)
class CraftingIdea:
    task: str
    source_code: str
    source_title: str
    interests: tuple[str, ...]  # RIASEC letters whose keywords the task carries


@dataclass(frozen=True)
class PathGroup:
    kind: str
    label: str
    items: tuple[Recommendation, ...]
    note: str | None = None
    ideas: tuple[CraftingIdea, ...] = ()
    filtered_count: int = 0


@dataclass(frozen=True)
class Exploration:
    groups: tuple[PathGroup, ...]
    unused: tuple[tuple[str, str], ...]  # (signal, reason) parts of the score not used
    data_release: str

    def group(self, kind: str) -> PathGroup | None:
        return next((g for g in self.groups if g.kind == kind), None)


# -- weights per kind -------------------------------------------------------------------------
def kind_weights(ranking: Ranking, kind: str) -> dict[str, float]:
    if kind != "change":
        return dict(ranking.weights)
    return {s: w * CHANGE_FIELD_MULTIPLIERS.get(s, 1.0) for s, w in ranking.weights.items()}


def kind_scores(ranking: Ranking, kind: str) -> np.ndarray:
    if kind != "change":
        return ranking.total_scores
    w = kind_weights(ranking, kind)
    total = np.zeros(len(ranking.data), dtype=np.float32)
    for s, z in ranking.z.items():
        total += np.float32(w.get(s, 0.0)) * z
    return total


# -- pieces of an explanation -----------------------------------------------------------------
def _num(x: float) -> float | None:
    return float(x) if math.isfinite(float(x)) else None


def components_of(ranking: Ranking, i: int, kind: str) -> tuple[Component, ...]:
    w = kind_weights(ranking, kind)
    parts: dict[str, list[SignalPart]] = {}
    for s, z in ranking.z.items():
        weight = float(w.get(s, 0.0))
        parts.setdefault(SIGNALS[s][0], []).append(
            SignalPart(
                signal=s,
                what=SIGNALS[s][1],
                weight=weight,
                standardised=float(z[i]),
                contribution=float(np.float32(weight) * z[i]),
                published=bool(ranking.present[s][i]),
            )
        )
    return tuple(
        Component(key, COMPONENTS[key], sum(p.contribution for p in parts[key]), tuple(parts[key]))
        for key in COMPONENTS
        if key in parts
    )


def element_fits(ranking: Ranking, i: int) -> tuple[list[ElementFit], list[ElementFit]]:
    """(strengths, gaps): elements the person meets, by importance; shortfalls, by
    importance x shortfall."""
    data = ranking.data
    strengths: list[tuple[float, ElementFit]] = []
    gaps: list[tuple[float, ElementFit]] = []
    if not data.has_ratings[i]:
        return [], []
    for eid, current in ranking.person.levels.items():
        k = data.element_index.get(eid)
        if k is None:
            continue
        req = float(data.level[i, k])
        imp = float(data.importance[i, k])
        if not math.isfinite(req):
            continue
        e = data.elements[k]
        fit = ElementFit(eid, e.name, e.domain, _num(imp), req, float(current), req - current)
        weight = imp if math.isfinite(imp) else 1.0
        if current >= req:
            strengths.append((weight * req, fit))
        else:
            gaps.append((weight * (req - current), fit))
    strengths.sort(key=lambda t: (-t[0], t[1].name))
    gaps.sort(key=lambda t: (-t[0], t[1].name))
    return [f for _, f in strengths], [f for _, f in gaps]


def _top(profile: Mapping[str, float], names: Mapping[str, str], k: int = 3) -> tuple[str, ...]:
    ordered = sorted(profile.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(names[e] for e, _ in ordered[:k])


def profile_fit(
    person: Mapping[str, float],
    row: np.ndarray,
    has: bool,
    ids: Sequence[str],
    names: Mapping[str, str],
) -> ProfileFit:
    theirs = {e: float(v) for e, v in zip(ids, row, strict=True)} if has else {}
    mine = {e: float(person[e]) for e in ids if e in person}
    fit = None
    if theirs and len(mine) == len(ids):
        a = np.array([mine[e] for e in ids]) - np.mean(list(mine.values()))
        b = np.array([theirs[e] for e in ids]) - np.mean(list(theirs.values()))
        denom = float(np.linalg.norm(a) * np.linalg.norm(b))
        fit = float(a @ b / denom) if denom > 0 else None
    p_top = _top(mine, names) if mine else ()
    o_top = _top(theirs, names) if theirs else ()
    dims = tuple((names[e], mine.get(e), theirs.get(e)) for e in ids) if mine or theirs else ()
    return ProfileFit(fit, p_top, o_top, tuple(x for x in p_top if x in o_top), dims)


def time_to_ready(ranking: Ranking, i: int) -> TimeToReady | None:
    """Importance-weighted share of the target's required levels the person does not yet
    reach, times the typical preparation for the target's job zone (midpoint of O*NET's SVP
    range), in full-time hours; months at the hours a week the person has (40 if not given).

    Rough by design: it assumes closing a gap costs in proportion to the preparation the
    occupation usually takes, and says nothing of licences or degree requirements.
    """
    share = float(ranking.gap_share[i])
    zone = ranking.data.job_zone[i]
    if not math.isfinite(share) or not math.isfinite(float(zone)):
        return None
    years = PREPARATION_YEARS[int(zone)]
    hours = share * years * FULL_TIME_HOURS_A_YEAR
    per_week = ranking.person.hours_per_week
    assumed = not per_week
    week = FULL_TIME_HOURS_A_WEEK if assumed or per_week is None else per_week
    return TimeToReady(share, years, hours, hours / (week * WEEKS_A_MONTH), week, assumed)


def _zone(data: OccupationData, i: int | None) -> int | None:
    if i is None:
        return None
    z = float(data.job_zone[i])
    return int(z) if math.isfinite(z) else None


def constraint_reasons(ranking: Ranking, i: int) -> tuple[str, ...]:
    p = ranking.person
    data = ranking.data
    code = data.codes[i]
    out: list[str] = []
    if code in p.excluded:
        out.append("you excluded it")
    pay = float(ranking.pay[i])
    if p.min_pay is not None and math.isfinite(pay) and pay < p.min_pay:
        out.append(f"median pay ${pay:,.0f} is below your floor of ${p.min_pay:,.0f}")
    me = data.index.get(p.occupation) if p.occupation else None
    if p.max_zone_step is not None:
        a, b = _zone(data, me), _zone(data, i)
        if a is not None and b is not None and b - a > p.max_zone_step:
            out.append(f"job zone {b} is {b - a} steps above yours (your limit: {p.max_zone_step})")
    if p.retraining_months is not None:
        t = time_to_ready(ranking, i)
        if t is not None and t.months > p.retraining_months:
            out.append(
                f"about {t.months:.0f} months to get ready, more than your {p.retraining_months:g}"
            )
    return tuple(out)


def explain(ranking: Ranking, code: str, kind: str = "sideways") -> Recommendation:
    """Everything behind one target's score, for ``kind``'s weights."""
    data = ranking.data
    i = data.index[code]
    p = ranking.person
    me = data.index.get(p.occupation) if p.occupation else None
    strengths, gaps = element_fits(ranking, i)
    riasec_names = {eid: name for eid, _, name in RIASEC_IDS}
    value_names = dict(VALUE_IDS)
    a, b = _zone(data, me), _zone(data, i)
    pay = _num(ranking.pay[i])
    current = p.current_pay
    area = p.area_name if p.area_wages and code in p.area_wages else data.wage_area
    return Recommendation(
        code=code,
        title=data.titles[i],
        kind=kind,
        score=float(kind_scores(ranking, kind)[i]),
        components=components_of(ranking, i, kind),
        strengths=tuple(strengths[:5]),
        gaps=tuple(gaps[:5]),
        interests=profile_fit(
            p.interests,
            data.interests[i],
            bool(data.has_interests[i]),
            [e for e, _, _ in RIASEC_IDS],
            riasec_names,
        ),
        values=profile_fit(
            p.values,
            data.values[i],
            bool(data.has_values[i]),
            [e for e, _ in VALUE_IDS],
            value_names,
        ),
        education=EducationStep(
            a, b, None if a is None or b is None else b - a, data.typical_education[i]
        ),
        pay=PayChange(
            current,
            pay,
            None if pay is None or not current else 100.0 * (pay - current) / current,
            area if pay is not None else None,
        ),
        outlook=OutlookFacts(
            _num(data.growth_percent[i]),
            None if not math.isfinite(float(data.openings[i])) else float(data.openings[i]) * 1000,
            _num(data.self_employed_percent[i]),
            data.projections_period,
        ),
        time_to_ready=time_to_ready(ranking, i),
        not_published=tuple(s for s in ranking.z if not ranking.present[s][i]),
        filtered=constraint_reasons(ranking, i),
    )


# -- grouping ---------------------------------------------------------------------------------
def _candidates(ranking: Ranking, kind: str) -> tuple[np.ndarray | None, str | None]:
    """Which rows a kind may hold (None: the kind does not apply), and a note."""
    data = ranking.data
    p = ranking.person
    me = data.index.get(p.occupation) if p.occupation else None
    n = len(data)
    mask = np.ones(n, dtype=bool)
    if me is not None:
        mask[me] = False
    zone_me = _zone(data, me)
    step = data.job_zone - (zone_me if zone_me is not None else np.nan)
    major = data.soc_prefixes[0]
    if kind == "sideways":
        if zone_me is None:
            return None, "needs your current occupation (and its job zone)"
        return mask & (step <= 0), None
    if kind == "up":
        if zone_me is None or p.occupation is None:
            return None, "needs your current occupation (and its job zone)"
        return mask & (step >= 1) & (major == p.occupation[:2]), None
    if kind == "change":
        if p.occupation is None:
            return mask, "no current occupation: every occupation counts as a change of field"
        return mask & (major != p.occupation[:2]), None
    if kind == "self":
        if not data.has_outlook:
            return None, (
                "needs the BLS Employment Projections (percent self-employed); install them "
                "with 'unstuck data install --bls-projections'"
            )
        share = np.nan_to_num(data.self_employed_percent, nan=-1.0)
        return mask & (share >= SELF_EMPLOYED_MIN_PERCENT), (
            f"occupations where at least {SELF_EMPLOYED_MIN_PERCENT:g}% of workers are "
            f"self-employed (BLS Employment Projections {data.projections_period or ''})".strip()
        )
    raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")


_WORD = re.compile(r"[a-z]+")


def _task_interests(task: str, keywords: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    words = set(_WORD.findall(task.lower()))
    return tuple(
        letter
        for letter, kws in keywords.items()
        if any(k.lower() in words for k in kws if " " not in k)
    )


def crafting_ideas(ranking: Ranking, limit: int = 8) -> tuple[CraftingIdea, ...]:
    """Tasks of the person's occupation and its three best-scoring higher-zone relatives in
    the same SOC major group that carry keywords of the person's top two interests (or, with
    no interests taken, of the occupation's own top two)."""
    data = ranking.data
    p = ranking.person
    me = data.index.get(p.occupation) if p.occupation else None
    if me is None:
        return ()
    if p.interests:
        letters = [
            letter
            for eid, letter, _ in sorted(RIASEC_IDS, key=lambda r: -p.interests.get(r[0], 0.0))
        ][:2]
    elif data.has_interests[me]:
        order = np.argsort(-data.interests[me], kind="stable")[:2]
        letters = [RIASEC_IDS[int(k)][1] for k in order]
    else:
        return ()
    keywords = {x: data.interest_keywords.get(x, ()) for x in letters}
    sources = [me]
    up, _ = _candidates(ranking, "up")
    if up is not None:
        scores = np.where(up, ranking.total_scores, -np.inf)
        sources += [int(k) for k in np.argsort(-scores, kind="stable")[:3] if up[k]]
    own = set(data.tasks[me])
    ideas: list[CraftingIdea] = []
    for src in sources:
        for task in data.tasks[src]:
            if src != me and task in own:
                continue
            tags = _task_interests(task, keywords)
            if tags:
                ideas.append(CraftingIdea(task, data.codes[src], data.titles[src], tags))
    # a mix: the person's own tasks first, then borrowed ones, at most half from each source
    per_source: dict[str, int] = {}
    out: list[CraftingIdea] = []
    for idea in sorted(ideas, key=lambda x: -len(x.interests)):
        if per_source.get(idea.source_code, 0) >= max(2, limit // 2):
            continue
        per_source[idea.source_code] = per_source.get(idea.source_code, 0) + 1
        out.append(idea)
        if len(out) == limit:
            break
    return tuple(out)


def explore(ranking: Ranking, kinds: Sequence[str] | None = None, limit: int = 10) -> Exploration:
    """The best ``limit`` targets of each kind, constraints applied."""
    groups: list[PathGroup] = []
    data = ranking.data
    me = data.index.get(ranking.person.occupation) if ranking.person.occupation else None
    for kind in kinds or tuple(KINDS):
        if kind == "grow":
            if me is None:
                groups.append(PathGroup(kind, KINDS[kind], (), "needs your current occupation"))
                continue
            rec = explain(ranking, data.codes[me], "grow")
            grow_note = (
                "tasks that fit your strongest interests"
                if ranking.person.interests
                else "tasks that fit your occupation's strongest interests; take the interests "
                "questionnaire for ideas fitted to you"
            )
            groups.append(PathGroup(kind, KINDS[kind], (rec,), grow_note, crafting_ideas(ranking)))
            continue
        mask, note = _candidates(ranking, kind)
        if mask is None:
            groups.append(PathGroup(kind, KINDS[kind], (), note))
            continue
        scores = np.where(mask, kind_scores(ranking, kind), -np.inf)
        items: list[Recommendation] = []
        filtered = 0
        for k in np.argsort(-scores, kind="stable"):
            if not mask[k]:
                break
            if constraint_reasons(ranking, int(k)):
                filtered += 1
                continue
            items.append(explain(ranking, data.codes[int(k)], kind))
            if len(items) == limit:
                break
        groups.append(PathGroup(kind, KINDS[kind], tuple(items), note, (), filtered))
    return Exploration(
        tuple(groups), tuple((u.signal, u.reason) for u in ranking.unused), data.release
    )


def compare(ranking: Ranking, codes: Sequence[str]) -> tuple[Recommendation, ...]:
    """Side-by-side explanations of two or three targets (full weights, no filtering)."""
    unknown = [c for c in codes if c not in ranking.data.index]
    if unknown:
        raise KeyError(", ".join(unknown))
    return tuple(explain(ranking, c, "compare") for c in codes)
