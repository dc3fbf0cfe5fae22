"""The plan's task catalogue: the strands, the rut check's signals, and the tasks each strand,
root cause, strategy and care note brings, with their wording (see :mod:`.action`, which fits
them into the weeks; this module only says what the tasks are).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from unstuck.core.assess.rut import LIKELY_CAUSE, POSSIBLE_CAUSE, RutCheckResult
from unstuck.core.plan.context import PlanContext, join_words
from unstuck.core.plan.leave import leave_options

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
#: Shortlisted targets without a named first step are listed by name up to this many.
MAX_NAMED_REST = 3
#: Job search: one block a week, this long at most, with at most this many applications.
JOB_SEARCH_HOURS = 2.0
MAX_APPLICATIONS = 3
#: The rut check's neutral point: a cause at or below it calls for nothing.
NEUTRAL = 50.0


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
    #: placed like a strand's first task, before the later tasks of every strand: a step
    #: the rest of the plan depends on (choosing between the shortlisted targets)
    lead: bool = False
    #: what the person logs that ticks this task off in its week (:mod:`.progress`):
    #: "applications" sent, an "informational_interview" held, "people" added
    logs: str = ""


def _base_templates(
    target: str,
    other_hours: float,
    signals: RutSignals | None,
    job_search_from: int,
    credentials: Sequence[str] = (),
    context: PlanContext | None = None,
) -> list[_Template]:
    """The strands' standard tasks; ``other_hours`` is what a week leaves besides learning;
    ``credentials`` (the person's licences and certifications) lead the resume; ``context``
    makes the wording the person's (see :mod:`.context`)."""
    t = target
    c = context or PlanContext()
    held = ""
    if credentials:
        held = " Put your licences and certifications near the top: " + "; ".join(credentials) + "."
    if c.results:
        held += " Lead with results like these: " + "; ".join(f"“{r}”" for r in c.results) + "."
    titles = join_words(list(c.search_titles), "or")
    people = f"people working as {titles}" if titles else f"people in {t} roles"
    headline = f"Say where you are heading ({t}) and what you bring."
    if titles:
        headline += f" Use the titles employers post: {join_words(list(c.search_titles))}."
    search_notes = [f"set them for {join_words(list(c.search_titles))}"] if titles else []
    if c.languages:
        spoken = join_words(list(c.languages))
        headline += (
            f" Name your {spoken} in the headline: bilingual candidates stand out, and some "
            "employers pay more for a second language."
        )
        search_notes.append(f"add one with “bilingual” or “{c.languages[0]}”")
    searches = f" ({'; '.join(search_notes)})" if search_notes else ""
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
            headline,
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
            f"Former colleagues, alumni, {people}; note how you know them.",
            1.0,
            "Most moves come through people, and informational interviews are "
            "the cheapest way to test a direction.",
            logs="people",
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
                logs="informational_interview",
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
                f"alerts{searches}, apply to at most {MAX_APPLICATIONS} roles that fit. "
                "No daily "
                "board-checking: the alerts do that for you.",
                block,
                "A capped, weekly cadence keeps the search sustainable alongside work.",
                recurring=True,
                logs="applications",
            )
        )
    if c.alternatives:
        named = [f"{a.title}: {a.step}" for a in c.alternatives if a.step]
        rest = [a.title for a in c.alternatives if not a.step]
        detail = "Before you commit, weigh them against each other. " + "; ".join(named)
        if named:
            detail += ". "
        if rest and len(rest) <= MAX_NAMED_REST:
            detail += f"For {join_words(rest)}, an informational interview is the first step. "
        elif rest:
            detail += (
                f"For the other {len(rest)}{' as well' if named else ''}, an informational "
                "interview is the first step. "
            )
        detail += "Keep the one or two that fit your hours, budget and values."
        out.append(
            _Template(
                "reflection",
                1,
                "Compare the other targets on your shortlist",
                detail,
                0.5,
                "Choosing between options is easier with the first step of each in view.",
                lead=True,
            )
        )
    if c.beyond_limit and c.limit_months is not None:
        moves = [
            f"{a.title} (about {a.months:.0f} months at your hours"
            + (f"; a first step: {a.step})" if a.step else ")")
            for a in c.beyond_limit
            if a.months is not None
        ]
        out.append(
            _Template(
                "reflection",
                2,
                "Weigh the strong fits your time limit leaves out",
                f"Your limit of {c.limit_months:g} months to get ready leaves out "
                f"{join_words(moves)}. If one of them is the work you want, more months or "
                "more hours a week bring it within reach: ask someone in that work in an "
                "informational interview. If not, keep to the nearer targets in this plan.",
                0.5,
                "A limit set early can rule out the move that fits best; deciding it knowingly "
                "is better than by default.",
            )
        )
    if c.settings:
        out.append(
            _Template(
                "networking",
                4,
                "Look at the same work in another setting"
                if c.same_work
                else f"Look at the settings where {t} work is done",
                f"Places to look at: {join_words(list(c.settings))}. Ask in your "
                "informational interviews how the hours, pace and pay differ there.",
                1.0,
                "The same work somewhere else can fix what wears you down without starting "
                "over.",
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
            "to write them into a development plan (an IDP) with a review date. Ask too what an "
            "internal move would take: a technical lead or specialist role, or another team.",
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
