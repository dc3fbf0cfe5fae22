"""BLS OEWS wages by state and metropolitan area (the ``bls-areas`` source): the OEWS database
or the BLS area tables, one file or several; packed per area for a fast load
(:func:`pack_area_wages`). How the files are read is :mod:`.oews`; the table in memory is
:class:`unstuck.knowledge.wages.AreaWageTable`.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path

from unstuck.knowledge.build import FingerprintOnce, SourceRecord, TableCount, WarnFn
from unstuck.knowledge.errors import SourceNotFoundError
from unstuck.knowledge.inputs import count_records, require_file, shorten
from unstuck.knowledge.oews import (
    AREA_COLS,
    AREA_WAGE_COLS,
    OEWS_ATTRIBUTION,
    PACK_COLS,
    copy_database_wages,
    csv_wages,
    database_meta,
    ddl,
    insert,
    insert_footnotes,
    is_database,
    notes_file,
    oews_tables,
    open_database,
    release_beside,
)
from unstuck.knowledge.sources import ProgressFn, sha256_file
from unstuck.knowledge.wages import SHOWN, SHOWN_POS, WAGE_COLUMNS, floats


class BlsAreasSource(FingerprintOnce):
    """OEWS wages by state and metropolitan area: the OEWS database, or BLS area CSV files."""

    name = "bls-areas"

    def __init__(
        self, paths: str | Path | Sequence[str | Path], release: str | None = None
    ) -> None:
        raw = [paths] if isinstance(paths, str | Path) else list(paths)
        if not raw:
            raise SourceNotFoundError("no BLS area wage file given")
        self.paths = [require_file(Path(p), "BLS OEWS area wages") for p in raw]
        self._release = release

    def _fingerprint(self) -> str:
        if len(self.paths) == 1:
            return sha256_file(self.paths[0])
        import hashlib

        digest = hashlib.sha256()
        for p in sorted(self.paths):
            digest.update(sha256_file(p).encode())
        return digest.hexdigest()

    def load(self, conn: sqlite3.Connection, progress: ProgressFn, warn: WarnFn) -> SourceRecord:
        record = SourceRecord(
            name=self.name,
            location=", ".join(str(p) for p in self.paths),
            sha256=self.fingerprint(),
            release="",
            attribution="",
        )
        conn.execute(ddl("oews_area", AREA_COLS))
        conn.execute(ddl("oews_area_wage", AREA_WAGE_COLS))
        releases = []
        for i, path in enumerate(self.paths, start=1):
            progress("parse BLS area wages", i, len(self.paths))
            if is_database(path):
                releases.append(self._load_sqlite(conn, path, record))
            else:
                releases.append(self._load_csv(conn, path, record))
        progress("pack BLS area wages", 0, None)
        pack_area_wages(conn)
        release = self._release or next((r for r in releases if r), "unknown")
        record.release = release
        record.attribution = OEWS_ATTRIBUTION.format(release=release)
        for path in self.paths:
            shorten(record.tables, path.parent)
        return record

    def _load_sqlite(self, conn: sqlite3.Connection, path: Path, record: SourceRecord) -> str:
        file = str(path)
        kinds = {"S": "state", "M": "metro"}
        with open_database(path) as src:
            meta = database_meta(src)
            areas = []
            for code, atype, state, name in src.execute(
                "SELECT area_code, areatype_code, state_code, area_name FROM area "
                "WHERE areatype_code IN ('S', 'M') ORDER BY area_code"
            ):
                kind = kinds[atype]
                if kind == "metro" and "nonmetropolitan" in name.lower():
                    kind = "nonmetro"
                areas.append((code, kind, state, name))
            stored = insert(conn, "oews_area", AREA_COLS, areas)
            record.tables.append(TableCount("oews_area", f"{file} (area table, states and "
                                            "metro areas)", stored, len(areas)))
            stored, expected = copy_database_wages(src, conn, file, "oews_area_wage", ("S", "M"))
            record.tables.append(TableCount(
                "oews_area_wage", f"{file} (state and metro cross-industry cells)", stored,
                expected))
            notes = list(src.execute("SELECT footnote_code, footnote_text FROM footnote"))
            record.tables.append(
                insert_footnotes(conn, notes, f"{file} (footnote table)", len(notes))
            )
        return meta.get("release", "")

    def _load_csv(self, conn: sqlite3.Connection, path: Path, record: SourceRecord) -> str:
        for file, data, notes in oews_tables(path):
            known = {code for (code,) in conn.execute("SELECT area_code FROM oews_area")}
            areas: dict[str, tuple[str, str, str | None, str]] = {}
            rows = []
            for w in csv_wages(data, file, need_area=True):
                assert w.area is not None
                if w.area[0] not in known:
                    areas.setdefault(w.area[0], w.area)
                rows.append((w.area[0], w.occ_code, w.o_group, *w.values, w.footnotes))
            insert(conn, "oews_area", AREA_COLS, list(areas.values()))
            stored = insert(conn, "oews_area_wage", AREA_WAGE_COLS, rows)
            record.tables.append(
                TableCount("oews_area_wage", file, stored, count_records(data, file))
            )
            if notes:
                record.tables.append(insert_footnotes(conn, notes, notes_file(path), len(notes)))
        return release_beside(path) or ""


# -- the packed area table --------------------------------------------------------------


def pack_area_wages(conn: sqlite3.Connection) -> None:
    """Derive ``oews_area_pack`` from ``oews_area_wage``: per area, its SOC codes, the shown
    figures as little-endian doubles (NaN = not published) and its footnotes. Loading 580 blobs
    takes milliseconds where 240,000 rows take seconds. SQLite renders each cell as one
    "soc|figures|footnotes" string, so Python only splits strings."""
    conn.execute("DROP TABLE IF EXISTS oews_area_pack")
    conn.execute(ddl("oews_area_pack", PACK_COLS))
    figures = " || ',' || ".join(f"ifnull({WAGE_COLUMNS[i]}, 'nan')" for i in SHOWN_POS)
    cursor = conn.execute(
        f"SELECT area_code, group_concat(occ_code || '|' || {figures} || '|' || "
        "ifnull(footnotes, ''), char(10)) FROM oews_area_wage GROUP BY area_code ORDER BY 1"
    )
    packs = []
    width = len(SHOWN)
    for area, cells in cursor.fetchall():
        socs: dict[str, int] = {}
        values = floats()
        notes: dict[int, str] = {}
        for cell in sorted(cells.split("\n")):
            soc, numbers, footnotes = cell.split("|")
            row = socs.setdefault(soc, len(socs))
            parsed = array("d", map(float, numbers.split(",")))
            if row * width < len(values):  # the same area and occupation twice: the later wins
                values[row * width : (row + 1) * width] = parsed
            else:
                values.extend(parsed)
            if footnotes:
                notes[row] = footnotes
        if sys.byteorder == "big":
            values.byteswap()
        packs.append((area, ",".join(socs), values.tobytes(),
                      json.dumps(notes) if notes else None))
    insert(conn, "oews_area_pack", PACK_COLS, packs)
