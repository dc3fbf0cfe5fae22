"""Matching a requirement to its evidence beyond identical words (issue 13, item 4): stems, O*NET
task language, degree and licence equivalence, and the skills of the duties. Table-driven, on
facts built here (the readers are tested elsewhere)."""

from __future__ import annotations

import pytest

from unstuck.core.credentials import credentials, states
from unstuck.core.lemma import content_stems, stem
from unstuck.core.match import (
    EQUIVALENT_YEARS,
    OTHER_FIELD_CREDIT,
    OTHER_STATE_CREDIT,
    TASK_CREDIT,
    WEIGHTS,
    AskFact,
    EducationFact,
    PositionFact,
    PostingFacts,
    RequirementFact,
    ResumeFacts,
    TaskFact,
    TaskLanguage,
    degree_fields,
    degree_item,
    licence_item,
    match,
)

NOW = 2026 * 12 + 10


# -- stems ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        ["administer", "administered", "administering", "administration", "administrator"],
        ["manage", "managed", "managing", "management", "manager"],
        ["educate", "educated", "education", "educator", "educational"],
        ["supervise", "supervised", "supervising", "supervisor", "supervision"],
        ["document", "documented", "documentation"],
        ["assess", "assessed", "assessment"],
        ["lead", "led", "leading", "leader", "leadership"],
        ["comply", "complied", "compliance"],
        ["analyze", "analyse", "analyzed", "analysis"],
        ["organize", "organise", "organized", "organization", "organizational"],
        ["teach", "taught", "teaching", "teacher"],
        ["plan", "planned", "planning", "plans"],
        ["care", "cared", "caring", "cares"],
        ["maintain", "maintained", "maintenance"],
        ["coordinate", "coordinated", "coordination", "coordinator"],
        ["deliver", "delivered", "delivery"],
        ["medication", "medications", "medicate"],
    ],
)
def test_forms_of_a_word_share_a_stem(forms: list[str]) -> None:
    assert len({stem(w) for w in forms}) == 1, {w: stem(w) for w in forms}


@pytest.mark.parametrize(
    ("a", "b"),
    [("care", "car"), ("care", "career"), ("present", "president"), ("nurse", "nut"),
     ("patient", "patent"), ("sale", "sell"), ("account", "accurate")],
)  # fmt: skip
def test_different_words_keep_different_stems(a: str, b: str) -> None:
    assert stem(a) != stem(b)


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("medication administration", "Administer medications"),
        ("team management", "managed a team of 12"),
        ("process improvement", "Improve processes"),
        ("patient education", "Educated patients and families"),
        ("inventory management", "Managed inventories for three stores"),
    ],
)
def test_phrases_meet_through_stems(asked: str, written: str) -> None:
    assert content_stems(asked) <= content_stems(written)


def test_function_words_are_not_compared() -> None:
    assert content_stems("the ability to manage a team") == content_stems("team management")


# -- same words and task language ----------------------------------------------------------------


def ask(label: str, section: str = "required", line: str | None = None) -> AskFact:
    return AskFact("esco", label.lower(), label, section == "required",
                   (line or f"- {label}",), (label,), section)  # fmt: skip


ATTORNEY = PositionFact("Associate Attorney", "Morrow LLP", "2017", None, True,
                        "Associate Attorney, Morrow LLP - Boston, MA, 2017 - Present")  # fmt: skip
RESEARCH = TaskFact("23-1011.00", "Lawyers", "Research relevant legal materials to aid decision "
                    "making.", (ATTORNEY.line,))  # fmt: skip
NURSE = PositionFact("Staff Nurse", "Riverside", "2017", None, True,
                     "Riverside Hospital | Staff Nurse | 2017 - Present")  # fmt: skip
MEDS = TaskFact("29-1141.00", "Registered Nurses", "Administer medications to patients and monitor "
                "patients for reactions or side effects.", (NURSE.line,))  # fmt: skip
RECORD = TaskFact("29-1141.00", "Registered Nurses", "Record patients' medical information and "
                  "vital signs.", (NURSE.line,))  # fmt: skip


