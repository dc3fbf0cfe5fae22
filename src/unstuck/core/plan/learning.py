"""The learning plan: activities that close each gap, in prerequisite order, fitted into the hours.

**Catalogue.** Each gap kind gets a fixed recipe of activity kinds (:data:`RECIPES`): skills are
closed by a course, then doing (a practice project, a stretch assignment at the current job) and a
mentor to check; knowledge by reading and a course, then a small project that uses it; a
technology by a tutorial course and then a project; education by a first course of a programme,
a recognised certificate and a talk with an adviser; experience by a stretch assignment,
volunteering and a project. Every activity carries a **proof**: something a recruiter can see
(a portfolio piece, a certificate, a result with a number on the resume).

**Effort estimates are heuristics**, not measurements, stated so a person or coach can judge
and override them. A gap's total effort is :func:`gap_hours`, split over its activities by the
shares in :data:`RECIPES`:

- skills: :data:`HOURS_PER_LEVEL` 20 hours per level point on O*NET's 0–7 scale. Basis: a
  self-paced online course of the usual 4–6 weeks at 3–5 hours a week (15–30 hours) plus the
  same again of practice moves a learner roughly one to two level points at entry levels;
- knowledge: 15 hours per level point (study transfers faster than a skill, less practice);
- technology: a flat 30 hours (a tutorial course and a small project to the level of "used it
  for real work"); O*NET does not rate technology levels, so size cannot scale it;
- education: a flat 70 hours for the first steps inside 90 days (choosing and starting a
  programme and a first certificate); the credential itself takes longer and the plan says so;
- experience: a flat 55 hours of evidence-building (a stretch assignment, volunteering, a
  project) — experience itself cannot be compressed, only started and shown.

Each activity's hours are rounded to whole hours and kept within [:data:`MIN_HOURS`,
:data:`MAX_HOURS`].

**Order.** Within a gap, each activity waits for the one before it in the recipe: learning
comes before practice and practice before proof (:data:`STAGE`). Across gaps, O*NET's basic
skills (element ids ``2.A``) are prerequisites of its cross-functional skills (``2.B``) in the
same plan, and everything else follows priority.
:func:`order_activities` is a topological sort with priority as the tie-break.

**Scheduling.** :func:`schedule` works on up to :data:`PARALLEL` activities at once (so two gaps
move forward together instead of one gap filling all 13 weeks), taking them in that order and
sharing each week's hours between them. An activity starts only once its prerequisites have
finished (possibly earlier in the same week); a week's hours are never exceeded.

**Resources** are links to public catalogues' *search pages* built from the gap's name — no
scraping, nothing fetched — plus whatever the person adds.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import quote_plus

from unstuck.core.plan.credentials import FREE_ROUTES, TYPICAL_COSTS
from unstuck.core.plan.gaps import Gap, GapKind

ActivityKind = Literal[
    "course", "certification", "project", "volunteering", "stretch", "mentoring", "reading"
]
ACTIVITY_KINDS: tuple[ActivityKind, ...] = (
    "course",
    "certification",
    "project",
    "volunteering",
    "stretch",
    "mentoring",
    "reading",
)

#: Learning (0) before practice (1) before proof (2).
STAGE: dict[ActivityKind, int] = {
    "reading": 0,
    "course": 0,
    "mentoring": 0,
    "project": 1,
    "stretch": 1,
    "volunteering": 1,
    "certification": 2,
}

#: Total hours per level point of a gap, by gap kind (None: a flat total, see FLAT_HOURS).
HOURS_PER_LEVEL: dict[GapKind, float] = {"skill": 20.0, "knowledge": 15.0}
FLAT_HOURS: dict[GapKind, float] = {
    "technology": 30.0,
    "education": 70.0,
    "experience": 55.0,
    "credential": 40.0,  # when the credential names no preparation hours
}
MIN_HOURS = 2
MAX_HOURS = 80
#: A named credential's preparation is one activity; the plan keeps its published hours up to
#: this (beyond, it carries over to the next plan and says so).
MAX_CREDENTIAL_HOURS = 160
#: Credit hours of a first course towards a degree (one course of a term).
FIRST_COURSE_CREDITS = 3
#: Activities worked on at the same time.
PARALLEL = 2

#: Activity kinds per gap kind with their share of the gap's hours; the first is the main one.
RECIPES: dict[GapKind, tuple[tuple[ActivityKind, float], ...]] = {
    "skill": (("course", 0.35), ("project", 0.4), ("stretch", 0.2), ("mentoring", 0.05)),
    "knowledge": (("reading", 0.25), ("course", 0.45), ("project", 0.3)),
    "technology": (("course", 0.4), ("project", 0.6)),
    "education": (("mentoring", 0.1), ("course", 0.9)),
    "experience": (("stretch", 0.4), ("volunteering", 0.35), ("project", 0.25)),
    "credential": (("certification", 1.0),),
}
#: A skill or knowledge the person already works with is deepened by doing it at the target's
#: level, never introduced by a course (see :attr:`~.gaps.Gap.familiar`).
FAMILIAR_RECIPE: tuple[tuple[ActivityKind, float], ...] = (("project", 0.6), ("stretch", 0.4))
#: Below this education category, the education gap is a high school equivalency.
HIGH_SCHOOL = 2
HIGH_SCHOOL_EQUIVALENCY = (
    "Earn a high school equivalency credential (GED or HiSET)",
    80,
    (100, 160),
    "GED: about $36-$40 for each of four subject tests; HiSET about $100-$150 in all",
    "free preparation classes at adult education centres and libraries; some states pay the "
    "test fees",
)

#: Size used for a skill or knowledge gap whose size is unknown, in level points.
DEFAULT_SIZE = 1.5


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    source: str  # "catalogue" (a search link we built) or "you" (added by the person)

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "source": self.source}


@dataclass(frozen=True)
class Cost:
    """A typical out-of-pocket cost range in US dollars, with its basis and any free route."""

    low: int
    high: int
    basis: str
    free_route: str = ""

    @property
    def planned(self) -> int:
        """The figure a budget is planned with: the top of the range."""
        return self.high


@dataclass(frozen=True)
class Activity:
    id: str
    gap_key: str
    gap_name: str
    gap_kind: GapKind
    kind: ActivityKind
    title: str
    hours: int
    proof: str
    prerequisites: tuple[str, ...]
    priority: float
    resources: tuple[Resource, ...] = ()
    cost: Cost | None = None
    #: planned by its free route because the paid one does not fit the budget
    free: bool = False
    #: what it asks for first, in words (a credential's prerequisites)
    requires: str = ""
    #: planned at the low end of its cost range, because the top does not fit the budget
    at_low_end: bool = False

    @property
    def cost_usd(self) -> int:
        """What the plan counts against the learning budget."""
        if self.free or self.cost is None:
            return 0
        return self.cost.low if self.at_low_end else self.cost.planned

    def to_dict(self) -> dict[str, Any]:
        c = self.cost
        return {
            "id": self.id,
            "gap": {"key": self.gap_key, "name": self.gap_name, "kind": self.gap_kind},
            "kind": self.kind,
            "title": self.title,
            "hours": self.hours,
            "proof": self.proof,
            "prerequisites": list(self.prerequisites),
            "resources": [r.to_dict() for r in self.resources],
            "cost_usd": self.cost_usd,
            "cost_low": None if c is None else c.low,
            "cost_high": None if c is None else c.high,
            "cost_basis": None if c is None else c.basis,
            "free_route": None if c is None else c.free_route,
            "free": self.free or (c is not None and c.high == 0),
            "requires": self.requires,
        }


@dataclass(frozen=True)
class Slot:
    activity_id: str
    hours: float


@dataclass(frozen=True)
class ScheduledWeek:
    number: int  # 1-based
    capacity: float
    slots: tuple[Slot, ...]

    @property
    def hours(self) -> float:
        return sum(s.hours for s in self.slots)


@dataclass(frozen=True)
class Schedule:
    weeks: tuple[ScheduledWeek, ...]
    finished: dict[str, int]  # activity id -> week it finishes
    unscheduled: tuple[str, ...]  # activities that did not fit in the weeks given

    def week_of(self, activity_id: str) -> int | None:
        return self.finished.get(activity_id)


@dataclass(frozen=True)
class LearningPlan:
    activities: tuple[Activity, ...]  # in order
    schedule: Schedule
    notes: tuple[str, ...] = field(default=())
    budget: int | None = None
    #: paid activities left out because they do not fit the budget, with their cost
    over_budget: tuple[Activity, ...] = ()

    @property
    def total_cost(self) -> int:
        return sum(a.cost_usd for a in self.activities)

    def for_gap(self, gap_key: str) -> tuple[Activity, ...]:
        return tuple(a for a in self.activities if a.gap_key == gap_key)

    @property
    def total_hours(self) -> int:
        return sum(a.hours for a in self.activities)

    def to_dict(self) -> dict[str, Any]:
        return {
            "activities": [
                {**a.to_dict(), "finishes_week": self.schedule.week_of(a.id)}
                for a in self.activities
            ],
            "total_hours": self.total_hours,
            "weeks": [
                {
                    "week": w.number,
                    "capacity": w.capacity,
                    "slots": [
                        {"activity": s.activity_id, "hours": round(s.hours, 2)} for s in w.slots
                    ],
                }
                for w in self.schedule.weeks
            ],
            "unscheduled": list(self.schedule.unscheduled),
            "notes": list(self.notes),
            "budget": self.budget,
            "total_cost": self.total_cost,
            "over_budget": [a.to_dict() for a in self.over_budget],
        }


def gap_hours(gap: Gap) -> float:
    """Total hours to close ``gap`` (heuristic, see the module docstring)."""
    if gap.kind == "credential" and gap.credential is not None and gap.credential.hours:
        return float(gap.credential.hours)
    if gap.kind == "education" and _below_high_school(gap):
        return float(HIGH_SCHOOL_EQUIVALENCY[1])
    if gap.kind in HOURS_PER_LEVEL:
        size = gap.size if gap.size is not None and gap.size > 0 else DEFAULT_SIZE
        return HOURS_PER_LEVEL[gap.kind] * size
    return FLAT_HOURS[gap.kind]


def estimate_hours(gap: Gap, share: float) -> int:
    """Hours for one activity taking ``share`` of the gap's total."""
    top = MAX_CREDENTIAL_HOURS if gap.kind in ("credential", "education") else MAX_HOURS
    return int(min(top, max(MIN_HOURS, round(gap_hours(gap) * share))))


