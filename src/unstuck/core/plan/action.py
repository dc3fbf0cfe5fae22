"""The 90-day action plan: thirteen weeks of small, concrete tasks that fit the person's hours.

This module is the scheduler; the tasks themselves, their strands and wording, are the
catalogue in :mod:`.tasks`.

**Strands.** A career rut is rarely fixed by courses alone, so the plan weaves nine strands
(:data:`STRANDS`): reflection, learning, a new challenge at the current job, resume and
LinkedIn, networking (informational interviews, an association, a mentor), feedback requests,
a side project or experiment, a sustainable job-search cadence, and self-care; plus checking
exit readiness when the rut check points to planning an exit.

**Driven by the rut check.** Which strands are called for, how much weight each gets, and a
few cause-specific tasks come from :class:`~unstuck.core.assess.rut.RutCheckResult`:

- the *strategy mix* weighs the strands (:data:`STRATEGY_STRANDS`): "change field" leans on
  learning, experiments and informational interviews; "same work elsewhere" on the resume and
  the job search; "reshape" on a new challenge and feedback; "recover" on self-care, and it
  halves the first two weeks and starts the job search later;
- *likely root causes, and possible ones above the neutral 50,* add their own tasks
  (:data:`CAUSE_TASKS`): a wins log for lack of recognition, a pay check for pay, a values
  ranking for a values misfit, feedback from peers rather than the manager for a harmful
  environment, and so on;
- job search is called for unless the mix is almost all "reshape"/"recover" (a person fixing
  their current job does not need to browse boards), and it is a *weekly block with a cap*
  (:data:`JOB_SEARCH_HOURS`, :data:`MAX_APPLICATIONS`), never daily board-checking.

**Fitting the hours.** Each week's capacity is the person's hours a week (halved in ramp-up
weeks). Non-learning tasks take at most :data:`OTHER_SHARE` of it (the rest is reserved for
learning) unless there is no learning plan; tasks are placed by strand weight with every
strand's first task ahead of any strand's second, a one-off task that does not fit moves to the
next week (split if it is bigger than a week's room) and a recurring one is skipped that week.
Learning then gets what is left of each week, scheduled by :mod:`.learning`. The total of a
week never exceeds its capacity. Self-care tasks take 0 hours from the budget: they are what
keeps the other hours possible, not a part of them.

Without an answer for hours a week, :data:`DEFAULT_HOURS` is assumed and the plan says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from unstuck.core.assess.rut import RutCheckResult
from unstuck.core.plan.context import PlanContext
from unstuck.core.plan.gaps import Gap, GapAnalysis
from unstuck.core.plan.learning import (
    ActivityKind,
    LearningPlan,
    Resource,
    activities_for_gap,
    affordable,
    build_learning_plan,
)
from unstuck.core.plan.tasks import (  # the catalogue; re-exported for callers
    CAUSE_TASKS,
    EXIT_TASKS,
    STRANDS,
    STRATEGY_TASK_SHARE,
    STRATEGY_TASKS,
    WEEKS,
    RutSignals,
    Strand,
    _base_templates,
    _Template,
    care_tasks,
)
from unstuck.core.profile import Profile

DEFAULT_HOURS = 5.0
#: Share of a week's hours non-learning tasks may use when there is something to learn: half
#: when changing field (learning is the move), more when the move runs on people and the
#: search (networking, feedback and the job search come before nice-to-have learning), most
#: when recovering comes first.
OTHER_SHARE = 0.5
OTHER_SHARE_BY_STRATEGY: dict[str, float] = {
    "change_field": 0.5,
    "self": 0.5,
    "recover": 0.8,
    "exit_plan": 0.65,
    "reshape": 0.65,
    "internal": 0.65,
    "elsewhere": 0.65,
}
#: Strands and learning kinds left out when the person starts lighter (a care note, or
#: recovering first): stretch tasks ask for energy they need for themselves now.
STRETCH_STRANDS: frozenset[str] = frozenset({"challenge", "experiment"})
STRETCH_KINDS: tuple[ActivityKind, ...] = ("stretch", "volunteering")
#: Weeks at half capacity when recovering comes first.
RAMP_WEEKS = 2
RAMP_FACTOR = 0.5
#: Smallest piece a split task is cut into.
MIN_CHUNK = 0.5

#: Strand weight per unit share of each strategy (added to a base weight of 1).
STRATEGY_STRANDS: dict[str, dict[Strand, float]] = {
    "reshape": {"challenge": 2.0, "feedback": 1.5, "reflection": 0.5},
    "internal": {"networking": 1.5, "challenge": 1.0, "resume": 1.0, "feedback": 1.0},
    "elsewhere": {"resume": 2.0, "job_search": 2.0, "networking": 1.0},
    "change_field": {"learning": 2.0, "experiment": 2.0, "networking": 1.5},
    "exit_plan": {"exit": 2.0, "resume": 1.0, "learning": 1.0},
    "recover": {"self_care": 3.0, "reflection": 1.0},
}
#: Job search is called for when these strategies together reach this share (percent).
JOB_SEARCH_SHARE = 10
MOVE_STRATEGIES = ("internal", "elsewhere", "change_field", "exit_plan")


@dataclass(frozen=True)
class Task:
    id: str
    week: int
    strand: Strand
    title: str
    detail: str
    hours: float
    why: str = ""
    #: what the person logs that ticks it off (see :mod:`unstuck.core.plan.progress`)
    logs: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "week": self.week,
            "strand": self.strand,
            "title": self.title,
            "detail": self.detail,
            "hours": round(self.hours, 2),
            "why": self.why,
        }


@dataclass(frozen=True)
class Week:
    number: int
    start: date
    capacity: float
    tasks: tuple[Task, ...]

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def hours(self) -> float:
        return sum(t.hours for t in self.tasks)


@dataclass(frozen=True)
class StrandUse:
    strand: Strand
    name: str
    weight: float
    why: tuple[str, ...]


@dataclass(frozen=True)
class ActionPlan:
    start: date
    hours_per_week: float
    hours_assumed: bool
    target_title: str | None
    weeks: tuple[Week, ...]
    strands: tuple[StrandUse, ...]  # called-for strands, heaviest first
    learning: LearningPlan | None
    skipped: tuple[Task, ...] = ()  # tasks that did not fit in the 13 weeks
    notes: tuple[str, ...] = field(default=())

    def tasks(self) -> tuple[Task, ...]:
        return tuple(t for w in self.weeks for t in w.tasks)

    def covered(self) -> set[Strand]:
        return {t.strand for t in self.tasks()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "hours_per_week": self.hours_per_week,
            "hours_assumed": self.hours_assumed,
            "target": self.target_title,
            "strands": [
                {
                    "strand": s.strand,
                    "name": s.name,
                    "weight": round(s.weight, 2),
                    "why": list(s.why),
                }
                for s in self.strands
            ],
            "weeks": [
                {
                    "week": w.number,
                    "start": w.start.isoformat(),
                    "end": w.end.isoformat(),
                    "capacity": w.capacity,
                    "hours": round(w.hours, 2),
                    "tasks": [t.to_dict() for t in w.tasks],
                }
                for w in self.weeks
            ],
            "learning": None if self.learning is None else self.learning.to_dict(),
            "skipped": [t.to_dict() for t in self.skipped],
            "notes": list(self.notes),
        }


#: Weeks in a month, for turning a retraining limit into learning hours.
WEEKS_A_MONTH = 52 / 12
#: Share of the hours within the limit the plan fills: scheduling leaves some unused.
LIMIT_FILL = 0.9


def learning_room(learn_capacity: Sequence[float], months: float) -> float:
    """The learning hours that ``months`` give at the plan's weekly pace (``LIMIT_FILL`` of
    them: a plan never counts on every hour)."""
    if not learn_capacity:
        return 0.0
    pace = sum(learn_capacity) / len(learn_capacity)
    return pace * WEEKS_A_MONTH * months * LIMIT_FILL


def later_note(gap: Gap, hours: float, room: float, months: float) -> str:
    """Why a gap waits for a later plan: too big for the limit at the person's hours, or (when
    it would fit alone) the hours going to the gaps planned before it."""
    needs = gap.credential.needs if gap.credential is not None else ""
    why = (
        "at your hours it would not finish"
        if hours > room
        else "after the gaps planned before it, your learning hours would not finish it"
    )
    return (
        f"{gap.name} (about {hours:.0f} hours) is left for a later step: {why} within your "
        f"{months:g}-month limit." + (f" It asks for {needs} first." if needs else "")
    )


def gaps_within(
    gaps: GapAnalysis,
    learn_capacity: Sequence[float],
    months: float,
    activity_hours: Mapping[str, int] | None = None,
    budget: int | None = None,
    limit: int | None = None,
) -> tuple[list[Gap], list[tuple[Gap, float]]]:
    """The gaps the learning hours finish within ``months``: in priority order (those the
    budget allows first, as the learning plan takes them), each taken when it still fits, at
    most ``limit``; and the ones passed over with their hours. A single gap bigger than the
    whole room is planned only when nothing else fits (the first step is always planned)."""
    ordered = affordable(sorted(gaps.gaps, key=lambda g: -g.priority), budget)
    if not learn_capacity or not ordered:
        return ordered[:1], []
    room = learning_room(learn_capacity, months)
    total = 0.0
    kept: list[Gap] = []
    passed: list[tuple[Gap, float]] = []
    for g in ordered:
        hours = float(
            sum((activity_hours or {}).get(a.id, a.hours) for a in activities_for_gap(g))
        )
        if (limit is None or len(kept) < limit) and total + hours <= room:
            kept.append(g)
            total += hours
        else:
            passed.append((g, hours))
    if not kept:
        first, _ = passed.pop(0)
        kept.append(first)
    return kept, passed


def strand_weights(
    signals: RutSignals | None,
) -> tuple[dict[Strand, float], dict[Strand, list[str]]]:
    """Weight of every strand (base 1) and the reasons that raised it."""
    weights: dict[Strand, float] = {s: 1.0 for s in STRANDS}
    why: dict[Strand, list[str]] = {s: [] for s in STRANDS}
    if signals is None:
        return weights, why
    for strategy, share in signals.strategies.items():
        for strand, w in STRATEGY_STRANDS.get(strategy, {}).items():
            if share > 0:
                weights[strand] += w * share / 100.0
                why[strand].append(f"strategy “{strategy}” at {share}%")
    return weights, why


def called_for(signals: RutSignals | None) -> set[Strand]:
    """The strands the rut check calls for (all but job search and exit by default; no
    stretch strands when a care note is shown or recovering leads)."""
    out: set[Strand] = {s for s in STRANDS if s not in ("job_search", "exit")}
    if signals is None:
        out.add("job_search")
        return out
    if sum(signals.strategies.get(s, 0) for s in MOVE_STRATEGIES) >= JOB_SEARCH_SHARE:
        out.add("job_search")
    if signals.strategies.get("exit_plan", 0) > 0:
        out.add("exit")
    if signals.care or signals.leading == "recover":
        out -= STRETCH_STRANDS  # starting lighter: no stretch tasks
    return out


def build_action_plan(
    profile: Profile,
    *,
    start: date,
    rut: RutCheckResult | RutSignals | None = None,
    gaps: GapAnalysis | None = None,
    target_title: str | None = None,
    resources: Mapping[str, Sequence[Resource]] | None = None,
    max_gaps: int = 6,
    weeks: int = WEEKS,
    activity_hours: Mapping[str, int] | None = None,
    budget: int | None = None,
    runway_known: bool = False,
    state: str | None = None,
    retraining_months: float | None = None,
    context: PlanContext | None = None,
) -> ActionPlan:
    """A week-by-week plan starting on ``start`` that never exceeds the person's hours.

    ``activity_hours`` overrides learning activities' estimated hours by activity id;
    ``budget`` (USD) bounds the learning plan's planned cost (see
    :func:`~.learning.fit_budget`); ``runway_known`` drops the task asking for the runway
    numbers when they are already entered; ``state`` (a US postal code) names the leave
    programmes a care note's first week points to; ``retraining_months`` keeps the learning
    to what the person's learning hours finish within that many months (lower-priority gaps
    wait for a later plan, and the plan says so); ``context`` (see :mod:`.context`) makes the
    tasks' wording the person's: the titles to search for, their results, the other targets."""
    signals = RutSignals.from_result(rut) if isinstance(rut, RutCheckResult) else rut
    notes: list[str] = []
    hours = profile.constraints.hours_per_week
    assumed = hours is None
    if hours is None:
        hours = DEFAULT_HOURS
        notes.append(
            f"You have not said how many hours a week you have; this plan assumes "
            f"{DEFAULT_HOURS:g}. Set it in your profile to fit the plan to you."
        )
    if hours <= 0:
        notes.append("With no hours a week for the change, only self-care is scheduled.")
    title = target_title or (gaps.target_title if gaps is not None else None)
    t = title or "your target"
    leading = signals.leading if signals is not None else None
    recover_first = leading == "recover"
    lighter = recover_first or (signals is not None and signals.care)
    ramp = RAMP_WEEKS if lighter else 0
    if ramp:
        notes.append(
            f"The first {ramp} weeks run at half pace and leave out stretch tasks: "
            "recovering comes first."
        )
    capacity = [hours * (RAMP_FACTOR if n < ramp else 1.0) for n in range(weeks)]

    has_learning = gaps is not None and bool(gaps.gaps)
    share = OTHER_SHARE_BY_STRATEGY.get(leading or "", OTHER_SHARE)
    if has_learning and gaps is not None and _is_gate(max(gaps.gaps, key=lambda g: g.priority)):
        share = min(share, OTHER_SHARE)  # a gate is not nice-to-have learning
    other_share = share if has_learning else 1.0
    wanted = called_for(signals)
    weights, why = strand_weights(signals)
    # Applying makes sense once the resume is updated (week 4); after recovering first or,
    # when changing field, once the learning has something to show.
    job_search_from = {"recover": 8, "change_field": 9}.get(leading or "", 4)
    templates = [
        x
        for x in _base_templates(
            t, hours * other_share, signals, job_search_from, profile.credentials, context
        )
        if x.strand in wanted and (not x.after_challenge or "challenge" in wanted)
    ]
    if signals is not None:
        for cause, extra in CAUSE_TASKS.items():
            level = signals.cause_level(cause)
            if level is not None:
                for x in extra:
                    if x.strand in wanted:
                        templates.append(x)
                        why[x.strand].append(f"{level} root cause “{cause}”")
        for strategy, extra in STRATEGY_TASKS.items():
            if signals.strategies.get(strategy, 0) >= STRATEGY_TASK_SHARE:
                templates += [x for x in extra if x.strand in wanted]
    if signals is not None and signals.care:
        templates += care_tasks(state)
    if "exit" in wanted:
        templates += [x for x in EXIT_TASKS if not (runway_known and x.week == 1)]
    templates = [x for x in templates if x.week <= weeks]

    other_cap = [c * other_share for c in capacity]
    placed, skipped = _fit(templates, other_cap, weights)
    used = [sum(x.hours for x in week) for week in placed]
    learning: LearningPlan | None = None
    learn_tasks: list[list[Task]] = [[] for _ in range(weeks)]
    if has_learning:
        assert gaps is not None
        learn_cap = [max(0.0, c - u) for c, u in zip(capacity, used, strict=True)]
        planned_gaps = gaps.gaps
        if retraining_months is not None:
            kept, passed = gaps_within(
                gaps, learn_cap, retraining_months, activity_hours, budget, max_gaps
            )
            big = [(g, h) for g, h in passed if h > 0 and g.priority >= kept[-1].priority]
            if len(kept) < min(max_gaps, len(gaps.gaps)):
                notes.append(
                    f"This plan works on {len(kept)} "
                    f"gap{'s' if len(kept) != 1 else ''}: what your learning hours can finish "
                    f"within your {retraining_months:g}-month retraining limit. The rest wait "
                    "for a later plan."
                )
            room = learning_room(learn_cap, retraining_months)
            notes += [later_note(g, h, room, retraining_months) for g, h in big]
            planned_gaps = tuple(kept)
            max_gaps = len(kept)
        learning = build_learning_plan(
            planned_gaps,
            learn_cap,
            resources=resources,
            max_gaps=max_gaps,
            hours=activity_hours,
            budget=budget,
            leave_out=STRETCH_KINDS if lighter else (),
        )
        by_id = {a.id: a for a in learning.activities}
        for w in learning.schedule.weeks:
            for n, slot in enumerate(w.slots):
                a = by_id[slot.activity_id]
                link = a.resources[0].url if a.resources else ""
                learn_tasks[w.number - 1].append(
                    Task(
                        f"w{w.number}.learning.{n + 1}",
                        w.number,
                        "learning",
                        a.title,
                        f"{_h(slot.hours)} of {a.hours} hours."
                        + (f" It asks for {a.requires} first." if a.requires else "")
                        + f" Proof: {a.proof}."
                        + (f" Start here: {link}" if link else ""),
                        slot.hours,
                        f"Closes your {a.gap_name} gap ({a.gap_kind}).",
                    )
                )
        notes.extend(learning.notes)
    elif "learning" in wanted and gaps is not None:
        notes.append(
            f"No gaps found between you and {t}: the hours go to people, your resume and the "
            "search."
        )
    elif "learning" in wanted:
        notes.append("No gap analysis yet: pick a target and rate your skills to add learning.")

    out_weeks = []
    for n in range(weeks):
        tasks = [
            Task(f"w{n + 1}.{x.strand}.{i + 1}", n + 1, x.strand, x.title, x.detail, x.hours, x.why,
                 x.logs)
            for i, x in enumerate(placed[n])
        ] + learn_tasks[n]
        out_weeks.append(Week(n + 1, start + timedelta(days=7 * n), capacity[n], tuple(tasks)))
    uses = tuple(
        StrandUse(s, STRANDS[s], weights[s], tuple(why[s]))
        for s in sorted(wanted, key=lambda s: (-weights[s], list(STRANDS).index(s)))
    )
    skipped_tasks = tuple(
        Task(f"skipped.{x.strand}.{i + 1}", x.week, x.strand, x.title, x.detail, x.hours, x.why)
        for i, x in enumerate(skipped)
    )
    if skipped_tasks:
        notes.append(f"{len(skipped_tasks)} tasks did not fit your hours and were left out.")
    return ActionPlan(
        start,
        float(hours),
        assumed,
        title,
        tuple(out_weeks),
        uses,
        learning,
        skipped_tasks,
        tuple(notes),
    )


def _is_gate(gap: Gap) -> bool:
    """A gap that stands in the way of applying at all: missing education, or a licence."""
    if gap.kind == "education":
        return True
    return gap.kind == "credential" and gap.credential is not None and (
        gap.credential.kind == "licence"
    )


def _h(hours: float) -> str:
    return f"{hours:.1f}".removesuffix(".0")


def _fit(
    templates: list[_Template], capacity: list[float], weights: Mapping[Strand, float]
) -> tuple[list[list[_Template]], list[_Template]]:
    """Place tasks week by week without exceeding ``capacity``; see the module docstring."""
    eps = 1e-9
    n_weeks = len(capacity)
    pending: list[list[_Template]] = [[] for _ in range(n_weeks)]
    for x in templates:
        pending[x.week - 1].append(x)
    placed: list[list[_Template]] = [[] for _ in range(n_weeks)]
    skipped: list[_Template] = []
    seen: dict[Strand, int] = {}
    starved: dict[Strand, int] = {}  # recurring tasks of a strand left out so far
    for w in range(n_weeks):
        room = capacity[w]

        def key(x: _Template) -> tuple[int, int, int, float]:
            # Zero-hour tasks never compete, a lead task goes first; a strand's first task
            # goes before any strand's later ones; then a strand whose recurring tasks were
            # left out before (so a heavy weekly block cannot crowd out, say, every
            # informational interview); then the heavier strand.
            return (
                0 if x.hours <= 0 else 1 if x.lead else 2,
                min(1, seen.get(x.strand, 0)),
                -starved.get(x.strand, 0),
                -weights[x.strand],
            )

        queue = sorted(pending[w], key=key)
        for x in queue:
            if x.hours <= room + eps:
                placed[w].append(x)
                room -= x.hours
                seen[x.strand] = seen.get(x.strand, 0) + 1
                continue
            if x.recurring:
                skipped.append(x)
                starved[x.strand] = starved.get(x.strand, 0) + 1
                continue
            part = room if room >= MIN_CHUNK else 0.0
            base = x.title.removesuffix(" (continued)")
            if part > eps:
                placed[w].append(
                    _Template(
                        x.strand, w + 1, base + " (started)", x.detail, part, x.why, lead=x.lead,
                        logs=x.logs,
                    )
                )
                room -= part
                seen[x.strand] = seen.get(x.strand, 0) + 1
            cont = part > eps or x.title.endswith(" (continued)")
            rest = _Template(
                x.strand,
                w + 2,
                base + (" (continued)" if cont else ""),
                x.detail,
                x.hours - part,
                x.why,
                lead=x.lead,
                logs=x.logs,
            )
            if w + 1 < n_weeks:
                pending[w + 1].append(rest)
            else:
                skipped.append(rest)
    return placed, skipped
