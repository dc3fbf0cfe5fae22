"""Paths grouped by kind of move, each recommendation explaining itself.

:func:`explore` turns a :class:`~unstuck.core.paths.engine.Ranking` into groups by kind of move
(:mod:`.kinds`: grow where you are, step up, step sideways, change field, work for yourself) and
into the person's top picks across kinds, mixed by their strategy (:func:`picks`).

One scoring function, :func:`assess`, is behind every view (the paths page, compare, the CLI,
the report): the engine's weighted signals (under the kind's weights; "change field" weights
interests and values up and transfer down, :data:`CHANGE_FIELD_MULTIPLIERS`), plus the time to
get ready (:mod:`.readiness`) as one more component, so the components shown add up to the
score shown.

Every :class:`Recommendation` carries the score and its components, the kind and why, the
strongest transferable elements and the largest gaps with current and required level (the
closest rated occupation's when O*NET rates the target only by proxy, named as such), interest
and values fit, the job-zone step, pay (the exact occupation's wage, or the broader group's,
labelled), outlook, and readiness with its parts. Constraints leave occupations out, each with
a reason code and the value that would let it in (:class:`LeftOut`), worded by the front ends.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from unstuck.core.levels import shortfall_status
from unstuck.core.paths.data import RIASEC_IDS, VALUE_IDS, OccupationData
from unstuck.core.paths.engine import (
    CHANGE_FIELD_MULTIPLIERS,
    COMPONENTS,
    KINDS,
    SIGNALS,
    Ranking,
    person_commodities,
)
from unstuck.core.paths.kinds import Move, Moves, is_manager, is_residual, is_supervisor, moves
from unstuck.core.paths.readiness import (
    Background,
    Readiness,
    Step,
    estimate,
    learnable,
    skill_gap_points,
)
from unstuck.core.paths.routes import route_for

#: Points the time to get ready takes off a score: this many per doubling of (1 + months/12).
READY_POINTS = 6.0
#: Components shown: the engine's, plus readiness and local jobs.
ALL_COMPONENTS: dict[str, str] = {
    **COMPONENTS,
    "ready": "Time to get ready",
    "local": "Jobs near you",
}
#: Jobs near you: points per halving of the area's share of this work against the nation's
#: (location quotient), from -LOCAL_FLOOR up to 0; no area estimate counts as the floor.
LOCAL_POINTS = 2.0
LOCAL_FLOOR = 6.0
#: How many candidates of a kind are scored in full (readiness included) before ordering.
CANDIDATES = 80

#: strategy id (rut check) -> how its share is spread over kinds of move for the top picks
STRATEGY_KINDS: dict[str, dict[str, float]] = {
    "reshape": {"grow": 1.0},
    "internal": {"up": 0.7, "grow": 0.3},
    "elsewhere": {"sideways": 0.7, "up": 0.3},
    "change_field": {"change": 1.0},
    "self": {"self": 1.0},
    # planning an exit is leaving this kind of workplace: mostly other fields and nearby work
    "exit_plan": {"change": 0.5, "sideways": 0.3, "up": 0.2},
    # recovering first says nothing about where to go next: every kind alike
    "recover": {"up": 0.25, "sideways": 0.25, "change": 0.25, "self": 0.1, "grow": 0.15},
}
#: The kind the person's own occupation is shown as in the top picks, by leading strategy.
OWN_AS: dict[str, str] = {"elsewhere": "sideways", "self": "self", "exit_plan": "sideways"}
DEFAULT_MIX: dict[str, float] = {"up": 1.0, "sideways": 1.0, "change": 1.0, "self": 0.3}
#: A move left out by the retraining limit is offered as "worth more time" when it would be
#: ready within this many months beyond the limit (two years: longer is a degree's length).
BEYOND_LIMIT_MONTHS = 24.0
#: In the top picks, a kind's second and later items must score at least this share of the
#: best move of any kind (see :func:`picks`).
WEAK_PICK_SHARE = 0.5


@dataclass(frozen=True)
class SignalPart:
    signal: str
    what: str
    weight: float
    standardised: float
    contribution: float
    published: bool  # False: the target has no data for it (counted as average)


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

    @property
    def status(self) -> str:
        """ "met", "close" or "gap": the same word as the plan's (:mod:`unstuck.core.levels`)."""
        return shortfall_status(self.required, self.current)


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
    #: set when the figure is another SOC code's (the broader group's, or the SOC occupation
    #: that contains this O*NET one)
    note: str | None = None