def _below_high_school(gap: Gap) -> bool:
    return gap.required is not None and gap.required <= HIGH_SCHOOL


def _free_route(*keys: str) -> str:
    routes = dict(FREE_ROUTES)
    return " ".join(routes[k] for k in keys if k in routes)


def activity_cost(kind: ActivityKind, gap: Gap) -> Cost:
    """The typical cost of one activity (see :mod:`.credentials` for the figures' basis)."""
    if gap.kind == "credential" and gap.credential is not None:
        c = gap.credential
        return Cost(c.cost[0], c.cost[1], c.basis, c.free_note or _free_route("employer", "wioa"))
    if gap.kind == "education" and kind in ("course", "certification"):
        if _below_high_school(gap):
            _, _, cost, basis, free = HIGH_SCHOOL_EQUIVALENCY
            return Cost(cost[0], cost[1], basis, free)
        low, high, basis = TYPICAL_COSTS["credit"]
        n = FIRST_COURSE_CREDITS
        return Cost(
            low * n,
            high * n,
            f"{n} credits at ${low}-${high} {basis.removeprefix('per credit: ')}",
            "Federal Pell Grants (apply with the FAFSA) and employer tuition assistance pay "
            "for credit courses; many colleges give credit for what you already know.",
        )
    low, high, basis = TYPICAL_COSTS.get(kind, (0, 0, "your own time"))
    free = ""
    if kind == "course":
        free = _free_route("audit", "library")
    elif kind == "reading":
        free = "Borrow it from your public library."
    elif kind == "certification":
        free = _free_route("employer")
    return Cost(low, high, basis, free)


