"""The read-only knowledge base, loaded once per process and held in memory.

:func:`get_knowledge_base` returns the process-wide instance, loading it on first use (never
at import time) and reloading it when ``unstuck data install`` has swapped in a new file. A
:class:`KnowledgeBase` never writes: the file is opened read-only and copied into Python
structures, so request handling touches no disk.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unstuck.core.occupations import (
    RIASEC,
    EducationShare,
    Interest,
    JobZone,
    Occupation,
    Outlook,
    Rating,
    Related,
    Task,
    Technology,
    Tool,
    UnknownOccupation,
    Wages,
    WorkValue,
)
from unstuck.knowledge.build import kb_path
from unstuck.knowledge.errors import KnowledgeBaseMissing
from unstuck.knowledge.wages import AreaWageTable

if TYPE_CHECKING:
    from unstuck.core.titles import TitleEntry, TitleIndex, TitleMatch
    from unstuck.knowledge.esco import EscoOccupation, EscoOccupationSkills, EscoSkill

RATING_DOMAINS = ("skill", "knowledge", "ability", "work_activity", "work_style")


@dataclass(frozen=True)
class LevelAnchor:
    value: float
    description: str


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


def _rows(conn: sqlite3.Connection, sql: str, *args: Any) -> list[Any]:
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError:  # table absent in this build: the data stays missing
        return []


class KnowledgeBase:
    """Everything the knowledge base knows, in memory. Build with :meth:`load`."""

    def __init__(self, path: Path, meta: dict[str, Any]) -> None:
        self.path = path
        self.meta = meta
        self.release: str = str(meta.get("release", "unknown"))
        self.titles: dict[str, str] = {}
        self.descriptions: dict[str, str | None] = {}
        self.ratings: dict[str, dict[str, list[Rating]]] = {d: {} for d in RATING_DOMAINS}
        self.element_names: dict[str, str] = {}
        self.element_descriptions: dict[str, str | None] = {}
        self.anchors: dict[str, list[LevelAnchor]] = defaultdict(list)
        self.interests: dict[str, list[Interest]] = {}
        self.high_points: dict[str, str] = {}
        self.work_values: dict[str, list[WorkValue]] = {}
        self.job_zones: dict[str, int] = {}
        self.job_zone_ref: dict[int, JobZone] = {}
        self.education: dict[str, list[EducationShare]] = {}
        #: O*NET Education, Training, and Experience: code -> scale (RL, RW, PT, OJ) ->
        #: category -> percent of incumbents
        self.preparation: dict[str, dict[str, dict[int, float]]] = {}
        self.tasks: dict[str, list[Task]] = defaultdict(list)
        self.technology: dict[str, list[Technology]] = defaultdict(list)
        self.tools: dict[str, list[Tool]] = defaultdict(list)
        self.related: dict[str, list[tuple[str, str | None, int | None]]] = defaultdict(list)
        self.alternate_titles: dict[str, list[str]] = defaultdict(list)
        self.reported_titles: dict[str, list[str]] = defaultdict(list)
        self.esco_labels: dict[str, list[str]] = defaultdict(list)
        self.wages: dict[str, Wages] = {}
        self.outlook: dict[str, Outlook] = {}
        # Optional sources (filled by unstuck.knowledge.extras.load_into; empty when absent).
        self.area_wages: AreaWageTable = AreaWageTable()  # .get(code, area), .suggest(text)
        self.esco_skills: dict[str, EscoSkill] = {}  # URI -> skill
        self.esco_occupations: dict[str, EscoOccupation] = {}  # URI -> occupation
        self.esco_occupation_skills: dict[str, EscoOccupationSkills] = {}  # occupation URI
        self.esco_occupation_broader: dict[str, str] = {}  # narrower -> broader occupation URI
        self.esco_skill_broader: dict[str, tuple[str, ...]] = {}  # skill -> broader skill/group
        self.esco_skill_groups: dict[str, str] = {}  # skill group URI -> label
        self.esco_to_onet: dict[str, tuple[str, ...]] = {}  # ESCO occupation URI -> O*NET codes
        self.onet_to_esco: dict[str, tuple[str, ...]] = {}  # O*NET code -> ESCO occupation URIs
        self._index: TitleIndex | None = None
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
            kb = cls(path, meta)
            kb._load_onet(conn)
            kb._load_extras(conn)
        finally:
            conn.close()
        return kb

    def _load_onet(self, conn: sqlite3.Connection) -> None:
        for code, title, description in _rows(
            conn, "SELECT code, title, description FROM occupation ORDER BY code"
        ):
            self.titles[code] = title
            self.descriptions[code] = description
        for eid, name, description in _rows(
            conn, "SELECT element_id, name, description FROM content_model"
        ):
            self.element_names[eid] = name
            self.element_descriptions[eid] = description
        for eid, _scale, value, description in _rows(
            conn,
            "SELECT element_id, scale_id, anchor_value, description FROM level_anchor "
            "WHERE scale_id = 'LV' ORDER BY element_id, anchor_value",
        ):
            self.anchors[eid].append(LevelAnchor(value, description))
        for domain in RATING_DOMAINS:
            merged: dict[tuple[str, str], dict[str, Any]] = {}
            for code, eid, name, scale, value, suppress, not_relevant in _rows(
                conn,
                f"SELECT code, element_id, element_name, scale_id, value, suppress, "
                f"not_relevant FROM {domain} ORDER BY code, element_id",
            ):
                slot = merged.setdefault((code, eid), {"name": name})
                if scale == "IM":
                    slot["importance"] = value
                elif scale == "LV":
                    slot["level"] = value
                    slot["suppressed"] = bool(suppress)
                    slot["not_relevant"] = bool(not_relevant)
                self.element_names.setdefault(eid, name)
            per_code: dict[str, list[Rating]] = defaultdict(list)
            for (code, eid), slot in merged.items():
                per_code[code].append(
                    Rating(
                        element_id=eid,
                        name=slot["name"],
                        importance=slot.get("importance"),
                        level=slot.get("level"),
                        suppressed=slot.get("suppressed", False),
                        not_relevant=slot.get("not_relevant", False),
                    )
                )
            for ratings in per_code.values():
                ratings.sort(key=lambda r: (-(r.importance or 0.0), r.name))
            self.ratings[domain] = dict(per_code)
        letters = {i + 1: name[0] for i, name in enumerate(RIASEC)}
        interests: dict[str, list[Interest]] = defaultdict(list)
        high: dict[str, dict[str, float | None]] = defaultdict(dict)
        for code, eid, name, scale, value in _rows(
            conn,
            "SELECT code, element_id, element_name, scale_id, value FROM interest "
            "ORDER BY code, element_id",
        ):
            if scale == "OI":
                interests[code].append(Interest(eid, name, name[0], value))
            elif scale == "IH":
                high[code][eid] = value
        self.interests = dict(interests)
        for code, points in high.items():
            letters_found = [
                letters[int(point)]
                for eid in sorted(points)
                if (point := points[eid]) is not None and int(point) in letters
            ]
            if letters_found:
                self.high_points[code] = "".join(letters_found)
        values: dict[str, list[WorkValue]] = defaultdict(list)
        for code, eid, name, value in _rows(
            conn,
            "SELECT code, element_id, element_name, value FROM work_value WHERE scale_id = 'EX' "
            "ORDER BY code, element_id",
        ):
            values[code].append(WorkValue(eid, name, value))
        self.work_values = dict(values)
        for code, zone in _rows(conn, "SELECT code, job_zone FROM job_zone"):
            if zone is not None:
                self.job_zones[code] = zone
        for zone, name, experience, schooling, training in _rows(
            conn,
            "SELECT job_zone, name, experience, education, training FROM job_zone_reference",
        ):
            self.job_zone_ref[zone] = JobZone(zone, name, schooling, experience, training)
        labels = {
            cat: desc
            for cat, desc in _rows(
                conn,
                "SELECT category, description FROM ete_category WHERE scale_id = 'RL'",
            )
        }
        education: dict[str, list[EducationShare]] = defaultdict(list)
        for code, category, value in _rows(
            conn,
            "SELECT code, category, value FROM education_training_experience "
            "WHERE scale_id = 'RL' ORDER BY code, category",
        ):
            label = labels.get(category, f"Category {category}")
            education[code].append(EducationShare(category, label.split(" - ")[0], value))
        self.education = dict(education)
        preparation: dict[str, dict[str, dict[int, float]]] = defaultdict(dict)
        for code, scale, category, value in _rows(
            conn,
            "SELECT code, scale_id, category, value FROM education_training_experience "
            "WHERE category IS NOT NULL ORDER BY code, scale_id, category",
        ):
            if value is not None:
                preparation[code].setdefault(scale, {})[int(category)] = float(value)
        self.preparation = dict(preparation)
        for code, task_id, text, kind in _rows(
            conn, "SELECT code, task_id, task, task_type FROM task ORDER BY code, rowid"
        ):
            self.tasks[code].append(Task(task_id, text, kind))
        for code, example, commodity, ctitle, hot, demand in _rows(
            conn,
            "SELECT code, example, commodity_code, commodity_title, hot_technology, in_demand "
            "FROM technology_skill ORDER BY code, rowid",
        ):
            self.technology[code].append(
                Technology(example, commodity, ctitle, bool(hot), bool(demand))
            )
        for code, example, ctitle in _rows(
            conn, "SELECT code, example, commodity_title FROM tool_used ORDER BY code, rowid"
        ):
            self.tools[code].append(Tool(example, ctitle))
        for code, other, tier, rank in _rows(
            conn,
            "SELECT code, related_code, tier, rank FROM related_occupation ORDER BY code, rank",
        ):
            self.related[code].append((other, tier, rank))
        for code, title in _rows(conn, "SELECT code, title FROM alternate_title ORDER BY rowid"):
            self.alternate_titles[code].append(title)
        for code, short in _rows(
            conn,
            "SELECT code, short_title FROM alternate_title WHERE short_title IS NOT NULL "
            "ORDER BY rowid",
        ):
            if short not in self.alternate_titles[code]:
                self.alternate_titles[code].append(short)
        for code, title in _rows(conn, "SELECT code, title FROM reported_title ORDER BY rowid"):
            self.reported_titles[code].append(title)

    def _load_extras(self, conn: sqlite3.Connection) -> None:
        """ESCO labels, BLS wages and projections, when those sources were installed."""
        from unstuck.knowledge import extras

        extras.load_into(self, conn)

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
        if self._index is None:
            with self._lock:
                if self._index is None:
                    from unstuck.core.titles import TitleIndex

                    self._index = TitleIndex(self.title_entries(), self.titles)
        return self._index

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
