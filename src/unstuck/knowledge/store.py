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

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable
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
        onet = onet or OnetTables()
        esco = esco or EscoTables()
        bls = bls or BlsFigures()
        links = links or CrosswalkLinks()
        self.path = path
        self.meta = meta
        self.release: str = str(meta.get("release", "unknown"))
        # O*NET
        self.titles = onet.titles
        self.descriptions = onet.descriptions
        self.ratings = onet.ratings  # domain (RATING_DOMAINS) -> code -> ratings
        self.element_names = onet.element_names
        self.element_descriptions = onet.element_descriptions
        self.anchors = onet.anchors
        self.interests = onet.interests
        self.high_points = onet.high_points
        self.work_values = onet.work_values
        self.job_zones = onet.job_zones
        self.job_zone_ref = onet.job_zone_ref
        self.education = onet.education
        self.preparation = onet.preparation  # code -> scale (RL, RW, PT, OJ) -> category -> %
        self.tasks = onet.tasks
        self.technology = onet.technology
        self.tools = onet.tools
        self.related = onet.related
        self.alternate_titles = onet.alternate_titles
        self.reported_titles = onet.reported_titles
        self.detailed_activities = onet.detailed_activities
        self.activity_groups = onet.activity_groups
        self.riasec_keywords = onet.riasec_keywords
        # BLS (empty when not installed)
        self.wages = bls.wages
        self.area_wages = bls.area_wages  # .get(code, area), .suggest(text)
        self.outlook = bls.outlook
        # ESCO (empty when not installed)
        self.esco_skills = esco.skills  # URI -> skill
        self.esco_occupations = esco.occupations  # URI -> occupation
        self.esco_occupation_skills = esco.occupation_skills  # occupation URI -> skill URIs
        self.esco_occupation_broader = esco.occupation_broader  # narrower -> broader URI
        self.esco_skill_broader = esco.skill_broader  # skill -> broader skills / groups
        self.esco_skill_groups = esco.skill_groups  # skill group URI -> label
        # the ESCO -> O*NET crosswalk (empty when not installed)
        self.esco_to_onet = links.esco_to_onet  # ESCO occupation URI -> O*NET codes
        self.onet_to_esco = links.onet_to_esco  # O*NET code -> ESCO occupation URIs
        self.esco_labels = links.esco_labels  # O*NET code -> ESCO titles for title search
        self._derived: dict[str, Any] = {}
        self._building: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    # -- loading -----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None) -> KnowledgeBase:
        path = path or kb_path()
        if not path.exists():
            raise KnowledgeBaseMissing(path)
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
            onet_tables = onet.load(conn)
            esco_tables = esco.load(conn)
            bls = wages.load(conn, onet_tables.titles, meta)
            links = crosswalk.load(conn, onet_tables.titles, esco_tables)
        finally:
            conn.close()
        return cls(path, meta, onet_tables, esco_tables, bls, links)

    # -- derived data ------------------------------------------------------------------------
    def derived(self, name: str, build: Callable[[], T], *, reuse: bool = False) -> T:
        """The value ``build()`` returns, built on the first call for ``name`` and kept on this
        knowledge base: the one way to hold data derived from it (the title index, the career-path
        arrays, the text extractors). Concurrent callers for the same name wait for one build;
        different names build independently. A reloaded knowledge base starts empty, unless
        ``reuse``: then a value built for the same file and fingerprint (the same build, loaded
        again) is taken over instead of rebuilt."""
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
                value = build()
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

        return self.derived("title_index", lambda: TitleIndex(self.title_entries(), self.titles))

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
            wages=self.wages.get(code),
            outlook=self.outlook.get(code),
            esco_labels=tuple(self.esco_labels.get(code, ())),
        )

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
