"""The read-only knowledge base, loaded once per process and held in memory.

:func:`get_knowledge_base` returns the process-wide instance, loading it on first use (never
at import time) and reloading it when ``unstuck data install`` has swapped in a new file. A
:class:`KnowledgeBase` never writes: the file is opened read-only and copied into Python
structures, so request handling touches no disk.

This is the only module that reads the built file. Each source has its loader, which takes the
open connection and returns values (:func:`unstuck.knowledge.onet.load` ->
:class:`~unstuck.knowledge.onet.OnetTables`, :func:`unstuck.knowledge.esco.load`,
:func:`unstuck.knowledge.wages.load` for the BLS figures, :func:`unstuck.knowledge.crosswalk.load`);
:meth:`KnowledgeBase.load` assembles them. Whatever is computed from the loaded data (the title
index, the career-path arrays, the text extractors) is kept per knowledge base by
:meth:`KnowledgeBase.derived`.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from unstuck.core.occupations import JobZone, Occupation, Related, UnknownOccupation
from unstuck.knowledge import crosswalk, esco, onet, wages
from unstuck.knowledge.build import kb_path
from unstuck.knowledge.crosswalk import CrosswalkLinks
from unstuck.knowledge.errors import KnowledgeBaseMissing
from unstuck.knowledge.esco import EscoTables
from unstuck.knowledge.onet import RATING_DOMAINS, LevelAnchor, OnetTables
from unstuck.knowledge.wages import BlsFigures

if TYPE_CHECKING:
    from unstuck.core.titles import TitleEntry, TitleIndex, TitleMatch

__all__ = [
    "RATING_DOMAINS",
    "KnowledgeBase",
    "LevelAnchor",
    "Status",
    "clear_cache",
    "get_knowledge_base",
    "status_of",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Status:
    """What ``unstuck data status`` and the app's footer show."""

    path: Path
    release: str
    built_at: str
    fingerprint: str
    sources: list[dict[str, Any]]
    warnings: list[str]

    @property
    def attributions(self) -> list[str]:
        return [s["attribution"] for s in self.sources if s.get("attribution")]


#: (path, name) -> (fingerprint, value): the last value derived with ``reuse=True`` per file, so
#: a reload of the same build (same fingerprint) reuses it
_reused: dict[tuple[str, str], tuple[str, Any]] = {}
_reused_lock = threading.Lock()


_ONET_PARTS = {loader.__name__: (fields, loader) for fields, loader in onet.PARTS}
_ONET_FIELDS = [name for fields, _ in onet.PARTS for name in fields]
#: attribute -> the part of the knowledge base it is read with
_PART_OF: dict[str, str] = {
    **{name: loader.__name__ for fields, loader in onet.PARTS for name in fields},
    **dict.fromkeys(
        ("esco_skills", "esco_occupations", "esco_occupation_skills", "esco_occupation_broader",
         "esco_skill_broader", "esco_skill_groups"), "esco"),
    **dict.fromkeys(("wages", "area_wages", "outlook"), "bls"),
    **dict.fromkeys(("esco_to_onet", "onet_to_esco", "esco_labels"), "links"),
}  # fmt: skip
_MISSING = object()
_code: str | None = None


def code_stamp() -> str:
    """A stamp of the code derived data is made by (each module of ``core``, ``knowledge``
    and ``text``: its path, size and modification time): a value kept on disk by other code
    is not taken for this code's."""
    global _code
    if _code is None:
        root = Path(__file__).resolve().parents[1]
        digest = hashlib.sha256()
        paths = [p for part in ("core", "knowledge", "text") for p in (root / part).rglob("*.py")]
        for path in sorted(paths):
            st = path.stat()
            digest.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
        _code = digest.hexdigest()[:16]
    return _code


