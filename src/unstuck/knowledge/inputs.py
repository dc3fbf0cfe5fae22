"""Reading the files of the optional sources (ESCO, BLS, crosswalks).

The O*NET release has its own opener (:mod:`unstuck.knowledge.sources`: downloads, pinned
checksums). The optional sources are always local files a person downloaded, in whatever shape
the publisher ships them: a single CSV, a gzip, a zip of CSVs, or a folder of them. A
:class:`FileSet` hides that shape behind "base name -> bytes" and fingerprints exactly the bytes
the build depends on. :func:`csv_records` is the raw, strict CSV reader for loaders that must
see a cell before it is turned into ``None`` (BLS marks top-coded wages with ``#``); loaders
that do not need that use :func:`unstuck.knowledge.build.load_table`.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from unstuck.knowledge.build import TableCount
from unstuck.knowledge.errors import (
    CorruptArchiveError,
    HeaderError,
    RowError,
    SourceNotFoundError,
)
from unstuck.knowledge.tables import decode


def require_file(path: Path, what: str) -> Path:
    if not path.exists():
        raise SourceNotFoundError(f"no such file or folder ({what})", file=str(path))
    if not path.is_file():
        raise SourceNotFoundError(f"this is a folder; give the file itself ({what})",
                                  file=str(path))
    return path


def shorten(counts: Iterable[TableCount], base: Path) -> None:
    """Name each table's source file relative to ``base`` (the source's folder): the status
    table shows "occupations_en.csv", not a path cut short; errors keep the full path."""
    prefix = str(base).rstrip("/") + "/"
    for count in counts:
        count.file = count.file.removeprefix(prefix)


def read_file(path: Path) -> bytes:
    """The bytes of ``path``, gunzipped when it ends in ``.gz``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceNotFoundError("the file does not exist", file=str(path)) from None
    except OSError as exc:
        raise SourceNotFoundError(f"cannot read the file ({exc})", file=str(path)) from exc
    if path.suffix == ".gz":
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise CorruptArchiveError(
                f"not a readable gzip file ({exc}); download it again", file=str(path)
            ) from exc
    return raw


class FileSet:
    """CSV files by base name, from a folder (searched recursively, zips inside included) or a
    zip. The fingerprint covers only the files the loader reads, in name order."""

    def __init__(self, path: Path, suffixes: Sequence[str] = (".csv",)) -> None:
        self.path = path
        self.location = str(path)
        self._files: dict[str, Path] = {}
        self._zipped: dict[str, tuple[Path, str]] = {}
        if not path.exists():
            raise SourceNotFoundError("no such file or folder", file=str(path))
        if path.is_dir():
            for found in sorted(path.rglob("*"), key=lambda p: (len(p.parts), str(p))):
                if found.is_file() and found.suffix.lower() in suffixes:
                    self._files.setdefault(found.name, found)
            for zpath in sorted(path.rglob("*.zip")):
                self._index_zip(zpath, suffixes)
        elif zipfile.is_zipfile(path):
            self._index_zip(path, suffixes)
        else:
            raise SourceNotFoundError(
                "expected a folder of CSV files or a zip of them", file=str(path)
            )

    def _index_zip(self, zpath: Path, suffixes: Sequence[str]) -> None:
        try:
            with zipfile.ZipFile(zpath) as zf:
                for member in zf.namelist():
                    name = member.rsplit("/", 1)[-1]
                    if Path(name).suffix.lower() in suffixes and name not in self._files:
                        self._zipped.setdefault(name, (zpath, member))
        except (zipfile.BadZipFile, OSError) as exc:
            raise CorruptArchiveError(
                f"not a readable zip ({exc}); download it again", file=str(zpath)
            ) from exc

    def has(self, name: str) -> bool:
        return name in self._files or name in self._zipped

    def where(self, name: str) -> str:
        if name in self._files:
            return str(self._files[name])
        zpath, member = self._zipped[name]
        return f"{zpath}!{member}"

    def read_bytes(self, name: str) -> bytes:
        if name in self._files:
            return self._files[name].read_bytes()
        zpath, member = self._zipped[name]
        try:
            with zipfile.ZipFile(zpath) as zf:
                return zf.read(member)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise CorruptArchiveError(
                f"cannot read {member} from the zip ({exc}); download it again", file=str(zpath)
            ) from exc

    def fingerprint(self, names: Sequence[str]) -> str:
        digest = hashlib.sha256()
        for name in sorted(n for n in names if self.has(n)):
            digest.update(f"{name}\n".encode())
            digest.update(hashlib.sha256(self.read_bytes(name)).digest())
        return digest.hexdigest()


