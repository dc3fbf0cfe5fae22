"""Reading postings: plain text, HTML, JSON-LD; sections, pay, hard requirements, hostile input."""

from __future__ import annotations

import json

import pytest

from unstuck.text.extract import Concept, Extractor, Term
from unstuck.text.posting import MAX_BYTES, PostingError, find_pay, html_to_text, read_posting

SKILLS = ["Python", "SQL", "Tableau", "Kubernetes", "Java", "stakeholder management",
          "Excel"]  # fmt: skip


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor([Term(s, Concept("esco", s, s)) for s in SKILLS])


TEXT = """Senior Data Analyst
Acme Analytics — Springfield, IL

About us
We love Java and build everything in it.

Requirements:
- 5+ years of experience in analytics
- Strong Python and SQL
- Bachelor's degree in Statistics or a related field
- Kubernetes is a plus
- Must be authorized to work in the US; we do not offer visa sponsorship

Nice to have
- Tableau
- Valid driver's license

Salary: $90,000 - $110,000 per year. No Excel needed.
"""


def labels(skills) -> set[str]:  # noqa: ANN001
    return {s.concept.label for s in skills}


def test_plain_text_sections_and_cues(ex: Extractor) -> None:
    p = read_posting(TEXT, ex)
    assert p.source == "text"
    assert p.title == "Senior Data Analyst"
    assert labels(p.required_skills) == {"Python", "SQL"}
    # a cue in the sentence beats its heading; "Java" sits under "About us"
    assert labels(p.preferred_skills) == {"Kubernetes", "Tableau"}
    assert "Java" not in labels(p.skills)
    assert "Excel" not in labels(p.skills)  # "No Excel needed" is never an ask
    python = next(s for s in p.skills if s.concept.label == "Python")
    assert python.evidence == ("- Strong Python and SQL",)


def test_pay_and_hard_requirements(ex: Extractor) -> None:
    p = read_posting(TEXT, ex)
    assert p.pay is not None
    assert (p.pay.minimum, p.pay.maximum, p.pay.currency, p.pay.period) == (
        90000.0, 110000.0, "USD", "year",
    )  # fmt: skip
    reqs = {(r.kind, r.value, r.required) for r in p.requirements}
    assert ("experience", "5 years", True) in reqs
    assert ("degree", "bachelor", True) in reqs
    assert ("authorisation", "no visa sponsorship", True) in reqs
    assert ("licence", "driver's license", False) in reqs


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Pay: $25/hour", (25.0, None, "USD", "hour")),
        ("Salary £30k - £35k a year", (30000.0, 35000.0, "GBP", "year")),
        ("Compensation: 85,000 USD annually", (85000.0, None, "USD", "year")),
        ("Salary: €40.000 - €48.000", (40000.0, 48000.0, "EUR", None)),
        ("We have 5000 customers and 30 engineers", None),
        ("Salary: competitive", None),
    ],
)
def test_find_pay(line: str, expected) -> None:  # noqa: ANN001
    pay = find_pay(line)
    if expected is None:
        assert pay is None
    else:
        assert pay is not None
        assert (pay.minimum, pay.maximum, pay.currency, pay.period) == expected


HTML = """<!doctype html><html><head><title>Jobs | Acme</title>
<style>.x{color:red}</style><script>var skills = "Tableau Java";</script></head>
<body><nav>Home Careers</nav><h1>Backend Engineer</h1>
<div><h3>What you bring</h3><ul><li>Python &amp; SQL</li><li>Kubernetes experience</li></ul>
<h3>Preferred</h3><ul><li>Tableau</li></ul></div>
<script>document.write("Java")</script></body></html>"""


def test_html_page_drops_scripts_and_styles(ex: Extractor) -> None:
    p = read_posting(HTML.encode(), ex)
    assert p.source == "html"
    assert p.title == "Backend Engineer"
    assert "Java" not in p.text and "color" not in p.text
    assert labels(p.required_skills) == {"Python", "SQL", "Kubernetes"}
    assert labels(p.preferred_skills) == {"Tableau"}


def test_html_to_text_block_structure() -> None:
    text = html_to_text("<p>One</p><p>Two <b>bold</b></p><ul><li>A</li><li>B</li></ul>")
    assert text.splitlines() == ["One", "Two bold", "• A", "• B"]


