"""The person's profile: where they are now, what they can do, and what limits a move.

One :class:`Profile` feeds every later step (paths, gaps, plan), so it holds plain values in
O*NET's own terms:

- the current occupation as an O*NET-SOC code (picked with the explorer's title search) and
  years in it;
- skills and knowledge as :class:`Rating` on O*NET's level scale 0–7. Ratings start from the
  current occupation's typical level (:func:`prefill_ratings`) and the person moves them: "people
  in your job are typically at 4.5 here — where are you?". Keeping the typical level next to the
  person's own makes the adjustment visible and lets gaps be measured from either;
- technology skills as O*NET technology names;
- education on O*NET's required-education categories (1–12), so it compares directly with an
  occupation's education requirements;
- :class:`Constraints`: location for wages (a US state or a metro area), minimum pay, hours a
  week available for making the change, months of retraining acceptable, learning budget, risk
  tolerance, and optionally savings and monthly expenses (which give a runway in months).

Pure data and functions: storage lives in the web app, this module only validates and converts.
Money is in whole US dollars, because the wage data (BLS OEWS) is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from unstuck.core.assess.validation import Problem
from unstuck.core.limits import MONEY_MAX

LEVEL_MIN = 0.0
LEVEL_MAX = 7.0
MAX_CREDENTIALS = 40
MAX_CREDENTIAL_LENGTH = 200

Domain = Literal["skill", "knowledge"]
RiskTolerance = Literal["low", "medium", "high"]
LocationKind = Literal["state", "metro"]
RISK_TOLERANCES: tuple[RiskTolerance, ...] = ("low", "medium", "high")

#: O*NET's "Required Level of Education" (RL) categories.
EDUCATION_LEVELS: dict[int, str] = {
    1: "Less than a high school diploma",
    2: "High school diploma or equivalent",
    3: "Post-secondary certificate",
    4: "Some college courses",
    5: "Associate's degree",
    6: "Bachelor's degree",
    7: "Post-baccalaureate certificate",
    8: "Master's degree",
    9: "Post-master's certificate",
    10: "First professional degree",
    11: "Doctoral degree",
    12: "Post-doctoral training",
}


@dataclass(frozen=True)
class LevelAnchor:
    """O*NET's example of what a level looks like for one element ("3.4: Greet tourists")."""

    level: float
    text: str


@dataclass(frozen=True)
class Rating:
    """The person's level on one skill or knowledge element, next to their job's typical level."""

    element_id: str
    name: str
    domain: Domain
    level: float
    typical: float | None = None

    @property
    def adjusted(self) -> bool:
        return self.typical is not None and abs(self.level - self.typical) > 1e-9

    @property
    def difference(self) -> float | None:
        """How far the person put themselves from the typical level (positive: above)."""
        return None if self.typical is None else self.level - self.typical

    def to_dict(self) -> dict[str, Any]:
        return {
            "element_id": self.element_id,
            "name": self.name,
            "domain": self.domain,
            "level": self.level,
            "typical": self.typical,
        }


@dataclass(frozen=True)
class Location:
    kind: LocationKind
    code: str  # state postal abbreviation ("OH") or metro area code (CBSA, "18140")
    name: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, "name": self.name}


@dataclass(frozen=True)
class Constraints:
    location: Location | None = None
    min_pay: int | None = None  # per year, USD
    hours_per_week: float | None = None  # available for making the change
    retraining_months: int | None = None
    learning_budget: int | None = None  # USD
    risk_tolerance: RiskTolerance = "medium"
    savings: int | None = None  # USD
    monthly_expenses: int | None = None  # USD
    #: what the person earns now, a year (USD); unknown: their occupation's median stands in
    current_pay: int | None = None

    @property
    def runway_months(self) -> float | None:
        """How many months savings would cover expenses with no income, if both are given."""
        if self.savings is None or not self.monthly_expenses:
            return None
        return self.savings / self.monthly_expenses

    def to_dict(self) -> dict[str, Any]:
        return {
            "location": None if self.location is None else self.location.to_dict(),
            "min_pay": self.min_pay,
            "hours_per_week": self.hours_per_week,
            "retraining_months": self.retraining_months,
            "learning_budget": self.learning_budget,
            "risk_tolerance": self.risk_tolerance,
            "savings": self.savings,
            "monthly_expenses": self.monthly_expenses,
            "current_pay": self.current_pay,
            "runway_months": (None if self.runway_months is None else round(self.runway_months, 1)),
        }


