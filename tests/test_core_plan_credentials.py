"""The credentials table: well-formed, every prefix names real occupations, lookups and holds."""

from __future__ import annotations

import pytest

from unstuck.core.plan.credentials import (
    CREDENTIALS,
    FREE_ROUTES,
    TYPICAL_COSTS,
    credentials_for,
)


def test_every_entry_is_well_formed() -> None:
    for prefix, creds in CREDENTIALS:
        assert creds, prefix
        for c in creds:
            low, high = c.cost
            assert 0 <= low <= high <= 10_000, c
            assert c.hours > 0 and c.basis and c.issuer, c
    for low, high, basis in TYPICAL_COSTS.values():
        assert 0 <= low <= high and basis
    assert {key for key, _ in FREE_ROUTES} >= {"employer", "library", "wioa"}


def test_prefixes_name_occupations_of_the_knowledge_base(kb) -> None:  # noqa: ANN001
    codes = list(kb.titles)
    for prefix, _ in CREDENTIALS:
        assert any(c.startswith(prefix) for c in codes), prefix


@pytest.mark.parametrize(
    "code, first",
    [
        ("13-2099.04", "Certified Fraud Examiner (CFE)"),
        ("13-1082.00", "Certified Associate in Project Management (CAPM)"),
        ("47-2111.00", "Master Electrician license"),
        ("15-2051.01", "SQL for data analysis"),
        ("15-2051.00", "Google Data Analytics Professional Certificate"),
    ],
)
def test_the_most_specific_prefix_wins(code: str, first: str) -> None:
    assert credentials_for(code)[0].name.startswith(first)


def test_held_credentials_are_recognised() -> None:
    cdl = credentials_for("53-3032.00")[0]
    assert cdl.held_by(("Class A CDL",)) and not cdl.held_by(("Forklift",))
    assert credentials_for("99-9999.00") == ()
