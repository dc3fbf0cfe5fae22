"""What the person has logged, set against the plan's weeks: a task ticks off in its week
when the thing it asks for was logged then.

- a weekly job-search block: applications sent that week (the day each first went past
  Saved), against the plan's cap ("apply to at most N roles that fit"); more than the cap is
  said plainly, without blame: fewer, better-fitted applications keep the search going;
- "Hold one informational interview": one held that week (logged as an interaction of that
  kind with someone in your people);
- "List 15 people who do or know the work": the people added to your people that week,
  against the 15.

Pure: the plan and dates in, a note per task out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from unstuck.core.plan.action import ActionPlan
from unstuck.core.plan.tasks import MAX_APPLICATIONS

#: the "List 15 people" task's count
PEOPLE_LISTED = 15


@dataclass(frozen=True)
class Logged:
    """A task's week as logged: how many of the thing were done, against the plan's number."""

    count: int
    cap: int | None
    text: str


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _applications(n: int, cap: int) -> Logged:
    text = f"{_plural(n, 'application')} sent this week"
    if n > cap:
        text += f", above the plan's {cap}: fewer, better-fitted ones keep the search going"
    else:
        text += f" (the plan's cap is {cap})"
    return Logged(n, cap, text)


def _interviews(n: int) -> Logged:
    return Logged(n, None, f"{_plural(n, 'informational interview')} logged this week")


def _people(n: int) -> Logged:
    done = "; the list is done" if n >= PEOPLE_LISTED else f" of the {PEOPLE_LISTED}"
    who = "person" if n == 1 else "people"
    return Logged(n, PEOPLE_LISTED, f"{n} {who} added this week{done}")


def logged(
    plan: ActionPlan,
    *,
    sent: Iterable[date] = (),
    interviews: Iterable[date] = (),
    people: Iterable[date] = (),
    cap: int = MAX_APPLICATIONS,
) -> dict[str, Logged]:
    """Task id -> what was logged in its week, for the tasks something logged ticks off."""
    days = {"applications": sorted(sent), "informational_interview": sorted(interviews),
            "people": sorted(people)}  # fmt: skip
    out: dict[str, Logged] = {}
    for week in plan.weeks:
        counts = {k: sum(1 for d in v if week.start <= d <= week.end) for k, v in days.items()}
        for task in week.tasks:
            n = counts.get(task.logs, 0)
            if not n:
                continue
            if task.logs == "applications":
                out[task.id] = _applications(n, cap)
            elif task.logs == "informational_interview":
                out[task.id] = _interviews(n)
            else:
                out[task.id] = _people(n)
    return out


def applications_logged(
    plan: ActionPlan, sent: Iterable[date], cap: int = MAX_APPLICATIONS
) -> dict[str, Logged]:
    """Task id -> what was logged, for each job-search task whose week saw applications sent."""
    return logged(plan, sent=sent, cap=cap)
