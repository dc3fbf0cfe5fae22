"""``unstuck people`` through Click's runner on a fresh user database: add, log, list, due,
snooze, who, the interview pipeline, imports (reports, refusals, exit codes) and the export that
imports back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from unstuck.app.people import models
from unstuck.cli import cli
from unstuck.cli.status import ExitStatus

pytestmark = pytest.mark.django_db

CONNECTIONS = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ann,Lee,https://www.linkedin.com/in/annlee,ann@example.org,Acme,Data Scientist,06 Jan 2021\n"
    "Bo,Chen,https://www.linkedin.com/in/bochen,,Globex,CTO,15 Mar 2019\n"
    ",,,,,,01 Feb 2020\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def as_json(*args: str) -> object:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_add_log_and_follow_up_with_a_frozen_today() -> None:
    added = as_json("people", "add", "Ann Lee", "--email", "work,pref:ann@acme.example",
                    "--phone", "+1 555 0100", "--at", "Acme, Inc.", "--title", "Data Scientist",
                    "--tag", "Mentor", "--tag", "chess", "--how", "PyData", "--cadence", "30")
    assert added["emails"] == [{"address": "ann@acme.example", "types": ["pref", "work"]}]
    assert added["phones"] == [{"number": "+1 555 0100", "types": []}]
    assert added["tags"] == ["mentor", "chess"] and added["how_known"] == "PyData"
    cid = str(added["id"])
    logged = as_json("people", "log", cid, "coffee", "--date", "2026-01-10", "--notes", "Intro")
    assert logged["follow_up"]["due"] == "2026-02-09"
    assert as_json("people", "due", "--today", "2026-02-01") == []
    (due,) = as_json("people", "due", "--today", "2026-02-12")
    assert (due["name"], due["follow_up"]["status"], due["follow_up"]["days"]) == (
        "Ann Lee", "overdue", -3)
    soon = as_json("people", "due", "--today", "2026-02-01", "--within", "8")
    assert [row["id"] for row in soon] == [added["id"]]
    result = run("people", "snooze", cid, "14", "--today", "2026-02-12")
    assert result.exit_code == 0 and "2026-02-26" in result.output
    assert as_json("people", "due", "--today", "2026-02-20") == []
    as_json("people", "log", cid, "call", "--date", "2026-02-20")
    shown = as_json("people", "show", cid, "--today", "2026-02-20")
    assert shown["follow_up"] == {"status": "upcoming", "due": "2026-03-22", "days": 30,
                                  "snoozed": False}
    assert [i["kind"] for i in shown["interactions"]] == ["call", "coffee"]
    listed = run("people", "list", "--tag", "mentor", "--today", "2026-02-20")
    assert "Ann Lee  - Data Scientist at Acme, Inc.  [mentor, chess]  due in 30 day(s)" in \
        listed.output


def test_types_before_an_address_and_uris_without() -> None:
    added = as_json("people", "add", "Cy", "--email", "mailto:cy@example.org", "--phone",
                    "tel:+1 555 0101", "--phone", "work,fax:+1 555 0102")
    assert added["emails"] == [{"address": "cy@example.org", "types": []}]
    assert added["phones"] == [{"number": "+1 555 0101", "types": []},
                               {"number": "+1 555 0102", "types": ["fax", "work"]}]


def test_bad_values_exit_2_and_unknown_ids_5() -> None:
    result = CliRunner().invoke(cli, ["people", "add", "Bo", "--email", "not-an-address"])
    assert result.exit_code == ExitStatus.USAGE
    assert "not an email address (nothing was saved)" in result.output
    assert models.Contact.objects.count() == 0
    result = CliRunner().invoke(cli, ["people", "log", "42", "call"])
    assert result.exit_code == ExitStatus.NOT_FOUND and "no contact 42" in result.output
    result = CliRunner().invoke(cli, ["people", "who"])
    assert result.exit_code == ExitStatus.USAGE


def test_import_who_and_export_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS, encoding="utf-8")
    report = as_json("people", "import", str(path))
    assert {k: report[k] for k in ("kind", "read", "imported", "updated", "unchanged")} == {
        "kind": "linkedin-connections", "read": 3, "imported": 2, "updated": 0, "unchanged": 0}
    assert report["skipped"] == [{"where": "row 7", "why": "no name (LinkedIn leaves it out "
                                                           "for members who hide it)"}]
    again = run("people", "import", str(path))
    assert again.exit_code == 0
    assert "Read 3 row(s) of Connections.csv: 0 new contact(s), 0 updated, 2 unchanged, " \
           "1 skipped." in again.output
    assert [r["name"] for r in as_json("people", "who", "--at", "ACME")] == ["Ann Lee"]
    assert [r["name"] for r in as_json("people", "who", "--title", "cto")] == ["Bo Chen"]
    out = tmp_path / "people.vcf"
    result = run("people", "export", "-o", str(out), "--vcard-version", "3.0")
    assert result.exit_code == 0 and "Wrote 2 contact(s)" in result.output
    assert out.read_text(encoding="utf-8").count("VERSION:3.0") == 2
    before = as_json("people", "list")
    models.Contact.objects.all().delete()
    assert as_json("people", "import", str(out))["imported"] == 2
    after = as_json("people", "list")
    strip = [{k: v for k, v in row.items() if k not in ("id", "follow_up")} for row in before]
    assert [{k: v for k, v in row.items() if k not in ("id", "follow_up")} for row in after] == \
        strip
    printed = run("people", "export")
    assert printed.stdout_bytes.startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    records = as_json("people", "export")
    assert [(r["name"], r["known_since"]) for r in records] == [
        ("Ann Lee", "2021-01-06"), ("Bo Chen", "2019-03-15")]
    assert records[0]["roles"] == [{"organisation": "Acme", "title": "Data Scientist",
                                    "start": None, "end": None}]
    written = as_json("people", "export", "-o", str(out))
    assert written == {"path": str(out), "contacts": 2, "version": "4.0"}


def test_a_bad_file_exits_6_with_one_line_per_bad_row_and_saves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS + "Cy,Dee,,,Initech,Boss,32 Foo 2020\nDi,Eve,,nope,,,\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["people", "import", str(path)])
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert "Error: Connections.csv: 2 bad rows of 5 read, so nothing was imported" in result.output
    assert "  row 8: 'Connected On' '32 Foo 2020' is not a date" in result.output
    assert "  row 9 ('Di Eve'): 'nope' is not an email address" in result.output
    assert models.Contact.objects.count() == 0
    result = CliRunner().invoke(cli, ["people", "import", str(path), "--json"])
    assert result.exit_code == ExitStatus.INVALID_INPUT
    problems = json.loads(result.stdout)["problems"]
    assert [p["where"] for p in problems] == ["row 8", "row 9 ('Di Eve')"]
    report = as_json("people", "import", str(path), "--skip-bad")
    assert report["imported"] == 2 and len(report["skipped"]) == 3
    empty = tmp_path / "empty.csv"
    empty.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    result = CliRunner().invoke(cli, ["people", "import", str(empty)])
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert "no connections in this file" in result.output
    result = CliRunner().invoke(cli, ["people", "import", str(tmp_path / "missing.vcf")])
    assert result.exit_code == ExitStatus.NOT_FOUND
    latin = tmp_path / "latin.vcf"
    latin.write_bytes("BEGIN:VCARD\nFN:René\nEND:VCARD\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["people", "import", str(latin)])
    assert result.exit_code == ExitStatus.INVALID_INPUT and "--encoding cp1252" in result.output
    assert as_json("people", "import", str(latin), "--encoding", "cp1252")["imported"] == 1


def test_the_interview_pipeline_from_the_command_line() -> None:
    cid = str(as_json("people", "add", "Ann Lee", "--cadence", "30")["id"])
    interview = as_json("people", "interview", "add", cid, "--target", "15-2051.00",
                        "--today", "2026-01-01")
    assert interview["stage"] == "to-ask" and interview["next"].startswith("ask for")
    iid = str(interview["id"])
    assert as_json("people", "interview", "move", iid, "--date", "2026-01-02")["stage"] == "asked"
    moved = as_json("people", "interview", "move", iid, "scheduled", "--date", "2026-01-03",
                    "--on", "2026-01-09")
    assert moved["scheduled_for"] == "2026-01-09"
    done = as_json("people", "interview", "move", iid, "--date", "2026-01-09")
    assert done["stage"] == "done" and done["next"].startswith("send a thank-you")
    shown = as_json("people", "show", cid, "--today", "2026-01-10")
    assert [i["kind"] for i in shown["interactions"]] == ["informational-interview"]
    assert shown["follow_up"]["due"] == "2026-02-08"
    result = CliRunner().invoke(cli, ["people", "interview", "move", iid, "hired"])
    assert result.exit_code == ExitStatus.USAGE and "the stages are" in result.output
    (listed,) = as_json("people", "interview", "list", "--stage", "done")
    assert listed["name"] == "Ann Lee"


def test_questions_and_who_by_occupation(kb) -> None:  # noqa: ANN001
    cid = str(as_json("people", "add", "Ann Lee", "--at", "Acme", "--title",
                      "Senior Data Scientist")["id"])
    iid = str(as_json("people", "interview", "add", cid, "--target", "15-2051.00")["id"])
    asked = as_json("people", "interview", "questions", iid, "--gap", "Machine Learning")
    assert asked["gaps"] == ["Machine Learning"]
    assert any("Data Scientists" in q for q in asked["questions"])
    # without --gap: the gaps the saved profile shows for the target, biggest first
    from unstuck.app.profile import services as profile_services

    profile_services.set_occupation(kb, "43-9021.00", years=3)  # data entry keyers
    default = as_json("people", "interview", "questions", iid)
    assert default["gaps"] and all(isinstance(g, str) for g in default["gaps"])
    assert any(f"building up {default['gaps'][0]}" in q for q in default["questions"])
    found = as_json("people", "who", "--occupation", "15-2051.00")
    assert [(r["name"], r["occupation"]) for r in found] == [("Ann Lee", "15-2051.00")]
    result = CliRunner().invoke(cli, ["people", "who", "--occupation", "99-9999.99"])
    assert result.exit_code == ExitStatus.NOT_FOUND
    result = CliRunner().invoke(cli, ["people", "who", "--target"])
    assert result.exit_code == ExitStatus.NOT_FOUND and "no target yet" in result.output
    assert run("shortlist", "add", "15-2051.00").exit_code == 0
    assert run("plan", "target", "15-2051.00").exit_code == 0
    assert [r["name"] for r in as_json("people", "who", "--target")] == ["Ann Lee"]


def test_edit_roles_and_remove() -> None:
    cid = str(as_json("people", "add", "Ann Lee", "--tag", "peer", "--at", "Initech",
                      "--title", "Analyst", "--cadence", "30")["id"])
    edited = as_json("people", "edit", cid, "--tag", "Referral", "--untag", "PEER",
                     "--email", "home:ann@mail.example", "--no-cadence", "--how", "Old team")
    assert edited["tags"] == ["referral"] and edited["cadence_days"] is None
    assert edited["emails"] == [{"address": "ann@mail.example", "types": ["home"]}]
    assert edited["how_known"] == "Old team" and edited["follow_up"]["status"] == "none"
    roles = as_json("people", "role", cid, "--at", "Globex", "--title", "Head of Data",
                    "--start", "2026-02-01")["roles"]
    assert [(r["organisation"], r["title"], r["start"]) for r in roles] == [
        ("Initech", "Analyst", None), ("Globex", "Head of Data", "2026-02-01")]
    bad = CliRunner().invoke(cli, ["people", "role", cid, "--at", "X", "--start", "2026-02-01",
                                   "--end", "2025-01-01"])
    assert bad.exit_code == ExitStatus.USAGE and "ends (2025-01-01) before it starts" in bad.output
    assert CliRunner().invoke(cli, ["people", "edit", "99", "--tag", "x"]).exit_code == \
        ExitStatus.NOT_FOUND
    assert run("people", "remove", cid).exit_code == 0
    assert models.Contact.objects.count() == 0 and models.Role.objects.count() == 0
    assert CliRunner().invoke(cli, ["people", "remove", cid]).exit_code == ExitStatus.NOT_FOUND


def test_the_linkedin_export_as_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Basic_LinkedInDataExport"
    folder.mkdir()
    (folder / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    (folder / "messages.csv").write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        "c1,,Bo Chen,https://www.linkedin.com/in/bochen,Me,,2026-02-01 09:00:00 UTC,,Hi,INBOX\n",
        encoding="utf-8")
    (folder / "Profile.csv").write_text("First Name\nMe\n", encoding="utf-8")
    report = as_json("people", "import", str(folder))
    assert (report["kind"], report["read"], report["imported"], report["interactions"]) == (
        "linkedin-export", 4, 2, 1)
    again = run("people", "import", str(folder))
    assert "Read 4 row(s) of Basic_LinkedInDataExport: 0 new contact(s), 0 updated, " \
           "3 unchanged, 0 message(s) logged, 1 skipped." in again.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["people", "import", str(empty)])
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert "neither Connections.csv nor messages.csv" in result.output


def test_organisations_count_people_now_and_before() -> None:
    ann = str(as_json("people", "add", "Ann", "--at", "Acme, Inc.", "--title", "Lead")["id"])
    bo = str(as_json("people", "add", "Bo", "--at", "Globex")["id"])
    assert run("people", "role", ann, "--at", "ACME", "--title", "Intern", "--start",
               "2015-01-01", "--end", "2016-01-01").exit_code == 0
    assert run("people", "role", bo, "--at", "acme inc", "--title", "Analyst", "--end",
               "2018-01-01").exit_code == 0
    assert [(r["name"], r["now"], r["before"]) for r in as_json("people", "organisations")] == [
        ("Acme, Inc.", 1, 1), ("Globex", 1, 0)]
    assert "Acme, Inc.: 1 now, 1 before" in run("people", "organisations").output
