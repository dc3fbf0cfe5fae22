"""The journey benchmark's scoring rules (benchmarks/journeys.py), table-driven on hand-written
persona fragments and product outputs, and one in-process run on two real persona files.

The issue's floors (14/16 targets and so on) are not asserted here: the engine does not meet
them yet, and the test that holds them comes with the engine work."""

from __future__ import annotations

import copy
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("journeys", REPO / "benchmarks" / "journeys.py")
assert _spec is not None and _spec.loader is not None
J = importlib.util.module_from_spec(_spec)
sys.modules["journeys"] = J
_spec.loader.exec_module(J)

CURRENT = "17-2141.00"


def persona(**expect: Any) -> dict[str, Any]:
    """A minimal persona; ``expect`` keys replace the defaults."""
    base: dict[str, Any] = {
        "id": "99-test",
        "current": {"code": CURRENT, "title": "Mechanical Engineers", "years": 8},
        "constraints": {
            "hours_per_week": 5,
            "learning_budget_usd": 500,
            "retraining_months": 6,
            "min_pay_usd": 50000,
            "risk": "low",
        },
        "expect": {
            "diagnosis": {
                "top_causes": ["no_growth"],
                "first_strategy": ["move_internally"],
                "care_note": False,
            },
            "targets": [
                {
                    "code": "11-9041.00",
                    "title": "Eng Managers",
                    "kind": "up",
                    "ready_months": [6, 24],
                },
                {
                    "code": "17-2112.00",
                    "title": "Industrial Eng",
                    "kind": "sideways",
                    "ready_months": [0, 3],
                },
                {
                    "code": CURRENT,
                    "title": "Mechanical Engineers",
                    "kind": "grow",
                    "ready_months": [0, 0],
                },
            ],
            "absurd": [{"code": "27-2031.00", "title": "Dancers"}],
            "readiness": [
                {"code": "29-1141.00", "title": "Registered Nurses", "months": [24, 48]},
                {"code": "23-1011.00", "title": "Lawyers", "months": [36, 60]},
            ],
            "plan": {"must_respect": [], "must_mention": [], "must_not": []},
            "exit": {"resign_before_offer": False},
        },
    }
    for k, v in expect.items():
        if k in ("top_causes", "first_strategy", "care_note"):
            base["expect"]["diagnosis"][k] = v
        elif k in ("must_respect", "must_mention", "must_not"):
            base["expect"]["plan"][k] = v
        elif k == "resign_before_offer":
            base["expect"]["exit"][k] = v
        else:
            base["expect"][k] = v
    return base


def item(code: str, kind: str = "sideways", months: float | None = 1.0, pay: float | None = 9e4):
    return J.Item(code, code, kind, 1.0, months, pay)


def output(**kw: Any) -> Any:
    fields: dict[str, Any] = {
        "current_code": CURRENT,
        "causes": ("no_growth", "lack_of_challenge"),
        "first_strategy": "move_internally",
        "care_note": False,
        "top": (),
        "by_kind": {},
        "readiness": {},
    }
    fields.update(kw)
    return J.ProductOutput(**fields)


def check(name: str, p: dict[str, Any], o: Any) -> Any:
    return J.score_persona(p, o)[name]


# -- diagnosis ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("causes", "listed", "passed"),
    [
        (("no_growth", "values_misfit"), ["no_growth"], True),
        (("values_misfit", "no_growth"), ["no_growth"], True),  # second counts
        (("values_misfit", "lack_of_challenge", "no_growth"), ["no_growth"], False),  # third not
        (("undervalued_or_pay", "undervalued_or_pay"), ["undervalued_or_pay", "x_none"], None),
        ((), ["no_growth"], False),  # no rut check
    ],
)
def test_top_causes(causes: tuple[str, ...], listed: list[str], passed: bool | None) -> None:
    p = persona(top_causes=listed)
    if passed is None:  # a cause key the README does not define fails loudly
        with pytest.raises(KeyError):
            J.score_persona(p, output(causes=causes))
        return
    assert check("diagnosis.top_causes", p, output(causes=causes)).passed is passed


