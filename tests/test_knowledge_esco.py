"""ESCO: the real v1.1.1 export (counts, labels, relations) and error paths on tiny files."""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from pathlib import Path

import pytest

from unstuck.knowledge.errors import EncodingError, HeaderError, MissingFileError, RowError
from unstuck.knowledge.esco import ESCO_TABLES, EscoSource, pack_relations, split_labels


def _noop(*args: object) -> None:
    return None


def _esco(data: Path) -> Path:
    return data / "esco" / "v1.1.1"


def _records(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_esco_table_count_matches_its_source_file(kb, test_data: Path) -> None:
    (esco,) = [s for s in kb.meta["sources"] if s["name"] == "esco"]
    assert esco["release"] == "1.1.1"
    assert esco["missing"] == []
    by_file = {Path(t["file"]).name: t for t in esco["tables"]}
    assert set(by_file) == {t.file for t in ESCO_TABLES}
    for name, table in by_file.items():
        expected = len(_records(_esco(test_data) / name))
        assert table["rows"] == table["source_rows"] == expected, name


def test_skills_in_memory_equal_the_csv(kb, test_data: Path) -> None:
    rows = _records(_esco(test_data) / "skills_en.csv")
    assert len(kb.esco_skills) == len(rows)
    for row in rows[:200]:
        skill = kb.esco_skills[row["conceptUri"]]
        assert skill.label == row["preferredLabel"].strip()  # the reader strips cells
        assert skill.skill_type == (row["skillType"] or None)
        expected = {a.strip() for a in row["altLabels"].split("\n") if a.strip()}
        assert set(skill.alt_labels) == expected - {row["preferredLabel"].strip()}
    green = {r["conceptUri"] for r in _records(_esco(test_data) / "greenSkillsCollection_en.csv")}
    tagged = {u for u, s in kb.esco_skills.items() if "green" in s.collections}
    assert tagged == green & set(kb.esco_skills)


def test_occupation_skill_relations_equal_the_csv(kb, test_data: Path) -> None:
    rows = _records(_esco(test_data) / "occupationSkillRelations.csv")
    first = rows[0]["occupationUri"]
    essential = [r["skillUri"] for r in rows if r["occupationUri"] == first
                 and r["relationType"] == "essential"]
    optional = [r["skillUri"] for r in rows if r["occupationUri"] == first
                and r["relationType"] != "essential"]
    links = kb.esco_occupation_skills[first]
    assert list(links.essential) == essential
    assert list(links.optional) == optional
    known = set(kb.esco_occupations)
    kept = sum(1 for r in rows if r["occupationUri"] in known and r["skillUri"] in kb.esco_skills)
    total = sum(len(v.essential) + len(v.optional) for v in kb.esco_occupation_skills.values())
    assert total == kept
    dangling = len(rows) - kept
    if dangling:
        assert any(f"{dangling} of {len(rows)} occupation-skill relations" in w
                   for w in kb.meta["warnings"])


def test_occupation_hierarchy_links_narrower_to_broader(kb, test_data: Path) -> None:
    rows = _records(_esco(test_data) / "broaderRelationsOccPillar.csv")
    occ_links = [r for r in rows if r["conceptType"] == "Occupation"
                 and r["broaderType"] == "Occupation"]
    assert len(kb.esco_occupation_broader) == len(occ_links)
    for r in occ_links[:50]:
        assert kb.esco_occupation_broader[r["conceptUri"]] == r["broaderUri"]


def test_attribution(kb) -> None:
    text = " ".join(kb.attributions)
    assert "This service uses the ESCO classification of the European Commission." in text
    assert "CC BY 4.0" in text


# -- hand-written fixtures -----------------------------------------------------------------

OCC_HEADER = "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,status,code,description"
SKILL_HEADER = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description"
OCC = 'Occupation,http://e/occ/1,2512,software developer,"programmer\nsoftware developer",released,2512.4,Writes software.\n'  # noqa: E501
SKILL = 'KnowledgeSkillCompetence,http://e/skill/1,knowledge,cross-sector,Python,"python programming\nPython",A language.\n'  # noqa: E501
RELATIONS = "occupationUri,relationType,skillType,skillUri\nhttp://e/occ/1,essential,knowledge,http://e/skill/1\n"


def _folder(tmp_path: Path, **files: str | bytes) -> Path:
    folder = tmp_path / "esco-v9.8.7"
    folder.mkdir(exist_ok=True)
    content = {"occupations_en.csv": f"{OCC_HEADER}\n{OCC}", "skills_en.csv":
               f"{SKILL_HEADER}\n{SKILL}", "occupationSkillRelations.csv": RELATIONS}
    content.update({k.replace("__", "."): v for k, v in files.items()})
    for name, text in content.items():
        if text is None:
            continue
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def _load(source: EscoSource) -> tuple[sqlite3.Connection, object, list[str]]:
    conn = sqlite3.connect(":memory:")
    warnings: list[str] = []
    record = source.load(conn, _noop, warnings.append)
    return conn, record, warnings


def test_minimal_export_loads_and_warns_about_each_absent_optional_file(tmp_path: Path) -> None:
    conn, record, warnings = _load(EscoSource(_folder(tmp_path)))
    assert record.release == "9.8.7"
    assert [(t.table, t.rows, t.source_rows) for t in record.tables] == [
        ("esco_occupation", 1, 1),
        ("esco_skill", 1, 1),
        ("esco_occupation_skill", 1, 1),
    ]
    absent = {t.file for t in ESCO_TABLES} - {
        "occupations_en.csv",
        "skills_en.csv",
        "occupationSkillRelations.csv",
    }
    assert set(record.missing) == absent
    assert len(warnings) == len(absent)
    assert any("greenSkillsCollection_en.csv" in w and "'green' skill collection" in w
               for w in warnings)
    label, alt = conn.execute("SELECT label, alt_labels FROM esco_occupation").fetchone()
    assert label == "software developer" and split_labels(alt, label) == ("programmer",)


def test_zip_input_is_read_like_a_folder(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    archive = tmp_path / "ESCO dataset - v1.2.3 - classification - en - csv.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.iterdir():
            zf.write(path, f"inner/{path.name}")
    conn, record, _ = _load(EscoSource(archive))
    assert record.release == "1.2.3"
    assert conn.execute("SELECT COUNT(*) FROM esco_occupation_skill").fetchone() == (1,)
    assert EscoSource(archive).fingerprint() == record.sha256


def test_fingerprint_follows_content(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = EscoSource(folder).fingerprint()
    (folder / "skills_en.csv").write_text(f"{SKILL_HEADER}\n{SKILL.replace('Python', 'Rust')}")
    assert EscoSource(folder).fingerprint() != before


def test_missing_required_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "skills_en.csv").unlink()
    with pytest.raises(MissingFileError, match="skills_en.csv"):
        _load(EscoSource(folder))


def test_wrong_header_names_the_file(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, occupations_en__csv=f"{OCC_HEADER.replace('conceptUri', 'uri')}\n{OCC}"
    )
    with pytest.raises(HeaderError) as err:
        _load(EscoSource(folder))
    assert "occupations_en.csv, line 1" in str(err.value) and "'conceptUri'" in str(err.value)


def test_empty_uri_names_file_and_line(tmp_path: Path) -> None:
    bad = SKILL + SKILL.replace("http://e/skill/1", "")
    folder = _folder(tmp_path, skills_en__csv=f"{SKILL_HEADER}\n{bad}")
    with pytest.raises(RowError) as err:
        _load(EscoSource(folder))
    # the first record spans lines 2-3 (a two-line label cell); the second ends on line 5
    assert "skills_en.csv, line 5" in str(err.value) and "'conceptUri'" in str(err.value)


def test_non_utf8(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, skills_en__csv=f"{SKILL_HEADER}\n{SKILL}".encode() + "Caf\xe9\n".encode("latin-1")
    )
    with pytest.raises(EncodingError) as err:
        _load(EscoSource(folder))
    assert "skills_en.csv, line 4" in str(err.value)


def test_relations_from_another_version_are_an_error(tmp_path: Path) -> None:
    rows = "".join(f"http://e/occ/{i},essential,knowledge,http://e/skill/{i}\n" for i in range(200))
    folder = _folder(tmp_path, occupationSkillRelations__csv="occupationUri,relationType,"
                     f"skillType,skillUri\n{rows}")
    with pytest.raises(RowError, match="different ESCO versions"):
        _load(EscoSource(folder))


def test_pack_keeps_relation_order_and_type(tmp_path: Path) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE esco_occupation_skill (occupation_uri, relation, skill_type, "
                 "skill_uri)")
    conn.executemany("INSERT INTO esco_occupation_skill VALUES (?, ?, NULL, ?)", [
        ("o1", "essential", "s3"), ("o1", "optional", "s1"), ("o1", "essential", "s2"),
        ("o2", "optional", "s9")])
    pack_relations(conn)
    assert conn.execute("SELECT * FROM esco_occupation_skill_pack ORDER BY 1").fetchall() == [
        ("o1", "s3 s2", "s1"),
        ("o2", "", "s9"),
    ]
