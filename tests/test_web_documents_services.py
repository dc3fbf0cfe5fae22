"""The documents API (unstuck.app.documents.services) on a real database and knowledge base,
with resumes and postings in real formats written here."""

from __future__ import annotations

import csv
import io
import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from unstuck.app.documents import models, services
from unstuck.app.profile import services as profile_services
from unstuck.knowledge.store import KnowledgeBase
from unstuck.text.vocabulary import skill_extractor

pytestmark = pytest.mark.django_db
ANALYST = "15-2051.00"  # Data Scientists

RESUME = """Jane Doe
Data analyst

Experience
Senior Data Analyst, Acme Corp   Jan 2019 – Present
- Ran the weekly stand-up
- Built dashboards in Microsoft Excel and wrote Python scripts
- No experience with Tableau
Junior Analyst | Globex
2015 - 2018
- Wrote SQL queries with Microsoft Access

Education
BSc in Statistics, University of Leeds, 2015
"""

POSTING = """Data Scientist - Initech
Requirements
- 3+ years of experience
- Bachelor's degree in statistics
- Python and Microsoft Excel
- Tableau
Nice to have
- Microsoft Access
No Java needed.
Salary: $90,000 - $120,000 per year
"""


def docx(lines: list[str]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body>'
                                        "</w:document>")
    return buf.getvalue()


def linkedin_zip() -> bytes:
    def table(rows: list[dict[str, str]]) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("Profile.csv", table([{"First Name": "Sam", "Last Name": "Lee",
                                           "Headline": "Registered Nurse"}]))
        z.writestr("Positions.csv", table([
            {"Company Name": "City Hospital", "Title": "Registered Nurse",
             "Description": "Charted care in Epic Systems and Microsoft Excel. "
                            "Used critical thinking and mathematics every day.",
             "Location": "Ohio", "Started On": "Mar 2017", "Finished On": ""},
        ]))
        z.writestr("Skills.csv", table([{"Name": "Microsoft Excel"}]))
    return buf.getvalue()


def labels(resume: models.Resume) -> set[str]:
    return {s["label"] for s in resume.parsed["skills"]}


# -- resumes ------------------------------------------------------------------------------------


def test_import_text_resume_keeps_parsed_evidence(kb: KnowledgeBase) -> None:
    r = services.import_resume(RESUME.encode(), "cv.txt")
    assert models.Resume.objects.count() == 1 and r.kind == "text" and r.name == "Jane Doe"
    assert [p["title"] for p in r.parsed["positions"]] == ["Senior Data Analyst", "Junior Analyst"]
    excel = next(s for s in r.parsed["skills"] if s["label"] == "Microsoft Excel")
    assert any("Microsoft Excel" in line for line in excel["evidence"])
    assert "Tableau" not in " ".join(labels(r))  # "No experience with Tableau"
    assert services.list_resumes() == [r] and services.get_resume(r.pk) == r


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"", "empty.txt"), (b"not a pdf at all", "cv.pdf"), (b"\x00\x01\x02" * 100, "cv.bin"),
     (b"PK\x03\x04broken", "cv.docx"), (b"%PDF-1.4 garbage", "cv.pdf")],
)
def test_bad_resume_stores_nothing(kb: KnowledgeBase, data: bytes, name: str) -> None:
    services.import_resume(RESUME.encode(), "good.txt")
    with pytest.raises(services.ResumeError):
        services.import_resume(data, name)
    assert models.Resume.objects.count() == 1


def test_import_docx(kb: KnowledgeBase) -> None:
    r = services.import_resume(docx(RESUME.splitlines()), "cv.docx")
    assert r.kind == "docx" and "Microsoft Excel" in labels(r)