@pytest.mark.parametrize(
    ("first", "passed"),
    [("move_internally", True), ("reshape_job", False), (None, False)],
)
def test_first_strategy(first: str | None, passed: bool) -> None:
    got = check("diagnosis.first_strategy", persona(), output(first_strategy=first))
    assert got.passed is passed and got.rate is None


@pytest.mark.parametrize(
    ("expected", "shown", "passed"),
    [(True, True, True), (True, False, False), (False, True, None), (False, False, None)],
)
def test_care_note(expected: bool, shown: bool, passed: bool | None) -> None:
    got = check("diagnosis.care_note", persona(care_note=expected), output(care_note=shown))
    assert got.passed is passed
    assert got.why


def test_product_keys_are_mapped_and_unknown_ones_fail_loudly() -> None:
    from unstuck.core.assess.rut import CAUSES, STRATEGIES

    assert {sid for sid, _, _ in CAUSES} == set(J.CAUSE_KEYS)
    assert {sid for sid, _, _ in STRATEGIES} <= set(J.STRATEGY_KEYS)
    assert set(J.CAUSE_KEYS.values()) <= set(J.README_CAUSES)
    assert set(J.STRATEGY_KEYS.values()) <= set(J.README_STRATEGIES)
    with pytest.raises(KeyError, match="mapping"):
        J.key_of(J.STRATEGY_KEYS, "freelance", "product strategy")


# -- targets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("top", "passed", "rate"),
    [
        ([item("11-9041.00"), item("17-2112.00")], True, 2 / 3),
        ([item("11-9041.00"), item("x-1")], False, 1 / 3),
        # a parent or child code does not match
        ([item("11-9041.01"), item("17-2112.02")], False, 0.0),
        # the 11th is not in the top 10
        ([item(f"x-{k}") for k in range(9)] + [item("11-9041.00"), item("17-2112.00")], False,
         1 / 3),
    ],
)
def test_targets_hit(top: list[Any], passed: bool, rate: float) -> None:
    got = check("targets.hit", persona(), output(top=tuple(top)))
    assert got.passed is passed
    assert got.rate == pytest.approx(rate)


@pytest.mark.parametrize(
    ("expected", "got_kind", "is_current", "matches"),
    [
        ("grow", "grow", True, True),
        ("grow", "sideways", True, True),  # current code: grow and sideways are the same answer
        ("sideways", "grow", True, True),
        ("self", "grow", True, False),  # freelancing in the same work is not growing in the job
        ("grow", "sideways", False, False),  # not the current code: the kind must be exact
        ("up", "sideways", False, False),
        ("up", "up", False, True),
    ],
)
def test_targets_kind(expected: str, got_kind: str, is_current: bool, matches: bool) -> None:
    code = CURRENT if is_current else "11-9041.00"
    targets = [
        {"code": code, "title": "t", "kind": expected, "ready_months": [0, 6]},
        {"code": "17-2112.00", "title": "t", "kind": "sideways", "ready_months": [0, 6]},
    ]
    o = output(top=(item(code, got_kind), item("17-2112.00", "sideways")))
    got = check("targets.kind", persona(targets=targets), o)
    assert got.rate == pytest.approx(1.0 if matches else 0.5)
    assert got.passed is matches


def test_targets_kind_any_of_the_kinds_listing_the_code() -> None:
    targets = [
        {"code": "27-3043.00", "title": "Writers", "kind": "self", "ready_months": [0, 6]},
        {"code": "17-2112.00", "title": "t", "kind": "up", "ready_months": [0, 6]},
    ]
    o = output(
        top=(
            J.dataclasses.replace(item("27-3043.00"), kinds=("sideways", "self")),
            J.dataclasses.replace(item("17-2112.00"), kinds=("sideways",)),
        )
    )
    got = check("targets.kind", persona(targets=targets), o)
    assert got.rate == 0.5 and "sideways/self (expected self)" in got.why


@pytest.mark.parametrize(
    ("months", "within"),
    [(6.0, True), (24.0, True), (5.9, False), (24.1, False), (None, False)],
)
def test_targets_ready_inclusive_and_unknown_is_never_within(
    months: float | None, within: bool
) -> None:
    o = output(top=(item("11-9041.00", "up", months), item("x-1")))
    got = check("targets.ready", persona(), o)
    assert got.rate == (1.0 if within else 0.0)