JSON_LD = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Nurse Practitioner",
    "hiringOrganization": {"@type": "Organization", "name": "Mercy Clinic"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Denver",
            "addressRegion": "CO",
            "addressCountry": "US",
        },
    },  # fmt: skip
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 110000,
            "maxValue": 130000,
            "unitText": "YEAR",
        },
    },  # fmt: skip
    "description": "<p><strong>Requirements</strong></p><ul><li>Excel and SQL</li></ul>"
    "<p>Nice to have</p><ul><li>Tableau</li></ul>",
}


def test_json_ld_posting(ex: Extractor) -> None:
    p = read_posting(json.dumps(JSON_LD), ex)
    assert p.source == "json-ld"
    assert (p.title, p.employer, p.location) == ("Nurse Practitioner", "Mercy Clinic",
                                                  "Denver, CO, US")  # fmt: skip
    assert p.pay is not None and (p.pay.minimum, p.pay.maximum, p.pay.period) == (
        110000.0, 130000.0, "year",
    )  # fmt: skip
    assert labels(p.required_skills) == {"Excel", "SQL"}
    assert labels(p.preferred_skills) == {"Tableau"}


def test_json_ld_inside_a_page_wins_over_the_page_chrome(ex: Extractor) -> None:
    page = ("<html><body><h1>Careers at Mercy</h1><p>Java Java Java</p>"
            f'<script type="application/ld+json">{json.dumps({"@graph": [JSON_LD]})}</script>'
            "</body></html>")  # fmt: skip
    p = read_posting(page, ex)
    assert p.title == "Nurse Practitioner" and p.employer == "Mercy Clinic"
    assert "Java" not in labels(p.skills)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"%PDF-1.7 not really", "PDF"),
        (b"PK\x03\x04zip", "zip"),
        (b"x" * (MAX_BYTES + 1), "MB"),
    ],
)
def test_unreadable_inputs_are_refused(ex: Extractor, data: bytes, message: str) -> None:
    with pytest.raises(PostingError, match=message):
        read_posting(data, ex)


def test_nothing_is_invented(ex: Extractor) -> None:
    p = read_posting("Great team. Fun office.\nWe use Python.", ex)
    assert p.pay is None and p.employer is None and p.location is None
    assert p.requirements == []
    assert labels(p.skills) == {"Python"}


def test_cp1252_bytes_are_read(ex: Extractor) -> None:
    p = read_posting("Requirements\n• SQL – daily\nSalary: £40,000 per year".encode("cp1252"), ex)
    assert labels(p.required_skills) == {"SQL"}
    assert p.pay is not None and p.pay.currency == "GBP"


# -- URLs (a real local HTTP server) and batches -----------------------------------------------


