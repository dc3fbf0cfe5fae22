"""Instrument data and the shared scoring primitives (keying, coverage, refusal)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.assess import (
    INSTRUMENTS,
    SHORT_NAMES,
    UnknownInstrument,
    UnknownInstrumentVersion,
    get_instrument,
    score,
    short_name,
)
from unstuck.core.assess.instruments import (
    SUBSCALE_MIN_COVERAGE,
    Instrument,
    InsufficientAnswersError,
    Item,
    Responses,
    ResponseScale,
    Subscale,
    key,
    score_subscale,
)
from unstuck.core.assess.rut import RUT_CHECK

ALL = list(INSTRUMENTS.values())


@pytest.mark.parametrize("inst", ALL, ids=lambda i: i.id)
def test_instrument_ids_are_versioned_and_items_unique(inst: Instrument) -> None:
    family, version = inst.id.split("/")
    assert inst.family == family and inst.version == int(version) >= 1
    ids = [i.id for i in inst.items]
    assert len(ids) == len(set(ids))
    assert all(i.text.strip() and i.text[0].isupper() for i in inst.items)
    # Every subscale has items, so no subscale is unscorable by construction.
    assert all(inst.items_of(s.id) for s in inst.subscales)


def test_instrument_sizes_follow_the_brief() -> None:
    rut = get_instrument("rut")
    assert 25 <= len(rut.items) <= 35
    interests = get_instrument("interests")
    assert len(interests.items) >= 30
    per_type = {s.id: len(interests.items_of(s.id)) for s in interests.subscales}
    assert set(per_type) == set("RIASEC") and len(set(per_type.values())) == 1
    values = get_instrument("values")
    assert [s.id for s in values.subscales] == list(values.ranking_of)
    assert len(values.subscales) == 6
    assert len(get_instrument("wellbeing").items) == 5


def test_every_root_cause_has_a_reverse_keyed_item() -> None:
    for sub in RUT_CHECK.subscales:
        if sub.group == "causes":
            keyed = [i.reverse for i in RUT_CHECK.items_of(sub.id)]
            assert any(keyed) and not all(keyed), sub.id


def test_lookup_by_id_family_and_short_name() -> None:
    for short, iid in SHORT_NAMES.items():
        inst = get_instrument(short)
        assert inst.id == iid
        assert get_instrument(inst.family) is inst
        assert get_instrument(iid) is inst
        assert short_name(iid) == short
    with pytest.raises(UnknownInstrument, match="unknown instrument"):
        get_instrument("personality")
    with pytest.raises(UnknownInstrumentVersion, match="rut-check/0 is not known"):
        score(Responses("rut-check/0", {}))


def test_instrument_rejects_items_naming_unknown_subscales() -> None:
    scale = ResponseScale(1, 3, ("a", "b", "c"))
    with pytest.raises(ValueError, match="unknown subscale"):
        Instrument("x/1", "X", "", "", scale, (Subscale("s", "S"),), (Item("i", "I", "t"),))
    with pytest.raises(ValueError, match="duplicate"):
        Instrument(
            "x/1", "X", "", "", scale, (Subscale("s", "S"),),
            (Item("i", "I", "s"), Item("i", "J", "s")),
        )
    with pytest.raises(ValueError, match="one label per point"):
        ResponseScale(1, 5, ("a", "b"))


def test_reverse_keying_flips_the_scale() -> None:
    rev = next(i for i in RUT_CHECK.items if i.reverse)
    fwd = next(i for i in RUT_CHECK.items if not i.reverse)
    assert [key(RUT_CHECK, rev, v) for v in (1, 2, 3, 4, 5)] == [5, 4, 3, 2, 1]
    assert [key(RUT_CHECK, fwd, v) for v in (1, 2, 3, 4, 5)] == [1, 2, 3, 4, 5]


def test_subscale_is_scored_on_answered_items_only() -> None:
    sub = RUT_CHECK.subscale("cause.pay")
    items = RUT_CHECK.items_of("cause.pay")
    fwd = [i for i in items if not i.reverse]
    answered = {fwd[0].id: 5, fwd[1].id: 3}
    s = score_subscale(RUT_CHECK, sub, answered)
    # Mean keyed (5 + 3) / 2 = 4 on 1–5 is 75 on 0–100; the skipped item does not count as 0.
    assert s.score == pytest.approx(75.0)
    assert (s.answered, s.total) == (2, 3)
    assert s.coverage == pytest.approx(2 / 3)
    assert s.skipped == tuple(i.id for i in items if i.id not in answered)
    assert {r.item_id for r in s.items} == set(answered)


def test_subscale_below_its_minimum_is_not_scored() -> None:
    sub = RUT_CHECK.subscale("toll")
    items = RUT_CHECK.items_of("toll")
    need = math.ceil(SUBSCALE_MIN_COVERAGE * len(items))
    few = {i.id: 5 for i in items[: need - 1]}
    s = score_subscale(RUT_CHECK, sub, few)
    assert s.score is None and not s.scored
    assert "not scored" in s.to_dict()["how"]
    enough = {i.id: 5 for i in items[:need]}
    assert score_subscale(RUT_CHECK, sub, enough).score == 100.0


@pytest.mark.parametrize("inst", ALL, ids=lambda i: i.id)
def test_instrument_refuses_below_minimum_coverage(inst: Instrument) -> None:
    need = inst.min_answers()
    mid = (inst.scale.minimum + inst.scale.maximum) // 2
    short = {i.id: mid for i in inst.items[: need - 1]}
    with pytest.raises(InsufficientAnswersError) as err:
        score(Responses(inst.id, short))
    assert err.value.required == need and err.value.answered == need - 1
    assert "Please answer 1 more" in str(err.value)
    # One more answer is enough, and the coverage reported is exactly what was answered.
    enough = {i.id: mid for i in inst.items[:need]}
    enough.update({i.id: None for i in inst.items[need:]})
    result = score(Responses(inst.id, enough))
    assert result.coverage.answered == need and result.coverage.total == len(inst.items)


@pytest.mark.parametrize("inst", ALL, ids=lambda i: i.id)
def test_scoring_refuses_bad_values_even_without_validation(inst: Instrument) -> None:
    full = {i.id: inst.scale.minimum for i in inst.items}
    with pytest.raises(ValueError, match="outside"):
        score(Responses(inst.id, {**full, inst.items[0].id: inst.scale.maximum + 1}))
    with pytest.raises(ValueError, match="unknown item"):
        score(Responses(inst.id, {**full, "nope": 1}))


@pytest.mark.parametrize("inst", ALL, ids=lambda i: i.id)
@settings(deadline=None)  # timings vary on a busy machine; no deadline
@given(data=st.data())
def test_any_valid_answers_give_scores_within_bounds(inst: Instrument, data: st.DataObject) -> None:
    values = st.one_of(st.none(), st.integers(inst.scale.minimum, inst.scale.maximum))
    answers = {i.id: data.draw(values, label=i.id) for i in inst.items}
    ranking = ()
    if inst.ranking_of and data.draw(st.booleans(), label="ranked"):
        ranking = tuple(data.draw(st.permutations(inst.ranking_of), label="ranking"))
    responses = Responses(inst.id, answers, ranking)
    answered = len(responses.answered())
    if answered < inst.min_answers(responses.answered()):  # of the items asked
        with pytest.raises(InsufficientAnswersError):
            score(responses)
        return
    result = score(responses)
    assert result.coverage.answered == answered
    for named in result.summary():
        assert named.value is None or 0.0 <= named.value <= 100.0
    # Traceability: every answered item appears in the JSON exactly as given.
    text = repr(result.to_dict())
    for item_id in responses.answered():
        assert f"'item': '{item_id}'" in text