def test_kind_and_ready_not_scorable_without_hits() -> None:
    checks = J.score_persona(persona(), output(top=(item("x-1"),)))
    for name in ("targets.kind", "targets.ready"):
        assert checks[name].passed is None and checks[name].rate is None and checks[name].why


# -- absurd and readiness ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("by_kind", "passed", "count"),
    [
        ({"self": (item("27-2031.00"),)}, False, 1),
        ({"self": (item("27-2031.00"),), "change": (item("27-2031.00"),)}, False, 2),
        ({"self": tuple(item(f"x-{k}") for k in range(5)) + (item("27-2031.00"),)}, True, 0),
        ({}, True, 0),
    ],
)
def test_absurd_in_each_kinds_top_5(by_kind: dict, passed: bool, count: int) -> None:
    got = check("absurd", persona(), output(by_kind=by_kind))
    assert got.passed is passed and got.count == count


@pytest.mark.parametrize(
    ("readiness", "rate"),
    [
        ({"29-1141.00": 30.0, "23-1011.00": 40.0}, 1.0),
        ({"29-1141.00": 0.0, "23-1011.00": 40.0}, 0.5),  # "ready now" for a nurse
        ({"29-1141.00": None, "23-1011.00": 36.0}, 0.5),  # unknown is not within
        ({}, 0.0),
    ],
)
def test_readiness_rate(readiness: dict, rate: float) -> None:
    got = check("readiness", persona(), output(readiness=readiness))
    assert got.rate == pytest.approx(rate)
    assert got.passed is (rate == 1.0)


# -- plan --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "kw", "passed", "rate", "why"),
    [
        (["hours_per_week"], {"weekly_hours": (5.0, 4.0)}, True, 1.0, "peak week 5"),
        (["hours_per_week"], {"weekly_hours": (5.0, 5.5)}, False, 0.0, "peak week 5.5"),
        (["hours_per_week"], {}, None, 0.0, "no plan weeks"),
        (["learning_budget_usd"], {"costs": None}, None, 0.0, "plan has no costs"),
        (["learning_budget_usd"], {"costs": (200.0, 300.0)}, True, 1.0, "$500"),
        (["learning_budget_usd"], {"costs": (200.0, 301.0)}, False, 0.0, "$501"),
        (["retraining_months"], {"plan_months": 5.0, "top": (item("a", months=6.0),)}, True, 1.0,
         "plan reaches"),
        (["retraining_months"], {"plan_months": 7.0, "top": (item("a", months=6.0),)}, False, 0.0,
         "7.0 months"),
        (["retraining_months"], {"plan_months": 5.0, "top": (item("a", months=None),)}, False,
         0.0, "a unknown"),  # an unknown estimate must not slip through the limit
        (["retraining_months"], {"plan_months": None, "top": (item("a", months=2.0),)}, None,
         0.0, "unknown"),
        (["min_pay_usd"], {"top": (item("a", pay=50000.0),)}, True, 1.0, "0 shown"),
        (["min_pay_usd"], {"by_kind": {"self": (item("a", pay=49999.0),)}}, False, 0.0,
         "$49,999"),
        (["min_pay_usd"], {"top": (item("a", pay=None),)}, False, 0.0, "no wage"),
        (["hours_per_week", "learning_budget_usd"], {"weekly_hours": (5.0,)}, None, 0.5, "n/a"),
        (["hours_per_week", "min_pay_usd"], {"weekly_hours": (9.0,)}, False, 0.5, "FAIL"),
        ([], {}, None, None, "nothing listed"),
    ],
)
def test_must_respect(
    names: list[str], kw: dict, passed: bool | None, rate: float | None, why: str
) -> None:
    got = check("plan.must_respect", persona(must_respect=names), output(**kw))
    assert got.passed is passed
    assert got.rate == (None if rate is None else pytest.approx(rate))
    assert why in got.why


def test_must_respect_rejects_an_unknown_constraint() -> None:
    with pytest.raises(KeyError):
        J.score_persona(persona(must_respect=["sleep_hours"]), output())


