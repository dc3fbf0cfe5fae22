"""The wellbeing check-in: five quick questions, at the start and then weekly.

Energy, stress, sleep, mood and overall satisfaction over the past week, each on its own
five-point wording. Stress is reverse-keyed (a lot of stress is low wellbeing). The score is
the mean keyed answer rescaled to 0–100, higher is better, shown with each item's own 0–100
value so a change can be traced to the question that moved.

It is a check-in, not a screening test: the bands describe the week, and a low score or a
very low mood only raises a :class:`~unstuck.core.assess.care.CareNote`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unstuck.core.assess.care import CareNote, care_note
from unstuck.core.assess.common import NamedScore
from unstuck.core.assess.instruments import (
    Coverage,
    Instrument,
    Item,
    Responses,
    ResponseScale,
    ScoredItem,
    Subscale,
    SubscaleScore,
    check_responses,
    coverage,
    score_subscales,
)

_SUB = "wellbeing"

WELLBEING = Instrument(
    id="wellbeing/1",
    name="Wellbeing check-in",
    description="Five quick questions about your past week. Take it again each week.",
    instructions="Thinking about the past seven days:",
    scale=ResponseScale(1, 5, ("Very poor", "Poor", "Fair", "Good", "Very good")),
    subscales=(Subscale(_SUB, "Wellbeing", "Energy, stress, sleep, mood and satisfaction."),),
    items=(
        Item(
            "wb.energy",
            "How has your energy been?",
            _SUB,
            labels=("Very low", "Low", "Moderate", "Good", "Very good"),
        ),
        Item(
            "wb.stress",
            "How stressed have you felt?",
            _SUB,
            reverse=True,
            labels=("Not at all", "A little", "Moderately", "Very", "Extremely"),
        ),
        Item(
            "wb.sleep",
            "How well have you slept?",
            _SUB,
            labels=("Very badly", "Badly", "Fairly well", "Well", "Very well"),
        ),
        Item(
            "wb.mood",
            "How has your mood been?",
            _SUB,
            labels=("Very low", "Low", "Mixed", "Good", "Very good"),
        ),
        Item(
            "wb.satisfaction",
            "How satisfied are you with how things are going overall?",
            _SUB,
            labels=(
                "Very dissatisfied",
                "Dissatisfied",
                "In between",
                "Satisfied",
                "Very satisfied",
            ),
        ),
    ),
    min_coverage=0.8,
)


@dataclass(frozen=True)
class WellbeingBand:
    lower: float
    name: str


WELLBEING_BANDS: tuple[WellbeingBand, ...] = (
    WellbeingBand(0, "Struggling"),
    WellbeingBand(40, "Mixed"),
    WellbeingBand(60, "Okay"),
    WellbeingBand(80, "Doing well"),
)
#: Care note below this score, on a very low mood, or with two or more answers at the worst.
CARE_BELOW = 40.0


def wellbeing_band(score: float) -> WellbeingBand:
    if not 0 <= score <= 100:
        raise ValueError(f"wellbeing {score} outside 0–100")
    chosen = WELLBEING_BANDS[0]
    for band in WELLBEING_BANDS:
        if score >= band.lower:
            chosen = band
    return chosen


@dataclass(frozen=True)
class WellbeingResult:
    instrument_id: str
    coverage: Coverage
    score: float
    band: WellbeingBand
    detail: SubscaleScore
    care: CareNote

    def item_scores(self) -> dict[str, float]:
        """Each answered item on 0–100, higher is better."""
        return {i.item_id: WELLBEING.scale.normalise(i.keyed) for i in self.detail.items}

    def summary(self) -> tuple[NamedScore, ...]:
        per_item = self.item_scores()
        rows = [NamedScore("wellbeing", "Wellbeing", self.score, "higher")]
        for item in WELLBEING.items:
            label = item.id.removeprefix("wb.").capitalize()
            rows.append(NamedScore(item.id, label, per_item.get(item.id), "higher"))
        return tuple(rows)

    def highlights(self) -> dict[str, str]:
        return {"Wellbeing": self.band.name}

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument_id,
            "coverage": self.coverage.to_dict(),
            "score": round(self.score, 1),
            "band": self.band.name,
            "how": "mean of the keyed answers (stress reversed), rescaled to 0–100",
            "items": {k: round(v, 1) for k, v in self.item_scores().items()},
            "answers": [i.to_dict() for i in self.detail.items],
            "care": self.care.to_dict(),
        }


def _care(score: float, rows: tuple[ScoredItem, ...]) -> CareNote:
    reasons: list[str] = []
    if score < CARE_BELOW:
        reasons.append(f"Your wellbeing score this week is {score:.0f} out of 100.")
    worst = [r for r in rows if r.keyed == WELLBEING.scale.minimum]
    if any(r.item_id == "wb.mood" for r in worst):
        reasons.append("You said your mood has been very low.")
    if len(worst) >= 2:
        reasons.append(
            "Several answers were at the hardest end: "
            + "; ".join(f"{r.text} — {r.label}" for r in worst)
        )
    return care_note(reasons)


def score_wellbeing(responses: Responses, instrument: Instrument = WELLBEING) -> WellbeingResult:
    answered = check_responses(instrument, responses)
    detail = score_subscales(instrument, answered)[_SUB]
    if detail.score is None:
        # Unreachable given min_coverage >= the subscale minimum; fail loudly if that changes.
        raise ValueError("wellbeing could not be scored")
    return WellbeingResult(
        instrument_id=instrument.id,
        coverage=coverage(instrument, answered),
        score=detail.score,
        band=wellbeing_band(detail.score),
        detail=detail,
        care=_care(detail.score, detail.items),
    )
