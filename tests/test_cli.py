"""The command line, in process (Click's CliRunner) and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from unstuck.cli import cli
from unstuck.cli.status import ExitStatus

REPO = Path(__file__).resolve().parent.parent


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, click.Group):
            found.extend(all_commands(command, path))
    return found


@pytest.mark.parametrize("path", all_commands(cli), ids=" ".join)
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "-h"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"'unstuck {' '.join(path)} -h' shows no example"


@pytest.mark.parametrize("path", all_commands(cli), ids=" ".join)
def test_every_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"unstuck {' '.join(path)}" in readme


def test_python_dash_m_works() -> None:
    done = subprocess.run([sys.executable, "-m", "unstuck", "--version"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "unstuck" in done.stdout


def test_status_without_knowledge_base() -> None:
    result = CliRunner().invoke(cli, ["data", "status"])
    assert result.exit_code == ExitStatus.NOT_INSTALLED
    assert "unstuck data install" in result.output


def test_status_lists_counts_checksums_and_attributions(kb_home: Path) -> None:
    result = CliRunner().invoke(cli, ["data", "status", "--json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.output)
    assert status["release"] == "29.0"
    onet = next(s for s in status["sources"] if s["name"] == "onet")
    assert len(onet["sha256"]) == 64
    occupation = next(t for t in onet["tables"] if t["table"] == "occupation")
    assert occupation["rows"] == occupation["source_rows"] == 1016
    assert any("CC BY 4.0" in a for a in status["attributions"])
    text = CliRunner().invoke(cli, ["data", "status"])
    assert "1,016" in text.output and "Attributions" in text.output


def test_install_is_idempotent_from_the_cli(kb_home: Path, test_data: Path) -> None:
    # built_home was built with the extras the session found; a plain O*NET install differs,
    # so install into a fresh home twice
    runner = CliRunner()
    env = {"UNSTUCK_HOME": str(kb_home.parent / "fresh-home")}
    src = str(test_data / "onet" / "db_29_0_text.zip")
    first = runner.invoke(cli, ["data", "install", "--source", src], env=env)
    assert first.exit_code == 0 and "Installed O*NET 29.0" in first.output
    second = runner.invoke(cli, ["data", "install", "--source", src, "--json"], env=env)
    assert second.exit_code == 0
    assert json.loads(second.output)["changed"] is False


@pytest.mark.slow  # builds a knowledge base from a whole O*NET release
def test_source_from_environment(test_data: Path, tmp_path: Path) -> None:
    env = {"UNSTUCK_HOME": str(tmp_path / "h"),
           "UNSTUCK_ONET_SOURCE": str(test_data / "onet" / "db_30_0_text.zip")}
    result = CliRunner().invoke(cli, ["data", "install", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["release"] == "30.0"


def test_occupation_show(kb_home: Path) -> None:
    result = CliRunner().invoke(cli, ["occupations", "show", "29-1141.00"])
    assert result.exit_code == 0, result.output
    assert "Registered Nurses" in result.output and "Active Listening" in result.output
    assert "CC BY 4.0" in result.output
    as_json = json.loads(
        CliRunner().invoke(cli, ["occupations", "show", "29-1141.00", "--json"]).output
    )
    assert as_json["code"] == "29-1141.00" and as_json["tasks"]


def test_occupation_show_unknown_code(kb_home: Path) -> None:
    result = CliRunner().invoke(cli, ["occupations", "show", "99-9999.99"])
    assert result.exit_code == ExitStatus.NOT_FOUND
    assert "no occupation with code" in result.output


def test_occupation_search(kb_home: Path) -> None:
    result = CliRunner().invoke(cli, ["occupations", "search", "RN", "--json"])
    assert result.exit_code == 0, result.output
    codes = [m["code"] for m in json.loads(result.output)]
    assert "29-1141.00" in codes[:3]
    text = CliRunner().invoke(cli, ["occupations", "search", "bookkeeper", "-n", "3"])
    assert "43-3031.00" in text.output


def test_commands_need_a_knowledge_base() -> None:
    result = CliRunner().invoke(cli, ["occupations", "search", "nurse"])
    assert result.exit_code == ExitStatus.NOT_INSTALLED
    assert "unstuck data install" in result.output
