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
from unstuck.text import layout, limits, markup
from unstuck.text.extract import Concept, Extractor, Mention
from unstuck.text.negation import assess
from unstuck.text.resume import ResumeError, accept, docx_text, pdf_text
from unstuck.text.resume import _check_zip as check_zip

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
    alternative: str | None = None  # "equivalent experience": what the posting takes instead


@dataclass(frozen=True, slots=True)
class SkillAsk:
    concept: Concept
    required: bool
    mentions: tuple[Mention, ...]
    evidence: tuple[str, ...]  # the lines that ask for it
    section: str = "required"  # "required" | "preferred" | "duties" (what the job involves)


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
    r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d{1,2})?)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?"
    r"(?:years?|yrs?)\b[^.\n]{0,60}?\bexperience|experience[^.\n]{0,20}?(?<!\d)(?P<m>\d{1,2})"
    r"\s*\+?\s*(?:years?|yrs?)\b",
    re.I,
)
#: "7+ years in distribution", "2 years of social work": years of something, in a section that
#: asks for things (no word "experience" needed)
_YEARS_OF = re.compile(
    r"(?<![\d.])(?P<n>\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\s+"
    r"(?:of|in|as|with|working)\b",
    re.I,
)
#: Indeed's form: "Paralegal: 5 years (Required)", "Call center: 1 year (Preferred)"
_YEARS_LABEL = re.compile(
    r"^(?P<what>[^:]{2,60}):\s*(?P<n>\d{1,2})\+?\s*(?:years?|yrs?)\b[^()]{0,20}"
    r"(?:\((?P<req>required|preferred)\))?",
    re.I,
)
_LABEL_ASK = re.compile(r"^(?P<what>[^:]{2,60}):\s*(?P<value>[^()]{1,60}?)\s*"
                        r"\((?P<req>required|preferred)\)\s*$", re.I)  # fmt: skip
_DEGREE_CONTEXT = re.compile(
    r"degree|diploma|\bged\b|graduate|ph\.?d|\bmba\b|\bb\.?s\.?n?\b|\bm\.?s\.?w?\b|bachelor|"
    r"master|associate|j\.d\.|doctor|education\s*:|high school|program\b|school\b|college\b",
    re.I,
)
_CERTIFICATE_CONTEXT = re.compile(r"\b(?:school|program|college|degree|diploma|from)\b", re.I)
_EQUIVALENT = re.compile(r"\bor\s+(?:the\s+)?equivalent(?:\s+(?:work\s+)?experience)?\b", re.I)
_LICENCE = re.compile(
    r"driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|\bcdl\b|commercial driver|"
    r"\b(?:licen[cs]ed|licen[cs]e|certification|certified|registration|certificate|"
    r"endorsement|card)\b|(?:admission|admitted)\s+to\s+the\s+[\w .]{0,40}?\bbar\b",
    re.I,
)
_LICENCE_FILLER = re.compile(
    r"^(?:(?:must\s+(?:have|hold)|have|hold|possess|current(?:ly)?|valid|active|unrestricted|an?|"
    r"the|and|with|or|eligible\s+for|ability\s+to\s+obtain)\s+)+", re.I,
)  # fmt: skip


def licence_phrase(line: str, m: re.Match[str]) -> str:
    """The words naming a licence around the match: "Current Ohio RN license" -> "Ohio RN
    license", "Clean MVR and a current DOT medical card" -> "DOT medical card"."""
    clause_start = max(line.rfind(c, 0, m.start()) for c in ";,:•(") + 1
    before = line[clause_start : m.start()]
    before = re.split(r"\s+and\s+|\s+or\s+(?=[a-z])", before)[-1]
    tail = line[m.end() :]
    acronym = re.match(r"\s*\(([A-Z][A-Za-z]{1,6})\)", tail)
    phrase = (before + line[m.start() : m.end()] + (f" ({acronym.group(1)})" if acronym else ""))
    phrase = _LICENCE_FILLER.sub("", phrase.strip(" -•*")).strip()
    bar = re.match(r"(?:admission|admitted)\s+to\s+the\s+(.+)", phrase, re.I)
    return " ".join((bar.group(1) if bar else phrase).split()) or m.group(0)