def item_for(resume: ResumeFacts, *asks: AskFact):
    result = match(resume, PostingFacts(skills=asks), now_month=NOW)
    items = [i for c in result.components.values() for i in c.items]
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("asked", "lines", "tasks", "how", "credit", "evidence"),
    [
        # the same words, as stems, in one clause of the resume's own lines
        ("medication administration", ["• Administered medications and IV therapy to 6 patients"],
         (), "words", 1.0, "• Administered medications and IV therapy to 6 patients"),
        ("team management", ["Managed a team of 12 cashiers"], (), "words", 1.0,
         "Managed a team of 12 cashiers"),
        # a skills line is a list: "patient" and "education" in two items are not one skill
        ("patient education", ["Patient assessment, wound care, health education, IV therapy"],
         (), "", 0.0, None),
        # a negated line is not evidence, as the readers never record a negated mention
        ("team management", ["No experience managing a team"], (), "", 0.0, None),
        # the lines that date a position name employers and places, not skills
        ("logistics", [ATTORNEY.line.replace("Morrow LLP", "Parcel Logistics")], (), "", 0.0,
         None),
        # task language: the ask's words in an O*NET activity of the position's occupation
        ("legal research", ["Drafted motions and briefs"], (RESEARCH,), "task", TASK_CREDIT,
         ATTORNEY.line),
        ("legal research", ["Drafted motions and briefs"], (), "", 0.0, None),
        # one word alone is not task language unless the whole posting line reads like the task
        ("research", ["Drafted motions and briefs"], (RESEARCH,), "", 0.0, None),
        # the resume's own words come before the occupation's
        ("medication administration", ["Administered medications"], (MEDS,), "words", 1.0,
         "Administered medications"),
    ],
)  # fmt: skip
def test_requirement_meets_evidence(asked, lines, tasks, how, credit, evidence) -> None:
    # a line ending "Present" is the line a position is dated on
    positions = tuple(PositionFact(None, None, "2017", None, True, ln) for ln in lines
                      if ln.endswith("Present"))  # fmt: skip
    resume = ResumeFacts(lines=tuple(lines), tasks=tuple(tasks), positions=positions)
    item = item_for(resume, ask(asked))
    assert (item.how, item.credit) == (how, credit)
    assert (item.lines[0] if item.lines else None) == evidence
    if how == "task":
        assert "Lawyers" in item.note and "Research relevant legal materials" in item.note


def test_a_duty_line_phrased_like_a_task_meets_its_one_word_skill() -> None:
    duty = "- Administer medications to patients and monitor reactions and side effects"
    resume = ResumeFacts(lines=("Precepted new graduate nurses",), tasks=(MEDS,),
                         positions=(NURSE,))  # fmt: skip
    item = item_for(resume, ask("medications", "duties", duty))
    assert (item.how, item.credit, item.lines) == ("task", TASK_CREDIT, (NURSE.line,))
    assert "Administer medications to patients" in item.note


def test_a_tool_the_task_does_not_name_is_not_met_by_task_language() -> None:
    duty = "- Record patients' medical information and vital signs in Epic"
    resume = ResumeFacts(lines=("Precepted new graduate nurses",), tasks=(RECORD,),
                         positions=(NURSE,))  # fmt: skip
    item = item_for(resume, ask("Epic", "duties", duty))
    assert not item.met and item.how == ""


# -- the skills of the duties --------------------------------------------------------------------


def test_duty_skills_are_their_own_lighter_component_not_preferred() -> None:
    resume = ResumeFacts(lines=("Built SQL reports",))
    posting = PostingFacts(skills=(ask("SQL"), ask("Tableau", "duties"), ask("Python", "preferred"),
                                   ask("Excel", "duties")))  # fmt: skip
    result = match(resume, posting, now_month=NOW)
    duties = result.components["duties"]
    assert [i.requirement for i in duties.items] == ["Tableau", "Excel"]
    assert [i.requirement for i in result.components["preferred"].items] == ["Python"]
    assert not any(i.required for i in duties.items)
    per_duty = duties.weight / len(duties.items)
    per_required = result.components["required"].weight / len(result.components["required"].items)
    assert per_duty < per_required and WEIGHTS["duties"] < WEIGHTS["required"]
    gaps = [(g.component, g.requirement) for g in result.skill_gaps()]
    assert ("duties", "Tableau") in gaps and ("preferred", "Python") in gaps


