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
from collections.abc import Iterator, Sequence
from pathlib import Path

from unstuck.knowledge.errors import (
    CorruptArchiveError,
    EncodingError,
    HeaderError,
    RowError,
    SourceNotFoundError,
)

_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise SourceNotFoundError("the file does not exist", file=str(path)) from None
    except OSError as exc:
        raise SourceNotFoundError(f"cannot read the file ({exc})", file=str(path)) from exc
    return digest.hexdigest()


def require_file(path: Path, what: str) -> Path:
    if not path.exists():
        raise SourceNotFoundError(f"no such file or folder ({what})", file=str(path))
    return path


def read_file(path: Path) -> bytes:
    """The bytes of ``path``, gunzipped when it ends in ``.gz``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceNotFoundError("the file does not exist", file=str(path)) from None
    if path.suffix == ".gz":
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise CorruptArchiveError(
                f"not a readable gzip file ({exc}); download it again", file=str(path)
            ) from exc
    return raw


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
        header = [h.strip() for h in next(reader)]
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
        )  # fmt: skip

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
