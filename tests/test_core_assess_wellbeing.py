"""The wellbeing check-in: score, bands, reverse-keyed stress, care notes."""

from __future__ import annotations

import pytest

from unstuck.core.assess.instruments import InsufficientAnswersError, Responses
from unstuck.core.assess.wellbeing import (
    WELLBEING,
    WELLBEING_BANDS,
    score_wellbeing,
    wellbeing_band,
)


def wb(**answers: int | None):
    return score_wellbeing(Responses(WELLBEING.id, {f"wb.{k}": v for k, v in answers.items()}))


def test_best_week_scores_100_with_stress_reversed() -> None:
    r = wb(energy=5, stress=1, sleep=5, mood=5, satisfaction=5)
    assert r.score == 100.0 and r.band.name == "Doing well"
    assert not r.care.shown
    stress = next(i for i in r.detail.items if i.item_id == "wb.stress")
    assert stress.label == "Not at all" and stress.keyed == 5


def test_hard_week_shows_care_with_reasons() -> None:
    r = wb(energy=1, stress=5, sleep=2, mood=1, satisfaction=2)
    assert r.score == pytest.approx(100 * (0 + 0 + 1 + 0 + 1) / 20)
    assert r.band.name == "Struggling"
    assert r.care.shown
    assert any("mood" in reason for reason in r.care.reasons)
    assert "findahelpline.com" in " ".join(r.care.resources)


def test_low_mood_alone_raises_care() -> None:
    r = wb(energy=4, stress=2, sleep=4, mood=1, satisfaction=4)
    assert r.band.name in ("Okay", "Mixed") and r.care.shown


def test_one_skip_allowed_two_refused() -> None:
    r = wb(energy=4, stress=None, sleep=4, mood=4, satisfaction=4)
    assert r.score == 75.0 and r.coverage.answered == 4
    assert "wb.stress" not in r.item_scores()
    with pytest.raises(InsufficientAnswersError):
        wb(energy=4, sleep=4, mood=4)


@pytest.mark.parametrize("band", WELLBEING_BANDS, ids=lambda b: b.name)
def test_band_boundaries(band) -> None:
    assert wellbeing_band(band.lower) == band
    i = WELLBEING_BANDS.index(band)
    if i:
        assert wellbeing_band(band.lower - 0.01) == WELLBEING_BANDS[i - 1]