#: Titles for gaps that are not a named skill: a level of education, related experience.
_EDUCATION_TITLES: dict[ActivityKind, str] = {
    "mentoring": "Talk to an adviser about routes to a {level}: part-time, online, credit for "
    "what you already know",
    "course": "Take the first credit course towards a {level} at an accredited college",
    "certification": "Earn a recognised certificate on the way to a {level}",
}
_EXPERIENCE_TITLES: dict[ActivityKind, str] = {
    "stretch": "Take on a stretch assignment at work that resembles the target job",
    "volunteering": "Volunteer in a role that resembles the target job",
    "project": "Build a project that shows the target job's kind of work",
}


#: How a named credential is got, by its kind: a course or programme is completed, not earned.
_CREDENTIAL_VERBS = {
    "certificate": "Complete the",
    "programme": "Complete the",
    "exam": "Prepare for and pass the",
}


def _title(kind: ActivityKind, gap: Gap) -> str:
    if gap.kind == "education" and _below_high_school(gap):
        return HIGH_SCHOOL_EQUIVALENCY[0]
    if gap.kind == "education" and kind in _EDUCATION_TITLES:
        return _EDUCATION_TITLES[kind].format(level=_education_level(gap))
    if gap.kind == "experience" and kind in _EXPERIENCE_TITLES:
        return _EXPERIENCE_TITLES[kind]
    n = gap.name
    if gap.kind == "credential":
        c = gap.credential
        issuer = f" ({c.issuer})" if c is not None and c.issuer else ""
        if n.startswith(("A ", "An ")):  # a piece of work to make: "A UX portfolio of..."
            return f"Build {n[0].lower()}{n[1:]}"
        verb = _CREDENTIAL_VERBS.get(c.kind if c is not None else "", "Prepare for and earn the")
        return f"{verb} {n}{issuer}"
    if gap.familiar and kind == "project":
        return f"Show your {n} at the level the target work needs: a work sample or project"
    if gap.familiar and kind == "stretch":
        return f"Take on a stretch assignment that uses your {n} at a higher level"
    return {
        "course": f"Take a course in {n}",
        "certification": f"Earn a recognised certificate in {n}",
        "project": f"Build a practice project that uses {n}",
        "volunteering": f"Volunteer where you can use and grow {n}",
        "stretch": f"Take on a stretch assignment at work that needs {n}",
        "mentoring": f"Meet someone strong in {n} for feedback on your progress",
        "reading": f"Read a well-reviewed introduction to {n}",
    }[kind]


