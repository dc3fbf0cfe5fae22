"""Building the knowledge base: open, verify, parse, validate, build aside, swap atomically.

``install()`` is idempotent: the fingerprint of a build is the schema version plus the SHA-256
of every source, and a knowledge base already built from the same fingerprint is left alone.
The new database is written to a temporary file next to the live one and moved over it with
``os.replace`` only once it is complete, so a failed or interrupted build never disturbs the
knowledge base that is serving; the temporary file is removed on any failure (an interrupt
too), and one left by a killed install is removed by the next.

One install at a time: :func:`install` holds an exclusive lock (``flock`` on
:data:`LOCK_FILENAME` in the knowledge folder) from before the source is opened until the new
knowledge base is in place. A second install waits for it (calling ``on_wait`` once, so the
CLI can say so) and then finds the knowledge base already up to date, or, told not to wait,
raises :class:`~unstuck.knowledge.errors.InstallBusy`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from unstuck.knowledge.errors import InstallBusy, MissingFileError
from unstuck.knowledge.onet import ONET_ATTRIBUTION, ONET_TABLES
from unstuck.knowledge.sources import OpenedSource, ProgressFn, open_source
from unstuck.knowledge.tables import Table, count_data_rows, read_rows

SCHEMA_VERSION = 1
KB_FILENAME = "knowledge.sqlite"
LOCK_FILENAME = ".install.lock"

WarnFn = Callable[[str], None]


@dataclass
class TableCount:
    table: str
    file: str
    rows: int  # rows stored
    source_rows: int  # data rows in the source file


@dataclass
class SourceRecord:
    """What one source contributed, kept in the knowledge base's metadata."""

    name: str  # "onet", "esco", "bls-wages", ...
    location: str
    sha256: str
    release: str
    attribution: str
    tables: list[TableCount] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # optional files that were absent

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "location": self.location,
            "sha256": self.sha256,
            "release": self.release,
            "attribution": self.attribution,
            "tables": [t.__dict__ for t in self.tables],
            "missing": self.missing,
        }


class ExtraSource(Protocol):
    """An optional source (ESCO, BLS, a crosswalk) that adds tables to the build."""

    name: str

    def fingerprint(self) -> str:
        """SHA-256 of the source's content (raises a DataError if unreadable)."""

    def load(self, conn: sqlite3.Connection, progress: ProgressFn, warn: WarnFn) -> SourceRecord:
        """Validate and insert the source's tables into ``conn``."""


class FingerprintOnce(ABC):
    """The base of every optional source: :meth:`fingerprint` is worked out once, by the
    subclass's :meth:`_fingerprint` (hashing its files), and kept: ``install()`` asks before
    building and ``load()`` records it."""

    _sha: str | None = None

    def fingerprint(self) -> str:
        """SHA-256 of the source's content (raises a DataError if unreadable)."""
        if self._sha is None:
            self._sha = self._fingerprint()
        return self._sha

    @abstractmethod
    def _fingerprint(self) -> str:
        """SHA-256 of the source's files, worked out afresh."""


@dataclass
class InstallResult:
    path: Path
    changed: bool
    release: str
    fingerprint: str
    sources: list[SourceRecord]
    warnings: list[str]
    seconds: float


def create_table(conn: sqlite3.Connection, table: Table) -> None:
    conn.execute(table.ddl())


