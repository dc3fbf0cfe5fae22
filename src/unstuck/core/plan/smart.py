"""SMART goals: a checker that gives concrete feedback per letter. Reading deadlines is
:mod:`.deadlines`; generating goals from a plan is :mod:`.goals`.

The checker reads a goal the way a coach would and says, for each letter, *pass*, *warn* or
*fail* with a sentence on what to change. It is rule-based so every verdict can be explained:

- **S**pecific: a concrete action verb ("complete", "build", "publish", "contact") followed by
  an object. Verbs that name no observable action ("learn", "improve", "work on") warn; no
  action at all fails.
- **M**easurable: a number that is not part of the date (``3 interviews``, ``20 hours``,
  ``80%``), or a pass/fail credential ("pass the exam", "earn the certificate"). Vague
  quantities ("some", "more", "a few") warn; nothing countable fails.
- **A**chievable: the effort (hours the goal states, or an estimate from what it counts:
  :data:`EFFORT_HOURS`) against the hours available before the deadline
  (``hours_per_week`` x weeks, the deadline day included). Within the hours passes; up to
  :data:`TIGHT` times them warns; beyond fails, with a date that would fit. Missing hours, date
  or effort warns: it cannot be judged, and the feedback says what to add.
- **R**elevant: the goal names the target occupation, one of its important skills, knowledge
  areas or technologies, or a step of the move itself (resume, networking, applications).
  With a target and no link it fails; without a target it warns.
- **T**ime-bound: a date it can resolve against ``today`` (ISO dates, "March 31", "31 March
  2027", "end of June", "within 6 weeks", "next month"). A past date fails; a vague time
  ("soon", "this year") warns; more than a year away warns (break it down).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from unstuck.core.occupations import Occupation
from unstuck.core.plan.deadlines import (
    _NUM,
    _Found,
    _num,
    find_deadline,
)

Verdict = Literal["pass", "warn", "fail"]
LETTERS = (
    ("S", "Specific"),
    ("M", "Measurable"),
    ("A", "Achievable"),
    ("R", "Relevant"),
    ("T", "Time-bound"),
)

#: Effort above the available hours by up to this factor warns; beyond it fails.
TIGHT = 1.5
#: A deadline further away than this warns: a 90-day plan needs nearer milestones.
MAX_DAYS = 365

CONCRETE_VERBS = frozenset(
    """complete finish build publish write submit apply send contact meet interview attend join
    pass earn take enrol enroll register create deliver present lead launch update schedule ask
    read practise practice volunteer ship record design teach run save rewrite draft book talk
    propose share hold spend dedicate
    organise organize host mentor shadow request call email message reach post upload obtain
    achieve land secure negotiate document automate migrate analyse analyze prepare
    complete finish""".split()
)
VAGUE_VERBS = frozenset(
    """learn study understand know improve develop explore try become be grow focus consider
    think look research get better enhance boost strengthen""".split()
)
VAGUE_PHRASES = (
    "work on",
    "get better",
    "look into",
    "think about",
    "focus on",
    "be more",
    "become more",
    "try to",
    "get good",
    "brush up",
)
VAGUE_OBJECTS = frozenset("things stuff something skills myself me it more better".split())
VAGUE_AMOUNTS = (
    "some",
    "several",
    "a few",
    "few",
    "more",
    "many",
    "a lot",
    "lots",
    "various",
    "a bit",
    "regularly",
    "often",
    "as much as",
)


#: Hours per unit for things a goal may count (heuristics, like the learning plan's).
EFFORT_HOURS: tuple[tuple[str, float], ...] = (
    (r"informational interviews?|coffee chats?|conversations?|calls?", 1.5),
    (r"applications?|jobs?|roles?|positions?", 2.0),
    (r"certifications?|certificates?|exams?|credentials?", 40.0),
    (r"courses?|classes?|bootcamps?", 20.0),
    (r"projects?|portfolio pieces?|prototypes?|apps?|dashboards?", 20.0),
    (r"books?", 8.0),
    (r"articles?|posts?|blog posts?|essays?|summaries|summary", 4.0),
    (r"events?|meetups?|conferences?|workshops?|webinars?", 3.0),
    (r"modules?|lessons?|chapters?|tutorials?|exercises?|katas?", 2.0),
    (r"resumes?|cvs?|cover letters?", 4.0),
    (r"linkedin profiles?|profiles?", 3.0),
    (r"people|contacts?|recruiters?|mentors?|alumni|managers?|colleagues?", 1.0),
)
CAREER_TERMS = (
    "resume",
    "cv",
    "linkedin",
    "informational interview",
    "network",
    "mentor",
    "application",
    "apply",
    "applications",
    "interview",
    "networking",
    "portfolio",
    "recruiter",
    "job offer",
    "hiring manager",
    "cover letter",
    "job search",
    "references",
)
_OBJECT_END = frozenset(
    "by within before until on in over and to for at of who that which with from".split()
)
_FILLER = frozenset("a an the my some out up".split())
_TITLE_STOP = frozenset("and or of the for all other workers specialists".split())



@dataclass(frozen=True)
class LetterVerdict:
    letter: str
    name: str
    verdict: Verdict
    feedback: str

    def to_dict(self) -> dict[str, str]:
        return {
            "letter": self.letter,
            "name": self.name,
            "verdict": self.verdict,
            "feedback": self.feedback,
        }


@dataclass(frozen=True)
class GoalCheck:
    goal: str
    letters: tuple[LetterVerdict, ...]
    deadline: date | None
    effort_hours: float | None
    available_hours: float | None

    def __getitem__(self, letter: str) -> LetterVerdict:
        for v in self.letters:
            if v.letter == letter:
                return v
        raise KeyError(letter)

    @property
    def verdict(self) -> Verdict:
        vs = {v.verdict for v in self.letters}
        return "fail" if "fail" in vs else "warn" if "warn" in vs else "pass"

    def to_dict(self) -> dict[str, Any]:
        return {
            "goal": self.goal,
            "verdict": self.verdict,
            "letters": [v.to_dict() for v in self.letters],
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "effort_hours": self.effort_hours,
            "available_hours": (
                None if self.available_hours is None else round(self.available_hours, 1)
            ),
        }


@dataclass(frozen=True)
class TargetContext:
    """What makes a goal relevant: the target's title and its important element names."""

    code: str | None
    title: str
    terms: tuple[str, ...]


