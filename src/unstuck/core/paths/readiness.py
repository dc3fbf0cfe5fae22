"""How long until a person could credibly apply for an occupation, and why.

"Ready in about N months" is the sum of what entry really takes, each part shown:

1. **A regulated route** (:mod:`.routes`) when the occupation has one the person does not hold:
   a nursing degree and the NCLEX, a JD and the bar, a CDL course, an apprenticeship.
2. **A degree step** when the occupation's typical entry education (BLS Employment Projections)
   is above the person's and is really required: when a fair share of the people in the job
   (:data:`WAIVER_SHARE` of O*NET's incumbents) say no more than the person's education is
   needed, the degree is typical, not a gate, and no step is added (the estimate says so).
   Coursework that can be done part-time runs at the pace the person's weekly hours allow
   (:func:`credits_per_year`); doctorates and routes marked full-time run at their calendar length.
3. **Related experience** the occupation asks for (BLS: none, less than 5 years, 5 years or more;
   O*NET's related-experience distribution places it within that band), less the person's years
   in their occupation, credited in proportion to how close that work is to the target.
4. **Leading people first** for a manager or supervisor move from a role that does not lead.
5. **The skill gap**: the shortfall on the elements that matter in the target (O*NET importance
   3 or more), each level point costing :data:`HOURS_PER_LEVEL` hours of learning scaled by how
   much the element matters, at the person's hours a week. A degree or route step covers it.

Steps 1-2 come one after another; 3-5 run side by side (experience accrues while one learns),
so the longest of them counts. What cannot be estimated stays unknown: no data about the target
at all gives ``months=None``, never 0; a skill gap that cannot be measured (no ratings, even by
proxy) leaves a lower bound marked ``complete=False``.

Pure: plain values in, a :class:`Readiness` out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from unstuck.core.paths.routes import Route, RouteStep, route_for

WEEKS_A_MONTH = 52.0 / 12.0

#: BLS "Typical education needed for entry" as O*NET "Required Level of Education" categories.
BLS_EDUCATION: dict[str, int] = {
    "No formal educational credential": 1,
    "High school diploma or equivalent": 2,
    "Postsecondary nondegree award": 3,
    "Some college, no degree": 4,
    "Associate's degree": 5,
    "Bachelor's degree": 6,
    "Master's degree": 8,
    "Doctoral or professional degree": 11,
}
LEVEL_NAMES: dict[int, str] = {
    1: "no diploma",
    2: "a high school diploma",
    3: "a postsecondary certificate",
    4: "some college",
    5: "an associate degree",
    6: "a bachelor's degree",
    7: "a post-baccalaureate certificate",
    8: "a master's degree",
    9: "a post-master's certificate",
    10: "a professional degree",
    11: "a doctorate",
    12: "post-doctoral training",
}
#: Semester credits a person at each education level has completed, for the coursework gap.
CREDITS_AT_LEVEL: dict[int, float] = {
    1: 0, 2: 0, 3: 0, 4: 15, 5: 60, 6: 120, 7: 138, 8: 156, 9: 174, 10: 210, 11: 216, 12: 216,
}
#: O*NET's required level overrides BLS's typical entry education when this share names it.
MAJORITY_SHARE = 55.0
#: A degree is typical rather than required when at least this share of incumbents say no more
#: than the person's education is needed (O*NET Education, Training, and Experience, RL scale).
WAIVER_SHARE = 40.0
#: Working adults studying part-time: credits a year per weekly hour of their own time, and the
#: most a part-time student takes in a year; full-time students take about 30.
CREDITS_PER_WEEKLY_HOUR = 2.5
PART_TIME_MAX_CREDITS = 24.0
FULL_TIME_CREDITS = 30.0
#: A doctorate without a route of its own: calendar months full-time after a bachelor's
#: (less with a master's).
DOCTORATE_MONTHS = 60.0
DOCTORATE_MONTHS_AFTER_MASTERS = 48.0
#: A postsecondary nondegree award without a route of its own: hours of training.
CERTIFICATE_HOURS = 500.0
GED_MONTHS = 6.0
#: Hours of study before one is hired per level point of what an occupation specifically
#: needs (a shortfall of one level on an element fully specific to it), by its job zone. Low
#: zones learn mostly on the job (O*NET: "a few months to one year of working with experienced
#: employees"), so little of their preparation comes before hiring; zones 4-5 expect it first.
PREHIRE_HOURS: dict[int, float] = {1: 10.0, 2: 30.0, 3: 16.0, 4: 80.0, 5: 80.0}
IMPORTANT = 3.0
#: Hours of study, by job zone, that moving to work entirely unlike one's own adds.
DISTANCE_HOURS: dict[int, float] = {1: 0.0, 2: 0.0, 3: 300.0, 4: 450.0, 5: 300.0}
#: Differences this small between a person's levels and an occupation's (in specificity-weighted
#: level points) are the normal spread between people in one job; only the rest needs study.
SKILL_DEAD_ZONE = 1.0
#: A degree is a gate, with no way in by experience, when fewer than this share of incumbents
#: work with less; otherwise related experience (at least EXPERIENCE_ROUTE_YEARS) is another
#: way in, and the estimate takes the shorter.
EXPERIENCE_ROUTE_SHARE = 10.0
EXPERIENCE_ROUTE_YEARS = 2.0
#: Experience in place of a degree: years of related work beyond what the occupation asks
#: anyway, per year of full-time study the person would skip.
YEARS_PER_STUDY_YEAR = 0.25
#: A manager role from a role that does not lead: years in one's field at which some leading
#: (of projects, of newer staff) is likely already done, halving the lead step, and at which
#: lead roles come while the years of experience still accrue.
SENIOR_YEARS = 10.0
#: A move up into leading one's own kind of work counts at least this share of one's years.
STEP_UP_CREDIT = 0.4
#: What the skill gap counts: knowledge areas, technical skills, mathematics and science, the
#: things people learn by study. Basic, social, systems and resource-management skills grow
#: with work itself and are covered by the experience and lead steps.
LEARNABLE_PREFIXES = ("2.C.", "2.B.3.", "2.A.1.e", "2.A.1.f")
#: Learnt by leading people rather than by courses: left out of the skill gap of a move up.
LEADERSHIP_ELEMENTS = frozenset({"2.C.1.a", "2.C.1.f"})
#: Months of leading people (a lead, acting or supervisor role) before a manager role, and
#: before a first-line supervisor role; doubled for a manager role two or more job zones up.
MANAGER_LEAD_MONTHS = 12.0
#: A first-line supervisor role over work one has not done: years in that work first.
SUPERVISED_WORK_YEARS = 3.0
MAX_LEAD_MONTHS = 36.0
SUPERVISOR_LEAD_MONTHS = 3.0
#: Midpoint in years of O*NET's related-experience (RW) categories 1-11.
RW_YEARS: dict[int, float] = {
    1: 0.0, 2: 0.04, 3: 0.17, 4: 0.375, 5: 0.75, 6: 1.5, 7: 3.0, 8: 5.0, 9: 7.0, 10: 9.0, 11: 12.0,
}
#: BLS "long-term on-the-job training" (more than 12 months) for someone from other work.
LONG_TERM_TRAINING_MONTHS = 12.0
#: Hours a week assumed when the person has not said.
DEFAULT_HOURS = 10.0


@dataclass(frozen=True)
class EntryFacts:
    """What entry into one occupation takes, from the data (any part may be missing)."""

    code: str
    title: str = ""
    job_zone: int | None = None
    bls_education: str | None = None
    bls_experience: str | None = None
    bls_training: str | None = None
    #: O*NET RL / RW / OJ distributions: category -> percent of incumbents
    education_shares: Mapping[int, float] = field(default_factory=dict)
    experience_shares: Mapping[int, float] = field(default_factory=dict)
    training_shares: Mapping[int, float] = field(default_factory=dict)

    @property
    def known(self) -> bool:
        return bool(
            self.job_zone or self.bls_education or self.education_shares or self.experience_shares
        )


@dataclass(frozen=True)
class Background:
    """The person's side: what they bring."""

    occupation: str | None = None
    education: int | None = None  # O*NET RL category
    credentials: tuple[str, ...] = ()
    years: float | None = None  # in their current occupation
    hours_per_week: float | None = None
    #: the person's occupation is a supervisor or manager occupation (they lead people now)
    leads: bool = False


