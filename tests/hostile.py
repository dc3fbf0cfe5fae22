"""A corpus of hostile and malformed inputs, and the harness that runs each one through the CLI
and the web client (issue 11, item 8).

**The corpus** (:func:`corpus`) is generated here from the standard library (and pypdf for the
encrypted PDF), without importing unstuck, so it says what an attacker or a broken exporter
could send, not what the readers happen to check: deep nesting, giant lines and fields, wrong
JSON types, ``NaN``/``Infinity``, bad encodings (UTF-16 without a BOM, invalid UTF-8, NUL
bytes), zip bombs, truncated, encrypted and many-entry zips, Word files with huge or
entity-bombed XML, truncated, encrypted, deeply nested, cyclic and Flate-bombed PDFs, huge CSV
fields, YAML alias and nesting bombs in answers files, forged form values (dates such as
9999-12-31, money of 1e25, NaN, negative hours, unknown and overflowing ids, overlong
strings), and addresses on loopback, private and link-local networks or in other schemes.

Each :class:`Case` names the surfaces it reaches: ``cli`` (the arguments of one
``python -m unstuck`` command, ``{file}`` standing for the case's file) and ``web`` (one
request to the upload, posting, profile or plan pages), and what each must answer: an exit
code (2 usage, 5 not found, 6 invalid input) and a phrase of the one-line message, an HTTP
status (4xx, or the form shown again with its error) and a phrase of the page. A case whose
input is acceptable after all (``refused=False``: invalid UTF-8 read as text) must be read
and stored once, never crash.

**The harness.** Every case, on each surface, is held to:

- a clear error: the CLI exits with the case's code and one short ``Error:`` line on stderr,
  no traceback; the web answers the case's status (never 500), with the phrase on the page
  and no traceback text;
- nothing stored for a refused input: every user table (the shared tables Django keeps for
  itself aside) is the same before and after, row for row (:func:`sqlite_snapshot`,
  :func:`django_snapshot`);
- bounded time and memory, :data:`SECONDS` and :data:`MEGABYTES` per case. For the CLI the
  bound is on the whole subprocess: it runs under ``RLIMIT_AS`` of :data:`MEGABYTES` (an
  allocation past it fails, which shows as a crash) and is killed after :data:`SECONDS` of
  wall time; its peak resident memory is its own ``VmHWM``, written at exit (:data:`CHILD`).
  For the web client it is the case's request, in process, under :func:`bounded.within`: an
  alarm after :data:`SECONDS` and the peak of *new* Python allocations (``tracemalloc``)
  during the request.

Each CLI case runs in a fresh ``UNSTUCK_HOME`` copied from a prepared one: a small knowledge
base (:func:`tiny_release`: twelve occupations of the real O*NET 29.0 release, every table
trimmed to them, so a process starts and builds its skill vocabulary in about a second) and a
migrated user database with a shortlisted target and a plan.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SECONDS = 10.0
MEGABYTES = 500

NURSE, NP, ANALYST = "29-1141.00", "29-1171.00", "15-2051.00"
#: the occupations the small knowledge base keeps (a few families, so paths and plans work)
OCCUPATIONS = frozenset({
    ANALYST, "15-1252.00", NURSE, NP, "11-1011.00", "43-4051.00", "15-2041.00", "13-2011.00",
    "41-2031.00", "25-2021.00", "15-1211.00", "13-1111.00",
})
UNKNOWN_CODE = "99-9999.99"
HUGE_ID = "9" * 30  # past any 64-bit integer

RESUME = "Jane Doe\nExperience\nData Analyst, Acme Corp  2019 - Present\n- Python and SQL\n"
POSTING = "Data Analyst - Initech\nRequirements\n- 3+ years of Python\n- Microsoft Excel\n"


@dataclass(frozen=True)
class Case:
    """One hostile input and what each surface must answer (see the module docstring)."""

    name: str  # "kind/what", e.g. "resume/json-deep"
    data: bytes | None = None  # the file, when the case is one
    filename: str = "input.txt"
    cli: tuple[str, ...] | None = None  # "{file}" is the file's path
    code: int = 6  # CLI exit code
    says: str = ""  # a phrase of the CLI message (lower case)
    web: tuple[str, str, dict[str, str]] | None = None  # (method, path, form fields)
    web_file: str | None = None  # the form field that carries the file
    status: int = 400
    web_says: str | None = None  # a phrase of the page (lower case); default: says
    refused: bool = True  # False: acceptable after all, stored once
    state: str = "plan"  # what the store holds before: "plan" (a target and a plan)

    @property
    def kind(self) -> str:
        return self.name.split("/")[0]

    @property
    def page_says(self) -> str:
        return self.says if self.web_says is None else self.web_says


# -- building blocks -----------------------------------------------------------------------


def deflated_zip(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def zip_bomb(megabytes: int = 200) -> bytes:
    """A DOCX whose document.xml inflates to ``megabytes`` MB of spaces (about 200 KB)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * 1_000_000
    body = b"".join(squeeze.compress(chunk) for _ in range(megabytes)) + squeeze.flush()
    size, crc = megabytes * 1_000_000, 0
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    name = b"word/document.xml"
    local = (b"PK\x03\x04" + (20).to_bytes(2, "little") + b"\x00\x00" + b"\x08\x00"
             + b"\x00\x00\x00\x00" + crc.to_bytes(4, "little") + len(body).to_bytes(4, "little")
             + size.to_bytes(4, "little") + len(name).to_bytes(2, "little") + b"\x00\x00")
    central = (b"PK\x01\x02" + (20).to_bytes(2, "little") * 2 + b"\x00\x00\x08\x00"
               + b"\x00\x00\x00\x00" + crc.to_bytes(4, "little") + len(body).to_bytes(4, "little")
               + size.to_bytes(4, "little") + len(name).to_bytes(2, "little") + b"\x00" * 12
               + name)
    head = local + name + body
    end = (b"PK\x05\x06" + b"\x00" * 4 + (1).to_bytes(2, "little") * 2
           + len(central).to_bytes(4, "little") + len(head).to_bytes(4, "little") + b"\x00\x00")
    return head + central + end