_AUTH = re.compile(
    r"authori[sz]ed to work|work authori[sz]ation|right to work|eligible to work|"
    r"visa sponsorship|sponsorship|citizenship|citizen|green card|work permit",
    re.I,
)
_CLEARANCE = re.compile(r"security clearance|\bclearance\b|\bts/sci\b|secret clearance", re.I)
_NO_SPONSOR = re.compile(r"(?:no|not|without|unable to|cannot|won't)\b[^.\n]{0,30}sponsor", re.I)

_HEAD_REQUIRED = re.compile(
    r"\b(?:requirements?|required|qualifications?|must[- ]haves?|what you(?:'ll| will)? "
    r"(?:bring|need|have)|what we(?:'re| are)? (?:need|looking for|want|expect)|looking for|"
    r"who you are|you have|skills|your profile|about you|experience|minimum)\b",
    re.I,
)
_HEAD_PREFERRED = re.compile(
    r"\b(?:nice[- ]to[- ]haves?|preferred|bonus(?: points)?|desirable|pluses|a plus|plus|"
    r"good to have|extra credit|ideally|optional|even better)\b",
    re.I,
)
_HEAD_DUTIES = re.compile(
    r"\b(?:responsibilit(?:y|ies)|duties|what you(?:'ll| will) (?:do|be doing)|day[- ]to[- ]day|"
    r"the role|your role|in this role|job description|description|summary|overview|"
    r"about the (?:role|job|position)|the opportunity|essential functions|key tasks|"
    r"the job|the position|what the job involves|your mission|tasks)\b",
    re.I,
)
_HEAD_OTHER = re.compile(
    r"^(?:about\b(?! (?:the )?(?:role|job|position|you\b))|benefits|perks|what we offer|we offer|"
    r"compensation|equal opportunity|how to apply|our company|job type|why (?:join|work)|"
    r"salary|pay\b|schedule|work location|eeo)",
    re.I,
)


def _heading(line: str) -> str | None:
    """The section a heading line opens ("required", "preferred", "duties", "other"), or None
    when the line is not a heading: a short line (up to seven words), not a bullet, not a
    sentence, not "Label: value", holding a heading word ("Requirements", "Nice to have",
    "What you'll do", "Benefits")."""
    if re.match(r"^\s*[-*•·\x7f\uf0b7]\s", line):
        return None
    stripped = re.sub(r"[*_#]+", " ", line).strip().rstrip(":").strip()
    if not stripped or len(stripped) > 60 or stripped.endswith((".", "!", "?")):
        return None
    if ":" in stripped or len(stripped.split()) > 7 or re.search(r"\d", stripped):
        return None
    if _HEAD_PREFERRED.search(stripped):
        return "preferred"
    if _HEAD_OTHER.match(stripped):
        return "other"
    if _HEAD_REQUIRED.search(stripped):
        return "required"
    if _HEAD_DUTIES.search(stripped):
        return "duties"
    return None


_PREFERRED = re.compile(r"\b(?:preferred|a plus|nice to have|bonus|desirable|ideally)\b", re.I)


def _requirements(lines: list[tuple[str, str | None]]) -> list[Requirement]:
    out: list[Requirement] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str, section: str | None, line: str,
            alternative: str | None = None) -> None:  # fmt: skip
        if (kind, value) in seen:
            return
        seen.add((kind, value))
        preferred = section == "preferred" or bool(_PREFERRED.search(line))
        if re.search(r"\(required\)", line, re.I):
            preferred = False
        out.append(Requirement(kind, value, not preferred, line.strip(), alternative))

    def negated(m: re.Match[str] | None) -> bool:
        # "No bachelor's degree required", "3+ years of experience not required": the same
        # NegEx reading the skills get (unstuck.text.negation), so "no X" is never asked for
        return m is not None and assess(line, m.start(), m.end()).negated

    for line, section in lines:
        if section == "other":
            continue
        if _DEGREE_CONTEXT.search(line):
            for clause in re.split(r";\s*", line):
                found = _degree_of(clause)
                if found is not None and not negated(found[1]):
                    level, m = found
                    equivalent = bool(_EQUIVALENT.search(clause))
                    add("degree", level, section, clause, "equivalent experience"
                        if equivalent else None)  # fmt: skip
        m = _YEARS_EXP.search(line) or (
            _YEARS_OF.search(line) if section in ("required", "preferred", None) else None
        )
        label = _YEARS_LABEL.match(line)
        if label:
            add("experience", f"{label.group('n')} years", _cue(label.group("req"), section),
                line)  # fmt: skip
        elif m and not negated(m):
            add("experience", f"{m.group('n') or m.group('m')} years", section, line)
        m = _LICENCE.search(line)
        if m and not negated(m) and not (m.group(0).lower() == "certificate" and
                                          _CERTIFICATE_CONTEXT.search(line)):  # fmt: skip
            add("licence", licence_phrase(line, m), section, line)
        if _AUTH.search(line):
            value = "no visa sponsorship" if _NO_SPONSOR.search(line) else "work authorisation"
            add("authorisation", value, section, line)
        m = _CLEARANCE.search(line)
        if m and not negated(m):
            add("clearance", "security clearance", section, line)
    return out


