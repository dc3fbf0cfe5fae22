"""Interests: RIASEC scores, the three-letter code, the O*NET OI mapping and profile fit."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.assess.instruments import Responses
from unstuck.core.assess.interests import (
    INTERESTS,
    ONET_ELEMENT_IDS,
    code_of,
    interest_fit,
    score_interests,
    score_to_oi,
    to_oi,
)


def by_type(levels: dict[str, int], default: int = 1) -> dict[str, int | None]:
    return {i.id: levels.get(i.subscale, default) for i in INTERESTS.items}


def test_items_are_interleaved_not_blocked() -> None:
    first_six = [i.subscale for i in INTERESTS.items[:6]]
    assert first_six == list("RIASEC")


def test_code_is_the_three_highest_types() -> None:
    r = score_interests(Responses(INTERESTS.id, by_type({"S": 5, "A": 4, "E": 3, "I": 2})))
    assert r.code == "SAE"
    scores = {t.letter: t.score for t in r.types}
    assert scores == {"R": 0.0, "I": 25.0, "A": 75.0, "S": 100.0, "E": 50.0, "C": 0.0}
    assert r.to_dict()["code_names"] == ["Social", "Artistic", "Enterprising"]
    assert not r.flat and r.ties == (("R", "C"),)


def test_ties_break_in_riasec_order_and_are_reported() -> None:
    r = score_interests(Responses(INTERESTS.id, by_type({"C": 4, "I": 4, "A": 4})))
    assert r.code == "IAC"
    assert ("I", "A", "C") in r.ties


def test_flat_profile_is_flagged() -> None:
    r = score_interests(Responses(INTERESTS.id, by_type({}, default=3)))
    assert r.flat
    assert all(t.score == 50.0 for t in r.types)


def test_oi_mapping_endpoints_and_midpoint() -> None:
    assert to_oi(1) == 1.0 and to_oi(5) == 7.0 and to_oi(3) == 4.0
    assert score_to_oi(0) == 1.0 and score_to_oi(100) == 7.0
    r = score_interests(Responses(INTERESTS.id, by_type({"R": 5}, default=1)))
    oi = r.oi_profile()
    assert oi["R"] == 7.0 and oi["C"] == 1.0


def test_one_skipped_type_is_left_out_of_the_code() -> None:
    ans = by_type({"R": 5, "I": 4, "A": 3, "S": 2, "E": 2, "C": 2})
    for item in INTERESTS.items_of("R")[:4]:
        ans[item.id] = None
    r = score_interests(Responses(INTERESTS.id, ans))
    assert r.by_letter()["R"].score is None
    assert r.code == "IAS"
    assert "R" not in r.oi_profile()
    assert r.coverage.answered == len(INTERESTS.items) - 4


def test_interest_fit_compares_shapes_on_the_oi_scale() -> None:
    person = {"R": 2.0, "I": 6.5, "A": 5.0, "S": 3.0, "E": 2.5, "C": 1.5}
    same_shape = {ONET_ELEMENT_IDS[k]: v / 2 + 1 for k, v in person.items()}
    assert interest_fit(person, same_shape) == pytest.approx(1.0)
    opposite = {k: 8 - v for k, v in person.items()}
    assert interest_fit(person, opposite) == pytest.approx(-1.0)
    assert interest_fit(person, {"Realistic": 3.0, "Investigative": 3.0}) is None
    assert interest_fit(person, dict.fromkeys("RIASEC", 4.0)) is None
    named = {"Realistic": 1.0, "Investigative": 7.0, "Artistic": 5.0, "Social": 2.0,
             "Enterprising": 2.0, "Conventional": 1.0}
    assert interest_fit(person, named) > 0.9


def test_code_of_an_occupation_profile() -> None:
    occ = {"1.B.1.a": 2.1, "1.B.1.b": 6.8, "1.B.1.c": 1.5, "1.B.1.d": 3.3, "1.B.1.e": 2.0,
           "1.B.1.f": 5.9}
    assert code_of(occ) == "ICS"


@settings(deadline=None)  # timings vary on a busy machine; no deadline
@given(st.dictionaries(st.sampled_from("RIASEC"), st.floats(1, 7), min_size=3),
       st.dictionaries(st.sampled_from("RIASEC"), st.floats(1, 7), min_size=3))
def test_interest_fit_is_symmetric_and_bounded(a: dict[str, float], b: dict[str, float]) -> None:
    fit = interest_fit(a, b)
    assert fit == interest_fit(b, a)
    assert fit is None or -1.0 <= fit <= 1.0


def _respondent(rng: random.Random, sigma: float) -> tuple[set[str], dict[str, int | None]]:
    """Someone whose two strongest types have latent liking 4–5 and the other four 1–3; each
    answer is that latent level plus Gaussian noise, rounded and clipped to 1–5."""
    letters = list("RIASEC")
    rng.shuffle(letters)
    latent = {t: rng.uniform(4.0, 5.0) for t in letters[:2]}
    latent |= {t: rng.uniform(1.0, 3.0) for t in letters[2:]}
    ans: dict[str, int | None] = {
        i.id: max(1, min(5, round(latent[i.subscale] + rng.gauss(0.0, sigma))))
        for i in INTERESTS.items
    }
    return set(letters[:2]), ans


@pytest.mark.parametrize("sigma", [0.8, 1.0])
def test_simulation_recovers_the_top_two_types(sigma: float) -> None:
    rng = random.Random(1122)
    runs = 400
    hits = 0
    for _ in range(runs):
        truth, ans = _respondent(rng, sigma)
        hits += set(score_interests(Responses(INTERESTS.id, ans)).code[:2]) == truth
    rate = hits / runs
    print(f"RIASEC top-two recovery (noise sd {sigma}): {rate:.1%}")
    assert rate >= 0.9


def test_fit_words_thresholds() -> None:
    from unstuck.core.assess.interests import fit_words

    assert fit_words(None) == "cannot be compared"
    assert fit_words(0.6) == "a close match" and fit_words(0.59) == "a partial match"
    assert fit_words(0.2) == "a partial match" and fit_words(0.19) == "a poor match"
    assert fit_words(-1.0) == "a poor match"
