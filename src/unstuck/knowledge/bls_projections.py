"""BLS Employment Projections (the ``bls-projections`` source): Table 1.2, from the BLS workbook
``occupation.xlsx`` or saved as CSV. Its headers carry the projection years ("Employment, 2024",
"Employment change, percent, 2024–34"), so columns are found by pattern and the period is read
from them. The outlook in memory is :func:`unstuck.knowledge.wages.load_outlook`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from unstuck.knowledge.build import FingerprintOnce, SourceRecord, WarnFn, load_table
from unstuck.knowledge.errors import DataError, HeaderError, RowError
from unstuck.knowledge.inputs import (
    csv_records,
    read_file,
    require_file,
    shorten,
    xlsx_sheet_names,
    xlsx_table_as_csv,
)
from unstuck.knowledge.oews import SOC_RE
from unstuck.knowledge.sources import ProgressFn, sha256_file
from unstuck.knowledge.tables import REAL, TEXT, Column, Table

PROJECTIONS_ATTRIBUTION = "U.S. Bureau of Labor Statistics, Employment Projections {period}."

_EP_CODE = "National Employment Matrix code"
_EP_PATTERNS: tuple[tuple[str, str, str, bool], ...] = (
    # (column name, header pattern, type, required)
    ("title", r"National Employment Matrix title$", TEXT, True),
    ("code", r"National Employment Matrix code$", TEXT, True),
    ("occupation_type", r"^Occupation type$", TEXT, False),
    ("employment_start", r"^Employment, (\d{4})$", REAL, True),
    ("employment_end", r"^Employment, (\d{4})$", REAL, True),
    ("change_numeric", r"^Employment change, numeric", REAL, False),
    ("change_percent", r"^Employment change, percent", REAL, True),
    ("self_employed_percent", r"^Percent self employed", REAL, False),
    ("openings", r"^Occupational openings", REAL, True),
    # TEXT: BLS writes top-coded wages as ">=$239,200"
    ("median_wage", r"^Median annual wage", TEXT, False),
    ("typical_education", r"^Typical education needed for entry", TEXT, False),
    ("work_experience", r"^Work experience in a related occupation", TEXT, False),
    ("training", r"^Typical on-the-job training", TEXT, False),
)


def projections_table(header: Sequence[str], file: str) -> tuple[Table, str]:
    """The Table 1.2 spec for this file's exact headers, and the projection period."""
    columns: list[Column] = []
    used: set[str] = set()
    missing = []
    for name, pattern, type_, required in _EP_PATTERNS:
        match = next((h for h in header if h not in used and re.search(pattern, h)), None)
        if match is None:
            if required:
                missing.append(pattern.strip("^$"))
            continue
        used.add(match)
        nullable = name not in ("code", "title")
        columns.append(Column(match, name, type_, nullable=nullable))
    if missing:
        raise HeaderError(
            "not BLS Employment Projections Table 1.2: no column like "
            + ", ".join(repr(m) for m in missing)
            + " (the header has: "
            + ", ".join(repr(h) for h in header[:8])
            + ")",
            file=file,
            line=1,
        )
    period = "unknown"
    change = next(c.header for c in columns if c.name == "change_percent")
    years = re.search(r"(\d{4})\s*[–-]\s*(\d{2,4})", change)
    if years:
        period = f"{years.group(1)}–{years.group(2)[-2:]}"
    table = Table(
        file=file,
        table="bls_projection",
        columns=tuple(columns),
        delimiter=",",
        degrades="employment outlook (growth, openings), self-employment share",
    )
    return table, period


class BlsProjectionsSource(FingerprintOnce):
    """BLS Employment Projections, Table 1.2 (occupational projections) as CSV."""

    name = "bls-projections"

    def __init__(self, path: str | Path) -> None:
        self.path = require_file(Path(path), "BLS Employment Projections Table 1.2")

    def _fingerprint(self) -> str:
        return sha256_file(self.path)

    def load(self, conn: sqlite3.Connection, progress: ProgressFn, warn: WarnFn) -> SourceRecord:
        progress("parse BLS projections", 0, None)
        file = str(self.path)
        if self.path.suffix.lower() == ".xls":
            raise DataError(
                "an old-style .xls workbook: give the .xlsx workbook BLS publishes, or its "
                "sheet 'Table 1.2' saved as CSV (UTF-8)",
                file=file,
            )
        data = read_file(self.path)
        if self.path.suffix.lower() == ".xlsx":
            sheets = xlsx_sheet_names(data, file)
            sheet = "Table 1.2" if "Table 1.2" in sheets else None
            file = f"{file} (sheet {sheet or sheets[0]!r})"
            data = xlsx_table_as_csv(data, file, sheet=sheet, header_has=_EP_CODE,
                                     key_column=_EP_CODE)
        header, _ = csv_records(data, file, ())
        table, period = projections_table(header, file)
        counts = load_table(conn, table, data, file)
        self._check_codes(conn, file)
        shorten([counts], self.path.parent)
        return SourceRecord(
            name=self.name,
            location=str(self.path),
            sha256=self.fingerprint(),
            release=period,
            attribution=PROJECTIONS_ATTRIBUTION.format(period=period),
            tables=[counts],
        )

    @staticmethod
    def _check_codes(conn: sqlite3.Connection, file: str) -> None:
        for n, (code,) in enumerate(conn.execute("SELECT code FROM bls_projection"), start=1):
            if not SOC_RE.match(code):
                raise RowError(
                    f"column 'National Employment Matrix code' should be a SOC code like "
                    f"15-1252, found {code!r} (data row {n})",
                    file=file,
                )