def _cue(req: str | None, section: str | None) -> str | None:
    if req is None:
        return section
    return "preferred" if req.lower() == "preferred" else "required"


def _degree_of(clause: str) -> tuple[str, re.Match[str]] | None:
    """The lowest degree a clause accepts ("a paralegal certificate or bachelor's degree" ->
    certificate) and where it is named."""
    found = []
    for level, pattern, _ in layout._DEGREES:
        for m in pattern.finditer(clause):
            if level == "certificate" and not _CERTIFICATE_CONTEXT.search(clause):
                continue
            found.append((layout.LEVEL_RANK[level], m.start(), level, m))
    if not found:
        return None
    if not re.search(r"\bor\b", clause, re.I):
        found.sort(key=lambda f: f[1])  # the first named
        first = [f for f in found if f[2] != "certificate"] or found
        return first[0][2], first[0][3]
    found.sort(key=lambda f: (f[0], f[1]))
    return found[0][2], found[0][3]


# -- reading -------------------------------------------------------------------------------------


def _decode(data: bytes | str) -> str:
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
    if _heading(lines[0]) is not None or len(first) > 100 or first.endswith("."):
        posting.title = page_title or _first_title_line(lines)
        return 0
    posting.title = first or None
    used = 1
    for line in lines[1:4]:
        clean = re.sub(r"[*_`#]+", " ", line).strip()
        if _heading(line) is not None or clean.endswith(".") or len(clean.split()) > 14:
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
        if len(line) <= 80 and not line.endswith(".") and _heading(line) is None:
            return line
    return None


def _skills(
    lines: list[tuple[str, str | None]], extractor: Extractor, deadline: limits.Deadline
) -> list[SkillAsk]:
    asks: dict[Concept, tuple[bool, list[Mention], limits.Evidence]] = {}
    kinds: dict[Concept, str] = {}
    order = {"required": 0, "preferred": 1, "duties": 2}
    for line, section in lines:
        deadline.check()
        if section == "other":
            continue
        ask = _LABEL_ASK.match(line) or _YEARS_LABEL.match(line)
        scan = line
        if ask:  # "Language: Spanish (Required)": the ask is the value; "Paralegal: 5 years"
            scan = ask.group("value") if "value" in ask.groupdict() else ask.group("what")
            section = _cue(ask.group("req"), section)
        # "no Java needed" is never an ask
        found = [m for m in extractor.extract(scan) if not m.vague and not m.negated]
        spans = [(m.start, m.end) for m in found]
        for m in found:
            # a short line under "Requirements" or "Nice to have" is an item of a list
            listed = section in ("required", "preferred") and len(scan.split()) <= 6
            if not accept(m, scan, spans, listed=listed):
                continue
            requirement = m.assertion.requirement
            required = requirement == "required" or (
                requirement is None and section not in ("preferred", "duties")
            )
            kind = ("required" if required else "preferred" if requirement == "optional" or
                    section == "preferred" else "duties")  # fmt: skip
            for concept in m.concepts:
                if concept not in kinds or order[kind] < order[kinds[concept]]:
                    kinds[concept] = kind
            for concept in m.concepts:
                if concept not in asks:
                    limits.check_skills(len(asks) + 1, PostingError, "this posting")
                    asks[concept] = (False, [], limits.Evidence())
                was, mentions, evidence = asks[concept]
                mentions.append(m)
                evidence.add(line)
                asks[concept] = (was or required, mentions, evidence)
    return [
        SkillAsk(concept, required, tuple(mentions), tuple(evidence), kinds[concept])
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
            found = list(_job_postings(obj))
            if not isinstance(obj, dict) and not found:  # a number, text, a list of them
                out.append(PostingError(f"line {number}: neither a JobPosting nor an object"))
                continue
            if not found:
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