def test_an_ask_in_the_requirements_and_the_duties_is_required() -> None:
    both = (ask("SQL", "duties"), AskFact("technology", "sql", "SQL", True, ("- SQL",), ("SQL",),
                                          "required"))  # fmt: skip
    result = match(ResumeFacts(), PostingFacts(skills=both), now_month=NOW)
    assert [i.requirement for i in result.components["required"].items] == ["SQL"]
    assert not result.components["duties"].shown


def test_stored_asks_without_a_section_read_as_before() -> None:
    data = {"skills": [{"kind": "esco", "id": "x", "label": "SQL", "required": False,
                        "evidence": ["SQL"], "surface": ["SQL"]}]}  # fmt: skip
    posting = PostingFacts.from_dict(data)
    assert posting.skills[0].part == "preferred"


# -- degrees -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "fields", "related"),
    [
        ("Bachelor's degree in nursing or equivalent experience", ("nursing",), False),
        ("Bachelor's degree in Business, Supply Chain or related field",
         ("Business", "Supply Chain"), True),
        ("Associate's degree in nursing required", ("nursing",), False),
        ("BSN preferred", ("nursing",), False),
        ("MBA", ("business administration",), False),
        ("Bachelor's degree in a quantitative field", (), False),
        ("High school diploma or GED", (), False),
    ],
)  # fmt: skip
def test_degree_fields(line: str, fields: tuple[str, ...], related: bool) -> None:
    assert degree_fields(line) == (fields, related)


BSN = EducationFact(
    "Bachelor",
    "Nursing",
    "Ohio State",
    "2014",
    "Bachelor of Science in Nursing (BSN), Ohio State, 2014",
    "bachelor",
)
MSN = EducationFact("Master", "Nursing", "Kent State", "2019", "MSN, Kent State, 2019", "master")
BA_HISTORY = EducationFact(
    "B.A.", "History", "Tufts", "2013", "B.A. in History, Tufts, 2013", "bachelor"
)
JD = EducationFact(
    "J.D.", "Law", "BU", "2016", "J.D., Boston University School of Law, 2016", "professional"
)
PHD = EducationFact(
    "Ph.D.", "Chemistry", "MIT", "2015", "Ph.D. in Chemistry, MIT, 2015", "doctorate"
)
EXPECTED = EducationFact(
    "BSN", "Nursing", "Ohio State", None, "BSN, Ohio State, expected May 2027", "bachelor"
)
NURSING_OR_EQUIVALENT = RequirementFact(
    "degree",
    "bachelor",
    True,
    "Bachelor's degree in nursing or equivalent experience",
    "equivalent experience",
)
NURSING_REQUIRED = RequirementFact(
    "degree", "bachelor", True, "Bachelor's degree in nursing required"
)
JD_REQUIRED = RequirementFact("degree", "professional", True, "J.D. from an accredited law school")
RELATED = RequirementFact(
    "degree", "bachelor", True, "Bachelor's degree in Business, Supply Chain or related field"
)
DATED = ("Staff Nurse, Riverside - 2015 - Present",)


@pytest.mark.parametrize(
    ("req", "education", "years", "credit", "how"),
    [
        (NURSING_OR_EQUIVALENT, [BSN], None, 1.0, "degree"),
        (NURSING_OR_EQUIVALENT, [MSN], None, 1.0, "higher degree"),
        (NURSING_OR_EQUIVALENT, [], 6.0, 1.0, "equivalent experience"),
        (NURSING_OR_EQUIVALENT, [], 2.0, 2.0 / EQUIVALENT_YEARS["bachelor"],
         "equivalent experience"),
        (NURSING_OR_EQUIVALENT, [BA_HISTORY], 10.0, 1.0, "equivalent experience"),
        (NURSING_OR_EQUIVALENT, [BA_HISTORY], None, OTHER_FIELD_CREDIT, "degree"),
        (NURSING_REQUIRED, [], 10.0, 0.0, ""),  # no "or equivalent": years do not stand in
        (NURSING_REQUIRED, [BA_HISTORY], 10.0, OTHER_FIELD_CREDIT, "degree"),
        (NURSING_REQUIRED, [EXPECTED], None, 0.0, ""),  # not earned yet
        (JD_REQUIRED, [JD], None, 1.0, "degree"),
        (JD_REQUIRED, [PHD], None, 0.0, ""),  # a doctorate is not a law degree
        (RELATED, [BA_HISTORY], None, 1.0, "degree"),  # "or related field": not ours to judge
        (RequirementFact("degree", "master", True, "Master's degree"), [JD], None, 1.0,
         "degree"),
    ],
)  # fmt: skip
def test_degree_equivalence(req, education, years, credit, how) -> None:
    item = degree_item(req, education, years, DATED if years else ())
    assert item.credit == pytest.approx(credit, abs=0.001)
    assert item.how == how
    assert item.met is (credit > 0)
    if how == "equivalent experience":
        assert item.lines == DATED and "years" in item.note
    elif item.met:
        assert item.lines == (education[0].line,)


