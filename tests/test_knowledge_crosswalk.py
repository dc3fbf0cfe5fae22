"""The ESCO -> O*NET crosswalk: ESCO titles for O*NET occupations, stale codes, error paths."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from unstuck.knowledge.build import create_table
from unstuck.knowledge.crosswalk import CrosswalkSource, esco_to_onet, taxonomy_map
from unstuck.knowledge.errors import HeaderError, RowError
from unstuck.knowledge.onet import ONET_TABLES


def _noop(*args: object) -> None:
    return None


def _crosswalk(data: Path) -> list[dict[str, str]]:
    path = next((data / "crosswalks").glob("esco_onet*/esco_onet_crosswalk_*.csv"))
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _esco_labels(data: Path) -> dict[str, tuple[str, list[str]]]:
    with open(data / "esco" / "v1.1.1" / "occupations_en.csv", encoding="utf-8", newline="") as fh:
        return {r["conceptUri"]: (r["preferredLabel"], r["altLabels"].split("\n"))
                for r in csv.DictReader(fh)}


def test_count_and_attribution(kb, test_data: Path) -> None:
    (source,) = [s for s in kb.meta["sources"] if s["name"] == "crosswalk"]
    (table,) = source["tables"]
    assert table["rows"] == table["source_rows"] == len(_crosswalk(test_data))
    assert "Mapping Career Causeways" in source["attribution"] and "MIT" in source["attribution"]


def test_crosswalked_code_has_the_esco_labels(kb, test_data: Path) -> None:
    labels = _esco_labels(test_data)
    rows = [r for r in _crosswalk(test_data) if r["onet_code"] in kb.titles]
    assert rows
    for row in rows[:100]:
        code = row["onet_code"]
        preferred, alternatives = labels[row["concept_uri"]]
        shown = kb.occupation(code).esco_labels
        for label in [preferred, *alternatives]:
            if label and label.casefold() != kb.titles[code].casefold():
                assert label in shown, (code, label)
        assert row["concept_uri"] in kb.onet_to_esco[code]
        assert code in kb.esco_to_onet[row["concept_uri"]]


def test_narrower_esco_occupations_inherit_the_code(kb, test_data: Path) -> None:
    direct = {r["concept_uri"] for r in _crosswalk(test_data) if r["onet_code"] in kb.titles}
    inherited = [(u, b) for u, b in kb.esco_occupation_broader.items()
                 if u not in direct and b in direct]
    assert inherited
    labels = _esco_labels(test_data)
    for uri, broader in inherited[:50]:
        assert kb.esco_to_onet[uri] == kb.esco_to_onet[broader]
        for code in kb.esco_to_onet[uri]:
            preferred = labels[uri][0]
            assert preferred in kb.esco_labels[code] or preferred.casefold() == (
                kb.titles[code].casefold()
            )


def test_stale_codes_are_carried_over_by_identical_title_or_counted(kb, test_data: Path) -> None:
    rows = _crosswalk(test_data)
    titles: dict[str, list[str]] = {}
    for code, title in kb.titles.items():
        titles.setdefault(title.casefold(), []).append(code)
    stale = [r for r in rows if r["onet_code"] not in kb.titles]
    by_title = [r for r in stale if len(titles.get(r["onet_occupation"].casefold(), [])) == 1]
    lost = len(stale) - len(by_title)
    assert by_title, "some stale rows have a current namesake"
    for row in by_title:
        (code,) = titles[row["onet_occupation"].casefold()]
        assert code in kb.esco_to_onet[row["concept_uri"]]
    warnings = [w for w in kb.meta["warnings"] if w.startswith("ESCO->O*NET crosswalk")]
    if lost:
        assert len(warnings) == 1
        assert f"{lost} of {len(rows)} rows" in warnings[0]
        assert f"{len(by_title)} more were carried over by identical title" in warnings[0]
    for uri, codes in kb.esco_to_onet.items():
        assert codes and all(c in kb.titles for c in codes), uri


def test_the_title_search_sees_esco_labels(kb) -> None:
    entries = [e for e in kb.title_entries() if e.source == "esco"]
    assert len(entries) == sum(len(v) for c, v in kb.esco_labels.items() if c in kb.titles)
    assert entries


# -- hand-written fixtures -----------------------------------------------------------------

HEADER = ("id,esco_occupation,isco_code,onet_code,onet_occupation,matching_job_titles,"
          "semantic_similarity,confidence,concept_uri")


def _onet_db(codes: list[str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    create_table(conn, ONET_TABLES[0])
    conn.executemany("INSERT INTO occupation (code, title) VALUES (?, ?)",
                     [(c, f"title {c}") for c in codes])
    return conn


def test_taxonomy_file_carries_stale_codes_over(tmp_path: Path) -> None:
    walk = tmp_path / "esco_onet_crosswalk_Nov2020.csv"
    walk.write_text(
        f"{HEADER}\n1,software analyst,2512,15-1132.00,software developers,[],0.8,1.0,"
        "http://e/occ/1\n2,nurse,2221,29-1141.00,nurses,[],0.9,2.0,http://e/occ/2\n"
    )
    conn = _onet_db(["15-1252.00", "29-1141.00"])
    warnings: list[str] = []
    record = CrosswalkSource(walk).load(conn, _noop, warnings.append)
    assert record.release == "Nov 2020"
    assert len(warnings) == 1 and "1 of 2 rows" in warnings[0] and "15-1132.00" in warnings[0]

    taxonomy = tmp_path / "2010_to_2019_Crosswalk.csv"
    taxonomy.write_text("O*NET-SOC 2010 Code,O*NET-SOC 2010 Title,O*NET-SOC 2019 Code,"
                        "O*NET-SOC 2019 Title\n15-1132.00,\"Software Developers, Applications\","
                        "15-1252.00,Software Developers\n")
    conn = _onet_db(["15-1252.00", "29-1141.00"])
    warnings = []
    record = CrosswalkSource(walk, taxonomy).load(conn, _noop, warnings.append)
    assert warnings == []
    assert [(t.table, t.rows, t.source_rows) for t in record.tables] == [
        ("esco_onet_crosswalk", 2, 2),
        ("onet_taxonomy_crosswalk", 1, 1),
    ]
    assert "O*NET-SOC 2010 to 2019" in record.attribution
    old = taxonomy_map(conn.execute("SELECT old_code, new_code FROM onet_taxonomy_crosswalk"))
    rows = conn.execute("SELECT esco_uri, onet_code, onet_title FROM esco_onet_crosswalk")
    current = {"15-1252.00": "Software Developers", "29-1141.00": "Registered Nurses"}
    mapped = esco_to_onet(rows, current, old,
                          {"http://e/occ/3": "http://e/occ/1"}, ["http://e/occ/3"])
    assert mapped == {"http://e/occ/1": ("15-1252.00",), "http://e/occ/2": ("29-1141.00",),
                      "http://e/occ/3": ("15-1252.00",)}
    assert CrosswalkSource(walk, taxonomy).fingerprint() != CrosswalkSource(walk).fingerprint()


def test_identical_title_carries_a_row_over_only_when_unambiguous() -> None:
    current = {"15-1211.00": "Computer Systems Analysts", "11-1011.00": "Chief Executives",
               "11-1011.03": "Chief Executives"}
    rows = [("a", "15-1121.00", "computer systems analysts"), ("b", "11-9999.00",
             "chief executives"), ("c", "15-1199.99", "no such title")]
    assert esco_to_onet(rows, current, {}, {}, []) == {"a": ("15-1211.00",)}


def test_inheritance_survives_a_cycle() -> None:
    mapped = esco_to_onet([], {}, {}, {"a": "b", "b": "a"}, ["a", "b"])
    assert mapped == {}


def test_bad_onet_code_names_file_and_line(tmp_path: Path) -> None:
    walk = tmp_path / "walk.csv"
    walk.write_text(f"{HEADER}\n1,a,1,11-1011.00,x,[],0.1,1.0,http://e/1\n"
                    "2,b,1,chief,x,[],0.1,1.0,http://e/2\n")
    with pytest.raises(RowError) as err:
        CrosswalkSource(walk).load(_onet_db([]), _noop, _noop)
    assert f"{walk}, line 3" in str(err.value) and "'chief'" in str(err.value)


def test_wrong_header(tmp_path: Path) -> None:
    walk = tmp_path / "walk.csv"
    walk.write_text(HEADER.replace("concept_uri", "uri") + "\n")
    with pytest.raises(HeaderError, match="'concept_uri'"):
        CrosswalkSource(walk).load(_onet_db([]), _noop, _noop)