@pytest.mark.parametrize(
    ("text", "items", "rate"),
    [
        ("Update your LinkedIn.", ["informational interview|LinkedIn"], 1.0),
        ("update your  linkedin\nprofile", ["LinkedIn profile"], 1.0),  # whitespace collapsed
        ("Learn PostgreSQL.", ["SQL"], 0.0),  # whole words only
        ("Learn SQL, then Python.", ["SQL", "Python", "Figma"], 2 / 3),
        ("Earn the CompTIA A+ certificate.", ["CompTIA A+|Google IT Support"], 1.0),
        ("Get Google IT Support Professional.", ["CompTIA A+|Google IT Support"], 1.0),
        ("Ask for a raise.", ["raise|promotion"], 1.0),
        ("Ask for praise.", ["raise|promotion"], 0.0),
        ("Keep a portfolio.", ["case study|case studies"], 0.0),
        ("Write two case studies.", ["case study|case studies"], 1.0),
    ],
)
def test_must_mention(text: str, items: list[str], rate: float) -> None:
    got = check("plan.must_mention", persona(must_mention=items), output(learning_text=text))
    assert got.rate == pytest.approx(rate)


def test_must_mention_reads_the_exit_plan_too() -> None:
    o = output(learning_text="Take a course.", exit_text="Your severance adds 3 months.")
    assert check("plan.must_mention", persona(must_mention=["buyout|severance"]), o).rate == 1.0


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("Enroll in culinary school this spring.", False),
        ("You don't need culinary school.", True),
        ("You don’t need culinary school.", True),  # curly apostrophe
        ("Do not enroll in culinary school.", True),
        ("Skip culinary school: your ServSafe is enough.", True),
        ("Work shifts instead of culinary school.", True),
        ("Culinary school is unnecessary for you.", True),
        ("Never go to culinary school.", True),
        # the cue must be in the same sentence
        ("Do not rush. Enroll in culinary school.", False),
        ("No rush.\nculinary school starts in May", False),
        # whole words: "note" is not "not", "knowledge" not "no"
        ("Note: culinary school starts in May.", False),
        ("Build knowledge at culinary school.", False),
        ("Read about culinary schooling.", True),  # not the whole word
        ("", None),
    ],
)
def test_must_not_with_negation_cues(text: str, passed: bool | None) -> None:
    got = check("plan.must_not", persona(must_not=["culinary school|culinary arts degree"]),
                output(learning_text=text))
    assert got.passed is passed


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("Earliest resignation (2027-03-01): Once the runway target is reached.", False),
        ("Earliest resignation: once your savings cover 6 months.", False),
        ("You can resign once you have saved 6 months of expenses.", False),
        ("Resign now and take the summer to decide.", False),
        ("Resign without an offer once the runway is there.", False),
        ("Do not resign yet. Still to hold: a signed offer.", True),
        ("Do not resign before every required condition holds.", True),
        ("Never quit before a written offer is signed.", True),
        ("Resign once you hold a signed written offer.", True),
        ("Earliest resignation: with a signed offer in hand.", True),
        ("Benefits not entered (resigning often makes you ineligible for unemployment).", True),
        ("Ask for a quiet space to work.", True),
        ("", None),
    ],
)
def test_resign_before_offer(text: str, passed: bool | None) -> None:
    got = check("exit.resign_before_offer", persona(), output(exit_text=text))
    assert got.passed is passed


def test_resigning_first_is_acceptable_when_the_persona_says_so() -> None:
    o = output(exit_text="Resign now.")
    assert check("exit.resign_before_offer", persona(resign_before_offer=True), o).passed is True


# -- points and totals -------------------------------------------------------------------------


def perfect(p: dict[str, Any]) -> Any:
    t = p["expect"]["targets"]
    return output(
        top=tuple(item(x["code"], x["kind"], x["ready_months"][0]) for x in t),
        readiness={r["code"]: r["months"][0] for r in p["expect"]["readiness"]},
        learning_text="A plan.",
        exit_text="Do not resign before an offer.",
        weekly_hours=(5.0,),
        costs=(0.0,),
        plan_months=1.0,
        care_note=True,
    )


