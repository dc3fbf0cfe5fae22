"""What is stored is what was read, and lists load summaries (issue 11, item 2): the document
list pages page through rows and never load a row's parsed content or text for a label.
(Server time with 5,000 postings and 200 resumes: ``benchmarks/list_pages.py``.)"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from unstuck.app.documents import models, services

pytestmark = pytest.mark.django_db
PARSED = {
    "title": "Data Analyst",
    "employer": "Initech",
    "location": "Chicago, IL",
    "pay": {"minimum": 90000.0, "maximum": 120000.0, "currency": "USD", "period": "year",
            "evidence": "Salary: $90,000 - $120,000 per year"},  # fmt: skip
    "skills": [{"kind": "esco", "id": str(i), "label": f"skill {i}", "required": True,
                "surface": [], "evidence": []} for i in range(7)],  # fmt: skip
    "requirements": [],
}
FULL_COLUMN = re.compile(r'"documents_(?:posting|resume)"\."(?:parsed|text)"(?:, "| FROM)')


def store(postings: int, resumes: int) -> None:
    now = timezone.now()
    models.Posting.objects.bulk_create(
        models.Posting(source=f"b.csv#{i}", fetched_at=now, target_code="15-2051.00",
                       parsed={**PARSED, "title": f"Analyst {i:03d}"}, text="x" * 1000)
        for i in range(postings)
    )  # fmt: skip
    models.Resume.objects.bulk_create(
        models.Resume(filename=f"cv-{i:03d}.txt", kind="text", uploaded_at=now,
                      parsed={"name": f"Jane {i:03d}"}, text="y")
        for i in range(resumes)
    )  # fmt: skip


def test_summaries_carry_what_a_row_shows() -> None:
    store(1, 1)
    (p,) = services.posting_summaries()
    assert (p.summary_title, p.summary_employer, p.summary_location) == (
        "Analyst 000", "Initech", "Chicago, IL")  # fmt: skip
    assert p.summary_pay["minimum"] == 90000.0 and p.summary_skills == 7
    assert p.get_deferred_fields() >= {"parsed", "text"}
    (r,) = services.resume_summaries()
    assert r.summary_name == "Jane 000" and r.get_deferred_fields() >= {"parsed", "text"}
    assert services.target_counts() == [("15-2051.00", 1)]


def test_list_pages_page_through_and_load_no_documents(kb) -> None:  # noqa: ANN001
    store(120, 60)
    client = Client()
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/documents/").content.decode()
    assert page.count('class="posting"') == 50
    assert "Showing 1–50 of 120" in page and "Showing 1–50 of 60" in page
    assert "$90,000–$120,000 a year" in page or "$90,000–$120,000" in page
    assert page.count("against this posting") == 50 * 3  # the three newest resumes
    assert len(queries) <= 12, [q["sql"] for q in queries]
    assert not [q["sql"] for q in queries if FULL_COLUMN.search(q["sql"])]
    last = client.get("/documents/?postings=3").content.decode()
    assert last.count('class="posting"') == 20 and "Showing 101–120 of 120" in last
    assert "Analyst 000" in last and "Analyst 119" not in last  # newest (highest id) first
    postings = client.get("/documents/postings/?page=2&target=15-2051.00").content.decode()
    assert "(120)" in postings and postings.count('class="posting"') == 50
    assert client.get("/documents/postings/?page=999").status_code == 200  # the last page


def test_cli_lists_page_through_summaries() -> None:
    import json

    from click.testing import CliRunner

    from unstuck.cli import cli

    store(120, 60)

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    with CaptureQueriesContext(connection) as queries:
        page = run("posting", "list")
    assert not [q["sql"] for q in queries if FULL_COLUMN.search(q["sql"])]
    lines = page.splitlines()
    assert len(lines) == 51 and "Analyst 119" in lines[0] and "Analyst 070" in lines[49]
    assert lines[-1] == "Showing 1-50 of 120 postings; --offset 50 for more."
    last = run("posting", "list", "--offset", "100", "--target", "15-2051.00").splitlines()
    assert len(last) == 21 and "Analyst 000" in last[19]
    assert last[-1] == "Showing 101-120 of 120 postings."
    rows = json.loads(run("posting", "list", "--limit", "2", "--json"))
    assert [r["title"] for r in rows] == ["Analyst 119", "Analyst 118"]
    assert rows[0]["employer"] == "Initech" and rows[0]["skills"] == 7
    assert rows[0]["pay"]["minimum"] == 90000.0
    with CaptureQueriesContext(connection) as queries:
        resumes = json.loads(run("resume", "list", "--json", "--offset", "58"))
    assert not [q["sql"] for q in queries if FULL_COLUMN.search(q["sql"])]
    assert [r["name"] for r in resumes] == ["Jane 001", "Jane 000"]
    assert "past 60" in run("resume", "list", "--offset", "60")
    assert "No postings here" in run("posting", "list", "--target", "11-1011.00")
