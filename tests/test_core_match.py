"""Matching a resume to a posting: components, weights that add up, evidence lines, negation,
on documents read by the real readers from text written here."""

from __future__ import annotations

import pytest

from unstuck.core.match import (
    WEIGHTS,
    PositionFact,
    PostingFacts,
    ResumeFacts,
    degree_rank,
    experience_years,
    match,
    parse_month,
)
from unstuck.text.extract import Concept, Extractor, Term
from unstuck.text.posting import read_posting
from unstuck.text.resume import read_resume
from unstuck.text.stored import posting_to_dict, resume_to_dict

SKILLS = ["Python", "SQL", "Tableau", "Excel", "Java", "Kubernetes", "project management"]
NOW = 2026 * 12 + 10  # November 2026


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor([Term(s, Concept("esco", s.lower(), s)) for s in SKILLS])


RESUME = """Jane Doe
Summary
Data analyst with 6 years of Python and SQL. No experience with Tableau.

Experience
Senior Data Analyst, Acme Corp   Jan 2019 – Dec 2023
- Built Excel and SQL reports for the finance team
- Ran the weekly stand-up
Globex | Junior Analyst
2015 - 2018
- Cleaned data in Python

Education
BSc in Statistics, University of Leeds, 2015
"""

POSTING = """Data Analyst - Initech
Requirements
- 3+ years of experience in analytics
- Bachelor's degree in a quantitative field
- Strong SQL and Python
- Tableau dashboards
Nice to have
- Kubernetes is a plus
- Excel
No Java needed.
"""


def facts(ex: Extractor, resume: str = RESUME, posting: str = POSTING):
    r = ResumeFacts.from_dict(resume_to_dict(read_resume(resume.encode(), ex)))
    p = PostingFacts.from_dict(posting_to_dict(read_posting(posting, ex)))
    return r, p


def test_components_and_weighted_sum(ex: Extractor) -> None:
    r, p = facts(ex)
    result = match(r, p, now_month=NOW)
    shown = [c for c in result.components.values() if c.shown]
    assert {c.name for c in shown} == set(WEIGHTS) - {"duties"}  # no duties section here
    assert sum(c.weight for c in shown) == pytest.approx(1.0)
    assert result.score == pytest.approx(sum(c.score * c.weight for c in shown), abs=0.06)
    req = result.components["required"]
    by = {i.requirement: i for i in req.items}
    assert set(by) == {"SQL", "Python", "Tableau"}
    assert by["SQL"].lines is not None and any("SQL reports" in ln for ln in by["SQL"].lines)
    assert by["Tableau"].lines is None  # "No experience with Tableau" is not evidence
    assert req.score == pytest.approx(100 * 2 / 3, abs=0.1)
    pref = {i.requirement: i.met for i in result.components["preferred"].items}
    assert pref == {"Kubernetes": False, "Excel": True}
    assert result.components["experience"].score == 100.0  # 5 + 4 years >= 3
    assert result.components["education"].score == 100.0  # BSc >= bachelor
    (title,) = result.components["title"].items
    assert title.requirement == "Data Analyst" and title.credit == 1.0
    assert title.lines is not None and "Senior Data Analyst" in title.lines[0]


def test_negated_ask_is_never_a_requirement(ex: Extractor) -> None:
    r, p = facts(ex)
    asked = {a.label for a in p.skills}
    assert "Java" not in asked
    result = match(r, p, now_month=NOW)
    everything = [i.requirement for c in result.components.values() for i in c.items]
    assert "Java" not in everything


def test_missing_feeds_skill_gaps_required_first(ex: Extractor) -> None:
    r, p = facts(ex)
    result = match(r, p, now_month=NOW)
    gaps = result.skill_gaps()
    assert [(g.requirement, g.required) for g in gaps] == [("Tableau", True), ("Kubernetes", False)]
    assert all(m.requirement for m in result.missing)


def test_component_without_items_is_hidden_and_weights_renormalise(ex: Extractor) -> None:
    posting = "Analyst\nRequirements\n- SQL\n"
    r, p = facts(ex, posting=posting)
    result = match(r, p, now_month=NOW)
    shown = {n for n, c in result.components.items() if c.shown}
    assert "preferred" not in shown and "education" not in shown and "experience" not in shown
    assert result.components["preferred"].weight == 0.0
    total = sum(WEIGHTS[n] for n in shown)
    assert result.components["required"].weight == pytest.approx(WEIGHTS["required"] / total)
    assert result.score == pytest.approx(
        sum(c.score * c.weight for c in result.components.values() if c.shown), abs=0.06
    )