@dataclass(frozen=True)
class OutlookFacts:
    growth_percent: float | None
    openings_per_year: float | None  # occupations' openings a year (not thousands)
    self_employed_percent: float | None
    period: str | None


@dataclass(frozen=True)
class LocalJobs:
    area: str | None
    jobs: float | None  # employment in the area, None when BLS publishes no estimate there
    quotient: float | None  # the area's share of this work against the nation's


@dataclass(frozen=True)
class LeftOut:
    """Why the person's constraints leave an occupation out, and what would let it in.

    ``reason``: ``excluded``, ``pay_below_floor`` (value: its pay, limit: the floor),
    ``longer_than_limit`` (value: months to get ready, limit: the retraining months),
    ``readiness_unknown`` (limit: the retraining months), ``zone_step`` (value: job-zone
    step, limit: the largest step allowed)."""

    reason: str
    value: float | None = None
    limit: float | None = None


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
    readiness: Readiness
    not_published: tuple[str, ...]  # signals the target has no data for
    filtered: tuple[LeftOut, ...] = ()  # why the person's constraints leave it out
    move: Move | None = None
    #: title of the rated occupation whose ratings stand in for this one's (None: its own)
    rated_by: str | None = None
    local: LocalJobs | None = None
    #: the person's technology this occupation uses (commodity titles)
    shared_technology: tuple[str, ...] = ()
    #: the score on a 0-100 scale: the share of occupations this one fits the person better
    #: than (:func:`fit_percentile`)
    fit: int | None = None

    @property
    def component_sum(self) -> float:
        return sum(c.value for c in self.components)

    @property
    def months(self) -> float | None:
        return self.readiness.months


def rounded_to_add_up(values: Sequence[float], total: float, places: int = 1) -> list[float]:
    """Each value rounded to ``places`` decimals so that the rounded values add up exactly to
    the rounded total (largest remainder), for showing components beside a rounded score."""
    scale = 10**places
    scaled = [v * scale for v in values]
    out = [math.floor(x) for x in scaled]
    short = round(round(total, places) * scale) - sum(out)
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
class LeftOutItem:
    code: str
    title: str
    score: float
    reasons: tuple[LeftOut, ...]
    months: float | None = None


@dataclass(frozen=True)
class PathGroup:
    kind: str
    label: str
    items: tuple[Recommendation, ...]
    note: str | None = None
    ideas: tuple[CraftingIdea, ...] = ()
    filtered_count: int = 0
    #: the best occupations of this kind the constraints left out, with their reasons
    left_out: tuple[LeftOutItem, ...] = ()
    #: more occupations of this kind pass the constraints than are shown
    more: bool = False
    #: occupations of this kind left out only because getting ready takes longer than the
    #: retraining limit, best fit first (see :meth:`Exploration.beyond_limit`)
    longer: tuple[LeftOutItem, ...] = ()


@dataclass(frozen=True)
class Exploration:
    groups: tuple[PathGroup, ...]
    unused: tuple[tuple[str, str], ...]  # (signal, reason) parts of the score not used
    data_release: str
    #: the person's top picks across kinds, mixed by their strategy (see :func:`picks`)
    picks: tuple[Recommendation, ...] = ()

    def group(self, kind: str) -> PathGroup | None:
        return next((g for g in self.groups if g.kind == kind), None)

    def top(self, n: int = 10) -> tuple[Recommendation, ...]:
        return self.picks[:n]

    def beyond_limit(
        self, limit: float | None, n: int = 2, skip: Iterable[str] = ()
    ) -> tuple[LeftOutItem, ...]:
        """The best fits of any kind that only the retraining ``limit`` leaves out and that
        would be ready within :data:`BEYOND_LIMIT_MONTHS` more: what a little more time would
        bring in, best score first (``skip``: codes to leave out, such as the shortlist)."""
        if limit is None:
            return ()
        gone = set(skip)
        socs = {code[:7] for code in gone}  # one variant of an occupation (Economists, not
        out: list[LeftOutItem] = []  # Environmental Economists too)
        for item in sorted((x for g in self.groups for x in g.longer), key=lambda x: -x.score):
            if item.code in gone or item.code[:7] in socs or item.months is None:
                continue
            if item.months <= limit + BEYOND_LIMIT_MONTHS:
                gone.add(item.code)
                socs.add(item.code[:7])
                out.append(item)
            if len(out) == n:
                break
        return tuple(out)