@pytest.fixture(scope="module")
def server():  # noqa: ANN201
    """A local page server; the fetcher refuses loopback addresses unless the person allows
    them (UNSTUCK_FETCH_ALLOW), as this fixture does."""
    import os
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    pages = {
        "/job": ("text/html; charset=utf-8", HTML.encode()),
        "/jsonld": ("application/ld+json", json.dumps(JSON_LD).encode()),
        "/image": ("image/png", b"\x89PNG...."),
        "/huge": ("text/html", b"<p>" + b"x" * 3_000_000),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/endless":  # no Content-Length, keeps sending
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                try:
                    for _ in range(1000):
                        self.wfile.write(b"<p>" + b"y" * 65536)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            if self.path not in pages:
                self.send_error(404)
                return
            ctype, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the reader refused it from its Content-Length

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    before = os.environ.get("UNSTUCK_FETCH_ALLOW")
    os.environ["UNSTUCK_FETCH_ALLOW"] = "127.0.0.1/32"
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    if before is None:
        os.environ.pop("UNSTUCK_FETCH_ALLOW")
    else:
        os.environ["UNSTUCK_FETCH_ALLOW"] = before
    httpd.shutdown()
    httpd.server_close()


def test_fetch_posting(ex: Extractor, server: str) -> None:
    from unstuck.text.posting import fetch_posting

    p = fetch_posting(f"{server}/job", ex)
    assert p.title == "Backend Engineer" and labels(p.preferred_skills) == {"Tableau"}
    assert fetch_posting(f"{server}/jsonld", ex).employer == "Mercy Clinic"


@pytest.mark.parametrize(
    ("path", "kwargs", "message"),
    [
        ("/image", {}, "image/png"),
        ("/missing", {}, "HTTP 404"),
        ("/huge", {"max_bytes": 1_000_000}, "over 1 MB"),
        ("/endless", {"max_bytes": 1_000_000}, "over 1 MB"),
    ],
)
def test_fetch_refusals(ex: Extractor, server: str, path: str, kwargs, message: str) -> None:  # noqa: ANN001
    from unstuck.text.posting import fetch_posting

    with pytest.raises(PostingError, match=message):
        fetch_posting(f"{server}{path}", ex, **kwargs)


def test_fetch_refuses_other_schemes_and_dead_hosts(
    ex: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from unstuck.text.posting import fetch_posting

    monkeypatch.delenv("UNSTUCK_FETCH_ALLOW", raising=False)
    with pytest.raises(PostingError, match="only http"):
        fetch_posting("file:///etc/passwd", ex)
    with pytest.raises(PostingError, match="loopback address"):
        fetch_posting("http://127.0.0.1:9/", ex, timeout=2)


def test_batch_csv(ex: Extractor) -> None:
    import csv
    import io

    from unstuck.text.posting import Posting, read_postings_batch

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Title", "Company", "Description"])
    w.writerow(["Analyst", "Acme", "Requirements\nPython and SQL\nNice to have: Tableau"])
    w.writerow(["Empty", "Nobody", ""])
    results = read_postings_batch(buf.getvalue(), ex)
    assert len(results) == 2
    first, second = results
    assert isinstance(first, Posting)
    assert (first.title, first.employer) == ("Analyst", "Acme")
    assert labels(first.required_skills) == {"Python", "SQL"}
    assert isinstance(second, PostingError) and "posting 3" in str(second)
    with pytest.raises(PostingError, match="no text column"):
        read_postings_batch("a,b\n1,2\n", ex)


def test_batch_jsonl(ex: Extractor) -> None:
    from unstuck.text.posting import Posting, read_postings_batch

    lines = [json.dumps(JSON_LD), json.dumps({"text": "We need Kubernetes", "company": "X"}),
             "{not json", json.dumps({"nothing": 1})]  # fmt: skip
    results = read_postings_batch("\n".join(lines), ex)
    assert [type(r).__name__ for r in results] == ["Posting", "Posting", "PostingError",
                                                   "PostingError"]  # fmt: skip
    assert isinstance(results[0], Posting) and results[0].title == "Nurse Practitioner"
    assert isinstance(results[1], Posting) and results[1].employer == "X"
    assert labels(results[1].skills) == {"Kubernetes"}


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=3000), st.text(max_size=3000).map(str.encode)))
def test_any_input_gives_a_posting_or_a_posting_error(data: bytes) -> None:
    ex = Extractor([Term("SQL", Concept("esco", "SQL", "SQL"))])
    for attempt in (data, b"<html><body>" + data, b'{"@type": "JobPosting", ' + data):
        try:
            p = read_posting(attempt, ex)
        except PostingError as err:
            assert str(err)
        else:
            assert p.source in ("text", "html", "json-ld")


def test_title_employer_and_location_lines(ex: Extractor) -> None:
    p = read_posting("Data Analyst - Globex Corporation\nChicago, IL (hybrid)\nWe use SQL.", ex)
    assert (p.title, p.employer, p.location) == ("Data Analyst", "Globex Corporation",
                                                  "Chicago, IL (hybrid)")  # fmt: skip
    p = read_posting("Backend Engineer\nAbout us\nWe build things.\nLocation: Remote (EU)", ex)
    assert (p.title, p.employer, p.location) == ("Backend Engineer", None, "Remote (EU)")
    p = read_posting("Welcome to our careers page\nWe use SQL. Python too.", ex)
    assert p.employer is None and p.location is None  # nothing that looks like either


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("- 5+ years managing commercial construction projects", "5 years"),
        ("- 3 years supervising a warehouse team", "3 years"),
        ("- 7+ years in distribution", "7 years"),
        ("- Worked 2 years during college in retail", None),  # not a gerund of the work
    ],
)
def test_years_doing_the_work_are_an_experience_requirement(
    ex: Extractor, line: str, years: str | None
) -> None:
    p = read_posting(f"Project Manager\nAcme\n\nRequirements\n{line}\n".encode(), ex)
    got = [r.value for r in p.requirements if r.kind == "experience"]
    assert got == ([years] if years else []), got
