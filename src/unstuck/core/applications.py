"""Job applications through their stages: the stage list, staleness and funnel rates (pure).

**Stages.** A :class:`Stage` has a stable ``key`` (what the history stores) and a ``name``
(what the person reads and may rename). Its ``kind`` places it in the search:

- ``"step"``: a stage on the way (Saved, Applied, Screening, Interview, Offer), in list order;
- ``"success"``: the end the steps lead to (Accepted), terminal, the funnel's last rung;
- ``"exit"``: an end off the way (Rejected, Withdrawn, No response), terminal, off the funnel.

A stage with ``rounds`` (Interview) can be entered again and again; each entry is numbered
("Interview 2"). ``quiet_days`` is the stage's "no news after N days" threshold: None means an
application in it is never proposed as no response (Saved: nobody owes you news yet; a
terminal stage: nothing more to hear). The list is the person's: :func:`rename_stage`,
:func:`add_stage`, :func:`reorder_stages`, :func:`set_quiet_days` and :func:`remove_stage`
return a new list, and :func:`stage_problems` says what is wrong with one (every edit is
checked with it). Two keys are fixed because the app relies on them: :data:`FIRST` (where an
application starts when nothing else is said; it must stay the first stage) and
:data:`NO_RESPONSE` (what a quiet application is proposed to move to).

**Staleness.** An application is *quiet* when it has had no news for its stage's
``quiet_days``: counted from the day it entered the stage (a stage change, a new interview
round, resets it), or from the day a snooze ends when that is later. A quiet application is
only ever a :class:`QuietProposal`: the person confirms it (the app then records the move to
No response) or dismisses it; nothing moves by itself. Dates come in as arguments.

**Funnel.** For each step in order, how many applications *reached* it and the share of those
that reached the next one. An application reached every step up to the furthest step (or
success) in its history, in the current list order: one that went from Applied straight to
Interview passed the screening, and one moved back to Applied still reached Interview. Exits
count for nothing (a rejection at screening is an application that reached Screening and not
Interview). :func:`funnels_by` gives one funnel per group (a target occupation, a resume
version); a group key of None is "not recorded" and stays its own group.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Generic, TypeVar

K = TypeVar("K")

STEP, SUCCESS, EXIT = "step", "success", "exit"
KINDS = (STEP, SUCCESS, EXIT)
FIRST = "saved"
NO_RESPONSE = "no-response"
MAX_NAME = 60
MAX_STAGES = 40
MAX_QUIET_DAYS = 3650


class StageListError(ValueError):
    """An edit that would leave the stage list unusable; the message says what and why."""


@dataclass(frozen=True)
class Stage:
    key: str
    name: str
    kind: str = STEP
    quiet_days: int | None = None
    rounds: bool = False

    @property
    def terminal(self) -> bool:
        return self.kind != STEP


#: The starting list. The thresholds are starting points for the person to change, not
#: measured waiting times: about a month after applying, two weeks between later steps.
DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage(FIRST, "Saved"),
    Stage("applied", "Applied", quiet_days=30),
    Stage("screening", "Screening", quiet_days=14),
    Stage("interview", "Interview", quiet_days=14, rounds=True),
    Stage("offer", "Offer", quiet_days=10),
    Stage("accepted", "Accepted", SUCCESS),
    Stage("rejected", "Rejected", EXIT),
    Stage("withdrawn", "Withdrawn", EXIT),
    Stage(NO_RESPONSE, "No response", EXIT),
)


def stage_label(stage: Stage, round_number: int | None = None) -> str:
    """The stage's name, with the round for a stage entered in rounds ("Interview 2")."""
    return f"{stage.name} {round_number}" if stage.rounds and round_number else stage.name


