"""Gap analysis: what stands between the person and one shortlisted target occupation.

Five kinds of gap, each compared in O*NET's own terms so every number traces back to a source:

- **skill** and **knowledge**: the person's level (0–7, from :class:`~unstuck.core.profile.Profile`)
  against the target's :class:`~unstuck.core.occupations.Rating` level. Only elements the target
  rates as at least :data:`MIN_IMPORTANCE` important count (O*NET calls 3 "important"), and only
  shortfalls of at least :data:`MIN_SIZE` levels (smaller differences are within the precision
  of a self-rating). An element the person never rated is listed in ``unrated``, never guessed.
- **technology**: the target's *hot* or *in-demand* technologies (O*NET flags both from job
  postings) that are not in the person's technology list, plus any technology the caller's
  market data names.
- **education**: the person's O*NET education category against the level at which half of the
  target's incumbents are covered (the median of O*NET's "required level of education" shares).
  Without those shares, the target's job zone gives a floor (:data:`ZONE_EDUCATION`).
- **experience**: relevant years against the minimum of the target job zone's preparation
  range (:data:`ZONE_YEARS`, from O*NET's Specific Vocational Preparation ranges per zone).

Priority (0–1) is a weighted mean of three components, each 0–1 and each shown:
*importance to the target* (45%), *size of the gap* (35%) and *how often postings ask for it*
(20%). A component that is unknown (no market data, say) is left out and the other weights are
rescaled, as the rut check's severity does; it is never counted as zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from unstuck.core.levels import CLOSE_SIZE, MIN_SIZE, shortfall_status
from unstuck.core.occupations import Occupation, Rating
from unstuck.core.plan.context import join_words
from unstuck.core.plan.credentials import Credential, credentials_for
from unstuck.core.profile import EDUCATION_LEVELS, Profile

__all__ = ["CLOSE_SIZE", "MIN_SIZE", "shortfall_status"]  # re-exported for callers

GapKind = Literal["skill", "knowledge", "technology", "education", "experience", "credential"]
GAP_KINDS: tuple[GapKind, ...] = (
    "skill",
    "knowledge",
    "technology",
    "education",
    "experience",
    "credential",
)

#: O*NET's importance scale is 1-5; 3 is "important".
MIN_IMPORTANCE = 3.0
#: Shortfalls smaller than MIN_SIZE (on the 0-7 level scale) are within self-rating noise;
#: from there up to CLOSE_SIZE they are "close" (see :mod:`unstuck.core.levels`).
#: A shortfall of this many levels counts as the largest gap (size component 1.0).
FULL_SIZE = 3.0
#: An element the person's own occupation rates at least this important, after at least
#: FAMILIAR_YEARS in it, is one they work with: a shortfall there is deepened by practice at
#: the target's level, never by an introduction to it. 3 is where O*NET's importance scale says
#: "important" (3.5 left out elements rated 3.49, such as Customer and Personal Service for
#: human resources specialists, and sent seven-year HR staff on a course in it).
FAMILIAR_IMPORTANCE = 3.0
FAMILIAR_YEARS = 3.0
#: O*NET's education category of a high school diploma or equivalent.
HIGH_SCHOOL_DIPLOMA = 2
#: With the person's evidence, technology gaps are at most this many, and hot tools (not the
#: target's own in-demand ones) only make up a list shorter than the minimum.
EVIDENCE_MAX_TECHNOLOGY = 4
EVIDENCE_MIN_TECHNOLOGY = 2
#: Credentials named for the target (see :mod:`.credentials`) that become gaps, at most.
MAX_CREDENTIALS = 2
#: Priority of a named credential: advisers name it for the work, so it ranks with an
#: important skill gap (importance 0.7 of 1 on the gap scale).
CREDENTIAL_IMPORTANCE = 0.7

WEIGHTS: dict[str, float] = {"importance": 0.45, "size": 0.35, "market": 0.20}

#: Minimum years of preparation per job zone, the lower end of O*NET's SVP range for the zone
#: (zone 1: up to 3 months; 2: 3 months-1 year; 3: 1-2 years; 4: 2-4 years; 5: over 4 years).
ZONE_YEARS: dict[int, float] = {1: 0.0, 2: 0.25, 3: 1.0, 4: 2.0, 5: 4.0}
#: Education floor per job zone when the target publishes no education shares, read from O*NET's
#: job zone descriptions (zone 3: vocational school or associate's; 4: bachelor's; 5: graduate).
ZONE_EDUCATION: dict[int, int] = {1: 1, 2: 2, 3: 3, 4: 6, 5: 8}

#: Technology has no O*NET importance; its flags stand in for it (in-demand is the stronger
#: signal: frequently named in postings for this very occupation).
#: Both stay below the top of the scale because they are flags, not ratings.
TECH_IN_DEMAND = 0.8
TECH_HOT = 0.6
#: A technology is either in the person's list or not; a missing one counts as a modest gap
#: (O*NET rates no technology levels, so there is no size to measure).
TECH_SIZE = 0.3
#: At most this many technology gaps (in-demand first, then hot, then by name): occupations
#: list dozens of hot technologies and a plan cannot chase them all.
MAX_TECHNOLOGY = 8


@dataclass(frozen=True)
class Component:
    name: str  # "importance", "size" or "market"
    value: float | None  # 0-1, None when unknown
    weight: float
    basis: str  # where the value came from, in words

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": None if self.value is None else round(self.value, 3),
            "weight": self.weight,
            "basis": self.basis,
        }


@dataclass(frozen=True)
class Gap:
    """One gap; ``key`` is an element id, a technology name, ``education`` or ``experience``."""

    kind: GapKind
    key: str
    name: str
    current: float | None  # level 0-7, education category, or years; None when unknown
    required: float | None
    importance: float | None  # O*NET importance 1-5 where O*NET rates it
    market_share: float | None  # share of postings asking for it, 0-1, when known
    priority: float  # 0-1
    components: tuple[Component, ...]
    reasons: tuple[str, ...]
    #: the person works with this already (their own occupation relies on it): deepen, do not
    #: introduce
    familiar: bool = False
    #: the named credential this gap is for (kind "credential")
    credential: Credential | None = None

    @property
    def size(self) -> float | None:
        if self.current is None or self.required is None:
            return None
        return max(0.0, self.required - self.current)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "name": self.name,
            "current": self.current,
            "required": self.required,
            "size": None if self.size is None else round(self.size, 2),
            "importance": self.importance,
            "market_share": self.market_share,
            "priority": round(self.priority, 3),
            "components": [c.to_dict() for c in self.components],
            "reasons": list(self.reasons),
            "familiar": self.familiar,
            "credential": None if self.credential is None else self.credential.to_dict(),
        }


@dataclass(frozen=True)
class Covered:
    """Something the target asks for that the person's evidence already covers."""

    kind: GapKind
    name: str
    by: str  # what covers it, in words ("you use Instructure Canvas")

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "name": self.name, "by": self.by}


