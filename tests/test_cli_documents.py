"""``unstuck resume``, ``posting``, ``match`` and ``market`` through Click's runner, on the real
knowledge base and a fresh user database, with files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from unstuck.app.documents import models
from unstuck.app.profile import services as profile_services
from unstuck.cli import cli
from unstuck.cli.status import ExitStatus
from unstuck.knowledge.store import KnowledgeBase

pytestmark = pytest.mark.django_db
TARGET = "15-2051.00"

RESUME = """Jane Doe
Experience
Senior Data Analyst, Acme Corp   Jan 2019 – Present
- Ran the weekly stand-up
- Built dashboards in Microsoft Excel and wrote Python scripts
- No experience with Tableau
Education
BSc in Statistics, University of Leeds, 2015
"""
POSTING = """Data Scientist - Initech
Requirements
- 3+ years of experience
- Python and Microsoft Excel
- Tableau
No Java needed.
Salary: $90,000 - $120,000 per year
"""


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_resume_import_json_and_apply(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME)
    result = run("resume", "import", str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["kind"] == "text" and data["applied"] is None
    assert profile_services.to_core(profile_services.get_profile()).technology == ()
    result = run("resume", "import", str(path), "--apply")
    assert result.exit_code == 0, result.output
    assert "Profile updated" in result.output
    tech = profile_services.to_core(profile_services.get_profile()).technology
    assert "Microsoft Excel" in tech
    listed = json.loads(run("resume", "list", "--json").output)
    assert len(listed) == 2


def test_resume_import_bad_file_saves_nothing(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"this is not a pdf")
    result = CliRunner().invoke(cli, ["resume", "import", str(path)])
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert "nothing was saved" in result.output
    assert models.Resume.objects.count() == 0


def test_posting_match_tailor_market(kb: KnowledgeBase, tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_text(RESUME)
    run("resume", "import", str(tmp_path / "cv.txt"))
    (tmp_path / "job.txt").write_text(POSTING)
    result = run("posting", "add", str(tmp_path / "job.txt"), "--target", TARGET, "--json")
    assert result.exit_code == 0, result.output
    (added,) = json.loads(result.output)
    assert added["target_code"] == TARGET and added["source"] == "job.txt"
    result = run("match", "--posting", str(added["id"]), "--json")
    assert result.exit_code == 0, result.output
    m = json.loads(result.output)["match"]
    comps = [c for c in m["components"].values() if c["shown"]]
    assert m["score"] == pytest.approx(sum(c["score"] * c["weight"] for c in comps), abs=0.06)
    assert all(i["requirement"] != "Java" for c in comps for i in c["items"])
    met = [i for c in comps for i in c["items"] if i["lines"] and i["credit"] > 0]
    assert met and all(i["how"] for i in met)  # each met item says how it was met
    text = run("match", "--posting", str(added["id"])).output
    assert "missing" in text and "Tableau" in text
    assert "(same skill" in text or "(same words" in text
    out = tmp_path / "tailored.docx"
    result = run("match", "--posting", str(added["id"]), "--tailor", "docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
    summary = json.loads(run("market", TARGET, "--json").output)
    assert summary["postings"] == 1
    assert {s["label"] for s in summary["skills"] if s["covered"]} >= {"Python"}
    assert "100.0%" in run("market", TARGET).output


def test_posting_batch_failure_saves_nothing(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "jobs.jsonl"
    path.write_text(json.dumps({"text": POSTING}) + "\n{broken\n")
    result = CliRunner().invoke(cli, ["posting", "add", str(path)])
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert "nothing was saved" in result.output
    assert models.Posting.objects.count() == 0


def test_match_unknown_resume_or_posting(kb: KnowledgeBase, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["match", "--posting", "999"])
    assert result.exit_code == ExitStatus.NOT_FOUND and "no such resume" in result.output
    (tmp_path / "cv.txt").write_text(RESUME)
    run("resume", "import", str(tmp_path / "cv.txt"))
    result = CliRunner().invoke(cli, ["match", "--posting", "999"])
    assert result.exit_code == ExitStatus.NOT_FOUND and "no posting 999" in result.output


def test_resume_import_linkedin_folder(kb: KnowledgeBase, tmp_path: Path) -> None:
    folder = tmp_path / "Basic_LinkedInDataExport"
    folder.mkdir()
    (folder / "Profile.csv").write_text("First Name,Last Name,Headline\nSam,Lee,Registered Nurse\n")
    (folder / "Positions.csv").write_text(
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        'City Hospital,Registered Nurse,"Charted care in Epic Systems",Ohio,Mar 2017,\n'
    )
    result = run("resume", "import", str(folder), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["kind"] == "linkedin"
    assert data["suggestions"]["occupations"][0]["code"] == "29-1141.00"
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = CliRunner().invoke(cli, ["resume", "import", str(empty)])
    assert bad.exit_code == ExitStatus.INVALID_INPUT
    assert models.Resume.objects.count() == 1


def test_remove(kb: KnowledgeBase, tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_text(RESUME)
    (tmp_path / "job.txt").write_text(POSTING)
    run("resume", "import", str(tmp_path / "cv.txt"))
    run("posting", "add", str(tmp_path / "job.txt"))
    r = models.Resume.objects.get()
    p = models.Posting.objects.get()
    assert run("resume", "remove", str(r.pk)).exit_code == 0
    assert run("posting", "remove", str(p.pk)).exit_code == 0
    assert models.Resume.objects.count() == 0 and models.Posting.objects.count() == 0
    again = CliRunner().invoke(cli, ["posting", "remove", str(p.pk)])
    assert again.exit_code == ExitStatus.NOT_FOUND