# -- the per-person context: kinds, readiness ----------------------------------------------
@dataclass
class Context:
    """What explaining targets for one ranking needs, computed once (kinds, caches)."""

    ranking: Ranking
    moves: Moves
    readiness: dict[int, Readiness] = field(default_factory=dict)
    local_quotient: dict[int, float | None] | None = None


def context(ranking: Ranking) -> Context:
    return Context(ranking, moves(ranking.data, ranking.person.occupation))


def _background(ranking: Ranking) -> Background:
    p = ranking.person
    data = ranking.data
    leads = False
    if p.occupation and p.occupation in data.index:
        title = data.titles[data.index[p.occupation]]
        leads = is_manager(p.occupation) or is_supervisor(title)
    return Background(p.occupation, p.education, p.credentials, p.years, p.hours_per_week, leads)


def readiness_of(ctx: Context, i: int) -> Readiness:
    cached = ctx.readiness.get(i)
    if cached is not None:
        return cached
    r = ctx.ranking
    data = r.data
    row = data.rated_row(i)
    mv = ctx.moves.of(i)
    up = mv.kind == "up"
    share: float | None = None
    if row is not None and r.levels.size:
        share = skill_gap_points(
            data.level[row].astype(np.float64),
            data.importance[row].astype(np.float64),
            list(r.levels),
            list(data.specificity[i]),
            [learnable(e.element_id, up) for e in data.elements],
        )
    me = data.index.get(r.person.occupation) if r.person.occupation else None
    my_zone = None if me is None else _zone(data, me)
    out = estimate(
        data.entry_of(i),
        _background(r),
        closeness=float(ctx.moves.closeness[i]),
        near=None if ctx.moves.near is None else float(ctx.moves.near[i]),
        skill_points=share,
        step_up=mv.kind == "up" and mv.reason != "close_and_higher",
        person_zone=my_zone,
    )
    ctx.readiness[i] = out
    return out


#: Working for yourself in your own line of work: months to set up (registration or licence,
#: insurance, a first few clients) before it can carry you; a planning figure.
OWN_BUSINESS_MONTHS = 6.0


def readiness_for(ctx: Context, i: int, kind: str) -> Readiness:
    """Readiness as a ``kind`` move: working for yourself in your own occupation takes the
    setting up, every other move what entry takes (:func:`readiness_of`)."""
    r = ctx.ranking
    me = r.data.index.get(r.person.occupation) if r.person.occupation else None
    if kind == "self" and i == me:
        per_week = r.person.hours_per_week or 10.0
        step = Step(
            "setup",
            "Set up on your own: registration or any licence your state asks of a business, "
            "insurance, and your first clients, while still employed",
            OWN_BUSINESS_MONTHS,
        )
        return Readiness(OWN_BUSINESS_MONTHS, (step,), ("You know the work already.",), True,
                         per_week, not r.person.hours_per_week)
    return readiness_of(ctx, i)


def ready_points(months: float | None) -> float:
    if months is None:
        return 0.0
    return -READY_POINTS * math.log2(1.0 + max(0.0, months) / 12.0)


def _local_quotients(ctx: Context) -> dict[int, float | None]:
    if ctx.local_quotient is not None:
        return ctx.local_quotient
    r = ctx.ranking
    jobs = r.person.area_employment
    out: dict[int, float | None] = {}
    emp = r.data.employment
    if jobs and emp is not None:
        area_total = float(sum(jobs.values()))
        nat = np.nan_to_num(emp.astype(np.float64))
        nat_total = float(nat.sum())
        if area_total > 0 and nat_total > 0:
            for i, code in enumerate(r.data.codes):
                if nat[i] <= 0:
                    continue  # no national figure: nothing to compare with
                local = jobs.get(code)
                out[i] = None if local is None else (local / area_total) / (nat[i] / nat_total)
    ctx.local_quotient = out
    return out