def find_stage(stages: Sequence[Stage], wanted: str) -> Stage | None:
    """The stage whose key or name is ``wanted`` (case and spacing ignored), or None."""
    norm = _name_key(wanted)
    for s in stages:
        if s.key == wanted or _name_key(s.name) == norm or s.key == norm.replace(" ", "-"):
            return s
    return None


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def stage_problems(stages: Sequence[Stage]) -> list[str]:
    """Everything that makes ``stages`` unusable, in words (empty when it is fine)."""
    problems: list[str] = []
    if not stages:
        return ["the stage list is empty"]
    if len(stages) > MAX_STAGES:
        problems.append(f"at most {MAX_STAGES} stages")
    keys: set[str] = set()
    names: set[str] = set()
    for s in stages:
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s.key) or len(s.key) > 40:
            problems.append(f"stage key {s.key[:50]!r} must be lower-case words joined by '-'")
        if s.key in keys:
            problems.append(f"stage key {s.key!r} is used twice")
        keys.add(s.key)
        name = _name_key(s.name)
        if not name:
            problems.append(f"stage {s.key!r} needs a name")
        elif len(s.name) > MAX_NAME:
            problems.append(f"stage name {s.name[:MAX_NAME]!r}... is over {MAX_NAME} characters")
        elif name in names:
            problems.append(f"two stages are called {s.name!r}")
        names.add(name)
        if s.kind not in KINDS:
            problems.append(f"stage {s.name!r}: kind must be one of {', '.join(KINDS)}")
        if s.quiet_days is not None:
            if s.terminal:
                problems.append(f"stage {s.name!r} is an end: it cannot wait for news")
            elif not 1 <= s.quiet_days <= MAX_QUIET_DAYS:
                problems.append(f"stage {s.name!r}: no-news days must be 1 to {MAX_QUIET_DAYS}")
        if s.rounds and s.terminal:
            problems.append(f"stage {s.name!r} is an end: it cannot have rounds")
    if stages[0].key != FIRST:
        problems.append(f"the first stage must stay {FIRST!r} (new applications start there)")
    if stages[0].terminal:
        problems.append("the first stage cannot be an end")
    no_response = next((s for s in stages if s.key == NO_RESPONSE), None)
    if no_response is None:
        problems.append(f"the {NO_RESPONSE!r} stage is needed (quiet applications go there)")
    elif no_response.kind != EXIT:
        problems.append(f"the {NO_RESPONSE!r} stage must be an exit")
    return problems


def _checked(stages: Sequence[Stage]) -> tuple[Stage, ...]:
    problems = stage_problems(stages)
    if problems:
        raise StageListError("; ".join(problems))
    return tuple(stages)


def _get(stages: Sequence[Stage], key: str) -> Stage:
    found = find_stage(stages, key)
    if found is None:
        raise StageListError(f"no stage {key[:60]!r}")
    return found


