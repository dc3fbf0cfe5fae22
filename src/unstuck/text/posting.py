"""Reading a job posting: plain text, an HTML page, or schema.org ``JobPosting`` JSON-LD.

:func:`read_posting` turns what a person pasted or saved into a :class:`Posting`: title,
employer, location and pay when the posting states them, the skills it asks for split into
required and preferred, and its hard requirements (degree, years of experience, licences and
certifications, work authorisation, security clearance). Every item keeps the line it came
from (``evidence``), so the app can show it; nothing is guessed: a field the posting does not
state stays None.

**Formats.** Bytes or text; HTML is recognised by its tags and read with the standard
library's parser (scripts, styles and templates are dropped, block elements become line
breaks); a ``JobPosting`` object in JSON-LD (inside the HTML or as the whole input) supplies the
structured fields, with its ``description`` (HTML) read like the page. Inputs over
:data:`MAX_BYTES` are refused with :class:`PostingError`, as are empty ones, PDFs and zips.
Without structured data the title is the page's first heading or the text's first short line
("Data Analyst - Globex" is split into title and employer), the location a place line near
the top ("Chicago, IL (hybrid)", "Remote") or a "Location:" line.

**URLs and batches.** :func:`fetch_posting` fetches a page over HTTP(S) only (through
:mod:`unstuck.network`, as the data download does), with a timeout and a size cap enforced while
streaming, and refuses content that is not a page, text or JSON.
:func:`read_postings_batch` reads CSV (a text column, optional title/company/location columns)
or JSON Lines, one result per posting, errors included in place.

**Required or preferred.** A section heading sets the default for the lines under it
("Requirements", "What you bring", "Must have" -> required; "Nice to have", "Preferred",
"Bonus" -> preferred; "About us", "Benefits", "What we offer" -> not a requirement); a cue in
the sentence itself wins over the heading ("Kubernetes is a plus" under "Requirements" is
preferred). Negated mentions ("no Java needed") are never requirements. Lines outside any
section count as required, which is how most postings phrase their duties and asks.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from unstuck.core.limits import MONEY_MAX, short
from unstuck.text import limits, markup
from unstuck.text.extract import Concept, Extractor, Mention
from unstuck.text.negation import assess
from unstuck.text.resume import title_employer

MAX_BYTES = 5_000_000  # a posting page larger than this is not a posting
MAX_PAY = MONEY_MAX  # no pay is stated above this


class PostingError(ValueError):
    """The input cannot be read as a posting; the message says why, for a person."""


@dataclass(frozen=True, slots=True)
class Pay:
    minimum: float
    maximum: float | None
    currency: str | None  # ISO code when stated or implied by the symbol
    period: str | None  # "year" | "month" | "week" | "day" | "hour" | None (not stated)
    evidence: str


@dataclass(frozen=True, slots=True)
class Requirement:
    kind: str  # "degree" | "experience" | "licence" | "authorisation" | "clearance"
    value: str  # "bachelor", "5 years", "driver's licence", "work authorisation"...
    required: bool  # False when the posting calls it preferred
    evidence: str


@dataclass(frozen=True, slots=True)
class SkillAsk:
    concept: Concept
    required: bool
    mentions: tuple[Mention, ...]
    evidence: tuple[str, ...]  # the lines that ask for it


@dataclass
class Posting:
    title: str | None = None
    employer: str | None = None
    location: str | None = None
    pay: Pay | None = None
    skills: list[SkillAsk] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    text: str = ""
    source: str = "text"  # "text" | "html" | "json-ld"

    @property
    def required_skills(self) -> list[SkillAsk]:
        return [s for s in self.skills if s.required]

    @property
    def preferred_skills(self) -> list[SkillAsk]:
        return [s for s in self.skills if not s.required]


# -- HTML ---------------------------------------------------------------------------------------


def html_to_text(html: str) -> str:
    return markup.html_to_text(html, PostingError, "this posting's description")


_HTML = markup._HTML
_Text = markup._Text


# -- JSON-LD ------------------------------------------------------------------------------------


def _job_postings(data: Any) -> Iterable[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _job_postings(item)
    elif isinstance(data, dict):
        kind = data.get("@type")
        if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
            yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                yield from _job_postings(data[key])


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list) and value:
        return _name(value[0])
    return None


def _location(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_location(v) for v in value) if n]
        return "; ".join(names) or None
    if isinstance(value, dict):
        address = value.get("address", value)
        if isinstance(address, dict):
            parts = [address.get(k) for k in ("addressLocality", "addressRegion",
                                              "addressCountry")]  # fmt: skip
            parts = [_name(p) for p in parts]
            joined = ", ".join(p for p in parts if p)
            return joined or _name(value)
        return _name(address)
    return _name(value)


_PERIODS = {"YEAR": "year", "MONTH": "month", "WEEK": "week", "DAY": "day", "HOUR": "hour"}


def _json_pay(value: Any) -> Pay | None:
    if not isinstance(value, dict):
        return None
    currency = value.get("currency")
    amount = value.get("value", value)
    if not isinstance(amount, dict):
        amount = {"value": amount}
    low = amount.get("minValue", amount.get("value"))
    high = amount.get("maxValue")
    if low is None:
        return None
    try:
        minimum = float(low)
    except (TypeError, ValueError):
        return None
    try:
        maximum = float(high) if high is not None else None
    except (TypeError, ValueError):
        maximum = None
    for v in (minimum, maximum):
        if v is not None and not (math.isfinite(v) and 0 <= v <= MAX_PAY):
            raise PostingError(
                f"the posting's baseSalary holds {short(v)}, not an amount of pay"
            )
    period = _PERIODS.get(str(amount.get("unitText", "")).upper())
    return Pay(minimum, maximum, currency if isinstance(currency, str) else None, period,
               json.dumps(value, ensure_ascii=False)[:200])  # fmt: skip


# -- pay, requirements and sections in text ---------------------------------------------------

_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_AMOUNT = (
    r"(?:(?P<{0}sym>[$£€¥₹])\s?)?"
    r"(?P<{0}num>\d{{1,3}}(?:[,.]\d{{3}})+|\d+(?:\.\d+)?)\s?(?P<{0}k>[kK])?"
)
_PAY = re.compile(
    _AMOUNT.format("a")
    + r"(?:\s*(?:-|–|—|to)\s*"
    + _AMOUNT.format("b")
    + r")?\s*(?P<cur>USD|GBP|EUR|CAD|AUD)?\s*"
    r"(?:(?:per|an?|/)\s*(?P<period>year|yr|annum|month|mo|week|wk|day|hour|hr)\b"
    r"|(?P<hourly>hourly|annually|yearly|monthly))?",
    re.I,
)
_PERIOD_WORDS = {"year": "year", "yr": "year", "annum": "year", "annually": "year",
                 "yearly": "year", "month": "month", "mo": "month", "monthly": "month",
                 "week": "week", "wk": "week", "day": "day", "hour": "hour", "hr": "hour",
                 "hourly": "hour"}  # fmt: skip
_PAY_LINE = re.compile(r"salary|pay|compensation|wage|rate|\$|£|€|per (?:hour|year)", re.I)


def _number(num: str, k: str | None) -> float:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", num):
        value = float(re.sub(r"[.,]", "", num))
    else:
        value = float(num.replace(",", ""))
    return value * 1000 if k else value


def find_pay(line: str) -> Pay | None:
    """Pay stated on one line: an amount with a currency symbol or code, optionally a range
    and a period. Bare numbers are not pay (they are years, team sizes, phone numbers)."""
    if not _PAY_LINE.search(line):
        return None
    for m in _PAY.finditer(line):
        sym = m.group("asym") or m.group("bsym")
        currency = m.group("cur").upper() if m.group("cur") else _SYMBOLS.get(sym or "")
        if currency is None:
            continue
        low = _number(m.group("anum"), m.group("ak") or m.group("bk"))
        high = _number(m.group("bnum"), m.group("bk")) if m.group("bnum") else None
        if low > MAX_PAY or (high is not None and high > MAX_PAY):
            continue  # a phone or reference number after a currency sign, not pay
        word = (m.group("period") or m.group("hourly") or "").lower()
        return Pay(low, high, currency, _PERIOD_WORDS.get(word), line.strip())
    return None


_DEGREES = (
    ("doctorate", r"ph\.?\s?d\b|doctorate|doctoral degree"),
    ("master", r"master'?s?(?: degree)?\b|\bm\.?sc?\b|\bmba\b"),
    ("bachelor", r"bachelor'?s?(?: degree)?\b|\bb\.?sc?\b|\bb\.?a\.?\b(?= degree| in)|"
                 r"undergraduate degree|4-year degree|four-year degree"),
    ("associate", r"associate'?s? degree"),
    ("high school", r"high school diploma|\bged\b|secondary school"),
)  # fmt: skip
_DEGREE = [(name, re.compile(p, re.I)) for name, p in _DEGREES]
# numbers of one or two digits, not inside a longer run: a run of digits is tried once, not
# from each of its digits (which made a line of 20,000 digits take half a minute)
_YEARS_EXP = re.compile(
    r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d{1,2})?)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:years?|yrs?)\b"
    r"[^.\n]{0,40}?\bexperience|experience[^.\n]{0,20}?(?<!\d)(?P<m>\d{1,2})\s*\+?\s*"
    r"(?:years?|yrs?)\b",
    re.I,
)
_LICENCE = re.compile(
    r"driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|\bcdl\b|commercial driver|"
    r"\b(?:licen[cs]ed|licen[cs]e|certification|certified|registration)\b",
    re.I,
)
_AUTH = re.compile(
    r"authori[sz]ed to work|work authori[sz]ation|right to work|eligible to work|"
    r"visa sponsorship|sponsorship|citizenship|citizen|green card|work permit",
    re.I,
)
_CLEARANCE = re.compile(r"security clearance|\bclearance\b|\bts/sci\b|secret clearance", re.I)
_NO_SPONSOR = re.compile(r"(?:no|not|without|unable to|cannot|won't)\b[^.\n]{0,30}sponsor", re.I)

_HEAD_REQUIRED = re.compile(
    r"^(?:requirements?|required|qualifications?|minimum qualifications|basic qualifications|"
    r"must[- ]haves?|what you(?:'ll)? (?:bring|need)|who you are|you have|skills|"
    r"your profile|about you|experience|responsibilities|what you(?:'ll)? do|duties)\b",
    re.I,
)
_HEAD_PREFERRED = re.compile(
    r"^(?:nice[- ]to[- ]haves?|preferred(?: qualifications)?|bonus(?: points)?|desirable|"
    r"pluses|a plus|good to have|extra credit|ideally)\b",
    re.I,
)
_HEAD_OTHER = re.compile(
    r"^(?:about (?:us|the company|the team)|benefits|perks|what we offer|we offer|"
    r"compensation|equal opportunity|how to apply|our company)\b",
    re.I,
)


def _heading(line: str) -> str | None:
    """The section a heading line opens ("required", "preferred", "other"), or None when the
    line is not a heading (short, ends with a colon or has no sentence punctuation)."""
    stripped = line.strip().strip("#*•-:").strip()
    if not stripped or len(stripped) > 60 or stripped.endswith("."):
        return None
    if _HEAD_PREFERRED.match(stripped):
        return "preferred"
    if _HEAD_OTHER.match(stripped):
        return "other"
    if _HEAD_REQUIRED.match(stripped):
        return "required"
    return None


_PREFERRED = re.compile(r"\b(?:preferred|a plus|nice to have|bonus|desirable|ideally)\b", re.I)


def _requirements(lines: list[tuple[str, str | None]]) -> list[Requirement]:
    out: list[Requirement] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str, section: str | None, line: str) -> None:
        if (kind, value) in seen:
            return
        seen.add((kind, value))
        preferred = section == "preferred" or bool(_PREFERRED.search(line))
        out.append(Requirement(kind, value, not preferred, line.strip()))

    def negated(m: re.Match[str] | None) -> bool:
        # "No bachelor's degree required", "3+ years of experience not required": the same
        # NegEx reading the skills get (unstuck.text.negation), so "no X" is never asked for
        return m is not None and assess(line, m.start(), m.end()).negated

    for line, section in lines:
        if section == "other":
            continue
        for name, pattern in _DEGREE:
            found = pattern.search(line)
            if found and re.search(r"degree|diploma|ged|ph\.?d|mba|b\.?s|m\.?s|"
                                   r"bachelor|master", line, re.I):  # fmt: skip
                if not negated(found):
                    add("degree", name, section, line)
                break
        m = _YEARS_EXP.search(line)
        if m and not negated(m):
            add("experience", f"{m.group('n') or m.group('m')} years", section, line)
        m = _LICENCE.search(line)
        if m and not negated(m):
            add("licence", " ".join(m.group(0).lower().split()), section, line)
        if _AUTH.search(line):
            value = "no visa sponsorship" if _NO_SPONSOR.search(line) else "work authorisation"
            add("authorisation", value, section, line)
        m = _CLEARANCE.search(line)
        if m and not negated(m):
            add("clearance", "security clearance", section, line)
    return out


# -- reading -------------------------------------------------------------------------------------


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        if len(data) > MAX_BYTES:
            raise PostingError(f"this posting is over {MAX_BYTES // 1_000_000} MB of text")
        return data
    if len(data) > MAX_BYTES:
        raise PostingError(f"this file is over {MAX_BYTES // 1_000_000} MB: not a job posting")
    if data.startswith(b"%PDF"):
        raise PostingError("this is a PDF: read it as a resume/PDF, not as a posting page")
    if data[:4] == b"PK\x03\x04":
        raise PostingError("this is a zip archive (or a Word/OpenDocument file), not a posting")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_posting(data: bytes | str, extractor: Extractor) -> Posting:
    """Read one posting (plain text, HTML or JSON-LD) and extract what it asks for."""
    raw = _decode(data)
    if not raw.strip():
        raise PostingError("this posting is empty")
    posting = Posting()
    structured: dict[str, Any] | None = None
    stripped = raw.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            found = list(_job_postings(limits.load_json(stripped, PostingError, "this JSON")))
        except json.JSONDecodeError:
            found = []
        if found:
            structured = found[0]
            posting.source = "json-ld"
    text = raw
    page_title = h1 = None
    if structured is None and _HTML.search(raw[:5000]):
        limits.check_tags(raw, PostingError)
        parser = _Text()
        parser.feed(raw)
        parser.close()
        text = parser.text()
        posting.source = "html"
        page_title, h1 = parser.title, parser.h1
        for block in parser.json_ld:
            try:
                found = list(_job_postings(limits.load_json(block, PostingError, "its JSON-LD")))
            except json.JSONDecodeError:
                continue
            if found:
                structured = found[0]
                break
    if structured is not None:
        posting.title = _name(structured.get("title"))
        posting.employer = _name(structured.get("hiringOrganization"))
        posting.location = _location(structured.get("jobLocation"))
        if structured.get("jobLocationType") == "TELECOMMUTE" and not posting.location:
            posting.location = "remote"
        posting.pay = _json_pay(structured.get("baseSalary"))
        description = structured.get("description")
        if isinstance(description, str) and description.strip():
            # the description is the posting itself, without the page's menus and footers
            text = html_to_text(description) if _HTML.search(description) else description
    limits.check_text(text, PostingError, "this posting")
    posting.text = text
    lines = [line for line in (ln.strip() for ln in text.splitlines()) if line]
    if posting.title is None:
        posting.title = h1 or page_title or _first_title_line(lines)
        if posting.title and posting.employer is None and _TITLE_SPLIT.search(posting.title):
            title, employer = title_employer(posting.title)
            if title and employer:
                posting.title, posting.employer = title, employer
    if posting.location is None:
        posting.location = _find_location(lines)
    sectioned: list[tuple[str, str | None]] = []
    section: str | None = None
    for line in lines:
        head = _heading(line)
        if head is not None:
            section = head
            continue
        sectioned.append((line, section))
        if posting.pay is None:
            posting.pay = find_pay(line)
    posting.requirements = _requirements(sectioned)
    posting.skills = _skills(sectioned, extractor, limits.Deadline(PostingError, "this posting"))
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


def _first_title_line(lines: list[str]) -> str | None:
    for line in lines[:3]:
        if len(line) <= 80 and not line.endswith(".") and _heading(line) is None:
            return line
    return None


def _skills(
    lines: list[tuple[str, str | None]], extractor: Extractor, deadline: limits.Deadline
) -> list[SkillAsk]:
    asks: dict[Concept, tuple[bool, list[Mention], limits.Evidence]] = {}
    for line, section in lines:
        deadline.check()
        if section == "other":
            continue
        for m in extractor.extract(line):
            if m.vague:
                continue
            if m.negated:  # "no Java needed" is never an ask
                continue
            requirement = m.assertion.requirement
            required = (requirement == "required" or (requirement is None
                                                      and section != "preferred"))  # fmt: skip
            for concept in m.concepts:
                if concept not in asks:
                    limits.check_skills(len(asks) + 1, PostingError, "this posting")
                    asks[concept] = (False, [], limits.Evidence())
                was, mentions, evidence = asks[concept]
                mentions.append(m)
                evidence.add(line)
                asks[concept] = (was or required, mentions, evidence)
    return [
        SkillAsk(concept, required, tuple(mentions), tuple(evidence))
        for concept, (required, mentions, evidence) in asks.items()
    ]


# -- URLs and batches ---------------------------------------------------------------------------

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


_TEXT_COLUMNS = ("text", "description", "html", "posting", "body", "content")


def read_postings_batch(
    data: bytes | str, extractor: Extractor, *, kind: str | None = None
) -> list[Posting | PostingError]:
    """Many postings at once: CSV with a text column (``text``, ``description``, ``html``...;
    ``title``/``company``/``location`` columns fill those fields when the text does not), or
    JSON Lines with one posting per line (a JSON-LD ``JobPosting`` or an object with a text
    field). One result per posting, in order: a :class:`Posting` or the :class:`PostingError`
    that posting raised, so one bad row does not sink the batch."""
    text = _decode(data)
    kind = kind or ("jsonl" if text.lstrip().startswith("{") else "csv")
    out: list[Posting | PostingError] = []
    deadline = limits.Deadline(PostingError, "this batch")
    if kind == "jsonl":
        lines = text.splitlines()
        if sum(1 for line in lines if line.strip()) > limits.MAX_ROWS:  # before any is read
            raise PostingError(f"this batch has more than {limits.MAX_ROWS:,} postings")
        for number, line in enumerate(lines, start=1):
            deadline.check()
            if not line.strip():
                continue
            try:
                obj = limits.load_json(line, PostingError, f"line {number}")
            except json.JSONDecodeError as err:
                out.append(PostingError(f"line {number}: not JSON ({err.msg})"))
                continue
            except PostingError as err:
                out.append(err)
                continue
            if isinstance(obj, dict) and not list(_job_postings(obj)):
                body = next((obj[c] for c in _TEXT_COLUMNS if isinstance(obj.get(c), str)), None)
                if body is None:
                    out.append(PostingError(f"line {number}: no JobPosting and no text field"))
                    continue
                out.append(_row_posting(body, obj, extractor, number))
            else:
                out.append(_guard(lambda line=line: read_posting(line, extractor), number))
        return out
    names = limits.fieldnames(text, PostingError, "the CSV")
    fields = {f.lower().strip(): f for f in names}
    column = next((fields[c] for c in _TEXT_COLUMNS if c in fields), None)
    if column is None:
        raise PostingError("the CSV has no text column (one of: " + ", ".join(_TEXT_COLUMNS) + ")")
    for number, row in list(limits.csv_dicts(text, PostingError, "the CSV")):  # all, then read
        deadline.check()
        lowered = {k.lower().strip(): v for k, v in row.items() if isinstance(k, str) and k}
        body = row.get(column)
        out.append(_row_posting(body if isinstance(body, str) else "", lowered, extractor, number))
    return out


def _guard(read: Any, number: int) -> Posting | PostingError:
    try:
        result: Posting = read()
    except PostingError as err:
        return PostingError(f"posting {number}: {err}")
    return result


def _row_posting(
    body: str, row: dict[str, Any], extractor: Extractor, number: int
) -> Posting | PostingError:
    result = _guard(lambda: read_posting(body, extractor), number)
    if isinstance(result, Posting):
        for attr, keys in (("title", ("title", "job_title")), ("employer", ("company",
                           "employer", "organization")), ("location", ("location",))):  # fmt: skip
            value = next((row[k] for k in keys if isinstance(row.get(k), str) and row[k]), None)
            if value:  # a column is explicit: it beats what the text suggests
                setattr(result, attr, value.strip())
    return result
