"""The 90-day action plan: it fits the hours, covers the strands the rut check calls for, and
follows the causes and strategy mix (real rut-check results, not hand-set numbers, where it
matters)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.assess.instruments import Responses
from unstuck.core.assess.rut import CAUSES, RUT_CHECK, STRATEGIES, score_rut_check
from unstuck.core.plan.action import DEFAULT_HOURS, build_action_plan, called_for
from unstuck.core.plan.gaps import GAP_KINDS, Component, Gap, GapAnalysis
from unstuck.core.plan.tasks import JOB_SEARCH_HOURS, STRANDS, RutSignals
from unstuck.core.profile import Constraints, Profile

START = date(2026, 1, 5)
CAUSE_IDS = [c[0] for c in CAUSES]
STRATEGY_IDS = [s[0] for s in STRATEGIES]


def rut(keyed: Mapping[str, int], default: int = 3):  # noqa: ANN201
    ans = {
        i.id: (6 - keyed.get(i.subscale, default)) if i.reverse else keyed.get(i.subscale, default)
        for i in RUT_CHECK.items
    }
    return score_rut_check(Responses(RUT_CHECK.id, ans))


def gap(kind: str, key: str, name: str, size: float, prio: float) -> Gap:
    comps = (Component("importance", prio, 0.45, "test"),)
    return Gap(kind, key, name, 1.0, 1.0 + size, 4.0, None, prio, comps, ())  # type: ignore[arg-type]


def analysis(n: int = 4) -> GapAnalysis:
    gaps = tuple(
        gap(GAP_KINDS[i % 5], f"2.B.{i}", f"Element {i}", 1.0 + i % 3, 1.0 - i / 10)
        for i in range(n)
    )
    return GapAnalysis("15-1211.00", "Computer Systems Analysts", gaps, ())


def profile(hours: float | None) -> Profile:
    return Profile(constraints=Constraints(hours_per_week=hours))


def test_plan_shape() -> None:
    plan = build_action_plan(profile(6), start=START, gaps=analysis())
    assert len(plan.weeks) == 13
    assert [w.start for w in plan.weeks] == [START + timedelta(days=7 * n) for n in range(13)]
    assert plan.weeks[-1].end == START + timedelta(days=90)
    assert plan.target_title == "Computer Systems Analysts"
    ids = [t.id for t in plan.tasks()]
    assert len(ids) == len(set(ids)), "task ids must be unique (they become calendar UIDs)"
    assert plan.learning is not None and plan.covered() >= {"learning", "self_care"}


def test_missing_hours_are_assumed_and_said() -> None:
    plan = build_action_plan(profile(None), start=START, gaps=analysis())
    assert plan.hours_assumed and plan.hours_per_week == DEFAULT_HOURS
    assert any("assumes" in n for n in plan.notes)
    assert all(w.hours <= DEFAULT_HOURS + 1e-9 for w in plan.weeks)


def test_zero_hours_schedules_only_self_care() -> None:
    plan = build_action_plan(profile(0), start=START, gaps=analysis())
    assert {t.strand for t in plan.tasks()} == {"self_care"}
    assert all(t.hours == 0 for t in plan.tasks())
    assert plan.skipped


def test_job_search_is_weekly_and_capped() -> None:
    r = rut({"cause.pay": 5, "cause.advancement": 5})
    plan = build_action_plan(profile(10), start=START, rut=r, gaps=analysis())
    js = [t for t in plan.tasks() if t.strand == "job_search"]
    assert js, "moving elsewhere calls for a job search"
    weeks = [t.week for t in js]
    assert len(weeks) == len(set(weeks)), "at most one job-search block a week"
    assert all(t.hours <= JOB_SEARCH_HOURS for t in js)
    assert "No daily board-checking" in js[0].detail


def test_pure_reshape_needs_no_job_search() -> None:
    signals = RutSignals({"cause.challenge": 80.0}, {"reshape": 100})
    assert "job_search" not in called_for(signals)
    plan = build_action_plan(profile(8), start=START, rut=signals)
    assert "job_search" not in plan.covered()


def test_causes_add_their_tasks() -> None:
    # Strong pay and recognition causes, neutral elsewhere.
    r = rut({"cause.pay": 5, "cause.recognition": 5})
    plan = build_action_plan(profile(8), start=START, rut=r, gaps=analysis())
    titles = {t.title.removesuffix(" (started)").removesuffix(" (continued)") for t in plan.tasks()}
    assert "Check your pay against the market" in titles
    assert "Start a wins log" in titles
    assert "Rank your work values and name three non-negotiables" not in titles
    pay = next(s for s in plan.strands if s.strand == "reflection")
    assert any("cause.pay" in w for w in pay.why)


def test_harmful_environment_moves_feedback_away_from_the_manager() -> None:
    bad = build_action_plan(profile(8), start=START, rut=rut({"cause.environment": 5}))
    ok = build_action_plan(profile(8), start=START, rut=rut({"cause.challenge": 5}))
    fb_bad = next(t for t in bad.tasks() if t.strand == "feedback")
    fb_ok = next(t for t in ok.tasks() if t.strand == "feedback")
    assert "manager" not in fb_bad.detail and "mentor" in fb_bad.detail
    assert "manager" in fb_ok.detail


def test_heavy_toll_starts_slowly() -> None:
    r = rut({"toll": 5, "signs": 5, "growth": 1})
    assert r.strategies[0].id == "recover"
    plan = build_action_plan(profile(10), start=START, rut=r, gaps=analysis())
    assert plan.weeks[0].capacity == pytest.approx(5.0)
    assert plan.weeks[2].capacity == pytest.approx(10.0)
    js = [t.week for t in plan.tasks() if t.strand == "job_search"]
    assert not js or min(js) >= 8
    assert plan.strands[0].strand == "self_care"


def test_exit_strand_when_exit_is_in_the_mix() -> None:
    r = rut({"signs": 5, "toll": 4, "growth": 1, "cause.values": 5, "cause.environment": 5})
    assert any(s.id == "exit_plan" and s.share > 0 for s in r.strategies)
    plan = build_action_plan(profile(8), start=START, rut=r)
    assert "exit" in plan.covered()


def test_learning_gets_what_other_strands_leave() -> None:
    plan = build_action_plan(profile(8), start=START, gaps=analysis())
    assert plan.learning is not None
    learning_hours = sum(t.hours for t in plan.tasks() if t.strand == "learning")
    assert learning_hours == pytest.approx(
        sum(s.hours for w in plan.learning.schedule.weeks for s in w.slots)
    )
    assert learning_hours >= 8 * 13 * 0.5 - 1e-6  # at least half of every week


signals_st = st.builds(
    RutSignals,
    causes=st.dictionaries(st.sampled_from(CAUSE_IDS), st.floats(0, 100), max_size=7),
    strategies=st.dictionaries(st.sampled_from(STRATEGY_IDS), st.integers(0, 100), max_size=6),
    care=st.booleans(),
)


@st.composite
def gap_analyses(draw: st.DrawFn) -> GapAnalysis | None:
    n = draw(st.integers(0, 8))
    if n == 0 and draw(st.booleans()):
        return None
    gaps = tuple(
        gap(
            draw(st.sampled_from(GAP_KINDS)),
            f"2.{draw(st.sampled_from('ABC'))}.{i}",
            f"Element {i}",
            draw(st.floats(0.5, 6.0)),
            draw(st.floats(0, 1)),
        )
        for i in range(n)
    )
    return GapAnalysis("x", "Target", gaps, ())


@settings(max_examples=150, deadline=None)
@given(
    hours=st.one_of(st.none(), st.just(0.0), st.floats(0.25, 60.0)),
    signals=st.one_of(st.none(), signals_st),
    gaps=gap_analyses(),
    max_gaps=st.integers(1, 8),
)
def test_plan_never_exceeds_the_hours(
    hours: float | None, signals: RutSignals | None, gaps: GapAnalysis | None, max_gaps: int
) -> None:
    plan = build_action_plan(profile(hours), start=START, rut=signals, gaps=gaps, max_gaps=max_gaps)
    available = DEFAULT_HOURS if hours is None else hours
    for w in plan.weeks:
        assert w.capacity <= available + 1e-9
        assert w.hours <= w.capacity + 1e-6, (w.number, w.hours, w.capacity)
        assert all(t.hours >= 0 for t in w.tasks)
        assert all(t.week == w.number for t in w.tasks)
    # Self-care is in every week, whatever the hours.
    assert all(any(t.strand == "self_care" for t in w.tasks) for w in plan.weeks)
    if plan.learning is not None:
        assert gaps is not None
        chosen = {a.gap_key for a in plan.learning.activities}
        assert len(chosen) == min(max_gaps, len(gaps.gaps))
        for key in chosen:  # every planned gap has an activity with a proof
            assert any(a.proof for a in plan.learning.for_gap(key))
    # With a few hours a week, every strand the rut check calls for appears.
    if available >= 3:
        wanted = called_for(signals)
        if gaps is None or not gaps.gaps:
            wanted.discard("learning")
        assert wanted <= plan.covered(), wanted - plan.covered()
    assert set(plan.covered()) <= set(STRANDS)


def test_end_to_end_on_real_onet(kb) -> None:  # noqa: ANN001
    """Customer service representative -> computer systems analyst, real O*NET and a real rut
    check: gaps, a plan within the hours, goals that pass, and a calendar that parses."""
    from datetime import UTC, datetime

    import icalendar

    from unstuck.core.plan.gaps import analyse_gaps
    from unstuck.core.plan.goals import goals_from_action_plan
    from unstuck.core.plan.ics import to_ics
    from unstuck.core.plan.smart import check_goal, target_context
    from unstuck.core.profile import prefill_ratings

    cur, target = kb.occupation("43-4051.00"), kb.occupation("15-1211.00")
    typical = [
        (r.element_id, r.name, "skill", r.level) for r in cur.skills if r.level is not None
    ] + [(r.element_id, r.name, "knowledge", r.level) for r in cur.knowledge if r.level is not None]
    me = Profile(
        occupation_code=cur.code,
        ratings=prefill_ratings(typical),
        education=4,
        constraints=Constraints(hours_per_week=6),
    )
    ga = analyse_gaps(me, target, relevant_years=1)
    r = rut({"cause.challenge": 5, "cause.advancement": 4, "cause.values": 4})
    plan = build_action_plan(me, start=START, rut=r, gaps=ga)
    assert all(w.hours <= 6 + 1e-9 for w in plan.weeks)
    assert plan.learning is not None
    top = ga.gaps[0]
    assert plan.learning.for_gap(top.key), "the top gap is in the learning plan"
    assert called_for(RutSignals.from_result(r)) <= plan.covered()
    goals = goals_from_action_plan(plan)
    assert goals
    tc = target_context(target)
    for g in goals:
        assert check_goal(g.text, today=START, hours_per_week=6, target=tc).verdict == "pass", g
    cal = icalendar.Calendar.from_ical(to_ics(plan, stamp=datetime(2026, 1, 1, tzinfo=UTC)))
    events = list(cal.walk("VEVENT"))  # every task, a long one in parts on its own days
    assert {str(e["SUMMARY"]).split(" (part ")[0] for e in events} == {
        t.title for t in plan.tasks()
    }
