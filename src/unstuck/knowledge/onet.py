"""The O*NET text release: which files the knowledge base loads, and how.

Only ``Occupation Data.txt`` is required. Every other table is optional: when it is absent
(our shared copy of 29.0 lacks Abilities, Work Activities, Work Context and Task Ratings; 30.0
also lacks Skills and Knowledge) the build warns and names the features that lose data.

:data:`ONET_TABLES` is what the build reads; :func:`load` reads the built tables back into
:class:`OnetTables`, which the store (:mod:`unstuck.knowledge.store`) assembles with the optional
sources into the knowledge base.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from unstuck.core.occupations import (
    RIASEC,
    EducationShare,
    Interest,
    JobZone,
    Rating,
    Task,
    Technology,
    Tool,
    WorkValue,
)
from unstuck.knowledge.tables import FLAG, INT, REAL, TEXT, Column, Table, query

CODE = Column("O*NET-SOC Code", "code", TEXT, nullable=False)
EID = Column("Element ID", "element_id", TEXT, nullable=False)
ENAME = Column("Element Name", "element_name", TEXT)
SCALE = Column("Scale ID", "scale_id", TEXT, nullable=False)
VALUE = Column("Data Value", "value", REAL)
N = Column("N", "n", INT, optional=True)
SE = Column("Standard Error", "standard_error", REAL, optional=True)
LOWER = Column("Lower CI Bound", "lower_ci", REAL, optional=True)
UPPER = Column("Upper CI Bound", "upper_ci", REAL, optional=True)
SUPPRESS = Column("Recommend Suppress", "suppress", FLAG, optional=True)
NOT_RELEVANT = Column("Not Relevant", "not_relevant", FLAG, optional=True)
DATE = Column("Date", "date", TEXT, optional=True)
DOMAIN = Column("Domain Source", "domain_source", TEXT, optional=True)

_RATING = (
    CODE,
    EID,
    ENAME,
    SCALE,
    VALUE,
    N,
    SE,
    LOWER,
    UPPER,
    SUPPRESS,
    NOT_RELEVANT,
    DATE,
    DOMAIN,
)
#: A rating with a category (Education, Training and Experience): the same columns, with
#: "Category" after the scale.
_CATEGORY_RATING = (*_RATING[:4], Column("Category", "category", INT), *_RATING[4:])


def _t(
    file: str, table: str, columns: tuple[Column, ...], degrades: str = "", required: bool = False
) -> Table:
    return Table(file=file, table=table, columns=columns, required=required, degrades=degrades)


def _c(header: str, name: str, type_: str = TEXT, **kw: bool) -> Column:
    return Column(header, name, type_, **kw)


ONET_TABLES: tuple[Table, ...] = (
    _t(
        "Occupation Data.txt",
        "occupation",
        (CODE, _c("Title", "title", nullable=False), _c("Description", "description")),
        required=True,
    ),
    _t(
        "Alternate Titles.txt",
        "alternate_title",
        (
            CODE,
            _c("Alternate Title", "title", nullable=False),
            _c("Short Title", "short_title"),
            _c("Source(s)", "sources"),
        ),
        "title search by alternate titles",
    ),
    _t(
        "Sample of Reported Titles.txt",
        "reported_title",
        (
            CODE,
            _c("Reported Job Title", "title", nullable=False),
            _c("Shown in My Next Move", "shown_in_my_next_move", FLAG),
        ),
        "title search by titles reported by workers",
    ),
    _t(
        "Job Zones.txt",
        "job_zone",
        (CODE, _c("Job Zone", "job_zone", INT), DATE, DOMAIN),
        "job zones (preparation needed) and the education step between occupations",
    ),
    _t(
        "Job Zone Reference.txt",
        "job_zone_reference",
        (
            _c("Job Zone", "job_zone", INT),
            _c("Name", "name"),
            _c("Experience", "experience"),
            _c("Education", "education"),
            _c("Job Training", "training"),
            _c("Examples", "examples"),
            _c("SVP Range", "svp_range"),
        ),
        "job zone descriptions",
    ),
    _t(
        "Education, Training, and Experience.txt",
        "education_training_experience",
        _CATEGORY_RATING[:-1] + (DOMAIN,),
        "typical education, training and experience",
    ),
    _t(
        "Education, Training, and Experience Categories.txt",
        "ete_category",
        (
            EID,
            ENAME,
            SCALE,
            _c("Category", "category", INT),
            _c("Category Description", "description"),
        ),
        "names of education levels",
    ),
    _t("Skills.txt", "skill", _RATING, "skills on occupation profiles, skill gaps and matching"),
    _t(
        "Knowledge.txt",
        "knowledge",
        _RATING,
        "knowledge areas on occupation profiles, knowledge gaps and matching",
    ),
    _t("Abilities.txt", "ability", _RATING, "abilities in matching and on profiles"),
    _t(
        "Work Activities.txt",
        "work_activity",
        _RATING,
        "work activities in matching, job-crafting ideas",
    ),
    _t("Work Context.txt", "work_context", _CATEGORY_RATING, "work context on profiles"),
    _t("Work Styles.txt", "work_style", _RATING, "work styles on profiles"),
    _t(
        "Interests.txt",
        "interest",
        (CODE, EID, ENAME, SCALE, VALUE, DATE, DOMAIN),
        "RIASEC interest profiles and interest fit",
    ),
    _t(
        "Work Values.txt",
        "work_value",
        (CODE, EID, ENAME, SCALE, VALUE, DATE, DOMAIN),
        "work values on profiles and values fit",
    ),
    _t(
        "Task Statements.txt",
        "task",
        (
            CODE,
            _c("Task ID", "task_id", INT, nullable=False),
            _c("Task", "task", nullable=False),
            _c("Task Type", "task_type"),
            _c("Incumbents Responding", "incumbents", INT),
            DATE,
            DOMAIN,
        ),
        "task lists, task-based matching and job-crafting ideas",
    ),
    _t(
        "Task Ratings.txt",
        "task_rating",
        (
            CODE,
            _c("Task ID", "task_id", INT),
            SCALE,
            _c("Category", "category", INT),
            VALUE,
            N,
            SE,
            LOWER,
            UPPER,
            SUPPRESS,
            DATE,
            DOMAIN,
        ),
        "task importance and frequency",
    ),
    _t(
        "Emerging Tasks.txt",
        "emerging_task",
        (
            CODE,
            _c("Task", "task"),
            _c("Category", "category"),
            _c("Original Task ID", "original_task_id", INT),
            _c("Original Task", "original_task"),
            DATE,
            DOMAIN,
        ),
        "emerging tasks",
    ),
    _t(
        "Task Categories.txt",
        "task_category",
        (SCALE, _c("Category", "category", INT), _c("Category Description", "description")),
        "task frequency names",
    ),
    _t(
        "Tasks to DWAs.txt",
        "task_dwa",
        (CODE, _c("Task ID", "task_id", INT), _c("DWA ID", "dwa_id"), DATE, DOMAIN),
        "detailed work activities of tasks",
    ),
    _t(
        "DWA Reference.txt",
        "dwa_reference",
        (EID, _c("IWA ID", "iwa_id"), _c("DWA ID", "dwa_id"), _c("DWA Title", "title")),
        "detailed work activity names",
    ),
    _t(
        "IWA Reference.txt",
        "iwa_reference",
        (EID, _c("IWA ID", "iwa_id"), _c("IWA Title", "title")),
        "intermediate work activity names",
    ),
    _t(
        "Technology Skills.txt",
        "technology_skill",
        (
            CODE,
            _c("Example", "example", nullable=False),
            _c("Commodity Code", "commodity_code", INT),
            _c("Commodity Title", "commodity_title"),
            _c("Hot Technology", "hot_technology", FLAG),
            _c("In Demand", "in_demand", FLAG, optional=True),
        ),
        "technology skills, hot technologies and technology extraction from text",
    ),
    _t(
        "Tools Used.txt",
        "tool_used",
        (
            CODE,
            _c("Example", "example", nullable=False),
            _c("Commodity Code", "commodity_code", INT),
            _c("Commodity Title", "commodity_title"),
        ),
        "tools on profiles and tool extraction from text",
    ),
    _t(
        "UNSPSC Reference.txt",
        "unspsc_reference",
        (
            _c("Commodity Code", "commodity_code", INT),
            _c("Commodity Title", "commodity_title"),
            _c("Class Code", "class_code", INT),
            _c("Class Title", "class_title"),
            _c("Family Code", "family_code", INT),
            _c("Family Title", "family_title"),
            _c("Segment Code", "segment_code", INT),
            _c("Segment Title", "segment_title"),
        ),
        "grouping of technologies and tools",
    ),
    _t(
        "Related Occupations.txt",
        "related_occupation",
        (
            CODE,
            _c("Related O*NET-SOC Code", "related_code", nullable=False),
            _c("Relatedness Tier", "tier"),
            _c("Index", "rank", INT),
        ),
        "O*NET's related occupations on profiles",
    ),
    _t(
        "Content Model Reference.txt",
        "content_model",
        (EID, _c("Element Name", "name"), _c("Description", "description")),
        "descriptions of skills, knowledge and other elements",
    ),
    _t(
        "Scales Reference.txt",
        "scale_reference",
        (
            SCALE,
            _c("Scale Name", "name"),
            _c("Minimum", "minimum", REAL),
            _c("Maximum", "maximum", REAL),
        ),
        "scale names and ranges",
    ),
    _t(
        "Level Scale Anchors.txt",
        "level_anchor",
        (
            EID,
            ENAME,
            SCALE,
            _c("Anchor Value", "anchor_value", REAL),
            _c("Anchor Description", "description"),
        ),
        "level anchors (what a level means) for skills and knowledge",
    ),
    _t(
        "Work Context Categories.txt",
        "work_context_category",
        (
            EID,
            ENAME,
            SCALE,
            _c("Category", "category", INT),
            _c("Category Description", "description"),
        ),
        "work context category names",
    ),
    _t(
        "Basic Interests to RIASEC.txt",
        "basic_interest_riasec",
        (
            _c("Basic Interests Element ID", "basic_element_id"),
            _c("Basic Interests Element Name", "basic_element_name"),
            _c("RIASEC Element ID", "riasec_element_id"),
            _c("RIASEC Element Name", "riasec_name"),
        ),
        "basic interests",
    ),
    _t(
        "RIASEC Keywords.txt",
        "riasec_keyword",
        (EID, ENAME, _c("Keyword", "keyword"), _c("Keyword Type", "keyword_type")),
        "RIASEC keywords",
    ),
    _t(
        "Interests Illustrative Activities.txt",
        "interest_activity",
        (EID, ENAME, _c("Interest Type", "interest_type"), _c("Activity", "activity")),
        "illustrative interest activities",
    ),
    _t(
        "Interests Illustrative Occupations.txt",
        "interest_occupation",
        (EID, ENAME, _c("Interest Type", "interest_type"), CODE),
        "illustrative interest occupations",
    ),
    _t(
        "Skills to Work Activities.txt",
        "skill_work_activity",
        (_c("Skills Element ID", "skill_id"), _c("Work Activities Element ID", "activity_id")),
        "links from skills to work activities",
    ),
    _t(
        "Skills to Work Context.txt",
        "skill_work_context",
        (_c("Skills Element ID", "skill_id"), _c("Work Context Element ID", "context_id")),
        "links from skills to work context",
    ),
    _t(
        "Abilities to Work Activities.txt",
        "ability_work_activity",
        (_c("Abilities Element ID", "ability_id"), _c("Work Activities Element ID", "activity_id")),
        "links from abilities to work activities",
    ),
    _t(
        "Abilities to Work Context.txt",
        "ability_work_context",
        (_c("Abilities Element ID", "ability_id"), _c("Work Context Element ID", "context_id")),
        "links from abilities to work context",
    ),
    _t(
        "Occupation Level Metadata.txt",
        "occupation_metadata",
        (
            CODE,
            _c("Item", "item"),
            _c("Response", "response"),
            N,
            _c("Percent", "percent", REAL),
            DATE,
        ),
        "survey metadata",
    ),
    _t(
        "Survey Booklet Locations.txt",
        "survey_booklet_location",
        (EID, ENAME, _c("Survey Item Number", "item_number"), SCALE),
        "survey item numbers",
    ),
)

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET {release} Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. unstuck has modified all or some of this "
    "information; USDOL/ETA has not approved, endorsed, or tested these modifications."
)


RATING_DOMAINS = ("skill", "knowledge", "ability", "work_activity", "work_style")


@dataclass(frozen=True)
class LevelAnchor:
    value: float
    description: str


def _lists() -> defaultdict[str, list[Any]]:
    return defaultdict(list)


@dataclass
class OnetTables:
    """The O*NET release in memory, per O*NET-SOC code (a table the build lacks stays empty)."""

    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str | None] = field(default_factory=dict)
    ratings: dict[str, dict[str, list[Rating]]] = field(
        default_factory=lambda: {d: {} for d in RATING_DOMAINS}
    )
    element_names: dict[str, str] = field(default_factory=dict)
    element_descriptions: dict[str, str | None] = field(default_factory=dict)
    anchors: defaultdict[str, list[LevelAnchor]] = field(default_factory=_lists)
    interests: dict[str, list[Interest]] = field(default_factory=dict)
    high_points: dict[str, str] = field(default_factory=dict)
    work_values: dict[str, list[WorkValue]] = field(default_factory=dict)
    job_zones: dict[str, int] = field(default_factory=dict)
    job_zone_ref: dict[int, JobZone] = field(default_factory=dict)
    education: dict[str, list[EducationShare]] = field(default_factory=dict)
    #: Education, Training, and Experience: code -> scale (RL, RW, PT, OJ) -> category -> percent
    #: of incumbents
    preparation: dict[str, dict[str, dict[int, float]]] = field(default_factory=dict)
    tasks: defaultdict[str, list[Task]] = field(default_factory=_lists)
    technology: defaultdict[str, list[Technology]] = field(default_factory=_lists)
    tools: defaultdict[str, list[Tool]] = field(default_factory=_lists)
    related: defaultdict[str, list[tuple[str, str | None, int | None]]] = field(
        default_factory=_lists
    )
    alternate_titles: defaultdict[str, list[str]] = field(default_factory=_lists)
    reported_titles: defaultdict[str, list[str]] = field(default_factory=_lists)
    #: the reported titles O*NET shows in My Next Move: the ones job seekers search for
    common_titles: defaultdict[str, list[str]] = field(default_factory=_lists)
    #: code -> the titles of its detailed work activities (through its tasks), in file order
    detailed_activities: dict[str, list[str]] = field(default_factory=dict)
    #: code -> the intermediate work activity ids of those detailed activities
    activity_groups: dict[str, list[str]] = field(default_factory=dict)
    #: RIASEC element id -> its keywords (RIASEC Keywords.txt)
    riasec_keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _load_titles(conn: sqlite3.Connection, t: OnetTables) -> None:
    """titles, descriptions"""
    for code, title, description in query(
        conn, "SELECT code, title, description FROM occupation ORDER BY code"
    ):
        t.titles[code] = title
        t.descriptions[code] = description


def _load_elements(conn: sqlite3.Connection, t: OnetTables) -> None:
    """element_names, element_descriptions, anchors, ratings"""
    for eid, name, description in query(
        conn, "SELECT element_id, name, description FROM content_model"
    ):
        t.element_names[eid] = name
        t.element_descriptions[eid] = description
    for eid, _scale, value, description in query(
        conn,
        "SELECT element_id, scale_id, anchor_value, description FROM level_anchor "
        "WHERE scale_id = 'LV' ORDER BY element_id, anchor_value",
    ):
        t.anchors[eid].append(LevelAnchor(value, description))
    for domain in RATING_DOMAINS:
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for code, eid, name, scale, value, suppress, not_relevant in query(
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
            t.element_names.setdefault(eid, name)
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
        t.ratings[domain] = dict(per_code)


def _load_interests(conn: sqlite3.Connection, t: OnetTables) -> None:
    """interests, high_points"""
    letters = {i + 1: name[0] for i, name in enumerate(RIASEC)}
    interests: dict[str, list[Interest]] = defaultdict(list)
    high: dict[str, dict[str, float | None]] = defaultdict(dict)
    for code, eid, name, scale, value in query(
        conn,
        "SELECT code, element_id, element_name, scale_id, value FROM interest "
        "ORDER BY code, element_id",
    ):
        if scale == "OI":
            interests[code].append(Interest(eid, name, name[0], value))
        elif scale == "IH":
            high[code][eid] = value
    t.interests = dict(interests)
    for code, points in high.items():
        letters_found = [
            letters[int(point)]
            for eid in sorted(points)
            if (point := points[eid]) is not None and int(point) in letters
        ]
        if letters_found:
            t.high_points[code] = "".join(letters_found)


def _load_values(conn: sqlite3.Connection, t: OnetTables) -> None:
    """work_values"""
    values: dict[str, list[WorkValue]] = defaultdict(list)
    for code, eid, name, value in query(
        conn,
        "SELECT code, element_id, element_name, value FROM work_value WHERE scale_id = 'EX' "
        "ORDER BY code, element_id",
    ):
        values[code].append(WorkValue(eid, name, value))
    t.work_values = dict(values)


def _load_zones(conn: sqlite3.Connection, t: OnetTables) -> None:
    """job_zones, job_zone_ref"""
    for code, zone in query(conn, "SELECT code, job_zone FROM job_zone"):
        if zone is not None:
            t.job_zones[code] = zone
    for zone, name, experience, schooling, training in query(
        conn,
        "SELECT job_zone, name, experience, education, training FROM job_zone_reference",
    ):
        t.job_zone_ref[zone] = JobZone(zone, name, schooling, experience, training)


def _load_education(conn: sqlite3.Connection, t: OnetTables) -> None:
    """education, preparation"""
    labels = {
        cat: desc
        for cat, desc in query(
            conn,
            "SELECT category, description FROM ete_category WHERE scale_id = 'RL'",
        )
    }
    education: dict[str, list[EducationShare]] = defaultdict(list)
    for code, category, value in query(
        conn,
        "SELECT code, category, value FROM education_training_experience "
        "WHERE scale_id = 'RL' ORDER BY code, category",
    ):
        label = labels.get(category, f"Category {category}")
        education[code].append(EducationShare(category, label.split(" - ")[0], value))
    t.education = dict(education)
    preparation: dict[str, dict[str, dict[int, float]]] = defaultdict(dict)
    for code, scale, category, value in query(
        conn,
        "SELECT code, scale_id, category, value FROM education_training_experience "
        "WHERE category IS NOT NULL ORDER BY code, scale_id, category",
    ):
        if value is not None:
            preparation[code].setdefault(scale, {})[int(category)] = float(value)
    t.preparation = dict(preparation)


def _load_tasks(conn: sqlite3.Connection, t: OnetTables) -> None:
    """tasks"""
    for code, task_id, text, kind in query(
        conn, "SELECT code, task_id, task, task_type FROM task ORDER BY code, rowid"
    ):
        t.tasks[code].append(Task(task_id, text, kind))


def _load_technology(conn: sqlite3.Connection, t: OnetTables) -> None:
    """technology, tools"""
    for code, example, commodity, ctitle, hot, demand in query(
        conn,
        "SELECT code, example, commodity_code, commodity_title, hot_technology, in_demand "
        "FROM technology_skill ORDER BY code, rowid",
    ):
        t.technology[code].append(Technology(example, commodity, ctitle, bool(hot), bool(demand)))
    for code, example, ctitle in query(
        conn, "SELECT code, example, commodity_title FROM tool_used ORDER BY code, rowid"
    ):
        t.tools[code].append(Tool(example, ctitle))


def _load_related(conn: sqlite3.Connection, t: OnetTables) -> None:
    """related"""
    for code, other, tier, rank in query(
        conn,
        "SELECT code, related_code, tier, rank FROM related_occupation ORDER BY code, rank",
    ):
        t.related[code].append((other, tier, rank))


def _load_other_titles(conn: sqlite3.Connection, t: OnetTables) -> None:
    """alternate_titles, reported_titles, common_titles"""
    for code, title in query(conn, "SELECT code, title FROM alternate_title ORDER BY rowid"):
        t.alternate_titles[code].append(title)
    for code, short in query(
        conn,
        "SELECT code, short_title FROM alternate_title WHERE short_title IS NOT NULL "
        "ORDER BY rowid",
    ):
        if short not in t.alternate_titles[code]:
            t.alternate_titles[code].append(short)
    for code, title, shown in query(
        conn, "SELECT code, title, shown_in_my_next_move FROM reported_title ORDER BY rowid"
    ):
        t.reported_titles[code].append(title)
        if shown:
            t.common_titles[code].append(title)


def _load_activities(conn: sqlite3.Connection, t: OnetTables) -> None:
    """detailed_activities, activity_groups"""
    for code, title, iwa in query(
        conn,
        "SELECT t.code, r.title, r.iwa_id FROM task_dwa t "
        "JOIN dwa_reference r ON r.dwa_id = t.dwa_id ORDER BY t.rowid",
    ):
        if title:
            t.detailed_activities.setdefault(code, []).append(title)
        if iwa:
            t.activity_groups.setdefault(code, []).append(str(iwa))


def _load_riasec(conn: sqlite3.Connection, t: OnetTables) -> None:
    """riasec_keywords"""
    keywords: dict[str, list[str]] = {}
    for eid, word in query(conn, "SELECT element_id, keyword FROM riasec_keyword"):
        if word:
            keywords.setdefault(eid, []).append(str(word))
    t.riasec_keywords = {k: tuple(v) for k, v in keywords.items()}


#: the parts of the release, each (the OnetTables fields it fills, its loader): a knowledge base
#: loads a part when one of its fields is first used
PARTS: tuple[tuple[tuple[str, ...], Callable[[sqlite3.Connection, OnetTables], None]], ...] = (
    (("titles", "descriptions"), _load_titles),
    (("element_names", "element_descriptions", "anchors", "ratings"), _load_elements),
    (("interests", "high_points"), _load_interests),
    (("work_values",), _load_values),
    (("job_zones", "job_zone_ref"), _load_zones),
    (("education", "preparation"), _load_education),
    (("tasks",), _load_tasks),
    (("technology", "tools"), _load_technology),
    (("related",), _load_related),
    (("alternate_titles", "reported_titles", "common_titles"), _load_other_titles),
    (("detailed_activities", "activity_groups"), _load_activities),
    (("riasec_keywords",), _load_riasec),
)


def load(conn: sqlite3.Connection) -> OnetTables:
    """The O*NET tables of a built knowledge base, in memory."""
    t = OnetTables()
    for _, part in PARTS:
        part(conn, t)
    return t