def target_context(
    occupation: Occupation, *, min_importance: float = 3.0, extra: Iterable[str] = ()
) -> TargetContext:
    """Relevance terms for ``occupation``: important skills/knowledge, hot tech, titles."""
    terms: list[str] = []
    for r in (*occupation.skills, *occupation.knowledge):
        if r.importance is not None and r.importance >= min_importance and not r.not_relevant:
            terms.append(r.name)
    terms += [t.example for t in occupation.technology if t.hot or t.in_demand]
    terms += list(occupation.alternate_titles[:30])
    terms += list(extra)
    # People name products without their maker: "Power BI" for "Microsoft Power BI".
    terms += [_without_vendor(t) for t in terms if _without_vendor(t) != t]
    return TargetContext(occupation.code, occupation.title, tuple(dict.fromkeys(terms)))


#: Makers whose name people leave off a product's ("Excel", "Power BI", "Photoshop").
VENDORS = frozenset(
    {"microsoft", "google", "adobe", "oracle", "ibm", "sap", "autodesk", "salesforce", "apple",
     "amazon", "intuit", "the mathworks", "atlassian", "tableau"}
)  # fmt: skip


def _without_vendor(term: str) -> str:
    words = term.split()
    for n in (2, 1):
        if len(words) > n and " ".join(words[:n]).casefold() in VENDORS:
            return " ".join(words[n:])
    return term


# --- letters ---------------------------------------------------------------------------------


def _words(t: str) -> list[str]:
    return re.findall(r"[a-z][a-z+#.'-]*", t)


def _lemma(w: str, verbs: frozenset[str]) -> str | None:
    """``w`` as one of ``verbs``, allowing -s, -ed and -ing forms ("completing" -> "complete")."""
    if w in verbs:
        return w
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            for cand in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
                if cand in verbs:
                    return cand
    return None