def _education_level(gap: Gap) -> str:
    return gap.name.split(": ", 1)[-1]


def _proof(kind: ActivityKind, gap: Gap) -> str:
    n = gap.name
    if gap.kind == "credential" and n.startswith(("A ", "An ")):
        return f"{n}, linked from your resume and LinkedIn"
    if gap.kind == "credential":
        return f"The {n}, listed with its issuer and date on your resume and LinkedIn"
    if gap.kind == "education" and _below_high_school(gap):
        return "The credential itself: it opens most training programmes and job applications"
    if gap.kind == "education":
        n = _education_level(gap)
        if kind == "mentoring":
            return (
                f"A written route to a {n} (programme, cost, months, credit for prior learning) "
                "you can mention in interviews"
            )
    if gap.kind == "experience":
        n = "the target job's kind of work"
    return {
        "course": f"The course's completion record and its final assignment on {n}, "
        "linked from your LinkedIn profile",
        "certification": "The certificate, listed with its issuer and date on your resume "
        "and LinkedIn",
        "project": f"A portfolio piece: a public write-up or repository showing the problem, "
        f"how you used {n}, and the result",
        "volunteering": "A resume line with the organisation, what you did and a number "
        "(people served, hours, money raised), and a reference",
        "stretch": f"A resume line with a measurable result of the assignment that used {n} "
        "(time saved, errors cut, revenue)",
        "mentoring": "A written recommendation or reference from your mentor on LinkedIn",
        "reading": f"A short public article or post on what you learned about {n} and how "
        "you would apply it",
    }[kind]


def catalogue_links(gap: Gap, kind: ActivityKind) -> tuple[Resource, ...]:
    """Search-page links on public catalogues for the gap's name (built, never fetched)."""
    if gap.kind == "experience":
        return ()  # experience is found at work and in volunteering, not in a catalogue
    if gap.kind == "credential":
        q = quote_plus(gap.name)
        return (
            Resource(
                f"{gap.name}: programmes and providers (CareerOneStop)",
                f"https://www.careeronestop.org/Toolkit/Training/find-certifications.aspx"
                f"?keyword={q}",
                "catalogue",
            ),
        )
    if gap.kind == "education":
        if _below_high_school(gap):
            return (
                Resource(
                    "Adult education and high school equivalency near you (CareerOneStop)",
                    "https://www.careeronestop.org/FindTraining/Types/adult-education.aspx",
                    "catalogue",
                ),
            )
        if kind in ("course", "mentoring"):
            return (
                Resource(
                    "Accredited colleges and their costs (College Navigator, NCES)",
                    "https://nces.ed.gov/collegenavigator/",
                    "catalogue",
                ),
            )
        return ()
    name = gap.name
    q = quote_plus(name)
    if kind in ("course", "project"):
        return (
            Resource(
                f"Courses on {name} (Coursera)",
                f"https://www.coursera.org/search?query={q}",
                "catalogue",
            ),
            Resource(f"Courses on {name} (edX)", f"https://www.edx.org/search?q={q}", "catalogue"),
            Resource(
                f"{name} at MIT OpenCourseWare", f"https://ocw.mit.edu/search/?q={q}", "catalogue"
            ),
        )
    if kind == "certification":
        return (
            Resource(
                f"Certifications for {name} (CareerOneStop)",
                f"https://www.careeronestop.org/Toolkit/Training/find-certifications.aspx"
                f"?keyword={q}",
                "catalogue",
            ),
        )
    if kind == "reading":
        return (
            Resource(
                f"Books on {name} (Open Library)",
                f"https://openlibrary.org/search?q={q}",
                "catalogue",
            ),
        )
    return ()