@dataclass(frozen=True)
class Step:
    kind: str  # route, degree, experience, lead, skills, training
    label: str
    months: float
    detail: str = ""


@dataclass(frozen=True)
class Readiness:
    months: float | None
    steps: tuple[Step, ...]
    notes: tuple[str, ...] = ()
    #: False: part of it could not be estimated (then ``months`` is a lower bound)
    complete: bool = True
    hours_per_week: float = DEFAULT_HOURS
    assumed_hours: bool = False
    route: str | None = None

    @property
    def summary(self) -> str:
        """One sentence: the parts in order, with their months."""
        if self.months is None:
            return "Not enough data to estimate how long getting ready would take."
        if not self.steps:
            return "You could apply now."
        parts = "; ".join(f"{s.label} (about {fmt_months(s.months)})" for s in self.steps)
        return parts + ("; the skill gap could not be measured" if not self.complete else "")


def fmt_months(months: float) -> str:
    if months < 1:
        return "less than a month"
    if months < 24:
        n = round(months)
        return f"{n} month" + ("s" if n != 1 else "")
    years = months / 12
    return f"{years:.1f} years".replace(".0 years", " years")


def credits_per_year(hours_per_week: float, full_time: bool = False) -> float:
    if full_time:
        return FULL_TIME_CREDITS
    return max(1.0, min(PART_TIME_MAX_CREDITS, CREDITS_PER_WEEKLY_HOUR * hours_per_week))