@dataclass(frozen=True)
class Close:
    """An important element the person is within :data:`CLOSE_SIZE` levels of."""

    kind: GapKind
    key: str
    name: str
    current: float
    required: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "name": self.name,
            "current": round(self.current, 2),
            "required": round(self.required, 2),
            "status": "close",
        }


@dataclass(frozen=True)
class Evidence:
    """What the person has shown beyond their self-ratings, for judging gaps.

    ``commodities`` are the O*NET technology commodity codes of the technology the person uses
    (Instructure Canvas is a "learning management system"); ``everyday`` the normalised names
    of everyday tools (listed for a large share of all occupations: e-mail, office suites) that
    the person's own occupation uses, which a plan does not teach them; ``own`` the person's own
    occupation, whose important elements they work with."""

    commodities: frozenset[int] = frozenset()
    commodity_names: Mapping[int, str] = field(default_factory=dict)  # code -> what they use
    everyday: frozenset[str] = frozenset()
    own: Occupation | None = None
    #: commodity codes of the kinds of software most occupations list (office suites, e-mail,
    #: spreadsheets): using them says little about a particular line of work
    everyday_classes: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Unrated:
    """An important target element the person has not rated themselves on."""

    kind: GapKind
    key: str
    name: str
    importance: float | None
    required: float | None


