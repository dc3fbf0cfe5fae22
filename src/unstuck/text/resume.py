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
import re
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from unstuck.text import limits
from unstuck.text.extract import Concept, Extractor, Mention

MAX_BYTES = 20_000_000  # a resume file larger than this is refused
MAX_UNZIPPED = 50_000_000  # total uncompressed size allowed inside a DOCX or export zip
MAX_RATIO = 200  # a zip member compressed more than this is treated as a zip bomb
MAX_PAGES = 60
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
    evidence: str


@dataclass(frozen=True, slots=True)
class Education:
    school: str | None
    degree: str | None
    field: str | None
    end: str | None
    evidence: str


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
    lines = []
    for para in root.iter(f"{_W}p"):
        parts = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{_W}tab", f"{_W}br"):
                parts.append(" ")
        line = " ".join("".join(parts).split())
        if line:
            lines.append(line)
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise ResumeError("reading PDF needs the pypdf package") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ResumeError("this PDF is encrypted (password-protected): save an unlocked copy")
        if len(reader.pages) > MAX_PAGES:
            raise ResumeError(f"this PDF has {len(reader.pages)} pages: not a resume")
        deadline = limits.Deadline(ResumeError, "this PDF")
        pages = []
        for page in reader.pages:
            deadline.check()
            pages.append(page.extract_text() or "")
    except ResumeError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as err:
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
    return _from_text(text, "text", extractor)


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

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s*\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}|(?:19|20)\d{{2}})"
_RANGE = re.compile(
    rf"(?P<start>{_DATE})\s*(?:-|–|—|to|until)\s*(?P<end>{_DATE}|present|current|now|today)",
    re.I,
)
_SECTION = re.compile(
    r"^(?:#+\s*)?(?P<name>(?:professional |work |relevant )?experience|employment(?: history)?|"
    r"work history|education(?: and training)?|academic background|"
    r"certifications?(?: and licen[cs]es)?|licen[cs]es(?: and certifications)?|"
    r"(?:technical |core |key )?skills(?: and tools)?|competencies|summary|profile|"
    r"projects|languages|interests|references|volunteer(?:ing)?(?: experience)?)\s*:?\s*$",
    re.I,
)
_DEGREE = re.compile(
    r"\b(?:ph\.?\s?d|doctorate|master'?s?|m\.?sc?|mba|m\.?a\.|bachelor'?s?|b\.?sc?|b\.?a\.|"
    r"associate'?s?(?: degree)|high school diploma|ged|diploma|degree)\b",
    re.I,
)
_JOB_WORDS = re.compile(
    r"\b(?:manager|engineer|analyst|developer|nurse|teacher|assistant|director|specialist|"
    r"consultant|coordinator|officer|technician|lead|intern|designer|administrator|clerk|"
    r"associate|representative|supervisor|accountant|scientist|architect|head|chief|owner|"
    r"founder|programmer|operator|agent|advisor|adviser|therapist|driver|editor|writer|"
    r"researcher|instructor|tutor|cashier|mechanic|electrician|worker|president|vp)\b",
    re.I,
)
_SPLIT = re.compile(r"\s+(?:at|@)\s+|\s*[|,·•]\s*|\s+[-–—]\s+")


def _section_of(line: str) -> str | None:
    m = _SECTION.match(line.strip().strip("*_").strip())
    if not m:
        return None
    name = m.group("name").lower()
    for key in (
        "experience",
        "employment",
        "work history",
        "education",
        "academic",
        "certif",
        "licen",
        "skills",
        "competencies",
        "summary",
        "profile",
    ):
        if key in name:
            return {
                "employment": "experience",
                "work history": "experience",
                "academic": "education",
                "licen": "certifications",
                "certif": "certifications",
                "competencies": "skills",
                "profile": "summary",
            }.get(key, key)
    return "other"


