"""The in-memory side of BLS: which SOC figures stand for an O*NET code, and the notes."""

from __future__ import annotations

from unstuck.knowledge import wages
from unstuck.knowledge.wages import TopCode, wage_note


def test_resolve_soc_rules() -> None:
    available = {"15-1252": "Software Developers", "13-1020": "Buyers"}
    assert wages.resolve_soc("15-1252.00", available) == ("15-1252", None)
    soc, note = wages.resolve_soc("15-1252.01", available)
    assert soc == "15-1252" and "15-1252 Software Developers" in note
    soc, note = wages.resolve_soc("13-1022.00", available)
    assert soc == "13-1020" and "13-1022" in note
    assert wages.resolve_soc("55-1011.00", available) is None


def test_wage_notes() -> None:
    threshold = TopCode.from_footnotes(
        {"5": "This wage is equal to or greater than $115.00 per hour or $239,200 per year."}
    )
    assert threshold == TopCode("$115.00", "$239,200")
    assert wage_note(None, threshold) is None
    assert wage_note("A_PCT90=5;H_PCT90=5", threshold) == (
        "top-coded: 90th percentile at least $239,200 a year"
    )
    assert wage_note("H_MEDIAN=5", threshold) == "top-coded: hourly median at least $115.00 an hour"
    unknown = TopCode.from_footnotes({})
    assert "at or above the BLS top-coding threshold" in wage_note("A_MEDIAN=5", unknown)
    assert wage_note("H_MEDIAN=4;H_MEAN=4", threshold) == (
        "BLS publishes annual wages only for this occupation"
    )
    assert "hourly wages only" in wage_note("A_MEDIAN=4", threshold)
