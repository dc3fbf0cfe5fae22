"""The plan's job-search block against the applications logged in its week (a frozen plan)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from unstuck.core.plan import RutSignals, build_action_plan
from unstuck.core.plan.progress import applications_logged
from unstuck.core.plan.tasks import MAX_APPLICATIONS
from unstuck.core.profile import Constraints, Profile

START = date(2027, 1, 4)  # a Monday


@pytest.fixture(scope="module")
def plan():  # noqa: ANN201
    return build_action_plan(
        Profile(constraints=Constraints(hours_per_week=8)),
        start=START,
        rut=RutSignals({"cause.advancement": 70.0}, {"elsewhere": 60, "internal": 40}),
        target_title="Training and Development Specialists",
    )


def search_week(plan, n: int = 0):  # noqa: ANN001, ANN201
    weeks = [w for w in plan.weeks if any(t.strand == "job_search" for t in w.tasks)]
    return weeks[n]


@pytest.mark.parametrize(
    ("sent", "count", "words"),
    [
        (0, None, None),  # nothing sent: nothing said
        (1, 1, "1 application sent this week (the plan's cap is"),
        (MAX_APPLICATIONS, MAX_APPLICATIONS, "applications sent this week (the plan's cap"),
        (MAX_APPLICATIONS + 2, MAX_APPLICATIONS + 2, "above the plan's"),
    ],
)
def test_a_job_search_week_shows_what_was_sent_against_the_cap(
    plan, sent: int, count: int | None, words: str | None  # noqa: ANN001
) -> None:
    week = search_week(plan)
    days = [week.start + timedelta(days=i % 7) for i in range(sent)]
    days += [week.start - timedelta(days=1), week.end + timedelta(days=1)]  # other weeks
    logged = applications_logged(plan, days)
    task = next(t for t in week.tasks if t.strand == "job_search")
    if count is None:
        assert task.id not in logged
        return
    assert logged[task.id].count == count and words in logged[task.id].text
    # only job-search tasks tick off, and a day counts in its own week only
    assert all(logged[t.id].count == 1 for w in plan.weeks for t in w.tasks
               if t.id in logged and t.id != task.id)  # fmt: skip
    assert {t.strand for w in plan.weeks for t in w.tasks if t.id in logged} == {"job_search"}


@pytest.mark.parametrize(
    ("logs", "n", "words"),
    [
        ("informational_interview", 1, "1 informational interview logged this week"),
        ("informational_interview", 2, "2 informational interviews logged this week"),
        ("people", 3, "3 people added this week of the 15"),
        ("people", 15, "15 people added this week; the list is done"),
    ],
)
def test_networking_tasks_tick_off_with_what_is_logged(
    plan, logs: str, n: int, words: str  # noqa: ANN001
) -> None:
    from unstuck.core.plan.progress import logged

    week = next(w for w in plan.weeks if any(t.logs == logs for t in w.tasks))
    days = [week.start + timedelta(days=1)] * n
    found = logged(plan, **{"interviews" if logs != "people" else "people": days})
    task = next(t for t in week.tasks if t.logs == logs)
    assert found[task.id].text == words
    assert all(t.logs == logs for w in plan.weeks for t in w.tasks if t.id in found)
