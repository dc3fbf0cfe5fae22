"""``unstuck assess``: interactive and resumable, or from an answers file that is checked in full.

Runs in process with Click's CliRunner against the test database; expected scores come from the
core scoring the same answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from unstuck.app.profile import models
from unstuck.cli import cli
from unstuck.cli.status import ExitStatus
from unstuck.core.assess import Responses, get_instrument, score

pytestmark = pytest.mark.django_db
RUT = get_instrument("rut")
VALUES = get_instrument("values")
WB = get_instrument("wellbeing")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def write(path: Path, data: object, as_json: bool = False) -> Path:
    path.write_text(json.dumps(data) if as_json else yaml.safe_dump(data), encoding="utf-8")
    return path


def rut_data(value: int = 4) -> dict:
    return {"instrument": RUT.id, "answers": {i.id: value for i in RUT.items}}


def test_answers_file_is_scored_stored_and_printed_as_json(tmp_path: Path) -> None:
    data = rut_data()
    data["answers"][RUT.items[0].id] = None  # skipped
    result = run("assess", "rut", "--answers", str(write(tmp_path / "a.yaml", data)), "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    expected = score(Responses(RUT.id, data["answers"])).to_dict()
    assert out["result"] == json.loads(json.dumps(expected))
    assert out["result"]["coverage"]["answered"] == len(RUT.items) - 1
    assert out["change_since_last_time"] is None
    record = models.AssessmentResult.objects.get()
    assert record.pk == out["stored"]["id"] and record.instrument_id == "rut-check/1"
    # A second run compares with the first.
    data2 = rut_data(2)
    result = run("assess", "rut", "--answers", str(write(tmp_path / "b.json", data2, True)))
    assert result.exit_code == 0, result.output
    assert "Since last time:" in result.output
    assert models.AssessmentResult.objects.count() == 2


def test_every_problem_in_a_file_is_named_and_nothing_is_stored(tmp_path: Path) -> None:
    run("assess", "rut", "--answers", str(write(tmp_path / "ok.yaml", rut_data())))
    before = list(models.AssessmentResult.objects.values_list("pk", "answers"))
    data = rut_data()
    data["instrument"] = "rut-check/9"
    data["answers"]["rut.toll.fear"] = 0
    data["answers"]["rut.toll.anger"] = "often"
    data["answers"]["rut.toll.feer"] = 3
    result = run("assess", "rut", "--answers", str(write(tmp_path / "bad.yaml", data)))
    assert result.exit_code == ExitStatus.INVALID_INPUT
    out = result.output
    assert "4 problem(s)" in out and "nothing was saved" in out
    assert "wrong instrument version" in out and "rut-check/9" in out
    assert "rut.toll.fear: answer 0 is out of range" in out
    assert "rut.toll.anger: answer 'often' is not a whole number" in out
    assert "rut.toll.feer: unknown item" in out and "did you mean rut.toll.fear" in out
    assert list(models.AssessmentResult.objects.values_list("pk", "answers")) == before
    assert not models.Draft.objects.exists()


@pytest.mark.parametrize(
    "text, suffix, message",
    [
        ("instrument: [\n", ".yaml", "bad YAML at line 2"),
        ('{"instrument": ', ".json", "bad JSON at line 1"),
        ("- 1\n- 2\n", ".yaml", "expected a mapping"),
    ],
)
def test_unparseable_files(tmp_path: Path, text: str, suffix: str, message: str) -> None:
    path = tmp_path / f"answers{suffix}"
    path.write_text(text, encoding="utf-8")
    result = run("assess", "interests", "--answers", str(path))
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert message in result.output
    assert not models.AssessmentResult.objects.exists()


def test_file_for_another_questionnaire_is_refused(tmp_path: Path) -> None:
    result = run("assess", "values", "--answers", str(write(tmp_path / "r.yaml", rut_data())))
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert "the file is for Rut check (rut-check/1), not Work values" in result.output


def test_interactive_with_progress_stop_and_resume() -> None:
    # Two answers, a skip, then quit: saved as a draft.
    result = run("assess", "wellbeing", input="4\n\nq\n")
    assert result.exit_code == 0, result.output
    assert "[ 1/5]" in result.output and "[ 3/5]" in result.output
    assert "Run 'unstuck assess wellbeing' again" in result.output
    draft = models.Draft.objects.get(family="wellbeing")
    assert draft.answers == {"wb.energy": 4, "wb.stress": None} and draft.page == 0
    assert not models.AssessmentResult.objects.exists()
    # Resume: starts at the third question; a bad reply is asked again; back goes one step.
    result = run("assess", "wellbeing", input="9\n3\nb\n4\n5\n4\n")
    assert result.exit_code == 0, result.output
    assert "Resuming: 2 of 5 seen, 1 answered" in result.output
    assert "Please type a number from 1 to 5" in result.output
    assert "[ 1/5]" not in result.output
    record = models.AssessmentResult.objects.get()
    assert record.answers == {"wb.energy": 4, "wb.stress": None, "wb.sleep": 4, "wb.mood": 5,
                              "wb.satisfaction": 4}
    expected = score(Responses(WB.id, record.answers))
    assert f"Wellbeing {expected.score:.0f}/100: {expected.band.name}" in result.output
    assert not models.Draft.objects.exists()


def test_interactive_values_with_ranking() -> None:
    replies = "\n".join(["4"] * len(VALUES.items) + ["1 1 2", "6 5 4 3 2 1"]) + "\n"
    result = run("assess", "values", input=replies)
    assert result.exit_code == 0, result.output
    assert "Please list each number from 1 to 6 once" in result.output
    record = models.AssessmentResult.objects.get()
    assert record.ranking == list(reversed(VALUES.ranking_of))
    assert "Top values: Independence, Support, Relationships" in result.output


def test_interactive_too_few_answers_keeps_the_draft() -> None:
    result = run("assess", "wellbeing", input="\n\n\n4\n4\n")
    assert result.exit_code == ExitStatus.INVALID_INPUT
    assert "at least 4" in result.output
    assert models.Draft.objects.filter(family="wellbeing").exists()
    assert not models.AssessmentResult.objects.exists()
    result = run("assess", "wellbeing", "--restart", input="4\n2\n4\n4\n4\n")
    assert result.exit_code == 0, result.output
    assert models.AssessmentResult.objects.count() == 1


def test_items_template_round_trips(tmp_path: Path) -> None:
    result = run("assess", "items", "values", "--template")
    assert result.exit_code == 0
    data = yaml.safe_load(result.output)
    assert data["instrument"] == VALUES.id
    assert list(data["answers"]) == [i.id for i in VALUES.items]
    data["answers"] = {k: 3 for k in data["answers"]}
    result = run("assess", "values", "--answers", str(write(tmp_path / "v.yaml", data)))
    assert result.exit_code == 0, result.output
    listing = run("assess", "items", "rut").output
    assert all(i.id in listing for i in RUT.items)
    assert json.loads(run("assess", "items", "rut", "--json").output)["id"] == RUT.id


def test_history_lists_versions_and_times(tmp_path: Path) -> None:
    assert "Nothing completed yet" in run("assess", "history").output
    run("assess", "rut", "--answers", str(write(tmp_path / "a.yaml", rut_data())))
    out = json.loads(run("assess", "history", "rut", "--json").output)
    assert [r["instrument"] for r in out] == ["rut-check/1"]
    assert out[0]["snapshot"]["scores"][0]["key"] == "severity"
    assert "rut-check/1" in run("assess", "history").output


def test_json_needs_a_file() -> None:
    result = CliRunner().invoke(cli, ["assess", "rut", "--json"])
    assert result.exit_code == ExitStatus.USAGE


def test_interactive_and_web_resume_on_the_same_draft() -> None:
    from django.test import Client

    from unstuck.app.profile import wizard

    replies = "\n".join(["3"] * (wizard.PAGE_SIZE + 2) + ["q"]) + "\n"
    run("assess", "rut", input=replies)
    draft = models.Draft.objects.get(family="rut-check")
    assert draft.page == 1 and len(draft.answers) == wizard.PAGE_SIZE + 2
    body = Client().get("/profile/assess/rut/").content.decode()
    assert "Page 2 of 5" in body
    second = RUT.items[wizard.PAGE_SIZE].id
    assert f'name="{second}" id="{second}-3" value="3" checked' in body


def test_interest_ties_are_explained(tmp_path: Path) -> None:
    interests = get_instrument("interests")
    answers = {i.id: (5 if i.subscale == "S" else 3) for i in interests.items}
    data = {"instrument": interests.id, "answers": answers}
    result = run("assess", "interests", "--answers", str(write(tmp_path / "i.yaml", data)))
    assert result.exit_code == 0, result.output
    assert "Interest code: SRI" in result.output
    assert "R, I, A, E, C score the same" in result.output
