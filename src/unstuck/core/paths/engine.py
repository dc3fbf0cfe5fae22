"""Score a move from a person to every occupation, with named components that add up.

How a score is made. Each *signal* compares the person with every occupation and gives one raw
number per occupation (a cosine, a shortfall, a job-zone step, a pay ratio). The raw numbers are
standardised over the occupations that have the data (mean 0, standard deviation 1, the person's
own occupation left out), multiplied by the signal's weight, and summed. A signal the person
cannot feed (no interests taken, no current occupation) is left out and named in
``Ranking.unused``; an occupation without the data for a signal gets :data:`MISSING_Z` for it,
slightly below average, and its explanation says so. Because the score is a plain weighted sum,
the components shown are exactly the score: :meth:`Ranking.components` of a target add up to
:meth:`Ranking.total` of it (a test checks).

The weights (:data:`DEFAULT_WEIGHTS`) were tuned by ``benchmarks/paths.py --tune`` on the even
half of the queries of the O*NET Related Occupations benchmark (half chosen by a CRC-32 of the
code, so it is stable) and are reported on the odd half. Pay and outlook are not part of what
the benchmark measures (experts relate occupations by the work, not the wage), so their weights
are set by hand, small enough to order near-equal matches rather than to overrule the work.

Constraints are filters, applied after scoring so "what if" can relax them without re-scoring:
pay floor, months of retraining, job-zone step, excluded occupations. Each filtered occupation
keeps its reason.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from unstuck.core.paths.data import (
    RIASEC_IDS,
    SOC_CUTS,
    TEXT_SIGNALS,
    VALUE_IDS,
    OccupationData,
)
from unstuck.core.profile import Profile

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

#: The standardised value an occupation gets for a signal it has no data for: average, so a
#: gap in the data never reads as a bad fit (the explanation says the data is missing).
MISSING_Z = 0.0

#: signal -> (component it is shown under, what it measures)
SIGNALS: dict[str, tuple[str, str]] = {
    "tasks": ("work", "similar task statements"),
    "activities": ("work", "shared detailed work activities"),
    "tools": ("work", "the same tools and equipment"),
    "activity_groups": ("work", "shared intermediate work activities"),
    "technology": ("work", "the same software and technology"),
    "skills_knowledge": ("skills", "which skills and knowledge matter, compared with your job"),
    "knowledge": ("skills", "which knowledge areas matter, compared with your job"),
    "levels": ("skills", "your skill and knowledge levels against the levels required"),
    "own_technology": ("skills", "the software and technology you use against what it uses"),
    "gaps": ("skills", "how far below the required levels you are (importance-weighted)"),
    "titles": ("field", "job titles people in both use"),
    "description": ("field", "the occupations' descriptions"),
    "family": ("field", "place in the occupational classification (SOC)"),
    "interests": ("interests", "your RIASEC interests against the occupation's"),
    "values": ("values", "your work values against what the occupation offers"),
    "job_zone": ("education", "the step in preparation (O*NET job zone)"),
    "pay": ("pay", "median pay against your current occupation's"),
    "outlook": ("outlook", "projected employment growth"),
}

COMPONENTS: dict[str, str] = {
    "skills": "Transferable skills and knowledge",
    "work": "Similar work",
    "field": "Same field",
    "interests": "Interests",
    "values": "Work values",
    "education": "Education and training step",
    "pay": "Pay change",
    "outlook": "Outlook",
}

#: Tuned on the even half of the benchmark queries (see the module docstring), with floors for
#: the person's own signals set on product grounds: the benchmark compares occupations with
#: occupations, so it cannot see what the person adds (their levels, technology, values).
DEFAULT_WEIGHTS: dict[str, float] = {
    "tasks": 3.0,
    "activities": 0.5,
    "tools": 0.25,
    "activity_groups": 1.0,
    "technology": 0.5,
    "skills_knowledge": 8.0,
    "knowledge": 8.0,
    "levels": 6.0,
    "own_technology": 3.0,
    "gaps": 0.25,
    "titles": 3.0,
    "description": 0.5,
    "family": 0.0,
    "interests": 8.0,
    "values": 3.0,
    "job_zone": 6.0,
    "pay": 1.0,
    "outlook": 1.0,
}
#: Signals added as raw values rather than standardised ones, so their sign means what it says
#: (a pay cut lowers a score, a raise lifts it, whatever the other occupations pay).
RAW_SIGNALS = frozenset({"pay", "outlook"})
#: Points per doubling of pay (a halving costs as much), and per 10 points of projected growth.
PAY_POINTS_PER_DOUBLING = 4.0
OUTLOOK_POINTS_PER_10 = 1.0

KINDS: dict[str, str] = {
    "grow": "Grow where you are",
    "sideways": "Step sideways",
    "up": "Step up",
    "change": "Change field",
    "self": "Work for yourself",
}

#: "Change field" is led by interests and values, not by how much already transfers.
CHANGE_FIELD_MULTIPLIERS: dict[str, float] = {
    "interests": 1.0,
    "values": 1.5,
    "skills_knowledge": 0.5,
    "knowledge": 0.5,
    "levels": 1.5,
    "own_technology": 1.5,
    "gaps": 0.5,
    "tasks": 0.5,
    "family": 0.0,
}

#: "Work for yourself": occupations where at least this share of workers is self-employed
#: (BLS Employment Projections, column "self-employed, percent of total employment").
SELF_EMPLOYED_MIN_PERCENT = 20.0

#: Years of specific vocational preparation per job zone: the middle of O*NET's SVP range for
#: the zone (Job Zone Reference: zone 1 below SVP 4 = up to 3 months; 2 = SVP 4-6, 3 months
#: to 1 year; 3 = SVP 6-7, 1-2 years; 4 = SVP 7-8, 2-4 years; 5 = SVP 8+, over 4 years).
PREPARATION_YEARS: dict[int, float] = {1: 0.15, 2: 0.6, 3: 1.5, 4: 3.0, 5: 5.0}
FULL_TIME_HOURS_A_YEAR = 2080.0
WEEKS_A_MONTH = 52.0 / 12.0


class _Keep:
    """Sentinel type for :meth:`Person.what_if`: leave this constraint as it is."""


KEEP = _Keep


@dataclass(frozen=True)
class Person:
    """What the engine knows about the person. Every part is optional."""

    occupation: str | None = None
    #: element id -> the person's level (O*NET 0-7)
    levels: Mapping[str, float] = field(default_factory=dict)
    #: O*NET interest element id ("1.B.1.a") -> OI 1-7
    interests: Mapping[str, float] = field(default_factory=dict)
    #: O*NET work value element id ("1.B.2.a") -> EX 1-7
    values: Mapping[str, float] = field(default_factory=dict)
    #: annual pay the person earns now; default: their occupation's median
    current_pay: float | None = None
    #: code -> annual median in the person's state or metro, when loaded
    area_wages: Mapping[str, float] = field(default_factory=dict)
    area_name: str | None = None
    hours_per_week: float | None = None
    min_pay: float | None = None
    retraining_months: float | None = None
    max_zone_step: int | None = None
    excluded: frozenset[str] = frozenset()
    #: O*NET's required-level-of-education category of the person's highest education
    education: int | None = None
    credentials: tuple[str, ...] = ()
    #: years in the current occupation
    years: float | None = None
    #: technology the person uses (O*NET example or commodity names)
    technology: tuple[str, ...] = ()
    #: code -> employment in the person's area (BLS OEWS), when area figures are loaded
    area_employment: Mapping[str, float] = field(default_factory=dict)
    risk_tolerance: str = "medium"

    def what_if(
        self,
        *,
        levels: Mapping[str, float] | None = None,
        technology: Iterable[str] | None = None,
        excluded: Iterable[str] = (),
        min_pay: float | None | type[_Keep] = KEEP,
        retraining_months: float | None | type[_Keep] = KEEP,
        max_zone_step: int | None | type[_Keep] = KEEP,
        hours_per_week: float | None | type[_Keep] = KEEP,
    ) -> Person:
        """A copy with some levels raised or constraints changed. A constraint not given is
        kept; ``None`` removes it."""
        changes: dict[str, object] = {}
        if levels:
            changes["levels"] = {**self.levels, **levels}
        if technology is not None:
            changes["technology"] = tuple(dict.fromkeys((*self.technology, *technology)))
        more = frozenset(excluded)
        if more:
            changes["excluded"] = self.excluded | more
        for name, value in (
            ("min_pay", min_pay),
            ("retraining_months", retraining_months),
            ("max_zone_step", max_zone_step),
            ("hours_per_week", hours_per_week),
        ):
            if value is not KEEP:
                changes[name] = value
        return replace(self, **changes)  # type: ignore[arg-type]


def person_from_occupation(data: OccupationData, code: str) -> Person:
    """The occupation's own profile as a person: its levels, interests and values."""
    i = data.index[code]
    levels = {
        e.element_id: float(data.level[i, k])
        for k, e in enumerate(data.elements)
        if math.isfinite(float(data.level[i, k]))
    }
    interests = (
        {eid: float(data.interests[i, k]) for k, (eid, _, _) in enumerate(RIASEC_IDS)}
        if data.has_interests[i]
        else {}
    )
    values = (
        {eid: float(data.values[i, k]) for k, (eid, _) in enumerate(VALUE_IDS)}
        if data.has_values[i]
        else {}
    )
    return Person(occupation=code, levels=levels, interests=interests, values=values)


