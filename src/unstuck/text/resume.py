"""Reading a resume: PDF, DOCX, plain text, Markdown, JSON Resume, the LinkedIn data export.

:func:`read_resume` takes the bytes of one file (or :func:`read_resume_path` a file or an
extracted LinkedIn export folder) and returns a :class:`Resume`: positions (title, employer,
dates), education, certifications, the skills a knowledge-base extractor finds with the lines
that evidence them, and the skills the person listed themselves. What the file does not say
stays None; nothing is filled in.

**Formats**, told apart by content, not by file name:

- PDF (``%PDF``), through pypdf. An encrypted PDF that does not open with an empty password,
  and a PDF without a text layer (a scan: "image-only"), are refused with :class:`ResumeError`
  saying so; OCR is not attempted.
- DOCX (a zip with ``word/document.xml``), read with the standard library: paragraphs and
  table cells become lines. Zip members are size-checked before reading (zip bombs).
- The LinkedIn data export (a zip, or its extracted folder, holding ``Positions.csv``):
  ``Profile``, ``Positions``, ``Skills``, ``Education`` and ``Certifications`` CSVs.
- JSON Resume (a JSON object with ``basics``/``work``): its fields map one to one.
- Anything else that decodes as text: plain text or Markdown.

**Positions in free text.** A line holding a date range ("Jan 2019 – Present", "2015-2018",
"03/2020 to 06/2022") opens a position; title and employer come from that line or, when it
holds only dates, the line before it ("Senior Analyst, Acme Corp" / "Senior Analyst at Acme" /
"Acme Corp | Senior Analyst": the part with a job word is the title). Education and
certification lines are recognised in their sections (or by degree words anywhere).

**Skills.** The extractor runs over every line; a negated mention ("no experience with
Tableau") is never evidence, a hedged one ("familiar with") is kept as weak.
"""

from __future__ import annotations

import io
import json
import logging
import re
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from unstuck.text import layout, limits
from unstuck.text.extract import Concept, Extractor, Mention

MAX_BYTES = 20_000_000  # a resume file larger than this is refused
MAX_UNZIPPED = 50_000_000  # total uncompressed size allowed inside a DOCX or export zip
MAX_RATIO = 200  # a zip member compressed more than this is treated as a zip bomb
MAX_PAGES = 60
MAX_PDF_CONTENT = 2_000_000  # bytes of drawing instructions over all pages (a resume: ~100 KB)
MAX_DOCUMENT_XML = 10_000_000  # a Word file's main document (its text and formatting)
MAX_POSITIONS = 200  # dated positions, schools or certifications: more is not a resume
STRENGTH_ORDER = {"weak": 0, "normal": 1, "strong": 2}


class ResumeError(ValueError):
    """The file cannot be read as a resume; the message says why, for a person."""


@dataclass(frozen=True, slots=True)
class Position:
    title: str | None
    employer: str | None
    start: str | None
    end: str | None  # None with current=True: "present"
    current: bool
    evidence: str  # the line with the dates
    header: tuple[str, ...] = ()  # the lines above it that name the position, if any
    location: str | None = None


@dataclass(frozen=True, slots=True)
class Education:
    school: str | None
    degree: str | None
    field: str | None
    end: str | None
    evidence: str
    level: str | None = None  # layout.LEVELS: "bachelor", "master", ...


@dataclass(frozen=True, slots=True)
class Certification:
    name: str
    issuer: str | None
    date: str | None
    evidence: str


@dataclass(frozen=True, slots=True)
class SkillEvidence:
    concept: Concept
    strength: str  # the strongest non-negated mention: "weak" | "normal" | "strong"
    years: float | None
    mentions: tuple[Mention, ...]
    evidence: tuple[str, ...]  # the lines that show it


@dataclass
class Resume:
    source: str  # "pdf" | "docx" | "linkedin" | "json-resume" | "text"
    name: str | None = None
    headline: str | None = None
    contact: list[str] = field(default_factory=list)  # the lines with address, phone, email
    preamble: list[str] = field(default_factory=list)  # every line above the first heading
    sections: list[dict[str, Any]] = field(default_factory=list)  # {kind, heading, lines}
    positions: list[Position] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    certifications: list[Certification] = field(default_factory=list)
    listed_skills: list[str] = field(default_factory=list)  # as the person wrote them
    skills: list[SkillEvidence] = field(default_factory=list)
    text: str = ""