@dataclass(frozen=True)
class GapAnalysis:
    target_code: str
    target_title: str
    gaps: tuple[Gap, ...]  # highest priority first
    strengths: tuple[str, ...]  # important elements where the person meets the target's level
    unrated: tuple[Unrated, ...] = ()
    notes: tuple[str, ...] = field(default=())
    close: tuple[Close, ...] = ()
    covered: tuple[Covered, ...] = ()

    def by_kind(self, kind: GapKind) -> tuple[Gap, ...]:
        return tuple(g for g in self.gaps if g.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": {"code": self.target_code, "title": self.target_title},
            "gaps": [g.to_dict() for g in self.gaps],
            "strengths": list(self.strengths),
            "unrated": [
                {
                    "kind": u.kind,
                    "key": u.key,
                    "name": u.name,
                    "importance": u.importance,
                    "required": u.required,
                }
                for u in self.unrated
            ],
            "notes": list(self.notes),
            "close": [c.to_dict() for c in self.close],
            "covered": [c.to_dict() for c in self.covered],
        }


def priority(components: tuple[Component, ...]) -> float:
    """Weighted mean of the known components; 0 when none is known."""
    known = [(c.weight, c.value) for c in components if c.value is not None]
    wsum = sum(w for w, _ in known)
    if wsum <= 0:
        return 0.0
    return sum(w * v for w, v in known) / wsum


def _components(
    importance: float | None,
    imp_basis: str,
    size: float | None,
    size_basis: str,
    market: float | None,
) -> tuple[Component, ...]:
    return (
        Component("importance", importance, WEIGHTS["importance"], imp_basis),
        Component("size", size, WEIGHTS["size"], size_basis),
        Component(
            "market",
            market,
            WEIGHTS["market"],
            "no posting data" if market is None else f"asked for in {market:.0%} of postings",
        ),
    )


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def _market(market: Mapping[str, float] | None, *names: str) -> float | None:
    if not market:
        return None
    table = {_norm(k): v for k, v in market.items()}
    for n in names:
        v = table.get(_norm(n))
        if v is not None:
            if not 0.0 <= v <= 1.0:
                raise ValueError(f"market share for {n!r} is {v}; expected a share 0-1")
            return v
    return None


def _familiar(own: Occupation | None, years: float | None) -> set[str]:
    """Element ids the person works with: important in their own occupation, held for years."""
    if own is None or years is None or years < FAMILIAR_YEARS:
        return set()
    return {
        r.element_id
        for r in (*own.skills, *own.knowledge)
        if r.importance is not None and r.importance >= FAMILIAR_IMPORTANCE and not r.not_relevant
    }


def _rating_gaps(
    kind: GapKind,
    ratings: tuple[Rating, ...],
    levels: Mapping[str, float],
    market: Mapping[str, float] | None,
    min_importance: float,
    min_size: float,
    familiar: set[str] = frozenset(),  # type: ignore[assignment]
    close_size: float | None = None,
) -> tuple[list[Gap], list[str], list[Unrated], list[Close]]:
    gaps: list[Gap] = []
    strengths: list[str] = []
    unrated: list[Unrated] = []
    close: list[Close] = []
    for r in ratings:
        if r.not_relevant or r.importance is None or r.level is None:
            continue
        if r.importance < min_importance:
            continue
        mine = levels.get(r.element_id)
        if mine is None:
            unrated.append(Unrated(kind, r.element_id, r.name, r.importance, r.level))
            continue
        short = r.level - mine
        if short < min_size:
            strengths.append(r.name)
            continue
        if close_size is not None and short < close_size:
            close.append(Close(kind, r.element_id, r.name, mine, r.level))
            continue
        reasons = [
            f"The target rates {r.name} {r.importance:.1f} of 5 for importance and needs level "
            f"{r.level:.1f}; you put yourself at {mine:.1f}."
        ]
        if r.suppressed:
            reasons.append("O*NET marks this level estimate as imprecise.")
        share = _market(market, r.name, r.element_id)
        comps = _components(
            (r.importance - 1.0) / 4.0,
            f"O*NET importance {r.importance:.1f} of 5",
            min(1.0, short / FULL_SIZE),
            f"{short:.1f} levels short (a {FULL_SIZE:g}-level shortfall counts as the largest)",
            share,
        )
        gaps.append(
            Gap(
                kind,
                r.element_id,
                r.name,
                mine,
                r.level,
                r.importance,
                share,
                priority(comps),
                comps,
                tuple(reasons),
                familiar=r.element_id in familiar,
            )
        )
    return gaps, strengths, unrated, close


