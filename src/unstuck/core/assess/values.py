"""Work values: O*NET's six, by rating and by ranking, mapped onto O*NET's extent scale.

O*NET describes what an occupation offers with six work values (Achievement, Working
Conditions, Recognition, Relationships, Support, Independence), each rated on the Extent (EX)
scale 1–7. unstuck asks the person two things, so the result can be set against those ratings:

1. eighteen statements about an ideal job, three per value, each rated for importance
   (1 not important … 5 essential). Wording is unstuck's own;
2. optionally, the six values put in order, most important first.

Scoring for each value:

- ``rating`` (0–1) = (mean importance - 1) / 4;
- ``rank_score`` (0–1) = (6 - position) / 5, position 1 being most important. A partial
  ranking is allowed: the values put in order take places 1, 2, ...; the ones left out share
  the places after them, each getting the mean of those places' rank scores (ranking two of
  six gives the other four (0.6 + 0.4 + 0.2 + 0) / 4 = 0.3 each), and have no place of their
  own;
- ``combined`` = 0.6 × rating + 0.4 × rank_score when a ranking was given, else the rating.
  Ratings alone tend to put everything at "very important"; the ranking forces the trade-offs
  that separate the values;
- ``ex`` = 1 + 6 × combined, on O*NET's EX scale, and ``score`` = 100 × combined.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unstuck.core.assess.common import NamedScore
from unstuck.core.assess.instruments import (
    Coverage,
    Instrument,
    Item,
    Responses,
    ResponseScale,
    Subscale,
    SubscaleScore,
    check_responses,
    coverage,
    score_subscales,
)

#: O*NET's work values with their element ids, in O*NET's order.
WORK_VALUES: tuple[tuple[str, str, str, str], ...] = (
    ("achievement", "Achievement", "1.B.2.a",
     "Using your abilities and seeing results you can be proud of."),
    ("working_conditions", "Working conditions", "1.B.2.b",
     "Security, good pay and conditions, and work that keeps you busy in ways that suit you."),
    ("recognition", "Recognition", "1.B.2.c",
     "Advancement, respect and the chance to lead."),
    ("relationships", "Relationships", "1.B.2.d",
     "Good colleagues, serving others and never having to act against your conscience."),
    ("support", "Support", "1.B.2.e",
     "A fair employer and managers who back you and help you grow."),
    ("independence", "Independence", "1.B.2.f",
     "Working on your own initiative and making your own decisions."),
)
VALUE_NAMES = {vid: name for vid, name, _, _ in WORK_VALUES}
ONET_ELEMENT_IDS = {vid: eid for vid, _, eid, _ in WORK_VALUES}

IMPORTANCE = ResponseScale(
    1, 5, ("Not important", "Somewhat important", "Important", "Very important", "Essential")
)

_STATEMENTS: dict[str, tuple[str, ...]] = {
    "achievement": (
        "The job draws on my strongest talents.",
        "I can point to concrete things I have achieved.",
        "Most days end with a sense that my effort paid off.",
    ),
    "working_conditions": (
        "I don't have to worry about losing my job.",
        "My income is good for the kind of work I do.",
        "My surroundings are pleasant and safe, and I am kept busy at a pace I like.",
    ),
    "recognition": (
        "There is a clear path to promotion.",
        "My work earns me respect from others.",
        "I have a say in how other people's work is organised.",
    ),
    "relationships": (
        "My colleagues are people I enjoy being around.",
        "What I do makes a difference to other people.",
        "I never have to compromise my principles to do the job.",
    ),
    "support": (
        "My manager has my back when things go wrong.",
        "The rules at work are applied fairly to everyone.",
        "I get good guidance and coaching from the people I report to.",
    ),
    "independence": (
        "I am free to experiment with new approaches.",
        "I can make the call myself on most things.",
        "I organise my own days without someone looking over my shoulder.",
    ),
}

_ITEMS = tuple(
    Item(f"val.{vid}.{n + 1}", _STATEMENTS[vid][n], vid)
    for n in range(3)
    for vid, _, _, _ in WORK_VALUES
)

WORK_VALUES_INSTRUMENT = Instrument(
    id="work-values/1",
    name="Work values",
    description="What matters most to you in a job, on O*NET's six work values.",
    instructions=(
        "In your ideal job, how important would each of these be? Then, if you can, put the six "
        "values in order, most important first."
    ),
    scale=IMPORTANCE,
    subscales=tuple(Subscale(vid, name, desc) for vid, name, _, desc in WORK_VALUES),
    items=_ITEMS,
    min_coverage=0.7,
    ranking_of=tuple(vid for vid, _, _, _ in WORK_VALUES),
)

RATING_WEIGHT = 0.6
RANK_WEIGHT = 0.4


@dataclass(frozen=True)
class ValueScore:
    id: str
    name: str
    rating: float | None  # 0–1 from the importance ratings
    rank: int | None  # 1 = most important
    rank_score: float | None  # 0–1
    combined: float | None  # 0–1
    detail: SubscaleScore

    @property
    def score(self) -> float | None:
        return None if self.combined is None else 100.0 * self.combined

    @property
    def ex(self) -> float | None:
        """On O*NET's Extent scale, 1–7."""
        return None if self.combined is None else 1.0 + 6.0 * self.combined

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None, n: int = 3) -> float | None:
            return None if x is None else round(x, n)

        detail = self.detail.to_dict()
        return {
            "id": self.id,
            "name": self.name,
            "onet_element_id": ONET_ELEMENT_IDS[self.id],
            "score": r(self.score, 1),
            "ex": r(self.ex, 2),
            "rating": r(self.rating),
            "rank": self.rank,
            "rank_score": r(self.rank_score),
            "combined": r(self.combined),
            "how": (
                f"{RATING_WEIGHT} × rating + {RANK_WEIGHT} × rank score"
                if self.rank is not None
                else "rating only (no ranking given)"
            ),
            "answered": detail["answered"],
            "total": detail["total"],
            "coverage": detail["coverage"],
            "skipped": detail["skipped"],
            "answers": detail["answers"],
        }