# -- formats --------------------------------------------------------------------------------


def _check_zip(archive: zipfile.ZipFile) -> None:
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > MAX_UNZIPPED or total > MAX_UNZIPPED:
            raise ResumeError("this archive unpacks to more than 50 MB: refused")
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise ResumeError("this archive is compressed suspiciously well (a zip bomb?)")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(archive: zipfile.ZipFile) -> str:
    """The paragraphs of a DOCX's main document, one per line (table cells included)."""
    if archive.getinfo("word/document.xml").file_size > MAX_DOCUMENT_XML:
        raise ResumeError(
            f"this Word file's text is over {MAX_DOCUMENT_XML // 1_000_000} MB: not a resume"
        )
    try:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    except ElementTree.ParseError as err:
        raise ResumeError(f"this Word file is damaged ({err})") from None
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for block in body if body is not None else root:
        if block.tag == f"{_W}tbl":
            # a table row is one line, its cells joined by bars: "Employer | Title | dates"
            for row in block.iter(f"{_W}tr"):
                cells = [_para_text(cell) for cell in row.iter(f"{_W}tc")]
                line = " | ".join(c for c in cells if c)
                if line:
                    lines.append(line)
        elif block.tag == f"{_W}p":
            line = _para_text(block)
            if line and _listed(block):
                line = "• " + line  # a Word list item: its bullet is numbering, not text
            if line:
                lines.append(line)
    return "\n".join(lines)


def _listed(para: ElementTree.Element) -> bool:
    props = para.find(f"{_W}pPr")
    if props is None:
        return False
    if props.find(f"{_W}numPr") is not None:
        return True
    style = props.find(f"{_W}pStyle")
    value = style.get(f"{_W}val", "") if style is not None else ""
    return value.lower().startswith("list")


def _para_text(element: ElementTree.Element) -> str:
    parts = []
    for node in element.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag in (f"{_W}tab", f"{_W}br"):
            parts.append(" ")
        elif node.tag == f"{_W}p" and parts:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _page_text(page: Any) -> str:
    """One page's text; a page laid out in two columns is read a column at a time (pypdf
    alone would run a line of the left column into the line beside it)."""
    frags: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            x = float(tm[4]) * float(cm[0]) + float(cm[4])
            y = float(tm[5]) * float(cm[3]) + float(cm[5])
            frags.append((x, y, float(size or 10) * abs(float(tm[0]) or 1.0), text.strip()))

    plain = page.extract_text(visitor_text=visit) or ""
    width = float(page.mediabox.width)
    split = _column_split(frags, width)
    if split is None:
        return str(plain)
    out = []
    for side in ([f for f in frags if f[0] < split], [f for f in frags if f[0] >= split]):
        rows: list[tuple[float, list[tuple[float, str]]]] = []
        for x, y, _, text in sorted(side, key=lambda f: (-f[1], f[0])):
            if rows and abs(rows[-1][0] - y) <= 2:
                rows[-1][1].append((x, text))
            else:
                rows.append((y, [(x, text)]))
        out += [" ".join(t for _, t in sorted(parts)) for _, parts in rows]
    return "\n".join(out)


def _column_split(frags: list[tuple[float, float, float, str]], width: float) -> float | None:
    """The x where a second column starts, or None for a page of one column: many lines start
    at one x right of the margin, nothing from the left runs past it, and its lines are more
    than dates (not a column of dates beside the titles)."""
    if len(frags) < 10:
        return None
    margin = min(f[0] for f in frags)
    starts = [f[0] for f in frags if f[0] > margin + 0.2 * width]
    if len(starts) < 4:
        return None
    x = min(starts)
    left = [f for f in frags if f[0] < x - 1]
    right = [f for f in frags if f[0] >= x - 1]
    if len(left) < 4:
        return None
    crossing = sum(1 for f in left if f[0] + 0.45 * f[2] * len(f[3]) > x + 2)
    if crossing > 0.05 * len(left):
        return None
    dates = sum(1 for f in right if len(f[3]) < 30 and layout.RANGE.search(f[3]))
    chars = sum(len(f[3]) for f in right) / max(1, sum(len(f[3]) for f in frags))
    if dates >= 0.5 * len(right) or chars < 0.25:
        return None
    return x - 1


