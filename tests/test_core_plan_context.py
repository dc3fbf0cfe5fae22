"""The plan's wording made the person's (core/plan/context.py, core/plan/workplaces.py): the titles
to search for, the results to lead with, the languages spoken, the other shortlisted targets and
the settings the work is done in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from unstuck.core.plan import RutSignals, build_action_plan
from unstuck.core.plan.context import (
    Alternative,
    PlanContext,
    join_words,
    search_titles,
    spoken_languages,
    strongest_results,
)
from unstuck.core.plan.workplaces import WORKPLACES, workplaces_for
from unstuck.core.profile import Constraints, Profile

START = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("common", "title", "want"),
    [
        (
            ["Administrative Assistant", "Executive Assistant", "Executive Secretary"],
            "Executive Secretaries and Executive Administrative Assistants",
            ("Administrative Assistant", "Executive Assistant", "Executive Secretary"),
        ),
        (  # brackets dropped, the repeat they leave removed
            ["Pharmacist in Charge (PIC)", "Pharmacist in Charge", "Clinical Pharmacist"],
            "Pharmacists",
            ("Pharmacist in Charge", "Clinical Pharmacist"),
        ),
        (["Art Director", "Creative Director"], "Art Director", ("Creative Director",)),
        (["A", "B", "C", "D", "E"], "X", ("A", "B", "C", "D")),  # at most four
        ([], "Pharmacists", ()),
    ],
)
def test_search_titles(common: list[str], title: str, want: tuple[str, ...]) -> None:
    assert search_titles(common, title) == want


RESUME = [
    "OTR Driver, national dry-van and tanker carrier   2010 - present",
    "- Haul hazmat and food-grade tanker loads in 48 states",
    "- 2.1 million accident-free miles; company Million-Mile Safe Driver award (2019)",
    "- Keep ELD logs and pre-trip inspections clean",
    "- Driver mentor: rode with and signed off 30+ new CDL graduates",
    "- Cut prototype loops by 50% with a correlation method that the whole team now uses "
    "for every heat-exchanger programme across three plants",
]


def test_strongest_results_lead_with_measures_and_records() -> None:
    got = strongest_results(RESUME)
    assert got[0].startswith("2.1 million accident-free miles")  # a measure and a record
    assert got[1].startswith("Cut prototype loops by 50%") and got[1].endswith("…")
    assert len(got[1]) <= 111
    assert not any("2010 - present" in r for r in got)  # a position line is not a result


def test_lines_without_a_number_or_a_record_are_not_results() -> None:
    assert strongest_results(["- Keep ELD logs and pre-trip inspections clean and tidy"]) == ()
    # a plain number alone is weaker than a measure, but still a result
    assert strongest_results(["- Trained 12 technicians to national certification"]) == (
        "Trained 12 technicians to national certification",
    )


@pytest.mark.parametrize(
    ("lines", "listed", "want"),
    [
        (["Handle 60+ calls a day on benefits (English/Spanish)"], [], ("Spanish",)),
        (["Skills: de-escalation, bilingual English/Spanish, Excel"], [], ("Spanish",)),
        (["Fluent in French and conversational Mandarin"], [], ("French", "Mandarin")),
        (["Served Spanish-speaking customers at the front desk"], [], ()),  # named, not spoken
        (["Taught Spanish history at the high school"], [], ()),
        ([], ["Vietnamese (native), English"], ("Vietnamese",)),  # a Languages section
        (["Fluent in English"], [], ()),  # English is assumed, not listed
        (["Certified ASL interpreter"], [], ("American Sign Language",)),
    ],
)
def test_spoken_languages(lines: list[str], listed: list[str], want: tuple[str, ...]) -> None:
    assert spoken_languages(lines, listed) == want


def test_join_words_uses_semicolons_for_titles_with_commas() -> None:
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b"]) == "a and b"
    assert join_words(["a", "b", "c"], "or") == "a, b or c"
    assert join_words(["Cooks, Restaurant", "Bakers"]) == "Cooks, Restaurant; and Bakers"


def test_workplaces_most_specific_prefix_and_none_for_unlisted() -> None:
    assert any("PBM" in p for p in workplaces_for("29-1051.00"))
    assert any("home daily" in p for p in workplaces_for("53-3032.00"))
    assert workplaces_for("99-9999.00") == ()
    prefixes = [p for p, _ in WORKPLACES]
    assert len(prefixes) == len(set(prefixes)), "a prefix listed twice"
    for i, p in enumerate(prefixes):  # a broad prefix never hides a later, narrower one
        assert not any(q.startswith(p) and q != p for q in prefixes[i + 1 :]), p


def _plan(context: PlanContext | None) -> str:
    signals = RutSignals(
        {"cause.advancement": 80.0},
        {"elsewhere": 40, "internal": 30, "reshape": 30},
    )
    plan = build_action_plan(
        Profile(constraints=Constraints(hours_per_week=6)),
        start=START,
        rut=signals,
        target_title="Executive Secretaries and Executive Administrative Assistants",
        context=context,
    )
    return "\n".join(f"{t.title}: {t.detail}" for w in plan.weeks for t in w.tasks)


def test_the_context_puts_the_persons_facts_into_the_tasks() -> None:
    context = PlanContext(
        search_titles=("Executive Assistant", "Executive Secretary"),
        results=("Cut payroll corrections by about 70%",),
        languages=("Spanish",),
        alternatives=(
            Alternative("Payroll and Timekeeping Clerks", "the FPC, about 50 hours"),
            Alternative("Procurement Clerks"),
        ),
        settings=("universities", "hospitals"),
        same_work=False,
    )
    text = _plan(context)
    assert "Lead with results like these: “Cut payroll corrections by about 70%”" in text
    assert "set them for Executive Assistant and Executive Secretary" in text
    assert "people working as Executive Assistant or Executive Secretary" in text
    assert "Name your Spanish in the headline" in text
    assert "Payroll and Timekeeping Clerks: the FPC, about 50 hours" in text
    assert "For Procurement Clerks, an informational interview is the first step" in text
    assert "Places to look at: universities and hospitals" in text
    assert "internal move would take" in text  # the reshape strategy's career conversation


def test_without_a_context_the_plan_reads_as_before() -> None:
    text = _plan(None)
    assert "Compare the other targets" not in text and "settings" not in text
    assert "people in Executive Secretaries and Executive Administrative Assistants roles" in text


def test_many_unnamed_alternatives_are_counted_not_listed() -> None:
    many = tuple(Alternative(f"Occupation {n}") for n in range(6))
    text = _plan(PlanContext(alternatives=many))
    assert "For the other 6, an informational interview is the first step" in text
    assert "Occupation 5" not in text


@pytest.mark.django_db(transaction=False)
def test_the_plan_reads_the_resume_and_the_shortlist(kb_home: Path) -> None:
    from unstuck.app.documents import services as documents
    from unstuck.app.paths import services as paths_services
    from unstuck.app.plan import services
    from unstuck.app.profile import services as profile_services
    from unstuck.knowledge.store import get_knowledge_base

    kb = get_knowledge_base()
    profile_services.set_occupation(kb, "43-6014.00", 10)  # Secretaries and Admin. Assistants
    resume = (
        "JO EXAMPLE\n\nEXPERIENCE\nAdministrative Assistant, consulting firm   2014 - present\n"
        "- Compile and audit biweekly timesheets; cut payroll corrections by about 70%\n"
        "- Answer calls in English and Spanish for 40 staff\n\nEDUCATION\nA.S., Business (2008)\n"
    )
    documents.import_resume(resume.encode(), "resume.txt")
    target, other = "43-6011.00", "43-3051.00"  # Executive Secretaries; Payroll Clerks
    for code in (target, other):
        paths_services.add(code, kb.titles[code])
    services.choose_target(target)
    built = services.build(kb, today=date(2026, 12, 1))
    text = "\n".join(t.detail for w in built.action.weeks for t in w.tasks)
    assert "cut payroll corrections by about 70%" in text
    assert "Executive Assistant" in text  # a title job seekers search for
    assert "Spanish" in text
    assert "Payroll and Timekeeping Clerks: Fundamental Payroll Certification (FPC)" in text


def test_comparing_the_shortlist_comes_first_even_on_short_hours() -> None:
    plan = build_action_plan(
        Profile(constraints=Constraints(hours_per_week=1.5)),
        start=START,
        rut=RutSignals({"cause.advancement": 80.0}, {"elsewhere": 60, "internal": 40}),
        target_title="Payroll and Timekeeping Clerks",
        context=PlanContext(alternatives=(Alternative("Procurement Clerks"),)),
    )
    first = [t.title for t in plan.weeks[0].tasks]
    assert "Compare the other targets on your shortlist" in first, first
    assert not any("Compare" in t.title for t in plan.skipped)


def test_strong_fits_beyond_the_time_limit_are_weighed_not_hidden() -> None:
    beyond = (
        Alternative("Training and Development Specialists",
                    "an instructional design certificate from ATD, about 60 hours", 16.8),
        Alternative("Physician Assistants", "", 30.0),
    )  # fmt: skip
    text = _plan(PlanContext(beyond_limit=beyond, limit_months=9))
    assert "Weigh the strong fits your time limit leaves out" in text
    assert "Your limit of 9 months to get ready leaves out Training and Development " in text
    assert "(about 17 months at your hours; a first step: an instructional design" in text
    assert "Physician Assistants (about 30 months at your hours)" in text
    # no limit, nothing to weigh
    assert "time limit" not in _plan(PlanContext(beyond_limit=beyond))