def title_employer(text: str) -> tuple[str | None, str | None]:
    """Split "Senior Analyst, Acme" / "Analyst at Acme" / "Acme | Analyst" into (title,
    employer): the part with a job word is the title; one part alone is a title only if it
    holds a job word."""
    text = re.sub(r"[*_`]{1,3}", "", text).strip(" \t-–—|,•#")  # Markdown emphasis
    if not text:
        return None, None
    at = re.split(r"\s+(?:at|@)\s+", text, maxsplit=1)
    if len(at) == 2:
        return _none(at[0]), _none(at[1])
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    if len(parts) == 1:
        return (_none(parts[0]), None) if _JOB_WORDS.search(parts[0]) else (None, _none(parts[0]))
    first, second = parts[0], " ".join(parts[1:])
    if _JOB_WORDS.search(second) and not _JOB_WORDS.search(first):
        return _none(second), _none(first)
    return _none(first), _none(second)


def _from_text(text: str, source: str, extractor: Extractor) -> Resume:
    limits.check_text(text, ResumeError, "this resume")
    resume = Resume(source, text=text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    section: str | None = None
    for i, line in enumerate(lines):
        name = _section_of(line)
        if name is not None:
            section = name
            continue
        if i == 0 and section is None and len(line) <= 60 and not _RANGE.search(line):
            resume.name = line.lstrip("# ").strip() or None
            continue
        date = _RANGE.search(line)
        if section == "certifications":
            resume.certifications.append(Certification(line.strip("-•* "), None, None, line))
            continue
        if section == "education" or (
            date is None and _DEGREE.search(line) and section not in ("experience", "skills")
        ):
            if _DEGREE.search(line) or section == "education":
                resume.education.append(_education(line))
            continue
        if section == "skills":
            resume.listed_skills += [
                s.strip()
                for s in re.split(r"[,;•|·]", line.strip("-*• "))
                if s.strip() and len(s.strip()) <= 60
            ]
            continue
        if date and section in (None, "experience"):
            rest = (line[: date.start()] + " " + line[date.end() :]).strip(" \t-–—|,()")
            if not rest and i > 0 and _section_of(lines[i - 1]) is None:
                rest = lines[i - 1]
            title, employer = title_employer(rest)
            end = date.group("end")
            current = end.lower() in ("present", "current", "now", "today")
            resume.positions.append(
                Position(
                    title, employer, date.group("start"), None if current else end, current, line
                )
            )
    _check_size(resume)
    resume.skills = skill_evidence(lines, extractor)
    return resume


_SCHOOL = re.compile(
    r"((?:[A-Z][\w.&']*\s+){0,8}(?:University|College|School|Institute|Academy|Polytechnic)"
    r"(?:\s+of\s+[A-Z]\w*(?:\s+[A-Z]\w*)*)?)"
)


def _education(line: str) -> Education:
    degree = _DEGREE.search(line)
    year = re.search(r"\b(?:19|20)\d{2}\b(?!.*\b(?:19|20)\d{2}\b)", line)
    field_m = re.search(r"\b(?:in|of)\s+([A-Z][\w&/ ]{2,60}?)(?:[,|(–—-]|\s+at\s+|$)", line)
    school = _SCHOOL.search(line)
    return Education(
        school.group(1).strip() if school else None,
        degree.group(0) if degree else None,
        field_m.group(1).strip() if field_m else None,
        year.group(0) if year else None,
        line,
    )


# -- skills ---------------------------------------------------------------------------------


def skill_evidence(lines: Iterable[str], extractor: Extractor) -> list[SkillEvidence]:
    """The concepts the extractor finds in the lines, each with its non-negated mentions and
    the lines that show them, strongest first; negated mentions are never evidence."""
    found: dict[Concept, tuple[list[Mention], limits.Evidence]] = {}
    deadline = limits.Deadline(ResumeError, "this resume")
    for line in lines:
        deadline.check()
        for m in extractor.extract(line):
            if m.negated or m.vague:
                continue
            for concept in m.concepts:
                if concept not in found:
                    limits.check_skills(len(found) + 1, ResumeError, "this resume")
                    found[concept] = ([], limits.Evidence())
                mentions, evidence = found[concept]
                mentions.append(m)
                evidence.add(line)
    out = []
    for concept, (mentions, evidence) in found.items():
        strength = max((m.assertion.strength for m in mentions), key=STRENGTH_ORDER.__getitem__)
        years = max((m.assertion.years for m in mentions if m.assertion.years), default=None)
        out.append(SkillEvidence(concept, strength, years, tuple(mentions), tuple(evidence)))
    out.sort(key=lambda s: (-STRENGTH_ORDER[s.strength], -len(s.mentions), s.concept.label))
    return out
