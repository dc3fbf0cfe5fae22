"""Market summary over postings read by the real posting reader from text written here."""

from __future__ import annotations

import pytest

from unstuck.core.market import summarise
from unstuck.core.match import PostingFacts
from unstuck.text.extract import Concept, Extractor, Term
from unstuck.text.posting import read_posting
from unstuck.text.stored import posting_to_dict

SKILLS = ["Python", "SQL", "Tableau", "Excel", "Java"]


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor([Term(s, Concept("esco", s.lower(), s)) for s in SKILLS])


POSTINGS = [
    "Data Analyst\nRequirements\n- SQL and Python\nSalary: $60,000 - $80,000 per year\n",
    "Data Analyst\nRequirements\n- SQL, Tableau\n- Python is a plus\n"
    "Salary: $70,000 - $90,000 per year\n",
    "Data Analyst\nRequirements\n- SQL and SQL again\n- Excel\nNo Java needed.\n",
    "Data Analyst\nRequirements\n- Python\nPay: $30 - $40 per hour\n",
]


def read_all(ex: Extractor) -> list[PostingFacts]:
    return [PostingFacts.from_dict(posting_to_dict(read_posting(t, ex))) for t in POSTINGS]


def test_frequency_counts_each_posting_once(ex: Extractor) -> None:
    summary = summarise(read_all(ex), {}, target_code="15-2051.00")
    by = {s.label: s for s in summary.skills}
    assert summary.postings == 4
    assert (by["SQL"].postings, by["SQL"].percent) == (3, 75.0)
    assert (by["Python"].postings, by["Python"].required) == (3, 2)  # "a plus" once
    assert "Java" not in by  # "No Java needed" is not an ask
    assert [s.label for s in summary.skills][:2] == ["SQL", "Python"]


def test_pairs_and_pay_groups(ex: Extractor) -> None:
    summary = summarise(read_all(ex), {}, min_pair=2)
    pairs = {(p.a, p.b): p.postings for p in summary.pairs}
    assert pairs == {("Python", "SQL"): 2}
    yearly = next(r for r in summary.pay if r.period == "year")
    assert (yearly.postings, yearly.low, yearly.high) == (2, 60000, 90000)
    assert yearly.median_mid == pytest.approx((70000 + 80000) / 2)
    hourly = next(r for r in summary.pay if r.period == "hour")
    assert (hourly.low, hourly.high) == (30, 40)
    assert summary.without_pay == 1


def test_coverage_by_evidence(ex: Extractor) -> None:
    evidence = {"esco:sql": ["Built SQL reports"], "python": ["Cleaned data in Python"]}
    summary = summarise(read_all(ex), evidence)
    covered = {s.label: s.covered for s in summary.skills}
    assert covered == {"SQL": True, "Python": True, "Tableau": False, "Excel": False}
    # 3 + 3 covered asks out of 3 + 3 + 1 + 1
    assert summary.coverage == pytest.approx(75.0)
    assert [s.label for s in summary.gaps] == ["Excel", "Tableau"]
    sql = next(s for s in summary.skills if s.label == "SQL")
    assert sql.evidence == ("Built SQL reports",)


def test_no_postings() -> None:
    summary = summarise([], {})
    assert summary.postings == 0 and summary.skills == () and summary.coverage is None


def test_shares_feed_the_gap_analysis(ex: Extractor) -> None:
    summary = summarise(read_all(ex), {})
    shares = summary.shares()
    assert shares["SQL"] == 0.75 and shares["Tableau"] == 0.25
    assert all(0 < v <= 1 for v in shares.values())


def test_one_skill_across_vocabularies_and_wordings() -> None:
    excel = Concept("technology", "Microsoft Excel", "Microsoft Excel")
    ex2 = Extractor(
        [
            Term("Python", Concept("esco", "py-skill", "Python (computer programming)")),
            Term("Python", Concept("technology", "Python", "Python")),
            Term("Microsoft Excel", excel),
            Term("Excel", excel, rank=1),
            Term("Excel", Concept("esco", "spreadsheets", "use spreadsheets software"), rank=1),
        ]
    )
    texts = [
        "Requirements\n- Python\n- Excel\n",
        "Requirements\n- Microsoft Excel\n",
        "Requirements\n- Excel, Python\n",
    ]
    facts = [PostingFacts.from_dict(posting_to_dict(read_posting(t, ex2))) for t in texts]
    summary = summarise(facts, {"technology:Python": ["wrote Python scripts"]}, min_pair=1)
    by = {s.label: s for s in summary.skills}
    assert set(by) == {"Python", "Excel"}  # not four skills
    assert by["Excel"].postings == 3 and by["Python"].postings == 2
    assert by["Python"].covered and not by["Excel"].covered
    assert [(p.a, p.b, p.postings) for p in summary.pairs] == [("Excel", "Python", 2)]
    shares = summary.shares()  # the gap list looks skills up by their O*NET names
    assert shares["Microsoft Excel"] == shares["Excel"] == 1.0
    assert shares["Python (computer programming)"] == pytest.approx(2 / 3)