# -- licences ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Current Ohio RN license", {"rn"}),
        ("Registered Nurse, State of Ohio, license #RN-445566", {"rn"}),
        ("LPN or LVN license", {"lpn"}),
        ("Class A CDL with a clean driving record", {"cdl"}),
        ("Commercial Driver's License (CDL-A)", {"cdl"}),
        ("PE license preferred", {"pe"}),
        ("Physical education (pe) teacher", set()),  # abbreviations only in capitals
        ("Certified Public Accountant", {"cpa"}),
        ("PMP certification", {"pmp"}),
        ("SHRM-CP or SHRM-SCP", {"shrm-cp", "shrm-scp"}),  # not "CP" (paralegal)
        ("APICS CSCP or CPIM certification", {"cscp", "cpim"}),
        ("EPA 608 Universal certification", {"epa-608"}),
        ("Reports to the store manager", set()),
        ("CompTIA A+ certification", {"comptia-a+"}),
        ("Graduated with an A+ average", set()),  # "A+" alone is a grade
    ],
)  # fmt: skip
def test_credentials_by_name_or_abbreviation(text: str, ids: set[str]) -> None:
    assert credentials(text) == ids


def test_states() -> None:
    assert states("Registered Nurse, State of New Jersey") == {"New Jersey"}
    assert states("West Virginia licence") == {"West Virginia"}
    assert states("Licensed in Ohio and Virginia") == {"Ohio", "Virginia"}


@pytest.mark.parametrize(
    ("value", "certifications", "name_line", "credit", "note"),
    [
        ("RN license", ["Registered Nurse, State of Ohio, license #RN-445566"], "", 1.0, ""),
        ("Current Ohio RN license", ["Registered Nurse (RN), Ohio Board of Nursing"], "", 1.0, ""),
        ("Current Ohio RN license", ["Registered Nurse, State of Pennsylvania"], "",
         OTHER_STATE_CREDIT, "held in Pennsylvania"),
        ("Current Ohio RN license", ["Registered Nurse (RN)"], "", 1.0, ""),  # no state named
        ("RN license", [], "Dana Cruz, BSN, RN", 1.0, ""),  # after the name
        ("Class A CDL", ["Commercial Driver's License, Class A, Texas"], "", 1.0, ""),
        ("PE license", ["Professional Engineer, Ohio #PE.81234"], "", 1.0, ""),
        ("CPA", ["Certified Public Accountant, New Jersey"], "", 1.0, ""),
        ("SHRM-CP certification", ["SHRM Certified Professional, 2021"], "", 1.0, ""),
        ("PMP certification", ["Project Management Professional (PMI), 2020"], "", 1.0, ""),
        ("APICS CSCP or CPIM certification", ["APICS CPIM, 2018"], "", 1.0, ""),  # either one
        ("LPN license", ["Registered Nurse (RN), Ohio"], "", 0.0, ""),  # another licence
        ("Massachusetts bar", ["Massachusetts Bar"], "", 1.0, ""),  # words, outside the table
        ("Forklift certification", ["OSHA 10"], "", 0.0, ""),
    ],
)  # fmt: skip
def test_licence_equivalence(value, certifications, name_line, credit, note) -> None:
    req = RequirementFact("licence", value, True, f"- {value}")
    resume = ResumeFacts(certifications=tuple(certifications), name_line=name_line)
    item = licence_item(req, resume)
    assert (item.credit, item.note) == (credit, note)
    if credit:
        assert item.lines == ((certifications or [name_line])[0],)
        assert item.how == ("words" if value == "Massachusetts bar" else "licence")


