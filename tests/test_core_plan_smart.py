"""SMART checker: a table of goals with the expected verdict per letter, deadlines, effort and the
generated goals (which must pass every letter they promise)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.occupations import Occupation, Rating, Technology
from unstuck.core.plan.action import build_action_plan
from unstuck.core.plan.gaps import Component, Gap, GapAnalysis
from unstuck.core.plan.goals import goals_from_action_plan, goals_from_plan
from unstuck.core.plan.learning import build_learning_plan
from unstuck.core.plan.smart import (
    TargetContext,
    check_goal,
    estimate_effort,
    find_deadline,
    target_context,
)
from unstuck.core.plan.tasks import RutSignals
from unstuck.core.profile import Constraints, Profile

TODAY = date(2026, 1, 5)  # a Monday
TARGET = TargetContext(
    "15-1252.00",
    "Software Developers",
    ("Programming", "Python", "Systems Analysis", "Mathematics", "Critical Thinking"),
)
P, W, F = "pass", "warn", "fail"
NO = object()  # marks "no target" / "no hours" in the table

# goal, S, M, A, R, T[, hours, target]; hours 5 a week and TARGET unless the row says otherwise.
TABLE: list[tuple[object, ...]] = [
    ("Complete a course in Python (20 hours) by 2026-03-01", P, P, P, P, P),
    ("Get better at coding", W, F, W, F, F),
    ("Learn Python soon", W, F, W, P, W),
    ("Contact 3 software developers for informational interviews within 4 weeks", P, P, P, P, P),
    ("Read some books on management this year", P, W, W, F, W),
    # 40 hours of exam preparation against 5 x 55/7 = 39.3 hours: within 1.5x, so tight.
    ("Pass the AWS Cloud Practitioner exam by end of February", P, P, W, F, P),
    # 5 applications x 2 hours = 10 hours by Friday (5 days, 3.6 hours).
    ("Apply to 5 jobs by next Friday", P, P, F, P, P),
    ("Improve my skills", W, F, W, F, F),
    ("Build 2 portfolio projects in Python by March 15", P, P, P, P, P),
    ("Run a marathon by 2026-10-10", P, F, W, F, P),
    ("Earn a Google Data Analytics certificate by 2025-12-01", P, P, F, F, F),
    ("Finish 10 lessons of the SQL tutorial by 1/2/2026", P, P, W, F, W),
    ("Write 4 blog posts about Programming by 2026-02-28", P, P, P, P, P),
    ("Publish 1 article on systems analysis within 2 weeks", P, P, P, P, P),
    ("Complete 120 hours of Python practice by 2026-02-01", P, P, F, P, P),
    # Exactly the hours available: 5 x 42/7 = 30.
    ("Complete 30 hours of Python exercises by 2026-02-15", P, P, P, P, P),
    ("Complete 40 hours of Python exercises by 2026-02-15", P, P, W, P, P),
    ("Update my resume and LinkedIn profile by January 20", P, F, P, P, P),
    ("Attend 2 meetups for Python developers by the end of next month", P, P, P, P, P),
    ("Network more", F, W, W, P, F),
    ("Ask 3 colleagues for feedback on my programming by Friday", P, P, P, P, P),
    ("Be a better developer", W, F, W, P, F),
    ("Volunteer 10 hours at a coding club for kids by 31 March 2026", P, P, P, F, P),
    ("Complete the Python for Everybody course by 2027-06-30", P, P, P, P, W),
    ("Study every day", W, F, W, F, F),
    # A dashboard counts as a 20-hour project; by the end of next week there are 10 hours.
    ("Build a Python dashboard by the end of next week", P, F, F, P, P),
    ("Hold 5 informational interviews with data scientists by end of March", P, P, P, P, P),
    ("Save 6000 dollars for my runway by 2026-12-31", P, P, W, F, P),
    ("Complete 3 Python modules on Coursera by 2026-01-04", P, P, F, P, F),
    ("Finish 2 chapters of a statistics book within 10 days", P, P, P, F, P),
    ("Practise Python 3 hours a week for 8 weeks", P, P, P, P, P),
    ("Practise Python 8 hours a week until the end of March", P, P, F, P, P),
    ("Practise Python 7 hours a week for 4 weeks", P, P, W, P, P),
    # 40 hours of preparation, 5 x 56/7 = 40 available: "get" a credential is concrete.
    ("Get the Google Analytics certification by March 1st", P, P, P, F, P),
    ("Reach out to 5 alumni who write Python within 3 weeks", P, P, P, P, P),
    # 30 minutes a day is 3.5 hours a week, within 5.
    ("Spend 30 minutes a day on Python practice for 6 weeks", P, P, P, P, P),
    ("Become a developer by the end of the year", W, F, W, P, P),
    ("Lose 5 kg by summer", F, P, W, F, W),
    ("Complete a course in Python by 2026-03-01", P, P, W, P, P, NO, TARGET),
    ("Email 10 recruiters by Friday", P, P, W, P, P, NO, NO),
    ("Do it", F, F, W, W, F, 5.0, NO),
    ("Take the Intro to Programming course and score 80% on the final by 2026-02-20",
     P, P, P, P, P),
    ("Build 1 portfolio project in Python by 2026-03-31", P, P, F, P, P, 1.0, TARGET),
    ("Read 2 books on mathematics by 2026-02-28", P, P, P, P, P),
]  # fmt: skip


def _row(
    row: tuple[object, ...],
) -> tuple[str, tuple[str, ...], float | None, TargetContext | None]:
    goal = str(row[0])
    expected = tuple(str(v) for v in row[1:6])
    hours: object = row[6] if len(row) > 6 else 5.0
    target: object = row[7] if len(row) > 7 else TARGET
    return (
        goal,
        expected,
        None if hours is NO else float(hours),  # type: ignore[arg-type]
        None if target is NO else target,  # type: ignore[return-value]
    )


def test_table_is_big_enough() -> None:
    assert len(TABLE) >= 30
    # Every verdict appears for every letter somewhere, so no letter is checked one-sidedly.
    for i in range(1, 6):
        seen = {row[i] for row in TABLE}
        assert {P, W} <= seen, f"letter {'SMART'[i - 1]} never warns or passes"
    for i in (1, 2, 3, 4, 5):
        assert F in {row[i] for row in TABLE}


@pytest.mark.parametrize("row", TABLE, ids=[str(r[0])[:50] for r in TABLE])
def test_smart_table(row: tuple[object, ...]) -> None:
    goal, expected, hours, target = _row(row)
    check = check_goal(goal, today=TODAY, hours_per_week=hours, target=target)
    got = tuple(check[letter].verdict for letter in "SMART")
    assert got == expected, [(v.letter, v.verdict, v.feedback) for v in check.letters]
    for v in check.letters:
        assert v.feedback.strip(), f"{v.letter} has no feedback"
    overall = "fail" if F in expected else "warn" if W in expected else "pass"
    assert check.verdict == overall


def test_feedback_is_concrete() -> None:
    check = check_goal("Complete 120 hours of Python practice by 2026-02-01", today=TODAY,
                       hours_per_week=5, target=TARGET)  # fmt: skip
    # 120 hours at 5 a week is 24 weeks: the feedback names a date that would fit.
    fits = TODAY + timedelta(days=7 * 24 - 1)
    assert fits.isoformat() in check["A"].feedback
    assert check.effort_hours == 120
    bad = check_goal("Improve my skills", today=TODAY, target=TARGET)
    assert "Programming" in bad["R"].feedback  # names what the target needs
    assert "improve" in bad["S"].feedback


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by 2026-03-31", date(2026, 3, 31)),
        ("by 31 March 2026", date(2026, 3, 31)),
        ("by March 31st", date(2026, 3, 31)),
        ("by the end of June", date(2026, 6, 30)),
        ("before january 2", date(2027, 1, 2)),  # this year's has passed
        ("within 6 weeks", TODAY + timedelta(days=42)),
        ("in 2 months", date(2026, 3, 5)),
        ("by the end of next month", date(2026, 2, 28)),
        ("by the end of this week", date(2026, 1, 11)),
        ("by friday", date(2026, 1, 9)),
        ("by feb 2027", date(2027, 2, 28)),
        ("within a month", date(2026, 2, 5)),
        ("over the next two months", date(2026, 3, 5)),
        ("by 12/31", None),  # ambiguous: asks for an unambiguous date
        ("by the end of the year", date(2026, 12, 31)),
        ("by the end of next year", date(2027, 12, 31)),
        ("by next year", None),  # vague
        ("by 2026-02-30", None),  # no such day
        ("someday", None),
    ],
)
def test_deadlines(text: str, expected: date | None) -> None:
    assert find_deadline(text, TODAY).when == expected


def test_effort_counts_and_hours() -> None:
    assert estimate_effort("hold 4 informational interviews") == 6.0
    assert estimate_effort("apply to two jobs") == 4.0
    assert estimate_effort("spend 12 hours on sql") == 12.0
    assert estimate_effort("practise 3 hours a week", weeks=4) == 12.0
    assert estimate_effort("practise 3 hours a week") is None  # no deadline, no total
    assert estimate_effort("be happier") is None


def test_target_context_from_occupation() -> None:
    occ = Occupation(
        "15-1252.00", "Software Developers", None, "29.0",
        skills=(Rating("2.B.3.e", "Programming", 4.4, 5.0),
                Rating("2.A.1.a", "Reading Comprehension", 2.5, 4.0)),
        technology=(Technology("Python", None, None, hot=True, in_demand=True),
                    Technology("Notepad", None, None, hot=False, in_demand=False)),
    )  # fmt: skip
    tc = target_context(occ)
    assert "Programming" in tc.terms and "Python" in tc.terms
    assert "Reading Comprehension" not in tc.terms  # below importance 3
    assert "Notepad" not in tc.terms
    assert check_goal("Build 1 project with Notepad by 2026-03-01", today=TODAY,
                      target=tc)["R"].verdict == F  # fmt: skip


def _gap(kind: str, key: str, name: str, size: float, prio: float) -> Gap:
    comps = (Component("importance", prio, 0.45, "test"),)
    return Gap(kind, key, name, 1.0, 1.0 + size, 4.0, None, prio, comps, ())  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    hours=st.floats(min_value=1.0, max_value=20.0),
    sizes=st.lists(st.floats(min_value=0.5, max_value=5.0), min_size=1, max_size=4),
    kinds=st.lists(
        st.sampled_from(["skill", "knowledge", "technology", "education", "experience"]),
        min_size=4, max_size=4,
    ),
)  # fmt: skip
def test_generated_goals_pass_every_letter(
    hours: float, sizes: list[float], kinds: list[str]
) -> None:
    names = ["Programming", "Mathematics", "Python", "Systems Analysis"]
    gaps = [
        _gap(kinds[i], f"key{i}", names[i], size, 0.9 - 0.1 * i) for i, size in enumerate(sizes)
    ]
    plan = build_learning_plan(gaps, [hours] * 13)
    goals = goals_from_plan(plan.activities, plan.schedule.finished, start=TODAY,
                            target_title="Software Developers")  # fmt: skip
    assert len(goals) == len(plan.schedule.finished)
    for g in goals:
        check = check_goal(g.text, today=TODAY, hours_per_week=hours, target=TARGET)
        assert check.verdict == "pass", (g.text, [v.to_dict() for v in check.letters])
        assert check.deadline == g.deadline


@settings(max_examples=60, deadline=None)
@given(
    hours=st.floats(min_value=0.5, max_value=30.0),
    n_gaps=st.integers(0, 4),
    strategy=st.sampled_from(["reshape", "internal", "elsewhere", "change_field", "exit_plan",
                              "recover"]),
    cause=st.sampled_from(["cause.pay", "cause.values", "cause.recognition", "cause.balance"]),
)  # fmt: skip
def test_action_plan_goals_pass_every_letter(
    hours: float, n_gaps: int, strategy: str, cause: str
) -> None:
    names = ["Programming", "Mathematics", "Python", "Systems Analysis"]
    kinds = ["skill", "knowledge", "technology", "education"]
    gaps = tuple(_gap(kinds[i], f"k{i}", names[i], 1.0 + i, 0.9 - 0.1 * i) for i in range(n_gaps))
    ga = GapAnalysis("15-1252.00", "Software Developers", gaps, ())
    signals = RutSignals({cause: 80.0}, {strategy: 70, "reshape": 30})
    plan = build_action_plan(Profile(constraints=Constraints(hours_per_week=hours)), start=TODAY,
                             rut=signals, gaps=ga)  # fmt: skip
    goals = goals_from_action_plan(plan)
    assert [g.deadline for g in goals] == sorted(g.deadline for g in goals)
    strands = {g.activity_id for g in goals if g.activity_id.startswith("strand.")}
    if hours >= 4:
        assert {"strand.resume", "strand.networking"} <= strands
    for g in goals:
        check = check_goal(g.text, today=TODAY, hours_per_week=hours, target=TARGET)
        assert check.verdict == "pass", (g.text, [v.to_dict() for v in check.letters])
        assert check.deadline is not None and check.deadline <= plan.weeks[-1].end