def _specific(t: str) -> LetterVerdict:
    words = _words(t)
    name = "Specific"
    for i, w in enumerate(words):
        verb = _lemma(w, CONCRETE_VERBS)
        if verb is None:
            continue
        obj: list[str] = []
        for x in words[i + 1 :]:
            if x in _OBJECT_END and obj:
                break
            if x not in _FILLER and x not in _OBJECT_END:
                obj.append(x)
        if obj and not all(x in VAGUE_OBJECTS for x in obj[:2]):
            return LetterVerdict(
                "S", name, "pass", f"Clear action (“{w}”) and object (“{' '.join(obj[:4])}”)."
            )
        return LetterVerdict(
            "S",
            name,
            "warn",
            f"“{w}” is a clear action, but on what? Name the thing: a "
            "course, a project, a person, a document.",
        )
    for phrase in VAGUE_PHRASES:
        if re.search(r"\b" + re.escape(phrase) + r"\b", t):
            return LetterVerdict(
                "S",
                name,
                "warn",
                f"“{phrase}” names no action anyone could see you do. Say what "
                "you will do and to what: “complete the X course”, “build a "
                "Y dashboard”, “contact 3 Z”.",
            )
    got = re.search(
        r"\b(?:get|gets|getting|obtain)\s+(?:[a-z0-9+#.'-]+\s+){0,4}?"
        r"(certificat\w*|certification|licen[cs]e|degree|diploma|offer|job|interview)s?\b",
        t,
    )
    if got:
        return LetterVerdict("S", name, "pass", f"Clear action: getting a {got[1]} is done or not.")
    for w in words:
        if _lemma(w, VAGUE_VERBS):
            return LetterVerdict(
                "S",
                name,
                "warn",
                f"“{w}” is hard to check from outside. Turn it into something "
                "you will do: “complete a course in …”, “build a project that "
                "…”, “publish …”.",
            )
    return LetterVerdict(
        "S",
        name,
        "fail",
        "No action found. Start with a verb for what you will do (complete, "
        "build, contact, publish) and say what it applies to.",
    )


def _count_number(t: str, date_span: tuple[int, int] | None) -> tuple[float, str] | None:
    """The first number outside the date, with the words following it."""
    for m in re.finditer(r"\b" + _NUM + r"(\s*%|\s+percent)?((?:\s+[a-z][a-z'-]*){0,2})", t):
        if date_span and m.start() < date_span[1] and m.end(1) > date_span[0]:
            continue
        if re.fullmatch(r"(19|20)\d\d", m[1]):
            continue  # a year outside a recognised date is still not a measure
        return _num(m[1]), ((m[2] or "") + (m[3] or "")).strip()
    return None


def _measurable(t: str, span: tuple[int, int] | None) -> LetterVerdict:
    name = "Measurable"
    found = _count_number(t, span)
    if found:
        n, unit = found
        kept = []
        for w in unit.split():
            if w in _OBJECT_END or w in _FILLER:
                break
            kept.append(w)
        what = f"{n:g} {' '.join(kept)}".strip()
        return LetterVerdict("M", name, "pass", f"You will know it is done: {what}.")
    if re.search(
        r"\b(pass|passing|earn|earning|obtain|get|complete|completing|finish|finishing)\b.*"
        r"\b(exams?|certificat\w*|credentials?|licen[cs]es?|degrees?|diplomas?|courses?|"
        r"modules?|bootcamps?|programmes?|programs?)\b",
        t,
    ):
        return LetterVerdict(
            "M",
            name,
            "pass",
            "Finishing a named course or credential is done or not: that is measurable. "
            "Add a score or grade to aim for if there is one.",
        )
    for v in VAGUE_AMOUNTS:
        if re.search(r"\b" + re.escape(v) + r"\b", t):
            return LetterVerdict(
                "M",
                name,
                "warn",
                f"“{v}” cannot be counted. Put a number on it: how many, how "
                "many hours, or what score.",
            )
    return LetterVerdict(
        "M",
        name,
        "fail",
        "Nothing to count. Add a number: how many (3 interviews, 2 projects), "
        "how long (20 hours) or how well (a score of 80%).",
    )


