"""Validating parsed answers files: every problem reported, each naming its item."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.assess import INSTRUMENTS, get_instrument
from unstuck.core.assess.validation import AnswersError, parse_answers, validate_answers

RUT = get_instrument("rut")
VALUES = get_instrument("values")


def full(inst=RUT, value: int = 3) -> dict[str, Any]:
    return {"instrument": inst.id, "answers": {i.id: value for i in inst.items}}


def where(problems) -> list[str]:
    return [p.where for p in problems]


def test_valid_file_has_no_problems_and_parses() -> None:
    data = full()
    data["answers"][RUT.items[0].id] = None
    assert validate_answers(RUT, data, INSTRUMENTS) == []
    responses = parse_answers(RUT, data)
    assert responses.instrument_id == RUT.id
    assert len(responses.answered()) == len(RUT.items) - 1


def test_every_problem_is_reported_with_its_item() -> None:
    data = full()
    a, b, c = RUT.items[0].id, RUT.items[1].id, RUT.items[2].id
    data["answers"][a] = 6
    data["answers"][b] = "agree"
    data["answers"][c] = 2.5
    data["answers"]["rut.signs.motivaton.1"] = 3
    data["answers"]["rut.bogus"] = 1
    problems = validate_answers(RUT, data, INSTRUMENTS)
    assert set(where(problems)) == {a, b, c, "rut.signs.motivaton.1", "rut.bogus"}
    msg = {p.where: p.message for p in problems}
    assert "out of range" in msg[a] and "1 to 5" in msg[a]
    assert "not a whole number" in msg[b] and "not a whole number" in msg[c]
    assert "did you mean rut.signs.motivation.1" in msg["rut.signs.motivaton.1"]
    assert "unknown item" in msg["rut.bogus"]


def test_booleans_are_not_answers() -> None:
    data = full()
    data["answers"][RUT.items[0].id] = True
    assert where(validate_answers(RUT, data)) == [RUT.items[0].id]


def test_wrong_version_and_wrong_instrument() -> None:
    data = full()
    data["instrument"] = "rut-check/2"
    [p] = validate_answers(RUT, data, INSTRUMENTS)
    assert p.where == "instrument" and "wrong instrument version" in p.message
    assert "rut-check/2" in p.message and "rut-check/1" in p.message
    data["instrument"] = "interests/1"
    [p] = validate_answers(RUT, data, INSTRUMENTS)
    assert "for Interests" in p.message
    data["instrument"] = "mbti/1"
    [p] = validate_answers(RUT, data, INSTRUMENTS)
    assert "unknown instrument" in p.message


def test_wrong_instrument_items_all_listed() -> None:
    data = full(get_instrument("interests"))
    problems = validate_answers(RUT, data, INSTRUMENTS)
    assert problems[0].where == "instrument"
    assert len([p for p in problems if "unknown item" in p.message]) == len(
        get_instrument("interests").items
    )


@pytest.mark.parametrize(
    "data, expected",
    [
        ([1, 2, 3], ["file"]),
        ("rut", ["file"]),
        (None, ["file"]),
        ({}, ["instrument", "answers"]),
        ({"instrument": 1, "answers": []}, ["instrument", "answers"]),
        ({"instrument": "rut-check/1", "answers": {}, "extra": 1}, ["extra", "answers"]),
    ],
)
def test_structural_problems(data: Any, expected: list[str]) -> None:
    assert where(validate_answers(RUT, data)) == expected


def test_too_few_answers_is_a_problem() -> None:
    data = {"instrument": RUT.id, "answers": {i.id: 3 for i in RUT.items[:5]}}
    [p] = validate_answers(RUT, data)
    assert p.where == "answers" and "only 5 of 35" in p.message


def test_ranking_checks() -> None:
    data = full(VALUES)
    data["ranking"] = ["achievement", "achievement", "fame"]
    problems = validate_answers(VALUES, data)
    text = " | ".join(str(p) for p in problems)
    assert "more than once" in text and "unknown entry 'fame'" in text
    data["ranking"] = ["achievement", "support"]  # a partial ranking is fine
    assert validate_answers(VALUES, data) == []
    data["ranking"] = list(reversed(VALUES.ranking_of))
    assert validate_answers(VALUES, data) == []
    assert parse_answers(VALUES, data).ranking == tuple(reversed(VALUES.ranking_of))
    rut = full()
    rut["ranking"] = ["x"]
    assert [p.message for p in validate_answers(RUT, rut)] == ["Rut check has no ranking"]


def test_parse_raises_with_all_problems() -> None:
    data = full()
    data["answers"][RUT.items[0].id] = 9
    data["instrument"] = "rut-check/0"
    with pytest.raises(AnswersError) as err:
        parse_answers(RUT, data)
    assert len(err.value.problems) == 2
    assert "2 problem(s)" in str(err.value) and RUT.items[0].id in str(err.value)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(deadline=None)  # timings vary on a busy machine; no deadline
@given(st.dictionaries(st.sampled_from([i.id for i in RUT.items]) | st.text(max_size=10),
                       json_values, max_size=40))
def test_validation_never_crashes_and_parse_agrees(answers: dict[str, Any]) -> None:
    data = {"instrument": RUT.id, "answers": answers}
    problems = validate_answers(RUT, data)
    if problems:
        with pytest.raises(AnswersError):
            parse_answers(RUT, data)
    else:
        assert len(parse_answers(RUT, data).answered()) >= RUT.min_answers()
