"""What reading a posting gives: :class:`Posting` with its :class:`Pay`, :class:`SkillAsk` and
:class:`Requirement` items, and :class:`PostingError` for input that is not a posting."""

from __future__ import annotations

from dataclasses import dataclass, field

from unstuck.core.limits import MONEY_MAX
from unstuck.text.extract import Concept, Mention

MAX_BYTES = 5_000_000  # a posting page larger than this is not a posting
MAX_PAY = MONEY_MAX  # no pay is stated above this


class PostingError(ValueError):
    """The input cannot be read as a posting; the message says why, for a person."""


@dataclass(frozen=True, slots=True)
class Pay:
    minimum: float
    maximum: float | None
    currency: str | None  # ISO code when stated or implied by the symbol
    period: str | None  # "year" | "month" | "week" | "day" | "hour" | None (not stated)
    evidence: str


@dataclass(frozen=True, slots=True)
class Requirement:
    kind: str  # "degree" | "experience" | "licence" | "authorisation" | "clearance"
    value: str  # "bachelor", "5 years", "driver's licence", "work authorisation"...
    required: bool  # False when the posting calls it preferred
    evidence: str
    alternative: str | None = None  # "equivalent experience": what the posting takes instead


@dataclass(frozen=True, slots=True)
class SkillAsk:
    concept: Concept
    required: bool
    mentions: tuple[Mention, ...]
    evidence: tuple[str, ...]  # the lines that ask for it
    section: str = "required"  # "required" | "preferred" | "duties" (what the job involves)


@dataclass
class Posting:
    title: str | None = None
    employer: str | None = None
    location: str | None = None
    pay: Pay | None = None
    skills: list[SkillAsk] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    text: str = ""
    source: str = "text"  # "text" | "html" | "json-ld"

    @property
    def required_skills(self) -> list[SkillAsk]:
        return [s for s in self.skills if s.required]

    @property
    def preferred_skills(self) -> list[SkillAsk]:
        return [s for s in self.skills if not s.required]