def load_table(
    conn: sqlite3.Connection, table: Table, data: bytes, file: str | None = None
) -> TableCount:
    """Parse ``data`` strictly and insert it into ``table``; returns the counts."""
    create_table(conn, table)
    names = table.column_names
    sql = (
        f'INSERT INTO "{table.table}" ({", ".join(chr(34) + n + chr(34) for n in names)}) '
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    parsed = 0

    def counted() -> Iterator[tuple[Any, ...]]:
        nonlocal parsed
        for row in read_rows(data, table, file):
            parsed += 1
            yield row

    cursor = conn.executemany(sql, counted())
    rows = cursor.rowcount
    in_file = count_data_rows(data, table)
    return TableCount(table.table, file or table.file, rows, parsed if in_file is None else in_file)


def _noop_progress(step: str, done: int, total: int | None) -> None:
    return None


def kb_path(directory: Path | None = None) -> Path:
    """Where the knowledge base is (or would be): nothing is created, so looking for it works
    on a read-only data folder."""
    if directory is None:
        from unstuck import dirs

        directory = dirs.home_path() / "knowledge"
    return directory / KB_FILENAME


@contextlib.contextmanager
def install_lock(
    directory: Path, *, wait: bool = True, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the knowledge folder's install lock (an exclusive ``flock``, released when the
    file is closed, also when the process dies). When another install holds it: wait
    (``on_wait`` called once first), or raise :class:`InstallBusy` if ``wait`` is False. On a
    system without ``fcntl`` there is no lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(directory / LOCK_FILENAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise InstallBusy(directory) from None
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def read_meta(path: Path) -> dict[str, Any] | None:
    """The metadata of the knowledge base at ``path``, or None when there is none."""
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT key, value FROM meta").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return {k: json.loads(v) for k, v in rows}


def _load_onet(
    conn: sqlite3.Connection, src: OpenedSource, progress: ProgressFn, warn: WarnFn
) -> SourceRecord:
    record = SourceRecord(
        name="onet",
        location=src.location,
        sha256=src.sha256,
        release=src.release,
        attribution=ONET_ATTRIBUTION.format(release=src.release),
    )
    for table in ONET_TABLES:
        if table.required and not src.has(table.file):
            raise MissingFileError(
                f"the release has no '{table.file}', which unstuck needs", file=src.location
            )
    total = len(ONET_TABLES)
    for i, table in enumerate(ONET_TABLES, start=1):
        progress("parse", i, total)
        if not src.has(table.file):
            record.missing.append(table.file)
            create_table(conn, table)  # empty, so queries still work
            warn(f"O*NET {src.release}: '{table.file}' is absent; without it: {table.degrades}.")
            continue
        record.tables.append(load_table(conn, table, src.read_bytes(table.file), table.file))
    return record


_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_{t}_code ON {t}(code)",
)
_CODE_TABLES = (
    "alternate_title", "reported_title", "job_zone", "education_training_experience", "skill",
    "knowledge", "ability", "work_activity", "work_context", "work_style", "interest",
    "work_value", "task", "task_rating", "emerging_task", "task_dwa", "technology_skill",
    "tool_used", "related_occupation",
)


def fingerprint_of(onet_sha: str, extras: Sequence[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION}\nonet={onet_sha}\n".encode())
    for name, sha in sorted(extras):
        digest.update(f"{name}={sha}\n".encode())
    return digest.hexdigest()


def install(
    source: str | os.PathLike[str] | None = None,
    *,
    extras: Sequence[ExtraSource] = (),
    sha256: str | None = None,
    force: bool = False,
    directory: Path | None = None,
    cache: Path | None = None,
    progress: ProgressFn | None = None,
    warn: WarnFn | None = None,
    wait: bool = True,
    on_wait: Callable[[], None] | None = None,
) -> InstallResult:
    """Build (or confirm) the knowledge base from an O*NET release plus optional extras.

    ``source`` is a URL, a zip or a folder; None means ``UNSTUCK_ONET_SOURCE`` if set, else
    the pinned official download. Raises a :class:`~unstuck.knowledge.errors.DataError`
    subclass on bad input, in which case the existing knowledge base is untouched. While
    another install runs on the same folder this one waits (``on_wait`` is called when it
    starts to), or with ``wait=False`` raises :class:`~unstuck.knowledge.errors.InstallBusy`.
    """
    started = time.perf_counter()
    progress = progress or _noop_progress
    warnings: list[str] = []

    def _warn(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    if directory is None:
        from unstuck import dirs

        directory = dirs.knowledge_dir()
    if cache is None:
        from unstuck import dirs

        cache = dirs.cache_dir()
    if source is None:
        source = os.environ.get("UNSTUCK_ONET_SOURCE") or None
    directory.mkdir(parents=True, exist_ok=True)
    target = kb_path(directory)
    with install_lock(directory, wait=wait, on_wait=on_wait):
        # Under the lock no other install is building: a temporary file here was left by one
        # that was killed.
        for stale in directory.glob(f"{KB_FILENAME}.building-*"):
            with contextlib.suppress(OSError):
                stale.unlink()

        with open_source(source, cache=cache, sha256=sha256, progress=progress) as src:
            extra_prints = [(e.name, e.fingerprint()) for e in extras]
            fingerprint = fingerprint_of(src.sha256, extra_prints)
            current = read_meta(target)
            if not force and current and current.get("fingerprint") == fingerprint:
                return InstallResult(
                    path=target,
                    changed=False,
                    release=str(current.get("release")),
                    fingerprint=fingerprint,
                    sources=[],
                    warnings=[],
                    seconds=time.perf_counter() - started,
                )
            tmp = directory / f"{KB_FILENAME}.building-{os.getpid()}"
            tmp.unlink(missing_ok=True)
            conn: sqlite3.Connection | None = None
            try:
                conn = sqlite3.connect(tmp)
                conn.execute("PRAGMA journal_mode=OFF")
                conn.execute("PRAGMA synchronous=OFF")
                conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                records = [_load_onet(conn, src, progress, _warn)]
                for extra in extras:
                    records.append(extra.load(conn, progress, _warn))
                progress("index", 0, None)
                for t in _CODE_TABLES:
                    for ddl in _INDEXES:
                        conn.execute(ddl.format(t=t))
                meta = {
                    "schema_version": SCHEMA_VERSION,
                    "fingerprint": fingerprint,
                    "release": src.release,
                    "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "sources": [r.to_json() for r in records],
                    "warnings": warnings,
                }
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [(k, json.dumps(v)) for k, v in meta.items()],
                )
                conn.commit()
                conn.execute("VACUUM")
                conn.close()
                os.replace(tmp, target)
            except BaseException:  # KeyboardInterrupt and SystemExit too: nothing left behind
                if conn is not None:
                    conn.close()
                tmp.unlink(missing_ok=True)
                tmp.with_name(tmp.name + "-journal").unlink(missing_ok=True)
                raise
    return InstallResult(
        path=target,
        changed=True,
        release=src.release,
        fingerprint=fingerprint,
        sources=records,
        warnings=warnings,
        seconds=time.perf_counter() - started,
    )
