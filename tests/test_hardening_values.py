"""Every bad value gets a clear error and never a 500 later (issue 11, item 3): ranges on dates
and money in the forms, the services and the CLI; pages that tolerate values stored before the
checks; type checks on JSON Resume and JSON-LD; NaN, infinities, deep nesting and huge CSV
fields refused by name; exit code 6 for an unreadable input file; one styled error page."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client, RequestFactory

from unstuck.cli import cli
from unstuck.cli.status import ExitStatus
from unstuck.core import limits
from unstuck.text import limits as text_limits
from unstuck.text.extract import Concept, Extractor, Term
from unstuck.text.posting import PostingError, read_posting, read_postings_batch
from unstuck.text.resume import ResumeError, read_resume

NURSE, NP = "29-1141.00", "29-1171.00"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor([Term(s, Concept("esco", s, s)) for s in ("Python", "SQL", "Excel")])


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(cli, list(args))


# -- pure limits -----------------------------------------------------------------------------


def test_start_window_and_money_ceiling() -> None:
    today = date(2026, 3, 31)
    first, last = limits.start_window(today)
    assert limits.start_problem(first, today) is None
    assert limits.start_problem(last, today) is None
    assert "on or after" in limits.start_problem(first - timedelta(days=1), today)
    assert "on or before" in limits.start_problem(last + timedelta(days=1), today)
    assert limits.sane_start(date(9999, 12, 31), today) == today
    assert limits.sane_start(today + timedelta(days=30), today) == today + timedelta(days=30)
    assert limits.money_problem(10**25, "savings") == "savings must be at most 100,000,000 dollars"
    assert limits.money_problem(float("nan"), "x") == "x must be a number"
    assert limits.money_problem(-1, "x") == "x must not be negative"
    assert limits.sane_money(float("inf")) is None and limits.sane_money(5_000) == 5_000


def test_short_quotes_only_a_prefix() -> None:
    quoted = limits.short("x" * 10_000_000)
    assert len(quoted) < 100 and "10,000,000 characters" in quoted
    assert limits.short(list(range(1000))) == "a list of 1,000 item(s)"


# -- readers ---------------------------------------------------------------------------------


def nested(depth: int) -> str:
    return '{"basics": {"name": "A"}, "work": ' + "[" * depth + "]" * depth + "}"


def test_deep_json_is_refused_by_name_not_recursion(ex: Extractor) -> None:
    with pytest.raises(ResumeError, match="nested deeper than 64 levels"):
        read_resume(nested(5000).encode(), ex)
    with pytest.raises(ResumeError, match="nested deeper than 64 levels"):
        read_resume(nested(200).encode(), ex)  # parses, but deeper than any resume
    posting = '{"@type": "JobPosting", "title": "x", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    with pytest.raises(PostingError, match="nested deeper"):
        read_posting(posting, ex)
    html = f'<html><script type="application/ld+json">{posting}</script><p>Python</p></html>'
    with pytest.raises(PostingError, match="nested deeper"):
        read_posting(html, ex)


@pytest.mark.parametrize(
    ("work", "message"),
    [
        ({"position": "Analyst", "highlights": 5}, r"work\[0\]\.highlights must be a list"),
        ({"position": "Analyst", "highlights": [{"a": 1}]}, r"must hold only text, not an obj"),
        ({"position": ["Analyst"]}, r"work\[0\]\.position must be text, not a list"),
        ("Analyst", r"work\[0\] must be an object, not text"),
    ],
)
def test_json_resume_types_are_checked(ex: Extractor, work: object, message: str) -> None:
    data = json.dumps({"basics": {"name": "A"}, "work": [work]}).encode()
    with pytest.raises(ResumeError, match=message):
        read_resume(data, ex)


def test_json_resume_sections_must_be_lists(ex: Extractor) -> None:
    with pytest.raises(ResumeError, match="work must be a list, not an object"):
        read_resume(b'{"basics": {}, "work": {"position": "x"}}', ex)
    with pytest.raises(ResumeError, match="basics must be an object, not a number"):
        read_resume(b'{"basics": 5, "work": []}', ex)


@pytest.mark.parametrize("value", ['"NaN"', "NaN", "Infinity", "-Infinity", "1e999", '"-5"'])
def test_json_ld_pay_must_be_a_finite_amount(ex: Extractor, value: str) -> None:
    doc = (
        '{"@type": "JobPosting", "title": "Analyst", "description": "Python", '
        '"baseSalary": {"currency": "USD", "value": {"minValue": 1, "maxValue": ' + value + "}}}"
    )
    with pytest.raises(PostingError) as info:
        read_posting(doc, ex)
    assert "number" in str(info.value) or "pay" in str(info.value)


def test_json_ld_pay_that_is_a_word_is_left_unknown(ex: Extractor) -> None:
    doc = (
        '{"@type": "JobPosting", "title": "Analyst", "description": "Python", '
        '"baseSalary": {"value": {"minValue": "Competitive"}}}'
    )
    assert read_posting(doc, ex).pay is None


def test_huge_csv_field_is_a_clear_error(ex: Extractor) -> None:
    big = "Python " * (text_limits.MAX_FIELD // 7 + 10)
    with pytest.raises(PostingError, match=r"row 2: cannot be read \(a field is over 1,000,000"):
        read_postings_batch(f'text\n"{big}"\n', ex, kind="csv")
    # a 220 KB field (over the csv module's default limit) is an ordinary posting
    field = "Python and SQL.\n" * 14_000
    (result,) = read_postings_batch(f'text\n"{field}"\n', ex, kind="csv")
    assert not isinstance(result, PostingError)
    assert {s.concept.label for s in result.skills} == {"Python", "SQL"}


def test_jsonl_line_with_nan_is_that_lines_error(ex: Extractor) -> None:
    results = read_postings_batch('{"text": "Python"}\n{"text": "SQL", "x": NaN}\n', ex)
    assert not isinstance(results[0], PostingError)
    assert isinstance(results[1], PostingError) and "line 2" in str(results[1])


# -- the CLI ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_cli_invalid_files_exit_6_and_store_nothing(kb_home: Path, tmp_path: Path) -> None:
    from unstuck.app.documents import models

    cases = {
        "deep.json": nested(5000),
        "types.json": json.dumps({"basics": {}, "work": [{"highlights": 5}]}),
    }
    for name, body in cases.items():
        path = tmp_path / name
        path.write_text(body)
        result = run("resume", "import", str(path))
        assert result.exit_code == ExitStatus.INVALID_INPUT, result.output
        assert "nothing was saved" in result.output and "Traceback" not in result.output
    pay = '{"@type": "JobPosting", "title": "x", "baseSalary": {"value": {"minValue": "NaN"}}}'
    path = tmp_path / "job.json"
    path.write_text(pay)
    result = run("posting", "add", str(path))
    assert result.exit_code == ExitStatus.INVALID_INPUT, result.output
    assert models.Resume.objects.count() == 0 and models.Posting.objects.count() == 0


@pytest.mark.django_db
def test_cli_plan_start_out_of_range_is_a_usage_error(kb_home: Path) -> None:
    result = run("plan", "target", NP, "--start", "9999-12-31")
    assert result.exit_code == 2
    assert "at most 5 years ahead" in result.output
    result = run("explore", "--min-pay", str(10**25))
    assert result.exit_code == 2 and "100000000" in result.output


# -- forms and pages -------------------------------------------------------------------------


def _shortlisted(kb) -> None:  # noqa: ANN001
    from unstuck.app.paths import services as paths_services
    from unstuck.app.plan import services
    from unstuck.app.profile import services as profile_services

    profile_services.set_occupation(kb, NURSE, 7)
    paths_services.add(NP, kb.titles[NP])
    services.choose_target(NP)


@pytest.mark.django_db
def test_a_stored_far_start_date_never_breaks_the_plan(kb) -> None:  # noqa: ANN001
    from unstuck.app.plan import models, services

    _shortlisted(kb)
    models.Plan.objects.update(start=date(9999, 12, 31))  # forged, or from before the checks
    client = Client()
    for url in ("/plan/", "/plan/learning/", "/plan/goals/", "/plan/exit/", "/plan/report/",
                "/plan/report.pdf", "/plan/plan.ics"):  # fmt: skip
        assert client.get(url).status_code == 200, url
    assert "9999-12-31 is out of range" in client.get("/plan/").content.decode()
    # ... and the form to fix it says what is wrong with another bad date
    response = client.post("/plan/", {"code": NP, "start": "9999-12-31"})
    assert response.status_code == 400
    assert "at most 5 years ahead" in response.content.decode()
    with pytest.raises(services.PlanError, match="on or after"):
        services.choose_target(NP, start=date(2000, 1, 1))
    assert services.get_state().start == date(9999, 12, 31)  # unchanged by the refusals


@pytest.mark.django_db
def test_money_over_the_ceiling_is_refused_in_forms(kb) -> None:  # noqa: ANN001
    from unstuck.app.plan import models as plan_models
    from unstuck.app.profile import models as profile_models

    _shortlisted(kb)
    client = Client()
    big = str(10**25)
    about = {"risk_tolerance": "medium", "savings": big, "monthly_expenses": "1"}
    response = client.post("/profile/about/", about)
    assert response.status_code in (200, 400)
    assert "less than or equal to 100000000" in response.content.decode()
    assert profile_models.Profile.objects.get().savings is None
    response = client.post("/plan/exit/", {"severance": big, "monthly_saving": "1e25"})
    assert response.status_code == 400
    assert plan_models.Plan.objects.get().severance is None
    # an amount stored out of range before the checks: the pages read it as unknown
    plan_models.Plan.objects.update(severance=1e300, monthly_saving=float("inf"))
    profile_models.Profile.objects.update(savings=9 * 10**18)
    for url in ("/plan/", "/plan/exit/", "/plan/report/", "/plan/report.pdf", "/paths/"):
        assert client.get(url).status_code == 200, url


def test_the_error_page_uses_the_site_layout(kb_home: Path) -> None:
    from unstuck.web.errors import disk_problem, server_error

    request = RequestFactory().get("/plan/")
    try:
        raise sqlite3.OperationalError("attempt to write a readonly database")
    except sqlite3.OperationalError:
        response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert 'class="site-header"' in page and "Something went wrong" in page
    assert "read-only" in page and "Nothing was changed" in page
    assert disk_problem(ValueError("x")) is None
    assert "full" in disk_problem(OSError(28, "No space left on device"))