def required_level(entry: EntryFacts) -> int | None:
    """The education the occupation typically asks for at entry: BLS's typical entry education;
    O*NET's most reported required level instead when a clear majority
    (:data:`MAJORITY_SHARE`) of incumbents name a higher one, or when BLS is silent."""
    bls = BLS_EDUCATION.get(entry.bls_education or "")
    shares = entry.education_shares
    if shares:
        mode = max(shares, key=lambda k: (shares[k], -k))
        median = _median_category(shares)
        if bls is None:
            return median
        if mode > bls and shares[mode] >= MAJORITY_SHARE:
            return mode
        if median is not None and median >= 7 and median > bls:
            # most incumbents say a graduate credential is needed: trust them over the
            # typical entry level
            return median
    return bls if bls is not None else _median_category(shares)


def share_at_or_below(shares: Mapping[int, float], level: int) -> float:
    return float(sum(v for k, v in shares.items() if k <= level))


def _median_category(shares: Mapping[int, float]) -> int | None:
    total = sum(shares.values())
    if total <= 0:
        return None
    run = 0.0
    for cat in sorted(shares):
        run += shares[cat]
        if run >= total / 2:
            return cat
    return max(shares)


def experience_years(entry: EntryFacts) -> float:
    """Years of related experience entry asks for: BLS's band, placed by O*NET's median."""
    median = _median_category(entry.experience_shares)
    rw = RW_YEARS.get(median, 0.0) if median is not None else None
    band = entry.bls_experience
    if band == "5 years or more":
        return max(5.0, rw or 0.0)
    if band == "Less than 5 years":
        return 2.0 if rw is None else min(4.0, max(1.0, rw))
    if band == "None":
        return 0.0
    return 0.0 if rw is None or rw < 2.0 else rw


def is_manager(code: str) -> bool:
    return code.startswith("11-")


def is_supervisor(code: str, title: str = "") -> bool:
    """First-line supervisors: SOC minor group 1 of each major group ("35-1012")."""
    if title:
        return title.startswith("First-Line Supervisors")
    return code[3:4] == "1" and not code.startswith(("11-", "13-", "15-", "17-", "19-", "25-"))


def _months_for_hours(hours: float, per_week: float) -> float:
    return hours / (per_week * WEEKS_A_MONTH)


def _route_steps(route: Route, bg: Background, per_week: float) -> list[Step]:
    out: list[Step] = []
    for rs in route.steps:
        if _skip(rs, bg):
            continue
        months = _step_months(rs, per_week, route.full_time)
        if (bg.education or 0) >= 6:
            if rs.months_with_degree is not None:
                months = rs.months_with_degree
            if rs.credits_with_degree is not None:
                months = 12.0 * rs.credits_with_degree / credits_per_year(
                    per_week, route.full_time
                )
        out.append(Step("route", rs.label, months))
    return out


