"""People who open doors: follow-up cadence, the informational-interview pipeline, questions
to prepare, and organisation names made comparable (pure: dates come in as arguments).

**Cadence counts from the last interaction.** A contact with a cadence of N days is due N days
after the last interaction logged with them, not on a fixed calendar day (the complaint personal
CRMs have heard since 2018): logging a coffee today pushes the next follow-up N days on. With no
interaction logged yet the count starts at ``since`` (when the person was connected with or
added), so a new contact is not overdue the day they are added. A snooze moves the due date to
the snooze date when that is later; logging an interaction clears the snooze (the app layer
does that, because it owns the stored snooze).

**The informational-interview pipeline** is a fixed order of stages, :data:`STAGES`: to ask ->
asked -> scheduled -> done -> thanked -> follow up. A move may go to any stage (people fix
mistakes), and each stage reached keeps the date it was reached on.

**Questions** for an informational interview come from the target occupation's tasks and the
person's gaps, both plain lists of strings the caller takes from the knowledge base and the
plan; nothing here knows O*NET.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

#: the tags the app suggests; any other tag is allowed too
KNOWN_TAGS = ("mentor", "peer", "recruiter", "referral", "alumni")

#: kinds of interaction, as stored
INTERACTION_KINDS = ("call", "coffee", "message", "event", "informational-interview")
INFORMATIONAL_INTERVIEW = INTERACTION_KINDS[-1]

#: informational-interview stages, in order
STAGES = ("to-ask", "asked", "scheduled", "done", "thanked", "follow-up")

STAGE_LABELS = {
    "to-ask": "to ask",
    "asked": "asked",
    "scheduled": "scheduled",
    "done": "done",
    "thanked": "thanked",
    "follow-up": "follow up",
}

#: what to do next at each stage, said to the person
STAGE_NEXT = {
    "to-ask": "ask for 20 minutes of their time",
    "asked": "wait for a reply; a polite nudge after a week is fine",
    "scheduled": "prepare your questions",
    "done": "send a thank-you note within a day",
    "thanked": "follow up with what you did with their advice",
    "follow-up": "keep in touch at your usual cadence",
}

MAX_CADENCE_DAYS = 3650  # ten years: beyond that a follow-up is not a follow-up
MAX_SNOOZE_DAYS = 3650
#: the dates a person's history may hold (an interaction, a role, since when): anything
#: outside is a typo or a forged file, and 9999-12-31 plus a cadence is no date at all
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
_CODE = re.compile(r"\d{2}-\d{4}\.\d{2}")


class PeopleError(ValueError):
    """A value the people area cannot take (an unknown stage, a cadence out of range)."""


# -- follow-up cadence --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowUp:
    """When a contact is next due and how that stands on ``today``.

    ``status`` is ``"none"`` (no cadence set), ``"upcoming"``, ``"due"`` (today) or
    ``"overdue"``; ``days`` is the days from today to the due date (negative when overdue,
    None without a cadence); ``counted_from`` is the date the cadence counts from (the last
    interaction, else ``since``) and ``snoozed`` says a snooze set the due date.
    """

    status: str
    due: date | None
    days: int | None
    counted_from: date | None
    snoozed: bool = False


def follow_up(
    *,
    cadence_days: int | None,
    last_interaction: date | None,
    since: date | None,
    today: date,
    snoozed_until: date | None = None,
) -> FollowUp:
    """The follow-up state of one contact on ``today`` (see the module docstring)."""
    counted_from = last_interaction or since
    if not cadence_days or counted_from is None:
        return FollowUp("none", None, None, counted_from)
    try:
        due = counted_from + timedelta(days=cadence_days)
    except OverflowError:  # a stored date past the checks: never due rather than a crash
        return FollowUp("none", None, None, counted_from)
    snoozed = snoozed_until is not None and snoozed_until > due
    if snoozed and snoozed_until is not None:
        due = snoozed_until
    days = (due - today).days
    status = "overdue" if days < 0 else "due" if days == 0 else "upcoming"
    return FollowUp(status, due, days, counted_from, snoozed)


def snooze_until(today: date, days: int) -> date:
    """The date a snooze of ``days`` days from ``today`` ends on."""
    if not 1 <= days <= MAX_SNOOZE_DAYS:
        raise PeopleError(f"a snooze must be from 1 to {MAX_SNOOZE_DAYS} days")
    return today + timedelta(days=days)


def cadence_problem(days: int | None) -> str | None:
    """Why ``days`` is not a usable cadence, or None (None itself: no cadence, fine)."""
    if days is None:
        return None
    if not 1 <= days <= MAX_CADENCE_DAYS:
        return f"the cadence must be from 1 to {MAX_CADENCE_DAYS} days"
    return None


def date_problem(day: date | None, what: str = "a date") -> str | None:
    """Why ``day`` cannot be in a person's history, or None (None itself: unknown, fine)."""
    if day is not None and not EARLIEST <= day <= LATEST:
        return f"{what} must be from {EARLIEST.year} to {LATEST.year} ({day.isoformat()})"
    return None