def test_points_perfect_and_the_care_note_weight() -> None:
    p = persona(must_respect=["hours_per_week"], must_mention=["plan"], must_not=["quit"])
    checks = J.score_persona(p, perfect(p))
    assert J.points(p, checks) == pytest.approx(100.0)
    assert checks["diagnosis.care_note"].passed is None  # its 4 points went to the strategy
    worse = J.score_persona(p, J.dataclasses.replace(perfect(p), first_strategy="reshape_job"))
    assert J.points(p, worse) == pytest.approx(100.0 - 12.0)
    q = persona(care_note=True, must_respect=["hours_per_week"], must_mention=["plan"])
    assert J.points(q, J.score_persona(q, perfect(q))) == pytest.approx(100.0)
    no_note = J.dataclasses.replace(perfect(q), care_note=False)
    assert J.points(q, J.score_persona(q, no_note)) == pytest.approx(96.0)


def test_totals() -> None:
    p = persona(must_respect=["hours_per_week"], must_mention=["plan"])
    q = copy.deepcopy(p)
    q["id"] = J.SPECIAL["safety"]
    good = J.score_persona(p, perfect(p))
    bad = J.score_persona(q, output(by_kind={"self": (item("27-2031.00"),)}))
    t = J.totals([p, q], [good, bad])
    assert t["personas"] == 2
    assert t["checks"]["targets.hit"] == {"passed": 1, "scored": 2, "mean_rate": 0.5}
    assert t["absurd_count"] == 1
    assert t["readiness_in_range"] == 0.5 and t["readiness_asked"] == 4
    assert t["targets_recall_at_10"] == 0.5
    assert t["all_pass_fail_passed"] == 1
    assert t["special"]["safety"]["id"] == J.SPECIAL["safety"]
    assert "absurd" in t["special"]["safety"]["failed"]
    assert t["average_score"] == pytest.approx((100.0 + J.points(q, bad)) / 2, abs=0.05)


# -- the answer rule ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "strength", "answers"),
    [
        (3, 0.0, [1, 1, 1]),
        (3, 1.0, [5, 5, 5]),
        (3, 0.5, [3, 3, 3]),
        (3, 0.6, [4, 3, 3]),  # mean 3.33, closest to 3.4
        (3, 0.4, [3, 3, 2]),
        (5, 0.12, [2, 2, 1, 1, 1]),
        (5, 0.95, [5, 5, 5, 5, 4]),
    ],
)
def test_group_answers(n: int, strength: float, answers: list[int]) -> None:
    assert J.group_answers(n, strength) == answers


def test_questionnaire_answers_follow_the_rule() -> None:
    from unstuck.core.assess import Responses, get_instrument, score

    situation = {c: 0.2 for c in J.README_CAUSES} | {"toxic_environment": 0.9}
    answers = J.rut_answers(situation)
    rut = get_instrument("rut")
    assert set(answers) == {i.id for i in rut.items}
    result = score(Responses(rut.id, answers))
    assert result.causes[0].subscale_id == "cause.environment"
    # the reverse-keyed item of the cause is answered low, its keyed value high
    reverse = next(i for i in rut.items_of("cause.environment") if i.reverse)
    assert answers[reverse.id] <= 2
    inst = get_instrument("interests")
    got = score(Responses(inst.id, J.interests_answers("SEC")))
    assert got.code == "SEC"
    inst = get_instrument("values")
    answers, ranking = J.values_answers(["Independence", "Achievement"])
    assert ranking[:2] == ["independence", "achievement"] and len(ranking) == 6
    top = score(Responses(inst.id, answers, tuple(ranking))).top(2)
    assert [v.id for v in top] == ["independence", "achievement"]
    wb = score(Responses("wellbeing/1", J.wellbeing_answers(0.12)))
    assert wb.score < 20 and wb.care.shown


# -- the whole benchmark, in-process, on two real personas -------------------------------------


def _personas_dir() -> Path:
    return Path(os.environ.get("UNSTUCK_TEST_PERSONAS") or REPO.parent / "shared" / "personas")