_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[<")


def pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise ResumeError("reading PDF needs the pypdf package") from None
    # PDF objects nest a few levels; pypdf parses nesting recursively and recovers from each
    # RecursionError slowly (seconds for 50,000 levels): a long run of openers is refused
    # first (the brackets alone, kept by one C pass, then two substring searches)
    brackets = data.translate(None, _NOT_BRACKETS)
    if b"[" * 200 in brackets or b"<" * 400 in brackets:
        raise ResumeError("this PDF nests its objects hundreds of levels deep: not a resume")
    # pypdf logs a warning for every damaged object it steps over (thousands for a hostile
    # file); the reader says what is wrong itself
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ResumeError("this PDF is encrypted (password-protected): save an unlocked copy")
        if len(reader.pages) > MAX_PAGES:
            raise ResumeError(f"this PDF has {len(reader.pages)} pages: not a resume")
        deadline = limits.Deadline(ResumeError, "this PDF")
        pages, drawn = [], 0
        for page in reader.pages:
            deadline.check()
            contents = page.get_contents()  # text extraction takes ~2 s a MB of these
            drawn += len(contents.get_data()) if contents is not None else 0
            if drawn > MAX_PDF_CONTENT:
                raise ResumeError(
                    f"this PDF's pages hold over {MAX_PDF_CONTENT // 1_000_000} MB of drawing "
                    "instructions: not a resume (export it again as text, or paste the text)"
                )
            pages.append(_page_text(page))
    except ResumeError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as err:
        raise ResumeError(f"this file is not a readable PDF ({type(err).__name__})") from None
    except Exception as err:  # noqa: BLE001 - pypdf on a hostile file (RecursionError, ...)
        raise ResumeError(f"this file is not a readable PDF ({type(err).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise ResumeError(
            "this PDF has no text layer (an image-only or scanned PDF); "
            "export it again as text or paste the text"
        )
    return text


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ResumeError("this file is binary, not a document unstuck can read")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return text
    return data.decode("cp1252", errors="replace")


def read_resume(data: bytes, extractor: Extractor, *, filename: str | None = None) -> Resume:
    """Read one resume file's bytes (see the module docstring for the formats)."""
    if len(data) > MAX_BYTES:
        raise ResumeError(f"this file is over {MAX_BYTES // 1_000_000} MB: refused")
    if not data.strip():
        raise ResumeError("this file is empty")
    if data.startswith(b"%PDF"):
        return _from_text(pdf_text(data), "pdf", extractor)
    if filename and filename.lower().endswith(".pdf"):
        raise ResumeError("this file is named .pdf but is not a PDF")
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise ResumeError("this zip/Word file is damaged") from None
        with archive:
            _check_zip(archive)
            names = set(archive.namelist())
            try:
                if "word/document.xml" in names:
                    return _from_text(docx_text(archive), "docx", extractor)
                csvs = {Path(n).name: n for n in names if n.lower().endswith(".csv")}
                if "Positions.csv" in csvs or "Profile.csv" in csvs:
                    files = {
                        name: _decode(archive.read(path))
                        for name, path in csvs.items()
                        if name in _LINKEDIN_FILES
                    }
                    return read_linkedin(files, extractor)
            except (NotImplementedError, zipfile.BadZipFile, EOFError, zlib.error) as err:
                # NotImplementedError (an unsupported compression method) is a RuntimeError
                raise ResumeError(f"this zip/Word file is damaged ({err})") from None
            except RuntimeError:  # zipfile: "... is encrypted, password required"
                raise ResumeError(
                    "this file is password-protected: save an unlocked copy"
                ) from None
        raise ResumeError("this zip holds neither a Word document nor a LinkedIn export")
    text = _decode(data)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            obj = limits.load_json(stripped, ResumeError, "this JSON file")
        except json.JSONDecodeError:
            obj = None
        if isinstance(obj, dict) and ("basics" in obj or "work" in obj):
            return read_json_resume(obj, extractor)
    if _HTML.search(text[:5000]):
        from unstuck.text.markup import html_to_text

        return _from_text(html_to_text(text), "html", extractor)
    return _from_text(text, "text", extractor)


_HTML = re.compile(r"<\s*(?:html|body|!doctype)\b", re.I)


def read_resume_path(path: Path, extractor: Extractor) -> Resume:
    """A resume file, or an extracted LinkedIn export folder."""
    if path.is_dir():
        files = {
            p.name: _decode(p.read_bytes()) for p in path.glob("*.csv") if p.name in _LINKEDIN_FILES
        }
        if not files:
            raise ResumeError(f"{path} holds no LinkedIn export CSV files (Positions.csv...)")
        return read_linkedin(files, extractor)
    if path.stat().st_size > MAX_BYTES:
        raise ResumeError(f"this file is over {MAX_BYTES // 1_000_000} MB: refused")
    return read_resume(path.read_bytes(), extractor, filename=path.name)


# -- LinkedIn export and JSON Resume ------------------------------------------------------------

_LINKEDIN_FILES = frozenset(
    ("Profile.csv", "Positions.csv", "Skills.csv", "Education.csv", "Certifications.csv")
)


def _csv_rows(text: str, expect: str) -> list[dict[str, str]]:
    """Rows of one export CSV. Some exports put a "Notes:" preamble above the header, so the
    header is the first line naming the ``expect`` column."""
    limits.check_text(text, ResumeError, "this LinkedIn export file")
    lines = text.splitlines()
    for i, line in enumerate(lines[:10]):
        if expect in line:
            rows = limits.csv_dicts("\n".join(lines[i:]), ResumeError, f"{expect!r} CSV file")
            return [
                {k.strip(): _cell(v) for k, v in row.items() if isinstance(k, str) and k}
                for _, row in rows
            ]
    return []


def _cell(value: Any) -> str:
    """A CSV cell as text (an overlong row's extra cells come as a list: joined)."""
    if isinstance(value, list):
        return " ".join(str(v) for v in value).strip()
    return (value or "").strip()


def _none(value: Any) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def read_linkedin(files: Mapping[str, str], extractor: Extractor) -> Resume:
    resume = Resume("linkedin")
    lines: list[str] = []
    for row in _csv_rows(files.get("Profile.csv", ""), "First Name")[:1]:
        name = " ".join(p for p in (row.get("First Name"), row.get("Last Name")) if p)
        resume.name = name or None
        resume.headline = _none(row.get("Headline"))
        lines += [x for x in (row.get("Headline"), row.get("Summary")) if x]
    for row in _csv_rows(files.get("Positions.csv", ""), "Company Name"):
        end = _none(row.get("Finished On"))
        evidence = " | ".join(
            x for x in (row.get("Title"), row.get("Company Name"), row.get("Started On"), end) if x
        )
        resume.positions.append(
            Position(
                _none(row.get("Title")),
                _none(row.get("Company Name")),
                _none(row.get("Started On")),
                end,
                end is None,
                evidence,
            )
        )
        lines += [evidence, *(row.get("Description") or "").splitlines()]
    for row in _csv_rows(files.get("Education.csv", ""), "School Name"):
        evidence = " | ".join(
            x for x in (row.get("School Name"), row.get("Degree Name"), row.get("End Date")) if x
        )
        resume.education.append(
            Education(
                _none(row.get("School Name")),
                _none(row.get("Degree Name")),
                None,
                _none(row.get("End Date")),
                evidence,
            )
        )
        lines.append(evidence)
    for row in _csv_rows(files.get("Certifications.csv", ""), "Name"):
        if row.get("Name"):
            evidence = " | ".join(x for x in (row["Name"], row.get("Authority")) if x)
            resume.certifications.append(
                Certification(
                    row["Name"], _none(row.get("Authority")), _none(row.get("Started On")), evidence
                )
            )
            lines.append(evidence)
    resume.listed_skills = [
        r["Name"] for r in _csv_rows(files.get("Skills.csv", ""), "Name") if r.get("Name")
    ]
    lines += resume.listed_skills
    resume.text = "\n".join(lines)
    _check_size(resume)
    resume.skills = skill_evidence(lines, extractor)
    return resume


def _check_size(resume: Resume) -> None:
    """Refuse a read resume too large to be one, before the skills are extracted."""
    limits.check_text(resume.text, ResumeError, "this resume")
    for what, items in (("positions", resume.positions), ("education entries",
                        resume.education), ("certifications", resume.certifications)):  # fmt: skip
        if len(items) > MAX_POSITIONS:
            raise ResumeError(f"this resume lists more than {MAX_POSITIONS} {what}: refused")
    if len(resume.listed_skills) > limits.MAX_ROWS:
        raise ResumeError(f"this resume lists more than {limits.MAX_ROWS:,} skills: refused")


def read_json_resume(obj: Mapping[str, Any], extractor: Extractor) -> Resume:
    check_json_resume(obj)
    resume = Resume("json-resume")
    basics = obj.get("basics") or {}
    lines: list[str] = []
    if isinstance(basics, dict):
        resume.name = _none(basics.get("name"))
        resume.headline = _none(basics.get("label"))
        lines += [str(x) for x in (basics.get("label"), basics.get("summary")) if x]
    for job in _dicts(obj.get("work")):
        title, employer = _none(job.get("position")), _none(job.get("name") or job.get("company"))
        end = _none(job.get("endDate"))
        evidence = " | ".join(x for x in (title, employer) if x)
        resume.positions.append(
            Position(
                title,
                employer,
                _none(job.get("startDate")),
                end,
                end is None and bool(job.get("startDate")),
                evidence,
            )
        )
        lines += [evidence, *str(job.get("summary") or "").splitlines()]
        lines += [str(h) for h in job.get("highlights") or () if h]
    for school in _dicts(obj.get("education")):
        evidence = " | ".join(
            str(x)
            for x in (school.get("studyType"), school.get("area"), school.get("institution"))
            if x
        )
        resume.education.append(
            Education(
                _none(school.get("institution")),
                _none(school.get("studyType")),
                _none(school.get("area")),
                _none(school.get("endDate")),
                evidence,
            )
        )
        lines.append(evidence)
    for cert in _dicts(obj.get("certificates")):
        if cert.get("name"):
            evidence = " | ".join(str(x) for x in (cert.get("name"), cert.get("issuer")) if x)
            resume.certifications.append(
                Certification(
                    str(cert["name"]), _none(cert.get("issuer")), _none(cert.get("date")), evidence
                )
            )
            lines.append(evidence)
    for skill in _dicts(obj.get("skills")):
        for item in [skill.get("name"), *(skill.get("keywords") or ())]:
            if item:
                resume.listed_skills.append(str(item))
    lines += resume.listed_skills
    resume.text = "\n".join(lines)
    _check_size(resume)
    resume.skills = skill_evidence(lines, extractor)
    return resume


_SCALAR = str | int | float | bool | None
#: The JSON Resume sections unstuck reads, each a list of objects, and in them the fields that
#: hold lists of strings (every other field read is a string, a number or null).
_SECTIONS = {"work": ("highlights",), "education": ("courses",), "certificates": (),
             "skills": ("keywords",)}  # fmt: skip


def check_json_resume(obj: Mapping[str, Any]) -> None:
    """Refuse a JSON Resume whose fields have the wrong types (``"highlights": 5``, a ``work``
    that is not a list), naming the first such field."""

    def kind(value: Any) -> str:
        return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
            type(value), "a number" if isinstance(value, int | float) else "null"
        )

    basics = obj.get("basics")
    if basics is not None and not isinstance(basics, dict):
        raise ResumeError(f"basics must be an object, not {kind(basics)}")
    for name in ("name", "label", "summary"):
        value = (basics or {}).get(name)
        if not isinstance(value, _SCALAR):
            raise ResumeError(f"basics.{name} must be text, not {kind(value)}")
    for section, lists in _SECTIONS.items():
        items = obj.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            raise ResumeError(f"{section} must be a list, not {kind(items)}")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise ResumeError(f"{section}[{i}] must be an object, not {kind(item)}")
            for field_name, value in item.items():
                where = f"{section}[{i}].{field_name}"
                if field_name in lists:
                    if value is None:
                        continue
                    if not isinstance(value, list):
                        raise ResumeError(f"{where} must be a list of text, not {kind(value)}")
                    bad = next((v for v in value if not isinstance(v, _SCALAR)), None)
                    if bad is not None:
                        raise ResumeError(f"{where} must hold only text, not {kind(bad)}")
                elif not isinstance(value, _SCALAR) and field_name in _READ_FIELDS:
                    raise ResumeError(f"{where} must be text, not {kind(value)}")


