"""The person's profile: prefilled levels, adjustments, constraints, validation, round trip."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unstuck.core as core_pkg
from unstuck.core.profile import (
    Constraints,
    LevelAnchor,
    Location,
    Profile,
    Rating,
    nearest_anchor,
    prefill_ratings,
    typical_prompt,
    validate_profile,
)

TYPICAL = [
    ("2.A.1.a", "Reading Comprehension", "skill", 4.5),
    ("2.B.3.a", "Programming", "skill", 8.0),  # clamped to the scale
    ("2.C.4.a", "Mathematics", "knowledge", 3.2),
]


def test_prefill_starts_at_typical_and_keeps_own_levels() -> None:
    ratings = prefill_ratings(TYPICAL)
    assert [r.level for r in ratings] == [4.5, 7.0, 3.2]
    assert not any(r.adjusted for r in ratings)
    mine = (Rating("2.A.1.a", "Reading Comprehension", "skill", 6.0, 4.5),)
    again = prefill_ratings([("2.A.1.a", "Reading Comprehension", "skill", 3.0)], mine)
    assert again[0].level == 6.0 and again[0].typical == 3.0 and again[0].difference == 3.0


def test_with_level_adjusts_one_rating() -> None:
    p = Profile(ratings=prefill_ratings(TYPICAL))
    q = p.with_level("2.C.4.a", 5.0)
    assert q.levels()["2.C.4.a"] == 5.0 and p.levels()["2.C.4.a"] == 3.2
    assert [r.element_id for r in q.knowledge()] == ["2.C.4.a"]
    assert len(q.skills()) == 2
    with pytest.raises(ValueError):
        p.with_level("2.C.4.a", 7.5)
    with pytest.raises(KeyError):
        p.with_level("9.Z", 1.0)


def test_prompt_and_anchor() -> None:
    r = prefill_ratings(TYPICAL)[0]
    assert typical_prompt(r) == (
        "People in your job are typically at 4.5 on Reading Comprehension — where are you?"
    )
    anchors = [LevelAnchor(2.0, "Read a memo"), LevelAnchor(4.0, "Read a manual"),
               LevelAnchor(6.0, "Read a research paper")]
    assert nearest_anchor(4.4, anchors) == anchors[1]
    assert nearest_anchor(5.0, anchors) == anchors[1]  # ties go to the lower anchor
    assert nearest_anchor(1.0, []) is None


def test_runway() -> None:
    assert Constraints(savings=12000, monthly_expenses=3000).runway_months == 4.0
    assert Constraints(savings=12000).runway_months is None
    assert Constraints(savings=100, monthly_expenses=0).runway_months is None


def test_validation_names_every_bad_field() -> None:
    p = Profile(
        occupation_code=" ",
        years_in_occupation=-1,
        ratings=(Rating("x", "X", "skill", 9.0), Rating("x", "X", "skill", 1.0)),
        education=13,
        constraints=Constraints(
            location=Location("state", ""),
            hours_per_week=200,
            min_pay=-5,
            risk_tolerance="reckless",  # type: ignore[arg-type]
        ),
    )
    where = {pr.where for pr in validate_profile(p)}
    assert where == {
        "occupation.code", "occupation.years", "skill.x", "education", "constraints.location",
        "constraints.hours_per_week", "constraints.min_pay", "constraints.risk_tolerance",
    }
    assert validate_profile(Profile()) == []


levels = st.floats(0, 7, allow_nan=False)


@settings(deadline=None)  # timings vary on a busy machine; no deadline
@given(
    st.lists(st.tuples(st.text("abc.123", min_size=1, max_size=6), levels), max_size=6,
             unique_by=lambda t: t[0]),
    st.one_of(st.none(), st.integers(0, 10**7)),
    st.sampled_from(["low", "medium", "high"]),
    st.one_of(st.none(), st.integers(1, 12)),
)
def test_profile_round_trips_through_json(ratings, savings, risk, edu) -> None:
    p = Profile(
        occupation_code="15-1252.00",
        occupation_title="Software Developers",
        years_in_occupation=6.5,
        ratings=tuple(
            Rating(eid, f"E{eid}", "skill" if n % 2 else "knowledge", lvl, 3.0)
            for n, (eid, lvl) in enumerate(ratings)
        ),
        technology=("Python", "Git"),
        education=edu,
        constraints=Constraints(
            Location("metro", "18140", "Columbus, OH"), 70000, 8, 12, 2000, risk, savings, 3000
        ),
    )
    back = Profile.from_dict(json.loads(json.dumps(p.to_dict())))
    assert back.levels() == p.levels()
    assert {r.element_id: r.domain for r in back.ratings} == {
        r.element_id: r.domain for r in p.ratings
    }
    assert back.constraints == p.constraints
    assert (back.education, back.technology, back.occupation_code) == (
        p.education, p.technology, p.occupation_code)
    assert validate_profile(back) == []


def test_core_imports_no_django_click_or_sqlite() -> None:
    root = Path(core_pkg.__file__).parent
    for path in [*root.glob("assess/*.py"), root / "profile.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                assert top not in {"django", "click", "sqlite3", "yaml", "requests"}, (
                    f"{path.name} imports {name}"
                )
