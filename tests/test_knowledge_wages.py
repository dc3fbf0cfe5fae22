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


def _area_table(rows: list[tuple[str, str, str | None, str]]) -> wages.AreaWageTable:
    """A hand-written OEWS area list (no wage rows): enough for looking areas up."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE oews_area (area_code, area_type, state, name)")
    conn.execute("CREATE TABLE oews_area_pack (area_code, socs, vals, footnotes)")
    conn.executemany("INSERT INTO oews_area VALUES (?, ?, ?, ?)", rows)
    table = wages.AreaWageTable()
    table.load(conn, "2024", TopCode(None, None))
    conn.close()
    return table


def test_state_postal_codes_find_the_state_area() -> None:
    table = _area_table([
        ("0010420", "metro", "39", "Akron, OH"),
        ("3900000", "state", "39", "Ohio"),
        ("3900001", "nonmetro", "39", "West Northwestern Ohio nonmetropolitan area"),
        ("1100000", "state", "11", "District of Columbia"),
        ("7200000", "state", "72", "Puerto Rico"),
    ])
    assert table.find("OH").code == "3900000"
    assert table.find(" oh ").code == "3900000"
    assert table.find("DC").name == "District of Columbia"
    assert table.find("PR").name == "Puerto Rico"
    # codes and names still win; unknown codes and states without an area give None
    assert table.find("0010420").name == "Akron, OH"
    assert table.find("ohio").code == "3900000"
    assert table.find("TX") is None
    assert table.find("ZZ") is None


def test_state_found_by_name_when_the_source_gives_postal_codes_or_none() -> None:
    table = _area_table([("S39", "state", "OH", "Ohio"), ("S48", "state", None, "Texas")])
    assert table.find("OH").code == "S39"
    assert table.find("tx").code == "S48"


def test_postal_code_table_covers_states_dc_and_territories() -> None:
    assert len(wages.US_STATES) == 56  # 50 states, DC, 5 inhabited territories
    fips = [f for f, _ in wages.US_STATES.values()]
    assert len(set(fips)) == len(fips)
    assert all(len(code) == 2 and code.isupper() for code in wages.US_STATES)