def _activity_id(gap: Gap, kind: ActivityKind) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in gap.key.casefold()).strip("-")
    if any(not (c.isalnum() or c in " -._") for c in gap.key):
        # The slug drops signs that tell technologies apart ("C", "C#", "C++"): a short
        # digest of the key keeps their ids distinct (and stable across rebuilds).
        slug += "-" + hashlib.sha1(gap.key.encode("utf-8")).hexdigest()[:6]
    return f"{gap.kind}.{slug}.{kind}"


def activities_for_gap(
    gap: Gap, extra: Sequence[Resource] = (), kinds: Sequence[ActivityKind] | None = None
) -> tuple[Activity, ...]:
    """The recipe's activities for one gap, each with hours, proof and resources.

    Within the gap each stage depends on the one before it (learn, then practise, then prove).
    The person's own resources go on the gap's first activity, ahead of the catalogue links.
    """
    recipe = RECIPES[gap.kind]
    if gap.familiar and gap.kind in ("skill", "knowledge"):
        recipe = FAMILIAR_RECIPE
    if gap.kind == "education" and _below_high_school(gap):
        recipe = (("certification", 1.0),)
    if kinds is not None:
        wanted = [(k, sh) for k, sh in recipe if k in kinds]
        total = sum(sh for _, sh in wanted) or 1.0
        recipe = tuple((k, sh / total) for k, sh in wanted)
    chosen = tuple(k for k, _ in recipe)
    shares = dict(recipe)
    if not chosen:
        raise ValueError(f"no activity kinds for gap {gap.key!r}")
    out: list[Activity] = []
    for i, kind in enumerate(chosen):
        # Each activity waits for the one before it: the recipe is learn, practise, prove.
        prereqs = (_activity_id(gap, chosen[i - 1]),) if i else ()
        resources = catalogue_links(gap, kind)
        if i == 0:
            resources = tuple(extra) + resources
        out.append(
            Activity(
                id=_activity_id(gap, kind),
                gap_key=gap.key,
                gap_name=gap.name,
                gap_kind=gap.kind,
                kind=kind,
                title=_title(kind, gap),
                hours=estimate_hours(gap, shares[kind]),
                proof=_proof(kind, gap),
                prerequisites=prereqs,
                priority=gap.priority,
                resources=resources,
                cost=activity_cost(kind, gap),
                requires=gap.credential.needs if gap.credential is not None else "",
            )
        )
    return tuple(out)


def affordable(gaps: Sequence[Gap], budget: int | None) -> list[Gap]:
    """The gaps, in order, with those left out whose every activity the budget leaves out
    (a credential whose cheapest fee is beyond what is left): the plan works on the next
    gap instead, and :func:`fit_budget` names the one left out."""
    if budget is None:
        return list(gaps)
    out: list[Gap] = []
    left_out: list[Gap] = []
    acts = [a for g in gaps for a in activities_for_gap(g)]
    kept, _, _ = fit_budget(acts, budget)
    kept_gaps = {a.gap_key for a in kept}
    for g in gaps:
        (out if g.key in kept_gaps else left_out).append(g)
    # the ones left out stay at the end, so the plan can still say what does not fit
    return out + left_out