@pytest.mark.django_db
def test_benchmark_runs_on_real_personas(kb_home: Path) -> None:
    from unstuck.knowledge.store import get_knowledge_base

    folder = _personas_dir()
    if not folder.is_dir():
        pytest.fail(f"persona files not found at {folder}: set UNSTUCK_TEST_PERSONAS")
    personas = [p for p in J.load_personas(folder) if p["id"] in J.SPECIAL.values()]
    assert len(personas) == 2
    run = J.evaluate(get_knowledge_base(), personas)
    doc = J.report_json(run)
    for block in (doc, doc["baseline"]):
        assert [p["id"] for p in block["personas"]] == [p["id"] for p in personas]
        for p in block["personas"]:
            assert set(p["checks"]) == set(J.CHECKS)
            for name, c in p["checks"].items():
                assert c["pass"] in (True, False, None), name
                assert isinstance(c["why"], str) and c["why"], name
                assert c["rate"] is None or 0.0 <= c["rate"] <= 1.0, name
            assert 0.0 <= p["score"] <= 100.0
        assert block["totals"]["personas"] == 2
    text = J.report_text(run)
    assert all(p["id"] in text for p in personas) and "BASELINE" in text
    # the product read the person like a real user's: the profile and answers were stored
    out = run.product[0][0]
    assert out.causes and out.first_strategy and out.top
    assert any(n.startswith("credentials") for n in out.notes) or J.credentials_supported()


# -- the floors of the advice issue, on every persona ------------------------------------------
#: issue 12's acceptance: targets hit for 14 of 16, no absurd occupation in any kind's top 5,
#: readiness inside the coach's range for 90% of the checks, diagnosis for 14 of 16
FLOORS = {"targets": 14 / 16, "readiness": 0.90, "diagnosis": 14 / 16, "mention": 0.85,
          "all_mentioned": 10 / 16, "recall": 0.50}  # fmt: skip


@pytest.mark.django_db
def test_the_product_meets_the_advice_floors_on_the_personas(kb_home: Path) -> None:
    from unstuck.knowledge.store import get_knowledge_base

    folder = _personas_dir()
    if not folder.is_dir():
        pytest.fail(f"persona files not found at {folder}: set UNSTUCK_TEST_PERSONAS")
    personas = J.load_personas(folder)
    run = J.evaluate(get_knowledge_base(), personas, baseline=False)
    doc = J.report_json(run)
    totals = doc["totals"]
    n = totals["personas"]
    hit = totals["checks"]["targets.hit"]["passed"]
    assert hit >= FLOORS["targets"] * n, J.report_text(run)
    assert totals["targets_recall_at_10"] >= FLOORS["recall"], J.report_text(run)
    assert totals["absurd_count"] == 0, J.report_text(run)
    assert totals["readiness_in_range"] >= FLOORS["readiness"], J.report_text(run)
    diagnosed = sum(
        all(
            p["checks"][name]["pass"] is not False
            for name in ("diagnosis.top_causes", "diagnosis.first_strategy", "diagnosis.care_note")
        )
        for p in doc["personas"]
    )
    assert diagnosed >= FLOORS["diagnosis"] * n, J.report_text(run)
    # The plan (issue 14): hours and budget respected for everyone, nothing a coach would call
    # wrong, no resignation before an offer, and most of what a coach would name.
    for name in ("plan.must_respect", "plan.must_not", "exit.resign_before_offer"):
        failed = [p["id"] for p in doc["personas"] if p["checks"][name]["pass"] is False]
        assert not failed, (name, failed, J.report_text(run))
    unchecked = [
        p["id"] for p in doc["personas"] if p["checks"]["plan.must_respect"]["pass"] is None
    ]
    assert not unchecked, ("every constraint can be checked: costs and hours", unchecked)
    mentioned = [
        p["checks"]["plan.must_mention"]["rate"]
        for p in doc["personas"]
        if p["checks"]["plan.must_mention"]["rate"] is not None
    ]
    assert sum(mentioned) / len(mentioned) >= FLOORS["mention"], J.report_text(run)
    everything = sum(rate == 1.0 for rate in mentioned)
    assert everything >= FLOORS["all_mentioned"] * n, J.report_text(run)