def test_experience_partial_credit_and_overlaps() -> None:
    positions = [
        PositionFact("A", None, "Jan 2020", "Dec 2021", False, "a"),
        PositionFact("B", None, "Jun 2021", None, True, "b"),  # overlaps A
    ]
    years = experience_years(positions, now_month=2023 * 12 + 5)  # to June 2023
    assert years == pytest.approx(3.5, abs=0.1)
    r = ResumeFacts(positions=tuple(positions))
    from unstuck.core.match import RequirementFact

    p = PostingFacts(requirements=(RequirementFact("experience", "7 years", True, "7 years"),))
    comp = match(r, p, now_month=2023 * 12 + 5).components["experience"]
    assert comp.score == pytest.approx(100 * years / 7, abs=0.1)


def test_no_dates_means_no_experience_credit() -> None:
    from unstuck.core.match import RequirementFact

    r = ResumeFacts(positions=(PositionFact("A", None, None, None, False, "a"),))
    p = PostingFacts(requirements=(RequirementFact("experience", "2 years", True, "x"),))
    result = match(r, p, now_month=NOW)
    assert result.components["experience"].score == 0.0
    assert [m.component for m in result.missing] == ["experience"]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Jan 2019", 2019 * 12),
        ("03/2020", 2020 * 12 + 2),
        ("2015", 2015 * 12),
        ("2019-04", 2019 * 12 + 3),
        ("Present", None),
        (None, None),
    ],
)
def test_parse_month(text: str | None, month: int | None) -> None:
    assert parse_month(text) == month


def test_degree_rank_orders_degrees() -> None:
    assert degree_rank("PhD") > degree_rank("MSc") > degree_rank("BSc") > degree_rank("associate")
    assert degree_rank("a nice hat") is None


def test_title_same_occupation_scores_full(ex: Extractor) -> None:
    r, p = facts(ex, posting="Quant Wizard\nRequirements\n- SQL\n")
    plain = match(r, p, now_month=NOW).components["title"]
    assert plain.score == 0.0
    r2 = ResumeFacts(r.skills, r.positions, r.education, r.certifications, ("15-2051.00",))
    p2 = PostingFacts(p.title, p.employer, p.skills, p.requirements, p.pay, ("15-2051.00",))
    assert match(r2, p2, now_month=NOW).components["title"].score == 100.0


def test_one_word_naming_two_concepts_is_one_item() -> None:
    ex2 = Extractor(
        [
            Term("Python", Concept("esco", "py-skill", "Python (computer programming)")),
            Term("Python", Concept("technology", "Python", "Python")),
            Term("SQL", Concept("esco", "sql", "SQL")),
        ]
    )
    r, p = facts(
        ex2,
        resume="Jane\n- wrote Python scripts\n",
        posting="Analyst\nRequirements\n- Python and SQL\n",
    )
    assert len(p.skills) == 3  # three concepts asked...
    items = match(r, p, now_month=NOW).components["required"].items
    assert [i.requirement for i in items] == ["Python", "SQL"]  # ...two things named
    python = items[0]
    assert python.met and set(python.concepts) == {("esco", "py-skill"), ("technology", "Python")}
    assert python.concept in python.concepts


def test_hedged_evidence_earns_half(ex: Extractor) -> None:
    r, p = facts(
        ex,
        resume="Jane\n- familiar with Kubernetes\n- built SQL reports\n",
        posting="Analyst\nRequirements\n- Kubernetes\n- SQL\n",
    )
    items = {i.requirement: i for i in match(r, p, now_month=NOW).components["required"].items}
    assert items["Kubernetes"].met and items["Kubernetes"].credit == 0.5
    assert items["SQL"].credit == 1.0
    assert match(r, p, now_month=NOW).components["required"].score == 75.0


@pytest.mark.parametrize(
    "line",
    [
        "No bachelor's degree required",
        "A bachelor's degree is not required",
        "3+ years of experience not required",
        "No driver's licence needed",
    ],
)
def test_negated_hard_requirement_is_never_checked(ex: Extractor, line: str) -> None:
    r, p = facts(ex, posting=f"Analyst\nRequirements\n- {line}\n- SQL\n")
    result = match(r, p, now_month=NOW)
    for name in ("experience", "education"):
        assert not result.components[name].shown, result.components[name].items
    assert not result.missing


@pytest.mark.parametrize(
    ("education", "met"),
    [
        ("BSc in Statistics, University of Leeds, 2015", True),
        ("MSc in Statistics, University of Leeds, 2017", True),
        ("BSc in Statistics (incomplete), University of Leeds", False),
        ("BSc in Statistics, University of Leeds, expected 2027", False),
        ("Associate degree in Business, 2012", False),
    ],
)
def test_degree_must_be_earned_and_high_enough(ex: Extractor, education: str, met: bool) -> None:
    resume = f"Jane\nEducation\n{education}\n"
    r, p = facts(ex, resume=resume, posting="Analyst\nRequirements\n- Bachelor's degree required\n")
    (item,) = match(r, p, now_month=NOW).components["education"].items
    assert item.met is met