def person_from_profile(
    profile: Profile,
    *,
    interests: Mapping[str, float] | None = None,
    values: Mapping[str, float] | None = None,
    area_wages: Mapping[str, float] | None = None,
    area_name: str | None = None,
    max_zone_step: int | None = None,
    excluded: Iterable[str] = (),
    area_employment: Mapping[str, float] | None = None,
) -> Person:
    """The engine's view of a saved profile.

    ``interests``: the interests result's OI profile, keyed by RIASEC letter ("R") or O*NET
    element id; ``values``: the work values result's EX profile keyed by element id. Leave
    them out when the questionnaires were not taken: those parts of the score are then
    reported as unused rather than guessed.
    """
    letters = {letter: eid for eid, letter, _ in RIASEC_IDS}
    c = profile.constraints
    return Person(
        occupation=profile.occupation_code,
        levels=profile.levels(),
        interests={letters.get(k, k): float(v) for k, v in (interests or {}).items()},
        values={k: float(v) for k, v in (values or {}).items()},
        area_wages=dict(area_wages or {}),
        area_name=area_name,
        hours_per_week=c.hours_per_week,
        min_pay=None if c.min_pay is None else float(c.min_pay),
        current_pay=None if c.current_pay is None else float(c.current_pay),
        retraining_months=None if c.retraining_months is None else float(c.retraining_months),
        max_zone_step=max_zone_step,
        excluded=frozenset(excluded),
        education=profile.education,
        credentials=tuple(getattr(profile, "credentials", ()) or ()),
        years=profile.years_in_occupation,
        technology=tuple(profile.technology),
        area_employment=dict(area_employment or {}),
        risk_tolerance=c.risk_tolerance,
    )


