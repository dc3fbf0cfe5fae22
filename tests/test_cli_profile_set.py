"""``unstuck profile set``: every About-you field from the command line, JSON in and out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unstuck.app.profile import services
from unstuck.cli import cli
from unstuck.core.profile import EDUCATION_LEVELS

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str, input: str | None = None):  # noqa: ANN201
    return CliRunner().invoke(cli, ["profile", "set", *args], input=input)


def test_flags_set_the_fields_and_the_rest_stay() -> None:
    r = run("--years", "12", "--education", "master", "--hours", "6", "--budget", "800",
            "--risk", "low", "--savings", "9000", "--expenses", "3000", "--min-pay", "52000",
            "--retraining-months", "9", "--credential", "Class A CDL", "--credential",
            "TWIC card", "--location", "OH")  # fmt: skip
    assert r.exit_code == 0, r.output
    about = services.about()
    assert about["years_in_occupation"] == 12 and about["education"] == "Master's degree"
    assert about["credentials"] == ["Class A CDL", "TWIC card"]
    assert about["hours_per_week"] == 6 and about["learning_budget"] == 800
    assert about["risk_tolerance"] == "low" and about["min_pay"] == 52000
    assert about["location"] == "OH"
    r = run("--hours", "4")
    assert r.exit_code == 0
    after = services.about()
    assert after["hours_per_week"] == 4 and after["learning_budget"] == 800  # the rest stay
    r = run("--clear", "learning_budget", "--clear", "credentials")
    assert services.about()["learning_budget"] is None and services.about()["credentials"] == []


def test_bad_values_name_the_field_and_save_nothing() -> None:
    run("--hours", "5")
    for args, field in (
        (("--hours", "500"), "hours_per_week"),
        (("--education", "wizard"), "education"),
        (("--savings", "1000000000000"), "savings"),
        (("--clear", "shoe_size"), "shoe_size"),
    ):
        r = run(*args)
        assert r.exit_code == 2, (args, r.output)
        assert field in r.output and "nothing was saved" in r.output, r.output
        assert services.about()["hours_per_week"] == 5


def test_title_and_occupation_need_the_knowledge_base(kb_home: Path) -> None:
    r = run("--title", "registered nurse", "--years", "10")
    assert r.exit_code == 0, r.output
    assert "Registered Nurses (29-1141.00)" in r.output
    about = services.about()
    assert about["occupation"] == "29-1141.00" and about["years_in_occupation"] == 10
    assert services.to_core(services.get_profile()).ratings, "skills prefilled, as the page does"
    r = run("--occupation", "99-9999.99")
    assert r.exit_code == 2 and "occupation" in r.output
    r = run("--location", "Columbus, OH", "--json")
    assert json.loads(r.output)["location"] == "Columbus, OH"


def test_bad_json_input_is_refused_clearly(tmp_path: Path) -> None:
    for text in ("[1, 2]", "{not json", '{"hours_per_week": "NaN"}'):
        r = run("--from-json", "-", input=text)
        assert r.exit_code in (2, 6), r.output
        assert "Traceback" not in r.output


ABOUT = st.fixed_dictionaries(
    {
        "years_in_occupation": st.one_of(st.none(), st.integers(0, 70).map(float)),
        "education": st.one_of(st.none(), st.sampled_from(sorted(EDUCATION_LEVELS.values()))),
        "credentials": st.lists(
            st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs"]), min_size=1,
                    max_size=40).map(str.strip).filter(bool),
            max_size=5, unique=True,
        ),  # fmt: skip
        "location": st.one_of(st.none(), st.sampled_from(["OH", "CA", "TX"])),
        "min_pay": st.one_of(st.none(), st.integers(0, 10**7)),
        "current_pay": st.one_of(st.none(), st.integers(0, 10**7)),
        "hours_per_week": st.one_of(st.none(), st.integers(0, 168).map(float)),
        "retraining_months": st.one_of(st.none(), st.integers(0, 120)),
        "learning_budget": st.one_of(st.none(), st.integers(0, 10**6)),
        "risk_tolerance": st.sampled_from(["low", "medium", "high"]),
        "savings": st.one_of(st.none(), st.integers(0, 10**8)),
        "monthly_expenses": st.one_of(st.none(), st.integers(0, 10**6)),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(about=ABOUT)
def test_json_round_trips_every_about_field(about: dict) -> None:
    r = run("--from-json", "-", "--json", input=json.dumps(about))
    assert r.exit_code == 0, r.output
    back = json.loads(r.output)
    for name, value in about.items():
        assert back[name] == value, (name, value, back[name])
    # and what it prints reads back to the same
    again = json.loads(run("--from-json", "-", "--json", input=r.output).output)
    assert again == back
