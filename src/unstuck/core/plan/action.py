"""The 90-day action plan: thirteen weeks of small, concrete tasks that fit the person's hours.

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

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from unstuck.core.assess.rut import LIKELY_CAUSE, POSSIBLE_CAUSE, RutCheckResult
from unstuck.core.plan.gaps import Gap, GapAnalysis
from unstuck.core.plan.learning import (
    ActivityKind,
    LearningPlan,
    Resource,
    activities_for_gap,
    affordable,
    build_learning_plan,
)
from unstuck.core.plan.leave import leave_options
from unstuck.core.profile import Profile

Strand = Literal[
    "reflection",
    "learning",
    "challenge",
    "resume",
    "networking",
    "feedback",
    "experiment",
    "job_search",
    "self_care",
    "exit",
]

STRANDS: dict[Strand, str] = {
    "reflection": "Reflection",
    "learning": "Learning",
    "challenge": "A new challenge at your current job",
    "resume": "Resume and LinkedIn",
    "networking": "Networking",
    "feedback": "Feedback",
    "experiment": "Side project or experiment",
    "job_search": "Job search (weekly, capped)",
    "self_care": "Self-care",
    "exit": "Exit readiness",
}

WEEKS = 13
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
#: Job search: one block a week, this long at most, with at most this many applications.
JOB_SEARCH_HOURS = 2.0
MAX_APPLICATIONS = 3
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
#: The rut check's neutral point: a cause at or below it calls for nothing.
NEUTRAL = 50.0
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


@dataclass(frozen=True)
class RutSignals:
    """What the plan needs from a rut check: cause scores, strategy shares, toll, care note."""

    causes: Mapping[str, float]  # cause id ("cause.pay") -> score 0-100
    strategies: Mapping[str, int]  # strategy id -> share, percent
    care: bool = False

    @classmethod
    def from_result(cls, result: RutCheckResult) -> RutSignals:
        return cls(
            {c.subscale_id: c.score for c in result.causes},
            {s.id: s.share for s in result.strategies},
            result.care.shown,
        )

    @property
    def leading(self) -> str | None:
        """The strategy with the largest share (the first listed wins a tie)."""
        if not self.strategies:
            return None
        return max(self.strategies, key=lambda k: self.strategies[k])

    def cause_level(self, cause: str) -> str | None:
        """ "likely", "possible" (and above the neutral 50, as the strategy mix counts it) or
        None when the cause does not call for tasks of its own."""
        s = self.causes.get(cause)
        if s is None:
            return None
        if s >= LIKELY_CAUSE:
            return "likely"
        return "possible" if s >= POSSIBLE_CAUSE and s > NEUTRAL else None


@dataclass(frozen=True)
class _Template:
    strand: Strand
    week: int
    title: str
    detail: str
    hours: float
    why: str = ""
    recurring: bool = False
    #: follows up the new challenge at work, so only planned when that strand is
    after_challenge: bool = False


def _base_templates(
    target: str,
    other_hours: float,
    signals: RutSignals | None,
    job_search_from: int,
    credentials: Sequence[str] = (),
) -> list[_Template]:
    """The strands' standard tasks; ``other_hours`` is what a week leaves besides learning;
    ``credentials`` (the person's licences and certifications) lead the resume."""
    t = target
    held = ""
    if credentials:
        held = " Put your licences and certifications near the top: " + "; ".join(credentials) + "."
    env = signals is not None and signals.cause_level("cause.environment") is not None
    who = "peers, former colleagues or a mentor" if env else "your manager and two peers"
    out = [
        _Template(
            "reflection",
            1,
            "Write down what drains you and what energises you",
            "Reread your rut check; list the three changes that would matter most.",
            1.0,
            "Knowing why you are stuck keeps the plan aimed at the cause.",
        ),
        _Template(
            "reflection",
            7,
            "Mid-point review",
            "What worked, what did not, what to drop; adjust the next six weeks.",
            0.5,
        ),
        _Template(
            "reflection",
            13,
            "90-day review",
            "Compare with week 1, retake the rut check, set the next 90 days.",
            1.0,
        ),
        _Template(
            "challenge",
            2,
            "Propose a new challenge at your current job",
            f"Pick a task or project that stretches you towards {t} and ask for it.",
            1.0,
            "A stretch at work builds proof and energy without risking your income.",
        ),
        _Template(
            "challenge",
            8,
            "Share a result from your new challenge",
            "Write two lines with a number in them; they go on your resume.",
            0.5,
        ),
        _Template(
            "resume",
            3,
            "Update your resume with results",
            f"Rewrite each role as results with numbers; lead with what matters for {t}.{held}",
            2.0,
        ),
        _Template(
            "resume",
            4,
            "Update your LinkedIn headline and About",
            f"Say where you are heading ({t}) and what you bring.",
            1.5,
        ),
        _Template(
            "resume",
            11,
            "Add this plan's proofs to your resume and LinkedIn",
            "Certificates, portfolio pieces and results from weeks 1-10.",
            1.0,
        ),
        _Template(
            "networking",
            2,
            "List 15 people who do or know the work",
            f"Former colleagues, alumni, people in {t} roles; note how you know them.",
            1.0,
            "Most moves come through people, and informational interviews are "
            "the cheapest way to test a direction.",
        ),
        _Template(
            "networking",
            5,
            "Join one professional association or community",
            f"Pick one where people working as {t} meet; attend its next event.",
            2.0,
        ),
        _Template(
            "networking",
            6,
            "Ask someone to be your mentor for the next months",
            "Someone two steps ahead; ask for a 30-minute call a month.",
            0.5,
        ),
        _Template(
            "feedback",
            4,
            "Ask three people for feedback on your strengths",
            f"Ask {who}: when have you seen me at my best?",
            1.0,
            "Others see strengths you take for granted.",
        ),
        _Template(
            "feedback",
            10,
            "Ask for feedback on your new challenge",
            f"Ask {who} what to do more of and less of.",
            0.5,
            after_challenge=True,
        ),
        _Template(
            "experiment",
            6,
            "Start a small side project or experiment",
            f"Something you can finish in three sessions that tests whether {t} work "
            "suits you: shadow someone for a day, a small freelance job, a mock task.",
            2.0,
            "A small real taste of the work is the best test of a direction.",
        ),
        _Template(
            "experiment",
            8,
            "Finish and write up the experiment",
            "What did you enjoy, what not, what would you need to learn?",
            2.0,
        ),
    ]
    for week in range(3, 13, 2):
        out.append(
            _Template(
                "networking",
                week,
                "Hold one informational interview",
                "20-30 minutes; ask how they got in, what a week looks like, what "
                "they would learn first.",
                1.5,
                recurring=True,
            )
        )
    # The block never exceeds what a week leaves for tasks other than learning.
    block = math.floor(min(JOB_SEARCH_HOURS, other_hours) * 100) / 100
    for week in range(job_search_from, WEEKS + 1 if block > 0 else 0):
        out.append(
            _Template(
                "job_search",
                week,
                "Weekly job-search block",
                f"One block of up to {block:g} hours: read saved-search "
                f"alerts, apply to at most {MAX_APPLICATIONS} roles that fit. No daily "
                "board-checking: the alerts do that for you.",
                block,
                "A capped, weekly cadence keeps the search sustainable alongside work.",
                recurring=True,
            )
        )
    for week in range(1, WEEKS + 1):
        out.append(
            _Template(
                "self_care",
                week,
                "Protect sleep, movement and one evening off",
                "Not counted against your hours: it is what keeps them possible.",
                0.0,
                recurring=True,
            )
        )
    return out


#: Extra tasks for likely root causes (and possible ones above neutral): cause -> templates.
CAUSE_TASKS: dict[str, tuple[_Template, ...]] = {
    "cause.challenge": (
        _Template(
            "challenge",
            3,
            "Volunteer for one task nobody on your team has done",
            "Small, visible and new to you.",
            1.0,
            "The work no longer stretches you.",
        ),
    ),
    "cause.advancement": (
        _Template(
            "challenge",
            3,
            "Ask your manager what the next step would take",
            "Ask for the two or three things that would make you ready, in writing.",
            1.0,
            "There is no visible next step where you are.",
        ),
    ),
    "cause.values": (
        _Template(
            "reflection",
            2,
            "Rank your work values and name three non-negotiables",
            "Use your work-values result; check each target against them.",
            1.0,
            "What the work stands for clashes with what matters to you.",
        ),
    ),
    "cause.environment": (
        _Template(
            "reflection",
            3,
            "Note what you will and will not accept from now on",
            "Write down the boundary and who you can talk to (HR, union, EAP).",
            0.5,
            "How you are treated at work is wearing you down.",
        ),
    ),
    "cause.balance": (
        _Template(
            "self_care",
            2,
            "Set one boundary on work hours and keep it for a month",
            "E.g. no email after 7 pm; tell your team.",
            0.5,
            "Work takes more of your time and energy than you can give.",
        ),
    ),
    "cause.recognition": (
        _Template(
            "feedback",
            1,
            "Start a wins log",
            "Two lines a week: what you did and its effect. It feeds your resume.",
            0.5,
            "Your work goes unacknowledged; a log makes it visible.",
        ),
    ),
    "cause.pay": (
        _Template(
            "reflection",
            3,
            "Check your pay against the market",
            "Compare your pay with the BLS wages unstuck shows for your job and target.",
            1.0,
            "You feel paid less than the work is worth.",
        ),
        _Template(
            "challenge",
            9,
            "Prepare a pay conversation",
            "Three results with numbers and the market figure; book the meeting. The same "
            "preparation serves a salary negotiation for an offer elsewhere.",
            1.0,
        ),
    ),
}

#: Tasks a strategy brings when it has at least STRATEGY_TASK_SHARE percent of the mix.
STRATEGY_TASK_SHARE = 15
STRATEGY_TASKS: dict[str, tuple[_Template, ...]] = {
    "internal": (
        _Template(
            "networking",
            3,
            "Check the internal posting board and ask about internal openings",
            "Set an alert on your employer's internal job board; ask HR or a manager in the "
            "team you want which internal openings are coming and what they look for.",
            1.0,
            "A move inside keeps your pay, pension and standing while the work changes.",
        ),
    ),
    "reshape": (
        _Template(
            "challenge",
            2,
            "Ask your manager for a career conversation and a development plan",
            "Bring two changes to your role you want (a stretch project, new duties) and ask "
            "to write them into a development plan (an IDP) with a review date.",
            1.0,
            "Reshaping the job you have starts with saying what you want from it.",
        ),
    ),
    "elsewhere": (
        _Template(
            "reflection",
            5,
            "Check the pay for your work at other employers and prepare to negotiate",
            "Note the local median for your work; decide the salary you would move for "
            "and how you will negotiate an offer.",
            1.0,
            "Moving employers is the usual way to a pay rise: know your number first.",
        ),
    ),
}

EXIT_TASKS = (
    _Template(
        "exit",
        1,
        "Fill in your runway numbers",
        "Savings, monthly expenses, severance, notice period: unstuck computes your "
        "runway and readiness.",
        0.5,
        "Leaving safely needs a runway first.",
    ),
    _Template(
        "exit",
        12,
        "Check your exit readiness",
        "Do not resign before every required condition holds.",
        0.5,
    ),
)


#: Weeks in a month, for turning a retraining limit into learning hours.
WEEKS_A_MONTH = 52 / 12
#: Share of the hours within the limit the plan fills: scheduling leaves some unused.
LIMIT_FILL = 0.9


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
    pace = sum(learn_capacity) / len(learn_capacity)
    room = pace * WEEKS_A_MONTH * months * LIMIT_FILL
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


def care_tasks(state: str | None) -> list[_Template]:
    """A care note's first steps: a professional to talk to and the leave the person can use.
    They take no hours from the budget, like all self-care."""
    return [
        _Template(
            "self_care",
            1,
            "Book a visit with your doctor or a therapist",
            "Say how work is affecting your sleep, mood and health; ask what they advise. "
            "Your Employee Assistance Programme (EAP), if your employer has one, offers free, "
            "confidential counselling sessions.",
            0.0,
            "Your answers suggest work is weighing on you heavily; recovery comes first.",
        ),
        _Template(
            "self_care",
            1,
            "Find out the leave and income protection you can use",
            " ".join(leave_options(state)),
            0.0,
            "Time off with pay protected is often the first step, not a failure.",
        ),
    ]


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
) -> ActionPlan:
    """A week-by-week plan starting on ``start`` that never exceeds the person's hours.

    ``activity_hours`` overrides learning activities' estimated hours by activity id;
    ``budget`` (USD) bounds the learning plan's planned cost (see
    :func:`~.learning.fit_budget`); ``runway_known`` drops the task asking for the runway
    numbers when they are already entered; ``state`` (a US postal code) names the leave
    programmes a care note's first week points to; ``retraining_months`` keeps the learning
    to what the person's learning hours finish within that many months (lower-priority gaps
    wait for a later plan, and the plan says so)."""
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
            t, hours * other_share, signals, job_search_from, profile.credentials
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
            for g, h in big:
                notes.append(
                    f"{g.name} (about {h:.0f} hours) is left for a later step: at your hours "
                    f"it would not finish within your {retraining_months:g}-month limit."
                )
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
            Task(f"w{n + 1}.{x.strand}.{i + 1}", n + 1, x.strand, x.title, x.detail, x.hours, x.why)
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
            # Zero-hour tasks never compete; a strand's first task goes before any strand's
            # later ones; then a strand whose recurring tasks were left out before (so a
            # heavy weekly block cannot crowd out, say, every informational interview);
            # then the heavier strand.
            return (
                0 if x.hours <= 0 else 1,
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
                    _Template(x.strand, w + 1, base + " (started)", x.detail, part, x.why)
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
            )
            if w + 1 < n_weeks:
                pending[w + 1].append(rest)
            else:
                skipped.append(rest)
    return placed, skipped