def estimate_effort(
    t: str, date_span: tuple[int, int] | None = None, weeks: float | None = None
) -> float | None:
    """Hours a goal implies: stated hours (a weekly rate times ``weeks`` to the deadline), else
    a count of things times :data:`EFFORT_HOURS`."""
    rate = weekly_rate(t)
    if rate is not None:
        return None if weeks is None else rate * weeks
    hm = re.search(r"\b" + _NUM + r"\s*(?:hours?|hrs?|h)\b", t)
    if hm:
        return _num(hm[1])
    for m in re.finditer(
        r"\b(" + _NUM[1:-1] + r"|an?|one|the|my)\s+((?:[a-z+#.'-]+\s+){0,4}?)"
        r"(" + "|".join(p for p, _ in EFFORT_HOURS) + r")\b",
        t,
    ):
        if date_span and m.start() < date_span[1] and m.end(1) > date_span[0]:
            continue
        word = m[1]
        count = 1.0 if word in ("a", "an", "the", "my", "one") else _num(word)
        noun = m[3]
        for pattern, hours in EFFORT_HOURS:
            if re.fullmatch(pattern, noun):
                return count * hours
    return None


def weekly_rate(t: str) -> float | None:
    """Hours a week a goal commits to ("3 hours a week", "30 minutes a day"), if it states one."""
    m = re.search(
        r"\b" + _NUM + r"\s*(hours?|hrs?|h|minutes?|mins?)\s+(?:a|per|each|every)\s+(day|week)\b",
        t,
    )
    if m is None:
        return None
    amount = _num(m[1]) / (60.0 if m[2].startswith("min") else 1.0)
    return amount * (7.0 if m[3] == "day" else 1.0)


def _hours(h: float) -> str:
    return f"{h:.0f}" if h >= 10 else f"{h:.1f}".removesuffix(".0")


def _achievable(
    effort: float | None,
    hours_per_week: float | None,
    deadline: date | None,
    today: date,
    rate: float | None = None,
) -> tuple[LetterVerdict, float | None]:
    name = "Achievable"
    if rate is not None and hours_per_week is not None:
        # A weekly commitment is judged against the weekly hours; moving the date cannot help.
        if rate <= hours_per_week + 1e-9:
            v: Verdict = "pass"
            text = f"{_hours(rate)} hours a week fits your {_hours(hours_per_week)}."
        elif rate <= TIGHT * hours_per_week:
            v = "warn"
            text = (
                f"Tight: {_hours(rate)} hours a week against your {_hours(hours_per_week)}; "
                f"{_hours(hours_per_week)} would fit."
            )
        else:
            v = "fail"
            text = (
                f"{_hours(rate)} hours a week is more than your {_hours(hours_per_week)}. Cut it "
                f"to {_hours(hours_per_week)} hours a week or free more time."
            )
        available = None
        if deadline is not None:
            available = max(0.0, hours_per_week * ((deadline - today).days + 1) / 7.0)
        return LetterVerdict("A", name, v, text), available
    if hours_per_week is None:
        return LetterVerdict(
            "A",
            name,
            "warn",
            "Cannot judge without your weekly hours: say how many hours a "
            "week you have for this (--hours).",
        ), None
    if deadline is None:
        return LetterVerdict(
            "A",
            name,
            "warn",
            "Cannot judge without a date: add one and this checks it against "
            f"your {hours_per_week:g} hours a week.",
        ), None
    days = (deadline - today).days + 1
    available = max(0.0, hours_per_week * days / 7.0)
    if effort is None:
        return LetterVerdict(
            "A",
            name,
            "warn",
            f"You have about {available:.0f} hours by then, but the effort "
            "is unclear: add how many hours it takes (e.g. “20 hours”).",
        ), available
    if hours_per_week <= 0:
        return LetterVerdict(
            "A", name, "fail", "You have no hours a week for this; free some time first."
        ), 0.0
    weeks = math.ceil(effort / hours_per_week)
    fits_by = today + timedelta(days=7 * weeks - 1)
    if effort <= available + 1e-9:
        return LetterVerdict(
            "A",
            name,
            "pass",
            f"About {_hours(effort)} hours of work; you have about {available:.0f} by then.",
        ), available
    if effort <= TIGHT * available:
        return LetterVerdict(
            "A",
            name,
            "warn",
            f"Tight: about {_hours(effort)} hours of work and about {available:.0f} "
            f"available. {fits_by.isoformat()} would fit your hours.",
        ), available
    return LetterVerdict(
        "A",
        name,
        "fail",
        f"About {_hours(effort)} hours of work but only about {available:.0f} "
        f"available by then. Move the date to {fits_by.isoformat()} or cut the "
        "goal down.",
    ), available