def fit_budget(
    activities: Sequence[Activity], budget: int | None
) -> tuple[list[Activity], list[Activity], list[str]]:
    """Keep the planned cost within ``budget``: in plan order, a paid activity that does not fit
    takes its free route when it has one (a course audited, a book borrowed) and is otherwise
    left out (its dependents then wait for what it waited for). Returns (kept, left out,
    notes); without a budget everything is kept at its cost."""
    if budget is None:
        return list(activities), [], []
    spent = 0
    kept: list[Activity] = []
    out: list[Activity] = []
    notes: list[str] = []
    dropped: dict[str, tuple[str, ...]] = {}
    free_route_kinds = ("course", "reading")
    for a in activities:
        if dropped:
            pre: list[str] = []
            for p in a.prerequisites:
                pre.extend(dropped.get(p, (p,)))
            a = replace(a, prerequisites=tuple(dict.fromkeys(pre)))
        cost = a.cost_usd
        if cost == 0 or spent + cost <= budget:
            spent += cost
            kept.append(a)
            continue
        c = a.cost
        assert c is not None
        if c.low > 0 and spent + c.low <= budget:
            spent += c.low
            kept.append(replace(a, at_low_end=True))
            notes.append(
                f"“{a.title}” is planned at the low end of its typical ${c.low:,}-${c.high:,} "
                f"({c.basis}) to stay within your ${budget:,} learning budget: look for member "
                f"prices and self-study routes. {c.free_route}".rstrip()
            )
            continue
        if a.kind in free_route_kinds and c.low == 0:
            kept.append(replace(a, free=True))
            notes.append(
                f"“{a.title}” is planned by its free route to stay within your "
                f"${budget:,} learning budget: {c.free_route or 'audit it for free'}"
            )
            continue
        out.append(a)
        dropped[a.id] = a.prerequisites
        route = c.free_route or _free_route("employer", "wioa")
        notes.append(
            f"Not within your ${budget:,} learning budget: “{a.title}” (typically "
            f"${c.low:,}-${c.high:,}; {c.basis}). Free or paid-for routes: {route}"
        )
    return kept, out, notes


def _is_basic(key: str) -> bool:
    return key.startswith("2.A.")


def order_activities(activities: Sequence[Activity]) -> tuple[Activity, ...]:
    """Topological order (prerequisites first); ties go to higher priority, then lower stage.

    Raises ``ValueError`` on a cycle or a prerequisite that is not in the list.
    """
    by_id = {a.id: a for a in activities}
    if len(by_id) != len(activities):
        raise ValueError("duplicate activity ids")
    deps: dict[str, set[str]] = {}
    for a in activities:
        for p in a.prerequisites:
            if p not in by_id:
                raise ValueError(f"{a.id} needs {p}, which is not in the plan")
        deps[a.id] = set(a.prerequisites)
    users: dict[str, list[str]] = {a.id: [] for a in activities}
    for aid, ps in deps.items():
        for p in ps:
            users[p].append(aid)
    position = {a.id: n for n, a in enumerate(activities)}

    def key(a: Activity) -> tuple[float, int, int]:
        return (-a.priority, STAGE[a.kind], position[a.id])

    ready = [(key(by_id[i]), i) for i, d in deps.items() if not d]
    heapq.heapify(ready)
    out: list[Activity] = []
    while ready:
        _, aid = heapq.heappop(ready)
        out.append(by_id[aid])
        for u in users[aid]:
            deps[u].discard(aid)
            if not deps[u]:
                heapq.heappush(ready, (key(by_id[u]), u))
    if len(out) != len(activities):
        raise ValueError("the activities' prerequisites form a cycle")
    return tuple(out)