def _kept_path(kb_file: Path, name: str, fingerprint: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", name)  # no dot: the name is the part before one
    return kb_file.parent / "derived" / f"{safe}.{fingerprint[:16]}.{code_stamp()}.pickle"


def _read_kept(path: Path) -> Any:
    enabled = gc.isenabled()
    gc.disable()  # the collector would walk the objects made so far, again and again
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        return _MISSING
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build instead
        return _MISSING
    finally:
        if enabled:
            gc.enable()


def _write_kept(path: Path, value: Any) -> None:
    """Write ``value`` beside the knowledge base atomically (a temporary file renamed over),
    and remove what was kept for ``name`` by other builds or other code."""
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        stem = path.name.split(".", 1)[0]
        for old in path.parent.glob(f"{stem}.*.pickle"):
            if old != path and old.name.split(".", 1)[0] == stem:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        pass  # a read-only or full folder, or a value that does not pickle: kept in memory only


class KnowledgeBase:
    """Everything the knowledge base knows, in memory. Build with :meth:`load`, which reads each
    source's tables with that source's loader and assembles the values here; nothing else sets
    them. Data derived from them is held by :meth:`derived`."""

    def __init__(
        self,
        path: Path,
        meta: dict[str, Any],
        onet: OnetTables | None = None,
        esco: EscoTables | None = None,
        bls: BlsFigures | None = None,
        links: CrosswalkLinks | None = None,
    ) -> None:
        self.path = path
        self.meta = meta
        self.release: str = str(meta.get("release", "unknown"))
        self._derived: dict[str, Any] = {}
        self._building: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._part_lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._onet = onet or OnetTables()
        self._esco = esco or EscoTables()
        self._set_onet(_ONET_FIELDS)
        self._set_esco(self._esco)
        self._set_bls(bls or BlsFigures())
        self._set_links(links or CrosswalkLinks())

    # O*NET
    titles: dict[str, str]
    descriptions: dict[str, str | None]
    ratings: dict[str, dict[str, list[Any]]]  # domain (RATING_DOMAINS) -> code -> ratings
    element_names: dict[str, str]
    element_descriptions: dict[str, str | None]
    anchors: Any
    interests: dict[str, list[Any]]
    high_points: dict[str, str]
    work_values: dict[str, list[Any]]
    job_zones: dict[str, int]
    job_zone_ref: dict[int, JobZone]
    education: dict[str, list[Any]]
    preparation: dict[str, dict[str, dict[int, float]]]  # code -> scale -> category -> %
    tasks: Any
    technology: Any
    tools: Any
    related: Any
    alternate_titles: Any
    reported_titles: Any
    common_titles: Any
    detailed_activities: dict[str, list[str]]
    activity_groups: dict[str, list[str]]
    riasec_keywords: dict[str, tuple[str, ...]]
    # BLS (empty when not installed)
    wages: Any
    area_wages: Any  # .get(code, area), .suggest(text)
    outlook: Any
    # ESCO (empty when not installed)
    esco_skills: Any  # URI -> skill
    esco_occupations: Any  # URI -> occupation
    esco_occupation_skills: Any  # occupation URI -> skill URIs
    esco_occupation_broader: Any  # narrower -> broader URI
    esco_skill_broader: Any  # skill -> broader skills / groups
    esco_skill_groups: Any  # skill group URI -> label
    # the ESCO -> O*NET crosswalk (empty when not installed)
    esco_to_onet: Any  # ESCO occupation URI -> O*NET codes
    onet_to_esco: Any  # O*NET code -> ESCO occupation URIs
    esco_labels: Any  # O*NET code -> ESCO titles for title search

    def _set_onet(self, fields: Iterable[str]) -> None:
        for name in fields:
            setattr(self, name, getattr(self._onet, name))

    def _set_esco(self, t: EscoTables) -> None:
        self._esco = t
        self.esco_skills = t.skills
        self.esco_occupations = t.occupations
        self.esco_occupation_skills = t.occupation_skills
        self.esco_occupation_broader = t.occupation_broader
        self.esco_skill_broader = t.skill_broader
        self.esco_skill_groups = t.skill_groups

    def _set_bls(self, bls: BlsFigures) -> None:
        self.wages = bls.wages
        self.area_wages = bls.area_wages
        self.outlook = bls.outlook

    def _set_links(self, links: CrosswalkLinks) -> None:
        self.esco_to_onet = links.esco_to_onet
        self.onet_to_esco = links.onet_to_esco
        self.esco_labels = links.esco_labels

    def __getattr__(self, name: str) -> Any:
        """A table not loaded yet (see :meth:`load`): its part is read now, once."""
        part = _PART_OF.get(name)
        conn = self.__dict__.get("_conn")
        if part is None or conn is None:
            raise AttributeError(name)
        with self._part_lock:
            if name not in self.__dict__:
                self._load_part(part, conn)
        return self.__dict__[name]

    def _load_part(self, part: str, conn: sqlite3.Connection) -> None:
        if part == "esco":
            self._set_esco(esco.load(conn))
        elif part == "bls":
            self._set_bls(wages.load(conn, self.titles, self.meta))
        elif part == "links":
            self.esco_skills  # noqa: B018 - the ESCO part first: the crosswalk reads its labels
            self._set_links(crosswalk.load(conn, self.titles, self._esco))
        else:
            fields, loader = _ONET_PARTS[part]
            loader(conn, self._onet)
            self._set_onet(fields)

    def load_all(self) -> KnowledgeBase:
        """Read every table not read yet (a server does, before it answers)."""
        for name in _PART_OF:
            getattr(self, name)
        return self

    # -- loading -----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None, *, lazy: bool = True) -> KnowledgeBase:
        """The knowledge base in ``path``. Lazily by default: each table is read the first time
        it is used (a command that searches titles never reads the ratings), through a
        read-only connection kept open, so a file swapped in by ``unstuck data install``
        meanwhile does not mix with this one."""
        path = path or kb_path()
        if not path.exists():
            raise KnowledgeBaseMissing(path)
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            meta = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
        except BaseException:
            conn.close()
            raise
        kb = cls.__new__(cls)
        kb.path, kb.meta = path, meta
        kb.release = str(meta.get("release", "unknown"))
        kb._derived, kb._building = {}, {}
        kb._lock, kb._part_lock = threading.Lock(), threading.RLock()
        kb._onet, kb._esco = OnetTables(), EscoTables()
        kb._conn = conn
        if not lazy:
            kb.load_all()
        return kb

    def __del__(self) -> None:
        conn = self.__dict__.get("_conn")
        if conn is not None:
            conn.close()

    # -- derived data ------------------------------------------------------------------------
    def derived(
        self, name: str, build: Callable[[], T], *, reuse: bool = False, keep: bool = False
    ) -> T:
        """The value ``build()`` returns, built on the first call for ``name`` and kept on this
        knowledge base: the one way to hold data derived from it (the title index, the career-path
        arrays, the text extractors). Concurrent callers for the same name wait for one build;
        different names build independently. A reloaded knowledge base starts empty, unless
        ``reuse``: then a value built for the same file and fingerprint (the same build, loaded
        again) is taken over instead of rebuilt.

        ``keep``: the value is also kept on disk, in ``derived/`` beside the knowledge base file
        (pickled, written atomically, readable by its owner only), under the knowledge base's
        fingerprint and a stamp of unstuck's code, so the next process loads it instead of
        building it; a file for another build or other code is replaced. A file that cannot be
        read or written is simply not used: the value is built as before."""
        try:
            return cast(T, self._derived[name])
        except KeyError:
            pass
        with self._lock:
            building = self._building.setdefault(name, threading.Lock())
        with building:
            if name in self._derived:
                return cast(T, self._derived[name])
            fingerprint = str(self.meta.get("fingerprint") or "")
            key = (str(self.path), name)
            last = _reused.get(key) if reuse and fingerprint else None
            if last is not None and last[0] == fingerprint:
                value = last[1]
            else:
                kept = _kept_path(self.path, name, fingerprint) if keep and fingerprint else None
                found = _read_kept(kept) if kept is not None else _MISSING
                if found is _MISSING:
                    value = build()
                    if kept is not None:
                        _write_kept(kept, value)
                else:
                    value = cast(T, found)
                if reuse and fingerprint:
                    with _reused_lock:
                        _reused[key] = (fingerprint, value)
            self._derived[name] = value
            return cast(T, value)

    # -- queries -----------------------------------------------------------------------------
    def __contains__(self, code: object) -> bool:
        return code in self.titles

    def __len__(self) -> int:
        return len(self.titles)

    def codes(self) -> list[str]:
        return list(self.titles)

    def title_entries(self, *, include_reported: bool = True) -> list[TitleEntry]:
        from unstuck.core.titles import TitleEntry

        entries = [TitleEntry(t, c, "title") for c, t in self.titles.items()]
        for code, titles in self.alternate_titles.items():
            entries.extend(TitleEntry(t, code, "alternate") for t in titles)
        if include_reported:
            for code, titles in self.reported_titles.items():
                entries.extend(TitleEntry(t, code, "reported") for t in titles)
        for code, labels in self.esco_labels.items():
            entries.extend(TitleEntry(t, code, "esco") for t in labels)
        return [e for e in entries if e.code in self.titles]

    @property
    def title_index(self) -> TitleIndex:
        from unstuck.core.titles import TitleIndex

        return self.derived(
            "title_index", lambda: TitleIndex(self.title_entries(), self.titles), keep=True
        )

    def search(self, query: str, limit: int = 10) -> list[TitleMatch]:
        """Occupations for a job title as a person would type it, best first."""
        return self.title_index.search(query, limit=limit)

    def occupation(self, code: str) -> Occupation | None:
        if code not in self.titles:
            return None
        zone = self.job_zones.get(code)
        related = tuple(
            Related(other, self.titles.get(other, other), tier, rank)
            for other, tier, rank in self.related.get(code, ())
        )
        return Occupation(
            code=code,
            title=self.titles[code],
            description=self.descriptions.get(code),
            release=self.release,
            job_zone=(self.job_zone_ref.get(zone) or JobZone(zone, None, None, None, None))
            if zone
            else None,
            education=tuple(self.education.get(code, ())),
            skills=tuple(self.ratings["skill"].get(code, ())),
            knowledge=tuple(self.ratings["knowledge"].get(code, ())),
            abilities=tuple(self.ratings["ability"].get(code, ())),
            work_activities=tuple(self.ratings["work_activity"].get(code, ())),
            work_styles=tuple(self.ratings["work_style"].get(code, ())),
            interests=tuple(self.interests.get(code, ())),
            high_point_code=self.high_points.get(code),
            work_values=tuple(self.work_values.get(code, ())),
            tasks=tuple(self.tasks.get(code, ())),
            technology=tuple(self.technology.get(code, ())),
            tools=tuple(self.tools.get(code, ())),
            related=related,
            alternate_titles=tuple(self.alternate_titles.get(code, ())),
            reported_titles=tuple(self.reported_titles.get(code, ())),
            common_titles=tuple(self.common_titles.get(code, ())),
            wages=self.wages.get(code),
            outlook=self.outlook.get(code),
            esco_labels=tuple(self.esco_labels.get(code, ())),
        )

    def typical_levels(self, code: str) -> dict[str, float]:
        """Every skill and knowledge element's level in occupation ``code`` (O*NET's level
        scale), leaving out elements O*NET marks not relevant or publishes no level for; kept
        on disk, so a command that needs these alone does not read every rating."""

        def build() -> dict[str, dict[str, float]]:
            return {
                c: {
                    r.element_id: float(r.level)
                    for domain in ("skill", "knowledge")
                    for r in self.ratings[domain].get(c, ())
                    if r.level is not None and not r.not_relevant
                }
                for c in self.titles
            }

        return dict(self.derived("typical_levels", build, keep=True).get(code, {}))

    def require_occupation(self, code: str) -> Occupation:
        """The occupation with this code; raises
        :class:`~unstuck.core.occupations.UnknownOccupation` when there is none."""
        occ = self.occupation(code)
        if occ is None:
            raise UnknownOccupation(code, self.release)
        return occ

    def level_anchors(self, element_id: str) -> list[LevelAnchor]:
        return list(self.anchors.get(element_id, ()))

    def status(self) -> Status:
        return status_of(self.path, self.meta)

    @property
    def attributions(self) -> list[str]:
        return self.status().attributions


def status_of(path: Path, meta: dict[str, Any]) -> Status:
    return Status(
        path=path,
        release=str(meta.get("release", "unknown")),
        built_at=str(meta.get("built_at", "")),
        fingerprint=str(meta.get("fingerprint", "")),
        sources=list(meta.get("sources", [])),
        warnings=list(meta.get("warnings", [])),
    )


_cache: dict[str, tuple[tuple[int, int, int], KnowledgeBase]] = {}
_cache_lock = threading.Lock()
_checked: dict[str, float] = {}
RECHECK_SECONDS = 2.0


def _stamp(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def get_knowledge_base(path: Path | None = None) -> KnowledgeBase:
    """The process-wide knowledge base; reloaded when a new build has been swapped in.

    Raises :class:`KnowledgeBaseMissing` when none is installed.
    """
    path = path or kb_path()
    key = str(path)
    now = time.monotonic()
    cached = _cache.get(key)
    if cached and now - _checked.get(key, 0.0) < RECHECK_SECONDS:
        return cached[1]
    with _cache_lock:
        cached = _cache.get(key)
        try:
            stamp = _stamp(path)
        except FileNotFoundError:
            raise KnowledgeBaseMissing(path) from None
        _checked[key] = now
        if cached and cached[0] == stamp:
            return cached[1]
        kb = KnowledgeBase.load(path)
        _cache[key] = (stamp, kb)
        return kb


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()
        _checked.clear()
