"""Resume and posting pages through Django's test client, against the real knowledge base.

Files are made in the tests in their real formats: a text resume, a DOCX (a zip holding
``word/document.xml``), PDFs from pypdf (a blank page: no text layer; an encrypted one), an
HTML posting with schema.org JSON-LD and a ``<script>``, a CSV batch, and a posting served
over HTTP by a local server for the URL path.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from unstuck.app.documents import models, services
from unstuck.app.profile import services as profile_services
from unstuck.web.documents import forms, present

pytestmark = pytest.mark.django_db

RESUME = """Jane Doe
Experience
Data Analyst, Acme Corp
Jan 2019 - Present
Built dashboards in Tableau and wrote SQL queries for the finance team.
Used Python for data analysis and forecasting.
Education
Bachelor of Science in Economics, State University, 2016
"""

POSTING_HTML = """<!doctype html><html><head><title>Job</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
 "title": "Data Analyst <script>alert('title')<\\/script>",
 "hiringOrganization": {"@type": "Organization", "name": "Globex <b onmouseover=x>"},
 "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
   "value": {"@type": "QuantitativeValue", "minValue": 70000, "maxValue": 90000,
             "unitText": "YEAR"}},
 "description": "<h2>Requirements</h2><ul><li>3+ years of experience</li><li>Tableau and Java</li><li>Bachelor's degree</li></ul><h2>Nice to have</h2><ul><li>Python</li></ul>"}
