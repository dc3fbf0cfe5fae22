"""The strategy mix adjusted for constraints: runway, risk tolerance, retraining."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.assess.instruments import Responses
from unstuck.core.assess.rut import RUT_CHECK, score_rut_check
from unstuck.core.assess.strategy import SAFE_RUNWAY_MONTHS, adjust_for_constraints
from unstuck.core.profile import Constraints


def mix(levels: dict[str, int]):
    ans = {}
    for item in RUT_CHECK.items:
        k = levels.get(item.subscale, 3)
        ans[item.id] = 6 - k if item.reverse else k
    return score_rut_check(Responses(RUT_CHECK.id, ans)).strategies


LEAVING = {"cause.values": 5, "cause.pay": 5, "cause.environment": 4}


def shares(strategies) -> dict[str, int]:
    return {s.id: s.share for s in strategies}


def test_no_constraints_no_change() -> None:
    base = mix(LEAVING)
    assert adjust_for_constraints(base, None) == base
    assert adjust_for_constraints(base, Constraints()) == base


def test_short_runway_raises_plan_an_exit() -> None:
    base = mix(LEAVING)
    adjusted = adjust_for_constraints(base, Constraints(savings=4000, monthly_expenses=2000))
    assert shares(adjusted)["exit_plan"] > shares(base)["exit_plan"]
    assert sum(shares(adjusted).values()) == 100
    exit_plan = next(s for s in adjusted if s.id == "exit_plan")
    assert any("2.0 months" in r.text for r in exit_plan.reasons)
    long_runway = Constraints(savings=int(SAFE_RUNWAY_MONTHS * 2000), monthly_expenses=2000)
    assert adjust_for_constraints(base, long_runway) == base


def test_low_risk_favours_staying_and_no_retraining_lowers_change_field() -> None:
    base = mix(LEAVING)
    low = adjust_for_constraints(base, Constraints(risk_tolerance="low"))
    assert shares(low)["reshape"] > shares(base)["reshape"]
    assert shares(low)["internal"] > shares(base)["internal"]
    none = adjust_for_constraints(base, Constraints(retraining_months=0))
    assert shares(none)["change_field"] < shares(base)["change_field"]
    change = next(s for s in none if s.id == "change_field")
    assert change.reasons[-1].weight < 0 and "no retraining" in change.reasons[-1].text
    assert change.weight == pytest.approx(sum(r.weight for r in change.reasons))


@settings(deadline=None)  # timings vary on a busy machine; no deadline
@given(
    st.dictionaries(
        st.sampled_from(["cause.values", "cause.pay", "cause.challenge", "toll", "signs"]),
        st.integers(1, 5),
    ),
    st.one_of(st.none(), st.integers(0, 50_000)),
    st.one_of(st.none(), st.integers(1, 10_000)),
    st.sampled_from(["low", "medium", "high"]),
    st.one_of(st.none(), st.integers(0, 24)),
)
def test_adjusted_mix_is_always_a_valid_mix(levels, savings, expenses, risk, months) -> None:
    c = Constraints(savings=savings, monthly_expenses=expenses, risk_tolerance=risk,
                    retraining_months=months)
    adjusted = adjust_for_constraints(mix(levels), c)
    assert sum(s.share for s in adjusted) == 100
    assert all(s.weight >= 0 and 0 <= s.share <= 100 for s in adjusted)
    assert [s.weight for s in adjusted] == sorted((s.weight for s in adjusted), reverse=True)


# -- the whole mix: wellbeing, care, a harmful workplace, a shrinking field, independence ----
from unstuck.core.assess.strategy import LOW_WELLBEING, mix_for, strategy_mix  # noqa: E402
from unstuck.core.assess.values import WORK_VALUES_INSTRUMENT as VALUES  # noqa: E402
from unstuck.core.assess.values import score_values  # noqa: E402
from unstuck.core.assess.wellbeing import WELLBEING, score_wellbeing  # noqa: E402


def rut(levels: dict[str, int]):
    ans = {}
    for item in RUT_CHECK.items:
        k = levels.get(item.subscale, 3)
        ans[item.id] = 6 - k if item.reverse else k
    return score_rut_check(Responses(RUT_CHECK.id, ans))


def week(level: int):
    ans = {i.id: (6 - level if i.reverse else level) for i in WELLBEING.items}
    return score_wellbeing(Responses(WELLBEING.id, ans))


def values_first(vid: str):
    ans = {i.id: (5 if i.subscale == vid else 2) for i in VALUES.items}
    return score_values(Responses(VALUES.id, ans))


def first(mix) -> str:
    return mix[0].id


@pytest.mark.parametrize(
    "situation, kw, expected",
    [
        # a long-haul schedule: balance is fixed by the same work on other terms
        ({"cause.balance": 5}, {}, "elsewhere"),
        # a harmful manager with a heavy toll: leave the workplace, not "recover" in it
        ({"cause.environment": 5, "toll": 4}, {"wellbeing": 45}, "elsewhere"),
        # a very hard week and a heavy toll: rest and support come first
        ({"cause.environment": 5, "toll": 5}, {"wellbeing": 10}, "recover"),
        # a mild rut: adjust the job itself
        ({}, {}, "reshape"),
        # a shrinking field with no growth: change field
        ({"cause.advancement": 5, "cause.pay": 4}, {"outlook_growth": -8.0}, "change_field"),
        # the same without the decline: move up where you are
        ({"cause.advancement": 5, "cause.pay": 4}, {"outlook_growth": 5.0}, "internal"),
    ],
)
def test_the_mix_follows_the_situation(situation, kw, expected) -> None:
    r = rut(situation)
    wb = kw.pop("wellbeing", None)
    mix = mix_for(r, Constraints(), wellbeing=None if wb is None else week(1 + round(wb / 25)),
                  **kw)
    assert first(mix) == expected, [(s.id, round(s.weight, 2)) for s in mix]
    assert sum(s.share for s in mix) == 100
    assert all(s.reasons for s in mix if s.weight > 0)  # every strategy has its own reasons


def test_work_for_yourself_comes_from_independence_and_never_with_low_risk() -> None:
    r = rut({"cause.advancement": 4, "cause.pay": 4})
    free = mix_for(r, Constraints(risk_tolerance="high", savings=60000, monthly_expenses=3000),
                   values=values_first("independence"))
    safe = mix_for(r, Constraints(risk_tolerance="low", savings=60000, monthly_expenses=3000),
                   values=values_first("independence"))
    w = {s.id: s for s in free}
    assert w["self"].weight > 0 and any("Independence" in x.text for x in w["self"].reasons)
    assert {s.id: s.weight for s in safe}["self"] < w["self"].weight


@settings(max_examples=60, deadline=None)
@given(toll=st.integers(1, 5), hard=st.integers(1, 5), harder=st.integers(0, 4))
def test_a_harder_week_never_lowers_recover_first(toll: int, hard: int, harder: int) -> None:
    r = rut({"toll": toll, "cause.balance": 4})
    better = {s.id: s.weight for s in mix_for(r, None, wellbeing=week(min(5, hard + harder)))}
    worse = {s.id: s.weight for s in mix_for(r, None, wellbeing=week(hard))}
    assert worse["recover"] >= better["recover"] - 1e-9
    assert week(1).score <= LOW_WELLBEING


@settings(max_examples=60, deadline=None)
@given(levels=st.dictionaries(st.sampled_from(["cause.advancement", "cause.values",
                                               "cause.pay", "cause.balance"]),
                              st.integers(1, 5)))
def test_low_risk_tolerance_never_raises_work_for_yourself(levels) -> None:
    r = rut(levels)
    for vid in ("independence", "achievement"):
        vals = values_first(vid)
        mid = {s.id: s.weight for s in mix_for(r, Constraints(risk_tolerance="medium"),
                                                 values=vals)}
        low = {s.id: s.weight for s in mix_for(r, Constraints(risk_tolerance="low"),
                                                 values=vals)}
        assert low["self"] <= mid["self"] + 1e-9


def test_nothing_to_consider_leaves_the_mix_alone() -> None:
    r = rut({"cause.values": 4})
    assert strategy_mix(r.strategies) == r.strategies
