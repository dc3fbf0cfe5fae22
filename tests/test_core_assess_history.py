"""Change since last time: snapshots, thresholds, directions, version notes."""

from __future__ import annotations

import json

import pytest

from unstuck.core.assess import get_instrument, score
from unstuck.core.assess.history import MEANINGFUL_CHANGE, Snapshot, compare, latest_pair
from unstuck.core.assess.instruments import Responses

RUT = get_instrument("rut")
WB = get_instrument("wellbeing")


def rut_snapshot(signs: int, toll: int, pay: int) -> Snapshot:
    levels = {"signs": signs, "toll": toll, "cause.pay": pay}
    ans = {}
    for i in RUT.items:
        k = levels.get(i.subscale, 3)
        ans[i.id] = 6 - k if i.reverse else k
    return Snapshot.of(score(Responses(RUT.id, ans)))


def test_improvement_is_better_and_worsening_worse() -> None:
    before = rut_snapshot(signs=5, toll=5, pay=5)
    after = rut_snapshot(signs=2, toll=2, pay=5)
    c = compare(before, after)
    by = {ch.key: ch for ch in c.changes}
    assert by["severity"].direction == "better" and by["severity"].delta < 0
    assert by["toll"].before == 100.0 and by["toll"].after == 25.0
    assert by["cause.pay"].direction == "same"
    assert {h.label for h in c.highlights} >= {"Severity band"}
    back = compare(after, before)
    assert {ch.key: ch.direction for ch in back.changes}["severity"] == "worse"
    assert c.notes == ()


def test_small_wobbles_are_the_same() -> None:
    ans = {i.id: 3 for i in RUT.items}
    before = Snapshot.of(score(Responses(RUT.id, ans)))
    signs = RUT.items_of("signs")[0]
    after = Snapshot.of(score(Responses(RUT.id, ans | {signs.id: 4})))
    c = compare(before, after)
    severity = next(ch for ch in c.changes if ch.key == "severity")
    assert 0 < severity.delta < MEANINGFUL_CHANGE and severity.direction == "same"
    assert c.moved == ()


def test_one_wellbeing_step_is_a_real_change() -> None:
    ans = {f"wb.{k}": 4 for k in ("energy", "sleep", "mood", "satisfaction")} | {"wb.stress": 2}
    before = Snapshot.of(score(Responses(WB.id, ans)))
    after = Snapshot.of(score(Responses(WB.id, ans | {"wb.sleep": 5})))
    c = compare(before, after)
    by = {ch.key: ch for ch in c.changes}
    assert by["wellbeing"].delta == MEANINGFUL_CHANGE and by["wellbeing"].direction == "better"
    assert by["wb.sleep"].delta == 25.0 and by["wb.mood"].direction == "same"
    assert {ch.key for ch in c.moved} == {"wellbeing", "wb.sleep"}


def test_snapshot_round_trips_through_json() -> None:
    snap = rut_snapshot(4, 2, 5)
    again = Snapshot.from_dict(json.loads(json.dumps(snap.to_dict())))
    assert [s.key for s in again.scores] == [s.key for s in snap.scores]
    assert compare(snap, again).moved == ()


def test_different_versions_compare_with_a_note_and_families_refuse() -> None:
    a = rut_snapshot(3, 3, 3)
    b = Snapshot("rut-check/2", a.scores, a.highlights)
    assert "compare with care" in compare(a, b).notes[0]
    w = Snapshot("wellbeing/1", (), {})
    with pytest.raises(ValueError, match="different instruments"):
        compare(a, w)


def test_unscored_then_scored_is_new() -> None:
    before = rut_snapshot(3, 3, 3)
    ans = {i.id: 3 for i in RUT.items}
    for i in RUT.items_of("growth"):
        ans[i.id] = None
    mid = Snapshot.of(score(Responses(RUT.id, ans)))
    c = compare(mid, before)
    assert {ch.key: ch.direction for ch in c.changes}["growth"] == "new"
    assert {ch.key: ch.direction for ch in compare(before, mid).changes}["growth"] == "gone"
    assert latest_pair([before]) is None
    assert latest_pair([before, mid, before]) == (mid, before)
