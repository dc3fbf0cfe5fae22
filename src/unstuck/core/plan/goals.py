"""SMART goals generated from the plan: one per scheduled learning activity, and one per strand
with a concrete outcome (the checker that judges them is :mod:`.smart`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from unstuck.core.plan.action import ActionPlan, Task
from unstuck.core.plan.learning import Activity

_VERB_PHRASE = {
    "course": "Complete a course in {n} ({h} hours) and link its final assignment from LinkedIn",
    "certification": "Pass the exam for a recognised {n} certificate ({h} hours of preparation)",
    "project": "Build and publish 1 portfolio project that uses {n} ({h} hours)",
    "volunteering": "Volunteer {h} hours in a role that uses {n} and record the result",
    "stretch": "Complete 1 stretch assignment at work that needs {n} ({h} hours) and record its "
    "result",
    "mentoring": "Meet a mentor strong in {n} {m} times ({h} hours) for feedback",
    "reading": "Read 1 book on {n} ({h} hours) and publish a 1-page summary",
}


@dataclass(frozen=True)
class GeneratedGoal:
    activity_id: str  # the learning activity, or "strand.<name>" for a strand's goal
    text: str
    deadline: date

    def to_dict(self) -> dict[str, str]:
        return {
            "source": self.activity_id,
            "goal": self.text,
            "deadline": self.deadline.isoformat(),
        }


def goals_from_plan(
    activities: Sequence[Activity], finished: dict[str, int], *, start: date, target_title: str
) -> tuple[GeneratedGoal, ...]:
    """One SMART goal per scheduled learning activity, due at the end of its finishing week.

    ``activities`` are :class:`~unstuck.core.plan.learning.Activity`; ``finished`` maps their
    ids to the (1-based) week each finishes in, as :class:`~unstuck.core.plan.learning.Schedule`
    gives it. Activities that did not fit are skipped: a goal that cannot be met is no goal.
    """
    out = []
    for a in activities:
        week = finished.get(a.id)
        if week is None:
            continue
        due = start + timedelta(days=7 * week - 1)
        if a.gap_kind in ("education", "experience", "credential"):
            # Their titles name no skill to fill the phrases with; the title is the action.
            text = f"{a.title} ({a.hours} hours)"
        else:
            text = _VERB_PHRASE[a.kind].format(n=a.gap_name, h=a.hours, m=max(1, a.hours))
        out.append(
            GeneratedGoal(a.id, f"{text} by {due.isoformat()}, towards {target_title}.", due)
        )
    return tuple(out)


#: Goals for the action plan's other strands: (strand, which tasks count, phrase). ``{n}`` is
#: the number of counted tasks, ``{h}`` their hours, ``{t}`` the target.
_STRAND_GOALS: tuple[tuple[str, str | None, str], ...] = (
    ("networking", "Hold one informational interview",
     "Hold {n} informational interviews with people working as {t} ({h} hours)"),
    ("resume", None,
     "Update 1 resume and 1 LinkedIn profile with 3 measurable results each ({h} hours)"),
    ("challenge", None, "Propose 1 new challenge at work and share 1 result from it ({h} hours)"),
    ("feedback", None, "Ask 3 people for feedback on your strengths ({h} hours)"),
    ("experiment", None,
     "Finish 1 small side experiment in {t} work and write 1 page on it ({h} hours)"),
)  # fmt: skip


def goals_from_action_plan(plan: ActionPlan) -> tuple[GeneratedGoal, ...]:
    """SMART goals for a whole action plan: one per finished learning activity, and one per
    strand with a concrete outcome, due at the end of that strand's last scheduled week.

    Their effort is the hours the plan actually scheduled for them, so a goal never asks for
    more than the weeks up to its date hold.
    """
    target = plan.target_title or "your target"
    out: list[GeneratedGoal] = []
    if plan.learning is not None:
        out += goals_from_plan(plan.learning.activities, plan.learning.schedule.finished,
                               start=plan.start, target_title=target)  # fmt: skip
    tasks = plan.tasks()
    for strand, title, phrase in _STRAND_GOALS:
        mine: list[Task] = [
            x for x in tasks if x.strand == strand and (title is None or x.title == title)
        ]
        hours = sum(x.hours for x in mine)
        if not mine or hours <= 0:
            continue
        last = max(x.week for x in mine)
        due = plan.start + timedelta(days=7 * last - 1)
        h = f"{hours:.1f}".removesuffix(".0")
        text = phrase.format(n=len(mine), h=h, t=target)
        if len(mine) == 1:
            text = text.replace("interviews", "interview")
        out.append(
            GeneratedGoal(
                f"strand.{strand}", f"{text} by {due.isoformat()}, towards {target}.", due
            )  # fmt: skip
        )
    return tuple(sorted(out, key=lambda g: (g.deadline, g.activity_id)))
