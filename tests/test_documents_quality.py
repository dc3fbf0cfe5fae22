"""The documents benchmark (benchmarks/documents_quality.py): its scoring rules, the layouts and
words named in issue 13 as cases, and the acceptance floors on the whole labelled set."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from unstuck.text.extract import Concept, Extractor, Term
from unstuck.text.layout import header_fields, read_degree
from unstuck.text.posting import read_posting
from unstuck.text.resume import read_resume

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "documents_quality", REPO / "benchmarks" / "documents_quality.py"
)
assert _spec is not None and _spec.loader is not None
Q = importlib.util.module_from_spec(_spec)
sys.modules["documents_quality"] = Q
_spec.loader.exec_module(Q)


# -- scoring rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("found", "gold", "same"),
    [
        ("Excel", "Microsoft Excel", True),
        ("SQL queries", "SQL", True),
        ("Forth", "set forth", True),  # whole words: the rule is about words, not meaning
        ("access", "Microsoft Access", True),
        ("Java", "JavaScript", False),
        ("", "Python", False),
    ],
)
def test_same_phrase(found: str, gold: str, same: bool) -> None:
    assert Q.same_phrase(found, gold) is same


def test_tally_counts_precision_and_recall() -> None:
    t = Q.Tally()
    t.add(["a", "b", "x"], ["a", "b", "c", "d"], lambda f, g: f == g)
    assert (t.precision, t.recall) == (2 / 3, 2 / 4)
    assert t.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert Q.Tally().f1 is None  # nothing read, nothing to find: no figure, not a zero


def test_natural_first_needs_a_strict_win() -> None:
    resumes = [Q.Document("r1", "resume", "text", "", {"posting": "p1"}),
               Q.Document("r2", "resume", "text", "", {"posting": "p2"})]  # fmt: skip
    postings = [Q.Document("p1", "posting", "text", "", {}),
                Q.Document("p2", "posting", "text", "", {})]  # fmt: skip
    hits, misses = Q.natural_first([[50.0, 40.0], [30.0, 30.0]], resumes, postings)
    assert hits == 1 and len(misses) == 1  # a tie is not a win


def test_the_set_is_as_the_issue_asks() -> None:
    resumes, postings = Q.load_set()
    assert len(resumes) >= 20 and len(postings) >= 20
    formats = {d.format for d in resumes + postings}
    assert {"text", "docx", "pdf", "pdf-columns", "html"} <= formats
    ids = {p.id for p in postings}
    assert all(r.gold["posting"] in ids for r in resumes)


def test_rendered_files_are_what_they_claim() -> None:
    resumes, postings = Q.load_set()
    for doc in resumes + postings:
        data, name = Q.render(doc)
        if doc.format.startswith("pdf"):
            assert data.startswith(b"%PDF"), name
        elif doc.format == "docx":
            assert data[:4] == b"PK\x03\x04", name
        elif doc.format == "html":
            assert b"<h1>" in data, name


# -- the failures named in issue 13, as cases -----------------------------------------------------


@pytest.fixture(scope="module")
def ex() -> Extractor:
    terms = [
        Term(label, Concept(kind, label, label), cased=cased)
        for label, kind, cased in [
            ("Swift", "technology", True), ("Forth", "technology", True),
            ("Assembly", "technology", True), ("Access", "technology", True),
            ("Python", "technology", False), ("Westlaw", "technology", False),
            ("legal research", "esco", False), ("RE", "esco", False),
            ("forklift", "tool", False), ("medication administration", "esco", False),
        ]
    ]  # fmt: skip
    terms.append(Term("Reports", Concept("technology", "Oracle Reports", "Oracle Reports"),
                      rank=1, cased=True))  # fmt: skip
    return Extractor(terms)


@pytest.mark.parametrize(
    ("lines", "title", "employer"),
    [
        (["ABC LAW GROUP (Newark, NJ) Paralegal"], "Paralegal", "ABC LAW GROUP"),
        (["PLASTIX MOLDING (Akron, OH) Production Supervisor"], "Production Supervisor",
         "PLASTIX MOLDING"),
        (["Staff Accountant, Baker & Co. - Chicago, IL,"], "Staff Accountant", "Baker & Co."),
        (["Warehouse Associate", "Swift Shipping Co., Memphis, TN"], "Warehouse Associate",
         "Swift Shipping Co."),
        (["Clinic West | Registered Nurse | Dayton, OH |"], "Registered Nurse", "Clinic West"),
    ],
)  # fmt: skip
def test_position_layouts(lines: list[str], title: str, employer: str) -> None:
    head = header_fields(lines)
    assert (head.title, head.employer) == (title, employer)


@pytest.mark.parametrize(
    ("line", "level", "field"),
    [
        ("M.Ed., Curriculum and Instruction, Kean University, 2015", "master",
         "Curriculum and Instruction"),
        ("B.B.A. in Accounting, Temple University, 2012", "bachelor", "Accounting"),
        ("BSN, Ohio University, 2011", "bachelor", "Nursing"),
        ("MBA, Finance, Duke University", "master", "Finance"),
        ("J.D., Rutgers Law School, 2009", "professional", "Law"),
        ("Bachelor of Science in Biology, UCLA", "bachelor", "Biology"),
    ],
)  # fmt: skip
def test_degrees_are_read_as_level_and_field(line: str, level: str, field: str) -> None:
    degree = read_degree(line)
    assert degree is not None and (degree.level, degree.field) == (level, field)


def test_ms_office_is_not_a_degree() -> None:
    assert read_degree("Advanced MS Office and MS Excel user") is None


def test_label_lines_and_licences_are_read(ex: Extractor) -> None:
    text = ("Ana Ruiz\nExperience\nTeacher, Lincoln School - Trenton, NJ, 2015 - Present\n"
            "Education: M.Ed., Special Education, Kean University, 2014\n"
            "Licence: New Jersey Teacher of Students with Disabilities\n")  # fmt: skip
    r = read_resume(text.encode(), ex)
    assert [(e.level, e.field) for e in r.education] == [("master", "Special Education")]
    assert [c.name for c in r.certifications] == [
        "New Jersey Teacher of Students with Disabilities"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Warehouse Associate, Swift Logistics - Memphis, TN, 2019 - Present",  # employer Swift
        "- Ensure the terms set forth in contracts are met",
        "- Trained new hires on product assembly",
        "- Reports to the store manager",
        "- Gave staff access to the shared drive",
        "- We're a friendly team",
    ],
)
def test_ordinary_words_are_not_skills(ex: Extractor, line: str) -> None:
    r = read_resume(f"Sam Lee\nExperience\n{line}\n".encode(), ex)
    assert {s.concept.label for s in r.skills} == set()


def test_skills_in_a_list_are_kept(ex: Extractor) -> None:
    r = read_resume(b"Sam Lee\nSkills\nSwift, Python, Access, Westlaw\n", ex)
    assert {"Swift", "Python", "Access", "Westlaw"} <= {s.concept.label for s in r.skills}


def test_posting_sections_experience_and_header(ex: Extractor) -> None:
    text = ("Litigation Paralegal\nSmith & Jones LLP - Newark, NJ\n"
            "Responsibilities\n- Draft pleadings and motions\n"
            "Requirements\n- Paralegal: 5 years (Required)\n- Legal research with Westlaw\n"
            "- Bachelor's degree or equivalent experience\n"
            "Nice to have\n- Python scripting\n")  # fmt: skip
    p = read_posting(text, ex)
    assert (p.title, p.employer, p.location) == ("Litigation Paralegal", "Smith & Jones LLP",
                                                 "Newark, NJ")  # fmt: skip
    kinds = {s.concept.label: s.section for s in p.skills}
    assert kinds["Westlaw"] == "required" and kinds["Python"] == "preferred"
    reqs = {(r.kind, r.value, r.required) for r in p.requirements}
    assert ("experience", "5 years", True) in reqs
    degree = next(r for r in p.requirements if r.kind == "degree")
    assert (degree.value, degree.alternative) == ("bachelor", "equivalent experience")


def test_job_posting_for_prefix_is_not_the_title(ex: Extractor) -> None:
    p = read_posting("Job Posting for Production Supervisor\nAcme Molding, Toledo, OH\n"
                     "Requirements\n- 5 years of manufacturing experience\n", ex)  # fmt: skip
    assert (p.title, p.employer) == ("Production Supervisor", "Acme Molding")


def test_pdf_and_docx_postings_are_read(ex: Extractor) -> None:
    doc = Q.Document("p", "posting", "pdf", "Welder\nSteel Co - Tulsa, OK\n# Requirements\n"
                     "- 2 years of welding experience\n", {})  # fmt: skip
    for fmt in ("pdf", "docx"):
        doc.format = fmt
        data, _ = Q.render(doc)
        p = read_posting(data, ex)
        assert p.title == "Welder" and any(r.kind == "experience" for r in p.requirements)


# -- the floors, on the whole set ----------------------------------------------------------------


@pytest.mark.django_db
def test_documents_quality_floors(kb_home: Path) -> None:
    figures = Q.run(None)
    fields = figures["fields"]
    assert not figures["problems"], figures["problems"]
    for name in ("positions", "degrees", "licences"):
        assert fields[name]["f1"] >= Q.FLOORS[name], (name, fields[name])
    assert figures["mention_precision"] >= Q.FLOORS["mention_precision"]
    assert figures["natural_first"] >= Q.FLOORS["natural_first"]