def _skip(rs: RouteStep, bg: Background) -> bool:
    if rs.skip_from_level is not None and (bg.education or 0) >= rs.skip_from_level:
        return True
    if rs.skip_if_holds:
        pattern = re.compile(rs.skip_if_holds, re.IGNORECASE)
        if any(pattern.search(c) for c in bg.credentials):
            return True
    return bool(bg.occupation and any(bg.occupation.startswith(p) for p in rs.skip_family))


def _step_months(rs: RouteStep, per_week: float, full_time: bool) -> float:
    if rs.months is not None:
        return rs.months
    if rs.credits is not None:
        return 12.0 * rs.credits / credits_per_year(per_week, full_time)
    if rs.hours is not None:
        return _months_for_hours(rs.hours, 40.0 if full_time else per_week)
    return 0.0


def degree_step(
    have: int | None, need: int, per_week: float, full_time: bool = False
) -> Step | None:
    """Coursework from education level ``have`` to ``need`` (O*NET RL categories)."""
    have = have or 1
    if have >= need:
        return None
    name = LEVEL_NAMES.get(need, f"education level {need}")
    if need == 2:
        return Step("degree", "High school diploma or GED", GED_MONTHS)
    if need == 3:
        months = _months_for_hours(CERTIFICATE_HOURS, per_week)
        return Step(
            "degree",
            "A postsecondary certificate programme (typically several hundred hours)",
            months,
        )
    if need >= 10:
        steps_months = 0.0
        parts: list[str] = []
        if have < 6:
            credits = CREDITS_AT_LEVEL[6] - CREDITS_AT_LEVEL.get(have, 0.0)
            steps_months += 12.0 * credits / credits_per_year(per_week, full_time)
            parts.append("a bachelor's degree")
        steps_months += DOCTORATE_MONTHS_AFTER_MASTERS if have >= 8 else DOCTORATE_MONTHS
        parts.append("a doctoral or professional degree, full-time")
        return Step("degree", " then ".join(parts).capitalize(), steps_months)
    credits = CREDITS_AT_LEVEL[need] - CREDITS_AT_LEVEL.get(max(have, 1), 0.0)
    pace = credits_per_year(per_week, full_time)
    return Step(
        "degree",
        f"{name[0].upper()}{name[1:]} (about {credits:.0f} more credits at {pace:.0f} a year)",
        12.0 * credits / pace,
    )