def new_key(stages: Sequence[Stage], name: str) -> str:
    """A key for a new stage called ``name``: its words in ASCII lower case joined by '-',
    with a number added when that key is taken."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = "-".join(re.findall(r"[a-z0-9]+", folded))[:36] or "stage"
    taken = {s.key for s in stages}
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def rename_stage(stages: Sequence[Stage], key: str, name: str) -> tuple[Stage, ...]:
    target = _get(stages, key)
    return _checked([replace(s, name=name.strip()) if s is target else s for s in stages])


def set_quiet_days(stages: Sequence[Stage], key: str, days: int | None) -> tuple[Stage, ...]:
    target = _get(stages, key)
    return _checked([replace(s, quiet_days=days) if s is target else s for s in stages])


def add_stage(
    stages: Sequence[Stage],
    name: str,
    *,
    after: str | None = None,
    kind: str = STEP,
    quiet_days: int | None = None,
    rounds: bool = False,
) -> tuple[Stage, ...]:
    """A new stage after ``after``; by default a step goes after the last step, a success
    after the last success, an exit at the end."""
    stage = Stage(new_key(stages, name), name.strip(), kind, quiet_days, rounds)
    if after is not None:
        at = list(stages).index(_get(stages, after)) + 1
    elif kind == EXIT:
        at = len(stages)
    else:
        before = (STEP,) if kind == STEP else (STEP, SUCCESS)
        at = max((i + 1 for i, s in enumerate(stages) if s.kind in before), default=len(stages))
    return _checked([*stages[:at], stage, *stages[at:]])


def reorder_stages(stages: Sequence[Stage], keys: Sequence[str]) -> tuple[Stage, ...]:
    """The same stages in the order of ``keys`` (every stage named once)."""
    picked = [_get(stages, k) for k in keys]
    if len({s.key for s in picked}) != len(picked) or len(picked) != len(stages):
        missing = [s.name for s in stages if s not in picked]
        raise StageListError(
            "name every stage once" + (f" (missing: {', '.join(missing)})" if missing else "")
        )
    return _checked(picked)


def remove_stage(
    stages: Sequence[Stage], key: str, in_use: Iterable[str] = ()
) -> tuple[Stage, ...]:
    """The list without stage ``key``; refused when a history uses it (``in_use``: the keys
    stored in histories), since those entries would lose their meaning: rename it instead."""
    target = _get(stages, key)
    if target.key in set(in_use):
        raise StageListError(
            f"stage {target.name!r} is in the history of applications: rename it instead"
        )
    return _checked([s for s in stages if s is not target])


# -- staleness ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuietProposal(Generic[K]):
    """``ref`` (an application) has had no news for ``days_quiet`` days in ``stage``: the
    person may confirm the move to No response, dismiss it or snooze it."""

    ref: K
    stage: str
    entered: date  # the day it entered the stage (or its latest round)
    due: date  # the day it counted as quiet: ``quiet_days`` later, or when a snooze ended
    days_quiet: int
    quiet_days: int  # the stage's threshold
    propose: str = NO_RESPONSE


def quiet_due(entered: date, quiet_days: int, snoozed_until: date | None = None) -> date:
    """The first day an application that entered its stage on ``entered`` counts as quiet."""
    due = entered + timedelta(days=quiet_days)
    return max(due, snoozed_until) if snoozed_until is not None else due


def quiet_proposal(
    ref: K,
    stage: Stage,
    entered: date,
    today: date,
    *,
    snoozed_until: date | None = None,
    dismissed: bool = False,
) -> QuietProposal[K] | None:
    """The proposal for one application, or None: not quiet yet, snoozed, dismissed for this
    stage, or in a stage that never waits (terminal, or no threshold)."""
    if stage.terminal or stage.quiet_days is None or dismissed:
        return None
    due = quiet_due(entered, stage.quiet_days, snoozed_until)
    if today < due:
        return None
    return QuietProposal(ref, stage.key, entered, due, (today - entered).days, stage.quiet_days)


# -- funnel ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStep:
    stage: str  # key
    name: str
    reached: int
    next_reached: int | None  # None for the last rung
    rate: float | None  # next_reached / reached; None for the last rung or when none reached


@dataclass(frozen=True)
class Funnel(Generic[K]):
    group: K | None
    applications: int
    steps: tuple[FunnelStep, ...]


def furthest(history: Iterable[str], stages: Sequence[Stage]) -> int:
    """The index, among the funnel's rungs (steps and successes in list order), of the
    furthest one in ``history`` (stage keys); -1 when none (keys no longer listed are left
    out)."""
    rungs = {s.key: i for i, s in enumerate(s for s in stages if s.kind != EXIT)}
    return max((rungs[k] for k in history if k in rungs), default=-1)


def funnel(histories: Iterable[Iterable[str]], stages: Sequence[Stage]) -> tuple[FunnelStep, ...]:
    """How many of ``histories`` reached each rung, and the share of them reaching the next."""
    rungs = [s for s in stages if s.kind != EXIT]
    counts = [0] * len(rungs)
    for history in histories:
        top = furthest(history, stages)
        for i in range(top + 1):
            counts[i] += 1
    steps = []
    for i, s in enumerate(rungs):
        nxt = counts[i + 1] if i + 1 < len(rungs) else None
        rate = nxt / counts[i] if nxt is not None and counts[i] else None
        steps.append(FunnelStep(s.key, s.name, counts[i], nxt, rate))
    return tuple(steps)


def funnels_by(
    items: Iterable[tuple[K | None, Sequence[str]]], stages: Sequence[Stage]
) -> list[Funnel[K]]:
    """One funnel per group of ``(group, history)`` items, the largest group first (ties in
    the order first seen)."""
    groups: dict[K | None, list[Sequence[str]]] = {}
    for group, history in items:
        groups.setdefault(group, []).append(history)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    return [Funnel(g, len(h), funnel(h, stages)) for g, h in ordered]


# -- duplicates -----------------------------------------------------------------------------

#: Legal-form words that do not tell two employers apart ("Acme Inc." is "ACME").
COMPANY_FORMS = frozenset(
    "inc incorporated llc ltd limited plc corp corporation co company gmbh ag sa sas bv nv "
    "pty llp lp srl spa oy ab as".split()
)


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.findall(r"[a-z0-9]+(?:\+\+|#)?", folded.replace("&", " and "))


def company_key(name: str) -> str:
    """Two employer names with the same key are the same employer as written: case, accents,
    punctuation and a trailing legal form ignored ("Acme, Inc." ~ "ACME")."""
    words = _words(name)
    while len(words) > 1 and words[-1] in COMPANY_FORMS:
        words.pop()
    return " ".join(words)


def by_key(stages: Sequence[Stage]) -> Mapping[str, Stage]:
    return {s.key: s for s in stages}
