"""Exit plan: runway arithmetic (zero savings, zero expenses, missing inputs, severance, notice,
benefits), readiness conditions and the timeline."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unstuck.core.plan.exit import (
    DAYS_PER_MONTH,
    RUNWAY_TARGET,
    ExitInputs,
    months_to_save,
    readiness,
    runway,
    timeline,
)
from unstuck.core.profile import Constraints

TODAY = date(2026, 1, 5)


def test_basic_runway() -> None:
    rw = runway(ExitInputs(savings=12_000, monthly_expenses=3_000))
    assert rw.months == pytest.approx(4.0)
    assert rw.buffer == 12_000 and rw.monthly_burn == 3_000
    assert rw.missing == ()
    # Severance, benefits, other income and extra costs were not given: unknown, and said so.
    assert len(rw.unknown) == 4
    assert any("severance" in u and "longer" in u for u in rw.unknown)
    assert any("extra costs" in u and "shorter" in u for u in rw.unknown)
    assert rw.to_dict()["months"] == 4.0


def test_zero_savings_is_zero_months_not_unknown() -> None:
    rw = runway(ExitInputs(savings=0, monthly_expenses=2_500))
    assert rw.months == 0.0
    assert rw.missing == ()
    assert rw.to_dict()["months"] == 0.0


def test_zero_expenses_is_unlimited() -> None:
    rw = runway(ExitInputs(savings=0, monthly_expenses=0))
    assert rw.unlimited and math.isinf(rw.months or 0)
    assert rw.to_dict()["months"] == "unlimited"


@pytest.mark.parametrize(
    ("inputs", "missing"),
    [
        (ExitInputs(), ("savings", "monthly expenses")),
        (ExitInputs(savings=10_000), ("monthly expenses",)),
        (ExitInputs(monthly_expenses=2_000, severance=5_000), ("savings",)),
    ],
)
def test_missing_inputs_are_unknown_never_zero(
    inputs: ExitInputs, missing: tuple[str, ...]
) -> None:
    rw = runway(inputs)
    assert rw.months is None and rw.buffer is None and rw.monthly_burn is None
    assert rw.missing == missing
    assert rw.to_dict()["months"] is None
    assert "Enter" in rw.steps[0]


def test_severance_adds_to_the_buffer_and_notice_does_not() -> None:
    base = runway(ExitInputs(savings=6_000, monthly_expenses=3_000))
    with_sev = runway(ExitInputs(savings=6_000, monthly_expenses=3_000, severance=9_000))
    with_notice = runway(ExitInputs(savings=6_000, monthly_expenses=3_000, notice_months=2))
    assert base.months == pytest.approx(2.0)
    assert with_sev.months == pytest.approx(5.0)  # (6000 + 9000) / 3000
    assert not any("severance" in u for u in with_sev.unknown)
    # Paid notice covers its own months; the runway counts from the last paid day.
    assert with_notice.months == pytest.approx(2.0)


def test_other_income_and_extra_costs_change_the_burn() -> None:
    rw = runway(ExitInputs(savings=10_000, monthly_expenses=3_000, other_income=1_000,
                           extra_costs=500))  # fmt: skip
    assert rw.monthly_burn == 2_500
    assert rw.months == pytest.approx(4.0)
    covered = runway(ExitInputs(savings=0, monthly_expenses=2_000, other_income=2_500))
    assert covered.unlimited


def test_benefits_for_some_months() -> None:
    # Burn 3000; benefits 1000 for 3 months: 3 x 2000 = 6000 spent, 6000 left lasts 2 more.
    rw = runway(ExitInputs(savings=12_000, monthly_expenses=3_000, monthly_benefits=1_000,
                           benefit_months=3))  # fmt: skip
    assert rw.months == pytest.approx(5.0)
    # The buffer runs out while benefits are still paid: 3000 / 2000.
    short = runway(ExitInputs(savings=3_000, monthly_expenses=3_000, monthly_benefits=1_000,
                              benefit_months=3))  # fmt: skip
    assert short.months == pytest.approx(1.5)
    # Benefits that cover expenses while they last: the buffer grows, then is drawn down.
    rich = runway(ExitInputs(savings=0, monthly_expenses=1_000, monthly_benefits=1_500,
                             benefit_months=2))  # fmt: skip
    assert rich.months == pytest.approx(3.0)  # 2 months + 1000 saved / 1000
    # A benefit amount without its length is left out and said so.
    vague = runway(ExitInputs(savings=3_000, monthly_expenses=3_000, monthly_benefits=1_000))
    assert vague.months == pytest.approx(1.0)
    assert any("benefit months" in u for u in vague.unknown)


def test_negative_inputs_are_rejected() -> None:
    with pytest.raises(ValueError, match="savings"):
        runway(ExitInputs(savings=-1, monthly_expenses=100))


def test_agrees_with_the_profile_runway() -> None:
    c = Constraints(savings=9_000, monthly_expenses=2_000)
    assert runway(ExitInputs.from_constraints(c)).months == pytest.approx(c.runway_months)


@given(
    savings=st.integers(0, 10**7),
    expenses=st.integers(1, 10**5),
    severance=st.integers(0, 10**6),
)
def test_runway_formula(savings: int, expenses: int, severance: int) -> None:
    rw = runway(ExitInputs(savings=savings, monthly_expenses=expenses, severance=severance))
    assert rw.months == pytest.approx((savings + severance) / expenses)
    more = runway(
        ExitInputs(savings=savings + 1000, monthly_expenses=expenses, severance=severance)
    )
    assert (more.months or 0) > (rw.months or 0)


def test_readiness_blocks_resigning_without_offer_or_runway() -> None:
    rw = runway(ExitInputs(savings=6_000, monthly_expenses=3_000))  # 2 months
    r = readiness(rw, has_offer=False, health_cover=True, gaps_closed=0.8, conversations=5,
                  resume_updated=True)  # fmt: skip
    assert not r.ready
    assert r.warning is not None and r.warning.startswith("Do not resign yet")
    assert "A signed written offer" in r.warning
    assert r.verdict.startswith("Not yet: keep your job until you hold a signed written offer")
    by_id = {c.id: c for c in r.conditions}
    assert by_id["offer"].status == "not met"
    assert by_id["runway_target"].status == "not met"
    assert 0 < r.score < 100
    # A signed offer makes the short runway acceptable.
    r2 = readiness(rw, has_offer=True, health_cover=True, gaps_closed=0.8, conversations=5,
                   resume_updated=True)  # fmt: skip
    assert r2.ready and r2.warning is None
    assert r2.score > r.score


def test_readiness_unknowns_are_shown_as_unknown() -> None:
    r = readiness(runway(ExitInputs()))
    assert not r.ready
    assert r.score == 0
    assert {c.status for c in r.conditions} == {"unknown"}
    assert "unknown" in (r.warning or "")


def test_runway_is_a_safety_net_not_an_offer() -> None:
    rw = runway(ExitInputs(savings=200_000, monthly_expenses=4_000))  # 50 months
    # however long the runway, resigning waits for an offer by default
    for strategy in (None, "elsewhere", "change_field", "reshape"):
        r = readiness(rw, risk_tolerance="high", health_cover=True, strategy=strategy)
        assert not r.ready and "signed written offer" in r.verdict, strategy
        assert "safety net" in {c.id: c for c in r.conditions}["offer"].detail


@pytest.mark.parametrize("strategy", ["exit_plan", "recover"])
def test_a_planned_exit_may_lean_on_the_runway_and_says_so(strategy: str) -> None:
    rw = runway(ExitInputs(savings=20_000, monthly_expenses=4_000))  # 5 months
    high = readiness(rw, risk_tolerance="high", health_cover=True, strategy=strategy)
    low = readiness(rw, risk_tolerance="low", health_cover=True, strategy=strategy)
    assert high.ready and not low.ready
    assert "before an offer" in high.verdict and "safer" in high.verdict
    assert RUNWAY_TARGET["low"] > 5 > RUNWAY_TARGET["high"]
    no_cover = readiness(rw, risk_tolerance="high", health_cover=None, strategy=strategy)
    assert not no_cover.ready  # health cover is required, unknown is not enough
    assert no_cover.verdict.startswith("Not yet")


@pytest.mark.parametrize(
    "offer, cover, strategy, start",
    [
        (True, True, None, "Yes"),
        (True, None, None, "Not yet"),
        (None, True, None, "Not yet"),
        (False, False, "exit_plan", "Not yet"),
    ],
)
def test_there_is_always_a_verdict_sentence(offer, cover, strategy, start) -> None:  # noqa: ANN001
    r = readiness(runway(ExitInputs(savings=1_000, monthly_expenses=3_000)), has_offer=offer,
                  health_cover=cover, strategy=strategy)  # fmt: skip
    assert r.verdict.startswith(start) and r.verdict.endswith(".")


def test_months_to_save() -> None:
    rw = runway(ExitInputs(savings=6_000, monthly_expenses=3_000))
    assert months_to_save(rw, 6, 1_000) == pytest.approx(12.0)  # 18000 - 6000 at 1000 a month
    assert months_to_save(rw, 2, 1_000) == 0.0
    assert months_to_save(rw, 6, None) is None
    assert months_to_save(runway(ExitInputs()), 6, 1_000) is None


def test_without_an_offer_resigning_is_not_dated() -> None:
    inputs = ExitInputs(savings=6_000, monthly_expenses=3_000, notice_months=1,
                        monthly_saving=1_000)  # fmt: skip
    tl = timeline(inputs, today=TODAY, learning_weeks=13)
    assert tl.resign_from is None and tl.last_day is None
    last = [m for m in tl.milestones if m.label == "Resignation"][0]
    assert "signed written offer" in last.detail and "not before" in last.detail
    # the runway still grows as a safety net, and that is dated
    net = [m for m in tl.milestones if m.label.startswith("Safety net")][0]
    assert net.when == TODAY + timedelta(days=math.ceil(12 * DAYS_PER_MONTH))


def test_savings_over_three_years_are_flagged_not_dated() -> None:
    inputs = ExitInputs(savings=1_000, monthly_expenses=4_000, monthly_saving=100)
    tl = timeline(inputs, today=TODAY, strategy="exit_plan")
    net = [m for m in tl.milestones if m.label.startswith("Safety net")][0]
    assert net.when is None and "years of saving: not a date to plan around" in net.detail
    assert tl.resign_from is None


def test_a_leaving_month_shapes_the_timeline() -> None:
    inputs = ExitInputs(savings=30_000, monthly_expenses=3_000, notice_months=1,
                        leaving_month=6)  # fmt: skip
    tl = timeline(inputs, today=TODAY, learning_weeks=4, has_offer=True)
    assert tl.resign_from is not None and tl.resign_from.month == 6
    assert tl.resign_from >= TODAY + timedelta(days=28)


def test_timeline() -> None:
    inputs = ExitInputs(savings=6_000, monthly_expenses=3_000, notice_months=1,
                        monthly_saving=1_000)  # fmt: skip
    tl = timeline(inputs, today=TODAY, learning_weeks=13, strategy="exit_plan")
    resign = TODAY + timedelta(days=math.ceil(12 * DAYS_PER_MONTH))  # saving takes longest
    assert tl.resign_from == resign
    assert tl.last_day == resign + timedelta(days=math.ceil(DAYS_PER_MONTH))
    labels = [m.label for m in tl.milestones]
    assert labels[0] == "Start" and "Learning plan done" in labels
    dated = [m.when for m in tl.milestones if m.when is not None]
    assert dated == sorted(dated)


def test_timeline_cannot_date_what_is_unknown() -> None:
    tl = timeline(ExitInputs(savings=6_000, monthly_expenses=3_000), today=TODAY)
    assert tl.resign_from is None and tl.last_day is None
    assert any("put aside a month" in m.detail for m in tl.milestones)
    assert any("notice period" in m.detail for m in tl.milestones)
    # With an offer, the learning plan sets the date.
    offer = timeline(ExitInputs(notice_months=0.5), today=TODAY, learning_weeks=4,
                     has_offer=True)  # fmt: skip
    assert offer.resign_from == TODAY + timedelta(days=28)
    assert offer.to_dict()["last_day"] is not None