</script>
<script>document.title = "pwned"</script>
</head><body><h1>Data Analyst</h1></body></html>
"""  # noqa: E501


@pytest.fixture
def client(kb_home: Path) -> Client:
    return Client()


def text_of(response) -> str:
    body = response.content.decode()
    body = body[body.find("<main") : body.find("</main>")]
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).split())


def docx(paragraphs: list[str]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{html.escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>',
        )
    return buf.getvalue()


def upload_resume(client: Client, data: bytes, name: str):
    return client.post("/documents/resume/", {"file": SimpleUploadedFile(name, data)})


def add_posting(client: Client, data: bytes, name: str, target: str = ""):
    return client.post(
        "/documents/postings/",
        {"file": SimpleUploadedFile(name, data), "target_code": target},
    )


# -- resumes -------------------------------------------------------------------------------------


def test_resume_upload_shows_what_was_read_and_applies_only_what_is_ticked(client: Client) -> None:
    response = upload_resume(client, RESUME.encode(), "jane.txt")
    assert response.status_code == 302
    resume = models.Resume.objects.get()
    assert response["Location"] == f"/documents/resume/{resume.pk}/"

    page = client.get(response["Location"])
    assert page.status_code == 200
    text = text_of(page)
    assert "Data Analyst , Acme Corp" in text or "Data Analyst, Acme Corp" in text
    suggestions = services.profile_suggestions(resume)
    assert suggestions["occupations"] and suggestions["technology"]
    for occ in suggestions["occupations"]:
        assert occ["title"] in text and occ["code"] in text
    years = suggestions["occupations"][0]["years"]
    assert years and f"{years:g} years in dated positions" in text
    for tech in suggestions["technology"]:
        assert tech["name"] in text
        for line in tech["evidence"]:
            assert line in text  # each item with the line that shows it
    body = page.content.decode()
    for skill in suggestions["skills"]:  # ticked only when it can be applied at a known level
        ticked = f'name="skills" value="{skill["element_id"]}" checked' in body
        assert ticked == (skill["level"] is not None and not skill["in_profile"]), skill
        # nothing is applied before the person confirms
    before = profile_services.get_profile()
    assert before.occupation_code == "" and before.technology == []

    code = suggestions["occupations"][0]["code"]
    names = [t["name"] for t in suggestions["technology"]]
    kept, dropped = names[0], names[1:]
    done = client.post(
        response["Location"],
        {"occupation": code, "technology": [kept, "Forged Tool"]},
    )
    assert done.status_code == 200
    assert f"Current occupation set to {suggestions['occupations'][0]['title']}" in text_of(done)
    profile = profile_services.get_profile()
    assert profile.occupation_code == code
    assert kept in profile.technology
    assert "Forged Tool" not in profile.technology  # only what the resume offered
    assert not set(dropped) & set(profile.technology)  # unticked: not applied


def test_docx_resume_is_read(client: Client) -> None:
    data = docx(["Kim Park", "Experience", "Analyst at Hooli 2018 - 2021",
                 "Weekly SQL and Excel reporting for <sales>"])
    response = upload_resume(client, data, "kim.docx")
    assert response.status_code == 302
    resume = models.Resume.objects.get()
    assert resume.kind == "docx"
    page = client.get(response["Location"])
    text = text_of(page)
    assert "Analyst" in text and "Hooli" in text and "2018 – 2021" in text
    assert "&lt;sales&gt;" in page.content.decode() and "<sales>" not in page.content.decode()
    overview = text_of(client.get("/documents/"))
    assert "kim.docx (Kim Park)" in overview and "Word document" in overview


def test_linkedin_export_zip_is_read(client: Client) -> None:
    def table(header: list[str], rows: list[list[str]]) -> str:
        out = io.StringIO()
        csv.writer(out).writerows([header, *rows])
        return out.getvalue()

    files = {
        "Profile.csv": table(["First Name", "Last Name", "Headline"], [["Ana", "Silva", "Dev"]]),
        "Positions.csv": table(
            ["Company Name", "Title", "Description", "Started On", "Finished On"],
            [["Acme", "Developer", "Built Tableau dashboards", "Mar 2021", ""],
             ["Initech", "Intern", "", "Jan 2019", "Dec 2020"]],
        ),
        "Skills.csv": table(["Name"], [["Excel"]]),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    response = upload_resume(client, buf.getvalue(), "Basic_LinkedInDataExport.zip")
    assert response.status_code == 302
    assert models.Resume.objects.get().kind == "linkedin"
    text = text_of(client.get(response["Location"]))
    assert "Developer , Acme Mar 2021 – present" in text
    assert "Intern , Initech Jan 2019 – Dec 2020" in text
    assert "Built Tableau dashboards" in text  # the evidence line of a technology


def _pdf_blank() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(612, 792)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _pdf_encrypted() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(612, 792)
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("make", "name", "message"),
    [
        (_pdf_blank, "scan.pdf", "no text layer (an image-only or scanned PDF)"),
        (_pdf_encrypted, "locked.pdf", "encrypted (password-protected)"),
        (lambda: b"", "empty.txt", "This file is empty."),
        (lambda: b"\x00\x01\x02\xff" * 200, "photo.jpg", "binary, not a document"),
        (lambda: b"PK\x03\x04 not really a zip", "cv.docx", "damaged"),
    ],
)
def test_bad_resume_files_say_why_and_store_nothing(client: Client, make, name, message) -> None:
    response = upload_resume(client, make(), name)
    assert response.status_code == 400
    assert message in text_of(response)
    assert "There is a problem" in text_of(response)
    assert models.Resume.objects.count() == 0


def test_a_50_mb_upload_is_refused_before_it_is_read(client: Client) -> None:
    big = b"a" * (50 * 1024 * 1024)
    response = upload_resume(client, big, "huge.txt")
    assert response.status_code == 413
    assert "over the 10 MB limit" in text_of(response)
    assert models.Resume.objects.count() == 0
    # the same cap on the postings form
    response = add_posting(client, big, "huge.html")
    assert response.status_code == 413
    # pasted text over Django's 5 MB form-data cap, under the upload cap: refused the same way
    response = client.post("/documents/postings/", {"text": "Analyst " * 800_000})
    assert response.status_code == 413
    assert "over the 10 MB limit" in text_of(response)
    assert models.Posting.objects.count() == 0


def test_a_file_just_over_the_limit_is_refused_by_the_form(client: Client) -> None:
    # under the request-length cut-off (the envelope allowance), over the file cap
    data = b"a" * (forms.MAX_UPLOAD_BYTES + 1000)
    response = upload_resume(client, data, "big.txt")
    assert response.status_code == 400
    assert "the limit is 10 MB" in text_of(response)
    assert models.Resume.objects.count() == 0


def test_the_upload_checks_the_csrf_token_itself(kb_home: Path) -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/documents/resume/", {"file": SimpleUploadedFile("a.txt", b"x")})
    assert response.status_code == 403
    assert models.Resume.objects.count() == 0


# -- postings ------------------------------------------------------------------------------------


def test_html_posting_with_json_ld_is_listed_with_its_source_and_escaped(client: Client) -> None:
    response = add_posting(client, POSTING_HTML.encode(), "globex.html", "15-2051.00")
    assert response.status_code == 200
    posting = models.Posting.objects.get()
    assert posting.source == "globex.html" and posting.target_code == "15-2051.00"
    body = response.content.decode()
    assert "<script>alert" not in body and "<b onmouseover" not in body
    assert "document.title" not in body
    assert "Data Analyst &lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in body
    text = text_of(response)
    assert "Added 1 posting" in text
    assert "Source: globex.html" in text
    assert "$70,000–$90,000 a year" in text
    # the overview lists it too, escaped
    overview = client.get("/documents/").content.decode()
    assert "globex.html" in overview and "<script>alert" not in overview


def test_pasted_posting_and_form_problems(client: Client) -> None:
    response = client.post(
        "/documents/postings/",
        {"text": "Accountant - Initech\nRequirements\nExcel and QuickBooks\n<script>x()</script>"},
    )
    assert response.status_code == 200
    assert models.Posting.objects.get().source == "pasted text"
    assert "<script>x()" not in response.content.decode()
    nothing = client.post("/documents/postings/", {})
    assert nothing.status_code == 400
    assert "Paste a posting, choose a file, or give its address." in text_of(nothing)
    both = client.post("/documents/postings/", {"text": "x", "url": "https://example.org/j"})
    assert both.status_code == 400 and "not text and url" in text_of(both)
    bad_target = client.post("/documents/postings/", {"text": "Analyst", "target_code": "99-9"})
    assert bad_target.status_code == 400 and "no occupation 99-9" in text_of(bad_target)
    assert models.Posting.objects.count() == 1


def test_a_batch_is_all_or_nothing(client: Client) -> None:
    good = "title,company,text\nAnalyst,Acme,Requirements: SQL and Tableau\n"
    bad = good + "Clerk,Initech,\n"
    refused = add_posting(client, bad.encode(), "batch.csv")
    assert refused.status_code == 400
    assert "could not be read, nothing was saved" in text_of(refused)
    assert models.Posting.objects.count() == 0
    ok = add_posting(client, (good + "Clerk,Initech,Filing and Excel\n").encode(), "batch.csv")
    assert ok.status_code == 200 and "Added 2 postings" in text_of(ok)
    assert sorted(p.source for p in models.Posting.objects.all()) == ["batch.csv#1", "batch.csv#2"]


@pytest.fixture
def posting_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("UNSTUCK_FETCH_ALLOW", "127.0.0.1/32")  # loopback is refused by default
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/jobs/42":
                self.send_error(404, "Not Found")
                return
            body = POSTING_HTML.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/jobs/42"
    finally:
        server.shutdown()
        server.server_close()


def test_a_posting_from_an_address(client: Client, posting_server: str) -> None:
    response = client.post("/documents/postings/", {"url": posting_server})
    assert response.status_code == 200
    assert models.Posting.objects.get().source == posting_server
    assert f"Source: {posting_server}" in text_of(response)
    gone = client.post("/documents/postings/", {"url": posting_server.removesuffix("/42") + "/43"})
    assert gone.status_code == 400
    assert "The posting could not be added: the address answered HTTP 404" in text_of(gone)
    assert "Nothing was saved." in text_of(gone)
    assert models.Posting.objects.count() == 1


# -- match, tailoring, market --------------------------------------------------------------------


@pytest.fixture
def pair(client: Client) -> tuple[models.Resume, models.Posting]:
    upload_resume(client, RESUME.encode(), "jane.txt")
    add_posting(client, POSTING_HTML.encode(), "globex.html", "15-2051.00")
    return models.Resume.objects.get(), models.Posting.objects.get()


def test_match_view_parts_add_up_and_evidence_is_marked(client: Client, pair) -> None:
    resume, posting = pair
    response = client.get(f"/documents/match/{resume.pk}/{posting.pk}/")
    assert response.status_code == 200
    result = services.match(resume, posting)
    body = response.content.decode()
    text = text_of(response)

    total = float(re.search(r'class="match-total">([\d.]+)<', body).group(1))
    assert total == round(result.score, 1)
    points = [float(v) for v in re.findall(r'class="component-value">([\d.]+)<', body)]
    *parts, shown_sum = points
    assert shown_sum == total
    assert round(sum(parts), 1) == total
    assert len(parts) == sum(c.shown for c in result.components.values())

    # every skill the resume shows is marked in its line; every missing one says so
    required = result.components["required"]
    met = [i for i in required.items if i.met]
    missing = [i for i in required.items if not i.met]
    assert met and missing  # Tableau shown, Java missing
    for item in met:
        assert f"<mark>{html.escape(item.requirement)}</mark>" in body
        for line in item.lines or ():
            assert line in text  # the whole resume line is shown around the mark
    for item in missing:
        assert f"Missing: {item.requirement}" in text
    assert "Nothing in your resume shows this." in text
    # and how each was met, and only the met ones
    assert text.count("Matched by") == sum(
        1 for c in result.components.values() if c.shown for i in c.items if i.met and i.how
    )
    assert "Matched by same skill" in text
    # a position is shown with its title and employer, the title marked
    title = result.components["title"]
    assert title.shown and title.items[0].met
    assert "<mark>Data Analyst</mark>, Acme Corp (Jan 2019 - Present)" in body
    assert "<script>alert" not in body


def test_tailored_downloads(client: Client, pair) -> None:
    resume, posting = pair
    base = f"/documents/match/{resume.pk}/{posting.pk}/tailored."
    md = client.get(base + "md")
    assert md.status_code == 200 and md["Content-Type"].startswith("text/markdown")
    assert "attachment;" in md["Content-Disposition"]
    assert "Tableau" in md.content.decode()
    doc = client.get(base + "docx")
    with zipfile.ZipFile(io.BytesIO(doc.content)) as z:
        assert "Tableau" in z.read("word/document.xml").decode()
    data = json.loads(client.get(base + "json").content)
    assert data["basics"]["name"] == "Jane Doe"
    assert client.get(base + "exe").status_code == 404
    assert client.get(f"/documents/match/{resume.pk}/999/").status_code == 404


def test_market_view_matches_the_summary(client: Client, pair) -> None:
    other = "Data Analyst - Initech\nRequirements\nTableau and Excel\nSalary: $80,000 per year"
    client.post("/documents/postings/", {"text": other, "target_code": "15-2051.00"})
    response = client.get("/documents/market/", {"code": "15-2051.00"})
    assert response.status_code == 200
    summary = services.market("15-2051.00")
    view = present.market_view(summary)
    text = text_of(response)
    assert summary.postings == 2 and f"From {summary.postings} postings" in text
    assert f"your resume shows {view['coverage']}%" in text
    body = response.content.decode()
    for s in summary.skills:
        row = re.search(
            r"<tr><th scope=\"row\">" + re.escape(html.escape(s.label)) + r"</th><td>(\d+)</td>"
            r"<td>(\d+)%</td><td>(Shown|Not shown)",
            body,
        )
        assert row, s.label
        assert int(row.group(1)) == s.postings
        assert int(row.group(2)) == round(s.percent)
        assert (row.group(3) == "Shown") == s.covered
    tableau = next(s for s in summary.skills if s.label == "Tableau")
    assert tableau.percent == 100 and tableau.covered
    for r in summary.pay:
        assert present._pay_range(r)["text"] in text
    assert "$70,000–$90,000 a year" in text
    empty = client.get("/documents/market/", {"code": "11-1011.00"})
    assert "No postings are stored for 11-1011.00" in text_of(empty)


def test_pages_without_documents(client: Client) -> None:
    overview = text_of(client.get("/documents/"))
    assert "No resume yet." in overview and "No postings yet." in overview
    assert client.get("/documents/resume/1/").status_code == 404
    nav = client.get("/documents/").content.decode()
    assert 'aria-current="page">Resume and postings' in nav


def test_shown_points_add_up() -> None:
    values = [12.345, 20.0049, 33.3333, 0.0]
    total = sum(values)
    parts = present.shown_points(values, total)
    assert round(sum(parts), 1) == round(total, 1)
    assert all(abs(p - v) < 0.1 for p, v in zip(parts, values, strict=True))


def test_pieces_mark_the_words_and_keep_the_rest() -> None:
    line = "Built dashboards in Tableau; tableau daily, not TableauX"
    got = present.pieces(line, ["Tableau"])
    assert "".join(t for t, _ in got) == line
    assert [t for t, marked in got if marked] == ["Tableau", "tableau"]
    assert present.pieces("no such word", ["SQL"]) == [("no such word", True)]


def test_the_posting_target_is_picked_from_the_shortlist_or_by_title(client: Client) -> None:
    from unstuck.app.paths import services as paths_services
    from unstuck.knowledge.store import get_knowledge_base

    kb = get_knowledge_base()
    paths_services.add("15-2051.00", kb.titles["15-2051.00"])
    page = client.get("/documents/postings/").content.decode()
    assert '<option value="15-2051.00">' in page, "the shortlist is offered"
    r = client.post("/documents/postings/", {"text": "Data Scientist\nPython, SQL",
                                             "target_choice": "15-2051.00"})  # fmt: skip
    assert r.status_code == 200
    assert models.Posting.objects.latest("id").target_code == "15-2051.00"
    r = client.post("/documents/postings/", {"text": "Registered Nurse\nBLS, ACLS",
                                             "target_code": "registered nurse"})  # fmt: skip
    assert r.status_code == 200
    assert models.Posting.objects.latest("id").target_code == "29-1141.00"
    assert "Target: Registered Nurses (29-1141.00), the closest to" in text_of(r)
