"""The O*NET text release: which files the knowledge base loads, and how.

Only ``Occupation Data.txt`` is required. Every other table is optional: when it is absent
(our shared copy of 29.0 lacks Abilities, Work Activities, Work Context and Task Ratings; 30.0
also lacks Skills and Knowledge) the build warns and names the features that lose data.
"""

from __future__ import annotations

from unstuck.knowledge.tables import FLAG, INT, REAL, TEXT, Column, Table

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

_RATING = (CODE, EID, ENAME, SCALE, VALUE, N, SE, LOWER, UPPER, SUPPRESS, NOT_RELEVANT, DATE,
           DOMAIN)  # fmt: skip
_CATEGORY_RATING = (CODE, EID, ENAME, SCALE, Column("Category", "category", INT), VALUE, N, SE,
                    LOWER, UPPER, SUPPRESS, NOT_RELEVANT, DATE, DOMAIN)  # fmt: skip


def _t(file: str, table: str, columns: tuple[Column, ...], degrades: str = "",
       required: bool = False) -> Table:  # fmt: skip
    return Table(file=file, table=table, columns=columns, required=required, degrades=degrades)


def _c(header: str, name: str, type_: str = TEXT, **kw: bool) -> Column:
    return Column(header, name, type_, **kw)


ONET_TABLES: tuple[Table, ...] = (
    _t("Occupation Data.txt", "occupation",
       (CODE, _c("Title", "title", nullable=False), _c("Description", "description")),
       required=True),
    _t("Alternate Titles.txt", "alternate_title",
       (CODE, _c("Alternate Title", "title", nullable=False), _c("Short Title", "short_title"),
        _c("Source(s)", "sources")),
       "title search by alternate titles"),
    _t("Sample of Reported Titles.txt", "reported_title",
       (CODE, _c("Reported Job Title", "title", nullable=False),
        _c("Shown in My Next Move", "shown_in_my_next_move", FLAG)),
       "title search by titles reported by workers"),
    _t("Job Zones.txt", "job_zone",
       (CODE, _c("Job Zone", "job_zone", INT), DATE, DOMAIN),
       "job zones (preparation needed) and the education step between occupations"),
    _t("Job Zone Reference.txt", "job_zone_reference",
       (_c("Job Zone", "job_zone", INT), _c("Name", "name"), _c("Experience", "experience"),
        _c("Education", "education"), _c("Job Training", "training"),
        _c("Examples", "examples"), _c("SVP Range", "svp_range")),
       "job zone descriptions"),
    _t("Education, Training, and Experience.txt", "education_training_experience",
       _CATEGORY_RATING[:-1] + (DOMAIN,),
       "typical education, training and experience"),
    _t("Education, Training, and Experience Categories.txt", "ete_category",
       (EID, ENAME, SCALE, _c("Category", "category", INT),
        _c("Category Description", "description")),
       "names of education levels"),
    _t("Skills.txt", "skill", _RATING, "skills on occupation profiles, skill gaps and matching"),
    _t("Knowledge.txt", "knowledge", _RATING,
       "knowledge areas on occupation profiles, knowledge gaps and matching"),
    _t("Abilities.txt", "ability", _RATING, "abilities in matching and on profiles"),
    _t("Work Activities.txt", "work_activity", _RATING,
       "work activities in matching, job-crafting ideas"),
    _t("Work Context.txt", "work_context", _CATEGORY_RATING, "work context on profiles"),
    _t("Work Styles.txt", "work_style", _RATING, "work styles on profiles"),
    _t("Interests.txt", "interest", (CODE, EID, ENAME, SCALE, VALUE, DATE, DOMAIN),
       "RIASEC interest profiles and interest fit"),
    _t("Work Values.txt", "work_value", (CODE, EID, ENAME, SCALE, VALUE, DATE, DOMAIN),
       "work values on profiles and values fit"),
    _t("Task Statements.txt", "task",
       (CODE, _c("Task ID", "task_id", INT, nullable=False), _c("Task", "task", nullable=False),
        _c("Task Type", "task_type"), _c("Incumbents Responding", "incumbents", INT), DATE,
        DOMAIN),
       "task lists, task-based matching and job-crafting ideas"),
    _t("Task Ratings.txt", "task_rating",
       (CODE, _c("Task ID", "task_id", INT), SCALE, _c("Category", "category", INT), VALUE, N,
        SE, LOWER, UPPER, SUPPRESS, DATE, DOMAIN),
       "task importance and frequency"),
    _t("Emerging Tasks.txt", "emerging_task",
       (CODE, _c("Task", "task"), _c("Category", "category"),
        _c("Original Task ID", "original_task_id", INT), _c("Original Task", "original_task"),
        DATE, DOMAIN),
       "emerging tasks"),
    _t("Task Categories.txt", "task_category",
       (SCALE, _c("Category", "category", INT), _c("Category Description", "description")),
       "task frequency names"),
    _t("Tasks to DWAs.txt", "task_dwa",
       (CODE, _c("Task ID", "task_id", INT), _c("DWA ID", "dwa_id"), DATE, DOMAIN),
       "detailed work activities of tasks"),
    _t("DWA Reference.txt", "dwa_reference",
       (EID, _c("IWA ID", "iwa_id"), _c("DWA ID", "dwa_id"), _c("DWA Title", "title")),
       "detailed work activity names"),
    _t("IWA Reference.txt", "iwa_reference",
       (EID, _c("IWA ID", "iwa_id"), _c("IWA Title", "title")),
       "intermediate work activity names"),
    _t("Technology Skills.txt", "technology_skill",
       (CODE, _c("Example", "example", nullable=False), _c("Commodity Code", "commodity_code", INT),
        _c("Commodity Title", "commodity_title"), _c("Hot Technology", "hot_technology", FLAG),
        _c("In Demand", "in_demand", FLAG, optional=True)),
       "technology skills, hot technologies and technology extraction from text"),
    _t("Tools Used.txt", "tool_used",
       (CODE, _c("Example", "example", nullable=False), _c("Commodity Code", "commodity_code", INT),
        _c("Commodity Title", "commodity_title")),
       "tools on profiles and tool extraction from text"),
    _t("UNSPSC Reference.txt", "unspsc_reference",
       (_c("Commodity Code", "commodity_code", INT), _c("Commodity Title", "commodity_title"),
        _c("Class Code", "class_code", INT), _c("Class Title", "class_title"),
        _c("Family Code", "family_code", INT), _c("Family Title", "family_title"),
        _c("Segment Code", "segment_code", INT), _c("Segment Title", "segment_title")),
       "grouping of technologies and tools"),
    _t("Related Occupations.txt", "related_occupation",
       (CODE, _c("Related O*NET-SOC Code", "related_code", nullable=False),
        _c("Relatedness Tier", "tier"), _c("Index", "rank", INT)),
       "O*NET's related occupations on profiles"),
    _t("Content Model Reference.txt", "content_model",
       (EID, _c("Element Name", "name"), _c("Description", "description")),
       "descriptions of skills, knowledge and other elements"),
    _t("Scales Reference.txt", "scale_reference",
       (SCALE, _c("Scale Name", "name"), _c("Minimum", "minimum", REAL),
        _c("Maximum", "maximum", REAL)),
       "scale names and ranges"),
    _t("Level Scale Anchors.txt", "level_anchor",
       (EID, ENAME, SCALE, _c("Anchor Value", "anchor_value", REAL),
        _c("Anchor Description", "description")),
       "level anchors (what a level means) for skills and knowledge"),
    _t("Work Context Categories.txt", "work_context_category",
       (EID, ENAME, SCALE, _c("Category", "category", INT),
        _c("Category Description", "description")),
       "work context category names"),
    _t("Basic Interests to RIASEC.txt", "basic_interest_riasec",
       (_c("Basic Interests Element ID", "basic_element_id"),
        _c("Basic Interests Element Name", "basic_element_name"),
        _c("RIASEC Element ID", "riasec_element_id"), _c("RIASEC Element Name", "riasec_name")),
       "basic interests"),
    _t("RIASEC Keywords.txt", "riasec_keyword",
       (EID, ENAME, _c("Keyword", "keyword"), _c("Keyword Type", "keyword_type")),
       "RIASEC keywords"),
    _t("Interests Illustrative Activities.txt", "interest_activity",
       (EID, ENAME, _c("Interest Type", "interest_type"), _c("Activity", "activity")),
       "illustrative interest activities"),
    _t("Interests Illustrative Occupations.txt", "interest_occupation",
       (EID, ENAME, _c("Interest Type", "interest_type"), CODE),
       "illustrative interest occupations"),
    _t("Skills to Work Activities.txt", "skill_work_activity",
       (_c("Skills Element ID", "skill_id"), _c("Work Activities Element ID", "activity_id")),
       "links from skills to work activities"),
    _t("Skills to Work Context.txt", "skill_work_context",
       (_c("Skills Element ID", "skill_id"), _c("Work Context Element ID", "context_id")),
       "links from skills to work context"),
    _t("Abilities to Work Activities.txt", "ability_work_activity",
       (_c("Abilities Element ID", "ability_id"), _c("Work Activities Element ID", "activity_id")),
       "links from abilities to work activities"),
    _t("Abilities to Work Context.txt", "ability_work_context",
       (_c("Abilities Element ID", "ability_id"), _c("Work Context Element ID", "context_id")),
       "links from abilities to work context"),
    _t("Occupation Level Metadata.txt", "occupation_metadata",
       (CODE, _c("Item", "item"), _c("Response", "response"), N,
        _c("Percent", "percent", REAL), DATE),
       "survey metadata"),
    _t("Survey Booklet Locations.txt", "survey_booklet_location",
       (EID, ENAME, _c("Survey Item Number", "item_number"), SCALE),
       "survey item numbers"),
)  # fmt: skip

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET {release} Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. unstuck has modified all or some of this "
    "information; USDOL/ETA has not approved, endorsed, or tested these modifications."
)
