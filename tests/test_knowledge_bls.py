"""BLS sources: OEWS wages (national, areas) and Employment Projections.

Real data from ``UNSTUCK_TEST_DATA`` (the session knowledge base of conftest, built with every
optional source); expected values are read from the source files here, independently of the
loader. Error paths use tiny files written in the test.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unstuck.knowledge import oews
from unstuck.knowledge.bls_areas import BlsAreasSource
from unstuck.knowledge.bls_projections import BlsProjectionsSource
from unstuck.knowledge.bls_wages import BlsWagesSource
from unstuck.knowledge.build import SourceRecord
from unstuck.knowledge.errors import (
    DataError,
    EncodingError,
    HeaderError,
    RowError,
    SourceNotFoundError,
)
from unstuck.knowledge.wages import load_outlook, load_wages


def _noop(*args: object) -> None:
    return None


def _national_csv(data: Path) -> Path:
    return next((data / "bls" / "oews_2025").glob("national_M*.csv"))


def _projections_csv(data: Path) -> Path:
    return next((data / "bls" / "employment_projections_2024_34").glob("table_1_2*.csv"))


def _num(raw: str) -> float | None:
    return None if raw in ("-", "—", "", "*", "#") else float(raw.replace(",", ""))


@pytest.fixture(scope="module")
def national_rows(test_data: Path) -> dict[str, dict[str, str]]:
    with open(_national_csv(test_data), encoding="utf-8", newline="") as fh:
        return {r["OCC_CODE"]: r for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def oews_db(test_data: Path, tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    """The OEWS time-series database, gunzipped here with the standard library."""
    target = tmp_path_factory.mktemp("oews") / "oews.sqlite"
    with gzip.open(test_data / "bls" / "oews_2025" / "oews-2025.sqlite.gz") as src:
        with open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
    return sqlite3.connect(target)


# -- real data -----------------------------------------------------------------------------


def test_every_bls_table_count_matches_its_source(kb, test_data: Path, oews_db) -> None:
    sources = {s["name"]: s for s in kb.meta["sources"]}
    for name in ("bls-wages", "bls-areas", "bls-projections"):
        assert sources[name]["tables"], name
        for table in sources[name]["tables"]:
            assert table["rows"] == table["source_rows"], (name, table)
    counts = {(s, t["table"]): t["rows"] for s in sources for t in sources[s]["tables"]}
    with open(_national_csv(test_data), encoding="utf-8", newline="") as fh:
        assert counts[("bls-wages", "oews_national")] == sum(1 for _ in csv.DictReader(fh))
    with open(_projections_csv(test_data), encoding="utf-8", newline="") as fh:
        assert counts[("bls-projections", "bls_projection")] == sum(1 for _ in csv.DictReader(fh))
    cells = oews_db.execute(
        "SELECT COUNT(*) FROM cell WHERE substr(key, 12, 6) = '000000' "
        "AND substr(key, 4, 1) IN ('S', 'M')"
    ).fetchone()[0]
    assert counts[("bls-areas", "oews_area_wage")] == cells
    areas = oews_db.execute("SELECT COUNT(*) FROM area WHERE areatype_code IN ('S', 'M')")
    assert counts[("bls-areas", "oews_area")] == areas.fetchone()[0] == len(kb.area_wages)


def test_software_developers_national_wages_equal_the_csv(kb, national_rows) -> None:
    row = national_rows["15-1252"]
    wages = kb.wages["15-1252.00"]
    assert wages.soc_code == "15-1252"
    assert wages.area == "United States"
    assert wages.year == "May 2025"
    assert wages.annual_median == _num(row["A_MEDIAN"])
    assert wages.annual_p10 == _num(row["A_PCT10"])
    assert wages.annual_p25 == _num(row["A_PCT25"])
    assert wages.annual_p75 == _num(row["A_PCT75"])
    assert wages.annual_p90 == _num(row["A_PCT90"])
    assert wages.hourly_median == _num(row["H_MEDIAN"])
    assert wages.employment == _num(row["TOT_EMP"])
    assert wages.note is None
    profile = kb.occupation("15-1252.00")
    assert profile.wages == wages
    assert profile.outlook is not None


def test_every_code_with_a_published_soc_has_its_wages(kb, national_rows) -> None:
    for code in kb.codes():
        soc = code[:7]
        if soc in national_rows:
            assert kb.wages[code].soc_code == soc
            assert kb.wages[code].annual_median == _num(national_rows[soc]["A_MEDIAN"])
            if code.endswith(".00"):
                assert kb.wages[code].note is None or "SOC occupation" not in kb.wages[code].note
            else:
                assert soc in (kb.wages[code].note or "")


def test_a_soc_code_bls_does_not_publish_falls_back_to_its_broad_group(kb, national_rows) -> None:
    fallback = [
        c for c in kb.codes() if c[:7] not in national_rows and c[:6] + "0" in national_rows
    ]
    assert fallback, "the data has O*NET codes that OEWS publishes only as a broad group"
    for code in fallback:
        wages = kb.wages[code]
        assert wages.soc_code == code[:6] + "0"
        assert wages.annual_median == _num(national_rows[code[:6] + "0"]["A_MEDIAN"])
        assert f"does not publish wages for {code[:7]}" in (wages.note or "")
    unpublished = [
        c for c in kb.codes() if c[:7] not in national_rows and c[:6] + "0" not in national_rows
    ]
    for code in unpublished:  # e.g. military occupations: missing, never zero
        assert code not in kb.wages
        assert kb.occupation(code).wages is None


def test_annual_only_wages_leave_hourly_missing_with_a_note(kb, national_rows) -> None:
    annual_only = [
        s for s, r in national_rows.items()
        if "H_MEDIAN=4" in r["FOOTNOTE_CODES"] and s[:2] != "00"
    ]
    codes = [c for c in kb.codes() if c.endswith(".00") and c[:7] in annual_only]
    assert codes
    for code in codes:
        assert kb.wages[code].hourly_median is None
        assert kb.wages[code].annual_median == _num(national_rows[code[:7]]["A_MEDIAN"])
        assert "annual wages only" in (kb.wages[code].note or "")


def test_state_wages_equal_the_database_cell(kb, oews_db) -> None:
    (state_code,) = oews_db.execute(
        "SELECT area_code FROM area WHERE area_name = 'California'"
    ).fetchone()
    cell = oews_db.execute(
        "SELECT v01, v08, v11, v13, v15 FROM cell WHERE key = ?",
        (f"OEUS{state_code}000000151252",),
    ).fetchone()
    wages = kb.area_wages.get("15-1252.00", "California")
    assert wages is not None
    assert wages.area == "California"
    assert (wages.employment, wages.hourly_median, wages.annual_p10, wages.annual_median,
            wages.annual_p90) == tuple(_num(v) for v in cell)
    assert kb.area_wages.get("15-1252.00", state_code) == wages  # by code too
    assert kb.area_wages.get("15-1252.00", "california") == wages  # any case
    assert kb.area_wages.get("15-1252.00", "Atlantis") is None
    assert wages.annual_median != kb.wages["15-1252.00"].annual_median


def test_area_list_has_states_and_metros(kb, oews_db) -> None:
    states = kb.area_wages.sorted_areas("state")
    expected = oews_db.execute("SELECT COUNT(*) FROM area WHERE areatype_code = 'S'").fetchone()
    assert len(states) == expected[0]
    assert states == sorted(states, key=lambda a: a.name)
    metros = kb.area_wages.sorted_areas("metro") + kb.area_wages.sorted_areas("nonmetro")
    expected = oews_db.execute("SELECT COUNT(*) FROM area WHERE areatype_code = 'M'").fetchone()
    assert len(metros) == expected[0]
    assert all("nonmetropolitan" in a.name for a in kb.area_wages.sorted_areas("nonmetro"))
    suggested = kb.area_wages.suggest("san jose")
    assert suggested and all("san jose" in a.name.casefold() for a in suggested)
    assert kb.area_wages.suggest("new york")[0].kind == "state"
    assert kb.area_wages.suggest("  ") == []


def test_top_coded_area_wage_is_missing_with_the_threshold(kb, oews_db) -> None:
    text = oews_db.execute("SELECT footnote_text FROM footnote WHERE footnote_code = '5'")
    annual = re.search(r"\$([\d,]+) per year", text.fetchone()[0]).group(1)
    detailed = {c[:7] for c in kb.codes() if c.endswith(".00")}
    found = None
    for key, median, p90 in oews_db.execute(
        "SELECT key, v13, v15 FROM cell WHERE f15 = '5' AND v13 <> '-' "
        "AND substr(key, 12, 6) = '000000' AND substr(key, 4, 1) IN ('S', 'M') ORDER BY key"
    ):
        soc = f"{key[17:19]}-{key[19:23]}"
        if soc in detailed:
            found = (key[4:11], soc + ".00", median, p90)
            break
    assert found, "the database has top-coded area wages"
    area, code, median, p90 = found
    wages = kb.area_wages.get(code, area)
    assert p90 == "-"
    assert wages.annual_p90 is None
    assert wages.annual_median == float(median)
    assert f"90th percentile at least ${annual} a year" in wages.note


def test_projections_equal_table_1_2(kb, test_data: Path) -> None:
    with open(_projections_csv(test_data), encoding="utf-8", newline="") as fh:
        rows = {r["2024 National Employment Matrix code"]: r for r in csv.DictReader(fh)}
    row = rows["15-1252"]
    outlook = kb.outlook["15-1252.00"]
    assert outlook.period == "2024–34"
    assert outlook.change_percent == float(row["Employment change, percent, 2024–34"])
    assert outlook.openings_per_year == float(row["Occupational openings, 2024–34 annual average"])
    assert outlook.self_employed_percent == float(row["Percent self employed, 2024"])
    assert outlook.employment_start == float(row["Employment, 2024"])
    assert outlook.employment_end == float(row["Employment, 2034"])
    assert outlook.typical_education == row["Typical education needed for entry"]
    missing = [s for s, r in rows.items() if r["Percent self employed, 2024"] == "—"]
    codes = [c for c in kb.codes() if c[:7] in missing and c.endswith(".00")]
    assert codes and all(kb.outlook[c].self_employed_percent is None for c in codes)


def test_attributions_name_bls(kb) -> None:
    text = " ".join(kb.attributions)
    assert "Occupational Employment and Wage Statistics (May 2025)" in text
    assert "Employment Projections 2024–34" in text


# -- error paths on hand-written files -----------------------------------------------------

HEADER = "OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,H_MEDIAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90"


Loaded = tuple[sqlite3.Connection, SourceRecord, list[str]]


def _load(source: object, conn: sqlite3.Connection | None = None) -> Loaded:
    conn = conn or sqlite3.connect(":memory:")
    warnings: list[str] = []
    record = source.load(conn, _noop, warnings.append)  # type: ignore[attr-defined]
    return conn, record, warnings


def test_national_csv_with_a_wrong_header_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "national_M2025_dl.csv"
    path.write_text(HEADER.replace("A_MEDIAN", "A_MED") + "\n15-1252,X,detailed,1,2,3,4,5,6,7\n")
    with pytest.raises(HeaderError) as err:
        _load(BlsWagesSource(path))
    assert str(path) in str(err.value) and "line 1" in str(err.value)
    assert "'A_MEDIAN'" in str(err.value)


def test_bad_number_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "national_M2025_dl.csv"
    path.write_text(
        f"{HEADER}\n15-1252,Software Developers,detailed,1000,65.38,1,2,3,4,5\n"
        "15-1253,Testers,detailed,1000,50.0,1,2,lots,4,5\n"
    )
    with pytest.raises(RowError) as err:
        _load(BlsWagesSource(path))
    assert f"{path}, line 3" in str(err.value)
    assert "'A_MEDIAN'" in str(err.value) and "'lots'" in str(err.value)


def test_bad_soc_code_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "national_M2025_dl.csv"
    path.write_text(f"{HEADER}\nSoftware,Software Developers,detailed,1000,65.38,1,2,3,4,5\n")
    with pytest.raises(RowError, match="line 2"):
        _load(BlsWagesSource(path))


def test_non_utf8_file_is_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "national_M2025_dl.csv"
    path.write_bytes(f"{HEADER}\n".encode() + "15-1252,Caf\xe9,detailed,1,2,3,4,5,6,7\n".encode(
        "latin-1"))
    with pytest.raises(EncodingError) as err:
        _load(BlsWagesSource(path))
    assert f"{path}, line 2" in str(err.value)


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="nowhere.csv"):
        BlsWagesSource(tmp_path / "nowhere.csv")
    with pytest.raises(SourceNotFoundError):
        BlsProjectionsSource(tmp_path / "nowhere.csv")
    with pytest.raises(SourceNotFoundError):
        BlsAreasSource([tmp_path / "nowhere.sqlite.gz"])


def test_official_layout_with_hash_top_coding(tmp_path: Path) -> None:
    """The BLS download marks top-coded wages with '#' and has ANNUAL/HOURLY flags."""
    path = tmp_path / "national_M2025_dl.csv"
    path.write_text(
        "AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,H_MEDIAN,"
        "A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY\n"
        '99,U.S.,1,US,000000,11-1011,Chief Executives,detailed,"211,230",99.37,"80,000",'
        '"130,000","206,680",#,#,,\n'
        "99,U.S.,1,US,000000,25-2012,Kindergarten Teachers,detailed,100,*,1,2,3,4,5,TRUE,\n"
    )
    (tmp_path / "footnotes.csv").write_text(
        "footnote_code,footnote_text\n"
        '5,"This wage is equal to or greater than $115.00 per hour or $239,200 per year."\n'
    )
    conn, record, warnings = _load(BlsWagesSource(path))
    assert record.release == "May 2025"
    assert [(t.rows, t.source_rows) for t in record.tables] == [(2, 2), (1, 1)]
    assert not warnings
    meta = {"sources": [record.to_json()]}
    wages, _ = load_wages(conn, ["11-1011.00", "11-1011.03", "25-2012.00"], meta)
    ceo = wages["11-1011.00"]
    assert ceo.annual_median == 206680.0 and ceo.employment == 211230.0
    assert ceo.annual_p75 is None and ceo.annual_p90 is None
    assert ceo.note == "top-coded: 75th percentile, 90th percentile at least $239,200 a year"
    assert "SOC occupation 11-1011 Chief Executives" in wages["11-1011.03"].note
    teacher = wages["25-2012.00"]
    assert teacher.hourly_median is None and teacher.annual_median == 3.0
    assert "annual wages only" in teacher.note


def test_without_footnotes_top_coding_is_still_said(tmp_path: Path) -> None:
    path = tmp_path / "national.csv"
    path.write_text(f"{HEADER}\n11-1011,Chief Executives,detailed,1,#,1,2,#,#,#\n")
    conn, record, warnings = _load(BlsWagesSource(path))
    assert record.missing == ["footnotes.csv"] and "top-coding threshold" in warnings[0]
    wages, _ = load_wages(conn, ["11-1011.00"], {"sources": [record.to_json()]})
    note = wages["11-1011.00"].note
    assert "top-coded: median" in note and "top-coded: hourly median" in note
    assert wages["11-1011.00"].annual_median is None


def test_industry_rows_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "nat4d_M2025_dl.csv"
    path.write_text(
        f"NAICS,{HEADER}\n000000,15-1252,X,detailed,1,2,3,4,5,6,7\n"
        "511200,15-1252,X,detailed,1,2,3,4,5,6,7\n"
    )
    with pytest.raises(RowError, match="line 3.*industry-specific"):
        _load(BlsWagesSource(path))


AREA_HEADER = ("AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,"
               "H_MEDIAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,LOC_QUOTIENT")


def test_official_state_and_metro_files(tmp_path: Path) -> None:
    state = tmp_path / "state_M2025_dl.csv"
    state.write_text(
        f"{AREA_HEADER}\n06,California,2,CA,000000,15-1252,Software Developers,detailed,"
        "284390,83.85,105060,136990,174410,216670,272670,1.9\n"
        "06,California,2,CA,000000,13-1020,Buyers,detailed,10,30,1,2,60000,4,5,1.0\n"
    )
    metro = tmp_path / "MSA_M2025_dl.csv"
    metro.write_text(
        f'{AREA_HEADER}\n41940,"San Jose-Sunnyvale-Santa Clara, CA",4,CA,000000,15-1252,'
        "Software Developers,detailed,90000,100,1,2,220000,4,#,5.0\n"
    )
    conn, record, _ = _load(BlsAreasSource([state, metro]))
    counts = [(t.table, t.rows, t.source_rows) for t in record.tables]
    assert counts == [("oews_area_wage", 2, 2), ("oews_area_wage", 1, 1)]
    _, table = load_wages(conn, [], {"sources": [record.to_json()]})
    assert [a.name for a in table.sorted_areas()] == [
        "California",
        "San Jose-Sunnyvale-Santa Clara, CA",
    ]
    assert table.find("San Jose-Sunnyvale-Santa Clara, CA").kind == "metro"
    ca = table.get("15-1252.00", "California")
    assert ca.annual_median == 174410.0 and ca.employment == 284390.0 and ca.note is None
    sj = table.get("15-1252.00", "41940")
    assert sj.annual_median == 220000.0 and sj.annual_p90 is None
    assert sj.note.startswith("top-coded: 90th percentile")
    buyers = table.get("13-1021.00", "California")  # broad-group fallback, per area
    assert buyers.soc_code == "13-1020" and "13-1021" in buyers.note
    assert table.get("13-1021.00", "41940") is None


def test_area_file_needs_area_columns(tmp_path: Path) -> None:
    path = tmp_path / "state.csv"
    path.write_text(f"{HEADER}\n15-1252,X,detailed,1,2,3,4,5,6,7\n")
    with pytest.raises(HeaderError, match="'AREA'"):
        _load(BlsAreasSource(path))


def test_damaged_gzip_database_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "oews-2025.sqlite.gz"
    path.write_bytes(gzip.compress(b"x" * 1000)[:40])
    with pytest.raises(DataError, match="gzip"):
        _load(BlsAreasSource(path))


def test_a_database_that_is_not_oews_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "oews-2025.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE other (x)").connection.commit()
    with pytest.raises(HeaderError, match="not an OEWS database"):
        _load(BlsWagesSource(path))


EP_HEADER = (
    "2024 National Employment Matrix title,2024 National Employment Matrix code,Occupation type,"
    '"Employment, 2024","Employment, 2034","Employment change, percent, 2024–34",'
    '"Percent self employed, 2024","Occupational openings, 2024–34 annual average",'
    "Typical education needed for entry"
)


def test_projections_fixture_and_period(tmp_path: Path) -> None:
    path = tmp_path / "table_1_2.csv"
    path.write_text(f"{EP_HEADER}\n  Software developers,15-1252,Line item,1693.8,1961.4,15.8,"
                    "—,115.2,Bachelor's degree\n", encoding="utf-8")
    conn, record, _ = _load(BlsProjectionsSource(path))
    assert record.release == "2024–34"
    assert record.attribution == "U.S. Bureau of Labor Statistics, Employment Projections 2024–34."
    outlook = load_outlook(conn, ["15-1252.00"], {"sources": [record.to_json()]})
    assert outlook["15-1252.00"].self_employed_percent is None
    assert outlook["15-1252.00"].change_percent == 15.8


def test_projections_wrong_header_and_bad_number(tmp_path: Path) -> None:
    path = tmp_path / "table_1_2.csv"
    path.write_text(EP_HEADER.replace("openings", "jobs") + "\n", encoding="utf-8")
    with pytest.raises(HeaderError, match="Occupational openings"):
        _load(BlsProjectionsSource(path))
    path.write_text(f"{EP_HEADER}\nA,15-1252,Line item,1,2,3,4,5,x\nB,15-1253,Line item,1,2,"
                    "many,4,5,x\n", encoding="utf-8")
    with pytest.raises(RowError) as err:
        _load(BlsProjectionsSource(path))
    assert f"{path}, line 3" in str(err.value) and "'many'" in str(err.value)


def test_old_excel_format_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "occupation.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DataError, match="Table 1.2"):
        _load(BlsProjectionsSource(path))


def test_manifest_release_is_used(tmp_path: Path) -> None:
    path = tmp_path / "national.csv"
    path.write_text(f"{HEADER}\n15-1252,X,detailed,1,2,3,4,5,6,7\n")
    (tmp_path / "manifest.json").write_text(json.dumps({"release": {"description": "May 2031"}}))
    _, record, _ = _load(BlsWagesSource(path))
    assert record.release == "May 2031"
    assert "(May 2031)" in record.attribution


# -- Excel workbooks -----------------------------------------------------------------------


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A minimal .xlsx (inline strings and numbers), written by hand like Excel would."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(col: int, row: int, value: object) -> str:
        ref = f"{chr(65 + col)}{row}"
        if isinstance(value, int | float):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w") as zf:
        entries = "".join(
            f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, n in enumerate(sheets, start=1)
        )
        zf.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}">'
                    f"<sheets>{entries}</sheets></workbook>")
        links = "".join(
            f'<Relationship Id="rId{i}" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        package = "http://schemas.openxmlformats.org/package/2006/relationships"
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{package}">{links}</Relationships>',
        )
        for i, rows in enumerate(sheets.values(), start=1):
            body = "".join(
                f'<row r="{r}">' + "".join(cell(c, r, v) for c, v in enumerate(cells)) + "</row>"
                for r, cells in enumerate(rows, start=1)
            )
            zf.writestr(
                f"xl/worksheets/sheet{i}.xml",
                f'<worksheet xmlns="{main}"><sheetData>{body}</sheetData></worksheet>',
            )
    return path


def test_projections_workbook_equals_its_csv(test_data: Path) -> None:
    folder = test_data / "bls" / "employment_projections_2024_34"
    from_xlsx, record, _ = _load(BlsProjectionsSource(folder / "occupation.xlsx"))
    from_csv, _, _ = _load(BlsProjectionsSource(_projections_csv(test_data)))
    (table,) = record.tables
    assert "sheet 'Table 1.2'" in table.file
    assert table.rows == table.source_rows
    assert record.release == "2024–34"
    rows = from_xlsx.execute("SELECT * FROM bls_projection").fetchall()
    assert rows == from_csv.execute("SELECT * FROM bls_projection").fetchall()


def test_oews_workbook_with_field_descriptions(tmp_path: Path) -> None:
    header = [
        "AREA",
        "AREA_TITLE",
        "AREA_TYPE",
        "NAICS",
        "OCC_CODE",
        "OCC_TITLE",
        "O_GROUP",
        "TOT_EMP",
        "H_MEDIAN",
        "A_PCT10",
        "A_PCT25",
        "A_MEDIAN",
        "A_PCT75",
        "A_PCT90",
    ]
    path = _xlsx(tmp_path / "national_M2025_dl.xlsx", {
        "national_M2025_dl": [
            header,
            ["99", "U.S.", 1, "000000", "11-1011", "Chief Executives", "detailed", 211230, 99.37,
             80000, 130000, 206680, "#", "#"],
            ["99", "U.S.", 1, "000000", "15-1252", "Software Developers", "detailed", 1687890,
             65.38, 82460, 105210, 135980, 171980, 214670],
        ],
        "Field Descriptions": [
            ["Notes:"],
            ["#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per "
             "year"],
        ],
    })
    conn, record, warnings = _load(BlsWagesSource(path))
    assert warnings == [] and record.release == "May 2025"
    national, notes = record.tables
    assert (national.rows, national.source_rows) == (2, 2)
    assert "sheet 'national_M2025_dl'" in national.file
    wages, _ = load_wages(conn, ["11-1011.00", "15-1252.00"], {"sources": [record.to_json()]})
    assert wages["15-1252.00"].annual_median == 135980.0
    assert wages["11-1011.00"].annual_p90 is None
    assert wages["11-1011.00"].note.endswith("at least $239,200 a year")


def test_workbook_errors_name_sheet_and_row(tmp_path: Path) -> None:
    header = ["OCC_CODE", "OCC_TITLE", "TOT_EMP", "H_MEDIAN", "A_PCT10", "A_PCT25", "A_MEDIAN",
              "A_PCT75", "A_PCT90"]
    path = _xlsx(tmp_path / "national_M2025_dl.xlsx", {"data": [
        ["May 2025 national estimates"], [], header,
        ["15-1252", "Software Developers", 1, 2, 3, 4, 5, 6, 7],
        ["15-1253", "Testers", 1, 2, 3, 4, "n.a.", 6, 7],
    ]})
    with pytest.raises(RowError) as err:
        _load(BlsWagesSource(path))
    assert "(sheet 'data'), line 5" in str(err.value) and "'n.a.'" in str(err.value)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DataError, match="Excel workbook"):
        _load(BlsWagesSource(broken))
    no_table = _xlsx(tmp_path / "other.xlsx", {"a": [["x", "y"], [1, 2]]})
    with pytest.raises(HeaderError, match="OCC_CODE"):
        _load(BlsWagesSource(no_table))


def test_national_wages_from_the_database_equal_the_csv(test_data: Path) -> None:
    """Two inputs for the same estimates (the CSV was extracted from the database by other
    code) must give identical tables: a check on both readers."""
    folder = test_data / "bls" / "oews_2025"
    from_db, record, _ = _load(BlsWagesSource(folder / "oews-2025.sqlite.gz"))
    from_csv, _, _ = _load(BlsWagesSource(_national_csv(test_data)))
    assert record.release == "May 2025"
    query = "SELECT * FROM oews_national ORDER BY occ_code"
    rows = from_db.execute(query).fetchall()
    assert len(rows) == record.tables[0].rows == record.tables[0].source_rows
    assert rows == from_csv.execute(query).fetchall()


def test_bls_zip_downloads(tmp_path: Path) -> None:
    """BLS ships each set as a zip: oesm25nat.zip (one table), oesm25ma.zip (metro + nonmetro)."""
    import zipfile

    metro = (f"{AREA_HEADER}\n41940,\"San Jose-Sunnyvale-Santa Clara, CA\",4,CA,000000,15-1252,"
             "Software Developers,detailed,90000,100,1,2,220000,4,5,5.0\n")
    nonmetro = (f"{AREA_HEADER}\n0600001,North Valley-Northern Mountains Region of California "
                "nonmetropolitan area,6,CA,000000,15-1252,Software Developers,detailed,900,50,1,"
                "2,98000,4,5,0.4\n")
    areas = tmp_path / "oesm25ma.zip"
    with zipfile.ZipFile(areas, "w") as zf:
        zf.writestr("oesm25ma/MSA_M2025_dl.csv", metro)
        zf.writestr("oesm25ma/BOS_M2025_dl.csv", nonmetro)
        zf.writestr("oesm25ma/readme.txt", "not a table")
    conn, record, _ = _load(BlsAreasSource(areas))
    assert record.release == "May 2025"
    assert [
        (t.file.removeprefix(f"{tmp_path}/"), t.rows, t.source_rows) for t in record.tables
    ] == [
        ("oesm25ma.zip!oesm25ma/BOS_M2025_dl.csv", 1, 1),
        ("oesm25ma.zip!oesm25ma/MSA_M2025_dl.csv", 1, 1),
    ]
    _, table = load_wages(conn, [], {"sources": [record.to_json()]})
    assert [a.kind for a in table.sorted_areas()] == ["metro", "nonmetro"]
    with pytest.raises(DataError, match="holds 2 OEWS tables"):
        _load(BlsWagesSource(areas))
    national = tmp_path / "oesm25nat.zip"
    with zipfile.ZipFile(national, "w") as zf:
        zf.writestr("oesm25nat/national_M2025_dl.csv",
                    f"{HEADER}\n15-1252,Software Developers,detailed,1,2,3,4,5,6,7\n")
    conn, record, _ = _load(BlsWagesSource(national))
    assert record.release == "May 2025" and record.tables[0].rows == 1
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "nothing")
    with pytest.raises(SourceNotFoundError, match="no OEWS table"):
        _load(BlsWagesSource(empty))


@pytest.mark.parametrize("cell", ["nan", "1e5", "-3", "12 000", "inf"])
def test_things_float_would_accept_are_not_numbers(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "national.csv"
    path.write_text(f"{HEADER}\n15-1252,X,detailed,1,2,3,4,{cell},6,7\n")
    with pytest.raises(RowError, match="line 2.*'A_MEDIAN'"):
        _load(BlsWagesSource(path))


# -- properties ----------------------------------------------------------------------------


@given(st.text(max_size=12))
def test_a_cell_is_a_number_a_marker_or_an_error(cell: str) -> None:
    notes: list[str] = []
    try:
        value = oews.parse_number(cell, "A_MEDIAN", "f.csv", 7, notes)
    except RowError as exc:
        assert "f.csv, line 7" in str(exc)
        return
    if value is None:
        assert cell.strip() in {"#", "", "-", "*", "**", "—", "–", "n/a", "N/A"}
        assert notes == (["A_MEDIAN=5"] if cell.strip() == "#" else [])
    else:
        assert cell.strip()[:1].isdigit() or cell.strip()[:1] == "."
        assert value >= 0


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_bls_number_formats_round_trip(whole: int, cents: int) -> None:
    for text in (f"{whole:,}", str(whole), f"{whole}.{cents:02d}", f"{whole:,}.{cents:02d}"):
        assert oews.parse_number(text, "A_MEDIAN", "f.csv", 2, []) == float(text.replace(",", ""))
