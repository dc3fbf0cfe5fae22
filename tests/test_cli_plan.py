"""``unstuck plan`` and ``unstuck report`` in process (Click's CliRunner), on the real knowledge
base; what they print is compared with the library they wrap."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from unstuck.app.paths import services as paths_services
from unstuck.app.plan import services
from unstuck.app.profile import services as profile_services
from unstuck.cli import cli
from unstuck.cli.status import ExitStatus
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base

pytestmark = pytest.mark.django_db
NURSE = "29-1141.00"
NP = "29-1171.00"


@pytest.fixture
def kb(kb_home: Path) -> KnowledgeBase:
    return get_knowledge_base()


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def person(kb: KnowledgeBase) -> None:
    profile_services.set_occupation(kb, NURSE, 5)
    paths_services.add(NP, kb.titles[NP])


def test_target_must_be_on_the_shortlist(person: None) -> None:
    r = run("plan", "target", "15-1252.00")
    assert r.exit_code == ExitStatus.NOT_FOUND
    assert "not on your shortlist" in r.output
    r = run("plan", "target", NP, "--start", "2027-01-04")
    assert r.exit_code == 0, r.output
    assert "Nurse Practitioners" in r.output and "2027-01-04" in r.output


def test_show_without_target_explains_the_next_step(kb: KnowledgeBase) -> None:
    r = run("plan", "show")
    assert r.exit_code == 0, r.output
    assert "unstuck plan target CODE" in r.output
    assert "(assumed)" in r.output  # no hours given: the core's default, said so
    assert "Runway: unknown" in r.output


def test_show_text_and_json_match_the_library(kb: KnowledgeBase, person: None) -> None:
    run("plan", "target", NP, "--start", "2027-01-04")
    r = run("plan", "show", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    built = services.build(kb)
    assert data["target"]["code"] == NP
    assert data["plan"]["start"] == "2027-01-04"
    assert len(data["plan"]["weeks"]) == len(built.action.weeks)
    assert [a["id"] for a in data["plan"]["learning"]["activities"]] == [
        a.id for a in built.action.learning.activities
    ]
    assert [g["goal"] for g in data["goals"]] == [g.text for g in built.goals]
    text = run("plan", "show").output
    for a in built.action.learning.activities:
        assert a.title in text
    for w in built.action.weeks:
        assert str(w.start) in text


def test_export_ics_to_a_file_and_stdout(kb: KnowledgeBase, person: None, tmp_path: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    run("plan", "target", NP, "--start", "2027-01-04")
    out = tmp_path / "plan.ics"
    r = run("plan", "export-ics", "-o", str(out))
    assert r.exit_code == 0, r.output
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    tasks = services.build(kb).action.tasks()
    titles = {re.sub(r" \(part \d+ of \d+\)$", "", str(e["SUMMARY"])) for e in events}
    assert titles == {t.title for t in tasks}
    assert min(e.decoded("DTSTART") for e in events) == date(2027, 1, 4)
    stdout = run("plan", "export-ics").output
    assert stdout.startswith("BEGIN:VCALENDAR") and stdout.count("BEGIN:VEVENT") == len(events)


def test_report_html_and_pdf(kb: KnowledgeBase, person: None, tmp_path: Path) -> None:
    from pypdf import PdfReader

    run("plan", "target", NP)
    html = tmp_path / "plan.html"
    r = run("report", "--format", "html", "-o", str(html))
    assert r.exit_code == 0, r.output
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<style>" in page
    assert "Back to your plan" not in page  # the saved file has no links into the app
    assert "Nurse Practitioners" in page and "<svg" in page
    pdf = tmp_path / "plan.pdf"
    r = run("report", "--format", "pdf", "-o", str(pdf))
    assert r.exit_code == 0, r.output
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 2
    assert "Career restart plan" in (reader.pages[0].extract_text() or "")


def test_report_without_knowledge_base() -> None:
    r = run("report", "-o", "x.pdf")
    assert r.exit_code == ExitStatus.NOT_INSTALLED


def test_the_plan_weighs_the_strong_fits_the_time_limit_leaves_out(kb: KnowledgeBase) -> None:
    """An HR generalist with a 9-month limit: the best fits that only the limit leaves out,
    and that two more years at most would bring in, are named in the plan with what they take;
    the target, her own work and the shortlist are not among them."""
    hr, target = "13-1071.00", "13-1075.00"
    profile_services.set_occupation(kb, hr, 7)
    r = run("profile", "set", "--education", "bachelor", "--hours", "6",
            "--retraining-months", "9")  # fmt: skip
    assert r.exit_code == 0, r.output
    paths_services.add(target, kb.titles[target])
    services.choose_target(target)
    beyond = paths_services.beyond_limit(kb, {target, hr})
    assert beyond, "a 9-month limit leaves strong fits out"
    for item in beyond:
        assert item.code not in {target, hr}
        assert [x.reason for x in item.reasons] == ["longer_than_limit"]
        assert item.months is not None and 9 < item.months <= 9 + 24
    text = "\n".join(
        f"{t.title}: {t.detail}" for w in services.build(kb).action.weeks for t in w.tasks
    )
    assert "Your limit of 9 months to get ready leaves out " in text
    for item in beyond:
        assert f"{item.title} (about {item.months:.0f} months at your hours" in text