def test_linkedin_suggestions_apply_only_what_was_accepted(kb: KnowledgeBase) -> None:
    r = services.import_resume(linkedin_zip(), "Basic_LinkedInDataExport.zip")
    assert r.kind == "linkedin"
    before = profile_services.to_core(profile_services.get_profile())
    s = services.profile_suggestions(r)
    assert s["occupations"][0]["code"] == "29-1141.00"  # Registered Nurses
    assert s["occupations"][0]["evidence"]
    tech = {t["name"] for t in s["technology"]}
    assert {"Microsoft Excel", "Epic Systems"} <= tech
    # nothing changes before the person confirms
    assert profile_services.to_core(profile_services.get_profile()) == before
    services.apply_suggestions(r, {"occupation": "29-1141.00", "technology": ["Epic Systems"],
                                   "skills": []})
    after = profile_services.to_core(profile_services.get_profile())
    assert after.occupation_code == "29-1141.00"
    years = s["occupations"][0]["years"]  # Mar 2017 to the present
    assert years is not None and years > 8 and after.years_in_occupation == years
    assert after.technology == ("Epic Systems",)  # Excel was not accepted
    assert {r.element_id for r in after.ratings} == {r.element_id for r in before.ratings} | {
        eid for eid, _, _, _ in profile_services.occupation_levels(kb, "29-1141.00")
    }
    skills = {x["name"]: x for x in s["skills"]}
    assert {"Critical Thinking", "Mathematics"} <= set(skills)
    math = skills["Mathematics"]
    assert any("mathematics" in line for line in math["evidence"])
    services.apply_suggestions(r, {"skills": [math["element_id"]]})
    rating = {
        x.element_id: x for x in profile_services.to_core(profile_services.get_profile()).ratings
    }[math["element_id"]]
    nurse_level = next(
        x.level
        for x in (*kb.occupation("29-1141.00").skills, *kb.occupation("29-1141.00").knowledge)
        if x.element_id == math["element_id"]
    )
    assert rating.level == rating.typical == nurse_level
    with pytest.raises(ValueError, match="not suggested"):
        services.apply_suggestions(r, {"occupation": "11-1011.00"})
    assert profile_services.to_core(profile_services.get_profile()).occupation_code == "29-1141.00"


NURSE_RESUME = b"""PAT EXAMPLE
Columbus, OH

EXPERIENCE
Staff Nurse, county hospital, Columbus, OH   2016 - present
- Care for 5-6 patients a shift on a 32-bed medical-surgical unit

EDUCATION
BSN, Nursing, Ohio State University (2016)
Attended the MBA programme at Capital University, 12 credits toward MBA (2022)

LICENSES
Registered Nurse, State of Ohio, license #RN.123456
BLS and ACLS (American Heart Association)
"""


def test_a_resume_fills_in_education_and_credentials_once_confirmed(kb: KnowledgeBase) -> None:
    from unstuck.app.profile import wizard

    r = services.import_resume(NURSE_RESUME, "resume.txt")
    s = services.profile_suggestions(r)
    assert s["education"] is not None and s["education"]["level"] == 6  # the BSN, not the MBA
    assert "BSN" in s["education"]["evidence"][0]
    names = [c["name"] for c in s["credentials"]]
    assert any("Registered Nurse" in n for n in names), names
    before = profile_services.get_profile()
    assert before.education is None and wizard.status(before, "about") == ""
    services.apply_suggestions(
        r, {"education": True, "credentials": [n for n in names if "Registered" in n]}
    )
    after = profile_services.to_core(profile_services.get_profile())
    assert after.education == 6
    assert any("Registered Nurse" in c for c in after.credentials)
    assert not any("BLS" in c for c in after.credentials)  # not ticked, not added
    row = profile_services.get_profile()
    assert wizard.status(row, "about") == wizard.FROM_RESUME == wizard.status(row, "skills")
    assert wizard.minutes("about", wizard.status(row, "about")) == wizard.CHECK_MINUTES
    assert wizard.resume_step(row).slug == "about"  # to check, before going on
    # the suggestion is gone once the profile says as much, and a resume never lowers it
    assert services.profile_suggestions(r)["education"] is None
    stated = profile_services.to_core(profile_services.get_profile())
    import dataclasses

    profile_services.save_profile(dataclasses.replace(stated, education=8))
    assert services.profile_suggestions(r)["education"] is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("SHRM-CP", "SHRM Certified Professional (SHRM-CP)", True),
        ("Registered Nurse, State of Ohio", "registered nurse, state of ohio", True),
        ("PMP", "CAPM", False),
        ("CP", "NALA Certified Paralegal (CP)", True),
        ("RN", "BLS and ACLS", False),
    ],
)
def test_one_credential_written_two_ways_is_added_once(a: str, b: str, same: bool) -> None:
    assert services.same_credential(a, b) is same