def local_points(ctx: Context, i: int) -> float | None:
    """Points for local jobs (None: not compared: no area figures, or no national figure)."""
    q = _local_quotients(ctx)
    if i not in q:
        return None
    if ctx.ranking.person.occupation and ctx.ranking.data.codes[i] == ctx.ranking.person.occupation:
        return 0.0
    lq = q[i]
    if lq is None or lq <= 0:
        return -LOCAL_FLOOR
    return max(-LOCAL_FLOOR, min(0.0, LOCAL_POINTS * math.log2(lq)))


# -- scoring: one function behind every view ------------------------------------------------
def kind_weights(ranking: Ranking, kind: str) -> dict[str, float]:
    if kind != "change":
        return dict(ranking.weights)
    return {s: w * CHANGE_FIELD_MULTIPLIERS.get(s, 1.0) for s, w in ranking.weights.items()}


def base_scores(ranking: Ranking, kind: str) -> np.ndarray:
    """The engine's scores under ``kind``'s weights (readiness not yet in)."""
    if kind != "change":
        return ranking.total_scores
    w = kind_weights(ranking, kind)
    total = np.zeros(len(ranking.data), dtype=np.float32)
    for s, z in ranking.z.items():
        total += np.float32(w.get(s, 0.0)) * z
    return total


def components_of(ctx: Context, i: int, kind: str) -> tuple[Component, ...]:
    ranking = ctx.ranking
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
    ready = readiness_for(ctx, i, kind)
    rp = ready_points(ready.months)
    parts["ready"] = [
        SignalPart("ready", "months until you could credibly apply", 1.0, rp, rp,
                   ready.months is not None)
    ]
    lp = local_points(ctx, i)
    if lp is not None:
        parts["local"] = [
            SignalPart("local", "how common this work is where you live", 1.0, lp, lp, True)
        ]
    return tuple(
        Component(key, ALL_COMPONENTS[key], sum(p.contribution for p in parts[key]),
                  tuple(parts[key]))
        for key in ALL_COMPONENTS
        if key in parts
    )


def assess(ctx: Context, i: int, kind: str) -> tuple[float, tuple[Component, ...]]:
    """The score of occupation row ``i`` as a ``kind`` move, and its components (they add up).
    Every view calls this, so a target scores the same on every page."""
    comps = components_of(ctx, i, kind)
    return sum(c.value for c in comps), comps


# -- pieces of an explanation -----------------------------------------------------------------
def _num(x: float) -> float | None:
    return float(x) if math.isfinite(float(x)) else None


def element_fits(ranking: Ranking, i: int) -> tuple[list[ElementFit], list[ElementFit]]:
    """(strengths, gaps): elements the person meets, by importance; shortfalls, by
    importance x shortfall. Over every rated element, the person's level being their own where
    they gave one and their occupation's typical level otherwise."""
    data = ranking.data
    strengths: list[tuple[float, ElementFit]] = []
    gaps: list[tuple[float, ElementFit]] = []
    row = data.rated_row(i)
    if row is None or not ranking.levels.size:
        return [], []
    for k, e in enumerate(data.elements):
        current = float(ranking.levels[k])
        req = float(data.level[row, k])
        imp = float(data.importance[row, k])
        if not (math.isfinite(req) and math.isfinite(current)):
            continue
        fit = ElementFit(e.element_id, e.name, e.domain, _num(imp), req, current, req - current)
        weight = imp if math.isfinite(imp) else 1.0
        if current >= req:
            strengths.append((weight * req, fit))
        elif weight >= 2.5:
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


def _zone(data: OccupationData, i: int | None) -> int | None:
    if i is None:
        return None
    z = float(data.job_zone[i])
    return int(z) if math.isfinite(z) else None


