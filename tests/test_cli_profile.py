"""``unstuck profile show``: the profile and latest results, as text and as traceable JSON."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from unstuck.app.profile import services
from unstuck.cli import cli
from unstuck.core.assess import Responses, get_instrument
from unstuck.core.profile import Constraints, Location, Profile, Rating

pytestmark = pytest.mark.django_db


def test_show_empty_profile() -> None:
    result = CliRunner().invoke(cli, ["profile", "show"])
    assert result.exit_code == 0, result.output
    assert "Current job: not set" in result.output
    assert "Rut check: not taken yet" in result.output


def test_show_json_traces_scores_to_answers() -> None:
    services.save_profile(
        Profile(
            occupation_code="43-3031.00",
            occupation_title="Bookkeeping, Accounting, and Auditing Clerks",
            years_in_occupation=8,
            ratings=(Rating("2.A.2.a", "Critical Thinking", "skill", 5.0, 3.9),),
            constraints=Constraints(
                Location("state", "OH", "Ohio"), min_pay=45000, savings=6000, monthly_expenses=2000
            ),
        )
    )
    interests = get_instrument("interests")
    answers = {i.id: (5 if i.subscale in "CI" else 2) for i in interests.items}
    services.submit(Responses(interests.id, answers))
    services.submit(Responses(interests.id, answers | {i.id: 5 for i in interests.items_of("A")}))
    result = CliRunner().invoke(cli, ["profile", "show", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["profile"]["occupation"]["code"] == "43-3031.00"
    assert data["profile"]["constraints"]["runway_months"] == 3.0
    assert data["profile"]["skills"][0]["level"] == 5.0
    found = data["assessments"]["interests"]
    assert found["times_taken"] == 2 and found["instrument"] == "interests/1"
    art = next(t for t in found["result"]["types"] if t["type"] == "A")
    assert art["score"] == 100.0 and art["oi"] == 7.0
    assert {a["item"] for a in art["answers"]} == {i.id for i in interests.items_of("A")}
    assert all(a["answer"] == 5 for a in art["answers"])
    change = {c["key"]: c for c in found["change_since_last_time"]["changes"]}
    assert change["A"]["before"] == 25.0 and change["A"]["after"] == 100.0
    text = CliRunner().invoke(cli, ["profile", "show"]).output
    assert "Bookkeeping, Accounting, and Auditing Clerks (43-3031.00)" in text
    assert "Runway: 3.0 months" in text and "Interest code:" in text
    assert "Since last time:" in text


def test_show_explains_a_result_from_an_unknown_version() -> None:
    from unstuck.app.profile import models

    wb = get_instrument("wellbeing")
    done = services.submit(Responses(wb.id, {i.id: 3 for i in wb.items}))
    models.AssessmentResult.objects.filter(pk=done.record.pk).update(instrument_id="wellbeing/0")
    result = CliRunner().invoke(cli, ["profile", "show"])
    assert result.exit_code == 0, result.output
    assert "wellbeing/0 is not known to this version of unstuck" in result.output


def test_one_strategy_mix_on_every_surface(kb_home, kb) -> None:
    """The CLI, the results page, the plan and the report show the same adjusted mix."""
    import html
    import re

    from django.test import Client

    from unstuck.app.plan import services as plan_services

    services.set_occupation(kb, "27-3023.00")  # a shrinking field: the mix leans to change
    core = services.to_core(services.get_profile())
    services.save_profile(
        core.__class__(**{**core.__dict__, "constraints": Constraints(savings=3000,
                                                                        monthly_expenses=3000)})
    )
    rut = get_instrument("rut")
    levels = {"cause.advancement": 5, "cause.pay": 4, "toll": 4}
    keyed = {i.id: levels.get(i.subscale, 3) for i in rut.items}
    services.submit(
        Responses(rut.id, {i.id: 6 - keyed[i.id] if i.reverse else keyed[i.id] for i in rut.items})
    )
    wb = get_instrument("wellbeing")
    services.submit(Responses(wb.id, {i.id: (5 if i.reverse else 1) for i in wb.items}))

    mix = services.strategy_mix()
    assert mix is not None
    ids = [s.id for s in mix]
    assert ids[0] == "recover"  # a very hard week comes first
    out = json.loads(CliRunner().invoke(cli, ["profile", "show", "--json"]).output)
    cli_ids = [s["id"] for s in out["assessments"]["rut-check"]["result"][
        "strategy_mix_with_constraints"]]
    assert cli_ids == ids
    text = CliRunner().invoke(cli, ["profile", "show"]).output
    shown = [s.name for s in mix if s.share]
    positions = [text.index(f"% {name}:") for name in shown]
    assert positions == sorted(positions)
    page = html.unescape(Client().get("/profile/results/").content.decode())
    found = [m.start() for name in shown for m in [re.search(re.escape(name), page)] if m]
    assert len(found) == len(shown) and found == sorted(found)
    plan = plan_services.build(kb)
    assert [s.id for s in plan.strategies] == ids
    from unstuck.report.data import report_data

    report = report_data(plan)["diagnosis"]
    assert [s["name"] for s in report["strategies"]] == [s.name for s in mix]
