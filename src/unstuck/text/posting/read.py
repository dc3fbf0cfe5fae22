"""Reading one posting: from bytes or text (:func:`read_posting`) or from its address
(:func:`fetch_posting`).

:func:`decode` turns a file into text (PDF and Word through the resume reader, UTF-16 with a
byte-order mark, UTF-8, Windows-1252) and refuses what is not a posting; :func:`read_posting`
reads structured fields from JSON-LD when there are some, else the title, employer, location
and pay from the top lines, then the sections, requirements and skills (:mod:`.asks`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from unstuck.text import layout, limits
from unstuck.text.extract import Extractor
from unstuck.text.posting.asks import heading, requirements, skills
from unstuck.text.posting.model import MAX_BYTES, Posting, PostingError
from unstuck.text.posting.page import (
    HTML,
    PageText,
    html_to_text,
    job_postings,
    location_of,
    name_of,
)
from unstuck.text.posting.pay import find_pay, json_pay
from unstuck.text.resume import ResumeError, docx_text, pdf_text
from unstuck.text.resume import _check_zip as check_zip


def decode(data: bytes | str) -> str:
    if isinstance(data, str):
        if len(data) > MAX_BYTES:
            raise PostingError(f"this posting is over {MAX_BYTES // 1_000_000} MB of text")
        return data
    if len(data) > MAX_BYTES:
        raise PostingError(f"this file is over {MAX_BYTES // 1_000_000} MB: not a job posting")
    if data.startswith(b"%PDF"):
        try:
            return pdf_text(data)
        except ResumeError as err:
            raise PostingError(str(err)) from None
    if data[:4] == b"PK\x03\x04":
        return _docx_posting(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise PostingError("this file says it is UTF-16 but is not") from None
    if b"\x00" in data:  # UTF-16 without a byte-order mark, or not text at all
        raise PostingError("this file is binary (it holds NUL bytes), not a posting")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _docx_posting(data: bytes) -> str:
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise PostingError("this zip/Word file is damaged") from None
    with archive:
        try:
            check_zip(archive)
            if "word/document.xml" not in set(archive.namelist()):
                raise PostingError("this zip archive holds no Word document, not a posting")
            return docx_text(archive)
        except ResumeError as err:
            raise PostingError(str(err)) from None
        except (NotImplementedError, zipfile.BadZipFile, EOFError, RuntimeError) as err:
            raise PostingError(f"this zip/Word file cannot be read ({err})") from None


def read_posting(data: bytes | str, extractor: Extractor) -> Posting:
    """Read one posting (plain text, HTML or JSON-LD) and extract what it asks for."""
    raw = decode(data)
    if not raw.strip():
        raise PostingError("this posting is empty")
    posting = Posting()
    structured: dict[str, Any] | None = None
    stripped = raw.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            found = list(job_postings(limits.load_json(stripped, PostingError, "this JSON")))
        except json.JSONDecodeError:
            found = []
        if found:
            structured = found[0]
            posting.source = "json-ld"
    text = raw
    page_title = h1 = None
    if structured is None and HTML.search(raw[:5000]):
        limits.check_tags(raw, PostingError)
        parser = PageText()
        parser.feed(raw)
        parser.close()
        text = parser.text()
        posting.source = "html"
        page_title, h1 = parser.title, parser.h1
        for block in parser.json_ld:
            try:
                found = list(job_postings(limits.load_json(block, PostingError, "its JSON-LD")))
            except json.JSONDecodeError:
                continue
            if found:
                structured = found[0]
                break
    if structured is not None:
        posting.title = name_of(structured.get("title"))
        posting.employer = name_of(structured.get("hiringOrganization"))
        posting.location = location_of(structured.get("jobLocation"))
        if structured.get("jobLocationType") == "TELECOMMUTE" and not posting.location:
            posting.location = "remote"
        posting.pay = json_pay(structured.get("baseSalary"))
        description = structured.get("description")
        if isinstance(description, str) and description.strip():
            # the description is the posting itself, without the page's menus and footers
            text = html_to_text(description) if HTML.search(description) else description
    limits.check_text(text, PostingError, "this posting")
    posting.text = text
    lines = [line for line in (ln.strip() for ln in text.splitlines()) if line]
    skip = 0
    if posting.title is None:
        start = lines.index(h1) if h1 and h1 in lines else 0  # a page's menus stand above it
        skip = start + _header(posting, lines[start:], h1 or page_title)
        if len(lines) <= 2:
            skip = 0  # a posting of a line or two: every word of it is the posting
    if posting.location is None:
        posting.location = _find_location(lines)
    sectioned: list[tuple[str, str | None]] = []
    section: str | None = None
    for line in lines[skip:]:
        head = heading(line)
        if head is not None:
            section = head
            continue
        sectioned.append((line, section))
        if posting.pay is None:
            posting.pay = find_pay(line)
    posting.requirements = requirements(sectioned)
    posting.skills = skills(sectioned, extractor, limits.Deadline(PostingError, "this posting"))
    return posting


_TITLE_SPLIT = re.compile(r"\s(?:-|–|—|\||at|@)\s")
_LOCATION = re.compile(
    r"^(?:location\s*:\s*(?P<any>.+)|(?P<place>[A-Z][A-Za-z.' -]+,\s*(?:[A-Z]{2}|[A-Z][a-z]+)"
    r"(?:\s*\((?:remote|hybrid|on[- ]?site)\))?|(?:fully\s+)?remote|hybrid))\s*$",
    re.IGNORECASE,
)


def _find_location(lines: list[str]) -> str | None:
    """A "Location: ..." line anywhere, or near the top a line that is only a place ("Chicago,
    IL", "Berlin, Germany (hybrid)", "Remote")."""
    for i, line in enumerate(lines):
        m = _LOCATION.match(line.strip("•-* "))
        if m and (m.group("any") or i < 6):
            return (m.group("any") or m.group(0)).strip("•-* ").strip()
    return None


_TITLE_PREFIX = re.compile(
    r"^(?:job posting for|job posting:|job title:|position:|now hiring:?|we(?:'re| are) hiring:?|"
    r"hiring:|job:|role:)\s*", re.I,
)  # fmt: skip
_JOB_TYPE = re.compile(
    r"^(?:full[- ]time|part[- ]time|contract|temporary|permanent|seasonal|internship|"
    r"home (?:weekly|daily|nightly)|on[- ]site|hybrid|remote|per diem|\d+\s*(?:hrs?|hours))",
    re.I,
)  # fmt: skip


def _header(posting: Posting, lines: list[str], page_title: str | None) -> int:
    """Title, employer, location and pay from the top lines ("Title", "Employer · City, ST ·
    Full-time", "Location: ...", "Salary: ..."; or "Title - Employer - City, ST" on one line).
    Returns how many lines the header takes (they are not read for skills)."""
    if not lines:
        posting.title = page_title
        return 0
    first = _TITLE_PREFIX.sub("", re.sub(r"[*_`#]+", " ", lines[0]).strip()).strip()
    if heading(lines[0]) is not None or len(first) > 100 or first.endswith("."):
        posting.title = page_title or _first_title_line(lines)
        return 0
    posting.title = first or None
    used = 1
    for line in lines[1:4]:
        clean = re.sub(r"[*_`#]+", " ", line).strip()
        if heading(line) is not None or clean.endswith(".") or len(clean.split()) > 14:
            break
        label = re.match(r"^(location|company|employer|salary|pay|compensation|rate)\s*:\s*(.+)",
                         clean, re.I)  # fmt: skip
        if label:
            name = label.group(1).lower()
            if name == "location":
                posting.location = posting.location or label.group(2).strip()
            elif name in ("company", "employer"):
                posting.employer = posting.employer or label.group(2).strip()
            elif posting.pay is None:
                posting.pay = find_pay(clean)
            used += 1
            continue
        took = False
        for part in re.split(r"\s+[|·•—–-]\s+|\s*[|·•]\s*", clean):
            part = part.strip(" ,")
            if not part:
                continue
            pay = find_pay(part) if re.search(r"[$£€]|\d", part) else None
            if pay is not None:
                posting.pay = posting.pay or pay
                took = True
            elif layout.is_location(part):
                posting.location = posting.location or part
                took = True
            elif _JOB_TYPE.match(part):
                took = True
            elif posting.employer is None and not re.search(r"\d{3,}", part):
                rest, place = layout.strip_location(part)
                posting.employer = rest or None
                if place:
                    posting.location = posting.location or place
                took = True
        if not took:
            break
        used += 1
    if posting.employer is None and posting.title and _TITLE_SPLIT.search(posting.title):
        parts = [p.strip() for p in re.split(r"\s+[|—–-]\s+|\s+(?:at|@)\s+", posting.title)]
        places = [p for p in parts if layout.is_location(p)]
        others = [p for p in parts if not layout.is_location(p)]
        if len(others) >= 2:
            posting.title, posting.employer = others[0], others[1]
            posting.location = posting.location or (places[0] if places else None)
    return used


def _first_title_line(lines: list[str]) -> str | None:
    for line in lines[:3]:
        if len(line) <= 80 and not line.endswith(".") and heading(line) is None:
            return line
    return None


FETCH_TIMEOUT = 10.0  # seconds, for connecting and for each read
_READABLE = ("text/html", "application/xhtml+xml", "text/plain", "application/json",
             "application/ld+json")  # fmt: skip


def fetch_posting(
    url: str, extractor: Extractor, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_BYTES
) -> Posting:
    """Fetch a posting page over HTTP(S) and read it, through :func:`unstuck.text.fetch.fetch`
    (public addresses only, each redirect checked, one deadline, a size cap while reading).
    Refuses content that is not a web page, text or JSON, and HTTP errors, each with a
    :class:`PostingError` naming the reason."""
    from unstuck.text.fetch import FetchError, fetch

    try:
        page = fetch(url, max_bytes=max_bytes, timeout=timeout)
    except FetchError as err:
        raise PostingError(str(err)) from None
    if page.status >= 400:
        raise PostingError(f"the address answered HTTP {page.status} ({_reason(page.status)})")
    ctype = page.headers.get_content_type()
    if ctype not in _READABLE:
        raise PostingError(f"the address answered with {ctype}, not a posting page")
    charset = page.headers.get_content_charset()
    if charset:
        try:
            return read_posting(page.body.decode(charset), extractor)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong charset header: let the bytes speak for themselves
    return read_posting(page.body, extractor)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "error"
