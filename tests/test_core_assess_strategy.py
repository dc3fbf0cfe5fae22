"""The strategy mix adjusted for constraints: runway, risk tolerance, retraining."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.assess.instruments import Responses
from unstuck.core.assess.rut import RUT_CHECK, score_rut_check
from unstuck.core.assess.strategy import SAFE_RUNWAY_MONTHS, adjust_for_constraints
from unstuck.core.profile import Constraints


def mix(levels: dict[str, int]):  # noqa: ANN201
    ans = {}
    for item in RUT_CHECK.items:
        k = levels.get(item.subscale, 3)
        ans[item.id] = 6 - k if item.reverse else k
    return score_rut_check(Responses(RUT_CHECK.id, ans)).strategies


LEAVING = {"cause.values": 5, "cause.pay": 5, "cause.environment": 4}


def shares(strategies) -> dict[str, int]:  # noqa: ANN001
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
def test_adjusted_mix_is_always_a_valid_mix(levels, savings, expenses, risk, months) -> None:  # noqa: ANN001
    c = Constraints(savings=savings, monthly_expenses=expenses, risk_tolerance=risk,
                    retraining_months=months)  # fmt: skip
    adjusted = adjust_for_constraints(mix(levels), c)
    assert sum(s.share for s in adjusted) == 100
    assert all(s.weight >= 0 and 0 <= s.share <= 100 for s in adjusted)
    assert [s.weight for s in adjusted] == sorted((s.weight for s in adjusted), reverse=True)
