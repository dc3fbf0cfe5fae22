"""``unstuck applications`` through Click's runner on a fresh user database: round trips with
--json, the exit statuses, nothing saved on a bad value."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from django.utils import timezone

from unstuck.app.applications import models
from unstuck.app.documents.models import Posting, Resume
from unstuck.cli import cli
from unstuck.cli.status import ExitStatus

pytestmark = pytest.mark.django_db


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def ok(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def as_json(*args: str) -> object:
    return json.loads(ok(*args, "--json").output)


def test_add_move_list_show_round_trip(tmp_path: Path) -> None:
    added = as_json("applications", "add", "--company", "Initech", "--title", "Data Scientist",
                    "--target", "15-2051.00", "--salary-min", "90000", "--currency", "usd",
                    "--period", "year", "--next-action", "Ask Sam for a referral")
    assert added["stage"] == "saved" and added["warnings"] == []
    assert added["salary_min"] == "90000.00" and added["salary_max"] is None
    pk = str(added["id"])
    cv = tmp_path / "cv-initech.docx"
    cv.write_bytes(b"PK tailored for Initech")
    moved = as_json("applications", "move", pk, "applied", "--resume-file", str(cv))
    assert moved["stage_name"] == "Applied"
    assert moved["resume"]["filename"] == "cv-initech.docx"
    ok("applications", "move", pk, "interview", "--note", "with the team lead")
    assert as_json("applications", "move", pk, "Interview")["stage_name"] == "Interview 2"
    ok("applications", "move", pk, "screening", "--note", "back a step")
    shown = as_json("applications", "show", pk)
    assert [(h["stage"], h["round"]) for h in shown["history"]] == [
        ("saved", None), ("applied", None), ("interview", 1), ("interview", 2),
        ("screening", None)]
    assert shown["history"][2]["note"] == "with the team lead"
    assert shown["next_action"] == "Ask Sam for a referral"
    text = ok("applications", "show", pk).output
    assert "Interview 2" in text and "cv-initech.docx" in text and "back a step" in text
    second = as_json("applications", "add", "--company", "INITECH, Inc.", "--title",
                     "Data Scientists")
    assert second["warnings"] == [
        f"Already applied to this role: application {pk} (Screening)",
        "1 application to INITECH, Inc. already"]
    listed = as_json("applications", "list")
    assert [r["id"] for r in listed] == [second["id"], int(pk)]
    assert [r["id"] for r in as_json("applications", "list", "--stage", "screening")] == [
        int(pk)]
    assert len(as_json("applications", "list", "--company", "initech")) == 2
    assert "Data Scientist at Initech" in ok("applications", "list", "--open").output


def test_add_from_a_saved_posting_with_an_imported_resume() -> None:
    now = timezone.now()
    posting = Posting.objects.create(
        source="job.html", fetched_at=now, target_code="15-2051.00",
        parsed={"title": "Data Scientist", "employer": "Initech",
                "pay": {"minimum": 90000, "maximum": 120000, "currency": "USD",
                        "period": "year", "evidence": "$90,000 - $120,000"}},
        text="Data Scientist - Initech")
    resume = Resume.objects.create(filename="cv.txt", kind="text", uploaded_at=now, parsed={},
                                   text="Jane Doe")
    added = as_json("applications", "add", "--posting", str(posting.pk), "--stage", "applied",
                    "--resume", str(resume.pk), "--on", (now - timedelta(days=3)).date()
                    .isoformat())
    assert (added["company"], added["role_title"], added["target_code"]) == (
        "Initech", "Data Scientist", "15-2051.00")
    assert (added["salary_min"], added["salary_max"]) == ("90000.00", "120000.00")
    assert added["resume"]["from_resume"] == resume.pk
    assert added["stage_since"][:10] == (now - timedelta(days=3)).date().isoformat()
    shown = as_json("applications", "show", str(added["id"]))
    assert shown["posting_text"] == "Data Scientist - Initech"


@pytest.mark.parametrize(
    "args, status, message",
    [
        (["add", "--company", "Initech"], ExitStatus.USAGE, "role_title: is needed"),
        (["add", "--company", "A", "--title", "B", "--salary-min", "lots"], ExitStatus.USAGE,
         "salary_min: 'lots' is not an amount"),
        (["add", "--company", "A", "--title", "B", "--stage", "applied"], ExitStatus.USAGE,
         "resume: an application in Applied needs the resume version sent"),
        (["add", "--company", "A", "--title", "B", "--target", "nurse"], ExitStatus.USAGE,
         "target_code: 'nurse' is not an O*NET-SOC code"),
        (["add", "--posting", "99"], ExitStatus.NOT_FOUND, "posting: no saved posting 99"),
        (["add", "--company", "A", "--title", "B", "--stage", "applied", "--resume", "7"],
         ExitStatus.NOT_FOUND, "resume: no imported resume 7"),
        (["add", "--company", "A", "--title", "B", "--resume-file", "/nonexistent/cv.pdf"],
         ExitStatus.NOT_FOUND, "no such file"),
        (["move", "42", "applied"], ExitStatus.NOT_FOUND, "no application 42"),
        (["show", "42"], ExitStatus.NOT_FOUND, "no application 42"),
        (["stages", "--rename", "applied", "Saved"], ExitStatus.USAGE,
         "two stages are called 'Saved'"),
        (["stages", "--wait", "applied", "soon"], ExitStatus.USAGE, "is not a whole number"),
        (["funnel", "--by", "colour"], ExitStatus.USAGE, "Invalid value"),
    ],
)
def test_errors_name_the_problem_and_save_nothing(
    args: list[str], status: ExitStatus, message: str
) -> None:
    result = CliRunner().invoke(cli, ["applications", *args])
    assert result.exit_code == status, result.output
    assert message in result.output
    assert models.Application.objects.count() == 0
    assert models.SentDocument.objects.count() == 0
    assert models.StageDefinition.objects.count() == 0


def test_a_bad_move_changes_nothing() -> None:
    pk = str(as_json("applications", "add", "--company", "A", "--title", "B")["id"])
    result = CliRunner().invoke(cli, ["applications", "move", pk, "ghosted"])
    assert result.exit_code == ExitStatus.USAGE and "stage: no stage 'ghosted'" in result.output
    result = CliRunner().invoke(cli, ["applications", "move", pk, "offer"])
    assert result.exit_code == ExitStatus.USAGE and "needs the resume" in result.output
    assert models.StageChange.objects.count() == 1


def test_stale_confirm_dismiss_snooze(tmp_path: Path) -> None:
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(b"%PDF the resume")
    today = timezone.localdate()
    ids = []
    for company in ("A", "B", "C"):
        ids.append(str(as_json("applications", "add", "--company", company, "--title", "Analyst",
                               "--stage", "applied", "--resume-file", str(cv))["id"]))
    assert as_json("applications", "stale") == []
    later = (today + timedelta(days=30)).isoformat()
    proposed = as_json("applications", "stale", "--today", later)
    assert [str(p["application"]) for p in proposed] == ids
    assert proposed[0]["days_quiet"] == 30 and proposed[0]["propose_name"] == "No response"
    assert "no news for 30 days in Applied" in ok("applications", "stale", "--today",
                                                  later).output
    ok("applications", "dismiss", ids[1], "--today", later)
    ok("applications", "snooze", ids[2], "--days", "7", "--today", later)
    assert [str(p["application"]) for p in as_json("applications", "stale", "--today",
                                                   later)] == [ids[0]]
    # all or none: B is no longer proposed, so A does not move either
    refused = CliRunner().invoke(cli, ["applications", "confirm", ids[0], ids[1], "--today",
                                       later])
    assert refused.exit_code == ExitStatus.USAGE and "is not waiting for news" in refused.output
    assert as_json("applications", "show", ids[0])["stage"] == "applied"
    ok("applications", "confirm", ids[0], "--today", later)
    shown = as_json("applications", "show", ids[0])
    assert shown["stage"] == "no-response"
    assert shown["history"][-1]["note"].startswith("No news for 30 days in Applied")
    week = (today + timedelta(days=37)).isoformat()
    assert [str(p["application"]) for p in as_json("applications", "stale", "--today",
                                                   week)] == [ids[2]]


def test_funnel_and_export(tmp_path: Path) -> None:
    for n, version in enumerate([b"A"] * 4 + [b"B"] * 2):
        cv = tmp_path / f"cv-{version.decode()}.pdf"
        cv.write_bytes(b"resume " + version)
        pk = str(as_json("applications", "add", "--company", f"Co {n}", "--title", "Analyst",
                         "--stage", "applied", "--resume-file", str(cv))["id"])
        if n in (0, 4):
            ok("applications", "move", pk, "screening")
    groups = {g["label"].split(" ")[0]: g for g in as_json("applications", "funnel", "--by",
                                                            "resume")}
    applied_a = next(s for s in groups["cv-A.pdf"]["steps"] if s["stage"] == "applied")
    assert (applied_a["reached"], applied_a["rate"]) == (4, 0.25)
    applied_b = next(s for s in groups["cv-B.pdf"]["steps"] if s["stage"] == "applied")
    assert applied_b["rate"] == 0.5
    assert "25% reached the next" in ok("applications", "funnel", "--by", "resume").output
    out = tmp_path / "apps.csv"
    ok("applications", "export", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 6 and rows[0]["company"] == "Co 0"
    assert rows[0]["history"].count("@") == 2
    assert ok("applications", "export").output == out.read_text(encoding="utf-8")


def test_stages_edit_and_list() -> None:
    ok("applications", "stages", "--rename", "screening", "Phone screen")
    ok("applications", "stages", "--wait", "applied", "21")
    ok("applications", "stages", "--add", "Take-home task", "--after", "screening")
    listed = as_json("applications", "stages")
    assert [s["name"] for s in listed][:4] == ["Saved", "Applied", "Phone screen",
                                               "Take-home task"]
    assert listed[1]["quiet_days"] == 21
    ok("applications", "stages", "--wait", "applied", "none")
    assert as_json("applications", "stages")[1]["quiet_days"] is None
    ok("applications", "stages", "--remove", "take-home-task")
    assert len(as_json("applications", "stages")) == 9
    ok("applications", "stages", "--add", "Position closed", "--kind", "exit")
    closed = as_json("applications", "stages")[-1]
    assert (closed["key"], closed["kind"]) == ("position-closed", "exit")  # after the ends
    both = CliRunner().invoke(cli, ["applications", "stages", "--remove", "offer", "--add", "X"])
    assert both.exit_code == ExitStatus.USAGE and "one change a call" in both.output


def test_import_reports_rows_and_refuses_a_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "apps.csv"
    good.write_text("company,role_title,source\nInitech,Data Scientist,referral\n"
                    "Globex,Analyst,\n", encoding="utf-8")
    done = as_json("applications", "import", str(good))
    assert done["read"] == 2 and len(done["imported"]) == 2 and done["skipped"] == []
    exported = tmp_path / "out.csv"
    ok("applications", "export", "-o", str(exported))
    assert "Read 2 row(s): imported 0, skipped 2." in ok("applications", "import",
                                                         str(exported)).output
    bad = tmp_path / "bad.csv"
    bad.write_text("company,role_title,salary_max\nA,,\nB,C,-1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["applications", "import", str(bad)])
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert "bad.csv: line 2: role_title: is needed" in result.output
    assert "bad.csv: line 3: salary_max: must not be negative" in result.output
    assert "nothing was imported" in result.output
    assert models.Application.objects.count() == 2
    missing = CliRunner().invoke(cli, ["applications", "import", str(tmp_path / "none.csv")])
    assert missing.exit_code == ExitStatus.NOT_FOUND


def test_edit_changes_and_clears_fields() -> None:
    pk = str(as_json("applications", "add", "--company", "Initech", "--title", "Analyst",
                     "--salary-min", "50000", "--salary-max", "60000")["id"])
    edited = as_json("applications", "edit", pk, "--next-action", "Follow up with Sam",
                     "--next-action-on", "2026-12-10", "--clear", "salary-max")
    assert edited["next_action"] == "Follow up with Sam"
    assert edited["next_action_on"] == "2026-12-10"
    assert (edited["salary_min"], edited["salary_max"]) == ("50000.00", None)
    bad = CliRunner().invoke(cli, ["applications", "edit", pk, "--salary-max", "10"])
    assert bad.exit_code == ExitStatus.USAGE and "salary_max: 10.00 is below" in bad.output
    both = CliRunner().invoke(cli, ["applications", "edit", pk, "--notes", "x", "--clear",
                                    "notes"])
    assert both.exit_code == ExitStatus.USAGE and "give one" in both.output
    nothing = CliRunner().invoke(cli, ["applications", "edit", pk])
    assert nothing.exit_code == ExitStatus.USAGE and "nothing to change" in nothing.output
    assert as_json("applications", "show", pk)["salary_max"] is None
    missing = CliRunner().invoke(cli, ["applications", "edit", "99", "--notes", "x"])
    assert missing.exit_code == ExitStatus.NOT_FOUND


def test_a_file_too_large_to_be_a_resume_is_refused(tmp_path: Path) -> None:
    from unstuck.app.applications.services import MAX_FILE_BYTES

    huge = tmp_path / "cv.pdf"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    result = CliRunner().invoke(cli, ["applications", "add", "--company", "A", "--title", "B",
                                      "--stage", "applied", "--resume-file", str(huge)])
    assert result.exit_code == ExitStatus.INVALID_INPUT and "too large" in result.output
    assert models.Application.objects.count() == 0


def test_list_due_next_actions() -> None:
    for company, due in (("A", "2026-12-10"), ("B", "2026-12-01"), ("C", None)):
        args = ["--company", company, "--title", "Analyst", "--next-action", f"Call {company}"]
        as_json("applications", "add", *args, *(["--next-action-on", due] if due else []))
    due = as_json("applications", "list", "--due", "--today", "2026-12-05")
    assert [r["company"] for r in due] == ["B"]
    later = as_json("applications", "list", "--due", "--today", "2026-12-31")
    assert [r["company"] for r in later] == ["B", "A"]  # soonest due first
    assert "due 2026-12-01: Call B" in ok("applications", "list", "--due", "--today",
                                          "2026-12-31").output
    alone = CliRunner().invoke(cli, ["applications", "list", "--today", "2026-12-31"])
    assert alone.exit_code == ExitStatus.USAGE


def test_link_a_person_by_name_and_by_id() -> None:
    from click.testing import CliRunner

    from unstuck.app.applications import services as apps
    from unstuck.cli import cli

    app = apps.add(company="Initech", role_title="Analyst").application
    r = CliRunner().invoke(cli, ["applications", "link", str(app.pk), "--name", "Sam Park",
                                 "--as", "referrer"])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "Sam Park is linked to application" in r.output and "as referrer" in r.output
    pid = apps.people_of(app.pk)[0]["id"]
    r = CliRunner().invoke(cli, ["applications", "link", str(app.pk), "--person", str(pid),
                                 "--as", "interviewer", "--json"])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert '"part": "interviewer"' in r.output
    bad = CliRunner().invoke(cli, ["applications", "link", str(app.pk), "--name", "X",
                                   "--as", "boss"])  # fmt: skip
    assert bad.exit_code != 0 and "is not one of recruiter" in bad.output
    r = CliRunner().invoke(cli, ["applications", "unlink", str(app.pk), str(pid)])
    assert r.exit_code == 0 and "2 links removed." in r.output
