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


def test_incomplete_ranking_is_refused() -> None:
    with pytest.raises(ValueError, match="exactly once"):
        score_values(Responses(WORK_VALUES_INSTRUMENT.id, rated({}), ("achievement",)))


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
