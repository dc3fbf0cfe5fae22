"""Reading resumes in every supported format, with fixtures written at test time, and the
hostile and broken inputs that must fail clearly."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from unstuck.text.extract import Concept, Extractor, Term
from unstuck.text.resume import MAX_BYTES, ResumeError, read_resume, read_resume_path

SKILLS = ["Python", "SQL", "Tableau", "Excel", "project management", "stakeholder management"]


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor([Term(s, Concept("esco", s, s)) for s in SKILLS])


TEXT = """Jane Doe
Summary
Data analyst with 6 years of Python and SQL. No experience with Tableau.

Experience
Senior Data Analyst, Acme Corp   Jan 2019 – Present
- Built Excel and SQL reports for stakeholder management
Globex | Junior Analyst
2015 - 2018
- Familiar with project management

Education
BSc in Statistics, University of Leeds, 2015

Certifications
Certified Scrum Master

Skills
Python, SQL, Excel • Looker
"""


def labels(resume) -> dict[str, str]:  # noqa: ANN001
    return {s.concept.label: s.strength for s in resume.skills}


def test_plain_text(ex: Extractor) -> None:
    r = read_resume(TEXT.encode(), ex)
    assert r.source == "text" and r.name == "Jane Doe"
    assert [(p.title, p.employer, p.start, p.end, p.current) for p in r.positions] == [
        ("Senior Data Analyst", "Acme Corp", "Jan 2019", None, True),
        ("Junior Analyst", "Globex", "2015", "2018", False),
    ]
    (edu,) = r.education
    assert (edu.degree, edu.field, edu.school, edu.end) == (
        "BSc", "Statistics", "University of Leeds", "2015",
    )  # fmt: skip
    assert [c.name for c in r.certifications] == ["Certified Scrum Master"]
    assert r.listed_skills == ["Python", "SQL", "Excel", "Looker"]
    skills = labels(r)
    assert skills["Python"] == "strong"  # "6 years of"
    assert skills["project management"] == "weak"  # "familiar with"
    assert "Tableau" not in skills  # "No experience with Tableau" is never evidence
    sql = next(s for s in r.skills if s.concept.label == "SQL")
    assert "- Built Excel and SQL reports for stakeholder management" in sql.evidence


def test_markdown(ex: Extractor) -> None:
    md = "# Jane Doe\n\n## Experience\n\n**Data Analyst** at Initech (03/2020 to 06/2022)\n"
    r = read_resume(md.encode(), ex)
    assert r.name == "Jane Doe"
    (p,) = r.positions
    assert (p.title, p.employer, p.start, p.end) == ("Data Analyst", "Initech", "03/2020",
                                                     "06/2022")  # fmt: skip


def test_json_resume(ex: Extractor) -> None:
    doc = {
        "basics": {"name": "Sam Lee", "label": "Analyst", "summary": "I love SQL."},
        "work": [
            {
                "name": "Acme",
                "position": "Analyst",
                "startDate": "2020-01",
                "highlights": ["Automated Excel reporting"],
            }
        ],  # fmt: skip
        "education": [
            {"institution": "MIT", "area": "Economics", "studyType": "Bachelor", "endDate": "2019"}
        ],  # fmt: skip
        "certificates": [{"name": "PMP", "issuer": "PMI", "date": "2021-05-01"}],
        "skills": [{"name": "Data", "keywords": ["Python", "Tableau"]}],
    }
    r = read_resume(json.dumps(doc).encode(), ex)
    assert r.source == "json-resume" and r.name == "Sam Lee"
    (p,) = r.positions
    assert (p.title, p.employer, p.start, p.current) == ("Analyst", "Acme", "2020-01", True)
    assert r.education[0].degree == "Bachelor" and r.education[0].field == "Economics"
    assert r.certifications[0].issuer == "PMI"
    assert r.listed_skills == ["Data", "Python", "Tableau"]
    assert {"SQL", "Excel", "Python", "Tableau"} <= set(labels(r))


def _linkedin_files() -> dict[str, str]:
    def table(header: list[str], rows: list[list[str]], notes: bool = False) -> str:
        out = io.StringIO()
        if notes:
            out.write('Notes:\n"Exported from LinkedIn"\n\n')
        w = csv.writer(out)
        w.writerow(header)
        w.writerows(rows)
        return out.getvalue()

    return {
        "Profile.csv": table(["First Name", "Last Name", "Headline", "Summary"],
                             [["Ana", "Silva", "SQL developer", "Python daily"]]),
        "Positions.csv": table(
            ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
            [["Acme", "Developer", "Built Tableau dashboards", "Lisbon", "Mar 2021", ""],
             ["Initech", "Intern", "", "", "Jan 2019", "Dec 2020"]]),
        "Skills.csv": table(["Name"], [["Excel"], ["Project Management"]]),
        "Education.csv": table(["School Name", "Start Date", "End Date", "Notes", "Degree Name",
                                "Activities"], [["Univ. Lisboa", "2015", "2019", "", "MSc", ""]]),
        "Certifications.csv": table(["Name", "Url", "Authority", "Started On", "Finished On",
                                     "License Number"],
                                    [["AWS Certified Developer", "", "Amazon", "Jan 2022", "",
                                      ""]], notes=True),
    }  # fmt: skip


def _check_linkedin(r) -> None:  # noqa: ANN001
    assert r.source == "linkedin" and r.name == "Ana Silva" and r.headline == "SQL developer"
    assert [(p.title, p.employer, p.start, p.end, p.current) for p in r.positions] == [
        ("Developer", "Acme", "Mar 2021", None, True),
        ("Intern", "Initech", "Jan 2019", "Dec 2020", False),
    ]
    assert r.education[0].school == "Univ. Lisboa" and r.education[0].degree == "MSc"
    assert r.certifications[0].name == "AWS Certified Developer"  # read past the notes
    assert r.listed_skills == ["Excel", "Project Management"]
    assert {"SQL", "Python", "Tableau", "Excel", "project management"} <= set(labels(r))


def test_linkedin_export_zip(ex: Extractor) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in _linkedin_files().items():
            z.writestr(f"Basic_LinkedInDataExport/{name}", content)
    _check_linkedin(read_resume(buf.getvalue(), ex))


def test_linkedin_export_folder(ex: Extractor, tmp_path: Path) -> None:
    for name, content in _linkedin_files().items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    _check_linkedin(read_resume_path(tmp_path, ex))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ResumeError, match="no LinkedIn"):
        read_resume_path(empty, ex)


def _docx(paragraphs: list[str]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}">'
                                        f"<w:body>{body}</w:body></w:document>")  # fmt: skip
    return buf.getvalue()


def test_docx(ex: Extractor) -> None:
    r = read_resume(_docx(["Kim Park", "Experience", "Analyst at Hooli 2018 - 2021",
                           "Weekly SQL and Excel work"]), ex)  # fmt: skip
    assert r.source == "docx" and r.name == "Kim Park"
    assert [(p.title, p.employer) for p in r.positions] == [("Analyst", "Hooli")]
    assert {"SQL", "Excel"} <= set(labels(r))


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand (correct xref offsets)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]  # fmt: skip
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()  # fmt: skip
    return bytes(out)


def test_pdf_with_text(ex: Extractor) -> None:
    r = read_resume(_pdf_with_text("Analyst with SQL and Python"), ex)
    assert r.source == "pdf"
    assert {"SQL", "Python"} <= set(labels(r))


def test_image_only_pdf_is_reported(ex: Extractor) -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(612, 792)
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(ResumeError, match="no text layer"):
        read_resume(buf.getvalue(), ex)


def test_encrypted_pdf_is_reported(ex: Extractor) -> None:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf_with_text("SQL"))).pages:
        w.add_page(page)
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(ResumeError, match="encrypted"):
        read_resume(buf.getvalue(), ex)


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", None, "empty"),
        (b"  \n\t ", None, "empty"),
        (b"%PDF-1.7\nthis is not really a pdf", None, "not a readable PDF"),
        (b"hello, I am text", "resume.pdf", "not a PDF"),
        (b"PK\x03\x04broken zip", None, "damaged"),
        (b"\x00\x01\x02\x03" * 100, None, "binary"),
    ],
)
def test_broken_inputs_fail_clearly(ex: Extractor, data: bytes, filename, message) -> None:  # noqa: ANN001
    with pytest.raises(ResumeError, match=message):
        read_resume(data, ex, filename=filename)


def test_oversized_file_is_refused(ex: Extractor, tmp_path: Path) -> None:
    with pytest.raises(ResumeError, match="MB"):
        read_resume(b"x" * (MAX_BYTES + 1), ex)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written
    with pytest.raises(ResumeError, match="MB"):
        read_resume_path(big, ex)


def test_zip_bomb_docx_is_refused(ex: Extractor) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\x20" * 8_000_000)
    data = buf.getvalue()
    assert len(data) < 100_000
    with pytest.raises(ResumeError, match="zip bomb|50 MB"):
        read_resume(data, ex)


def test_zip_without_a_document_is_refused(ex: Extractor) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photo.txt", "not a resume")
    with pytest.raises(ResumeError, match="neither"):
        read_resume(buf.getvalue(), ex)


# -- arbitrary bytes: a clear error or a result, never a crash ---------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PREFIXES = st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"{", b'{"basics": ', b"\xff\xfe"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=_PREFIXES, body=st.binary(max_size=2000))
def test_any_bytes_give_a_resume_or_a_resume_error(prefix: bytes, body: bytes) -> None:
    ex = Extractor([Term("SQL", Concept("esco", "SQL", "SQL"))])
    try:
        r = read_resume(prefix + body, ex)
    except ResumeError as err:
        assert str(err)
    else:
        assert r.source in ("pdf", "docx", "linkedin", "json-resume", "text")


def test_damaged_docx_inside_a_valid_zip(ex: Extractor) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(ResumeError, match="damaged"):
        read_resume(buf.getvalue(), ex)


def _flip(data: bytes, flags: int | None = None, method: int | None = None) -> bytes:
    """A zip with its first member's header fields rewritten in both headers."""
    out = bytearray(data)
    for sig, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = out.find(sig)
        if flags is not None:
            out[at + flag_at : at + flag_at + 2] = flags.to_bytes(2, "little")
        if method is not None:
            out[at + method_at : at + method_at + 2] = method.to_bytes(2, "little")
    return bytes(out)