@dataclass(frozen=True)
class Profile:
    occupation_code: str | None = None
    occupation_title: str | None = None
    years_in_occupation: float | None = None
    ratings: tuple[Rating, ...] = ()
    technology: tuple[str, ...] = ()
    education: int | None = None
    constraints: Constraints = field(default_factory=Constraints)
    #: licences and certifications the person holds, as they name them ("Class A CDL",
    #: "LCSW, California"); the readiness model reads them for the routes they complete
    credentials: tuple[str, ...] = ()

    def skills(self) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if r.domain == "skill")

    def knowledge(self) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if r.domain == "knowledge")

    def levels(self) -> dict[str, float]:
        """Element id to the person's level: what gap analysis compares with an occupation."""
        return {r.element_id: r.level for r in self.ratings}

    def with_level(self, element_id: str, level: float) -> Profile:
        """A copy with one rating moved; raises ``KeyError`` for an element not in the profile."""
        _check_level(level)
        found = False
        out = []
        for r in self.ratings:
            if r.element_id == element_id:
                found = True
                r = replace(r, level=level)
            out.append(r)
        if not found:
            raise KeyError(element_id)
        return replace(self, ratings=tuple(out))

    @property
    def education_name(self) -> str | None:
        return None if self.education is None else EDUCATION_LEVELS.get(self.education)

    def to_dict(self) -> dict[str, Any]:
        return {
            "occupation": {
                "code": self.occupation_code,
                "title": self.occupation_title,
                "years": self.years_in_occupation,
            },
            "skills": [r.to_dict() for r in self.skills()],
            "knowledge": [r.to_dict() for r in self.knowledge()],
            "technology": list(self.technology),
            "credentials": list(self.credentials),
            "education": {"level": self.education, "name": self.education_name},
            "constraints": self.constraints.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Inverse of :meth:`to_dict` (extra keys such as ``runway_months`` are ignored)."""
        occ = data.get("occupation") or {}
        c = data.get("constraints") or {}
        loc = c.get("location")
        ratings = tuple(
            Rating(r["element_id"], r["name"], r["domain"], float(r["level"]), r.get("typical"))
            for key in ("skills", "knowledge")
            for r in data.get(key) or ()
        )
        edu = data.get("education") or {}
        return cls(
            occupation_code=occ.get("code"),
            occupation_title=occ.get("title"),
            years_in_occupation=occ.get("years"),
            ratings=ratings,
            technology=tuple(data.get("technology") or ()),
            credentials=tuple(data.get("credentials") or ()),
            education=edu.get("level"),
            constraints=Constraints(
                location=None
                if not loc
                else Location(loc["kind"], str(loc["code"]), loc.get("name", "")),
                min_pay=c.get("min_pay"),
                hours_per_week=c.get("hours_per_week"),
                retraining_months=c.get("retraining_months"),
                learning_budget=c.get("learning_budget"),
                risk_tolerance=c.get("risk_tolerance", "medium"),
                savings=c.get("savings"),
                monthly_expenses=c.get("monthly_expenses"),
            ),
        )


def _check_level(level: float) -> None:
    if not LEVEL_MIN <= level <= LEVEL_MAX:
        raise ValueError(f"level {level} outside O*NET's {LEVEL_MIN:g}–{LEVEL_MAX:g} scale")


def prefill_ratings(
    typical: Iterable[tuple[str, str, Domain, float]],
    existing: Sequence[Rating] = (),
) -> tuple[Rating, ...]:
    """Ratings for an occupation's elements, starting at its typical levels.

    ``typical`` is ``(element_id, name, domain, level)`` from the knowledge base. Levels the
    person already set (``existing``) are kept, so changing occupation does not wipe their
    adjustments; only the typical level next to them is updated.
    """
    mine = {r.element_id: r for r in existing}
    out = []
    for element_id, name, domain, level in typical:
        clamped = min(LEVEL_MAX, max(LEVEL_MIN, level))
        own = mine.get(element_id)
        out.append(Rating(element_id, name, domain, own.level if own else clamped, typical=clamped))
    return tuple(out)


def typical_prompt(rating: Rating) -> str:
    """The question the skills step asks for one element."""
    if rating.typical is None:
        return f"Where are you on {rating.name}?"
    return (
        f"People in your job are typically at {rating.typical:.1f} on {rating.name} — "
        "where are you?"
    )


def nearest_anchor(level: float, anchors: Sequence[LevelAnchor]) -> LevelAnchor | None:
    """The anchor closest to ``level``, to describe what a level means in words."""
    if not anchors:
        return None
    return min(anchors, key=lambda a: (abs(a.level - level), a.level))


def validate_profile(profile: Profile) -> list[Problem]:
    """Every problem with a profile, each naming the field it concerns."""
    problems: list[Problem] = []

    def non_negative(where: str, value: float | None, upper: float | None = None) -> None:
        if value is None:
            return
        if not math.isfinite(value):
            problems.append(Problem(where, "must be a number"))
        elif value < 0:
            problems.append(Problem(where, "must not be negative"))
        elif upper is not None and value > upper:
            shown = int(upper) if float(upper).is_integer() else upper
            problems.append(Problem(where, f"must be at most {shown:,}"))

    if profile.occupation_code is not None and not profile.occupation_code.strip():
        problems.append(Problem("occupation.code", "is empty"))
    non_negative("occupation.years", profile.years_in_occupation, 70)
    non_negative("constraints.current_pay", profile.constraints.current_pay, 100_000_000)
    seen: set[str] = set()
    for r in profile.ratings:
        where = f"{r.domain}.{r.element_id}"
        if r.element_id in seen:
            problems.append(Problem(where, "rated more than once"))
        seen.add(r.element_id)
        if not LEVEL_MIN <= r.level <= LEVEL_MAX:
            problems.append(
                Problem(where, f"level {r.level:g} outside {LEVEL_MIN:g}–{LEVEL_MAX:g}")
            )
        if r.domain not in ("skill", "knowledge"):
            problems.append(Problem(where, f"unknown domain {r.domain!r}"))
    for k, cred in enumerate(profile.credentials):
        if not cred.strip():
            problems.append(Problem(f"credentials.{k}", "is empty"))
        elif len(cred) > MAX_CREDENTIAL_LENGTH:
            problems.append(
                Problem(f"credentials.{k}", f"is longer than {MAX_CREDENTIAL_LENGTH} characters")
            )
    if len(profile.credentials) > MAX_CREDENTIALS:
        problems.append(Problem("credentials", f"more than {MAX_CREDENTIALS} entries"))
    if profile.education is not None and profile.education not in EDUCATION_LEVELS:
        problems.append(Problem("education", "must be one of O*NET's categories 1–12"))
    c = profile.constraints
    if c.location is not None:
        if c.location.kind not in ("state", "metro"):
            problems.append(Problem("constraints.location", "kind must be state or metro"))
        if not c.location.code.strip():
            problems.append(Problem("constraints.location", "code is empty"))
    non_negative("constraints.min_pay", c.min_pay, MONEY_MAX)
    non_negative("constraints.hours_per_week", c.hours_per_week, 168)
    non_negative("constraints.retraining_months", c.retraining_months, 120)
    non_negative("constraints.learning_budget", c.learning_budget, MONEY_MAX)
    non_negative("constraints.savings", c.savings, MONEY_MAX)
    non_negative("constraints.monthly_expenses", c.monthly_expenses, MONEY_MAX)
    if c.risk_tolerance not in RISK_TOLERANCES:
        problems.append(Problem("constraints.risk_tolerance", "must be low, medium or high"))
    return problems
