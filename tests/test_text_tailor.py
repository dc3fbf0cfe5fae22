"""Tailoring reorders and surfaces the resume's own evidence and never adds a claim: checked on
examples and as a property over generated resumes and postings (hypothesis)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unstuck.core.match import PostingFacts, ResumeFacts, match
from unstuck.text.extract import Concept, Extractor, Term
from unstuck.text.posting import read_posting
from unstuck.text.resume import read_resume
from unstuck.text.stored import posting_to_dict, resume_to_dict
from unstuck.text.tailor import rephrase, tailor, to_docx, to_json_resume, to_markdown

SKILLS = [
    "Python",
    "SQL",
    "Tableau",
    "Excel",
    "Java",
    "JavaScript",
    "data analysis",
    "analysis",
    "project management",
    "management",
    "stakeholder management",
    "R",
]
NOW = 2026 * 12 + 10


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor([Term(s, Concept("esco", s.lower(), s)) for s in SKILLS])


RESUME = """Jane Doe
Data analyst

Experience
Senior Data Analyst, Acme Corp   Jan 2019 – Present
- ran the weekly stand-up
- built Excel reports for the finance team
- wrote SQL for stakeholder management
Junior Analyst | Globex
2015 - 2018
- Cleaned data in Python
- No experience with Tableau