def constraint_reasons(ctx: Context, i: int) -> tuple[LeftOut, ...]:
    ranking = ctx.ranking
    p = ranking.person
    data = ranking.data
    code = data.codes[i]
    out: list[LeftOut] = []
    if code in p.excluded:
        out.append(LeftOut("excluded"))
    pay = float(ranking.pay[i])
    if p.min_pay is not None:
        if not math.isfinite(pay):
            out.append(LeftOut("pay_unknown", None, float(p.min_pay)))
        elif pay < p.min_pay:
            out.append(LeftOut("pay_below_floor", pay, float(p.min_pay)))
    me = data.index.get(p.occupation) if p.occupation else None
    a, b = _zone(data, me), _zone(data, i)
    if p.max_zone_step is not None:
        if a is not None and b is not None and b - a > p.max_zone_step:
            out.append(LeftOut("zone_step", float(b - a), float(p.max_zone_step)))
    if a is not None and b is not None and a - b >= STEP_DOWN_ZONES and i != me:
        # two or more job zones down gives up most of the preparation the person has: not a
        # move to suggest (it stays listed as left out, with the reason)
        out.append(LeftOut("step_down", float(a - b), float(STEP_DOWN_ZONES - 1)))
    if p.retraining_months is not None:
        ready = readiness_of(ctx, i)
        if ready.months is None:
            out.append(LeftOut("readiness_unknown", None, float(p.retraining_months)))
        elif ready.months > p.retraining_months + 1e-9:
            out.append(LeftOut("longer_than_limit", ready.months, float(p.retraining_months)))
    return tuple(out)


def explain(ranking: Ranking | Context, code: str, kind: str | None = None) -> Recommendation:
    """Everything behind one target's score; ``kind`` defaults to the target's own kind of
    move (``compare`` uses it so a target scores the same as on the paths page)."""
    ctx = ranking if isinstance(ranking, Context) else context(ranking)
    r = ctx.ranking
    data = r.data
    i = data.index[code]
    p = r.person
    me = data.index.get(p.occupation) if p.occupation else None
    mv = ctx.moves.of(i)
    kind = kind or mv.kind
    strengths, gaps = element_fits(r, i)
    riasec_names = {eid: name for eid, _, name in RIASEC_IDS}
    value_names = dict(VALUE_IDS)
    a, b = _zone(data, me), _zone(data, i)
    pay = _num(r.pay[i])
    current = p.current_pay
    in_area = bool(p.area_wages) and code in p.area_wages
    area = p.area_name if in_area else data.wage_area
    note = data.wage_note[i] if data.wage_note else None
    score, comps = assess(ctx, i, kind)
    row = data.rated_row(i)
    q = _local_quotients(ctx)
    local = None
    if i in q:
        local = LocalJobs(p.area_name, p.area_employment.get(code), q[i])
    own = person_commodities(data, p)
    shared: tuple[str, ...] = ()
    if own and data.technology_commodities:
        shared = tuple(
            sorted(data.commodity_titles.get(c, c) for c in own & data.technology_commodities[i])
        )
    return Recommendation(
        code=code,
        title=data.titles[i],
        kind=kind,
        score=score,
        components=comps,
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
            note if pay is not None and not in_area else note,
        ),
        outlook=OutlookFacts(
            _num(data.growth_percent[i]),
            None if not math.isfinite(float(data.openings[i])) else float(data.openings[i]) * 1000,
            _num(data.self_employed_percent[i]),
            data.projections_period,
        ),
        readiness=readiness_for(ctx, i, kind),
        not_published=tuple(s for s in r.z if not r.present[s][i]),
        filtered=constraint_reasons(ctx, i),
        move=mv,
        rated_by=None if row is None or row == i else data.titles[row],
        local=local,
        shared_technology=shared,
        fit=fit_percentile(r, i),
    )


#: Fit labels by the share of occupations the person's score beats (see :func:`fit_percentile`).
FIT_LABELS: tuple[tuple[int, str], ...] = (
    (95, "Strong fit"),
    (85, "Good fit"),
    (70, "Fair fit"),
    (0, "Weak fit"),
)


