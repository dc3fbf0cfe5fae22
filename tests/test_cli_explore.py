"""``unstuck explore`` and ``unstuck compare`` against the real O*NET knowledge base."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from unstuck.cli import cli
from unstuck.cli.status import ExitStatus

NURSE_CODE = "29-1141.00"


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_explore_without_knowledge_base_says_how_to_install() -> None:
    result = run("explore", "--from", "29-1141.00")
    assert result.exit_code == ExitStatus.NOT_INSTALLED
    assert "unstuck data install" in result.output


def test_explore_json_groups_components_and_unused_parts(kb_home: Path) -> None:
    result = run("explore", "--from", "29-1141.00", "--json", "-n", "3")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    groups = {g["kind"]: g for g in out["groups"]}
    assert set(groups) == {"grow", "sideways", "up", "change", "self"}
    for kind in ("sideways", "up", "change"):
        items = groups[kind]["items"]
        assert len(items) == 3
        for item in items:
            assert item["code"] != "29-1141.00"
            total = sum(c["value"] for c in item["components"])
            assert total == pytest.approx(item["score"], abs=0.01)
    # every move carries its kind's reason: a step up leads or is senior to the nurse's work
    assert {item["move"]["reason"] for item in groups["up"]["items"]} <= {
        "leads_your_work", "supervises_your_work", "senior_in_family", "close_and_higher"
    }
    assert all(item["move"]["reason"] == "other_field" for item in groups["change"]["items"])
    assert all(item["readiness"]["steps"] is not None for item in groups["up"]["items"])
    # an occupation's own profile carries interests and values; pay and outlook depend on
    # optional BLS data: whatever is missing is named with a reason, never silently dropped
    unused = dict(out["unused"])
    assert "interests" not in unused and "values" not in unused
    assert all(unused.values())


def test_explore_text_names_paths_and_what_if_raise(kb_home: Path) -> None:
    result = run("explore", "--from", "15-1251.00", "--kind", "sideways", "-n", "2")
    assert result.exit_code == 0, result.output
    assert "Step sideways" in result.output and "Change field" not in result.output
    assert "why:" in result.output
    before = json.loads(
        run("explore", "--from", "29-1141.00", "--kind", "up", "--json", "-n", "50").output
    )
    after = json.loads(
        run(
            "explore",
            "--from",
            "29-1141.00",
            "--kind",
            "up",
            "--json",
            "-n",
            "50",
            "--raise",
            "Biology=7",
            "--raise",
            "Chemistry=7",
        ).output
    )

    def gaps(out: dict, name: str) -> set[str]:
        items = out["groups"][0]["items"]
        return {g["name"] for item in items for g in item["gaps"] if g["name"] == name}

    assert "Biology" in gaps(before, "Biology")
    assert gaps(after, "Biology") == set()


def test_explore_constraints_filter_with_a_pay_floor(kb_home: Path) -> None:
    out = json.loads(
        run(
            "explore",
            "--from",
            "43-4051.00",
            "--kind",
            "sideways",
            "--json",
            "-n",
            "10",
            "--min-pay",
            "60000",
        ).output
    )
    items = out["groups"][0]["items"]
    assert items, "some sideways moves pay at least $60,000"
    for item in items:
        pay = item["pay"]["target"]
        assert pay is None or pay >= 60000


def test_explore_unknown_code_and_bad_raise(kb_home: Path) -> None:
    result = run("explore", "--from", "99-9999.99")
    assert result.exit_code == ExitStatus.NOT_FOUND
    assert "unstuck occupations search" in result.output
    result = run("explore", "--from", "29-1141.00", "--raise", "Juggling=5")
    assert result.exit_code == ExitStatus.USAGE
    assert "Juggling" in result.output


@pytest.mark.django_db
def test_explore_profile_without_occupation_still_ranks(kb_home: Path) -> None:
    result = run("explore", "--json", "-n", "2")  # empty saved profile in a fresh home
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    unused = {signal for signal, _ in out["unused"]}
    assert {"interests", "values", "tasks"} <= unused
    change = next(g for g in out["groups"] if g["kind"] == "change")
    assert len(change["items"]) == 2


def test_compare_two_targets_side_by_side(kb_home: Path) -> None:
    result = run("compare", "29-1171.00", "29-2061.00", "--from", "29-1141.00", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    codes = [t["code"] for t in out["targets"]]
    assert codes == ["29-1171.00", "29-2061.00"]
    for t in out["targets"]:
        assert sum(c["value"] for c in t["components"]) == pytest.approx(t["score"], abs=0.01)
    text = run("compare", "29-1171.00", "29-2061.00", "--from", "29-1141.00")
    assert "Nurse Practitioners" in text.output and "gaps:" in text.output


def test_compare_needs_two_or_three_known_codes(kb_home: Path) -> None:
    assert run("compare", "29-1171.00", "--from", "29-1141.00").exit_code == ExitStatus.USAGE
    result = run("compare", "29-1171.00", "00-0000.00", "--from", "29-1141.00")
    assert result.exit_code == ExitStatus.NOT_FOUND


def test_self_employment_and_area_wages_when_bls_is_installed(kb_home: Path) -> None:
    out = json.loads(run("explore", "--from", "27-1024.00", "--kind", "self", "--json").output)
    group = out["groups"][0]
    assert group["items"], "BLS projections list self-employed shares"
    assert group["items"][0]["code"] == "27-1024.00"  # own line of work first
    for item in group["items"][1:]:  # then close work where many work for themselves
        assert item["outlook"]["self_employed_percent"] >= 15
    national = json.loads(
        run("compare", "29-1171.00", "29-2061.00", "--from", NURSE_CODE, "--json").output
    )
    ohio = json.loads(
        run(
            "compare", "29-1171.00", "29-2061.00", "--from", NURSE_CODE, "--area", "Ohio", "--json"
        ).output
    )
    for a, b in zip(national["targets"], ohio["targets"], strict=True):
        assert "Ohio" in b["pay"]["area"] and "Ohio" not in a["pay"]["area"]
        assert a["pay"]["target"] != b["pay"]["target"]
    # a profile holds the state's postal code: it finds the same area
    by_code = json.loads(
        run(
            "compare", "29-1171.00", "29-2061.00", "--from", NURSE_CODE, "--area", "OH", "--json"
        ).output
    )
    assert [t["pay"] for t in by_code["targets"]] == [t["pay"] for t in ohio["targets"]]


@pytest.mark.django_db
def test_shortlist_add_show_remove(kb_home: Path) -> None:
    assert "empty" in run("shortlist", "show").output
    result = run("shortlist", "add", "29-1171.00", "29-2061.00")
    assert result.exit_code == 0, result.output
    assert "Nurse Practitioners" in result.output
    out = json.loads(run("shortlist", "show", "--json").output)
    assert [s["code"] for s in out] == ["29-1171.00", "29-2061.00"]
    run("shortlist", "remove", "29-1171.00")
    out = json.loads(run("shortlist", "show", "--json").output)
    assert [s["code"] for s in out] == ["29-2061.00"]
    assert run("shortlist", "add", "00-0000.00").exit_code == ExitStatus.NOT_FOUND


def printed_scores(output: str) -> list[tuple[float, list[float]]]:
    """(score, component values) of each target printed in text mode."""
    out = []
    for head, why in re.findall(r"score (-?\d+\.\d)\n\s+why: ([^\n]*)", output):
        out.append((float(head), [float(v) for v in re.findall(r" ([+-]\d+\.\d)", why)]))
    return out


def test_printed_components_add_up_to_the_printed_score(kb_home: Path) -> None:
    result = run("explore", "--from", NURSE_CODE, "-n", "4")
    assert result.exit_code == 0, result.output
    shown = printed_scores(result.output)
    assert len(shown) >= 12
    for total, parts in shown:
        assert len(parts) >= 2 and round(sum(parts), 1) == total
    shown = printed_scores(run("compare", "29-1171.00", "29-2061.00", "--from", NURSE_CODE).output)
    assert len(shown) == 2
    for total, parts in shown:
        assert round(sum(parts), 1) == total


@pytest.mark.django_db
def test_profile_with_a_job_but_no_questionnaires_says_what_it_left_out(kb_home: Path) -> None:
    from unstuck.app.profile import services
    from unstuck.knowledge.store import get_knowledge_base

    services.set_occupation(get_knowledge_base(), NURSE_CODE)  # as the wizard's first step does
    out = run("explore", "-n", "3", "--kind", "sideways")
    assert out.exit_code == 0, out.output
    assert "Career paths from Registered Nurses (29-1141.00)" in out.output
    assert "Not used in the scores:" in out.output
    assert "  - interests: interests questionnaire not taken" in out.output
    assert "  - values: work values questionnaire not taken" in out.output
    assert "  - tasks:" not in out.output
    assert len(printed_scores(out.output)) == 3


@pytest.mark.django_db
def test_empty_profile_text_names_every_part_left_out(kb_home: Path) -> None:
    out = run("explore", "-n", "2", "--kind", "change")
    assert out.exit_code == 0, out.output
    assert "Career paths from no current occupation" in out.output
    for signal in ("tasks", "skills_knowledge", "interests", "values", "job_zone"):
        assert f"  - {signal}: " in out.output
    assert len(printed_scores(out.output)) == 2