def _technology_gaps(
    target: Occupation,
    have: tuple[str, ...],
    market: Mapping[str, float] | None,
    evidence: Evidence | None = None,
) -> tuple[list[Gap], list[Covered]]:
    mine = {_norm(t) for t in have}
    out: list[Gap] = []
    covered: list[Covered] = []
    seen: set[str] = set()
    for t in target.technology:
        key = _norm(t.example)
        if key in mine or key in seen:
            continue
        share = _market(market, t.example)
        if not (t.in_demand or t.hot or share is not None):
            continue
        seen.add(key)
        if evidence is not None:
            if t.commodity_code is not None and t.commodity_code in evidence.commodities:
                used = evidence.commodity_names.get(t.commodity_code, "a tool of the same kind")
                covered.append(
                    Covered("technology", t.example, f"you use {used}, a tool of the same kind")
                )
                continue
            if key in evidence.everyday:
                covered.append(
                    Covered(
                        "technology",
                        t.example,
                        "an everyday tool of your current work; name it on your resume",
                    )
                )
                continue
        if t.in_demand:
            imp, basis = TECH_IN_DEMAND, "O*NET in-demand technology for this occupation"
        elif t.hot:
            imp, basis = TECH_HOT, "O*NET hot technology (frequent in job postings)"
        else:
            imp, basis = None, "not flagged by O*NET"
        comps = _components(imp, basis, TECH_SIZE, "not in your technology list", share)
        reasons = [f"{t.example} is not in your technology list; {basis[0].lower()}{basis[1:]}."]
        out.append(
            Gap(
                "technology",
                t.example,
                t.example,
                0.0,
                1.0,
                None,
                share,
                priority(comps),
                comps,
                tuple(reasons),
            )
        )
    out.sort(key=lambda g: (-g.priority, g.name.casefold()))
    return out, covered


def _in_demand(target: Occupation, name: str) -> bool:
    return any(t.in_demand and t.example == name for t in target.technology)


def _credential_gaps(
    profile: Profile, target: Occupation, limit: int
) -> tuple[list[Gap], list[Covered]]:
    """The target's named credentials (see :mod:`.credentials`) the person does not hold."""
    gaps: list[Gap] = []
    covered: list[Covered] = []
    for c in credentials_for(target.code):
        if c.held_by(profile.credentials):
            covered.append(Covered("credential", c.name, "you hold it"))
            continue
        if len(gaps) >= limit:
            continue
        comps = _components(
            CREDENTIAL_IMPORTANCE,
            f"a credential advisers name for {target.title}",
            None,
            "a credential is held or not",
            None,
        )
        reason = f"{c.name} ({c.issuer}) is a credential advisers name for this work"
        reason += f"; it asks for {c.needs} first." if c.needs else "."
        gaps.append(
            Gap(
                "credential",
                "credential." + "".join(ch if ch.isalnum() else "-" for ch in c.name.casefold()),
                c.name,
                0.0,
                1.0,
                None,
                None,
                priority(comps),
                comps,
                (reason,),
                credential=c,
            )
        )
    return gaps, covered


def required_education(target: Occupation) -> tuple[int | None, str]:
    """The education category covering half of the target's incumbents, and how it was found."""
    shares = [(e.category, e.percent) for e in target.education if e.percent is not None]
    total = sum(p for _, p in shares)
    if shares and total > 0:
        acc = 0.0
        for cat, p in sorted(shares):
            acc += p
            if acc >= total / 2:
                return cat, "the level at which half of O*NET's surveyed incumbents are covered"
    if target.job_zone is not None and target.job_zone.zone in ZONE_EDUCATION:
        return ZONE_EDUCATION[
            target.job_zone.zone
        ], f"job zone {target.job_zone.zone}'s typical floor"
    return None, "not published"