def fit_percentile(ranking: Ranking, i: int) -> int | None:
    """A 0-100 scale for the score, from the ranking: the share of every occupation scored for
    this person whose (kind-independent) total is below occupation ``i``'s. 96 means it fits
    better than 96% of O*NET's occupations. None when the ranking has no scores."""
    totals = ranking.total_scores
    if totals.size < 2 or not math.isfinite(float(totals[i])):
        return None
    below = int((totals < totals[i]).sum())
    return int(100 * below // (totals.size - 1))  # floored: only the very best reads 100


def fit_label(fit: int | None) -> str:
    """The words for a fit on the 0-100 scale ("Strong fit"), "" when unknown."""
    if fit is None:
        return ""
    return next(label for floor, label in FIT_LABELS if fit >= floor)


# -- grouping ---------------------------------------------------------------------------------
def _candidates(ctx: Context, kind: str) -> tuple[list[int] | None, str | None]:
    """Rows a kind may hold (None: the kind does not apply), and a note."""
    data = ctx.ranking.data
    p = ctx.ranking.person
    me = data.index.get(p.occupation) if p.occupation else None
    if kind == "self":
        if not data.has_outlook:
            return None, "needs_projections"
        if me is None:
            return None, "needs_occupation"
        if p.risk_tolerance == "low":
            # a safe, gradual change: only the person's own work, on their own
            return list(ctx.moves.self_rows[:1]), "own_work_only_low_risk"
        return list(ctx.moves.self_rows), None
    if kind in ("up", "sideways"):
        if me is None or _zone(data, me) is None:
            return None, "needs_occupation"
    residual = {i for i, t in enumerate(data.titles) if is_residual(t)}
    if kind == "change" and me is None:
        return [i for i in range(len(data)) if i not in residual], "no_occupation"
    return [
        i
        for i in range(len(data))
        if i != me and i not in residual and ctx.moves.of(i).kind == kind
    ], None


_WORD = re.compile(r"[a-z]+")


def _task_interests(task: str, keywords: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    words = set(_WORD.findall(task.lower()))
    return tuple(
        letter
        for letter, kws in keywords.items()
        if any(k.lower() in words for k in kws if " " not in k)
    )


def crafting_ideas(ctx: Context, limit: int = 8) -> tuple[CraftingIdea, ...]:
    """Tasks of the person's occupation and of the moves up from it that carry keywords of the
    person's top two interests (or, with no interests taken, of the occupation's own top two)."""
    ranking = ctx.ranking
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
    up = [i for i in range(len(data)) if ctx.moves.of(i).kind == "up"]
    up.sort(key=lambda i: -float(ranking.total_scores[i]))
    sources += up[:3]
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


def _group(ctx: Context, kind: str, limit: int, left_out_limit: int = 6) -> PathGroup:
    data = ctx.ranking.data
    rows, note = _candidates(ctx, kind)
    if rows is None:
        return PathGroup(kind, KINDS[kind], (), note)
    base = base_scores(ctx.ranking, kind)
    me = data.index.get(ctx.ranking.person.occupation) if ctx.ranking.person.occupation else None
    if kind == "self":
        ordered = list(rows)  # own occupation first, then close ones
    else:
        ordered = sorted(rows, key=lambda i: (-float(base[i]), i))
    # walk down the engine's order, scoring in full (readiness included) until enough pass the
    # constraints; then order those by the full score
    passing: list[tuple[float, int]] = []
    left: list[LeftOutItem] = []
    longer: list[LeftOutItem] = []
    filtered = 0
    window = max(CANDIDATES, limit * 4)
    # a poor fit is not advice, whatever the constraints leave: below the floor, nothing is
    # shown (teaching one's own trade, where the fit is one's years in it, excepted)
    floor = float(np.percentile(base, FIT_FLOOR_PERCENTILE)) if len(base) else -np.inf
    for n_seen, i in enumerate(ordered):
        if i != me and float(base[i]) < floor and not _trade_teaching(data.codes[i]):
            continue
        if len(passing) >= 2 * limit + 2 and n_seen >= window:
            break
        score = assess(ctx, i, kind)[0]
        reasons = constraint_reasons(ctx, i)
        if reasons and all(r.reason == "longer_than_limit" for r in reasons):
            longer.append(LeftOutItem(data.codes[i], data.titles[i], score, reasons,
                                      readiness_of(ctx, i).months))  # fmt: skip
        if reasons:
            filtered += 1
            if len(left) < left_out_limit:
                left.append(
                    LeftOutItem(data.codes[i], data.titles[i], score, reasons,
                                readiness_of(ctx, i).months)
                )
            continue
        passing.append((score + (1e6 if kind == "self" and i == me else 0.0), i))
    passing.sort(key=lambda t: (-t[0], t[1]))
    if kind != "self":
        passing = _varied(passing, data, ctx.ranking.person.occupation)
    more = len(passing) > limit
    items = [explain(ctx, data.codes[i], kind) for _, i in passing[:limit]]
    longer.sort(key=lambda x: -x.score)
    return PathGroup(kind, KINDS[kind], tuple(items), note, (), filtered, tuple(left), more,
                     tuple(longer))


#: Occupations scoring below this percentile of all occupations (under the kind's weights) are
#: poor fits for the person and are not shown, however few pass the constraints.
FIT_FLOOR_PERCENTILE = 55.0


def _trade_teaching(code: str) -> bool:
    route = route_for(code)
    return route is not None and route.any_experience


#: Job zones down from the person's at which a move is left out as a step down.
STEP_DOWN_ZONES = 2


#: A kind's list shows variety: at most this many of one SOC minor group other than the
#: person's own (say, three rail jobs for a truck driver) before the rest of the list, and one
#: variant of one SOC occupation (police officers or their customs-and-border detail).
SAME_MINOR_GROUP = 2
#: ... and at most this many of the person's own minor group (same work, other settings).
SAME_OWN_MINOR_GROUP = 2


def _varied(
    scored: list[tuple[float, int]], data: OccupationData, own: str | None
) -> list[tuple[float, int]]:
    first: list[tuple[float, int]] = []
    later: list[tuple[float, int]] = []
    minors: dict[str, int] = {}
    socs: set[str] = set()
    for item in scored:
        code = data.codes[item[1]]
        minor, soc = code[:4], code[:7]
        cap = SAME_MINOR_GROUP if own is None or minor != own[:4] else SAME_OWN_MINOR_GROUP
        if soc in socs:
            continue  # a variant of an occupation already listed: the list names it once
        if minors.get(minor, 0) >= cap:
            later.append(item)
            continue
        socs.add(soc)
        minors[minor] = minors.get(minor, 0) + 1
        first.append(item)
    return first + later


def explore(
    ranking: Ranking,
    kinds: Sequence[str] | None = None,
    limit: int = 10,
    strategy: Mapping[str, float] | None = None,
) -> Exploration:
    """The best ``limit`` targets of each kind, constraints applied, and the top picks.

    ``strategy``: the person's strategy mix (strategy id -> weight, :data:`STRATEGY_KINDS`),
    which decides how the top picks mix kinds; without it every kind counts alike.
    """
    ctx = context(ranking)
    groups: list[PathGroup] = []
    data = ranking.data
    me = data.index.get(ranking.person.occupation) if ranking.person.occupation else None
    wanted = list(kinds or KINDS)
    need = set(wanted) | ({"grow", "up", "sideways", "change", "self"} if kinds is None else set())
    by_kind: dict[str, PathGroup] = {}
    for kind in KINDS:
        if kind not in need:
            continue
        if kind == "grow":
            if me is None:
                by_kind[kind] = PathGroup(kind, KINDS[kind], (), "needs_occupation")
                continue
            rec = explain(ctx, data.codes[me], "grow")
            grow_note = (
                "fitted_to_interests" if ranking.person.interests else "occupation_interests"
            )
            below = [r for r in rec.filtered if r.reason == "pay_below_floor"]
            if below:
                # the person said they need more than their occupation pays: growing where they
                # are is not offered as a path (its ideas still are)
                left = LeftOutItem(rec.code, rec.title, rec.score, tuple(below), 0.0)
                by_kind[kind] = PathGroup(kind, KINDS[kind], (), "own_pay_below_floor",
                                          crafting_ideas(ctx), 1, (left,))
                continue
            by_kind[kind] = PathGroup(kind, KINDS[kind], (rec,), grow_note, crafting_ideas(ctx))
            continue
        by_kind[kind] = _group(ctx, kind, max(limit, 10))
    for kind in wanted:
        g = by_kind[kind]
        if len(g.items) > limit:
            g = PathGroup(g.kind, g.label, g.items[:limit], g.note, g.ideas, g.filtered_count,
                          g.left_out, True, g.longer)
        groups.append(g)
    top = picks(ctx, by_kind, strategy) if kinds is None else ()
    return Exploration(
        tuple(groups), tuple((u.signal, u.reason) for u in ranking.unused), data.release, top
    )


def kind_mix(strategy: Mapping[str, float] | None) -> dict[str, float]:
    """How the top picks spread over kinds, from the strategy mix."""
    if not strategy or sum(max(0.0, v) for v in strategy.values()) <= 0:
        return dict(DEFAULT_MIX)
    mix: dict[str, float] = {}
    for sid, weight in strategy.items():
        for kind, share in STRATEGY_KINDS.get(sid, {}).items():
            mix[kind] = mix.get(kind, 0.0) + max(0.0, weight) * share
    return mix


def picks(
    ctx: Context, groups: Mapping[str, PathGroup], strategy: Mapping[str, float] | None,
    n: int = 10,
) -> tuple[Recommendation, ...]:
    """The top ``n`` across kinds: the person's own occupation (shown as the move their leading
    strategy suggests), then the kinds in proportion to the strategy mix, every applicable kind
    represented, best first within each kind, interleaved."""
    mix = kind_mix(strategy)
    lead = max(strategy, key=lambda k: strategy[k]) if strategy else None
    out: list[Recommendation] = []
    seen: set[str] = set()
    grow = groups.get("grow")
    if grow and grow.items:
        own = grow.items[0]
        as_kind = OWN_AS.get(lead or "", "grow")
        if as_kind != "grow":
            own = explain(ctx, own.code, as_kind)
        out.append(own)
        seen.add(own.code)
    pools = {
        k: [r for r in g.items if r.code not in seen]
        for k, g in groups.items()
        if k != "grow" and g.items
    }
    # a kind's share is a preference, not a duty to show weak fits: beyond its first item, a
    # kind offers only items within reach of the best move of any kind; the places it leaves
    # go to the strongest of the rest (a journalist leaning to a change of field still sees
    # public relations and technical writing before fashion design)
    best = max((r.score for rs in pools.values() for r in rs), default=0.0)
    weak = {k: [r for r in rs[1:] if r.score < WEAK_PICK_SHARE * best] for k, rs in pools.items()}
    pools = {k: [r for r in rs if r not in weak[k]] for k, rs in pools.items()}
    slots = n - len(out)
    kinds = [k for k in pools if pools[k]]
    if not kinds or slots <= 0:
        return tuple(out)
    weights = {k: mix.get(k, 0.0) for k in kinds}
    # every applicable kind gets at least one place; the rest by the mix
    floor = 0.1 * max(1e-9, sum(weights.values()))
    weights = {k: max(v, floor) for k, v in weights.items()}
    total = sum(weights.values())
    quota = {k: slots * weights[k] / total for k in kinds}
    alloc = {k: int(math.floor(q)) for k, q in quota.items()}
    for k in sorted(kinds, key=lambda k: -(quota[k] - alloc[k])):
        if sum(alloc.values()) >= slots:
            break
        alloc[k] += 1
    for k in kinds:
        alloc[k] = max(1, min(alloc[k], len(pools[k])))
    order = sorted(kinds, key=lambda k: -weights[k])
    taken = {k: 0 for k in kinds}
    while len(out) < n:
        moved = False
        for k in order:
            if taken[k] >= alloc[k]:
                continue
            while pools[k] and pools[k][0].code in seen:
                pools[k].pop(0)
            if not pools[k]:
                continue
            rec = pools[k].pop(0)
            out.append(rec)
            seen.add(rec.code)
            taken[k] += 1
            moved = True
            if len(out) == n:
                break
        if not moved:
            # quotas met or pools empty: fill from whatever is left, strongest first, the
            # weak after the rest
            rest = sorted((r for k in order for r in pools[k] if r.code not in seen),
                          key=lambda r: -r.score)
            rest += sorted((r for k in order for r in weak[k] if r.code not in seen),
                           key=lambda r: -r.score)
            for rec in rest[: n - len(out)]:
                out.append(rec)
                seen.add(rec.code)
            break
    return tuple(out)


def compare(ranking: Ranking, codes: Sequence[str]) -> tuple[Recommendation, ...]:
    """Side-by-side explanations of two or three targets, each scored as on the paths page
    (its own kind of move, readiness included), constraints shown but not applied."""
    unknown = [c for c in codes if c not in ranking.data.index]
    if unknown:
        raise UnknownOccupation(unknown)
    ctx = context(ranking)
    return tuple(explain(ctx, c) for c in codes)


class UnknownOccupation(KeyError):
    """One or more occupation codes this knowledge base does not have."""

    def __init__(self, codes: Sequence[str]) -> None:
        super().__init__(", ".join(codes))
        self.codes = tuple(codes)

    def __str__(self) -> str:
        return f"unknown occupation code(s): {', '.join(self.codes)}"
