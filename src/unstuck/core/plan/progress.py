"""What the person has logged, set against the plan's weeks: a job-search block ticks off when
applications went out that week, and the weekly cap is shown beside what was done.

The plan asks for one capped job-search block a week ("apply to at most N roles that fit"); an
application logged in that week (the day it was sent: the first stage past Saved) is what the
block was for. More than the cap is said plainly, without blame: quality beats volume, and the
cap is there to keep the search sustainable.

Pure: the plan and dates in, a note per task out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from unstuck.core.plan.action import ActionPlan
from unstuck.core.plan.tasks import MAX_APPLICATIONS


@dataclass(frozen=True)
class Logged:
    """A task's week as logged: how many of the thing were done, against the plan's cap."""

    count: int
    cap: int | None
    text: str


def applications_logged(
    plan: ActionPlan, sent: Iterable[date], cap: int = MAX_APPLICATIONS
) -> dict[str, Logged]:
    """Task id -> what was logged, for each job-search task whose week saw applications sent."""
    days = sorted(sent)
    out: dict[str, Logged] = {}
    for week in plan.weeks:
        n = sum(1 for d in days if week.start <= d <= week.end)
        if not n:
            continue
        text = f"{n} application{'s' if n != 1 else ''} sent this week"
        if n > cap:
            text += f", above the plan's {cap}: fewer, better-fitted ones keep the search going"
        else:
            text += f" (the plan's cap is {cap})"
        for task in week.tasks:
            if task.strand == "job_search":
                out[task.id] = Logged(n, cap, text)
    return out