def schedule(
    activities: Sequence[Activity], capacities: Sequence[float], *, parallel: int = PARALLEL
) -> Schedule:
    """Fit ``activities`` (prerequisites first, see :func:`order_activities`) into weeks.

    Up to ``parallel`` activities are active at once and share a week's hours evenly (one that
    needs less leaves the rest to the others). An activity joins when a slot is free and all its
    prerequisites have finished. Activities that do not finish in the weeks given are listed in
    ``unscheduled``; hours already spent on them stay in the weeks, so the person sees them
    started.
    """
    if any(c < 0 for c in capacities):
        raise ValueError("weekly capacity must not be negative")
    if parallel < 1:
        raise ValueError("parallel must be at least 1")
    eps = 1e-9
    remaining = {a.id: float(a.hours) for a in activities}
    waiting = list(activities)
    active: list[Activity] = []
    done: set[str] = set()
    finished: dict[str, int] = {}
    weeks: list[ScheduledWeek] = []
    for n, cap in enumerate(capacities):
        room = float(cap)
        spent: dict[str, float] = {}
        while room > eps:
            # Fill free slots with the first waiting activities whose prerequisites are done.
            for a in list(waiting):
                if len(active) >= parallel:
                    break
                if all(p in done for p in a.prerequisites):
                    active.append(a)
                    waiting.remove(a)
            if not active:
                break
            # Water-filling: the smallest needs first, each taking at most an even share of
            # what is left, so what one does not need goes to the others.
            order = sorted(active, key=lambda x: remaining[x.id])
            for i, a in enumerate(order):
                take = min(remaining[a.id], room / (len(order) - i))
                spent[a.id] = spent.get(a.id, 0.0) + take
                remaining[a.id] -= take
                room -= take
                if remaining[a.id] <= eps:
                    active.remove(a)
                    done.add(a.id)
                    finished[a.id] = n + 1
            if all(remaining[a.id] > eps for a in active) and room <= eps:
                break
        weeks.append(
            ScheduledWeek(
                n + 1, float(cap), tuple(Slot(aid, h) for aid, h in spent.items() if h > eps)
            )
        )
    unscheduled = tuple(a.id for a in activities if a.id not in done)
    return Schedule(tuple(weeks), finished, unscheduled)


def build_learning_plan(
    gaps: Sequence[Gap],
    capacities: Sequence[float],
    *,
    resources: Mapping[str, Sequence[Resource]] | None = None,
    max_gaps: int | None = None,
    hours: Mapping[str, int] | None = None,
    budget: int | None = None,
    leave_out: Sequence[ActivityKind] = (),
) -> LearningPlan:
    """Activities for the ``max_gaps`` highest-priority gaps, ordered and scheduled.

    ``capacities`` are the hours available for learning in each week; ``resources`` maps a
    gap key to links the person added; ``hours`` maps an activity id to the hours the person
    (or their coach) sets instead of the estimate (ids not in the plan are ignored);
    ``budget`` bounds the planned cost (:func:`fit_budget`); ``leave_out`` names activity kinds
    not to plan (a gap keeps at least its main activity).
    """
    for aid, h in (hours or {}).items():
        if h < 1:
            raise ValueError(f"hours for {aid} must be at least 1")
    chosen = affordable(sorted(gaps, key=lambda g: -g.priority), budget)
    notes: list[str] = []
    if max_gaps is not None and len(chosen) > max_gaps:
        notes.append(
            f"{len(chosen) - max_gaps} lower-priority gaps are left for a later plan, so this "
            "one stays doable."
        )
        chosen = chosen[:max_gaps]
    extra = resources or {}
    acts: list[Activity] = []
    for g in chosen:
        kinds = None
        if leave_out:
            recipe = activities_for_gap(g)
            kinds = [a.kind for a in recipe if a.kind not in leave_out] or [recipe[0].kind]
        acts.extend(activities_for_gap(g, extra.get(g.key, ()), kinds))
    if hours:
        acts = [replace(a, hours=int(hours[a.id])) if a.id in hours else a for a in acts]
    # Basic skills (reading, speaking, maths, science...) first: cross-functional skills
    # build on them. The first activity of each cross-functional gap waits for the last
    # learning-stage activity of each basic-skill gap.
    basic_done = [
        [a for a in acts if a.gap_key == g.key and STAGE[a.kind] == 0][-1].id
        for g in chosen
        if g.kind == "skill"
        and _is_basic(g.key)
        and any(a.gap_key == g.key and STAGE[a.kind] == 0 for a in acts)
    ]
    if basic_done:
        first_of: dict[str, str] = {}
        for a in acts:
            first_of.setdefault(a.gap_key, a.id)
        fixed: list[Activity] = []
        for a in acts:
            if (
                a.gap_kind == "skill"
                and a.gap_key.startswith("2.B.")
                and first_of[a.gap_key] == a.id
            ):
                a = replace(a, prerequisites=a.prerequisites + tuple(basic_done))
            fixed.append(a)
        acts = fixed
    ordered, over, budget_notes = fit_budget(order_activities(acts), budget)
    notes.extend(budget_notes)
    ordered = list(order_activities(ordered))
    sched = schedule(ordered, capacities)
    if sched.unscheduled:
        notes.append(
            f"{len(sched.unscheduled)} activities do not fit in the {len(capacities)} weeks at "
            "the hours you have; they carry over to the next plan."
        )
    return LearningPlan(tuple(ordered), sched, tuple(notes), budget, tuple(over))
