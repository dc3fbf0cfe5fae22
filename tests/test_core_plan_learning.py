"""Learning plan: activities per gap with effort and proof, prerequisite order, the scheduler."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.plan.gaps import GAP_KINDS, Component, Gap
from unstuck.core.plan.learning import (
    FLAT_HOURS,
    HOURS_PER_LEVEL,
    RECIPES,
    STAGE,
    Activity,
    Resource,
    activities_for_gap,
    build_learning_plan,
    estimate_hours,
    gap_hours,
    order_activities,
    schedule,
)


def gap(kind: str, key: str, name: str = "", size: float | None = 2.0, prio: float = 0.5) -> Gap:
    comps = (Component("importance", prio, 0.45, "test"),)
    current = None if size is None else 1.0
    required = None if size is None else 1.0 + size
    return Gap(kind, key, name or key, current, required, 4.0, None, prio, comps, ())  # type: ignore[arg-type]


def test_effort_scales_with_gap_size() -> None:
    small, big = gap("skill", "a", size=1.0), gap("skill", "b", size=3.0)
    assert gap_hours(small) == HOURS_PER_LEVEL["skill"] * 1.0
    assert gap_hours(big) == HOURS_PER_LEVEL["skill"] * 3.0
    assert estimate_hours(big, 0.35) > estimate_hours(small, 0.35)
    # Flat kinds ignore size; unknown size falls back to a stated default, not zero.
    assert gap_hours(gap("technology", "t", size=None)) == FLAT_HOURS["technology"]
    assert gap_hours(gap("knowledge", "k", size=None)) > 0
    assert estimate_hours(gap("skill", "c", size=0.1), 0.05) >= 2  # clamped to MIN_HOURS


@pytest.mark.parametrize("kind", GAP_KINDS)
def test_every_gap_kind_gets_activities_with_proof(kind: str) -> None:
    g = gap(kind, "2.B.3.e", "Programming")
    acts = activities_for_gap(g)
    assert [a.kind for a in acts] == [k for k, _ in RECIPES[kind]]  # type: ignore[index]
    for a in acts:
        assert a.proof.strip() and a.hours >= 1
        assert a.gap_key == "2.B.3.e"
    # Learn before practise before prove, as a chain.
    for before, after in zip(acts, acts[1:], strict=False):
        assert after.prerequisites == (before.id,)
        # Mentoring (feedback from someone ahead) may sit anywhere in the chain.
        kinds = (before.kind, after.kind)
        assert STAGE[before.kind] <= STAGE[after.kind] or "mentoring" in kinds
    # Shares of one gap add up to about its total (rounding and clamping aside).
    assert abs(sum(a.hours for a in acts) - gap_hours(g)) <= 2 * len(acts)


def test_catalogue_links_are_search_pages_built_from_the_name() -> None:
    acts = activities_for_gap(gap("skill", "2.B.3.e", "C++ & Data, Basics"))
    course = next(a for a in acts if a.kind == "course")
    assert course.resources, "a course comes with catalogue links"
    for r in course.resources:
        u = urlparse(r.url)
        assert u.scheme == "https" and r.source == "catalogue"
        assert "C++ & Data, Basics" in [v for vs in parse_qs(u.query).values() for v in vs]


def test_persons_resources_come_first() -> None:
    mine = Resource("My team's wiki course", "https://example.org/course", "you")
    plan = build_learning_plan(
        [gap("skill", "2.B.3.e", "Programming")], [5.0] * 13, resources={"2.B.3.e": [mine]}
    )
    first = plan.for_gap("2.B.3.e")[0]
    assert first.resources[0] == mine


def test_order_puts_prerequisites_first_and_priority_next() -> None:
    hi = activities_for_gap(gap("knowledge", "2.C.3.a", prio=0.9))
    lo = activities_for_gap(gap("technology", "Python", prio=0.2))
    ordered = order_activities(list(lo) + list(hi))
    ids = [a.id for a in ordered]
    assert ids[0] == hi[0].id  # higher priority goes first when free to
    for a in ordered:
        for p in a.prerequisites:
            assert ids.index(p) < ids.index(a.id)


def test_order_rejects_cycles_and_unknown_prerequisites() -> None:
    a = Activity("a", "g", "G", "skill", "course", "A", 1, "p", ("b",), 0.5)
    b = Activity("b", "g", "G", "skill", "project", "B", 1, "p", ("a",), 0.5)
    with pytest.raises(ValueError, match="cycle"):
        order_activities([a, b])
    with pytest.raises(ValueError, match="not in the plan"):
        order_activities([a])


def test_basic_skills_before_cross_functional() -> None:
    basic = gap("skill", "2.A.1.a", "Reading Comprehension", prio=0.3)
    cross = gap("skill", "2.B.3.e", "Programming", prio=0.9)
    plan = build_learning_plan([cross, basic], [10.0] * 13)
    ids = [a.id for a in plan.activities]
    first_cross = next(i for i, a in enumerate(plan.activities) if a.gap_key == "2.B.3.e")
    basic_course = ids.index("skill.2-a-1-a.course")
    assert basic_course < first_cross


def test_max_gaps_keeps_the_highest_priority() -> None:
    gaps = [gap("skill", f"2.B.{i}", prio=i / 10) for i in range(1, 8)]
    plan = build_learning_plan(gaps, [5.0] * 13, max_gaps=3)
    assert {a.gap_key for a in plan.activities} == {"2.B.7", "2.B.6", "2.B.5"}
    assert any("4 lower-priority gaps" in n for n in plan.notes)


def test_schedule_fills_weeks_and_reports_what_does_not_fit() -> None:
    acts = order_activities(activities_for_gap(gap("skill", "s", size=3.0)))
    total = sum(a.hours for a in acts)
    sched = schedule(acts, [4.0] * 3)
    assert [w.hours for w in sched.weeks] == pytest.approx([4.0, 4.0, 4.0])
    assert sched.unscheduled  # 12 hours cannot hold them all
    roomy = schedule(acts, [total / 2, total / 2, 5.0])
    assert not roomy.unscheduled
    assert max(roomy.finished.values()) == 2
    with pytest.raises(ValueError):
        schedule(acts, [-1.0])


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[Activity], list[float], int]:
    n_gaps = draw(st.integers(1, 5))
    gaps = [
        gap(
            draw(st.sampled_from(GAP_KINDS)),
            f"2.{draw(st.sampled_from('AB'))}.{i}",
            size=draw(st.one_of(st.none(), st.floats(0.5, 6.0))),
            prio=draw(st.floats(0.0, 1.0)),
        )
        for i in range(n_gaps)
    ]
    acts: list[Activity] = []
    for g in gaps:
        acts += activities_for_gap(g)
    caps = draw(st.lists(st.floats(0.0, 25.0), min_size=1, max_size=20))
    return list(order_activities(acts)), caps, draw(st.integers(1, 3))


@settings(max_examples=200, deadline=None)
@given(plans())
def test_schedule_properties(data: tuple[list[Activity], list[float], int]) -> None:
    acts, caps, parallel = data
    sched = schedule(acts, caps, parallel=parallel)
    by_id = {a.id: a for a in acts}
    first_week: dict[str, int] = {}
    spent: dict[str, float] = {}
    for w, cap in zip(sched.weeks, caps, strict=True):
        assert w.hours <= cap + 1e-6  # never more than the week has
        for s in w.slots:
            assert s.hours > 0
            first_week.setdefault(s.activity_id, w.number)
            spent[s.activity_id] = spent.get(s.activity_id, 0.0) + s.hours
    for aid, week in sched.finished.items():
        assert spent[aid] == pytest.approx(by_id[aid].hours)
        assert first_week[aid] <= week
        for p in by_id[aid].prerequisites:
            # A prerequisite has finished by the week the activity starts in.
            assert p in sched.finished and sched.finished[p] <= first_week[aid]
    for aid in sched.unscheduled:
        assert spent.get(aid, 0.0) < by_id[aid].hours
    assert set(sched.finished) | set(sched.unscheduled) == set(by_id)
    if sched.unscheduled:
        # Work-conserving: something was left over only because every week was full.
        for w, cap in zip(sched.weeks, caps, strict=True):
            assert w.hours == pytest.approx(cap, abs=1e-6)


def test_education_and_experience_read_as_actions() -> None:
    edu = Gap("education", "education", "Education: Bachelor's degree", 4.0, 6.0, None, None,
              0.6, (), ())  # fmt: skip
    titles = [a.title for a in activities_for_gap(edu)]
    assert all("Bachelor's degree" in t and "Education:" not in t for t in titles)
    exp = Gap("experience", "experience", "Related experience", 0.5, 2.0, None, None, 0.5, (), ())
    acts = activities_for_gap(exp)
    assert all("Related experience" not in a.title for a in acts)
    assert all(not a.resources for a in acts)  # no catalogue sells experience
    assert all(a.proof for a in acts)


def test_technologies_whose_names_differ_only_in_signs_get_distinct_activity_ids() -> None:
    # "C", "C#" and "C++" all slug to "c"; a plan towards Software Developers has all three.
    from unstuck.core.plan.gaps import Component, Gap
    from unstuck.core.plan.learning import build_learning_plan

    comps = (Component("importance", 0.8, 0.45, "test"),)
    gaps = [
        Gap("technology", name, name, 0.0, 1.0, None, None, 0.5, comps, ())
        for name in ("C", "C#", "C++")
    ]
    plan = build_learning_plan(gaps, [10.0] * 13)
    ids = [a.id for a in plan.activities]
    assert len(ids) == len(set(ids)) == 6
    assert {a.gap_key for a in plan.activities} == {"C", "C#", "C++"}


def test_hours_set_by_the_person_replace_the_estimate_and_still_fit() -> None:
    from unstuck.core.plan.gaps import Component, Gap
    from unstuck.core.plan.learning import build_learning_plan

    comps = (Component("importance", 0.8, 0.45, "test"),)
    gaps = [Gap("technology", "Docker", "Docker", 0.0, 1.0, None, None, 0.5, comps, ())]
    before = build_learning_plan(gaps, [4.0] * 13)
    first = before.activities[0]
    after = build_learning_plan(gaps, [4.0] * 13, hours={first.id: first.hours + 10, "x": 3})
    assert after.activities[0].hours == first.hours + 10
    assert after.total_hours == before.total_hours + 10
    assert after.schedule.week_of(first.id) > before.schedule.week_of(first.id)
    assert all(w.hours <= w.capacity + 1e-9 for w in after.schedule.weeks)
    with pytest.raises(ValueError, match="at least 1"):
        build_learning_plan(gaps, [4.0] * 13, hours={first.id: 0})
