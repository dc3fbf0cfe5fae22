"""Declarative table specs and the strict tab/CSV reader they share.

A :class:`Table` names its source file, the columns it needs (by header name, so column order
and extra columns do not matter), their types, and what the product loses when the file is
absent. :func:`read_rows` yields typed rows or raises an error that names the file and line.
Missing values (``n/a``, empty cells, BLS ``-``/``—``) become ``None``: never zero.
:func:`query` reads a built table back, every loader's one way of doing so.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from unstuck.knowledge.errors import EncodingError, HeaderError, RowError

TEXT = "TEXT"
REAL = "REAL"
INT = "INTEGER"
FLAG = "FLAG"  # Y/N -> 1/0

MISSING = frozenset({"", "n/a", "N/A", "NA", "-", "—", "–", "*", "**", "#"})


@dataclass(frozen=True)
class Column:
    header: str
    name: str
    type: str = TEXT
    optional: bool = False  # absent in some releases: None when the header lacks it
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    file: str
    table: str
    columns: tuple[Column, ...]
    required: bool = False
    degrades: str = ""
    delimiter: str = "\t"
    #: extra columns added to every row (e.g. area type for BLS), name -> value
    constants: tuple[tuple[str, Any], ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns] + [k for k, _ in self.constants]

    def ddl(self) -> str:
        cols = []
        for c in self.columns:
            sqltype = INT if c.type == FLAG else c.type
            cols.append(f'"{c.name}" {sqltype}')
        for k, v in self.constants:
            cols.append(f'"{k}" {"INTEGER" if isinstance(v, int) else "TEXT"}')
        return f'CREATE TABLE IF NOT EXISTS "{self.table}" ({", ".join(cols)})'


def decode(data: bytes, file: str) -> str:
    """UTF-8 text of a source file (a BOM is dropped); the error names the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); the "
            "publisher's files are UTF-8: use the downloaded file rather than a re-saved copy "
            "(spreadsheet programs often re-save CSV files in another encoding)",
            file=file,
            line=line,
        ) from exc
    return text.removeprefix("\ufeff")


def query(conn: sqlite3.Connection, sql: str, *args: Any) -> list[Any]:
    """The rows of ``sql`` on a built knowledge base; none when a table it reads is absent
    (the source that adds it was not installed, or this build predates it): the data stays
    missing, never an error."""
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError:
        return []


def _converter(col: Column, file: str) -> Callable[[str, int], Any]:
    def conv(raw: str, line: int) -> Any:
        value = raw.strip()
        if value in MISSING:
            if not col.nullable:
                raise RowError(f"column '{col.header}' is empty", file=file, line=line)
            return None
        if col.type == TEXT:
            return value
        if col.type == FLAG:
            if value in ("Y", "y", "Yes", "yes", "True", "true", "1"):
                return 1
            if value in ("N", "n", "No", "no", "False", "false", "0"):
                return 0
            raise RowError(
                f"column '{col.header}' should be Y or N, found {value!r}", file=file, line=line
            )
        try:
            cleaned = value.replace(",", "")
            if col.type == INT:
                number = float(cleaned)
                if not number.is_integer():
                    raise ValueError(value)
                return int(number)
            return float(cleaned)
        except ValueError:
            raise RowError(
                f"column '{col.header}' should be a number, found {value!r}", file=file, line=line
            ) from None

    return conv


def _split_lines(text: str, table: Table) -> Iterator[tuple[int, list[str]]]:
    if table.delimiter == "\t":
        for n, line in enumerate(text.split("\n"), start=1):
            line = line.rstrip("\r")
            if not line.strip():
                continue
            yield n, line.split("\t")
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=table.delimiter)
        for fields in reader:
            if not fields or all(not f.strip() for f in fields):
                continue
            yield reader.line_num, fields


def read_rows(data: bytes, table: Table, file: str | None = None) -> Iterator[tuple[Any, ...]]:
    """Typed rows of ``table`` from ``data`` (the whole file), strictly checked."""
    name = file or table.file
    text = decode(data, name)
    lines = _split_lines(text, table)
    try:
        _, header = next(lines)
    except StopIteration:
        raise HeaderError("the file is empty (no header line)", file=name, line=1) from None
    header = [h.strip() for h in header]
    positions: list[int | None] = []
    missing = []
    for col in table.columns:
        if col.header in header:
            positions.append(header.index(col.header))
        elif col.optional:
            positions.append(None)
        else:
            missing.append(col.header)
    if missing:
        found = ", ".join(repr(h) for h in header[:12])
        raise HeaderError(
            "missing column" + ("s " if len(missing) > 1 else " ")
            + ", ".join(repr(m) for m in missing) + f" (the header has: {found})",
            file=name,
            line=1,
        )
    convs = [_converter(c, name) for c in table.columns]
    width = len(header)
    extra = tuple(v for _, v in table.constants)
    for line, fields in lines:
        if len(fields) != width:
            raise RowError(
                f"expected {width} fields, found {len(fields)}", file=name, line=line
            )
        yield tuple(
            None if pos is None else conv(fields[pos], line)
            for pos, conv in zip(positions, convs, strict=True)
        ) + extra


def count_data_rows(data: bytes, table: Table) -> int | None:
    """Non-blank lines after the header, counted on the raw bytes (a check independent of the
    parser) for tab-separated files; None for CSV, where a quoted field may span lines and only
    the parse itself can count rows."""
    if table.delimiter != "\t":
        return None
    return sum(1 for line in data.split(b"\n") if line.strip()) - 1


def cols(*specs: Sequence[Any]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in specs)
