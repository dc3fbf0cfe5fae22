"""``unstuck goals check`` in process (Click's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from unstuck.cli import cli
from unstuck.cli.status import ExitStatus


def run(*args: str):
    return CliRunner().invoke(cli, ["goals", "check", *args])


def test_check_prints_every_letter() -> None:
    r = run("Hold 3 informational interviews within 4 weeks", "--hours", "4",
            "--today", "2026-01-05")
    assert r.exit_code == 0, r.output
    for name in ("Specific", "Measurable", "Achievable", "Relevant", "Time-bound"):
        assert name in r.output
    assert "SMART." in r.output


def test_check_json_matches_the_core() -> None:
    from datetime import date

    from unstuck.core.plan.smart import check_goal

    goal = "Get better at coding"
    r = run(goal, "--json", "--today", "2026-01-05")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    expected = check_goal(goal, today=date(2026, 1, 5)).to_dict()
    assert data == expected
    assert data["verdict"] == "fail"
    assert {v["letter"]: v["verdict"] for v in data["letters"]}["A"] == "warn"  # no hours


def test_hours_from_the_environment() -> None:
    r = CliRunner().invoke(
        cli,
        ["goals", "check", "Complete 40 hours of SQL exercises by 2026-01-18", "--json",
         "--today", "2026-01-05"],
        env={"UNSTUCK_GOALS_CHECK_HOURS": "2"},
    )
    assert r.exit_code == 0, r.output
    letters = {v["letter"]: v for v in json.loads(r.output)["letters"]}
    assert letters["A"]["verdict"] == "fail"  # 40 hours against 2 x 2 weeks


def test_empty_goal_is_a_usage_error() -> None:
    assert run("   ").exit_code == ExitStatus.USAGE


def test_target_needs_the_knowledge_base() -> None:
    r = run("Build 1 Python project by 2026-05-01", "--target", "15-1252.00")
    assert r.exit_code == ExitStatus.NOT_INSTALLED


def test_target_from_the_knowledge_base(kb_home: Path) -> None:
    r = run("Build 1 portfolio project in Python by 2026-05-01", "--target", "15-1252.00",
            "--json", "--today", "2026-01-05")
    assert r.exit_code == 0, r.output
    letters = {v["letter"]: v for v in json.loads(r.output)["letters"]}
    assert letters["R"]["verdict"] == "pass"
    missing = run("Build 1 project by 2026-05-01", "--target", "99-9999.99")
    assert missing.exit_code == ExitStatus.NOT_FOUND