def _relevant(t: str, target: TargetContext | None) -> LetterVerdict:
    name = "Relevant"
    if target is not None:
        hits = [x for x in target.terms if _contains(t, x.casefold())]
        # Title words in the singular, so "developer" matches "Software Developers".
        title_words = [
            w.removesuffix("s")
            for w in _words(target.title.casefold())
            if len(w) > 3 and w not in _TITLE_STOP
        ]
        if _contains(t, target.title.casefold()) or any(_contains(t, w) for w in title_words):
            return LetterVerdict("R", name, "pass", f"It names your target, {target.title}.")
        if hits:
            return LetterVerdict("R", name, "pass", f"“{hits[0]}” matters for {target.title}.")
    for term in CAREER_TERMS:
        if _contains(t, term):
            return LetterVerdict("R", name, "pass", f"“{term}” is a step of the move itself.")
    if target is None:
        return LetterVerdict(
            "R",
            name,
            "warn",
            "Say which move this serves: name your target job or the skill it needs (--target).",
        )
    sample = ", ".join(target.terms[:3]) or target.title
    return LetterVerdict(
        "R",
        name,
        "fail",
        f"No link to {target.title} found. Tie it to the target: name it, or "
        f"one of what it needs, such as {sample}.",
    )


def _contains(t: str, term: str) -> bool:
    """Whole-word match, allowing a plural ending ("recruiter" matches "recruiters")."""
    return (
        bool(term)
        and re.search(r"(?<![a-z0-9])" + re.escape(term) + r"(?:e?s)?(?![a-z0-9])", t) is not None
    )


def _time_bound(found: _Found, today: date) -> LetterVerdict:
    name = "Time-bound"
    if found.ambiguous:
        return LetterVerdict(
            "T",
            name,
            "warn",
            f"“{found.ambiguous}” can be read more than one way. Write the "
            "date as YYYY-MM-DD or “31 March 2027”.",
        )
    if found.vague:
        return LetterVerdict(
            "T",
            name,
            "warn",
            f"“{found.vague}” is not a date. Pick one: “by 2027-03-31” or “within 6 weeks”.",
        )
    if found.when is None:
        return LetterVerdict(
            "T",
            name,
            "fail",
            "No deadline. Add a date (“by 2027-03-31”) or a span (“within 8 weeks”).",
        )
    if found.when < today:
        return LetterVerdict(
            "T", name, "fail", f"{found.when.isoformat()} has already passed. Pick a date ahead."
        )
    days = (found.when - today).days
    if days > MAX_DAYS:
        return LetterVerdict(
            "T",
            name,
            "warn",
            f"{found.when.isoformat()} is more than a year away. Set a "
            "milestone within 90 days on the way there.",
        )
    return LetterVerdict(
        "T", name, "pass", f"Deadline {found.when.isoformat()} ({days} days from today)."
    )


def check_goal(
    goal: str,
    *,
    today: date,
    hours_per_week: float | None = None,
    target: TargetContext | None = None,
) -> GoalCheck:
    """Check one goal, letter by letter."""
    t = " ".join(goal.casefold().split())
    found = find_deadline(t, today)
    span = found.span
    weeks = None if found.when is None else max(0, (found.when - today).days + 1) / 7.0
    effort = estimate_effort(t, span, weeks)
    a, available = _achievable(effort, hours_per_week, found.when, today, weekly_rate(t))
    letters = (
        _specific(t),
        _measurable(t, span),
        a,
        _relevant(t, target),
        _time_bound(found, today),
    )
    return GoalCheck(goal, letters, found.when, effort, available)