def code_problem(code: str) -> str | None:
    """Why ``code`` is not an O*NET-SOC code such as 15-2051.00, or None (empty: none)."""
    if code and not _CODE.fullmatch(code):
        return f"{code[:20]!r} is not an occupation code such as 15-2051.00"
    return None


def is_due(state: FollowUp, *, within_days: int = 0) -> bool:
    """Whether a follow-up is due today, overdue, or due within ``within_days`` days."""
    return state.days is not None and state.days <= within_days


# -- informational interviews -------------------------------------------------------------------


def check_stage(stage: str) -> str:
    """``stage`` as stored (``"follow up"`` and ``"follow_up"`` read as ``"follow-up"``)."""
    key = stage.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in STAGES:
        raise PeopleError(
            f"no stage {stage[:40]!r}: the stages are " + ", ".join(STAGES)
        )
    return key


def next_stage(stage: str) -> str | None:
    """The stage after ``stage``, None at the last one."""
    index = STAGES.index(check_stage(stage))
    return STAGES[index + 1] if index + 1 < len(STAGES) else None


def moved(reached: dict[str, str], stage: str, when: date) -> dict[str, str]:
    """The stages reached (stage -> ISO date) after a move to ``stage`` on ``when``: the new
    stage gets ``when``; stages after it are forgotten (a move back undoes them), stages
    before it keep their dates (none is made up for a stage skipped)."""
    stage = check_stage(stage)
    index = STAGES.index(stage)
    kept = {s: d for s, d in reached.items() if s in STAGES and STAGES.index(s) < index}
    kept[stage] = when.isoformat()
    return kept


def _sentence_case(text: str) -> str:
    """``text`` to go inside a sentence: its first letter in lower case unless the first word
    is an acronym ("SQL"), without a closing full stop."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def interview_questions(
    occupation: str | None,
    tasks: Sequence[str] = (),
    gaps: Sequence[str] = (),
    *,
    task_count: int = 3,
    gap_count: int = 3,
) -> list[str]:
    """Questions to take to an informational interview about ``occupation`` (its title, or
    None): a few about the work itself, one for each of the first ``task_count`` tasks (the
    caller orders them, most important first) and one for each of the first ``gap_count``
    gaps (what the person still has to build up; named as given, as many are names such as
    "Microsoft Excel"). No task or gap is made up: with none
    given, only the general questions come back."""
    work = f"this work ({occupation})" if occupation else "this work"
    questions = [
        f"How did you get into {work}, and what would you do the same way again?",
        "What does a usual week look like for you?",
    ]
    for task in _unique(tasks)[:task_count]:
        questions.append(
            f"How much of your time goes to \u201c{_sentence_case(task)}\u201d, "
            "and what makes it go well?"
        )
    for gap in _unique(gaps)[:gap_count]:
        questions.append(
            f"I am building up {gap.rstrip('.')}. How did you learn it, and how much "
            "would someone starting out need?"
        )
    questions += [
        "What do people new to this work most often underestimate?",
        "Who else would you suggest I talk to?",
    ]
    return questions


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        text = " ".join(str(item).split())
        key = text.rstrip(".").casefold()
        if text and key not in seen:
            seen.add(key)
            out.append(text)
    return out


# -- organisations ------------------------------------------------------------------------------

# legal-form words that do not tell organisations apart ("Acme Inc." is "Acme, Inc" is "ACME")
_LEGAL = frozenset(
    "inc incorporated corp corporation co company ltd limited llc llp lp plc gmbh ag sa sas sarl"
    " srl spa bv nv oy ab as pty pte kk".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def organisation_key(name: str) -> str:
    """An organisation's name folded for matching: accents and case dropped, ``&`` read as
    "and", punctuation ignored and trailing legal forms (Inc, Ltd, GmbH...) left out, so
    "Acme, Inc." and "ACME" are one organisation. Empty when nothing is left."""
    folded = unicodedata.normalize("NFKD", name.replace("&", " and "))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    words = _WORD.findall(folded.replace(".", ""))
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as kept: spaces collapsed, empty ones dropped, each once whatever its case (the
    first spelling wins); a known tag (:data:`KNOWN_TAGS`) is kept in lower case."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        text = " ".join(str(tag).split())
        key = text.casefold()
        if not text or key in seen:
            continue
        seen.add(key)
        out.append(key if key in KNOWN_TAGS else text)
    return out
