"""Occupation records as plain dataclasses: what the knowledge base hands to the rest of unstuck.

Every number that the source does not publish is ``None`` (shown as "not published"), never 0.
O*NET rates skills, knowledge, abilities and work activities on two scales: importance
(IM, 1-5) and level (LV, 0-7); interests on occupational interest (OI, 1-7); work values on
extent (EX, 1-7); work styles on importance (IM, 1-5).
"""

from __future__ import annotations

from dataclasses import dataclass, field


class UnknownOccupation(LookupError):
    """No occupation with this O*NET-SOC code (in the installed release, when it is named)."""

    def __init__(self, code: str, release: str | None = None) -> None:
        self.code = code
        self.release = release
        where = f" in O*NET {release}" if release else ""
        super().__init__(f"no occupation {code}{where}")


RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
RIASEC_LETTER = {name: name[0] for name in RIASEC}


@dataclass(frozen=True, slots=True)
class Rating:
    """One element (a skill, knowledge area, ability, work activity or style) for one occupation."""

    element_id: str
    name: str
    importance: float | None  # IM, 1-5
    level: float | None  # LV, 0-7 (None for work styles)
    suppressed: bool = False  # O*NET recommends suppressing the level (low precision)
    not_relevant: bool = False


@dataclass(frozen=True, slots=True)
class Interest:
    element_id: str
    name: str
    letter: str
    score: float | None  # OI, 1-7


@dataclass(frozen=True, slots=True)
class WorkValue:
    element_id: str
    name: str
    extent: float | None  # EX, 1-7


@dataclass(frozen=True, slots=True)
class Task:
    task_id: int
    text: str
    kind: str | None  # "Core", "Supplemental" or None


@dataclass(frozen=True, slots=True)
class Technology:
    example: str
    commodity_code: int | None
    commodity_title: str | None
    hot: bool
    in_demand: bool


@dataclass(frozen=True, slots=True)
class Tool:
    example: str
    commodity_title: str | None


@dataclass(frozen=True, slots=True)
class Related:
    code: str
    title: str
    tier: str | None
    rank: int | None


@dataclass(frozen=True, slots=True)
class JobZone:
    zone: int
    name: str | None
    education: str | None
    experience: str | None
    training: str | None


@dataclass(frozen=True, slots=True)
class EducationShare:
    """Share of incumbents saying a level of education is required (O*NET RL scale)."""

    category: int
    label: str
    percent: float | None


@dataclass(frozen=True, slots=True)
class Wages:
    """BLS OEWS wages for the SOC code that contains the occupation."""

    soc_code: str
    area: str
    year: str
    annual_median: float | None
    annual_p10: float | None
    annual_p25: float | None
    annual_p75: float | None
    annual_p90: float | None
    hourly_median: float | None
    employment: float | None
    note: str | None = None  # e.g. "top-coded", "wages of the broader SOC group"


@dataclass(frozen=True, slots=True)
class Outlook:
    """BLS Employment Projections for the SOC code that contains the occupation."""

    soc_code: str
    period: str
    employment_start: float | None  # thousands
    employment_end: float | None  # thousands
    change_percent: float | None
    openings_per_year: float | None  # thousands
    self_employed_percent: float | None
    typical_education: str | None
    note: str | None = None
    work_experience: str | None = None  # "None", "Less than 5 years", "5 years or more"
    training: str | None = None  # typical on-the-job training ("Apprenticeship", ...)


@dataclass(frozen=True)
class Occupation:
    """An occupation profile, assembled from all loaded tables."""

    code: str
    title: str
    description: str | None
    release: str
    job_zone: JobZone | None = None
    education: tuple[EducationShare, ...] = ()
    skills: tuple[Rating, ...] = ()
    knowledge: tuple[Rating, ...] = ()
    abilities: tuple[Rating, ...] = ()
    work_activities: tuple[Rating, ...] = ()
    work_styles: tuple[Rating, ...] = ()
    interests: tuple[Interest, ...] = ()
    high_point_code: str | None = None  # e.g. "IRC"
    work_values: tuple[WorkValue, ...] = ()
    tasks: tuple[Task, ...] = ()
    technology: tuple[Technology, ...] = ()
    tools: tuple[Tool, ...] = ()
    related: tuple[Related, ...] = ()
    alternate_titles: tuple[str, ...] = ()
    reported_titles: tuple[str, ...] = ()
    #: the reported titles O*NET shows job seekers (My Next Move): what postings are called
    common_titles: tuple[str, ...] = ()
    wages: Wages | None = None
    outlook: Outlook | None = None
    esco_labels: tuple[str, ...] = field(default=())

    @property
    def hot_technologies(self) -> tuple[Technology, ...]:
        return tuple(t for t in self.technology if t.hot)