def docx(document_xml: bytes) -> bytes:
    return deflated_zip({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
        "word/document.xml": document_xml,
    })


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_paragraphs(lines: list[str]) -> bytes:
    paras = b"".join(b"<w:p><w:r><w:t>" + line.encode() + b"</w:t></w:r></w:p>" for line in lines)
    return docx(b"<w:document " + W + b"><w:body>" + paras + b"</w:body></w:document>")


def encrypted_zip(files: dict[str, bytes]) -> bytes:
    """A zip whose entries say they are encrypted (bit 0 of the flags, in both headers)."""
    data = bytearray(deflated_zip(files))
    for magic, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(magic, start)) >= 0:
            data[start + at] |= 1
            start += 4
    return bytes(data)


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from its numbered objects (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


def stream(content: bytes, flate: bool = False) -> bytes:
    if flate:
        content = zlib.compress(content, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + (
            b"\nendstream")
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def text_pdf(
    lines: tuple[str, ...] = ("Jane Doe", "Data Analyst, Python and SQL"),
    *,
    pages: bytes = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    resources: bytes = b"<< /Font << /F1 5 0 R >> >>",
    content: bytes | None = None,
    flate: bool = False,
) -> bytes:
    if content is None:
        content = b"BT /F1 12 Tf 72 720 Td 14 TL " + b" ".join(
            b"(" + line.encode() + b") '" for line in lines) + b" ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        pages,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
        + resources + b" >>",
        stream(content, flate),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt("a password", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def nested_json(depth: int, key: str = "work") -> bytes:
    return (f'{{"basics": {{"name": "A"}}, "{key}": ' + "[" * depth + "]" * depth + "}").encode()


def job_ld(**fields: object) -> bytes:
    return json.dumps({"@context": "https://schema.org", "@type": "JobPosting",
                       "title": "Data Analyst", "description": "Python and SQL",
                       **fields}).encode()


def pay_ld(value: str) -> bytes:
    return (b'{"@type": "JobPosting", "title": "Analyst", "description": "Python", '
            b'"baseSalary": {"currency": "USD", "value": {"minValue": 1, "maxValue": '
            + value.encode() + b"}}}")


def answers(body: str) -> bytes:
    return body.encode()


BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
instrument: rut-check/1
answers: {rut.signs.motivation.1: *i}
"""
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i + 1, (b"&lol%d;" % i if i else b"&lol;") * 10)
                     for i in range(9))
          + b"]><w:document " + W + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
          b"</w:body></w:document>")


# -- the corpus ----------------------------------------------------------------------------


def _resume(name: str, data: bytes, says: str, *, filename: str = "cv.txt",
            web_says: str | None = None, refused: bool = True, status: int = 400) -> Case:
    return Case(f"resume/{name}", data, filename, ("resume", "import", "{file}"),
                6 if refused else 0, says, ("POST", "/documents/resume/", {}), "file",
                status if refused else 302, web_says, refused)


def _posting(name: str, data: bytes, says: str, *, filename: str = "job.txt",
             web_says: str | None = None, refused: bool = True) -> Case:
    return Case(f"posting/{name}", data, filename,
                ("posting", "add", "{file}", "--target", ANALYST), 6 if refused else 0, says,
                ("POST", "/documents/postings/", {"target_code": ANALYST}), "file",
                400 if refused else 200, web_says, refused)


def _answers(name: str, body: str | bytes, says: str, suffix: str = ".yaml") -> Case:
    data = body if isinstance(body, bytes) else body.encode()
    return Case(f"answers/{name}", data, "answers" + suffix,
                ("assess", "rut", "--answers", "{file}"), 6, says)


def _url(name: str, url: str, says: str, web_says: str | None = None, code: int = 6) -> Case:
    return Case(f"url/{name}", None, "", ("posting", "add", url), code, says,
                ("POST", "/documents/postings/", {"url": url}), None, 400, web_says)


def _form(name: str, path: str, fields: dict[str, str], web_says: str, *,
          cli: tuple[str, ...] | None = None, code: int = 2, says: str = "",
          status: int = 400, method: str = "POST") -> Case:
    return Case(f"form/{name}", None, "", cli, code, says, (method, path, fields), None,
                status, web_says)


@cache
def corpus() -> tuple[Case, ...]:
    """Every hostile case (generated once per process, in about a second)."""
    return tuple(_cases())


def _cases() -> Iterator[Case]:
    big_words = "python sql excel " * 600_000  # 10.2 MB, one line
    # -- resumes: nesting, size, types, numbers --
    yield _resume("json-deep", nested_json(100_000), "nested deeper than 64", filename="cv.json")
    yield _resume("json-deep-object", ('{"basics": ' + '{"a": ' * 20_000 + "1" + "}" * 20_001)
                  .encode(), "nested deeper", filename="cv.json")
    yield _resume("json-highlights-number", json.dumps(
        {"basics": {"name": "A"}, "work": [{"position": "Analyst", "highlights": 5}]}).encode(),
        "must be a list", filename="cv.json")
    yield _resume("json-work-object", b'{"basics": {}, "work": {"position": "x"}}',
                  "must be a list", filename="cv.json")
    yield _resume("json-basics-number", b'{"basics": 5, "work": []}', "must be an object",
                  filename="cv.json")
    yield _resume("json-position-list", json.dumps(
        {"basics": {}, "work": [{"position": ["Analyst"], "startDate": 2019}]}).encode(),
        "must be text", filename="cv.json")
    yield _resume("json-nan", b'{"basics": {"name": "A"}, "work": [{"position": NaN}]}', "nan",
                  filename="cv.json")
    yield _resume("json-infinity", b'{"basics": {"name": "A"}, "work": [], "x": -Infinity}',
                  "infinity", filename="cv.json")
    yield _resume("json-giant-field", json.dumps({"basics": {"summary": "Python " * 1_300_000}})
                  .encode(), "characters", filename="cv.json")
    yield _resume("json-many-positions", json.dumps(
        {"basics": {}, "work": [{"position": "Analyst"}] * 5_000}).encode(), "positions",
        filename="cv.json")
    yield _resume("giant-line", big_words[:9_000_000].encode(), "characters of text")
    yield _resume("many-lines", b"Python\n" * 1_200_000, "characters of text|lines")
    yield _resume("long-line", ("x" * 30_000 + "\nPython\n").encode(), "a line of 30,000")
    yield _resume("over-the-cap", b"python " * 3_000_000, "over 20 mb|limit is 10 mb",
                  web_says="over the 10 mb limit", status=413)
    yield _resume("empty", b"", "empty", web_says="this file is empty")
    yield _resume("whitespace", b" \n\t\n " * 1000, "empty")
    # -- resumes: encodings --
    yield _resume("utf16-no-bom", RESUME.encode("utf-16-le"), "binary")
    yield _resume("nul-bytes", b"Jane\x00Doe\nPython\x00and SQL\n" * 50, "binary")
    yield _resume("random-bytes", bytes((i * 7919 + 13) % 256 for i in range(50_000)),
                  "binary")
    yield _resume("invalid-utf8", b"Jane Doe\nData Analyst \xff\xfe\xc3\x28 Python\n" * 20,
                  "", refused=False)
    yield _resume("lone-surrogates", b"Jane \xed\xa0\x80 Doe\nPython and SQL\n", "",
                  refused=False)
    # -- resumes: archives and Word --
    yield _resume("zip-bomb", zip_bomb(), "zip bomb|more than 50 mb", filename="cv.docx")
    good_docx = docx_paragraphs(["Jane Doe", "Data Analyst", "Python and SQL"])
    yield _resume("zip-truncated", good_docx[: len(good_docx) // 2], "damaged",
                  filename="cv.docx")
    yield _resume("zip-encrypted", encrypted_zip({"word/document.xml": b"<w:document/>"}),
                  "password", filename="cv.docx")
    yield _resume("zip-many-entries", deflated_zip({f"f{i}.txt": b"" for i in range(40_000)},
                  zipfile.ZIP_STORED), "neither a word document", filename="cv.zip")
    yield _resume("zip-empty", deflated_zip({}), "binary", filename="cv.zip")
    huge_xml = b"<w:document " + W + b"><w:body><w:p><w:r><w:t>" + b"Python " * 1_600_000
    yield _resume("docx-huge-xml", deflated_zip({"word/document.xml": huge_xml + b"</w:t></w:r>"
                  b"</w:p></w:body></w:document>"}, zipfile.ZIP_STORED), "over 10 mb",
                  filename="cv.docx", web_says="over the 10 mb limit", status=413)
    yield _resume("docx-deep-xml", docx(b"<w:document " + W + b">" + b"<w:p>" * 100_000
                  + b"</w:p>" * 100_000 + b"</w:document>"), "zip bomb|damaged|no text",
                  filename="cv.docx")
    yield _resume("docx-billion-laughs", docx(LAUGHS), "damaged|entit", filename="cv.docx")
    yield _resume("docx-bad-xml", docx(b"<w:document " + W + b"><w:body><w:p>"), "damaged",
                  filename="cv.docx")
    yield _resume("linkedin-huge-field", deflated_zip(
        {"Positions.csv": b'Title,Company Name\n"' + b"x" * 1_500_000 + b'",Acme\n'},
        zipfile.ZIP_STORED), "field", filename="export.zip")
    yield _resume("linkedin-nul", deflated_zip(
        {"Positions.csv": b"Title,Company Name\nAnalyst\x00,Acme\x00\n"}), "binary|nul",
        filename="export.zip")
    # -- resumes: PDFs --
    good_pdf = text_pdf()
    yield _resume("pdf-truncated", good_pdf[: len(good_pdf) // 2], "not a readable pdf|no text",
                  filename="cv.pdf")
    yield _resume("pdf-header-only", b"%PDF-1.7\n", "not a readable pdf", filename="cv.pdf")
    yield _resume("pdf-encrypted", encrypted_pdf(), "encrypted", filename="cv.pdf")
    yield _resume("pdf-deep-array", text_pdf(resources=b"<< /Font << /F1 5 0 R >> /X "
                  + b"[" * 100_000 + b"]" * 100_000 + b" >>"), "levels deep",
                  filename="cv.pdf")
    yield _resume("pdf-deep-dict", text_pdf(resources=b"<< /Font << /F1 5 0 R >> /X "
                  + b"<< /A " * 50_000 + b"1" + b" >>" * 50_000 + b" >>"),
                  "levels deep", filename="cv.pdf")
    yield _resume("pdf-cyclic-pages", text_pdf(pages=b"<< /Type /Pages /Kids [2 0 R 3 0 R] "
                  b"/Count 2 >>"), "not a readable pdf", filename="cv.pdf")
    yield _resume("pdf-flate-bomb", text_pdf(content=b"BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ET"
                  + b" " * 150_000_000, flate=True), "not a readable pdf|characters",
                  filename="cv.pdf")
    yield _resume("pdf-many-ops", text_pdf(content=b"BT /F1 12 Tf " + b"(x) Tj " * 1_000_000
                  + b"ET", flate=True), "drawing instructions",
                  filename="cv.pdf")
    yield _resume("pdf-no-text", text_pdf(content=b"0 0 m 10 10 l S"), "no text layer",
                  filename="cv.pdf")
    yield _resume("not-a-pdf", b"this is not a pdf at all\n", "not a pdf", filename="cv.pdf")
    # -- postings --
    yield _posting("csv-huge-field", b'text\n"' + b"Python " * 200_000 + b'"\n', "over 1,000,000"
                   if False else "field", filename="jobs.csv")
    yield _posting("csv-too-many-rows", b"text\n" + b"Python and SQL\n" * 5_001,
                   "more than 5,000", filename="jobs.csv")
    yield _posting("csv-nul", b"text\nPython\x00 and SQL\n", "binary",
                   filename="jobs.csv")
    yield _posting("csv-no-text-column", b"title,pay\nAnalyst,1e25\n", "column",
                   filename="jobs.csv")
    yield _posting("csv-unclosed-quote", b'text\n"Python and SQL\n' + b"x\n" * 1000,
                   "", filename="jobs.csv", refused=False)  # one field to the end, as CSV reads
    yield _posting("jsonl-nan", b'{"text": "Python"}\n{"text": "SQL", "x": NaN}\n', "line 2",
                   filename="jobs.jsonl")
    yield _posting("jsonl-wrong-types", b'{"text": "Python"}\n5\n["SQL"]\n', "line 2",
                   filename="jobs.jsonl")
    yield _posting("jsonl-deep", b'{"text": "Python", "x": ' + b"[" * 50_000 + b"]" * 50_000
                   + b"}\n", "nested", filename="jobs.jsonl")
    yield _posting("jsonld-deep", job_ld()[:-1] + b', "x": ' + b"[" * 100_000 + b"]" * 100_000
                   + b"}", "nested", filename="job.json")
    yield _posting("jsonld-pay-nan-text", pay_ld('"NaN"'), "number|pay", filename="job.json")
    yield _posting("jsonld-pay-nan", pay_ld("NaN"), "nan|number|pay", filename="job.json")
    yield _posting("jsonld-pay-1e25", pay_ld("1e25"), "pay", filename="job.json")
    yield _posting("jsonld-pay-1e999", pay_ld("1e999"), "number|pay|infinity",
                   filename="job.json")
    yield _posting("jsonld-wrong-types", json.dumps({"@type": "JobPosting", "title": ["a", "b"],
                   "description": 5, "hiringOrganization": [1, 2], "jobLocation": 7}).encode(),
                   "", filename="job.json", refused=False)
    yield _posting("html-many-tags", b"<html><body>" + b"<b>x</b>" * 600_000, "tags",
                   filename="job.html")
    yield _posting("html-nested", b"<html>" + b"<div>" * 400_000, "tags", filename="job.html")
    yield _posting("html-script-ld-deep", b'<html><script type="application/ld+json">'
                   + b"[" * 50_000 + b"]" * 50_000 + b"</script><p>Python</p></html>", "nested",
                   filename="job.html")
    yield _posting("giant-line", big_words[:4_900_000].encode(), "characters")
    yield _posting("over-the-cap", b"python " * 1_000_000, "over 5 mb",
                   web_says="over 5 mb")
    yield _posting("utf16-no-bom", POSTING.encode("utf-16-le"), "binary")
    yield _posting("nul-bytes", b"Data Analyst\x00\nPython\x00\n" * 100, "binary")
    yield _posting("empty-file", b"   \n", "empty")
    yield _posting("pdf", text_pdf(), "", filename="job.pdf", refused=False)  # read as text
    yield _posting("zip", zip_bomb(5), "zip", filename="job.html")
    # -- answers files (CLI only: the web's questionnaires are forms, below) --
    yield _answers("yaml-alias-bomb", BOMB, "aliases")
    yield _answers("yaml-deep", "instrument: rut-check/1\nanswers: " + "[" * 50_000
                   + "]" * 50_000 + "\n", "nested")
    yield _answers("yaml-python-tag", "instrument: rut-check/1\nanswers: !!python/object/apply:"
                   "os.system ['echo owned']\n", "yaml|tag")
    yield _answers("json-deep", '{"instrument": "rut-check/1", "answers": ' + "[" * 50_000
                   + "]" * 50_000 + "}", "nested", ".json")
    yield _answers("json-nan", '{"instrument": "rut-check/1", "answers": '
                   '{"rut.signs.motivation.1": NaN}}', "nan", ".json")
    yield _answers("answers-a-list", "instrument: rut-check/1\nanswers: [1, 2, 3]\n", "answers")
    yield _answers("answers-text", "instrument: rut-check/1\nanswers: five\n", "answers")
    yield _answers("whole-file-a-number", "5\n", "expected a mapping")
    yield _answers("value-huge", "instrument: rut-check/1\nanswers:\n  rut.signs.motivation.1:"
                   " 1e308\n", "rut.signs.motivation.1")
    yield _answers("value-negative", "instrument: rut-check/1\nanswers:\n  "
                   "rut.signs.motivation.1: -5\n", "rut.signs.motivation.1")
    yield _answers("value-overflow", "instrument: rut-check/1\nanswers:\n  "
                   f"rut.signs.motivation.1: {HUGE_ID}\n", "rut.signs.motivation.1")
    yield _answers("unknown-ids", "instrument: rut-check/1\nanswers:\n" + "".join(
        f"  nope.{i}: 3\n" for i in range(50_000)), "50,000 answers")
    yield _answers("overlong-instrument", "instrument: " + "x" * 900_000 + "\n", "instrument")
    yield _answers("over-the-cap", "# " + "x" * 1_100_000 + "\n", "over 1,000,000 bytes")
    yield _answers("utf16-no-bom", "instrument: rut-check/1\n".encode("utf-16-le"),
                   "unacceptable character")
    yield _answers("invalid-utf8", b"instrument: rut-check/1\xff\xfe\nanswers: {}\n", "utf-8")
    yield _answers("nul-bytes", b"instrument: rut-check/1\x00\nanswers: {}\n",
                   "unacceptable character")
    # -- forged form values, with the CLI's equivalent where it has one --
    yield _form("plan-start-9999", "/plan/", {"code": NP, "start": "9999-12-31"},
                "at most 5 years ahead", cli=("plan", "target", NP, "--start", "9999-12-31"),
                says="at most 5 years ahead")
    yield _form("plan-start-0001", "/plan/", {"code": NP, "start": "0001-01-01"},
                "on or after", cli=("plan", "target", NP, "--start", "0001-01-01"),
                says="on or after")
    yield _form("plan-start-feb-30", "/plan/", {"code": NP, "start": "2026-02-30"},
                "enter a valid date", cli=("plan", "target", NP, "--start", "2026-02-30"),
                says="2026-02-30")
    yield _form("plan-start-overlong", "/plan/", {"code": NP, "start": "2" * 100_000},
                "enter a valid date", cli=("plan", "target", NP, "--start", "2" * 10_000),
                says="start")
    yield _form("plan-unknown-target", "/plan/", {"code": UNKNOWN_CODE}, "shortlist",
                cli=("plan", "target", UNKNOWN_CODE), code=5, says=UNKNOWN_CODE)
    yield _form("plan-overlong-code", "/plan/", {"code": "1" * 100_000}, "pick a target")
    for name, fields in {
        "exit-money-1e25": {"severance": "1e25"},
        "exit-money-nan": {"severance": "NaN"},
        "exit-money-infinity": {"monthly_saving": "Infinity"},
        "exit-negative-notice": {"notice_months": "-3"},
        "exit-overflow-int": {"conversations": HUGE_ID},
        "exit-bad-month": {"leaving_month": "13"},
    }.items():
        yield _form(name, "/plan/exit/", fields, "need fixing")
    yield _form("learning-hours-negative", "/plan/learning/",
                {"action": "hours", "activity": "x", "hours": "-5"}, "whole number")
    yield _form("learning-hours-overflow", "/plan/learning/",
                {"action": "hours", "activity": "x", "hours": HUGE_ID}, "hours")
    yield _form("learning-max-gaps-overflow", "/plan/learning/",
                {"action": "max-gaps", "max_gaps": HUGE_ID}, "gaps")
    yield _form("learning-remove-unknown-resource", "/plan/learning/",
                {"action": "remove-resource", "resource": HUGE_ID}, "", status=302)  # a no-op
    yield _form("learning-resource-javascript", "/plan/learning/",
                {"action": "add-resource", "gap": "x", "url": "javascript:alert(1)"},
                "web link")
    yield _form("learning-unknown-action", "/plan/learning/", {"action": "x" * 10_000},
                "unknown action")
    yield _form("goals-overlong", "/plan/goals/", {"action": "save", "text": "x" * 100_000},
                "at most 1,000 characters")
    yield _form("goals-overflow-id", "/plan/goals/",
                {"action": "save", "text": "Finish a course", "goal_id": HUGE_ID},
                "no longer there")
    yield _form("goals-remove-unknown", "/plan/goals/",
                {"action": "remove", "source": "nope" * 1000}, "no such goal")
    about = {"risk_tolerance": "medium"}
    yield _form("about-unknown-code", "/profile/about/", {**about, "occupation_code": "0" * 10},
                "not in the installed data")  # a problem of the page: 400
    for name, fields, says in (
        ("about-money-1e25", {"savings": "1" + "0" * 25}, "less than or equal to 100000000"),
        ("about-money-nan", {"learning_budget": "NaN"}, "whole number"),
        ("about-negative-hours", {"hours_per_week": "-5"}, "greater than or equal to 0"),
        ("about-hours-infinity", {"hours_per_week": "inf"}, "enter a number"),
        ("about-overlong-title", {"title_query": "x" * 100_000}, "at most 200 characters"),
        ("about-risk-forged", {"risk_tolerance": "reckless"}, "select a valid choice"),
        ("about-credentials", {"credentials": "\n".join(f"Licence {i}" for i in range(100))},
         "at most 40"),
    ):
        yield _form(name, "/profile/about/", {**about, **fields}, says, status=200)  # re-shown
    yield _form("skills-level-forged", "/profile/skills/",
                {"action": "next", "level-2.A.1.a": "1e308"}, "level")
    yield _form("assess-value-forged", "/profile/assess/rut/",
                {"page": "0", "action": "next", "rut.signs.motivation.1": "99"}, "")
    yield Case("form/assess-page-overflow", web=("POST", "/profile/assess/rut/", {"page": HUGE_ID,
               "action": "next"}), refused=False)  # the last page: its draft is kept
    yield _form("shortlist-unknown", "/paths/shortlist/", {"code": UNKNOWN_CODE, "action": "add"},
                "unknown occupation", cli=("shortlist", "add", UNKNOWN_CODE), code=5,
                says=UNKNOWN_CODE)
    yield _form("match-unknown-ids", f"/documents/match/{HUGE_ID}/{HUGE_ID}/", {}, "",
                cli=("match", "--resume", HUGE_ID, "--posting", HUGE_ID), code=5,
                says="no such resume|no such posting", status=404, method="GET")
    for name, cli, says in (
        ("cli-remove-overflow-id", ("resume", "remove", HUGE_ID), "no resume"),
        ("cli-explore-pay-1e25", ("explore", "--from", ANALYST, "--min-pay", "1e25"), "min-pay"),
        ("cli-explore-negative-hours", ("explore", "--from", ANALYST, "--hours", "-5"), "hours"),
        ("cli-explore-nan-retraining", ("explore", "--from", ANALYST, "--retraining-months",
                                        "nan"), "retraining"),
        ("cli-goals-negative-hours", ("goals", "check", "Finish a course by June", "--hours",
                                      "-5"), "hours"),
        ("cli-occupation-unknown", ("occupations", "show", UNKNOWN_CODE), UNKNOWN_CODE),
    ):
        yield Case(f"form/{name}", None, "", cli, 5 if "unknown" in name or "id" in name else 2,
                   says)
    # -- addresses --
    for name, url, says in (
        ("loopback", "http://127.0.0.1:1/jobs", "loopback"),
        ("localhost", "http://localhost/profile/results.json", "loopback"),
        ("ipv6-loopback", "http://[::1]/", "loopback"),
        ("private", "http://10.0.0.1/", "private"),
        ("metadata", "http://169.254.169.254/latest/meta-data/", "link-local"),
        ("shared", "http://100.64.0.1/", "shared|private|reserved"),
        ("unspecified", "http://0.0.0.0/", "reserved|unspecified|private"),
        ("ipv6-link-local", "http://[fe80::1]/", "link-local"),
        ("mapped-v4", "http://[::ffff:127.0.0.1]/", "loopback|private|reserved"),
        ("credentials", "http://user:secret@127.0.0.1/", "loopback"),
        ("long", "http://127.0.0.1/" + "a" * 1_900, "loopback"),
    ):
        yield _url(name, url, says)
    for name, url, says in (
        ("file", "file:///etc/passwd", "no such file|only http"),
        ("ftp", "ftp://127.0.0.1/", "no such file|only http"),
        ("gopher", "gopher://127.0.0.1:70/", "no such file|only http"),
        ("javascript", "javascript:alert(1)", "no such file|only http"),
    ):
        yield _url(name, url, says, web_says="enter a valid url|only http",
                   code=5 if "no such file" in says else 6)
    yield _url("decimal-host", "http://2130706433/", "loopback|could not be found",
               web_says="enter a valid url|loopback")
    yield _url("overlong", "http://127.0.0.1/" + "a" * 5_000, "loopback",
               web_says="at most 2000 characters")


@cache
def baseline() -> tuple[Case, ...]:
    """Well-formed inputs of the same kinds, through the same surfaces and checks: what the
    hostile cases are measured beside (``benchmarks/hostile.py``)."""
    from datetime import date, timedelta

    soon = (date.today() + timedelta(days=7)).isoformat()
    return (
        _resume("well-formed-text", RESUME.encode(), "", refused=False),
        _resume("well-formed-pdf", text_pdf(), "", filename="cv.pdf", refused=False),
        _resume("well-formed-docx", docx_paragraphs(RESUME.splitlines()), "",
                filename="cv.docx", refused=False),
        _posting("well-formed-text", POSTING.encode(), "", refused=False),
        _posting("well-formed-json-ld", job_ld(), "", filename="job.json", refused=False),
        _posting("well-formed-batch", b"text\n" + b"Python and SQL\n" * 50, "",
                 filename="jobs.csv", refused=False),
        Case("form/well-formed-start", cli=("plan", "target", NP, "--start", soon), code=0,
             web=("POST", "/plan/", {"code": NP, "start": soon}), status=302, refused=False),
        Case("form/well-formed-exit", web=("POST", "/plan/exit/", {"severance": "5000"}),
             status=302, refused=False),
    )


# -- the harness: the CLI --------------------------------------------------------------------


@dataclass
class Outcome:
    """What one case did on one surface."""

    case: str
    surface: str  # "cli" | "web"
    code: int  # exit code or HTTP status
    message: str  # stderr or page text
    seconds: float
    megabytes: float  # CLI: peak resident memory; web: peak of new Python allocations
    stored: bool  # the user tables changed
    problems: list[str] = field(default_factory=list)

    @property
    def crashed(self) -> bool:
        return bool(self.problems)


def trim_release(source: Path, target: Path, keep: frozenset[str] = OCCUPATIONS) -> Path:
    """The O*NET text release in ``source`` with every occupation table trimmed to ``keep``
    (reference tables whole), written to ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        lines = path.read_text(encoding="utf-8").split("\n")
        head = lines[0].split("\t")
        if "O*NET-SOC Code" in head:
            at = head.index("O*NET-SOC Code")
            other = head.index("Related O*NET-SOC Code") if "Related O*NET-SOC Code" in head else at
            rows = [ln for ln in lines[1:] if ln
                    and ln.split("\t")[at] in keep and ln.split("\t")[other] in keep]
            (target / path.name).write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
        else:
            shutil.copy(path, target / path.name)
    return target


def clean_env(home: Path) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    return {**env, "UNSTUCK_HOME": str(home), "OPENBLAS_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1"}


#: the child: its address space capped, then ``python -m unstuck``; at exit it writes its own
#: peak resident memory (VmHWM, which belongs to the process's memory after exec: the parent's
#: size, which ``wait4``'s ``ru_maxrss`` carries over from the fork, is not in it)
CHILD = """
import atexit, os, resource, runpy, sys
limit = int(os.environ.pop("HOSTILE_AS_BYTES"))
peak_file = os.environ.pop("HOSTILE_PEAK_FILE")
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

def peak():
    with open("/proc/self/status") as status, open(peak_file, "w") as out:
        out.write(next(ln.split()[1] for ln in status if ln.startswith("VmHWM:")))

atexit.register(peak)
sys.argv = ["unstuck", *sys.argv[1:]]
runpy.run_module("unstuck", run_name="__main__", alter_sys=True)
"""


def run_unstuck(
    args: list[str], home: Path, *, seconds: float = SECONDS, megabytes: float = MEGABYTES,
    python: str = sys.executable,
) -> tuple[int, str, str, float, float]:
    """``python -m unstuck ARGS`` under ``RLIMIT_AS`` and a wall-clock limit: (exit code or
    -signal, stdout, stderr, seconds, peak resident MB; 0 when the process was killed). A
    process past ``seconds`` is killed (code -9)."""
    peak_file = home.parent / f"{home.name}.peak"
    peak_file.unlink(missing_ok=True)
    env = {**clean_env(home), "HOSTILE_AS_BYTES": str(int(megabytes * 1_000_000)),
           "HOSTILE_PEAK_FILE": str(peak_file)}
    with open(os.devnull, "rb") as stdin, _temp(home, "out") as out_f, _temp(home, "err") as err_f:
        start = time.monotonic()
        proc = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [python, "-c", CHILD, *args], stdin=stdin, stdout=out_f, stderr=err_f, env=env
        )
        try:
            code = proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        elapsed = time.monotonic() - start
        out_f.seek(0)
        err_f.seek(0)
        out, err = out_f.read(), err_f.read()
    try:
        peak = int(peak_file.read_text()) / 1024
    except (OSError, ValueError):
        peak = 0.0
    decode = lambda b: b.decode("utf-8", "replace")  # noqa: E731
    return code, decode(out), decode(err), elapsed, peak


def _temp(home: Path, name: str) -> io.BufferedRandom:
    return open(home.parent / f"{home.name}.{name}", "w+b")  # noqa: SIM115 - closed by with


def sqlite_snapshot(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table in the user database, Django's own bookkeeping aside."""
    if not database.exists():
        return {}
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)  # noqa: S608
            for t in tables
            if not t.startswith(("django_", "sqlite_", "auth_"))
        }


def check_cli(case: Case, template: Path, work: Path) -> Outcome:
    """Run one case through the CLI in a fresh copy of ``template`` (an UNSTUCK_HOME)."""
    assert case.cli is not None
    home = work / f"home-{case.name.replace('/', '-')}"
    if home.exists():
        shutil.rmtree(home)
    shutil.copytree(template, home, symlinks=True)
    home.chmod(0o700)
    args = list(case.cli)
    if case.data is not None:
        path = work / f"{case.name.replace('/', '-')}-{case.filename}"
        path.write_bytes(case.data)
        args = [str(path) if a == "{file}" else a for a in args]
    before = sqlite_snapshot(home / "unstuck.sqlite3")
    code, _, stderr, seconds, peak = run_unstuck(args, home)
    stored = sqlite_snapshot(home / "unstuck.sqlite3") != before
    outcome = Outcome(case.name, "cli", code, stderr.strip(), seconds, peak, stored)
    outcome.problems = cli_problems(case, outcome)
    shutil.rmtree(home, ignore_errors=True)
    return outcome


def cli_problems(case: Case, o: Outcome) -> list[str]:
    import re

    found = []
    if o.code == -signal.SIGKILL:
        found.append(f"ran past {SECONDS:g} s")
    if "Traceback" in o.message or "MemoryError" in o.message:
        found.append("a traceback: " + o.message.strip().splitlines()[-1][:200])
    elif o.code != case.code:
        found.append(f"exit {o.code}, not {case.code}: {o.message[:200]}")
    if case.refused:
        lines = [ln for ln in o.message.splitlines() if ln.strip()]
        errors = [ln for ln in lines if ln.startswith("Error:")]
        if not lines:
            found.append("no message")
        elif case.kind == "answers":  # a list of problems, each by item id, one a line
            if not lines[0].startswith("Error:") or max(map(len, lines)) > 600:
                found.append("not a list of short problems")
        elif len(errors) != 1 or len(errors[0]) > 600 or len(lines) > 3:
            # one Error: line (after Click's two lines of usage for a usage error)
            found.append(f"not one short Error: line ({len(lines)} lines)")
        elif case.says and not re.search(case.says, o.message.lower()):
            found.append(f"message does not say {case.says!r}: {o.message[:200]}")
        if o.stored:
            found.append("something was stored")
    elif not o.stored:
        found.append("an acceptable input was not stored")
    if o.megabytes > MEGABYTES:
        found.append(f"{o.megabytes:.0f} MB resident")
    return found


# -- the harness: the web client ---------------------------------------------------------------


def django_snapshot() -> dict[str, list[str]]:
    """Every row of every unstuck model (in the test database), every column: a refused
    request touches nothing, not even a row's ``updated_at`` (pages that only show never
    write, and the wizard records where the person is only when a step is saved)."""
    from django.apps import apps

    out = {}
    for m in apps.get_models():
        if m.__module__.startswith("unstuck."):
            names = [f.attname for f in m._meta.concrete_fields]
            out[m._meta.label] = sorted(map(repr, m._default_manager.values_list(*names)))
    return out


def check_web(case: Case, client: object) -> Outcome:
    """Send one case's request through Django's test ``client``, within the time and memory
    budget (:func:`bounded.within`)."""
    import re

    from bounded import Overrun, measured

    assert case.web is not None
    method, path, fields = case.web
    data: dict[str, object] = dict(fields)
    if case.web_file:
        upload = io.BytesIO(case.data or b"")
        upload.name = case.filename
        data[case.web_file] = upload
    before = django_snapshot()
    problems: list[str] = []
    start = time.monotonic()
    peak = 0.0

    def send() -> object:
        return getattr(client, method.lower())(path, data)

    try:
        response, allocated = measured(send, SECONDS, MEGABYTES)
        peak = allocated / 1e6
    except Overrun as exc:
        return Outcome(case.name, "web", 0, "", time.monotonic() - start, 0, False, [str(exc)])
    except Exception as exc:  # noqa: BLE001 - a crash the test client re-raised
        return Outcome(case.name, "web", 500, "", time.monotonic() - start, 0, False,
                       [f"raised {type(exc).__name__}: {str(exc)[:200]}"])
    seconds = time.monotonic() - start
    status = response.status_code  # type: ignore[attr-defined]
    body = response.content.decode("utf-8", "replace")  # type: ignore[attr-defined]
    stored = django_snapshot() != before
    refused = case.refused
    if status >= 500:
        problems.append(f"status {status}")
    elif status != case.status:
        problems.append(f"status {status}, not {case.status}")
    if "Traceback" in body:
        problems.append("traceback text on the page")
    page = re.sub(r"\s+", " ", body.lower()).replace("&#x27;", "'").replace("&quot;", '"')
    if refused and case.page_says and not re.search(case.page_says, page):
        problems.append(f"the page does not say {case.page_says!r}")
    if refused and stored:
        problems.append("something was stored")
    if not refused and not stored:
        problems.append("an acceptable input was not stored")
    if len(body) > 2_000_000:
        problems.append(f"a {len(body) / 1e6:.1f} MB page")
    return Outcome(case.name, "web", status, page[:300], seconds, peak, stored, problems)


def web_state(kb: object) -> None:
    """The web cases' starting state (the CLI's template holds the same plan): an occupation
    in the profile, a shortlisted target, a plan towards it."""
    from unstuck.app.paths import services as paths_services
    from unstuck.app.plan import services as plan_services
    from unstuck.app.profile import services as profile_services

    profile_services.set_occupation(kb, NURSE, 7)
    paths_services.add(NP, kb.titles[NP])  # type: ignore[attr-defined]
    plan_services.choose_target(NP)


def prepare_home(release: Path, home: Path, python: str = sys.executable) -> Path:
    """An UNSTUCK_HOME with the small knowledge base built from ``release`` (a trimmed O*NET
    folder, :func:`trim_release`) and a user database holding a shortlisted target with a
    plan: what each CLI case's fresh home is copied from."""
    steps = (["data", "install", "--source", str(release)], ["shortlist", "add", NP],
             ["plan", "target", NP])
    for args in steps:
        code, out, err, _, _ = run_unstuck(args, home, seconds=120, megabytes=2000, python=python)
        if code != 0:
            raise RuntimeError(f"unstuck {' '.join(args)} failed ({code}): {err or out}")
    return home
