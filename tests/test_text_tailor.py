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
    # same single concept: the posting's words; a resume without a skills list gets one of
    # the skills the posting asks for that it shows, and only those
    assert t.skills == ["Microsoft Excel"]
    assert any("MS Excel -> Microsoft Excel" in c for c in t.changes)
    parsed, t = tailored(
        ex2, resume="Jane\n- Microsoft Excel and SQL\n", posting="Analyst\nRequirements\n- Excel\n"
    )
    # "Excel" also names spreadsheet software in general, which this resume never claims
    assert t.skills == ["Microsoft Excel"]
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
    # every skill listed is the resume's own words (an item of its list, a mention) or, for a
    # skill it shows, the posting's
    words = " ".join(parsed.text.split())
    assert all(s in words or s in posting_words for s in t.skills), t.skills


# -- a resume you can send (issue 13): every section, the contact lines, the skills kept ---------

TEACHER = """Maria Gonzalez
High School Mathematics Teacher
maria.gonzalez@example.com | (973) 555-0142 | Montclair, NJ

SUMMARY
Mathematics teacher with 11 years in public high schools.

EXPERIENCE
Mathematics Teacher, Montclair High School - Montclair, NJ, Sep 2016 - Present
- Mentor two student teachers each year
- Teach Algebra II to 150 students a year
- Use Google Classroom for assignments
Mathematics Teacher, Bloomfield Middle School - Bloomfield, NJ, Sep 2012 - Jun 2016
- Taught 7th and 8th grade mathematics
- Tracked student progress with formative assessment

Education: M.Ed., Curriculum and Instruction, Montclair State University, 2014
Licence: New Jersey Standard Certificate, Teacher of Mathematics
Skills: classroom management, SMART Board, Google Classroom, curriculum development
"""
TEACHER_POSTING = """Mathematics Teacher
Requirements
- Google Classroom
- formative assessment
- New Jersey teaching certificate
Preferred
- curriculum development
"""

NURSE = """Daniel Okafor, BSN, RN
Registered Nurse - Medical-Surgical
daniel.okafor@example.com · 555-201-8890 · Columbus, OH
# Professional Summary
Registered nurse with 10 years of acute care experience.
# Licenses and Certifications
- Registered Nurse (RN), Ohio Board of Nursing
- Basic Life Support (BLS), American Heart Association
# Clinical Experience
Staff Nurse, Riverside Methodist Hospital, 2017 - Present
- Precepted new graduate nurses
- Documented patient care in Epic
- Administered medications and IV therapy to 5-6 patients per shift
  to patients on the unit
# Education
Bachelor of Science in Nursing (BSN), The Ohio State University, 2014
# Skills
- Patient assessment, wound care, Epic, infection control
"""
NURSE_POSTING = """Registered Nurse
Requirements
- IV therapy
- infection control
Nice to have
- Epic
- wound care
"""


@pytest.fixture(scope="module")
def ex_docs() -> Extractor:
    words = [
        "Google Classroom", "formative assessment", "curriculum development",
        "classroom management", "SMART Board", "Algebra", "mathematics", "IV therapy", "Epic",
        "infection control", "wound care", "patient assessment", "patient care", "nursing",
    ]  # fmt: skip
    return Extractor([Term(w, Concept("esco", w.lower(), w)) for w in words])


def test_tailored_resume_keeps_contact_headline_summary_and_sections(ex_docs: Extractor) -> None:
    _, t = tailored(ex_docs, TEACHER, TEACHER_POSTING)
    md = to_markdown(t).decode()
    lines = md.splitlines()
    assert lines[0] == "# Maria Gonzalez"
    for kept in (
        "High School Mathematics Teacher",
        "maria.gonzalez@example.com \\| (973) 555-0142 \\| Montclair, NJ",
        "Mathematics teacher with 11 years in public high schools.",
    ):
        assert kept in lines
    assert md.index("## SUMMARY") < md.index("## EXPERIENCE")
    assert t.contact == ["maria.gonzalez@example.com | (973) 555-0142 | Montclair, NJ"]


def test_label_lines_stay_lines_not_bullets_of_the_last_job(ex_docs: Extractor) -> None:
    _, t = tailored(ex_docs, TEACHER, TEACHER_POSTING)
    md = to_markdown(t).decode()
    last = t.positions[-1]
    assert last.lines == [
        "Tracked student progress with formative assessment",  # asked first
        "Taught 7th and 8th grade mathematics",
    ]
    assert not any(ln.startswith("- ") and ":" in ln for ln in md.splitlines())
    assert "Education: M.Ed., Curriculum and Instruction, Montclair State University, 2014" in md
    assert md.count("M.Ed.") == 1  # education once
    assert "Licence: New Jersey Standard Certificate, Teacher of Mathematics" in md
    # the label lines keep their place: after the last position's bullets, in the resume's order
    assert md.index("Taught 7th") < md.index("Education: M.Ed.") < md.index("Licence:")