@dataclass(frozen=True)
class ValuesResult:
    instrument_id: str
    coverage: Coverage
    values: tuple[ValueScore, ...]  # O*NET order
    ranked: bool

    def top(self, n: int = 3) -> tuple[ValueScore, ...]:
        order = [vid for vid, _, _, _ in WORK_VALUES]
        scored = [v for v in self.values if v.combined is not None]
        return tuple(sorted(scored, key=lambda v: (-(v.combined or 0.0), order.index(v.id)))[:n])

    def ex_profile(self) -> dict[str, float]:
        """The person's values on O*NET's EX scale keyed by O*NET element id."""
        return {ONET_ELEMENT_IDS[v.id]: v.ex for v in self.values if v.ex is not None}

    def summary(self) -> tuple[NamedScore, ...]:
        return tuple(NamedScore(v.id, v.name, v.score) for v in self.values)

    def highlights(self) -> dict[str, str]:
        return {"Top values": ", ".join(v.name for v in self.top())}

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument_id,
            "coverage": self.coverage.to_dict(),
            "ranked": self.ranked,
            "top": [v.id for v in self.top()],
            "values": [v.to_dict() for v in self.values],
            "ex_mapping": "ex = 1 + 6 * combined  (0–1 onto O*NET EX 1–7)",
        }


def score_values(
    responses: Responses, instrument: Instrument = WORK_VALUES_INSTRUMENT
) -> ValuesResult:
    answered = check_responses(instrument, responses)
    ranking = tuple(responses.ranking)
    if len(set(ranking)) != len(ranking) or not set(ranking) <= set(instrument.ranking_of):
        raise ValueError(
            f"{instrument.id}: a ranking lists some of {', '.join(instrument.ranking_of)}, "
            "each at most once"
        )
    subs = score_subscales(instrument, answered)
    n = len(instrument.ranking_of)
    # the places after the ranked values, shared by the ones left out
    rest = [(n - place) / (n - 1) for place in range(len(ranking) + 1, n + 1)]
    shared = sum(rest) / len(rest) if rest else None
    out = []
    for vid, name, _, _ in WORK_VALUES:
        s = subs[vid]
        rating = None if s.score is None else s.score / 100.0
        rank = ranking.index(vid) + 1 if vid in ranking else None
        rank_score: float | None = None
        if rank is not None:
            rank_score = (n - rank) / (n - 1)
        elif ranking:
            rank_score = shared
        combined: float | None
        if rating is None:
            combined = None
        elif rank_score is None:
            combined = rating
        else:
            combined = RATING_WEIGHT * rating + RANK_WEIGHT * rank_score
        out.append(ValueScore(vid, name, rating, rank, rank_score, combined, s))
    return ValuesResult(
        instrument_id=instrument.id,
        coverage=coverage(instrument, answered),
        values=tuple(out),
        ranked=bool(ranking),
    )
