"""Work values: rating and ranking combined, mapped onto O*NET's extent scale."""

from __future__ import annotations

import pytest

from unstuck.core.assess.instruments import Responses
from unstuck.core.assess.values import (
    RANK_WEIGHT,
    RATING_WEIGHT,
    WORK_VALUES,
    WORK_VALUES_INSTRUMENT,
    score_values,
)

IDS = [v[0] for v in WORK_VALUES]


def rated(levels: dict[str, int], default: int = 3) -> dict[str, int | None]:
    return {i.id: levels.get(i.subscale, default) for i in WORK_VALUES_INSTRUMENT.items}


def test_rating_only_maps_onto_the_extent_scale() -> None:
    r = score_values(Responses(WORK_VALUES_INSTRUMENT.id, rated({"independence": 5,
                                                                  "support": 1})))
    v = {x.id: x for x in r.values}
    assert not r.ranked
    assert v["independence"].ex == 7.0 and v["support"].ex == 1.0
    assert v["achievement"].ex == pytest.approx(4.0) and v["achievement"].score == 50.0
    assert r.top(1)[0].id == "independence"
    assert r.ex_profile()["1.B.2.f"] == 7.0
    assert v["achievement"].to_dict()["how"] == "rating only (no ranking given)"


def test_ranking_separates_values_rated_alike() -> None:
    order = ("relationships", "achievement", "independence", "support", "recognition",
             "working_conditions")
    r = score_values(Responses(WORK_VALUES_INSTRUMENT.id, rated({}, default=4), order))
    v = {x.id: x for x in r.values}
    assert r.ranked
    assert [x.id for x in r.top(3)] == list(order[:3])
    top, bottom = v[order[0]], v[order[-1]]
    assert top.rank == 1 and top.rank_score == 1.0 and bottom.rank_score == 0.0
    assert top.combined == pytest.approx(RATING_WEIGHT * 0.75 + RANK_WEIGHT * 1.0)
    assert bottom.combined == pytest.approx(RATING_WEIGHT * 0.75)
    assert top.ex == pytest.approx(1 + 6 * top.combined)
    assert r.highlights() == {"Top values": "Relationships, Achievement, Independence"}


def test_a_repeated_or_unknown_ranking_is_refused() -> None:
    for ranking in (("achievement", "achievement"), ("fame",)):
        with pytest.raises(ValueError, match="at most once"):
            score_values(Responses(WORK_VALUES_INSTRUMENT.id, rated({}), ranking))


def test_a_partial_ranking_shares_the_places_after_it() -> None:
    r = score_values(Responses(WORK_VALUES_INSTRUMENT.id, rated({}), ("support", "achievement")))
    v = {x.id: x for x in r.values}
    assert r.ranked and v["support"].rank == 1 and v["achievement"].rank == 2
    assert v["support"].rank_score == 1.0 and v["achievement"].rank_score == pytest.approx(0.8)
    others = [x for x in r.values if x.id not in ("support", "achievement")]
    assert all(x.rank is None for x in others)
    assert all(x.rank_score == pytest.approx((0.6 + 0.4 + 0.2 + 0.0) / 4) for x in others)


def test_skipped_value_has_no_score_but_keeps_its_rank() -> None:
    ans = rated({"recognition": 5})
    for item in WORK_VALUES_INSTRUMENT.items_of("achievement")[:2]:
        ans[item.id] = None
    r = score_values(Responses(WORK_VALUES_INSTRUMENT.id, ans, tuple(IDS)))
    v = {x.id: x for x in r.values}
    assert v["achievement"].ex is None and v["achievement"].rank == 1
    assert "1.B.2.a" not in r.ex_profile()
    assert v["achievement"].to_dict()["skipped"] == [
        i.id for i in WORK_VALUES_INSTRUMENT.items_of("achievement")[:2]
    ]
