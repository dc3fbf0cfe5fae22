"""A plan a coach would sign (issue 14): gaps against the person's evidence, learning within the
budget, priorities by the diagnosis, goals that know the plan, an exit plan that protects."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.occupations import JobZone, Occupation, Rating, Technology
from unstuck.core.plan import RutSignals, build_action_plan, build_learning_plan
from unstuck.core.plan.exit import ExitInputs, before_notice, notice_words, timeline
from unstuck.core.plan.gaps import Evidence, Gap, analyse_gaps, shortfall_status
from unstuck.core.plan.learning import fit_budget
from unstuck.core.plan.leave import leave_options, state_of
from unstuck.core.profile import Constraints, Profile
from unstuck.core.profile import Rating as Mine

START = date(2026, 1, 5)

LMS = 43232202  # an O*NET commodity: "Computer based training software"
TEACHER = Occupation(
    "25-2031.00",
    "Secondary School Teachers, Except Special and Career/Technical Education",
    None,
    "29.0",
    job_zone=JobZone(4, "Job Zone Four", None, None, None),
    knowledge=(Rating("2.C.6", "Education and Training", 4.6, 5.6),),
    skills=(Rating("2.A.1.d", "Speaking", 4.2, 4.6),),
)
COORDINATOR = Occupation(
    "25-9031.00",
    "Instructional Coordinators",
    None,
    "29.0",
    job_zone=JobZone(5, "Job Zone Five", None, None, None),
    knowledge=(Rating("2.C.6", "Education and Training", 4.8, 6.4),),
    skills=(Rating("2.A.1.d", "Speaking", 4.0, 4.9),),
    technology=(
        Technology("Learning management system LMS", LMS, "Computer based training software",
                   hot=True, in_demand=True),
        Technology("Microsoft Outlook", 43231512, "Electronic mail software", hot=True,
                   in_demand=False),
    ),  # fmt: skip
)


def teacher(**kw: object) -> Profile:
    base: dict[str, object] = {
        "occupation_code": TEACHER.code,
        "years_in_occupation": 12.0,
        "education": 8,  # M.Ed.
        "ratings": (
            Mine("2.C.6", "Education and Training", "knowledge", 5.2),
            Mine("2.A.1.d", "Speaking", "skill", 4.2),
        ),
        "technology": ("Instructure Canvas",),
    }
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


EVIDENCE = Evidence(
    commodities=frozenset({LMS}),
    commodity_names={LMS: "Instructure Canvas"},
    everyday=frozenset({"microsoft outlook"}),
    own=TEACHER,
)


def test_an_experienced_teacher_gets_no_introduction_to_her_own_field() -> None:
    analysis = analyse_gaps(teacher(), COORDINATOR, evidence=EVIDENCE)
    gap = next(g for g in analysis.gaps if g.key == "2.C.6")
    assert gap.familiar, "12 years teaching: Education and Training is her own work"
    plan = build_learning_plan(analysis.gaps, [6.0] * 13)
    titles = [a.title for a in plan.activities if a.gap_key == "2.C.6"]
    assert titles, "the shortfall is still worked on"
    assert not any(re.search(r"course in|introduction to", t) for t in titles), titles
    assert any("at the level the target work needs" in t for t in titles)


@pytest.mark.parametrize(("importance", "familiar"), [(3.49, True), (3.0, True), (2.9, False)])
def test_an_element_important_in_ones_own_work_is_familiar(
    importance: float, familiar: bool
) -> None:
    """O*NET calls 3 of 5 "important": an element rated so in the person's own occupation, held
    for years, is deepened by practice, whatever its exact rating above that."""
    import dataclasses

    own = dataclasses.replace(
        TEACHER, knowledge=(Rating("2.C.6", "Education and Training", importance, 5.0),)
    )
    evidence = dataclasses.replace(EVIDENCE, own=own)
    gap = next(g for g in analyse_gaps(teacher(), COORDINATOR, evidence=evidence).gaps
               if g.key == "2.C.6")  # fmt: skip
    assert gap.familiar is familiar


def test_canvas_covers_the_learning_management_system_and_outlook_is_not_taught() -> None:
    analysis = analyse_gaps(teacher(), COORDINATOR, evidence=EVIDENCE)
    assert not analysis.by_kind("technology"), [g.name for g in analysis.gaps]
    covered = {c.name: c.by for c in analysis.covered}
    assert "Instructure Canvas" in covered["Learning management system LMS"]
    assert "everyday tool" in covered["Microsoft Outlook"]
    # Without the evidence, both would be gaps: the evidence is what closes them.
    plain = analyse_gaps(teacher(), COORDINATOR)
    assert {g.name for g in plain.by_kind("technology")} == {
        "Learning management system LMS",
        "Microsoft Outlook",
    }


def test_a_small_shortfall_is_close_the_same_word_everywhere() -> None:
    analysis = analyse_gaps(teacher(), COORDINATOR, evidence=EVIDENCE)
    close = {c.key: c for c in analysis.close}
    assert "2.A.1.d" in close and close["2.A.1.d"].to_dict()["status"] == "close"
    assert all(g.key != "2.A.1.d" for g in analysis.gaps), "close is not planned as a gap"
    assert shortfall_status(4.9, 4.2) == "close"
    assert shortfall_status(4.9, 4.6) == "met"
    assert shortfall_status(6.4, 5.2) == "gap"


def test_named_credentials_become_gaps_unless_held() -> None:
    analyst = Occupation("15-2051.01", "Business Intelligence Analysts", None, "29.0")
    p = teacher(occupation_code="13-2011.00", technology=(), credentials=())
    names = [g.name for g in analyse_gaps(p, analyst, evidence=Evidence()).by_kind("credential")]
    assert names and "PL-300" in names[0]
    held = teacher(occupation_code="13-2011.00", technology=(), credentials=("PL-300",))
    analysis = analyse_gaps(held, analyst, evidence=Evidence())
    assert all("PL-300" not in g.name for g in analysis.gaps)
    assert any("PL-300" in c.name and c.by == "you hold it" for c in analysis.covered)


def test_no_high_school_credential_leads_to_an_equivalency_first() -> None:
    supervisor = Occupation(
        "35-1012.00",
        "First-Line Supervisors of Food Preparation and Serving Workers",
        None,
        "29.0",
        job_zone=JobZone(2, "Job Zone Two", None, None, None),
    )
    p = Profile(occupation_code="35-2011.00", years_in_occupation=6.0, education=1)
    analysis = analyse_gaps(p, supervisor, evidence=Evidence())
    plan = build_learning_plan(analysis.gaps, [4.0] * 13, budget=300)
    titles = [a.title for a in plan.activities]
    assert any("GED or HiSET" in t for t in titles), titles
    assert plan.total_cost <= 300


def _gap(i: int, kind: str) -> Gap:
    from unstuck.core.plan.credentials import credentials_for

    cred = credentials_for("13-2011.00")[0] if kind == "credential" else None
    return Gap(
        kind,  # type: ignore[arg-type]
        f"{kind}.{i}",
        f"Thing {i}",
        1.0,
        3.5,
        4.0,
        None,
        1.0 - i / 20,
        (),
        (),
        credential=cred,
    )


@settings(max_examples=120, deadline=None)
@given(
    kinds=st.lists(
        st.sampled_from(["skill", "knowledge", "technology", "education", "credential"]),
        min_size=1,
        max_size=8,
    ),
    budget=st.one_of(st.none(), st.integers(0, 6000)),
)
def test_the_planned_cost_never_exceeds_the_budget_without_saying_so(
    kinds: list[str], budget: int | None
) -> None:
    gaps = [_gap(i, k) for i, k in enumerate(kinds)]
    plan = build_learning_plan(gaps, [8.0] * 13, budget=budget)
    if budget is None:
        assert not plan.over_budget
        return
    assert plan.total_cost <= budget
    for a in plan.over_budget:  # every paid activity left out is named, with its routes
        assert any(a.title in n and "routes" in n for n in plan.notes), a.title
    for a in plan.activities:
        if a.free:
            assert any(a.title in n and "free route" in n for n in plan.notes)
    # each activity that is kept waits only for activities that are in the plan
    ids = {a.id for a in plan.activities}
    assert all(set(a.prerequisites) <= ids for a in plan.activities)


def test_fit_budget_takes_the_free_route_for_a_course() -> None:
    from unstuck.core.plan.learning import activities_for_gap

    course = activities_for_gap(_gap(0, "skill"))[0]
    assert course.kind == "course" and course.cost_usd > 0
    kept, out, notes = fit_budget([course], 0)
    assert kept[0].free and kept[0].cost_usd == 0 and not out
    assert "audit" in notes[0].casefold()


def _signals(**strategies: int) -> RutSignals:
    return RutSignals({"cause.toll": 80.0}, strategies, care=True)


def test_a_care_note_starts_lighter_with_no_stretch_and_names_leave() -> None:
    p = Profile(constraints=Constraints(hours_per_week=6))
    plan = build_action_plan(p, start=START, rut=_signals(recover=60, elsewhere=40), state="CA")
    titles = [t.title for t in plan.tasks()]
    assert not any("new challenge" in t for t in titles), titles
    assert plan.weeks[0].capacity == 3.0, "the first weeks run at half pace"
    week1 = " ".join(f"{t.title} {t.detail}" for t in plan.weeks[0].tasks)
    assert "doctor or a therapist" in week1
    assert "FMLA" in week1 and "State Disability Insurance" in week1
    assert "EAP" in week1


def test_leave_options_by_state() -> None:
    assert state_of("18140", "Columbus, OH") == "OH"
    assert state_of("CA") == "CA"
    assert state_of(None, "") is None
    assert "short-term disability" in leave_options("OH")[1]
    assert "Paid Leave Oregon" in leave_options("OR")[1]


def test_short_hours_put_people_and_the_search_before_learning() -> None:
    from unstuck.core.plan.gaps import GapAnalysis

    gaps = GapAnalysis("x", "Target", tuple(_gap(i, "skill") for i in range(6)), ())
    p = Profile(constraints=Constraints(hours_per_week=4))
    sig = RutSignals({}, {"elsewhere": 70, "change_field": 30})
    plan = build_action_plan(p, start=START, rut=sig, gaps=gaps)
    other = sum(t.hours for t in plan.tasks() if t.strand != "learning")
    learning = sum(t.hours for t in plan.tasks() if t.strand == "learning")
    assert other > learning, (other, learning)
    assert any("informational interview" in t.title for t in plan.tasks())


def test_the_plan_stays_within_the_retraining_limit_and_says_so() -> None:
    from unstuck.core.plan.gaps import GapAnalysis

    gaps = GapAnalysis("x", "Target", tuple(_gap(i, "skill") for i in range(8)), ())
    p = Profile(constraints=Constraints(hours_per_week=3, retraining_months=3))
    plan = build_action_plan(p, start=START, gaps=gaps, retraining_months=3, max_gaps=8)
    assert plan.learning is not None
    assert len({a.gap_key for a in plan.learning.activities}) < 8
    assert any("3-month retraining limit" in n for n in plan.notes)


def test_a_gap_that_waits_for_the_hours_says_why() -> None:
    """A gap small enough on its own, passed over because the ones before it take the hours,
    is said to wait for them, not to be too big to finish; one bigger than the whole room is."""
    from unstuck.core.plan.action import later_note, learning_room

    room = learning_room([3.0] * 13, 6)
    waits = later_note(_gap(1, "skill"), 50, room, 6)
    assert waits.startswith("Thing 1 (about 50 hours) is left for a later step: after the gaps")
    big = later_note(_gap(2, "credential"), room + 1, room, 6)
    assert "at your hours it would not finish within your 6-month limit" in big
    assert "It asks for" in big  # the credential's own prerequisite, named
    assert learning_room([], 6) == 0.0

def test_runway_numbers_already_entered_are_not_asked_for_again() -> None:
    p = Profile(constraints=Constraints(hours_per_week=6))
    sig = RutSignals({}, {"exit_plan": 50, "elsewhere": 50})
    asked = build_action_plan(p, start=START, rut=sig)
    known = build_action_plan(p, start=START, rut=sig, runway_known=True)
    assert any("runway numbers" in t.title for t in asked.tasks())
    assert not any("runway numbers" in t.title for t in known.tasks())


def test_before_notice_checks_what_leaving_costs() -> None:
    text = " ".join(before_notice(ExitInputs(savings=9000, monthly_expenses=3000)))
    for word in ("bonus", "vesting", "non-compete", "severance", "unemployment", "runway"):
        assert word in text, word
    assert notice_words(0.69) == "3 weeks" and notice_words(3) == "3 months"
    t = timeline(ExitInputs(notice_months=0.4615), today=START)
    assert "2 weeks after you give notice" in t.milestones[-1].detail


def test_a_leaving_month_shapes_the_timeline_from_the_form(kb_home: Path) -> None:
    pytest.importorskip("django")
    from unstuck.app.plan import services

    services.set_exit({"leaving_month": 6})
    assert services.get_state().leaving_month == 6
    with pytest.raises(services.PlanError, match="leaving month"):
        services.set_exit({"leaving_month": 13})


pytestmark = pytest.mark.django_db(transaction=False)


def test_a_goal_naming_a_gap_of_the_plan_is_relevant(kb_home: Path) -> None:
    from unstuck.app.paths import services as paths_services
    from unstuck.app.plan import services
    from unstuck.app.profile import services as profile_services
    from unstuck.knowledge.store import get_knowledge_base

    kb = get_knowledge_base()
    bi = "15-2051.01"  # Business Intelligence Analysts
    profile_services.set_occupation(kb, "13-2011.00", 8)  # Accountants and Auditors
    paths_services.add(bi, kb.titles[bi])
    services.choose_target(bi)
    built = services.build(kb, today=date(2026, 12, 1))
    planned = {g.name for g in built.analysis.gaps} if built.analysis else set()
    assert any("Power BI" in n for n in planned), planned
    goal = (
        "Ask my manager by end of January to let me build the month-end variance dashboard "
        "in Power BI"
    )
    services.save_goal(goal)
    built = services.build(kb, today=date(2026, 12, 1))
    row = next(g for g in built.goals if g.text == goal)
    letters = {v.letter: v.verdict for v in row.check.letters}
    assert letters["R"] == "pass", row.check.to_dict()


def test_paths_and_the_plan_use_the_same_word_for_a_small_shortfall() -> None:
    from unstuck.core.paths.explain import ElementFit

    fit = ElementFit("2.A.1.d", "Speaking", "skill", 4.0, 4.9, 4.2, 0.7)
    assert fit.status == "close" == shortfall_status(4.9, 4.2)
    analysis = analyse_gaps(teacher(), COORDINATOR, evidence=EVIDENCE)
    assert [c.key for c in analysis.close] == ["2.A.1.d"]


def test_a_target_beyond_the_retraining_limit_says_so_and_offers_nearer_ones(
    kb_home: Path,
) -> None:
    import dataclasses

    from django.test import Client

    from unstuck.app.paths import services as paths_services
    from unstuck.app.plan import services
    from unstuck.app.profile import services as profile_services
    from unstuck.knowledge.store import get_knowledge_base

    kb = get_knowledge_base()
    profile_services.set_occupation(kb, "29-1141.00", 10)  # Registered Nurses
    p = profile_services.to_core(profile_services.get_profile())
    limits = dataclasses.replace(p.constraints, retraining_months=6, hours_per_week=6)
    profile_services.save_profile(dataclasses.replace(p, education=6, constraints=limits))
    for code in ("29-1171.00", "29-1141.00"):  # Nurse Practitioners; the same work elsewhere
        paths_services.add(code, kb.titles[code])
    services.choose_target("29-1171.00")
    from unstuck.report.data import target_why

    why = target_why(kb, services.build(kb))
    assert why is not None and why["beyond_limit"], why
    assert [n["code"] for n in why["nearer"]] == ["29-1141.00"]
    page = Client().get("/plan/").content.decode()
    assert "beyond your 6-month retraining limit" in page
    assert "Nearer on your shortlist" in page and "Registered Nurses" in page


HR_SOFTWARE, ERP, SPREADSHEET, DATABASE = 43231505, 43231602, 43232110, 43232306
COMP_ANALYST = Occupation(
    "13-1141.00",
    "Compensation, Benefits, and Job Analysis Specialists",
    None,
    "29.0",
    knowledge=(Rating("2.C.3.a", "Computers and Electronics", 3.05, 4.24),),
    technology=(
        Technology("ADP Workforce Now", HR_SOFTWARE, "Human resources software", False, True),
        Technology("Workday software", ERP, "Enterprise resource planning ERP software", True,
                   True),
        Technology("Microsoft Excel", SPREADSHEET, "Spreadsheet software", True, True),
        Technology("Microsoft Access", DATABASE, "Data base user interface and query software",
                   True, False),
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("importance", "uses", "everyday", "covered"),
    [
        # HR software, ERP and spreadsheets: this work's software, used daily
        (3.05, (HR_SOFTWARE, ERP, SPREADSHEET), {ERP, SPREADSHEET}, True),
        # office software alone shows nothing particular to the work
        (3.05, (ERP, SPREADSHEET, DATABASE), {ERP, SPREADSHEET, DATABASE}, False),
        # two kinds are not enough
        (3.05, (HR_SOFTWARE, SPREADSHEET), {SPREADSHEET}, False),
        # where computing is the work itself, using software is not knowing it
        (4.3, (HR_SOFTWARE, ERP, SPREADSHEET), {ERP, SPREADSHEET}, False),
    ],
)
def test_the_persons_software_shows_computer_knowledge_in_work_that_uses_computers(
    importance: float, uses: tuple[int, ...], everyday: set[int], covered: bool
) -> None:
    import dataclasses

    target = dataclasses.replace(
        COMP_ANALYST, knowledge=(Rating("2.C.3.a", "Computers and Electronics", importance, 4.24),)
    )
    names = {HR_SOFTWARE: "ADP Workforce Now", ERP: "Workday software",
             SPREADSHEET: "Microsoft Excel", DATABASE: "Microsoft Access"}  # fmt: skip
    person = Profile(
        occupation_code="13-1071.00",
        years_in_occupation=7.0,
        ratings=(Mine("2.C.3.a", "Computers and Electronics", "knowledge", 2.8),),
        technology=tuple(names[c] for c in uses),
    )
    evidence = Evidence(
        commodities=frozenset(uses),
        commodity_names={c: names[c] for c in uses},
        everyday_classes=frozenset(everyday),
    )
    analysis = analyse_gaps(person, target, evidence=evidence)
    gap_keys = {g.key for g in analysis.gaps}
    by = {c.name: c.by for c in analysis.covered}
    if covered:
        assert "2.C.3.a" not in gap_keys
        assert by["Computers and Electronics"].startswith("you work in ADP Workforce Now")
    else:
        assert "2.C.3.a" in gap_keys and "Computers and Electronics" not in by