def test_skills_asked_for_kept_first_and_none_dropped(ex_docs: Extractor) -> None:
    _, t = tailored(ex_docs, TEACHER, TEACHER_POSTING)
    assert t.positions[0].lines[0] == "Use Google Classroom for assignments"
    # the resume's list, asked-for first (required before preferred), every item kept; the
    # asked skill the resume shows only in a bullet leads it
    assert t.skills == [
        "formative assessment",
        "Google Classroom",
        "curriculum development",
        "classroom management",
        "SMART Board",
    ]
    md = to_markdown(t).decode()
    assert (
        "Skills: formative assessment, Google Classroom, curriculum development, "
        "classroom management, SMART Board"
    ) in md


def test_sections_in_the_resumes_order_and_education_once(ex_docs: Extractor) -> None:
    parsed, t = tailored(ex_docs, NURSE, NURSE_POSTING)
    assert [s.heading for s in t.sections] == [
        None, "Professional Summary", "Licenses and Certifications", "Clinical Experience",
        "Education", "Skills",
    ]  # fmt: skip
    md = to_markdown(t).decode()
    assert md.count("Bachelor of Science in Nursing") == 1
    assert "- Registered Nurse (RN), Ohio Board of Nursing" in md
    # a wrapped bullet moves with its continuation line
    assert t.positions[0].lines[:2] == [
        "Administered medications and IV therapy to 5-6 patients per shift",
        "to patients on the unit",
    ]
    assert t.positions[0].lines[2:] == [
        "Documented patient care in Epic",
        "Precepted new graduate nurses",
    ]
    # required before preferred, then the resume's order; IV therapy, shown in a bullet, leads
    assert t.skills == ["IV therapy", "infection control", "wound care", "Epic",
                        "Patient assessment"]  # fmt: skip
    assert claims(md, ex_docs) <= {s.concept for s in parsed.skills}


def test_docx_uses_words_styles_and_reads_back(ex_docs: Extractor) -> None:
    import docx

    parsed, t = tailored(ex_docs, NURSE, NURSE_POSTING)
    data = to_docx(t)
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", "Daniel Okafor, BSN, RN")
    assert [text for style, text in styled if style == "Heading 1"] == [
        "Professional Summary", "Licenses and Certifications", "Clinical Experience",
        "Education", "Skills",
    ]  # fmt: skip
    assert [text for style, text in styled if style == "Heading 2"] == [
        "Staff Nurse, Riverside Methodist Hospital, 2017 - Present"
    ]
    bullets = [text for style, text in styled if style == "List Bullet"]
    assert "Registered Nurse (RN), Ohio Board of Nursing" in bullets
    assert bullets.index("Administered medications and IV therapy to 5-6 patients per shift") < (
        bullets.index("Precepted new graduate nurses")
    )
    assert ("Normal", "daniel.okafor@example.com · 555-201-8890 · Columbus, OH") in styled
    # read back by unstuck's own reader: the same positions, degrees, licences, no new skill
    again = read_resume(data, ex_docs, filename="tailored.docx")
    assert [(p.title, p.employer) for p in again.positions] == [
        (p.title, p.employer) for p in parsed.positions
    ]
    assert [e.level for e in again.education] == [e.level for e in parsed.education] == ["bachelor"]
    assert [c.name for c in again.certifications] == [c.name for c in parsed.certifications]
    assert again.contact == parsed.contact
    assert {s.concept for s in again.skills} <= {s.concept for s in parsed.skills}


def test_json_resume_keeps_contact_and_summary(ex_docs: Extractor) -> None:
    _, t = tailored(ex_docs, TEACHER, TEACHER_POSTING)
    doc = json.loads(to_json_resume(t))
    assert doc["basics"]["email"] == "maria.gonzalez@example.com"
    assert doc["basics"]["phone"] == "(973) 555-0142"
    assert doc["basics"]["label"] == "High School Mathematics Teacher"
    assert doc["basics"]["summary"] == "Mathematics teacher with 11 years in public high schools."
    assert len(doc["education"]) == 1
    assert [s["name"] for s in doc["skills"]][:2] == ["formative assessment", "Google Classroom"]


def test_a_resume_stored_before_sections_were_kept_tailors_the_same(ex_docs: Extractor) -> None:
    parsed = read_resume(NURSE.encode(), ex_docs)
    stored = resume_to_dict(parsed)
    old = {k: v for k, v in stored.items() if k not in ("sections", "preamble")}
    p = PostingFacts.from_dict(posting_to_dict(read_posting(NURSE_POSTING, ex_docs)))
    result = match(ResumeFacts.from_dict(stored), p, now_month=NOW)
    assert to_markdown(tailor(old, parsed.text, result)) == to_markdown(
        tailor(stored, parsed.text, result)
    )
