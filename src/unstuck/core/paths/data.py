"""The occupation side of the engine: every occupation as rows of plain numpy arrays.

:class:`OccupationData` is built once per knowledge base (``unstuck.knowledge.matrices``) and
then only read, so one instance serves every request and every thread. Row ``i`` of every array
is occupation ``codes[i]``. A value the source does not publish is ``nan`` (numbers) or ``None``
(text), and each block has a ``has_*`` mask, so the engine can say "not published" instead of
treating a missing rating as a zero.

The text signals (tasks, work activities, job titles, tools) are stored as occupation-by-
occupation cosine matrices: a person is compared through the row of the occupation they are in,
which keeps ranking at a few vector operations. Nothing here comes from O*NET's Related
Occupations table; the benchmark checks the engine against it, so the engine must not see it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from unstuck.core.paths.readiness import EntryFacts

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]

#: Holland's six interest types in O*NET's order, with their element ids.
RIASEC_IDS: tuple[tuple[str, str, str], ...] = (
    ("1.B.1.a", "R", "Realistic"),
    ("1.B.1.b", "I", "Investigative"),
    ("1.B.1.c", "A", "Artistic"),
    ("1.B.1.d", "S", "Social"),
    ("1.B.1.e", "E", "Enterprising"),
    ("1.B.1.f", "C", "Conventional"),
)
#: O*NET's six work values (Extent scale) in element-id order.
VALUE_IDS: tuple[tuple[str, str], ...] = (
    ("1.B.2.a", "Achievement"),
    ("1.B.2.b", "Working Conditions"),
    ("1.B.2.c", "Recognition"),
    ("1.B.2.d", "Relationships"),
    ("1.B.2.e", "Support"),
    ("1.B.2.f", "Independence"),
)

#: SOC levels: major group "15", minor "15-1", broad "15-12", detailed "15-125" (+ O*NET suffix)
SOC_CUTS = (2, 4, 6, 7)

#: The text-derived similarity signals, with what each compares.
TEXT_SIGNALS: dict[str, str] = {
    "tasks": "task statements",
    "activities": "detailed work activities",
    "titles": "job titles people use",
    "tools": "tools and equipment",
    "activity_groups": "intermediate work activities",
    "technology": "software and technology",
    "description": "occupation descriptions",
}


@dataclass(frozen=True)
class Element:
    """A rated element (skill, knowledge area, ability, work activity)."""

    element_id: str
    name: str
    domain: str


@dataclass(frozen=True)
class OccupationData:
    codes: tuple[str, ...]
    titles: tuple[str, ...]
    release: str
    #: rated elements; columns of ``importance`` and ``level``
    elements: tuple[Element, ...]
    importance: F32  # n x E, 1-5, nan where not published
    level: F32  # n x E, 0-7, nan where not published
    has_ratings: Mask
    interests: F32  # n x 6 (RIASEC_IDS order), OI 1-7
    has_interests: Mask
    values: F32  # n x 6 (VALUE_IDS order), EX 1-7
    has_values: Mask
    job_zone: F32  # 1-5, nan where not published
    #: text signal name -> (n x n cosine matrix, which occupations have that text)
    similarity: dict[str, tuple[F32, Mask]]
    wage_median: F32  # annual, national (BLS OEWS), nan where missing
    wage_area: str | None  # what the national wages are ("United States, May 2025")
    growth_percent: F32  # BLS projections, nan where missing
    openings: F32  # thousands a year
    self_employed_percent: F32
    projections_period: str | None
    typical_education: tuple[str | None, ...]
    #: task statements per occupation (for job-crafting ideas)
    tasks: tuple[tuple[str, ...], ...] = ()
    #: RIASEC letter -> O*NET's RIASEC keywords (verbs and objects typical of the type)
    interest_keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: what entry into each occupation takes (BLS and O*NET preparation data)
    entry: tuple[EntryFacts, ...] = ()
    #: national employment (BLS OEWS), nan where missing
    employment: F32 | None = None
    #: per occupation, a note when the wage shown is another SOC code's ("the SOC occupation
    #: 15-2051 Data Scientists, which includes this one")
    wage_note: tuple[str | None, ...] = ()
    #: per occupation, O*NET technology commodity codes of its technology examples
    technology_commodities: tuple[frozenset[str], ...] = ()
    #: technology example or commodity name (casefolded) -> commodity code
    commodity_of: dict[str, str] = field(default_factory=dict)
    #: commodity code -> title
    commodity_titles: dict[str, str] = field(default_factory=dict)
    index: dict[str, int] = field(init=False, compare=False)
    element_index: dict[str, int] = field(init=False, compare=False)

    #: derived once: missing ratings as 0, profiles centred on their own mean, row norms
    importance0: F64 = field(init=False, compare=False, repr=False)
    level0: F64 = field(init=False, compare=False, repr=False)
    importance_length: F64 = field(init=False, compare=False, repr=False)
    interests_centred: F64 = field(init=False, compare=False, repr=False)
    interests_norm: F64 = field(init=False, compare=False, repr=False)
    values_centred: F64 = field(init=False, compare=False, repr=False)
    values_norm: F64 = field(init=False, compare=False, repr=False)
    level_centred: F64 = field(init=False, compare=False, repr=False)
    level_norm: F64 = field(init=False, compare=False, repr=False)
    #: importance of the knowledge areas alone (which knowledge an occupation rests on), and
    #: its row norms
    knowledge_importance: F64 = field(init=False, compare=False, repr=False)
    knowledge_length: F64 = field(init=False, compare=False, repr=False)
    #: SOC code cut at major group, minor group, broad and detailed occupation
    soc_prefixes: tuple[npt.NDArray[np.str_], ...] = field(init=False, compare=False, repr=False)
    #: for an occupation O*NET publishes no skill or knowledge ratings for, the row of the
    #: closest rated occupation whose ratings stand in for its own (named as such wherever
    #: shown); -1 for rated occupations and where no close rated occupation exists
    proxy: npt.NDArray[np.intp] = field(init=False, compare=False, repr=False)
    #: published ratings, or the proxy's (see :attr:`proxy`)
    has_effective_ratings: Mask = field(init=False, compare=False, repr=False)
    #: n x E, 0-1: how specific each element is to each occupation: how far its importance
    #: there stands above its mean over rated occupations, as a share of the room to 5
    specificity: F64 = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        put("index", {c: i for i, c in enumerate(self.codes)})
        put("element_index", {e.element_id: i for i, e in enumerate(self.elements)})
        proxy = _proxies(self)
        put("proxy", proxy)
        rows = np.where(proxy >= 0, proxy, np.arange(len(self.codes)))
        put("has_effective_ratings", self.has_ratings[rows])
        put("importance0", np.nan_to_num(self.importance[rows].astype(np.float64)))
        put("level0", np.nan_to_num(self.level[rows].astype(np.float64)))
        put("importance_length", np.linalg.norm(self.importance0, axis=1))
        imp = self.importance[rows].astype(np.float64)
        with np.errstate(invalid="ignore"):
            mean = np.nanmean(self.importance[self.has_ratings].astype(np.float64), axis=0) \
                if self.has_ratings.any() else np.full(imp.shape[1], np.nan)
            spec = (imp - mean) / np.maximum(5.0 - mean, 0.5)
        put("specificity", np.clip(np.nan_to_num(spec), 0.0, 1.0))
        for name, m in (
            ("interests", np.nan_to_num(self.interests.astype(np.float64))),
            ("values", np.nan_to_num(self.values.astype(np.float64))),
            ("level", self.level0),
        ):
            centred = m - m.mean(axis=1, keepdims=True)
            put(f"{name}_centred", centred)
            put(f"{name}_norm", np.linalg.norm(centred, axis=1))
        knowledge = [k for k, e in enumerate(self.elements) if e.domain == "knowledge"]
        put("knowledge_importance", self.importance0[:, knowledge])
        put("knowledge_length", np.linalg.norm(self.knowledge_importance, axis=1))
        put("soc_prefixes", tuple(np.array([c[:k] for c in self.codes]) for k in SOC_CUTS))

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def has_wages(self) -> bool:
        return bool(np.isfinite(self.wage_median).any())

    @property
    def has_outlook(self) -> bool:
        return bool(np.isfinite(self.growth_percent).any())

    def family(self, code: str) -> str:
        """SOC minor group ("15-12"): the unit "step up in the same family" moves within."""
        return code[:5]

    def rated_row(self, i: int) -> int | None:
        """The row whose ratings describe occupation ``i``: its own, its proxy's, or None."""
        if self.has_ratings[i]:
            return i
        p = int(self.proxy[i])
        return p if p >= 0 else None

    def entry_of(self, i: int) -> EntryFacts:
        if self.entry:
            return self.entry[i]
        zone = float(self.job_zone[i])
        return EntryFacts(
            self.codes[i],
            self.titles[i],
            int(zone) if np.isfinite(zone) else None,
            self.typical_education[i] if self.typical_education else None,
        )


#: Text signals that say which rated occupation is closest to an unrated one, and the least
#: similarity a proxy needs.
PROXY_SIGNALS = ("tasks", "titles", "description")
PROXY_MIN_SIMILARITY = 0.15


def _proxies(data: OccupationData) -> npt.NDArray[np.intp]:
    """For each unrated occupation the most similar rated one (same SOC major group first)."""
    n = len(data.codes)
    out = np.full(n, -1, dtype=np.intp)
    missing = np.flatnonzero(~data.has_ratings)
    if not len(missing) or not data.has_ratings.any():
        return out
    parts = [data.similarity[s][0] for s in PROXY_SIGNALS if s in data.similarity]
    if not parts:
        return out
    majors = np.array([c[:2] for c in data.codes])
    for i in missing:
        sim = np.mean([p[i].astype(np.float64) for p in parts], axis=0)
        sim[~data.has_ratings] = -np.inf
        sim[i] = -np.inf
        same = majors == majors[i]
        boosted = np.where(same, sim + 0.05, sim)
        j = int(np.argmax(boosted))
        if np.isfinite(sim[j]) and sim[j] >= PROXY_MIN_SIMILARITY:
            out[i] = j
    return out