@pytest.mark.parametrize(
    "line",
    [
        "Attended Whitehaven High School through 11th grade",
        "Associate of Arts, General Studies, Mesa Community College (in progress)",
        "MBA candidate, expected 2027",
    ],
)
def test_a_degree_not_finished_is_not_suggested(kb: KnowledgeBase, line: str) -> None:
    text = f"SAM EXAMPLE\n\nEDUCATION\n{line}\n".encode()
    r = services.import_resume(text, "resume.txt")
    assert r.parsed["education"], "the reader still records the entry"
    assert services.profile_suggestions(r)["education"] is None


# -- postings ------------------------------------------------------------------------------------


def batch_csv(rows: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "company", "text"])
    for i, text in enumerate(rows):
        writer.writerow([f"Data Scientist {i}", "Initech", text])
    return out.getvalue().encode()


def test_batch_is_all_or_nothing(kb: KnowledgeBase) -> None:
    good = batch_csv([POSTING, "Requirements\n- Python\n"])
    added = services.add_postings(good, filename="jobs.csv", target_code=ANALYST)
    assert [p.source for p in added] == ["jobs.csv#1", "jobs.csv#2"]
    assert all(p.target_code == ANALYST for p in added)
    bad = batch_csv([POSTING, "   "])  # an empty posting in row 2
    with pytest.raises(services.PostingError, match="nothing was saved"):
        services.add_postings(bad, filename="more.csv", target_code=ANALYST)
    lines = json.dumps({"text": POSTING}) + "\nnot json\n"
    with pytest.raises(services.PostingError):
        services.add_postings(lines.encode(), filename="more.jsonl")
    assert models.Posting.objects.count() == 2


def test_unknown_target_stores_nothing(kb: KnowledgeBase) -> None:
    with pytest.raises(services.PostingError, match="no occupation"):
        services.add_postings(POSTING.encode(), filename="job.txt", target_code="99-9999.99")
    assert models.Posting.objects.count() == 0


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = f"<html><body><h1>Data Scientist</h1><pre>{POSTING}</pre></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def page_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("UNSTUCK_FETCH_ALLOW", "127.0.0.1/32")  # loopback is refused by default
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/jobs/1"
    server.shutdown()


def test_posting_from_url_keeps_its_source(kb: KnowledgeBase, page_url: str) -> None:
    (p,) = services.add_postings(None, url=page_url, target_code=ANALYST)
    assert p.source == page_url and p.title == "Data Scientist" and p.parsed["source"] == "html"
    assert services.list_postings(ANALYST) == [p] and services.list_postings("11-1011.00") == []


# -- match, tailor, market ----------------------------------------------------------------------


def test_match_negation_and_weights(kb: KnowledgeBase) -> None:
    r = services.import_resume(RESUME.encode(), "cv.txt")
    (p,) = services.add_postings(POSTING.encode(), filename="job.txt", target_code=ANALYST)
    result = services.match(r, p)
    shown = [c for c in result.components.values() if c.shown]
    assert result.score == pytest.approx(sum(c.score * c.weight for c in shown), abs=0.06)
    items = {i.requirement: i for c in shown for i in c.items}
    assert not any("Java" == name for name in items)  # "No Java needed"
    tableau = [i for name, i in items.items() if "Tableau" in name]
    assert tableau and all(not i.met for i in tableau)  # "No experience with Tableau"
    assert items["Microsoft Excel"].met
    assert any("Microsoft Excel" in line for line in items["Microsoft Excel"].lines or ())
    assert any("Tableau" in g.requirement for g in result.skill_gaps())
    assert result.components["experience"].score == 100.0
    assert result.components["education"].score == 100.0


DANA_RESUME = """Dana Cruz, BSN, RN
dana@example.com | Dayton, OH
Experience
Staff Nurse, Riverside Hospital - Dayton, OH, 2016 - Present
- Administered medications and IV therapy to 6 patients per shift
Education
Bachelor of Science in Nursing (BSN), Wright State University, 2016
Licenses
Registered Nurse, State of Ohio, license #RN-445566
"""