def _education_gap(profile: Profile, target: Occupation) -> tuple[Gap | None, str | None]:
    need, basis = required_education(target)
    if need is None:
        return None, "The target publishes no education requirement."
    if profile.education is None:
        return None, (
            f"Add your education to see whether {EDUCATION_LEVELS[need]} (the target's "
            "typical level) is a gap."
        )
    if profile.education >= need:
        return None, None
    shares = [e for e in target.education if e.percent is not None]
    total = sum(e.percent or 0.0 for e in shares)
    if shares and total > 0:
        above = sum(e.percent or 0.0 for e in shares if e.category > profile.education) / total
        imp_basis = f"{above:.0%} of incumbents report needing more than your level"
        imp: float | None = above
    else:
        imp, imp_basis = None, "no incumbent shares published"
    steps = need - profile.education
    size, size_basis = min(1.0, steps / 4.0), f"{steps} categories short"
    if profile.education < HIGH_SCHOOL_DIPLOMA:
        # A high school credential is a gate: most employers and training programmes ask for
        # it, so it comes first.
        imp = 1.0
        imp_basis = "most employers and training programmes ask for a high school credential"
        size, size_basis = 1.0, "a gate to most jobs and training"
    comps = _components(imp, imp_basis, size, size_basis, None)
    reason = (
        f"The target typically needs {EDUCATION_LEVELS[need]} ({basis}); you have "
        f"{EDUCATION_LEVELS.get(profile.education, str(profile.education))}."
    )
    return (
        Gap(
            "education",
            "education",
            f"Education: {EDUCATION_LEVELS[need]}",
            float(profile.education),
            float(need),
            None,
            None,
            priority(comps),
            comps,
            (reason,),
        ),
        None,
    )


def _experience_gap(
    profile: Profile, target: Occupation, relevant_years: float | None
) -> tuple[Gap | None, str | None]:
    if target.job_zone is None or target.job_zone.zone not in ZONE_YEARS:
        return None, "The target publishes no job zone, so no experience requirement is known."
    zone = target.job_zone.zone
    need = ZONE_YEARS[zone]
    years = relevant_years
    if years is None and profile.occupation_code == target.code:
        years = profile.years_in_occupation
    if years is None:
        return None, (
            f"Job zone {zone} asks for at least {need:g} years of related preparation; say how "
            "many of your years count towards this target to see whether that is a gap."
        )
    if years >= need:
        return None, None
    short = need - years
    comps = _components(
        (zone - 1) / 4.0,
        f"job zone {zone} of 5",
        min(1.0, short / 4.0),
        f"{short:g} years short",
        None,
    )
    reason = (
        f"Job zone {zone} typically needs at least {need:g} years of related preparation; "
        f"you count {years:g}."
    )
    return (
        Gap(
            "experience",
            "experience",
            "Related experience",
            years,
            need,
            None,
            None,
            priority(comps),
            comps,
            (reason,),
        ),
        None,
    )


#: O*NET's "Computers and Electronics" knowledge. In work that uses computers as tools (the
#: target rates it below :data:`COMPUTERS_CORE_IMPORTANCE`), the person's daily use of the
#: target's own kinds of software (at least :data:`SOFTWARE_CLASSES_SHOWN` of them, one at
#: least beyond the office software most occupations list) shows that knowledge in this
#: work's terms; a course "in Computers and Electronics" would not add to it, and the tools
#: still to learn are gaps of their own.
COMPUTERS_KNOWLEDGE = "2.C.3.a"
COMPUTERS_CORE_IMPORTANCE = 4.0
SOFTWARE_CLASSES_SHOWN = 3


def _software_shows_computers(
    gaps: list[Gap], target: Occupation, evidence: Evidence
) -> tuple[list[Gap], list[Covered]]:
    gap = next((g for g in gaps if g.kind == "knowledge" and g.key == COMPUTERS_KNOWLEDGE), None)
    if gap is None or (gap.importance or 0.0) >= COMPUTERS_CORE_IMPORTANCE:
        return gaps, []
    classes = {t.commodity_code for t in target.technology if t.commodity_code is not None}
    shared = [c for c in sorted(evidence.commodities) if c in classes]
    special = [c for c in shared if c not in evidence.everyday_classes]
    if len(shared) < SOFTWARE_CLASSES_SHOWN or not special:
        return gaps, []
    # the specialised ones first: they are what shows this work's software
    names = [
        evidence.commodity_names.get(c, "")
        for c in special + [c for c in shared if c not in special]
    ]
    shared_names = [n for n in names if n]
    by = (
        f"you work in {join_words(shared_names)}, the kinds of software this work uses; the tools "
        "still to learn are named on their own"
    )
    return [g for g in gaps if g is not gap], [Covered("knowledge", gap.name, by)]