Education
BSc in Statistics, University of Leeds, 2015
"""

POSTING = "Data Analyst\nRequirements\n- SQL\n- Tableau\nNice to have\n- Excel\n"


def claims(text: str, ex: Extractor) -> set[Concept]:
    """Concepts asserted (not negated, not vague) anywhere in text, line by line as the resume
    reader reads."""
    return {
        c
        for line in text.splitlines()
        for m in ex.extract(line)
        if not m.negated and not m.vague
        for c in m.concepts
    }


def tailored(ex: Extractor, resume: str = RESUME, posting: str = POSTING):  # noqa: ANN201
    parsed_resume = read_resume(resume.encode(), ex)
    stored = resume_to_dict(parsed_resume)
    p = PostingFacts.from_dict(posting_to_dict(read_posting(posting, ex)))
    result = match(ResumeFacts.from_dict(stored), p, now_month=NOW)
    return parsed_resume, tailor(stored, parsed_resume.text, result)


def test_reorders_asked_lines_first_and_surfaces_skills(ex: Extractor) -> None:
    _, t = tailored(ex)
    first = t.positions[0]
    assert first.heading == ["Senior Data Analyst, Acme Corp Jan 2019 – Present"]
    assert t.positions[1].heading == ["Junior Analyst | Globex", "2015 - 2018"]
    assert t.positions[1].lines == ["Cleaned data in Python", "No experience with Tableau"]
    assert first.lines == [
        "wrote SQL for stakeholder management",  # required ask (SQL)
        "built Excel reports for the finance team",  # preferred ask
        "ran the weekly stand-up",
    ]
    assert t.skills[:2] == ["SQL", "Excel"]
    assert "Tableau" not in t.skills  # negated in the resume, asked by the posting
    assert t.changes


def test_markdown_keeps_denials_and_adds_nothing(ex: Extractor) -> None:
    parsed, t = tailored(ex)
    md = to_markdown(t).decode()
    assert "No experience with Tableau" in md
    assert claims(md, ex) <= {s.concept for s in parsed.skills}
    assert "Data Analyst\n" not in md.split("\n", 2)[0]  # the posting's title is not copied


def test_docx_reads_back_with_the_same_skills(ex: Extractor) -> None:
    parsed, t = tailored(ex)
    data = to_docx(t)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(z.namelist())
    again = read_resume(data, ex, filename="tailored.docx")
    assert again.source == "docx"
    assert {s.concept for s in again.skills} <= {s.concept for s in parsed.skills}
    assert "wrote SQL for stakeholder management" in again.text


def test_docx_survives_control_characters(ex: Extractor) -> None:
    _, t = tailored(ex, resume=RESUME.replace("finance team", "finance\x01 team & <co>"))
    again = read_resume(to_docx(t), ex, filename="t.docx")  # parses: the XML is well formed
    assert "built Excel reports for the finance team & <co>" in again.text


def test_json_resume_is_valid_and_reads_back(ex: Extractor) -> None:
    parsed, t = tailored(ex)
    doc = json.loads(to_json_resume(t))
    assert doc["basics"]["name"] == "Jane Doe"
    assert doc["work"][0]["position"] == "Senior Data Analyst"
    assert doc["work"][0]["highlights"][0] == "wrote SQL for stakeholder management"
    assert "endDate" not in doc["work"][0]  # current: no end date invented
    assert doc["education"] == [
        {
            "institution": "University of Leeds",
            "studyType": "BSc",
            "area": "Statistics",
            "endDate": "2015",
        }
    ]
    again = read_resume(json.dumps(doc).encode(), ex)
    assert again.source == "json-resume"
    assert {s.concept for s in again.skills} <= {s.concept for s in parsed.skills}


def test_skill_in_the_postings_words_only_when_it_claims_nothing_more() -> None:
    excel = Concept("technology", "Microsoft Excel", "Microsoft Excel")
    sheets = Concept("esco", "sheets", "use spreadsheets software")
    ex2 = Extractor(
        [
            Term("Microsoft Excel", excel),
            Term("Excel", excel, rank=1),
            Term("MS Excel", excel, rank=1),
            Term("Excel", sheets, rank=1),
            Term("SQL", Concept("esco", "sql", "SQL")),
        ]
    )
    _, t = tailored(
        ex2,
        resume="Jane\n- MS Excel and SQL\n",
        posting="Analyst\nRequirements\n- Microsoft Excel\n",
    )
    assert t.skills == ["Microsoft Excel", "SQL"]  # same single concept: the posting's words
    assert any("MS Excel -> Microsoft Excel" in c for c in t.changes)
    parsed, t = tailored(
        ex2, resume="Jane\n- Microsoft Excel and SQL\n", posting="Analyst\nRequirements\n- Excel\n"
    )
    # "Excel" also names spreadsheet software in general, which this resume never claims
    assert t.skills == ["Microsoft Excel", "SQL"]
    assert claims(to_markdown(t).decode(), ex2) <= {s.concept for s in parsed.skills}


def test_rephrase_changes_form_only() -> None:
    assert rephrase("  -  built   reports ") == "built reports"
    assert rephrase("1. led the team") == "led the team"
    assert rephrase("- r and Python") == "r and Python"  # "R" would be a claim
    assert rephrase("• SQL") == "SQL"


# -- property: tailoring never introduces a skill ---------------------------------------------

WORDS = [
    "built",
    "led",
    "the",
    "team",
    "with",
    "and",
    "for",
    "reports",
    "data",
    "no",
    "not",
    "never",
    "experience",
    "familiar",
    "Acme",
    "Corp",
    "analyst",
    ",",
    "-",
    "/",
    "java",
    "script",
    "project",
    "stakeholder",
    "r",
    "R",
    "management",
    "analysis",
]
RICH = ["Microsoft Excel", "MS Excel", "Excel", "spreadsheets", "Python 3"]
PIECES = st.one_of(st.sampled_from(SKILLS), st.sampled_from(WORDS), st.sampled_from(RICH))


@pytest.fixture(scope="module")
def ex_rich() -> Extractor:
    """Labels shared between concepts, as in the real vocabularies: "Excel" names the product
    and spreadsheet software in general, "Python" a skill and a technology."""
    excel = Concept("technology", "Microsoft Excel", "Microsoft Excel")
    sheets = Concept("esco", "sheets", "use spreadsheets software")
    py_tech = Concept("technology", "Python", "Python")
    terms = [Term(s, Concept("esco", s.lower(), s)) for s in SKILLS]
    terms += [
        Term("Microsoft Excel", excel),
        Term("Excel", excel, rank=1),
        Term("MS Excel", excel, rank=1),
        Term("Excel", sheets, rank=1),
        Term("spreadsheets", sheets),
        Term("Python", py_tech),
        Term("Python 3", py_tech),
    ]
    return Extractor(terms)


LINE = st.lists(PIECES, min_size=1, max_size=8).map(" ".join)
HEAD = st.sampled_from(
    [
        "Senior Analyst, Acme Corp Jan 2019 – Present",
        "Globex | Analyst",
        "2015 - 2018",
        "Experience",
        "Skills",
        "Education",
        "BSc in Statistics, University of Leeds, 2015",
    ]
)
BULLET = LINE.map(lambda s: "- " + s)
DOC = st.lists(st.one_of(HEAD, LINE, BULLET), min_size=1, max_size=14).map("\n".join)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(resume=DOC, posting=DOC)
def test_tailoring_never_introduces_a_skill(ex_rich: Extractor, resume: str, posting: str) -> None:
    ex = ex_rich
    try:
        parsed = read_resume(("Name\n" + resume).encode(), ex)
        ask = read_posting("Job\n" + posting, ex)
    except ValueError:
        return  # an input the readers refuse has nothing to tailor
    stored = resume_to_dict(parsed)
    result = match(
        ResumeFacts.from_dict(stored), PostingFacts.from_dict(posting_to_dict(ask)), now_month=NOW
    )
    t = tailor(stored, parsed.text, result)
    have = {s.concept for s in parsed.skills}
    have_ids = {(c.kind, c.id) for c in have}
    # nothing the resume does not say: the reader leaves names and employers out of its
    # skills ("Swift Distribution Co."), so the measure is the resume's own words
    said = claims(parsed.text, ex) | have
    assert claims(to_markdown(t).decode(), ex) <= said
    assert {s.concept for s in read_resume(to_docx(t), ex).skills} <= said
    posting_words = {
        i.requirement
        for c in result.components.values()
        for i in c.items
        if i.met and set(i.concepts) <= have_ids
    }
    assert set(t.skills) <= {m.text for s in parsed.skills for m in s.mentions} | posting_words