def csv_records(
    data: bytes,
    file: str,
    required: Sequence[str],
    *,
    delimiter: str = ",",
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and the raw records (line number, fields) of a CSV file, strictly checked.

    Raises :class:`HeaderError` when a required column is absent; the iterator raises
    :class:`RowError` for a record whose field count differs from the header's. Cells are
    returned unchanged (stripped): the caller decides what a marker such as ``#`` means.
    """
    text = decode(data, file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        first = next(reader)
        while not any(f.strip() for f in first):  # blank lines before the header
            first = next(reader)
        header = [h.strip() for h in first]
    except StopIteration:
        raise HeaderError("the file is empty (no header line)", file=file, line=1) from None
    except csv.Error as exc:
        raise HeaderError(f"unreadable header ({exc})", file=file, line=1) from exc
    missing = [h for h in required if h not in header]
    if missing:
        found = ", ".join(repr(h) for h in header[:12])
        raise HeaderError(
            "missing column" + ("s " if len(missing) > 1 else " ")
            + ", ".join(repr(m) for m in missing) + f" (the header has: {found})",
            file=file,
            line=1,
        )

    def rows() -> Iterator[tuple[int, list[str]]]:
        width = len(header)
        try:
            for fields in reader:
                if not fields or all(not f.strip() for f in fields):
                    continue
                if len(fields) != width:
                    raise RowError(
                        f"expected {width} fields, found {len(fields)}",
                        file=file,
                        line=reader.line_num,
                    )
                yield reader.line_num, [f.strip() for f in fields]
        except csv.Error as exc:
            raise RowError(f"malformed CSV ({exc})", file=file, line=reader.line_num) from exc

    return header, rows()


def count_records(data: bytes, file: str, delimiter: str = ",") -> int:
    """Data records in a CSV file (header excluded, blank lines skipped), counted independently
    of any loader, for the row counts ``unstuck data status`` compares."""
    reader = csv.reader(io.StringIO(decode(data, file), newline=""), delimiter=delimiter)
    return sum(1 for fields in reader if fields and any(f.strip() for f in fields)) - 1


# -- Excel workbooks -----------------------------------------------------------------------

_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_M = "{" + _NS["m"] + "}"


def _column_index(ref: str) -> int:
    index = 0
    for ch in ref:
        if not ch.isalpha():
            break
        index = index * 26 + (ord(ch.upper()) - 64)
    return index - 1


def xlsx_sheet_names(data: bytes, file: str) -> list[str]:
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise CorruptArchiveError(f"not a readable Excel workbook ({exc})", file=file) from exc
    return [s.get("name", "") for s in book.iter(f"{_M}sheet")]


def xlsx_rows(data: bytes, file: str, sheet: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts) of one sheet of an .xlsx workbook (the first when ``sheet`` is
    None), with the standard library only: BLS workbooks hold plain strings and numbers, which
    is all this reads (a cell's cached value; no dates, no styles)."""
    from xml.etree import ElementTree

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        sheets = [(s.get("name", ""), s.get(f"{{{_NS['r']}}}id")) for s in book.iter(f"{_M}sheet")]
        if not sheets:
            raise KeyError("no sheets")
        chosen = sheets[0] if sheet is None else next((s for s in sheets if s[0] == sheet), None)
        if chosen is None:
            raise SourceNotFoundError(
                f"the workbook has no sheet {sheet!r} (it has: "
                + ", ".join(repr(n) for n, _ in sheets) + ")",
                file=file,
            )
        target = next(r.get("Target", "") for r in rels if r.get("Id") == chosen[1])
        target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        shared: list[str] = []
        if "xl/sharedStrings.xml" in zf.namelist():
            root = ElementTree.fromstring(zf.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{_M}t")) for si in root]
        stream = zf.open(target)
    except (zipfile.BadZipFile, KeyError, StopIteration, ElementTree.ParseError) as exc:
        raise CorruptArchiveError(f"not a readable Excel workbook ({exc})", file=file) from exc

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for _, elem in ElementTree.iterparse(stream):
                if elem.tag != f"{_M}row":
                    continue
                cells: list[str] = []
                for c in elem.iter(f"{_M}c"):
                    col = _column_index(c.get("r", "")) if c.get("r") else len(cells)
                    kind = c.get("t")
                    if kind == "inlineStr":
                        text = "".join(t.text or "" for t in c.iter(f"{_M}t"))
                    else:
                        v = c.find(f"{_M}v")
                        text = v.text or "" if v is not None else ""
                        if kind == "s" and text:
                            text = shared[int(text)]
                        elif kind == "b":
                            text = "TRUE" if text == "1" else "FALSE"
                    cells.extend([""] * (col - len(cells)))
                    cells.append(text)
                yield int(elem.get("r", "0")), cells
                elem.clear()
        except ElementTree.ParseError as exc:
            raise CorruptArchiveError(f"not a readable Excel workbook ({exc})", file=file) from exc
        finally:
            stream.close()
            zf.close()

    return rows()


def xlsx_table_as_csv(
    data: bytes,
    file: str,
    *,
    sheet: str | None,
    header_has: str,
    key_column: str | None = None,
) -> bytes:
    """One table of a workbook sheet as CSV bytes whose line numbers are the sheet's row
    numbers (rows before the header become blank lines, which the readers skip), so an error
    names the row a person sees in Excel. The table starts at the first row with a cell
    containing ``header_has`` and ends before the first row whose key column (the first header
    containing ``key_column``) is empty: the footnotes under the table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    written = 0
    header: list[str] | None = None
    key = -1
    for number, cells in xlsx_rows(data, file, sheet):
        cells = [c.replace("\r", " ").replace("\n", " ") for c in cells]
        if header is None:
            if not any(header_has in c for c in cells):
                continue
            header = [c.strip() for c in cells]
            while header and not header[-1]:
                header.pop()
            key = next((i for i, h in enumerate(header) if key_column and key_column in h), -1)
        elif key >= 0 and (len(cells) <= key or not cells[key].strip()):
            break
        out.write("\n" * (number - 1 - written))
        row = (cells + [""] * len(header))[: len(header)]
        writer.writerow(row)
        written = number
    if header is None:
        raise HeaderError(
            f"no header row with a column like {header_has!r}"
            + (f" in sheet {sheet!r}" if sheet else ""),
            file=file,
        )
    return out.getvalue().encode("utf-8")