@dataclass(frozen=True)
class Unused:
    signal: str
    reason: str
    #: what would let the signal in: "interests", "values", "occupation", "levels", "data"
    needs: str = "data"


@dataclass(frozen=True)
class Ranking:
    """Scores of every occupation for one person; cheap to make, explained on demand."""

    data: OccupationData
    person: Person
    weights: Mapping[str, float]
    #: signal -> standardised value per occupation (only signals that were used)
    z: Mapping[str, F32]
    #: signal -> which occupations had data for it
    present: Mapping[str, npt.NDArray[np.bool_]]
    total_scores: F32
    unused: tuple[Unused, ...]
    gap_share: F32  # importance-weighted share of required level not yet reached
    pay: F32  # the pay compared for each occupation (area when loaded, else national)
    #: the person's level per element (``data.elements`` order), nan where unknown
    levels: F64 = field(default_factory=lambda: np.zeros(0))
    levels_known: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, bool))

    def total(self, code: str) -> float:
        return float(self.total_scores[self.data.index[code]])

    def signal_contributions(self, code: str) -> dict[str, float]:
        i = self.data.index[code]
        return {s: float(self.weights.get(s, 0.0) * z[i]) for s, z in self.z.items()}

    def components(self, code: str) -> dict[str, float]:
        """Score components (see :data:`COMPONENTS`) of one occupation; they sum to its total."""
        out: dict[str, float] = {}
        for signal, value in self.signal_contributions(code).items():
            comp = SIGNALS[signal][0]
            out[comp] = out.get(comp, 0.0) + value
        return out

    def order(self) -> npt.NDArray[np.intp]:
        """Occupation rows best first, the person's own occupation left out."""
        scores = self.total_scores.astype(np.float64)
        if self.person.occupation in self.data.index:
            scores = scores.copy()
            scores[self.data.index[self.person.occupation]] = -np.inf
        # stable on ties: by code, so the same inputs always give the same order
        return np.argsort(-scores, kind="stable")


