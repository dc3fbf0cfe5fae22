"""The Python API for the career restart plan, shared by the plan pages, the report and the CLI.

:func:`build` rebuilds the whole plan on every call from what is stored: the profile (levels,
constraints), the latest rut check (its causes and the strategy mix adjusted for the person's
constraints), the chosen target from the shortlist, and the person's edits kept in
:mod:`.models`. The core (:mod:`unstuck.core.plan`) does all the planning; this module only
gathers its inputs and applies the edits it cannot know about:

- gaps the person leaves for later are removed before the learning plan is built, so the hours
  go to the rest;
- their own resources go to the gap's first activity (the core's ``resources`` argument), and
  hours they set replace an activity's estimate before scheduling (``activity_hours``);
- activities marked done count towards "gaps closed with proof" in the exit readiness;
- generated goals can be reworded or removed, and own goals added; every goal shown is checked
  against SMART with the person's hours and the target.

:func:`unstuck.report.data.report_data` turns a built plan into the one JSON-ready dict that
the report (HTML and PDF) and ``unstuck plan show --json`` are drawn from.

Example::

    from unstuck.knowledge.store import get_knowledge_base
    from unstuck.app.plan import services

    plan = services.build(get_knowledge_base())
    print(plan.action.weeks[0])
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction

from unstuck.app.applications import services as applications
from unstuck.app.paths import services as paths_services
from unstuck.app.plan import models
from unstuck.app.profile import services as profile_services
from unstuck.core import limits
from unstuck.core import profile as core_profile
from unstuck.core.assess import RutCheckResult
from unstuck.core.occupations import Occupation
from unstuck.core.plan import (
    ActionPlan,
    ExitInputs,
    GapAnalysis,
    Resource,
    RutSignals,
    analyse_gaps,
    build_action_plan,
    check_goal,
    goals_from_action_plan,
    readiness,
    runway,
    target_context,
    timeline,
    to_ics,
)
from unstuck.core.plan.context import (
    MAX_ALTERNATIVES,
    Alternative,
    PlanContext,
    search_titles,
    spoken_languages,
    strongest_results,
)
from unstuck.core.plan.credentials import credentials_for
from unstuck.core.plan.exit import Readiness, Runway, Timeline
from unstuck.core.plan.gaps import Evidence, Gap
from unstuck.core.plan.leave import state_of
from unstuck.core.plan.progress import Logged, logged
from unstuck.core.plan.smart import GoalCheck

if TYPE_CHECKING:
    from unstuck.knowledge.store import KnowledgeBase

ME = profile_services.ME

#: Exit-plan inputs stored on the plan (savings and monthly expenses live in the profile).
EXIT_FIELDS = (
    "severance",
    "notice_months",
    "monthly_benefits",
    "benefit_months",
    "other_income",
    "extra_costs",
    "monthly_saving",
    "leaving_month",
)
EXIT_FLAGS = ("has_offer", "health_cover", "resume_updated")
EXIT_UPPER = {"notice_months": 24, "benefit_months": 60, "leaving_month": 12}  # the rest: $


class PlanError(ValueError):
    """A request the plan cannot carry out (unknown target, goal, gap)."""


# -- stored state ------------------------------------------------------------------------------


def get_state(key: str = ME) -> models.Plan:
    """The stored plan state, or an unsaved default one when there is none yet: reading never
    writes (the plan's pages must work on a read-only disk). What saves uses
    :func:`stored_state`."""
    found = models.Plan.objects.filter(profile_key=key).first()
    return found if found is not None else models.Plan(profile_key=key)


def stored_state(key: str = ME) -> models.Plan:
    """The plan state's row, created with the defaults if there is none: for what saves."""
    state, _ = models.Plan.objects.get_or_create(profile_key=key)
    return state


def choose_target(code: str, *, start: date | None = None, key: str = ME) -> models.Plan:
    """Plan towards ``code``, which must be on the shortlist; the start date defaults to today
    the first time and stays put after that (so calendar entries keep their dates)."""
    kept = {s.code: s for s in paths_services.shortlist(key)}
    if code not in kept:
        raise PlanError(f"{code} is not on your shortlist; add it there first.")
    _check_start(start)
    state = stored_state(key)
    state.target_code = code
    state.target_title = kept[code].title
    if start is not None:
        state.start = start
    elif state.start is None:
        state.start = date.today()
    state.save()
    return state


def _check_start(start: date | None) -> None:
    problem = limits.start_problem(start, date.today())
    if problem:
        raise PlanError(problem[0].upper() + problem[1:] + ".")


def set_start(start: date, key: str = ME) -> None:
    _check_start(start)
    state = stored_state(key)
    state.start = start
    state.save(update_fields=["start", "updated_at"])


def set_exit(values: dict[str, Any], key: str = ME) -> None:
    """Store exit-plan inputs; a ``None`` value clears one back to unknown. Every value is
    checked before anything is stored."""
    for name, value in values.items():
        if name not in (*EXIT_FIELDS, *EXIT_FLAGS, "conversations"):
            raise PlanError(f"{name} is not an exit-plan input")
        if isinstance(value, float) and (value < 0 or math.isnan(value)):
            raise PlanError(f"{name} must not be negative")
        if name == "leaving_month" and value is not None and not 1 <= int(value) <= 12:
            raise PlanError("The leaving month must be 1 (January) to 12 (December).")
        if name in EXIT_FIELDS and isinstance(value, int | float):
            upper = EXIT_UPPER.get(name, limits.MONEY_MAX)
            if limits.money_problem(value, name) or value > upper:
                raise PlanError(f"{name} must be a number from 0 to {upper:,}")
    state = stored_state(key)
    for name, value in values.items():
        setattr(state, name, value)
    state.save()


def skip_gap(gap_key: str, skip: bool = True, key: str = ME) -> None:
    state = get_state(key)  # stored whenever it has a target
    if not state.target_code:
        raise PlanError("Choose a target first.")
    rows = models.SkippedGap.objects.filter(
        plan=state, target_code=state.target_code, gap_key=gap_key
    )
    if skip:
        if not rows.exists():
            models.SkippedGap.objects.create(
                plan=state, target_code=state.target_code, gap_key=gap_key
            )
    else:
        rows.delete()


def mark_done(activity_id: str, done: bool = True, key: str = ME) -> None:
    state = stored_state(key)
    if done:
        models.DoneActivity.objects.get_or_create(plan=state, activity_id=activity_id)
    else:
        models.DoneActivity.objects.filter(plan=state, activity_id=activity_id).delete()


#: The most gaps one plan may work on at once.
MAX_GAPS = 12


def set_max_gaps(count: int, key: str = ME) -> None:
    """How many of the highest-priority gaps the learning plan works on."""
    if not 1 <= count <= MAX_GAPS:
        raise PlanError(f"Work on between 1 and {MAX_GAPS} gaps at once.")
    state = stored_state(key)
    state.max_gaps = count
    state.save(update_fields=["max_gaps", "updated_at"])


#: Hours a person may set for one activity.
MAX_ACTIVITY_HOURS = 500


def set_hours(activity_id: str, hours: int | None, key: str = ME) -> None:
    """Set an activity's hours instead of the estimate; ``None`` goes back to the estimate."""
    if hours is None:
        models.ActivityHours.objects.filter(
            plan__profile_key=key, activity_id=activity_id
        ).delete()
        return
    if not 1 <= hours <= MAX_ACTIVITY_HOURS:
        raise PlanError(f"Hours for an activity must be between 1 and {MAX_ACTIVITY_HOURS}.")
    state = stored_state(key)
    models.ActivityHours.objects.update_or_create(
        plan=state, activity_id=activity_id, defaults={"hours": hours}
    )


def add_resource(gap_key: str, title: str, url: str, key: str = ME) -> models.OwnResource:
    if not url.startswith(("http://", "https://")):
        raise PlanError("A resource link must start with http:// or https://.")
    return models.OwnResource.objects.create(
        plan=stored_state(key), gap_key=gap_key, title=title.strip() or url, url=url
    )


def remove_resource(resource_id: int, key: str = ME) -> None:
    models.OwnResource.objects.filter(plan=stored_state(key), id=resource_id).delete()


@transaction.atomic
def save_goal(text: str, *, source: str = "", goal_id: int | None = None, key: str = ME) -> None:
    """Reword a generated goal (``source``), edit an own goal (``goal_id``) or add one."""
    text = " ".join(text.split())
    if not text:
        raise PlanError("A goal needs some words.")
    state = stored_state(key)
    if goal_id is not None:
        goal = models.Goal.objects.filter(plan=state, id=goal_id).first()
        if goal is None:
            raise PlanError("That goal is no longer there.")
        goal.text = text
        goal.save()
    elif source:
        models.Goal.objects.update_or_create(
            plan=state, source=source, defaults={"text": text, "removed": False}
        )
    else:
        models.Goal.objects.create(plan=state, text=text)


def remove_goal(*, source: str = "", goal_id: int | None = None, key: str = ME) -> None:
    """Hide a generated goal (kept, so it can be restored) or delete an own goal."""
    state = stored_state(key)
    if goal_id is not None:
        models.Goal.objects.filter(plan=state, id=goal_id, source="").delete()
    elif source:
        models.Goal.objects.update_or_create(plan=state, source=source, defaults={"removed": True})


def restore_goal(source: str, key: str = ME) -> None:
    models.Goal.objects.filter(plan=stored_state(key), source=source).delete()


# -- the built plan ----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalRow:
    source: str  # activity or strand id of a generated goal; "" for an own goal
    goal_id: int | None  # the stored row for an edited or own goal
    text: str
    generated: str | None  # the generated wording, when this goal came from the plan
    check: GoalCheck

    @property
    def own(self) -> bool:
        return not self.source

    @property
    def edited(self) -> bool:
        return self.generated is not None and self.text != self.generated


@dataclass(frozen=True)
class BuiltPlan:
    today: date
    state: models.Plan
    profile: core_profile.Profile
    rut: RutCheckResult | None
    rut_taken: datetime | None
    unusable: tuple[profile_services.Unusable, ...]  # a rut check this unstuck cannot re-score
    strategies: tuple[Any, ...]  # the strategy mix adjusted for the constraints
    shortlist: tuple[Any, ...]
    target: Occupation | None
    analysis: GapAnalysis | None  # every gap, including the ones left for later
    skipped: tuple[Gap, ...]
    action: ActionPlan
    goals: tuple[GoalRow, ...]
    removed_goals: tuple[tuple[str, str], ...]  # (source, generated text)
    done: frozenset[str]
    resources: dict[str, list[models.OwnResource]]
    hours_set: dict[str, int]  # activity id -> hours the person set
    runway: Runway
    readiness: Readiness
    timeline: Timeline
    release: str
    attributions: tuple[str, ...]
    notes: tuple[str, ...]
    #: task id -> what the person logged in its week (applications sent, against the cap)
    logged: Mapping[str, Logged] = field(default_factory=dict)

    @property
    def start(self) -> date:
        return self.action.start

    def gaps_closed(self) -> float | None:
        """Share of the planned gaps whose every activity is done (None without a plan)."""
        learning = self.action.learning
        if learning is None or not learning.activities:
            return None
        keys = list(dict.fromkeys(a.gap_key for a in learning.activities))
        closed = [k for k in keys if all(a.id in self.done for a in learning.for_gap(k))]
        return len(closed) / len(keys)


def _latest_rut(
    key: str,
) -> tuple[RutCheckResult | None, datetime | None, tuple[profile_services.Unusable, ...]]:
    results = profile_services.latest_results(key, only=("rut",))
    found = results.get("rut")
    unusable = tuple(results.unusable.values())
    if found is None or not isinstance(found.result, RutCheckResult):
        return None, None, unusable
    return found.result, found.record.completed_at, unusable


def build(kb: KnowledgeBase, *, today: date | None = None, key: str = ME) -> BuiltPlan:
    """The whole plan for the saved profile, its chosen target and the person's edits."""
    today = today or date.today()
    state = get_state(key)
    profile = profile_services.to_core(profile_services.get_profile(key))
    rut, rut_taken, unusable = _latest_rut(key)
    strategies: tuple[Any, ...] = ()
    signals = None
    if rut is not None:
        strategies = profile_services.strategy_mix(key) or rut.strategies
        signals = replace(
            RutSignals.from_result(rut), strategies={s.id: s.share for s in strategies}
        )
    shortlist = tuple(paths_services.shortlist(key))
    notes: list[str] = []
    target = kb.occupation(state.target_code) if state.target_code else None
    if state.target_code and target is None:
        notes.append(
            f"Your chosen target {state.target_code} is not in O*NET {kb.release}; "
            "choose another from your shortlist."
        )
    analysis = None
    planned = None
    skipped: tuple[Gap, ...] = ()
    if target is not None:
        analysis = analyse_gaps(
            profile, target, market=market_shares(target.code), evidence=evidence(kb, profile)
        )
        left = set(
            models.SkippedGap.objects.filter(
                plan__profile_key=key, target_code=target.code
            ).values_list("gap_key", flat=True)
        )
        skipped = tuple(g for g in analysis.gaps if g.key in left)
        planned = replace(analysis, gaps=tuple(g for g in analysis.gaps if g.key not in left))
    own = list(models.OwnResource.objects.filter(plan__profile_key=key))
    resources: dict[str, list[models.OwnResource]] = {}
    for r in own:
        resources.setdefault(r.gap_key, []).append(r)
    start = limits.sane_start(state.start, today)
    if state.start is not None and start != state.start:
        notes.append(
            f"The stored start date {state.start.isoformat()} is out of range; "
            f"the plan starts today instead. Choose a start date to keep."
        )
    hours_set = dict(
        models.ActivityHours.objects.filter(plan__profile_key=key).values_list(
            "activity_id", "hours"
        )
    )
    action = build_action_plan(
        profile,
        start=start,
        rut=signals,
        gaps=planned,
        target_title=target.title if target is not None else None,
        resources={k: [Resource(r.title, r.url, "you") for r in rs] for k, rs in resources.items()},
        max_gaps=state.max_gaps,
        activity_hours=hours_set,
        budget=profile.constraints.learning_budget,
        runway_known=profile.constraints.runway_months is not None,
        retraining_months=profile.constraints.retraining_months,
        state=None
        if profile.constraints.location is None
        else state_of(profile.constraints.location.code, profile.constraints.location.name),
        context=None
        if target is None
        else plan_context(
            profile, target, shortlist, _beyond_limit(kb, profile, target, shortlist)
        ),
    )
    done = frozenset(
        models.DoneActivity.objects.filter(plan__profile_key=key).values_list(
            "activity_id", flat=True
        )
    )
    goals, removed = _goals(state, action, profile, target, today, planned)
    stored = {
        f: limits.sane_money(getattr(state, f), EXIT_UPPER.get(f, limits.MONEY_MAX))
        for f in EXIT_FIELDS
    }  # a value stored out of range (forged, or from before the checks) is unknown
    inputs = ExitInputs.from_constraints(profile.constraints, **stored)
    rw = runway(inputs)
    learning = action.learning
    learning_weeks = None
    if learning is not None and learning.activities and not learning.schedule.unscheduled:
        learning_weeks = max(learning.schedule.finished.values())
    built = BuiltPlan(
        today=today,
        state=state,
        profile=profile,
        rut=rut,
        rut_taken=rut_taken,
        unusable=unusable,
        strategies=strategies,
        shortlist=shortlist,
        target=target,
        analysis=analysis,
        skipped=skipped,
        action=action,
        goals=goals,
        removed_goals=removed,
        done=done,
        logged=_logged(action),
        resources=resources,
        hours_set=hours_set,
        runway=rw,
        readiness=readiness(rw),  # replaced below, once gaps closed is known
        timeline=timeline(
            inputs,
            today=today,
            risk_tolerance=profile.constraints.risk_tolerance,
            learning_weeks=learning_weeks,
            has_offer=bool(state.has_offer),
            strategy=strategies[0].id if strategies else None,
        ),
        release=kb.release,
        attributions=tuple(kb.attributions),
        notes=tuple(notes),
    )
    ready = readiness(
        rw,
        risk_tolerance=profile.constraints.risk_tolerance,
        has_offer=state.has_offer,
        health_cover=state.health_cover,
        gaps_closed=built.gaps_closed(),
        conversations=state.conversations,
        resume_updated=state.resume_updated,
        strategy=strategies[0].id if strategies else None,
    )
    return replace(built, readiness=ready)


def _goals(
    state: models.Plan,
    action: ActionPlan,
    profile: core_profile.Profile,
    target: Occupation | None,
    today: date,
    gaps: GapAnalysis | None = None,
) -> tuple[tuple[GoalRow, ...], tuple[tuple[str, str], ...]]:
    # A goal is relevant when it names the target's work or what this plan works on: its own
    # gaps and activities count as the target's terms.
    extra: list[str] = []
    if gaps is not None:
        extra += [g.name for g in gaps.gaps]
    if action.learning is not None:
        extra += [a.gap_name for a in action.learning.activities]
    context = target_context(target, extra=extra) if target is not None else None
    hours = profile.constraints.hours_per_week

    def check(text: str) -> GoalCheck:
        return check_goal(text, today=today, hours_per_week=hours, target=context)

    stored = list(models.Goal.objects.filter(plan__profile_key=state.profile_key))
    by_source = {g.source: g for g in stored if g.source}
    rows: list[GoalRow] = []
    removed: list[tuple[str, str]] = []
    for g in goals_from_action_plan(action):
        edit = by_source.get(g.activity_id)
        if edit is not None and edit.removed:
            removed.append((g.activity_id, g.text))
            continue
        text = edit.text if edit is not None and edit.text else g.text
        rows.append(GoalRow(g.activity_id, edit.id if edit else None, text, g.text, check(text)))
    for own in stored:
        if not own.source:
            rows.append(GoalRow("", own.id, own.text, None, check(own.text)))
    return tuple(rows), tuple(removed)


#: A technology listed for at least this share of all occupations is an everyday tool.
EVERYDAY_SHARE = 0.25
#: O*NET's "Computers and Electronics" knowledge, and the level (0-7) from which the person's
#: work is done at a computer, so the everyday tools of their occupation are theirs.
COMPUTERS_KNOWLEDGE = "2.C.3.a"
EVERYDAY_COMPUTER_LEVEL = 2.5
#: From an associate's degree (O*NET category 5) on, office software is part of the training.
EVERYDAY_EDUCATION = 5
def _technology_index(
    kb: KnowledgeBase,
) -> tuple[dict[str, tuple[int, str]], frozenset[str], frozenset[int]]:
    """Technology example (folded) -> (commodity code, example), the everyday tools, and the
    everyday kinds of software (commodity codes), each listed for :data:`EVERYDAY_SHARE` of
    occupations or more."""

    def build() -> tuple[dict[str, tuple[int, str]], frozenset[str], frozenset[int]]:
        by_name: dict[str, tuple[int, str]] = {}
        counts: dict[str, int] = {}
        classes: dict[int, int] = {}
        for techs in kb.technology.values():
            for t in {t.example.casefold(): t for t in techs}.values():
                name = " ".join(t.example.casefold().split())
                counts[name] = counts.get(name, 0) + 1
                if t.commodity_code is not None:
                    by_name.setdefault(name, (t.commodity_code, t.example))
            for code in {t.commodity_code for t in techs if t.commodity_code is not None}:
                classes[code] = classes.get(code, 0) + 1
        n = max(1, len(kb.technology))
        return (
            by_name,
            frozenset(k for k, c in counts.items() if c / n >= EVERYDAY_SHARE),
            frozenset(k for k, c in classes.items() if c / n >= EVERYDAY_SHARE),
        )

    return kb.derived("plan.technology_index.2", build)


def _logged(action: Any) -> dict[str, Logged]:
    """What the person logged in each week that ticks a plan task off: applications sent,
    informational interviews held, people added."""
    from unstuck.app.people import models as people
    from unstuck.core.people import INFORMATIONAL_INTERVIEW

    held = people.Interaction.objects.filter(kind=INFORMATIONAL_INTERVIEW).values_list(
        "date", flat=True
    )
    # people added one by one (an import of every connection is not a list of who knows
    # the work: imported contacts carry a vCard UID or LinkedIn's "Connected On")
    added = [
        at.date() for at in people.Contact.objects.filter(
            created_at__date__gte=action.start, uid="", known_since=None
        ).values_list("created_at", flat=True)
    ]  # fmt: skip
    return logged(action, sent=applications.sent_dates(), interviews=list(held), people=added)


def _beyond_limit(
    kb: KnowledgeBase, profile: core_profile.Profile, target: Occupation, shortlist: tuple[Any, ...]
) -> tuple[Any, ...]:
    """The strong fits the person's retraining limit leaves out (none without a limit), the
    target, the person's own work and the shortlist (compared in its own task) left out."""
    if profile.constraints.retraining_months is None:
        return ()
    skip = {target.code, *(s.code for s in shortlist)}
    if profile.occupation_code:
        skip.add(profile.occupation_code)
    return paths_services.beyond_limit(kb, skip)


def plan_context(
    profile: core_profile.Profile,
    target: Occupation,
    shortlist: tuple[Any, ...] = (),
    beyond: tuple[Any, ...] = (),
) -> PlanContext:
    """What makes the 90-day plan's wording this person's: the titles the target's postings
    use, the strongest results and the languages on their latest resume, the first named step
    towards each other shortlisted target, the strong fits beyond the person's retraining limit
    (``beyond``: :func:`unstuck.app.paths.services.beyond_limit`'s items) and where the target
    work is done."""
    from unstuck.app.documents import services as documents
    from unstuck.core.plan.workplaces import workplaces_for

    experience: list[str] = []
    listed: list[str] = []
    resume = documents.latest_resume()
    if resume is not None:
        for section in resume.parsed.get("sections") or ():
            lines = [str(x) for x in section.get("lines") or ()]
            if section.get("kind") == "experience":
                experience += lines
            elif "language" in str(section.get("heading") or "").casefold():
                listed += lines
    text_lines = (resume.text if resume is not None else "").splitlines()
    alternatives = [
        Alternative(item.title, _first_step(profile, item.code))
        for item in shortlist
        if item.code != target.code
    ]
    further = tuple(
        Alternative(item.title, _first_step(profile, item.code), item.months) for item in beyond
    )
    return PlanContext(
        search_titles=search_titles(target.common_titles, target.title),
        results=strongest_results(experience),
        languages=spoken_languages(text_lines + list(profile.technology), listed),
        alternatives=tuple(alternatives[:MAX_ALTERNATIVES]),
        settings=workplaces_for(target.code),
        same_work=target.code == profile.occupation_code,
        beyond_limit=further,
        limit_months=profile.constraints.retraining_months,
    )


def _first_step(profile: core_profile.Profile, code: str) -> str:
    """The first named credential towards ``code`` the person does not hold, in words."""
    return next(
        (_credential_step(c) for c in credentials_for(code) if not c.held_by(profile.credentials)),
        "",
    )


def _credential_step(c: Any) -> str:
    name = f"{c.name[0].lower()}{c.name[1:]}" if c.name.startswith(("A ", "An ")) else c.name
    words = re.findall(r"[A-Z][A-Za-z+]{2,}", c.issuer)
    named = any(w.casefold() in name.casefold() for w in words)
    by = f" from {c.issuer}" if c.issuer and not named else ""  # not "CompTIA A+ from CompTIA"
    return f"{name}{by}, about {c.hours:g} hours"


def evidence(kb: KnowledgeBase, profile: core_profile.Profile) -> Evidence:
    """What the person's record shows beyond self-ratings, for the gap analysis: the kinds of
    technology they use, the everyday tools of their own occupation, their own occupation."""
    by_name, everyday, everyday_classes = _technology_index(kb)
    commodities: dict[int, str] = {}
    for t in profile.technology:
        hit = by_name.get(" ".join(t.casefold().split()))
        if hit is not None:
            commodities.setdefault(hit[0], t)
    own = kb.occupation(profile.occupation_code) if profile.occupation_code else None
    own_tools: set[str] = set()
    computers = profile.levels().get(COMPUTERS_KNOWLEDGE)
    at_a_computer = computers is not None and computers >= EVERYDAY_COMPUTER_LEVEL
    studied = profile.education is not None and profile.education >= EVERYDAY_EDUCATION
    if own is not None and (at_a_computer or studied):
        # Everyday tools count as used only for work done at a computer, or after a degree:
        # O*NET lists e-mail and spreadsheets for most occupations, including ones whose
        # workers rarely sit at one.
        own_tools = {" ".join(t.example.casefold().split()) for t in own.technology}
    return Evidence(
        commodities=frozenset(commodities),
        commodity_names=commodities,
        everyday=everyday & frozenset(own_tools),
        own=own,
        everyday_classes=everyday_classes,
    )


def ics(kb: KnowledgeBase, *, now: datetime | None = None, key: str = ME) -> str:
    """The 90-day plan as an iCalendar file (all-day events on the first day of each week)."""
    now = now or datetime.now(UTC)
    plan = build(kb, today=now.date(), key=key)
    return to_ics(plan.action, stamp=now)


def market_shares(code: str) -> dict[str, float] | None:
    """Share of the saved postings for ``code`` that ask for each skill, or None without any
    postings (the gap list then ranks on importance and size alone, and says so)."""
    from unstuck.app.documents import services as documents

    if not documents.list_postings(code):
        return None
    return documents.market(code).shares() or None