def estimate(
    entry: EntryFacts,
    bg: Background,
    *,
    closeness: float = 0.0,
    skill_points: float | None = None,
    step_up: bool = False,
    person_zone: int | None = None,
    near: float | None = None,
) -> Readiness:
    """Readiness for ``entry`` from ``bg``.

    ``closeness`` (0-1): how close the person's occupation is to the target, which decides how
    much of their years count as related experience; ``skill_points``: the person's shortfall on
    what the target specifically needs (:func:`skill_gap_points`; None: could not be measured);
    ``step_up``: the target leads the person's own kind of work (their years count at least
    half, and experience can stand in for its typical degree); ``person_zone``: the job zone of
    the person's occupation; ``near`` (0-1, default ``closeness``): how near what the target
    needs is to what the person's work needs, which decides the skill gap's distance part.
    """
    per_week = bg.hours_per_week or DEFAULT_HOURS
    assumed = not bg.hours_per_week
    if bg.occupation and entry.code == bg.occupation:
        return Readiness(0.0, (), ("You do this work now.",), True, per_week, assumed)
    route = route_for(entry.code)
    held = route is not None and route.held_by(bg.credentials, bg.occupation)
    if not entry.known and (route is None or held):
        return Readiness(None, (), ("No entry data for this occupation.",), False, per_week,
                         assumed)
    notes: list[str] = []
    sequential: list[Step] = []
    parallel: list[Step] = []
    covered = False  # a programme, or years of related work, covers the skill gap
    credit = max(0.0, min(1.0, closeness))
    if step_up:
        credit = max(credit, STEP_UP_CREDIT)
    zone_gap = (entry.job_zone or 0) - (person_zone or entry.job_zone or 0)
    if zone_gap >= 2:
        credit *= 0.5 ** (zone_gap - 1)
    years_needed = experience_years(entry)
    if is_supervisor(entry.code, entry.title) and not step_up and not bg.leads:
        # first-line supervisors are promoted from the work they supervise: years in it first
        years_needed = max(years_needed, SUPERVISED_WORK_YEARS)
    in_place_of: str | None = None
    if route is not None and route.any_experience:
        credit = 1.0  # years in any trade count (teaching one's own)
    if held:
        covered = True  # the training behind the licence is done
    if route is not None and not held:
        if route.prerequisite is not None:
            step = degree_step(bg.education, route.prerequisite, per_week)
            if step is not None:
                sequential.append(step)
        sequential.extend(_route_steps(route, bg, per_week))
        covered = True
    elif not held:
        degree, route_years, what = _education(entry, bg, per_week, closeness, notes, step_up)
        have_years = (bg.years or 0.0) * credit
        if degree is not None and route_years is not None:
            by_experience = 12.0 * max(0.0, max(years_needed, route_years) - have_years)
            if by_experience < degree.months:
                years_needed = max(years_needed, route_years)
                in_place_of = what
                notes.append(
                    f"{what[0].upper()}{what[1:]} is typical; related experience is the other "
                    "way in."
                )
                degree = None
                covered = True  # years of related work bring the skills
        if degree is not None:
            sequential.append(degree)
            covered = True
            if entry.bls_training == "Internship/residency":
                sequential.append(
                    Step("training", "Internship or supervised practice (about a year)", 12.0)
                )
    experience: Step | None = None
    if years_needed > 0:
        have_years = (bg.years or 0.0) * credit
        short = years_needed - have_years
        if short > 0.05:
            label = f"Related work experience (about {years_needed:.0f} years"
            label += f", in place of {in_place_of}" if in_place_of else " asked"
            label += f"; {have_years:.1f} of yours count)"
            experience = Step("experience", label, 12.0 * short)
            covered = True  # the skills come with the years of related work
    lead: Step | None = None
    if (is_manager(entry.code) or is_supervisor(entry.code, entry.title)) and not bg.leads:
        if is_manager(entry.code):
            senior = (bg.years or 0.0) >= SENIOR_YEARS
            lead_months = min(
                MAX_LEAD_MONTHS,
                MANAGER_LEAD_MONTHS * (1 if senior else 2) * (2 if zone_gap >= 2 else 1),
            )
            lead = Step("lead", "Lead people first: a lead, acting or supervisor role", lead_months)
        else:
            lead = Step(
                "lead", "Show you can lead: train new staff, run a shift", SUPERVISOR_LEAD_MONTHS
            )
    track: list[Step] = []
    if lead is not None and is_manager(entry.code) and (bg.years or 0.0) < SENIOR_YEARS:
        # a manager's years of experience are mostly years of leading: they come after it
        track = [lead] + ([experience] if experience is not None else [])
        covered = True
    elif lead is not None and is_manager(entry.code):
        parallel.extend(x for x in (lead, experience) if x is not None)
        covered = True
    else:
        parallel.extend(x for x in (lead, experience) if x is not None)
    complete = True
    if not covered and entry.bls_training == "Long-term on-the-job training" and closeness < 0.5:
        parallel.append(
            Step("training", "Long-term training on the job (more than a year to become "
                 "competent; an entry or trainee role first)", LONG_TERM_TRAINING_MONTHS)
        )
    if not covered:
        hours = skill_hours(skill_points, entry.job_zone, closeness if near is None else near)
        if hours is None:
            complete = False
        else:
            m = _months_for_hours(hours, per_week)
            if m >= 0.5:
                parallel.append(
                    Step("skills", f"Close the skill gap (about {hours:.0f} hours of study)", m)
                )
    if not track and parallel:
        track = [max(parallel, key=lambda s: s.months)]
    # study and work run side by side: experience is gained while studying part-time
    study = sum(s.months for s in sequential)
    work = sum(s.months for s in track)
    steps = tuple(sequential) + tuple(track)
    months: float | None = max(study, work)
    if not complete and not steps:
        months = None  # nothing could be measured: unknown, never "ready now"
    if sequential and track:
        notes.append("The experience can be gained while you study.")
    if held:
        notes.append("You already hold the licence or credential this work needs.")
    if route is not None and route.note and not held:
        notes.append(route.note)
    return Readiness(
        months, steps, tuple(notes), complete, per_week, assumed,
        route=None if route is None or held else route.name,
    )


