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

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        put("index", {c: i for i, c in enumerate(self.codes)})
        put("element_index", {e.element_id: i for i, e in enumerate(self.elements)})
        put("importance0", np.nan_to_num(self.importance.astype(np.float64)))
        put("level0", np.nan_to_num(self.level.astype(np.float64)))
        put("importance_length", np.linalg.norm(self.importance0, axis=1))
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