DANA_POSTING = """Registered Nurse - Telemetry
Summit Health - Dayton, OH
What you'll do
- Assess patients, administer medications and manage IV therapy for a 5-patient assignment
- Document care in the electronic health record
Requirements
- Current Ohio RN license
- Bachelor's degree in nursing or equivalent experience
- 2+ years of acute care experience
"""


def test_match_by_words_task_language_degree_and_licence(kb: KnowledgeBase) -> None:
    r = services.import_resume(DANA_RESUME.encode(), "cv.txt")
    (p,) = services.add_postings(DANA_POSTING.encode(), filename="job.txt")
    result = services.match(r, p)
    by = {i.requirement: i for c in result.components.values() for i in c.items}
    assert "preferred" not in {n for n, c in result.components.items() if c.shown}
    duties = {i.requirement: i for i in result.components["duties"].items}
    assert duties, "the duty skills have their own component"
    words = [i for i in duties.values() if i.how == "words"]
    assert any("Administered medications" in (i.lines or ("",))[0] for i in words)
    licence = next(i for i in result.components["education"].items if "RN" in i.requirement)
    assert licence.how == "licence" and licence.lines == (
        "Registered Nurse, State of Ohio, license #RN-445566",)  # fmt: skip
    degree = next(i for i in result.components["education"].items if "degree" in i.requirement)
    assert degree.credit == 1.0 and "BSN" in (degree.lines or ("",))[0]
    tasks = services._position_tasks(kb, r.parsed)
    assert tasks and {t.occupation for t in tasks} == {"Registered Nurses"}
    assert all(t.lines == (r.parsed["positions"][0]["evidence"],) for t in tasks)
    assert services.task_language(kb) is services.task_language(kb)  # indexed once
    assert len(services.task_language(kb)) == len(kb.titles)
    assert all(i.how for i in by.values() if i.met)


def test_tailor_formats_add_no_skill(kb: KnowledgeBase) -> None:
    from unstuck.text.resume import read_resume

    r = services.import_resume(RESUME.encode(), "cv.txt")
    (p,) = services.add_postings(POSTING.encode(), filename="job.txt")
    ex = skill_extractor(kb)
    have = {(s["kind"], s["id"]) for s in r.parsed["skills"]}
    md, ctype, name = services.tailor(r, p, "md")
    assert ctype.startswith("text/markdown") and name.endswith(".md")
    found = {(c.kind, c.id) for line in md.decode().splitlines() for m in ex.extract(line)
             if not m.negated and not m.vague for c in m.concepts}
    assert found <= have
    assert md.decode().index("Microsoft Excel") < md.decode().index("Ran the weekly stand-up")
    body, ctype, name = services.tailor(r, p, "docx")
    assert name.endswith(".docx") and "wordprocessingml" in ctype
    again = read_resume(body, ex, filename=name)
    assert {(s.concept.kind, s.concept.id) for s in again.skills} <= have
    body, ctype, _ = services.tailor(r, p, "json")
    assert json.loads(body)["basics"]["name"] == "Jane Doe"
    with pytest.raises(ValueError):
        services.tailor(r, p, "pdf")


def test_market_frequency_pay_and_coverage(kb: KnowledgeBase) -> None:
    services.import_resume(RESUME.encode(), "cv.txt")
    other = "Data Scientist\nRequirements\n- Python and Tableau\nPay: $100,000 per year\n"
    services.add_postings(batch_csv([POSTING, other, "Requirements\n- R\n"]), filename="j.csv",
                          target_code=ANALYST)
    services.add_postings(POSTING.encode(), filename="elsewhere.txt", target_code="29-1141.00")
    summary = services.market(ANALYST)
    assert summary.postings == 3
    python = next(s for s in summary.skills if s.label == "Python")
    assert (python.postings, python.percent, python.covered) == (2, 66.7, True)
    assert any("Python" in line for line in python.evidence)
    tableau = next(s for s in summary.skills if "Tableau" in s.label)
    assert not tableau.covered
    yearly = next(r for r in summary.pay if r.period == "year")
    assert (yearly.low, yearly.high, yearly.postings) == (90000, 120000, 2)
    assert summary.without_pay == 1
    assert summary.coverage is not None and 0 < summary.coverage < 100
