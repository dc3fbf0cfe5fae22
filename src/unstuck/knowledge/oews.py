"""Reading BLS OEWS wage tables, shared by the two OEWS sources (:mod:`.bls_wages`, national;
:mod:`.bls_areas`, states and metropolitan areas).

Inputs, as BLS or our shared data folder ship them:

* OEWS national: the BLS ``national_M20XX_dl`` table (``OCC_CODE``, ``TOT_EMP``,
  ``A_MEDIAN``...) as CSV, as the .xlsx BLS publishes, or inside the BLS zip
  (``oesm25nat.zip``); or the ``oews-20XX.sqlite(.gz)`` database built from the BLS
  time-series files (its national cells).
* OEWS areas: that database (state, metro and nonmetropolitan areas), or the BLS
  ``state_M20XX_dl`` / ``MSA_M20XX_dl`` / ``BOS_M20XX_dl`` tables (``AREA``, ``AREA_TITLE``,
  ``AREA_TYPE`` columns) as CSV, .xlsx or the BLS zips, one or several.

Excel workbooks are read with the standard library (:func:`~unstuck.knowledge.inputs.xlsx_rows`);
an error in one names the sheet and the row number Excel shows.

Wage cells are read raw because BLS markers mean different things: ``#`` (or footnote 5 in the
time-series data) is a top-coded wage, at least the published threshold; ``*``, ``**`` and
``-`` are "not published". Both become ``None`` - never a number we made up - and the top
coding is kept as footnote code 5 so the profile can say "at least $239,200". Every wage row
keeps its BLS footnote codes as ``FIELD=code;...``.

The in-memory side (O*NET code -> SOC figures, the notes, the area table) is
:mod:`unstuck.knowledge.wages`; the per-area blobs it loads are packed by :mod:`.bls_areas` at
build time. The Employment Projections are :mod:`.bls_projections`.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unstuck.knowledge.build import TableCount
from unstuck.knowledge.errors import DataError, HeaderError, RowError, SourceNotFoundError
from unstuck.knowledge.inputs import (
    csv_records,
    read_file,
    xlsx_rows,
    xlsx_sheet_names,
    xlsx_table_as_csv,
)
from unstuck.knowledge.tables import REAL, TEXT
from unstuck.knowledge.wages import OEWS_FIELDS, TOP_CODED, TOPCODE_RE, WAGE_COLUMNS

OEWS_ATTRIBUTION = (
    "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics ({release})."
)

#: What the product shows; a file without these cannot be used.
OEWS_REQUIRED = ("OCC_CODE", "TOT_EMP", "H_MEDIAN", "A_PCT10", "A_PCT25", "A_MEDIAN",
                 "A_PCT75", "A_PCT90")
_NOT_PUBLISHED = frozenset({"", "-", "*", "**", "—", "–", "n/a", "N/A"})
SOC_RE = re.compile(r"^\d{2}-\d{4}$")
_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d*)?|\.\d+")
_AREA_TYPES = {"1": "national", "2": "state", "3": "state", "4": "metro", "5": "metro",
               "6": "nonmetro"}


def ddl(table: str, columns: Sequence[tuple[str, str]]) -> str:
    return (
        f'CREATE TABLE IF NOT EXISTS "{table}" ('
        + ", ".join(f'"{n}" {t}' for n, t in columns)
        + ")"
    )


NATIONAL_COLS = (("occ_code", TEXT), ("occ_title", TEXT), ("o_group", TEXT),
                  *((c, REAL) for c in WAGE_COLUMNS), ("footnotes", TEXT))
AREA_COLS = (("area_code", TEXT), ("area_type", TEXT), ("state", TEXT), ("name", TEXT))
AREA_WAGE_COLS = (("area_code", TEXT), ("occ_code", TEXT), ("o_group", TEXT),
                   *((c, REAL) for c in WAGE_COLUMNS), ("footnotes", TEXT))
FOOTNOTE_COLS = (("code", TEXT), ("text", TEXT))
PACK_COLS = (("area_code", TEXT), ("socs", TEXT), ("vals", "BLOB"), ("footnotes", TEXT))


# -- parsing -------------------------------------------------------------------------------


def parse_number(
    raw: str, field: str, file: str, line: int | None, notes: list[str]
) -> float | None:
    value = raw.strip()
    if value == "#":
        notes.append(f"{field}={TOP_CODED}")
        return None
    if value in _NOT_PUBLISHED:
        return None
    if not _NUMBER_RE.fullmatch(value):  # float() alone would take "nan", "1e5", "-3"
        raise RowError(
            f"column '{field}' should be a number, found {value!r}", file=file, line=line
        )
    return float(value.replace(",", ""))


def _soc(raw: str, file: str, line: int | None) -> str:
    code = raw.strip()
    if len(code) == 6 and code.isdigit():  # time-series form 151252
        code = f"{code[:2]}-{code[2:]}"
    if not SOC_RE.match(code):
        raise RowError(
            f"column 'OCC_CODE' should be a SOC code like 15-1252, found {raw!r}",
            file=file,
            line=line,
        )
    return code


def _merge_notes(existing: str, notes: list[str]) -> str | None:
    parts = [p for p in existing.split(";") if p.strip()] if existing else []
    for n in notes:
        if n not in parts:
            parts.append(n)
    return ";".join(parts) or None


@dataclass
class _CsvWage:
    area: tuple[str, str, str | None, str] | None  # code, kind, state, name
    occ_code: str
    occ_title: str | None
    o_group: str | None
    values: list[float | None]
    footnotes: str | None


def csv_wages(data: bytes, file: str, *, need_area: bool) -> Iterator[_CsvWage]:
    required = OEWS_REQUIRED + (("AREA", "AREA_TITLE", "AREA_TYPE") if need_area else ())
    header, rows = csv_records(data, file, required)
    pos = {h: i for i, h in enumerate(header)}
    field_pos = [pos.get(f) for f in OEWS_FIELDS]
    naics = pos.get("NAICS")
    for line, fields in rows:
        if naics is not None and fields[naics] not in ("000000", "0"):
            raise RowError(
                f"industry-specific row (NAICS {fields[naics]}); unstuck reads the "
                "cross-industry files (national_M20XX_dl, state_M20XX_dl, MSA_M20XX_dl)",
                file=file,
                line=line,
            )
        notes: list[str] = []
        values = [
            None if p is None else parse_number(fields[p], f, file, line, notes)
            for f, p in zip(OEWS_FIELDS, field_pos, strict=True)
        ]
        for flag, prefix in (("ANNUAL", "H_"), ("HOURLY", "A_")):
            # BLS: ANNUAL=TRUE means only annual wages are released (footnote 4)
            if flag in pos and fields[pos[flag]].upper() == "TRUE":
                notes.extend(f"{f}=4" for f in OEWS_FIELDS if f.startswith(prefix))
        area = None
        if need_area:
            code = fields[pos["AREA"]]
            kind = _AREA_TYPES.get(fields[pos["AREA_TYPE"]])
            if not code or kind is None:
                raise RowError(
                    f"column 'AREA_TYPE' should be 1-6 (BLS area types), found "
                    f"{fields[pos['AREA_TYPE']]!r}"
                    if code
                    else "column 'AREA' is empty",
                    file=file,
                    line=line,
                )
            state = fields[pos["PRIM_STATE"]] if "PRIM_STATE" in pos else None
            area = (code, kind, state or None, fields[pos["AREA_TITLE"]])
        yield _CsvWage(
            area=area,
            occ_code=_soc(fields[pos["OCC_CODE"]], file, line),
            occ_title=fields[pos["OCC_TITLE"]] if "OCC_TITLE" in pos else None,
            o_group=(fields[pos["O_GROUP"]] or None) if "O_GROUP" in pos else None,
            values=values,
            footnotes=_merge_notes(
                fields[pos["FOOTNOTE_CODES"]] if "FOOTNOTE_CODES" in pos else "", notes
            ),
        )


@contextlib.contextmanager
def open_database(path: Path) -> Iterator[sqlite3.Connection]:
    """The OEWS time-series database, gunzipped to a temporary file when needed."""
    with tempfile.TemporaryDirectory(prefix="unstuck-oews-") as tmp:
        db = path
        if path.suffix == ".gz":
            import gzip

            db = Path(tmp) / path.stem
            try:
                with gzip.open(path, "rb") as src, open(db, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            except (OSError, EOFError) as exc:
                raise DataError(
                    f"not a readable gzip file ({exc}); download it again", file=str(path)
                ) from exc
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            try:
                conn.execute("SELECT key FROM cell LIMIT 1").fetchall()
                conn.execute("SELECT area_code, areatype_code FROM area LIMIT 1").fetchall()
            except sqlite3.DatabaseError as exc:
                raise HeaderError(
                    f"not an OEWS database (expected tables 'cell' and 'area': {exc})",
                    file=str(path),
                ) from exc
            yield conn
        finally:
            conn.close()


def database_meta(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT name, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return {}


_GROUPS = {0: "major", 1: "minor", 2: "broad", 3: "detailed"}


def _values(raw: Sequence[str | None], file: str, key: str, notes: list[str]) -> list[float | None]:
    """The 17 figures of one time-series cell; plain numbers take the fast path."""
    out: list[float | None] = []
    for field, value in zip(OEWS_FIELDS, raw, strict=True):
        if value is None or value == "-":
            out.append(None)
        elif value[:1].isdigit() and value.replace(".", "", 1).isdigit():
            out.append(float(value))
        else:
            out.append(parse_number(value, field, f"{file} (series {key})", None, notes))
    return out


def copy_database_wages(src: sqlite3.Connection, conn: sqlite3.Connection, file: str,
                       table: str, area_types: Sequence[str]) -> tuple[int, int]:
    """Copy the cross-industry cells of some area types from the OEWS database into ``table``,
    checked by the same rules as the CSV reader. Returns (rows stored, cells in the source)."""
    groups = {
        code: (name, "total" if code == "000000" else _GROUPS.get(level))
        for code, name, level in src.execute(
            "SELECT occupation_code, occupation_name, display_level FROM occupation"
        )
    }
    where = (f"substr(key, 12, 6) = '000000' AND substr(key, 4, 1) IN "
             f"({', '.join(repr(a) for a in area_types)})")

    def rows() -> Iterator[tuple[Any, ...]]:
        for row in src.execute(f"SELECT * FROM cell WHERE {where} ORDER BY key"):
            key = row[0]
            occ = key[17:23]
            if len(key) != 23 or not key.startswith("OEU") or not occ.isdigit():
                raise RowError(f"series id {key!r} is not an OEWS series id", file=file)
            notes: list[str] = []
            values = _values(row[1:18], file, key, notes)
            notes.extend(f"{f}={n}" for f, n in zip(OEWS_FIELDS, row[18:35], strict=True) if n)
            name, group = groups.get(occ, (None, None))
            soc = f"{occ[:2]}-{occ[2:]}"
            head = (soc, name, group) if table == "oews_national" else (key[4:11], soc, group)
            yield (*head, *values, _merge_notes("", notes))

    cols = NATIONAL_COLS if table == "oews_national" else AREA_WAGE_COLS
    stored = insert(conn, table, cols, rows())
    (expected,) = src.execute(f"SELECT COUNT(*) FROM cell WHERE {where}").fetchone()
    return stored, expected


def _read_footnotes_beside(path: Path) -> list[tuple[str, str]]:
    beside = path.parent / "footnotes.csv"
    if not beside.exists():
        return []
    data = beside.read_bytes()
    _, rows = csv_records(data, str(beside), ("footnote_code", "footnote_text"))
    return [(f[0], f[1]) for _, f in rows]


def release_beside(path: Path) -> str | None:
    manifest = path.parent / "manifest.json"
    if manifest.exists():
        with contextlib.suppress(ValueError, OSError, AttributeError):
            described = json.loads(manifest.read_text("utf-8")).get("release", {})
            if isinstance(described, dict) and described.get("description"):
                return str(described["description"])
    found = re.search(r"M(20\d\d)", path.name) or re.search(r"oesm(\d\d)", path.name)
    if found:
        year = found.group(1)
        return f"May {'20' + year if len(year) == 2 else year}"
    return None


def insert(conn: sqlite3.Connection, table: str, columns: Sequence[tuple[str, str]],
            rows: Iterable[Sequence[Any]]) -> int:
    conn.execute(ddl(table, columns))
    names = ", ".join(f'"{n}"' for n, _ in columns)
    marks = ", ".join("?" for _ in columns)
    return conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows).rowcount


def insert_footnotes(conn: sqlite3.Connection, notes: list[tuple[str, str]], file: str,
                      source_rows: int) -> TableCount:
    conn.execute(ddl("oews_footnote", FOOTNOTE_COLS))
    existing = {c for (c,) in conn.execute("SELECT code FROM oews_footnote")}
    fresh = [n for n in notes if n[0] not in existing]
    insert(conn, "oews_footnote", FOOTNOTE_COLS, fresh)
    return TableCount("oews_footnote", file, len(notes), source_rows)


def oews_table(path: Path) -> tuple[str, bytes, list[tuple[str, str]]]:
    """(file label, CSV bytes, footnotes) of an OEWS CSV, a BLS .xlsx download, or a BLS zip
    holding one of them (``oesm25nat.zip``)."""
    tables = oews_tables(path)
    if len(tables) != 1:
        raise DataError(
            f"the zip holds {len(tables)} OEWS tables ("
            + ", ".join(t[0].rsplit("!", 1)[-1] for t in tables)
            + "); give the national one (national_M20XX_dl)",
            file=str(path),
        )
    return tables[0]


def oews_tables(path: Path) -> list[tuple[str, bytes, list[tuple[str, str]]]]:
    """Every OEWS table of a CSV, an .xlsx, or a BLS zip (``oesm25ma.zip`` holds the metro and
    the nonmetropolitan tables). An .xlsx keeps its top-coding threshold in a field-description
    sheet rather than a footnotes file; that text is taken from there."""
    file = str(path)
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                members = sorted(
                    m for m in zf.namelist()
                    if re.search(r"_dl\.(xlsx|csv)$", m, re.IGNORECASE)
                )
                found = [(f"{file}!{m}", zf.read(m)) for m in members]
        except (zipfile.BadZipFile, OSError) as exc:
            raise DataError(f"not a readable zip ({exc}); download it again", file=file) from exc
        if not found:
            raise SourceNotFoundError(
                "the zip holds no OEWS table (a file named like national_M2025_dl.xlsx)", file=file
            )
        beside = _read_footnotes_beside(path)
        return [_oews_data(label, data, beside) for label, data in found]
    return [_oews_data(file, read_file(path), _read_footnotes_beside(path))]


def _oews_data(file: str, data: bytes, notes: list[tuple[str, str]]
               ) -> tuple[str, bytes, list[tuple[str, str]]]:
    if not file.lower().endswith(".xlsx"):
        return file, data, notes
    for sheet in xlsx_sheet_names(data, file):
        try:
            table = xlsx_table_as_csv(data, file, sheet=sheet, header_has="OCC_CODE",
                                      key_column="OCC_CODE")
        except HeaderError:
            continue
        if not notes:
            for other in xlsx_sheet_names(data, file):
                if other == sheet:
                    continue
                for _, cells in xlsx_rows(data, file, other):
                    found = next((c for c in cells if TOPCODE_RE.search(c)), None)
                    if found:
                        notes = [(TOP_CODED, found.strip())]
                        break
                if notes:
                    break
        return f"{file} (sheet {sheet!r})", table, notes
    raise HeaderError("no sheet has an 'OCC_CODE' column: not an OEWS workbook", file=file)


def notes_file(path: Path) -> str:
    beside = path.parent / "footnotes.csv"
    return str(beside) if beside.exists() else f"{path} (field descriptions)"


def is_database(path: Path) -> bool:
    return path.suffix == ".sqlite" or path.name.endswith((".sqlite.gz", ".db", ".db.gz"))