_READ_FIELDS = frozenset(
    "position name company startDate endDate summary institution studyType area issuer date "
    "url".split()
)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


# -- free text ------------------------------------------------------------------------------

_RANGE = layout.RANGE
#: the last word of a section heading, and the section it opens
_HEADING_NOUNS = {
    "experience": "experience", "employment": "experience", "history": "experience",
    "career": "experience", "positions": "experience", "work": "experience",
    "education": "education", "training": "education", "academics": "education",
    "background": "education", "qualifications": "education",
    "certifications": "certifications", "certification": "certifications",
    "certificates": "certifications", "licenses": "certifications", "licences": "certifications",
    "license": "certifications", "licence": "certifications", "licensure": "certifications",
    "credentials": "certifications", "admissions": "certifications",
    "skills": "skills", "competencies": "skills", "expertise": "skills", "tools": "skills",
    "technologies": "skills", "strengths": "skills", "proficiencies": "skills",
    "summary": "summary", "profile": "summary", "objective": "summary", "about": "summary",
    "me": "summary", "overview": "summary",
    "projects": "projects",
    "languages": "other", "interests": "other", "references": "other", "volunteering": "other",
    "volunteer": "other", "awards": "other", "honors": "other", "honours": "other",
    "publications": "other", "activities": "other", "affiliations": "other",
    "memberships": "other", "hobbies": "other",
}  # fmt: skip
#: words a heading may hold before its noun ("Professional Experience", "Licenses and ...")
_HEADING_WORDS = frozenset(
    """professional work relevant employment career clinical kitchen teaching industry
    military volunteer leadership related other additional selected recent technical core key
    areas of and & licenses licences certifications certificates education academic
    qualifications skills summary history experience personal""".split()
)
_LABEL = re.compile(
    r"^(?P<label>education|degree|degrees|certifications?|certificates?|licen[cs]es?|licensure|"
    r"credentials?|skills|technical skills|core skills|tools|summary|profile|objective)"
    r"\s*:\s*(?P<value>\S.*)$",
    re.I,
)
_CONTACT = re.compile(
    r"@|https?://|www\.|linkedin\.com|github\.com|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b", re.I
)
_BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪–—\x7f\uf0b7]+|\d+[.)])\s+")


