"""BLS OEWS national wages (the ``bls-wages`` source): the BLS ``national_M20XX_dl`` table as
CSV, .xlsx or the BLS zip, or the national cells of the OEWS database. How the files are read is
:mod:`.oews`; the figures in memory are :mod:`unstuck.knowledge.wages`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from unstuck.knowledge.build import FingerprintOnce, SourceRecord, TableCount, WarnFn
from unstuck.knowledge.inputs import count_records, require_file, shorten
from unstuck.knowledge.oews import (
    NATIONAL_COLS,
    OEWS_ATTRIBUTION,
    copy_database_wages,
    csv_wages,
    database_meta,
    ddl,
    insert,
    insert_footnotes,
    is_database,
    notes_file,
    oews_table,
    open_database,
    release_beside,
)
from unstuck.knowledge.sources import ProgressFn, sha256_file


class BlsWagesSource(FingerprintOnce):
    """National OEWS wages: the BLS ``national_M20XX_dl`` CSV layout or the OEWS database."""

    name = "bls-wages"

    def __init__(self, path: str | Path, release: str | None = None) -> None:
        self.path = require_file(Path(path), "BLS OEWS national wages")
        self._release = release

    def _fingerprint(self) -> str:
        return sha256_file(self.path)

    def load(self, conn: sqlite3.Connection, progress: ProgressFn, warn: WarnFn) -> SourceRecord:
        progress("parse BLS wages", 0, None)
        file = str(self.path)
        record = SourceRecord(
            name=self.name, location=file, sha256=self.fingerprint(), release="", attribution=""
        )
        conn.execute(ddl("oews_national", NATIONAL_COLS))
        if is_database(self.path):
            with open_database(self.path) as src:
                meta = database_meta(src)
                notes = list(src.execute("SELECT footnote_code, footnote_text FROM footnote"))
                stored, expected = copy_database_wages(src, conn, file, "oews_national", ("N",))
            record.tables.append(
                TableCount(
                    "oews_national", f"{file} (national cross-industry cells)", stored, expected
                )
            )
            record.tables.append(
                insert_footnotes(conn, notes, f"{file} (footnote table)", len(notes))
            )
            release = self._release or meta.get("release") or "unknown"
        else:
            label, data, notes = oews_table(self.path)
            rows = [
                (w.occ_code, w.occ_title, w.o_group, *w.values, w.footnotes)
                for w in csv_wages(data, label, need_area=False)
            ]
            stored = insert(conn, "oews_national", NATIONAL_COLS, rows)
            record.tables.append(
                TableCount("oews_national", label, stored, count_records(data, label))
            )
            if notes:
                record.tables.append(insert_footnotes(conn, notes, notes_file(self.path),
                                                       len(notes)))
            else:
                record.missing.append("footnotes.csv")
                warn(
                    f"BLS wages: no footnotes.csv beside {self.path.name}; without it: the "
                    "top-coding threshold is not shown for top-coded wages."
                )
            release = self._release or release_beside(self.path) or "unknown"
        record.release = release
        record.attribution = OEWS_ATTRIBUTION.format(release=release)
        shorten(record.tables, self.path.parent)
        return record