def _education(
    entry: EntryFacts,
    bg: Background,
    per_week: float,
    closeness: float,
    notes: list[str],
    step_up: bool = False,
) -> tuple[Step | None, float | None, str]:
    """For an occupation without a regulated route: (the degree step, or None; the years of
    related experience that can stand in for it, or None when it is a gate; what it is)."""
    need = required_level(entry)
    have = bg.education or 1
    if need == 3:
        # a postsecondary certificate is in a field (coding, welding, CDL): a degree does not
        # stand in for it, close work does
        if closeness >= 0.5 or share_at_or_below(entry.education_shares, 2) >= WAIVER_SHARE:
            return None, None, ""
        return degree_step(2, 3, per_week), None, LEVEL_NAMES[3]
    if need is None or have >= need:
        return None, None, ""
    what = LEVEL_NAMES.get(need, "more education")
    share = share_at_or_below(entry.education_shares, have)
    graduate_typical = BLS_EDUCATION.get(entry.bls_education or "", 0) >= 8
    if share >= WAIVER_SHARE and not graduate_typical:
        notes.append(
            f"{what[0].upper()}{what[1:]} is typical, but {share:.0f}% of people in this work "
            f"say {LEVEL_NAMES.get(have, 'your education')} is enough."
        )
        return None, None, what
    degree = degree_step(have, need, per_week)
    if degree is None:
        return None, None, what
    below = (
        share_at_or_below(entry.education_shares, need - 1) if entry.education_shares else None
    )
    gate = below is not None and below < EXPERIENCE_ROUTE_SHARE and not step_up
    if need > 6 or gate:  # graduate degrees are gates: experience does not stand in
        return degree, None, what
    study_years = (CREDITS_AT_LEVEL[need] - CREDITS_AT_LEVEL.get(have, 0.0)) / FULL_TIME_CREDITS
    years = max(EXPERIENCE_ROUTE_YEARS, experience_years(entry))
    return degree, years + YEARS_PER_STUDY_YEAR * study_years, what


def _rw_years(entry: EntryFacts) -> float:
    median = _median_category(entry.experience_shares)
    return RW_YEARS.get(median, 0.0) if median is not None else 0.0


def skill_hours(
    points: float | None, zone: int | None, closeness: float = 1.0
) -> float | None:
    """Hours of study for a skill gap of ``points`` (see :func:`skill_gap_points`) at a job
    zone; the first :data:`SKILL_DEAD_ZONE` points are the normal spread between people. Work
    far from the person's own (low ``closeness``) adds the zone's :data:`DISTANCE_HOURS`: what
    the ratings cannot show (the field's tools, methods and vocabulary)."""
    if points is None or zone is None or zone not in PREHIRE_HOURS:
        return None
    far = 1.0 - max(0.0, min(1.0, closeness))
    return max(0.0, points - SKILL_DEAD_ZONE) * PREHIRE_HOURS[zone] + far * DISTANCE_HOURS[zone]


def learnable(element_id: str, up: bool = False) -> bool:
    """Whether a shortfall on this element counts in the skill gap (see
    :data:`LEARNABLE_PREFIXES`); leadership knowledge is left out of a move up."""
    if up and element_id in LEADERSHIP_ELEMENTS:
        return False
    return element_id.startswith(LEARNABLE_PREFIXES)


def skill_gap_points(
    required: Sequence[float],
    importance: Sequence[float],
    mine: Sequence[float],
    specificity: Sequence[float],
    counted: Sequence[bool] | None = None,
) -> float | None:
    """The person's shortfall on what an occupation specifically needs, in level points.

    Each counted element's shortfall (required level minus the person's, O*NET's 0-7 scale) is
    weighted by its ``specificity`` to the occupation (how far its importance there stands above
    its average over occupations, 0-1), so the broad skills most jobs share weigh little and the
    defining ones (Programming for developers, Mechanical for mechanics) weigh most. None when
    nothing is rated."""
    need = 0.0
    short = 0.0
    rated = False
    use = counted if counted is not None else [True] * len(required)
    for req, imp, own, spec, ok in zip(required, importance, mine, specificity, use,
                                       strict=True):
        if not (math.isfinite(req) and math.isfinite(imp)):
            continue
        rated = True
        if not ok or spec <= 0 or not math.isfinite(own):
            continue
        need += spec * req
        if req > own:
            short += spec * (req - max(0.0, own))
    if not rated:
        return None
    return short