def _standardise(raw: F64, present: npt.NDArray[np.bool_], self_row: int | None) -> F32:
    use = present.copy()
    if self_row is not None:
        use[self_row] = False
    if use.sum() < 2:
        return np.zeros(raw.shape, dtype=np.float32)
    vals = raw[use]
    mean = float(vals.mean())
    sd = float(vals.std())
    z = (raw - mean) / sd if sd > 0 else np.zeros_like(raw)
    return np.where(present, z, MISSING_Z).astype(np.float32)


def _centred_cosine(person: F64, centred: F64, norms: F64, has: npt.NDArray[np.bool_]) -> F64:
    """Cosine of profiles centred on their own mean: the shape of the profile, not its height
    (a person who rates everything high is not closer to every occupation)."""
    p = person - person.mean()
    denom = norms * float(np.linalg.norm(p))
    with np.errstate(invalid="ignore", divide="ignore"):
        out = (centred @ p) / denom
    return np.where(has & (denom > 0), out, 0.0)


def score(
    data: OccupationData,
    person: Person,
    weights: Mapping[str, float] | None = None,
) -> Ranking:
    """Score every occupation for ``person``."""
    w = DEFAULT_WEIGHTS if weights is None else weights
    n = len(data)
    me = data.index.get(person.occupation) if person.occupation else None
    raw: dict[str, tuple[F64, npt.NDArray[np.bool_]]] = {}
    unused: list[Unused] = []

    def skip(signal: str, reason: str, needs: str = "data") -> None:
        if w.get(signal, 0.0):
            unused.append(Unused(signal, reason, needs))

    no_occ = "no current occupation in your profile"
    for signal, what in TEXT_SIGNALS.items():
        if not w.get(signal, 0.0):
            continue
        if signal not in data.similarity:
            skip(signal, f"{what} are not in this knowledge base")
            continue
        sim, has = data.similarity[signal]
        if me is None:
            skip(signal, no_occ, "occupation")
        elif not has[me]:
            skip(signal, f"O*NET publishes no {what} for your occupation")
        else:
            raw[signal] = (sim[me].astype(np.float64), has)

    # skills and knowledge: the profile of importance (needs an occupation), the person's own
    # levels against required levels, and the shortfall. Occupations O*NET does not rate are
    # compared through their closest rated occupation (``data.proxy``), never penalised.
    imp = data.importance0
    lvl = data.level0
    rated = data.has_effective_ratings
    if w.get("skills_knowledge", 0.0):
        if me is None:
            skip("skills_knowledge", no_occ, "occupation")
        elif not rated[me]:
            skip("skills_knowledge", "O*NET publishes no skill ratings for your occupation")
        else:
            # plain (uncentred) cosine: which elements matter at all is itself the signal here
            norms = data.importance_length * float(data.importance_length[me])
            with np.errstate(invalid="ignore", divide="ignore"):
                cos = np.where(norms > 0, (imp @ imp[me]) / norms, 0.0)
            raw["skills_knowledge"] = (cos, rated)
    if w.get("knowledge", 0.0):
        # the knowledge areas alone as well: what an occupation needs to know says more about
        # which occupations are related than the broad skills most occupations share
        has_knowledge = data.knowledge_length > 0
        if me is None:
            skip("knowledge", no_occ, "occupation")
        elif not has_knowledge[me]:
            skip("knowledge", "O*NET publishes no knowledge ratings for your occupation")
        else:
            kimp = data.knowledge_importance
            norms = data.knowledge_length * float(data.knowledge_length[me])
            with np.errstate(invalid="ignore", divide="ignore"):
                cos = np.where(norms > 0, (kimp @ kimp[me]) / norms, 0.0)
            raw["knowledge"] = (cos, has_knowledge)
    mine, known = person_levels(data, person)
    gap_share = np.full(n, np.nan, dtype=np.float32)
    if known.any():
        req = lvl[:, known]
        weight = imp[:, known]
        short = np.maximum(req - mine[known], 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = (weight * short).sum(axis=1) / (weight * req).sum(axis=1)
        share = np.where(rated & np.isfinite(share), share, np.nan)
        gap_share = share.astype(np.float32)
        if w.get("levels", 0.0):
            if known.all():
                req_c, req_n = data.level_centred, data.level_norm
            else:
                req_c = req - req.mean(axis=1, keepdims=True)
                req_n = np.linalg.norm(req_c, axis=1)
            raw["levels"] = (_centred_cosine(mine[known], req_c, req_n, rated), rated)
        if w.get("gaps", 0.0):
            raw["gaps"] = (-np.nan_to_num(share), rated)
    else:
        skip("levels", "no skill or knowledge levels in your profile", "levels")
        skip("gaps", "no skill or knowledge levels in your profile", "levels")

    if w.get("own_technology", 0.0):
        own = person_commodities(data, person)
        if not own:
            skip(
                "own_technology",
                "no technology in your profile" if not person.technology
                else "none of your technology is in O*NET's technology lists",
                "technology",
            )
        elif data.technology_commodities:
            raw["own_technology"] = _technology_overlap(data, own)

    if person.interests:
        p = np.array([person.interests.get(eid, np.nan) for eid, _, _ in RIASEC_IDS])
        if np.isfinite(p).all():
            raw["interests"] = (
                _centred_cosine(p, data.interests_centred, data.interests_norm, data.has_interests),
                data.has_interests,
            )
        else:
            skip("interests", "your interests profile is incomplete", "interests")
    else:
        skip("interests", "interests questionnaire not taken", "interests")
    if person.values:
        p = np.array([person.values.get(eid, np.nan) for eid, _ in VALUE_IDS])
        if np.isfinite(p).all():
            raw["values"] = (
                _centred_cosine(p, data.values_centred, data.values_norm, data.has_values),
                data.has_values,
            )
        else:
            skip("values", "your work values profile is incomplete", "values")
    else:
        skip("values", "work values questionnaire not taken", "values")

    zone_known = np.isfinite(data.job_zone)
    my_zone = float(data.job_zone[me]) if me is not None else math.nan
    if w.get("job_zone", 0.0):
        if math.isfinite(my_zone):
            step = np.nan_to_num(data.job_zone.astype(np.float64) - my_zone)
            # a step down costs more than the same step up: it gives up preparation the
            # person already has, while a step up is what a career move is often for
            raw["job_zone"] = (-np.where(step >= 0, step, 1.5 * step) ** 2, zone_known)
        else:
            skip("job_zone", no_occ if me is None else "no job zone for your occupation",
                 "occupation" if me is None else "data")
    if w.get("family", 0.0):
        if person.occupation:
            raw["family"] = (_shared_prefix(data, person.occupation), np.ones(n, bool))
        else:
            skip("family", no_occ, "occupation")

    pay = data.wage_median.astype(np.float64).copy()
    if person.area_wages:
        for code, value in person.area_wages.items():
            k = data.index.get(code)
            if k is not None and value is not None and math.isfinite(value):
                pay[k] = value
    current = person.current_pay
    if current is None and me is not None and math.isfinite(pay[me]):
        current = float(pay[me])
    if w.get("pay", 0.0):
        if not data.has_wages:
            skip("pay", "BLS wages are not installed")
        elif current is None or current <= 0:
            skip("pay", "no current pay or occupation to compare with", "occupation")
        else:
            ok = np.isfinite(pay) & (pay > 0)
            ratio = np.log2(np.where(ok, pay, current) / current)
            raw["pay"] = (PAY_POINTS_PER_DOUBLING * ratio, ok)
    if w.get("outlook", 0.0):
        if data.has_outlook:
            g = data.growth_percent.astype(np.float64)
            raw["outlook"] = (OUTLOOK_POINTS_PER_10 * np.nan_to_num(g) / 10.0, np.isfinite(g))
        else:
            skip("outlook", "BLS employment projections are not installed")

    z: dict[str, F32] = {}
    present: dict[str, npt.NDArray[np.bool_]] = {}
    total = np.zeros(n, dtype=np.float32)
    for signal, (values, has) in raw.items():
        if signal in RAW_SIGNALS:
            zs = np.where(has, values, 0.0).astype(np.float32)
        else:
            zs = _standardise(values, has, me)
        z[signal] = zs
        present[signal] = has
        total += np.float32(w.get(signal, 0.0)) * zs
    return Ranking(
        data=data,
        person=replace(person, current_pay=current),
        weights=dict(w),
        z=z,
        present=present,
        total_scores=total,
        unused=tuple(unused),
        gap_share=gap_share,
        pay=pay.astype(np.float32),
        levels=mine,
        levels_known=known,
    )


def person_levels(
    data: OccupationData, person: Person
) -> tuple[F64, npt.NDArray[np.bool_]]:
    """The person's level on every rated element: their own where they gave one, else their
    occupation's typical level (its proxy's when O*NET does not rate it), else unknown (nan)."""
    m = len(data.elements)
    mine = np.full(m, np.nan)
    me = data.index.get(person.occupation) if person.occupation else None
    row = data.rated_row(me) if me is not None else None
    if row is not None:
        base = data.level[row].astype(np.float64)
        mine = np.where(np.isfinite(base), base, np.nan)
    for e, value in person.levels.items():
        k = data.element_index.get(e)
        if k is not None and math.isfinite(value):
            mine[k] = value
    return mine, np.isfinite(mine)


def person_commodities(data: OccupationData, person: Person) -> frozenset[str]:
    """O*NET technology commodities of the person's technology (names matched as written,
    case-insensitive, against O*NET's examples and commodity titles)."""
    out = set()
    for name in person.technology:
        c = data.commodity_of.get(name.strip().casefold())
        if c:
            out.add(c)
    return frozenset(out)


def _technology_overlap(
    data: OccupationData, own: frozenset[str]
) -> tuple[F64, npt.NDArray[np.bool_]]:
    """How much of what each occupation uses the person already uses: the idf-weighted share
    of the occupation's technology commodities the person has (rare ones count more)."""
    sets = data.technology_commodities
    df: dict[str, int] = {}
    for cs in sets:
        for c in cs:
            df[c] = df.get(c, 0) + 1
    n = max(1, len(sets))
    idf = {c: math.log(n / k) for c, k in df.items()}
    values = np.zeros(len(sets))
    has = np.zeros(len(sets), dtype=bool)
    for i, cs in enumerate(sets):
        if not cs:
            continue
        has[i] = True
        got = sum(idf[c] for c in cs & own)
        values[i] = got / math.sqrt(sum(idf[c] for c in cs))
    return values, has


def _shared_prefix(data: OccupationData, mine: str) -> F64:
    """0-4: how many levels of the SOC hierarchy (major, minor, broad, detailed) are shared."""
    depth = np.zeros(len(data), dtype=np.float64)
    alive = np.ones(len(data), dtype=bool)
    for cut, prefixes in zip(SOC_CUTS, data.soc_prefixes, strict=True):
        alive &= prefixes == mine[:cut]
        depth += alive
    return depth