def _section_of(line: str) -> str | None:
    """The section a heading line opens ("experience", "education", "certifications",
    "skills", "summary", "projects", "other"), or None when the line is not a heading:
    a short line of heading words ending in a heading noun, in any case, Markdown or not."""
    text = re.sub(r"[*_`#]+", " ", line).strip().rstrip(":").strip()
    if not text or len(text) > 48 or re.search(r"\d|[.,;!?]", text):
        return None
    words = re.findall(r"[a-z]+|&", text.lower())
    if not words or len(words) > 5:
        return None
    noun = _HEADING_NOUNS.get(words[-1])
    if noun is None:
        return None
    if not all(w in _HEADING_WORDS or w in _HEADING_NOUNS for w in words[:-1]):
        if len(words) > 2:  # "Kitchen Experience" and the like: one word of the person's own
            return None
    if noun in ("summary",) and words[-1] in ("me", "about") and words[0] != "about":
        return None
    return noun


def outline(text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The lines above the first section heading, and the sections (``{kind, heading, lines}``)
    as :func:`read_resume` finds them in free text: for a resume stored before the reader kept
    them."""
    preamble: list[str] = []
    sections: list[dict[str, Any]] = []
    for raw in text.splitlines():
        raw = " ".join(raw.split())
        if not raw:
            continue
        kind = _section_of(raw)
        if kind is not None:
            sections.append({"kind": kind, "heading": raw, "lines": []})
        elif sections:
            sections[-1]["lines"].append(raw)
        else:
            preamble.append(raw)
    return preamble, sections


def title_employer(text: str) -> tuple[str | None, str | None]:
    """Split "Senior Analyst, Acme" / "Analyst at Acme" / "Acme | Analyst" into (title,
    employer), places left out (see :func:`unstuck.text.layout.header_fields`)."""
    head = layout.header_fields([text])
    return head.title, head.employer


def _strip_bullet(line: str) -> tuple[str, bool]:
    m = _BULLET.match(line)
    return (line[m.end() :], True) if m else (line, False)


def _plain(line: str) -> str:
    """A line without Markdown emphasis or heading marks."""
    return re.sub(r"\*\*|__|`", "", line).lstrip("#").strip()


#: The words of a web page's own links ("Privacy | Terms | Contact"), which a resume saved from a
#: site can carry after its last section: a line made of nothing else is not a credential.
_SITE_LINKS = frozenset(
    """privacy policy terms of use service conditions contact us about home cookies cookie
    settings sitemap site map accessibility help legal copyright all rights reserved back to
    top menu login log in sign up search careers blog faq""".split()
)


def _site_links(text: str) -> bool:
    parts = [p.strip() for p in re.split(r"\s[|·•]\s|\s{2,}", text) if p.strip()]
    words = re.findall(r"[a-z]+", text.casefold().replace("©", " copyright "))
    return len(parts) >= 2 and bool(words) and all(w in _SITE_LINKS for w in words)


def _certification(text: str) -> Certification | None:
    text = text.strip(" \t-–—•*·")
    if len(text) < 2 or _site_links(text):
        return None
    date = None
    m = re.search(r"[,(\s-]+((?:" + layout._MONTH + r"\s*)?(?:19|20)\d{2})\)?\s*$", text, re.I)
    if m:
        date, text = m.group(1), text[: m.start()].strip(" ,-")
    issuer = None
    name = text
    parts = text.split(", ", 1)
    if len(parts) == 2 and re.search(
        r"\b(?:board|association|council|society|american|national|state of|department|"
        r"commission|institute|academy|ptcb|nccpa|college|university)\b", parts[1], re.I
    ):
        name, issuer = parts
    return Certification(name, issuer, date, text if not date else f"{text}, {date}")


def _education_entry(line: str) -> Education | None:
    degree = layout.read_degree(line)
    if degree is None:
        return None
    years = re.findall(r"\b(?:19|20)\d{2}\b", line)
    school = _SCHOOL.search(line[degree.end :]) or _SCHOOL.search(line)
    return Education(
        school.group(1).strip() if school else None,
        degree.text,
        degree.field,
        years[-1] if years else None,
        line,
        degree.level,
    )


def _from_text(text: str, source: str, extractor: Extractor) -> Resume:
    limits.check_text(text, ResumeError, "this resume")
    resume = Resume(source, text=text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    section: str | None = None
    pending: list[int] = []  # header lines waiting for a dates line below them
    # (line, section, kind) for the skill pass: what to read skills from in each line
    readable: list[tuple[str, str | None, str]] = []
    seen_heading = False

    def flush(waiting: list[int]) -> None:
        # lines that looked like a position's header but met no dates: the person's words
        for j in waiting:
            readable.append((_strip_bullet(_plain(lines[j]))[0], section, lines[j]))

    current: dict[str, Any] | None = None  # the section being collected, for tailoring
    for i, raw in enumerate(lines):
        line = _plain(raw)
        name = _section_of(raw)
        if name is not None:
            section, seen_heading = name, True
            flush(pending)
            pending = []
            current = {"kind": name, "heading": raw, "lines": []}
            resume.sections.append(current)
            continue
        if current is not None:
            current["lines"].append(raw)
        else:
            resume.preamble.append(raw)
        label = _LABEL.match(line)
        line_section = section
        if label:
            line_section = _section_of(label.group("label")) or section
            if label.group("label").lower().startswith("degree"):
                line_section = "education"
            line = label.group("value").strip()
        body, bulleted = _strip_bullet(line)
        if not seen_heading and not label:
            # the top of the resume: name, headline, contact lines, a summary
            if resume.name is None and i == 0 and _NAME.match(body):
                resume.name = body.lstrip("# ").strip() or None
                continue
            if _CONTACT.search(body) or layout.is_location(body):
                resume.contact.append(raw)
                continue
            if resume.headline is None and len(body) <= 80 and not _RANGE.search(body) and (
                not body.endswith(".")
            ):
                resume.headline = body
                readable.append((body, "summary", raw))
                continue
        if line_section == "certifications":
            for part in re.split(r";\s+", body):
                cert = _certification(part)
                if cert is not None:
                    resume.certifications.append(cert)
                    readable.append((cert.name, "certifications", raw))
            continue
        if line_section == "education":
            entry = _education_entry(body)
            if entry is not None:
                resume.education.append(entry)
                if entry.field:
                    readable.append((entry.field, "education", raw))
            elif resume.education and resume.education[-1].school is None:
                school = _SCHOOL.search(body)
                if school:
                    last = resume.education[-1]
                    years = re.findall(r"\b(?:19|20)\d{2}\b", body)
                    resume.education[-1] = Education(
                        school.group(1).strip(), last.degree, last.field,
                        last.end or (years[-1] if years else None), last.evidence, last.level,
                    )  # fmt: skip
            continue
        if line_section == "skills":
            items = [x.strip() for x in re.split(r"[,;•|·]", body) if x.strip()]
            resume.listed_skills += [x for x in items if len(x) <= 60]
            readable.append((body, "skills", raw))
            continue
        date = _RANGE.search(body)
        if date and line_section in (None, "experience", "projects", "other"):
            rest = (body[: date.start()] + " " + body[date.end() :]).strip(" \t-–—|,()")
            flush(pending[:-2])
            head_lines = [lines[j] for j in pending[-2:]]
            if re.search(r"[A-Za-z]{2}", rest):
                head_lines.append(rest)
            header = layout.header_fields([_plain(h) for h in head_lines])
            end = date.group("end")
            is_current = end.lower() in layout.CURRENT
            resume.positions.append(
                Position(header.title, header.employer, date.group("start"),
                         None if is_current else end, is_current, raw,
                         tuple(lines[j] for j in pending[-2:]), header.location)  # fmt: skip
            )
            if header.title:
                readable.append((header.title, "title", raw))
            pending = []
            continue
        if line_section in (None, "experience") and not bulleted and _header_like(body):
            pending.append(i)
            continue
        flush(pending)
        pending = []
        readable.append((body, line_section, raw))
    flush(pending)
    _check_size(resume)
    resume.skills = skill_evidence(readable, extractor)
    return resume


#: a person's name on the first line: two to five capitalised words (initials, particles),
#: optionally followed by credentials ("Daniel Okafor, BSN, RN")
_NAME = re.compile(
    r"^#*\s*(?:[A-Z][\w'.-]*|de|da|van|von|der|la|le|del|bin|al)"
    r"(?:\s+(?:[A-Z][\w'.-]*|de|da|van|von|der|la|le|del|bin|al)){1,4}"
    r"(?:\s*,\s*[A-Z][A-Za-z.]{1,8}){0,4}$"
)


def _header_like(line: str) -> bool:
    """A line that may name a position above its dates: short, not a sentence."""
    words = line.split()
    return 0 < len(words) <= 14 and not line.endswith((".", ":")) and not _CONTACT.search(line)


_SCHOOL = re.compile(
    r"((?:[A-Z][\w.&']*\s+){0,8}(?:University|College|School|Institute|Academy|Polytechnic|"
    r"Tech\b)(?:\s+(?:of|at)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4})?)"
)


# -- skills ---------------------------------------------------------------------------------


def accept(m: Mention, line: str, spans: list[tuple[int, int]], *, listed: bool) -> bool:
    """Whether a mention is a skill a person would accept (see :func:`skill_evidence`)."""
    lone = " " not in m.text.strip()
    if len(m.text.strip()) <= 1 or (lone and not m.named):
        return listed or layout.list_context(line, m.start, m.end, spans)
    return True


def skill_evidence(
    lines: Iterable[str | tuple[str, str | None, str]], extractor: Extractor
) -> list[SkillEvidence]:
    """The concepts the extractor finds in the lines, each with its non-negated mentions and
    the lines that show them, strongest first; negated mentions are never evidence. A line may
    come as (text, section, the line to show as evidence): a lone word that only an alternative
    label or a variant names ("Reports" in "Reports to", "rules"), or a single letter, is a
    skill only in a list of skills (the skills section, a list line, beside another skill)."""
    found: dict[Concept, tuple[list[Mention], limits.Evidence]] = {}
    deadline = limits.Deadline(ResumeError, "this resume")
    for item in lines:
        line, section, shown = (item, None, item) if isinstance(item, str) else item
        deadline.check()
        mentions = [m for m in extractor.extract(line) if not (m.negated or m.vague)]
        spans = [(m.start, m.end) for m in mentions]
        for m in mentions:
            if not accept(m, line, spans, listed=section == "skills"):
                continue
            for concept in m.concepts:
                if concept not in found:
                    limits.check_skills(len(found) + 1, ResumeError, "this resume")
                    found[concept] = ([], limits.Evidence())
                mentions_of, evidence = found[concept]
                mentions_of.append(m)
                evidence.add(shown)
    out = []
    for concept, (mentions, evidence) in found.items():
        strength = max((m.assertion.strength for m in mentions), key=STRENGTH_ORDER.__getitem__)
        years = max((m.assertion.years for m in mentions if m.assertion.years), default=None)
        out.append(SkillEvidence(concept, strength, years, tuple(mentions), tuple(evidence)))
    out.sort(key=lambda s: (-STRENGTH_ORDER[s.strength], -len(s.mentions), s.concept.label))
    return out
