"""Memory bounded before reading (issue 11, item 4): the CLI checks sizes by ``stat`` and reads
with a cap; answers files have size, alias and depth limits; problems quote a short prefix of
a value; many unknown ids do not each get fuzzy-matched."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile import BOMB  # the YAML alias bomb, one copy for every test
from unstuck.app.profile.services import parse_answers_text, read_answers_file
from unstuck.cli import cli
from unstuck.cli.status import ExitStatus
from unstuck.core.assess import AnswersError, get_instrument
from unstuck.core.assess.validation import validate_answers


def problems(exc: pytest.ExceptionInfo[AnswersError]) -> str:
    return "; ".join(f"{p.where}: {p.message}" for p in exc.value.problems)


def test_yaml_aliases_are_refused_before_they_expand() -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers_text(BOMB, ".yaml")
    assert "aliases (*name) are not allowed" in problems(info)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_deep_answers_are_refused(suffix: str) -> None:
    deep = '{"instrument": "rut-check/1", "answers": ' + "[" * 5000 + "]" * 5000 + "}"
    with pytest.raises(AnswersError) as info:
        parse_answers_text(deep, suffix)
    assert "nested" in problems(info)


def test_json_answers_refuse_nan() -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers_text('{"instrument": "rut-check/1", "answers": {"signs.1": NaN}}', ".json")
    assert "NaN where a number should be" in problems(info)


def test_answers_file_size_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("instrument: rut-check/1\n" + "#" * 2_000_000)
    with pytest.raises(AnswersError) as info:
        read_answers_file(big)
    assert "over 1,000,000 bytes" in problems(info)
    with pytest.raises(AnswersError) as info:
        read_answers_file(Path("/dev/zero"))  # no size to stat: the capped read stops it
    assert "over 1,000,000 bytes" in problems(info)


def test_many_unknown_ids_are_one_problem_and_values_are_quoted_short() -> None:
    rut = get_instrument("rut")
    many = {f"nope.{i}": 3 for i in range(200_000)}
    found = validate_answers(rut, {"instrument": rut.id, "answers": many})
    assert [p.where for p in found] == ["answers"]
    assert "200,000 answers for a questionnaire of 35 items" in found[0].message
    # up to the limit: every unknown id named, only the first ten with a suggestion
    some = {f"rut.signs.motivation.{i}x": 3 for i in range(100)}
    found = validate_answers(rut, {"instrument": rut.id, "answers": some})
    assert sum("did you mean" in p.message for p in found) == 10
    huge = "x" * 5_000_000
    item = rut.items[0].id
    found = validate_answers(rut, {"instrument": huge, "answers": {item: huge, huge: 1}})
    assert found and all(len(p.where) + len(p.message) < 300 for p in found)


@pytest.mark.django_db
def test_resume_import_dev_zero_is_refused(kb_home: Path) -> None:
    result = CliRunner().invoke(cli, ["resume", "import", "/dev/zero"])
    assert result.exit_code == ExitStatus.INVALID_INPUT, result.output
    assert "over 20 MB" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["posting", "add", "/dev/zero"])
    assert result.exit_code == ExitStatus.INVALID_INPUT, result.output
    assert "over 5 MB" in result.output


def test_cli_reads_in_bounded_memory(kb_home: Path, tmp_path: Path) -> None:
    """``resume import /dev/zero`` in a process limited to 1 GB of address space (the whole
    app and its knowledge base fit; 5 GB of zeros would not)."""
    limit = 1_500_000_000

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    for args in (["resume", "import", "/dev/zero"], ["assess", "rut", "--answers", "/dev/zero"]):
        done = subprocess.run(
            [sys.executable, "-m", "unstuck", *args],
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=cap,  # noqa: PLW1509 - single-threaded here
            env={"UNSTUCK_HOME": str(kb_home), "PATH": "/usr/bin:/bin"},
        )
        assert done.returncode == ExitStatus.INVALID_INPUT, done.stderr
        assert "Traceback" not in done.stderr and "over" in done.stderr


def test_error_for_bad_json_answers_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"instrument": "rut-check/1"})[:-1])
    with pytest.raises(AnswersError) as info:
        read_answers_file(path)
    assert "bad JSON at line 1" in problems(info)