def test_password_protected_and_unsupported_zips(ex: Extractor) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:  # the document first
        z.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body><w:p><w:r>'
                                        "<w:t>Kim Park knows SQL and more SQL</w:t></w:r></w:p>"
                                        "</w:body></w:document>")  # fmt: skip
    docx = buf.getvalue()
    assert read_resume(docx, ex).source == "docx"
    with pytest.raises(ResumeError, match="password"):
        read_resume(_flip(docx, flags=1), ex)
    with pytest.raises(ResumeError, match="damaged"):
        read_resume(_flip(docx, method=99), ex)  # AES: not supported by zipfile
    corrupt = bytearray(docx)
    start = corrupt.find(b"word/document.xml") + len("word/document.xml")
    corrupt[start : start + 20] = b"\xff" * 20  # garbles the deflate stream
    with pytest.raises(ResumeError):
        read_resume(bytes(corrupt), ex)


def test_pdf_decompression_bomb_is_bounded(ex: Extractor) -> None:
    import zlib

    payload = zlib.compress(b" " * 80_000_000, 9)  # over pypdf's 75 MB inflation limit
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length " + str(len(payload)).encode() + b" /Filter /FlateDecode >>\nstream\n"
        + payload + b"\nendstream",
    ]  # fmt: skip
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with pytest.raises(ResumeError):  # inflation stops at the limit: no text, no blow-up
        read_resume(bytes(out), ex)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Privacy | Terms | Contact", False),  # a saved web page's own links
        ("© 2024 All rights reserved · Privacy", False),
        ("Home · About · Contact us", False),
        ("SHRM Certified Professional (SHRM-CP), 2020", True),
        ("CPR | First Aid", True),  # short, but credentials
    ],
)
def test_a_web_pages_own_links_are_not_a_credential(ex: Extractor, line: str, kept: bool) -> None:
    text = f"Pat Example\n\nCERTIFICATIONS\nCDL Class A\n{line}\n"
    names = [c.name for c in read_resume(text.encode(), ex).certifications]
    assert "CDL Class A" in names
    assert (len(names) == 2) is kept, names