def analyse_gaps(
    profile: Profile,
    target: Occupation,
    *,
    market: Mapping[str, float] | None = None,
    relevant_years: float | None = None,
    min_importance: float = MIN_IMPORTANCE,
    min_size: float = MIN_SIZE,
    max_technology: int = MAX_TECHNOLOGY,
    evidence: Evidence | None = None,
    max_credentials: int = MAX_CREDENTIALS,
) -> GapAnalysis:
    """Every gap between ``profile`` and ``target``, highest priority first.

    ``market`` maps a skill, knowledge area or technology name (or element id) to the share of
    postings asking for it (0-1). ``relevant_years`` is the person's experience that counts
    towards the target; without it only a move within the same occupation can be judged.

    With ``evidence`` the person's record is weighed too: shortfalls under
    :data:`CLOSE_SIZE` are "close" rather than gaps, technology of a kind they already use is
    covered, elements of their own work are marked familiar, and the target's named
    credentials they do not hold become gaps (those they hold are covered).
    """
    levels = profile.levels()
    gaps: list[Gap] = []
    strengths: list[str] = []
    unrated: list[Unrated] = []
    pairs: tuple[tuple[GapKind, tuple[Rating, ...]], ...] = (
        ("skill", target.skills),
        ("knowledge", target.knowledge),
    )
    close: list[Close] = []
    covered: list[Covered] = []
    familiar = set()
    if evidence is not None:
        familiar = _familiar(evidence.own, profile.years_in_occupation)
    for kind, ratings in pairs:
        g, s, u, c = _rating_gaps(
            kind,
            ratings,
            levels,
            market,
            min_importance,
            min_size,
            familiar,
            CLOSE_SIZE if evidence is not None else None,
        )
        gaps += g
        strengths += s
        unrated += u
        close += c
    if evidence is not None:
        gaps, software = _software_shows_computers(gaps, target, evidence)
        covered += software
    notes: list[str] = []
    tech, tech_covered = _technology_gaps(target, profile.technology, market, evidence)
    covered += tech_covered
    if evidence is not None:
        # Weighed against the person: the tools this occupation's own postings ask for (O*NET's
        # in-demand flag, or the saved postings), and hot tools only to make up a short list.
        asked = [g for g in tech if g.market_share is not None or _in_demand(target, g.key)]
        hot = [g for g in tech if g not in asked][: max(0, EVIDENCE_MIN_TECHNOLOGY - len(asked))]
        left = len(tech) - len(asked) - len(hot)
        tech = sorted(asked + hot, key=lambda g: (-g.priority, g.name.casefold()))
        max_technology = min(max_technology, EVIDENCE_MAX_TECHNOLOGY)
        if left:
            notes.append(
                f"{left} more of the target's widely used tools are not in your list; the plan "
                "names the ones its own postings ask for."
            )
    if evidence is not None:
        creds, creds_covered = _credential_gaps(profile, target, max_credentials)
        gaps += creds
        covered += creds_covered
    if len(tech) > max_technology:
        notes.append(
            f"{len(tech) - max_technology} more of the target's hot or in-demand technologies "
            "are not in your list; the plan starts with the most asked-for."
        )
    gaps += tech[:max_technology]
    if not target.skills and not target.knowledge:
        notes.append("O*NET publishes no skill or knowledge ratings for this occupation yet.")
    for gap, note in (
        _education_gap(profile, target),
        _experience_gap(profile, target, relevant_years),
    ):
        if gap is not None:
            gaps.append(gap)
        if note:
            notes.append(note)
    order = {k: n for n, k in enumerate(GAP_KINDS)}
    gaps.sort(key=lambda g: (-g.priority, order[g.kind], g.name))
    return GapAnalysis(
        target.code,
        target.title,
        tuple(gaps),
        tuple(strengths),
        tuple(unrated),
        tuple(notes),
        tuple(close),
        tuple(covered),
    )