def test_stored_resume_gives_lines_name_and_levels() -> None:
    data = {
        "preamble": ["Dana Cruz, BSN, RN", "dana@example.com"],
        "sections": [
            {"kind": "summary", "heading": "Summary", "lines": ["Nurse with 8 years"]},
            {"kind": "education", "heading": "Education", "lines": ["BSN, Ohio State"]},
            {"kind": "experience", "heading": "Experience", "lines": ["- Administered meds"]},
        ],
        "education": [{"degree": "BSN", "field": "Nursing", "school": "Ohio State",
                       "end": None, "evidence": "BSN, Ohio State", "level": "bachelor"}],
    }  # fmt: skip
    r = ResumeFacts.from_dict(data)
    assert r.lines == ("Nurse with 8 years", "- Administered meds")  # not the education line
    assert r.name_line == "Dana Cruz, BSN, RN"
    assert r.education[0].level == "bachelor"


# -- generic title words -------------------------------------------------------------------------


def test_titles_sharing_only_a_generic_word_count_half_and_not_their_years() -> None:
    ops = PositionFact("Operations Manager", "Parcel Co", "2015", None, True,
                       "Operations Manager, Parcel Co - 2015 - Present")  # fmt: skip
    resume = ResumeFacts(positions=(ops,))
    years = (RequirementFact("experience", "3 years", True, "3+ years"),)
    store = match(resume, PostingFacts(title="Store Manager", requirements=years), now_month=NOW)
    assert store.components["title"].items[0].credit == 0.25
    assert store.components["experience"].items[0].credit == 0.0
    same = match(resume, PostingFacts(title="Operations Manager - Distribution Center",
                                      requirements=years), now_month=NOW)  # fmt: skip
    assert same.components["title"].items[0].credit == 0.5
    assert same.components["experience"].items[0].credit == 1.0


def test_only_phrases_distinctive_of_the_work_are_task_language() -> None:
    # "data analysis" is in the work of every occupation here; "legal research" of one in four
    work = {
        "23-1011.00": ["Research relevant legal materials to aid decision making.",
                       "Analyze data to inform decisions."],
        **{f"00-000{i}.00": ["Analyze data to inform operational decisions."] for i in range(3)},
    }  # fmt: skip
    language = TaskLanguage(work)
    assert language.share(content_stems("legal research")) == 0.25
    assert language.share(content_stems("data analysis")) == 1.0
    resume = ResumeFacts(
        lines=("Drafted motions",),
        tasks=tuple(
            TaskFact("23-1011.00", "Lawyers", t, (ATTORNEY.line,)) for t in work["23-1011.00"]
        ),
    )
    posting = PostingFacts(skills=(ask("legal research"), ask("data analysis")))
    strict = TaskLanguage({**work, **{f"99-{i:04d}.00": ["Greet guests."] for i in range(20)}})
    result = match(resume, posting, now_month=NOW, language=strict)
    met = {i.requirement: i.how for i in result.components["required"].items}
    assert met == {"legal research": "task", "data analysis": ""}  # 1/24 vs 4/24 of occupations
    loose = match(resume, posting, now_month=NOW)  # without the index every phrase counts
    assert all(i.how == "task" for i in loose.components["required"].items)


def test_people_a_task_names_are_not_its_work() -> None:
    confer = TaskFact("15-1252.00", "Software Developers",
                      "Confer with data processing or project managers to obtain information.",
                      (ATTORNEY.line,))  # fmt: skip
    manage = TaskFact("15-1252.00", "Software Developers",
                      "Manage information technology projects.", (ATTORNEY.line,))  # fmt: skip
    assert not item_for(ResumeFacts(tasks=(confer,)), ask("manage projects")).met
    item = item_for(ResumeFacts(tasks=(manage,)), ask("manage projects"))
    assert (item.how, item.credit) == ("task", TASK_CREDIT)
