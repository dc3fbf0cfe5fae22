"""How resumes and postings lay out what they say: dates, places, job titles, employers, degrees.

Pure functions over lines of text, shared by :mod:`unstuck.text.resume` and
:mod:`unstuck.text.posting`:

- :data:`RANGE` finds a date range ("Jan 2019 - Present", "2015 - 2018", "05/2017 - present").
- :func:`is_location` / :func:`strip_location` tell a place ("Columbus, OH", "Boston, MA",
  "Berlin, Germany", "Remote") from the words around it, so an employer is never "Acme Corp
  Chicago IL".
- :func:`header_fields` reads a position's header lines in the layouts people use: "Title,
  Employer - City, ST, dates", "Title | Employer | City | dates", "Employer (City, ST) Title",
  "Title at Employer", title and employer on lines of their own above the dates, table rows.
  A part is the title when it reads like one (:func:`title_likeness`: a job noun such as
  "Paralegal" or "Supervisor", no company word such as "LLP" or "Hospital"); the order people
  write them in breaks ties.
- :func:`read_degree` reads a degree as a level (:data:`LEVELS`) and a field: "B.B.A. in
  Accounting" is a bachelor's in Accounting, "BSN" one in Nursing, "M.Ed., Curriculum and
  Instruction" a master's, "J.D." a professional degree in Law, "MS Office" none at all.
  Abbreviations are read in the case they are written in, where case tells them from words
  and places ("MA" is Massachusetts unless "MA in ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# -- dates ----------------------------------------------------------------------------------------

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s*\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}|(?:19|20)\d{{2}})"
RANGE = re.compile(
    rf"(?P<start>{_DATE})\s*(?:-|–|—|to|until)\s*(?P<end>{_DATE}|present|current|now|today)",
    re.I,
)
CURRENT = frozenset(("present", "current", "now", "today"))

# -- places ---------------------------------------------------------------------------------------

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico",
}  # fmt: skip
_REGION = "|".join(sorted(STATES, key=len, reverse=True))
_REGION_NAME = "|".join(sorted(STATES.values(), key=len, reverse=True))
_COUNTRY = (r"USA|U\.S\.A?\.?|United States|Canada|UK|United Kingdom|Germany|France|Ireland|"
            r"Australia|India|Mexico|Netherlands|Spain|Italy")  # fmt: skip
_CITY = r"[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}"
_WORK_MODE = r"(?:\s*\(?(?i:remote|hybrid|on[- ]?site)\)?)?"
_PLACE = (rf"(?:{_CITY}),\s*(?:{_REGION}|{_REGION_NAME}|{_COUNTRY})\b(?:\s+\d{{5}})?{_WORK_MODE}"
          rf"|(?:fully\s+)?remote(?:\s*\((?:[^)]{{1,30}})\))?|hybrid")  # fmt: skip
_PLACE_ONLY = re.compile(rf"^(?:{_PLACE})$", re.I)
_PLACE_CASED = re.compile(rf"^(?:{_PLACE})$")  # the city's capitals as written
_PLACE_END = re.compile(rf"(?:,|\s[-–—|·]|\s)\s*(?P<place>{_PLACE})\s*$")
_PAREN_PLACE = re.compile(rf"\((?P<place>{_PLACE})\)")


def is_location(text: str) -> bool:
    """The whole text is a place: "Columbus, OH", "San Antonio, Texas", "Remote"."""
    text = text.strip(" \t,;-–—|·()")
    if not text:
        return False
    if re.fullmatch(r"(?:fully\s+)?remote|hybrid", text, re.I):
        return True
    return bool(_PLACE_CASED.match(text))


def strip_location(text: str) -> tuple[str, str | None]:
    """(the text without a place at its end, the place): "Swift Co., Memphis, TN" ->
    ("Swift Co.", "Memphis, TN")."""
    m = _PLACE_END.search(text)
    if m and _PLACE_CASED.match(m.group("place")) and m.start() > 0:
        return text[: m.start()].strip(" \t,;-–—|·"), m.group("place")
    return text, None


# -- titles and employers -------------------------------------------------------------------------

#: nouns that end a job title (and that an employer's name rarely holds)
JOB_NOUNS = frozenset(
    """manager engineer analyst developer nurse teacher assistant director specialist consultant
    coordinator officer technician tech lead intern designer administrator clerk associate
    representative rep supervisor accountant scientist architect head chief owner founder
    programmer operator agent advisor adviser therapist driver editor writer researcher
    instructor tutor cashier mechanic electrician worker president vp paralegal attorney lawyer
    counsel hygienist assistant aide cook chef baker server bartender welder fabricator helper
    installer receptionist stocker picker packer loader handler sorter dispatcher planner buyer
    auditor bookkeeper controller estimator inspector machinist carpenter plumber painter
    laborer foreman superintendent apprentice journeyman pharmacist physician surgeon dentist
    paramedic emt caregiver counselor counsellor psychologist librarian professor lecturer
    principal coach trainer recruiter generalist partner executive strategist marketer
    copywriter photographer producer artist nanny housekeeper janitor custodian guard
    salesperson merchandiser steward clinician pathologist radiographer technologist
    hairstylist stylist barber cosmetologist veterinarian secretary teller underwriter adjuster
    broker realtor actuary economist statistician mathematician translator interpreter
    investigator detective firefighter deputy sergeant soldier pilot captain mate attendant
    porter valet courier mover roofer mason glazier welder-fabricator millwright lineman
    operator volunteer fellow resident""".split()
)
_JOB_NOUN = re.compile(
    r"\b(?:" + "|".join(sorted(JOB_NOUNS, key=len, reverse=True)) + r")s?\b", re.I
)
#: words that say a name is an organisation's
EMPLOYER_WORDS = frozenset(
    """inc inc. llc llp ltd ltd. co co. corp corp. corporation company companies group partners
    hospital clinic school schools university college academy institute district center centre
    services systems solutions logistics foods market markets bistro restaurant cafe grill
    dental dentistry health healthcare medical pharmacy drug bank trust insurance mutual court
    firm fabrication trailers stamping plastics electric builders construction freight
    freightways beverage wireless telecom media apps payments goods decor outdoor department
    agency county city state association foundation church studio labs laboratories works
    industries manufacturing supply carriers airlines motors store stores shop""".split()
)
_HEAD_SPLIT = re.compile(r"\s+\|\s+|\s+[-–—·•]\s+|\s*[|·•]\s*|\t+")


def title_likeness(part: str) -> float:
    """How much a part of a header reads as a job title (positive) or an employer (negative)."""
    words = re.findall(r"[A-Za-z][A-Za-z.&'-]*", part)
    if not words:
        return -5.0
    lowered = [w.lower().rstrip(".,") for w in words]
    score = 0.0
    last = lowered[-1].split("-")[-1]
    if last in JOB_NOUNS or last.rstrip("s") in JOB_NOUNS:
        score += 2.0
    elif _JOB_NOUN.search(part):
        score += 1.0
    if any(w in EMPLOYER_WORDS or w + "." in EMPLOYER_WORDS for w in lowered):
        score -= 1.5
    if "&" in part:
        score -= 1.0
    letters = [c for c in part if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        score -= 0.5  # employers are often written in capitals, titles rarely
    return score


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None
    employer: str | None
    location: str | None


def _clean(text: str) -> str:
    text = re.sub(r"[*_`]{1,3}", "", text)  # Markdown emphasis
    return text.strip(" \t-–—|,;:•·#")


def header_fields(lines: list[str]) -> Header:
    """Title, employer and place from a position's header lines, dates already removed (one
    line, or the lines above a dates line)."""
    parts: list[str] = []
    location: str | None = None
    ordered: tuple[str, str] | None = None  # (employer, title) from "Employer (Place) Title"
    for line in lines:
        line = _clean(line)
        paren = _PAREN_PLACE.search(line)
        if paren:
            before, after = _clean(line[: paren.start()]), _clean(line[paren.end() :])
            location = location or paren.group("place")
            if before and after:
                ordered = (before, after)
                continue
            line = before or after
        for piece in _HEAD_SPLIT.split(line):
            piece = _clean(piece)
            if not piece:
                continue
            if is_location(piece):
                location = location or piece
                continue
            rest, place = strip_location(piece)
            if place:
                location = location or place
                piece = rest
            if piece:
                parts.append(piece)
    if ordered:
        return Header(ordered[1], ordered[0], location)
    if not parts:
        return Header(None, None, location)
    if len(parts) == 1:
        part = parts[0]
        at = re.split(r"\s+(?:at|@)\s+", part, maxsplit=1)
        if len(at) == 2:
            return Header(_clean(at[0]) or None, _clean(at[1]) or None, location)
        if "," in part:
            first, rest = (p.strip() for p in part.split(",", 1))
            if title_likeness(first) > 0 and title_likeness(first) >= title_likeness(rest):
                return Header(first, rest or None, location)
            if title_likeness(rest) > 0 and title_likeness(rest) > title_likeness(first):
                return Header(rest, first, location)
        if title_likeness(part) > 0:
            return Header(part, None, location)
        return Header(None, part, location)
    scored = sorted(range(len(parts)), key=lambda i: (-title_likeness(parts[i]), i))
    best = scored[0]
    if title_likeness(parts[best]) <= 0 and title_likeness(parts[0]) >= title_likeness(parts[1]):
        best = 0  # nothing reads as a title: people write the title first
    others = [p for i, p in enumerate(parts) if i != best]
    employer = max(others, key=lambda p: (-title_likeness(p), -others.index(p)))
    return Header(parts[best], employer, location)


# -- degrees --------------------------------------------------------------------------------------

LEVELS = ("high school", "certificate", "associate", "bachelor", "master", "professional",
          "doctorate")  # fmt: skip
LEVEL_RANK = {"high school": 0, "certificate": 0.5, "associate": 1, "bachelor": 2, "master": 3,
              "professional": 4, "doctorate": 4}  # fmt: skip

#: (level, pattern, implied field); patterns with capitals are matched in their case
_DEGREE_FORMS: tuple[tuple[str, str, str | None, bool], ...] = (
    ("doctorate", r"\b(?:Ph\.?\s?D\.?|D\.?Phil|Ed\.?D\.?|DNP|Psy\.?D\.?)(?![A-Za-z])", None, True),
    ("doctorate", r"\b(?:doctor of philosophy|doctorate|doctoral degree)\b", None, False),
    ("professional", r"\b(?:J\.D\.|JD(?= |,|$)|Juris Doctor)", "Law", True),
    ("professional", r"\b(?:M\.D\.|Doctor of Medicine)", "Medicine", True),
    ("professional", r"\b(?:Pharm\.?\s?D\.?)(?![A-Za-z])", "Pharmacy", True),
    ("professional", r"\b(?:D\.D\.S\.|DDS|D\.M\.D\.|DMD|D\.V\.M\.|DVM|DPT|O\.D\.)(?![A-Za-z])",
     None, True),
    ("master", r"\b(?:M\.?B\.?A\.?)(?![A-Za-z])", "Business Administration", True),
    ("master", r"\b(?:M\.?Ed\.?)(?![A-Za-z])", "Education", True),
    ("master", r"\b(?:M\.?S\.?W\.?)(?![A-Za-z])", "Social Work", True),
    ("master", r"\b(?:M\.?S\.?N\.?)(?![A-Za-z])", "Nursing", True),
    ("master", r"\b(?:M\.?P\.?H\.?)(?![A-Za-z])", "Public Health", True),
    ("master", r"\b(?:M\.?P\.?A\.?|M\.?F\.?A\.?|LL\.?M\.?|M\.?Eng\.?|M\.?Sc\.?|M\.?Phil\.?)"
               r"(?![A-Za-z])", None, True),  # fmt: skip
    ("master", r"\b(?:M\.S\.|M\.A\.|MS(?= in | of |,| -)|MA(?= in | of ))", None, True),
    ("master", r"\bmaster'?s?(?:\s+degree)?\b|\bmasters?\s+of\b", None, False),
    ("bachelor", r"\b(?:B\.?S\.?N\.?)(?![A-Za-z])", "Nursing", True),
    ("bachelor", r"\b(?:B\.?B\.?A\.?)(?![A-Za-z])", "Business Administration", True),
    ("bachelor", r"\b(?:B\.?S\.?W\.?)(?![A-Za-z])", "Social Work", True),
    ("bachelor", r"\b(?:B\.?Ed\.?)(?![A-Za-z])", "Education", True),
    ("bachelor", r"\b(?:B\.?Eng\.?|B\.?Sc\.?|B\.?F\.?A\.?|B\.?Comm?\.?)(?![A-Za-z])", None, True),
    ("bachelor", r"\b(?:B\.S\.|B\.A\.|BS(?= in | of |,| -|$)|BA(?= in | of |,| -|$))", None,
     True),
    ("bachelor", r"\bbachelor'?s?(?:\s+degree)?\b|\bbachelors?\s+of\b|\b(?:4|four)-year degree\b"
                 r"|\bundergraduate degree\b", None, False),  # fmt: skip
    ("associate", r"\b(?:A\.A\.S\.|AAS|A\.A\.|A\.S\.|ADN)(?![A-Za-z])", None, True),
    ("associate", r"\bassociate'?s?\s+(?:degree|of)\b|\bassociate\s+(?:in|degree)\b"
                  r"|\bassociate'?s?(?=\s+or\s+(?:a\s+)?bachelor)", None, False),
    ("high school", r"\bhigh school(?: diploma)?\b|\bGED\b|\bHSE\b|\bsecondary school\b", None,
     False),
    ("certificate", r"\b(?:certificate|diploma|apprenticeship(?: program)?)\b", None, False),
)  # fmt: skip
_DEGREES = [
    (level, re.compile(p) if cased else re.compile(p, re.I), implied)
    for level, p, implied, cased in _DEGREE_FORMS
]
#: "Bachelor of Science in X": the words naming the kind of degree, not its field
_DEGREE_KIND = re.compile(
    r"^(?:of\s+)?(?:(?:applied\s+)?(?:science|arts|fine arts|business administration|"
    r"education|engineering)\b)?\s*", re.I,
)  # fmt: skip
_SCHOOL_WORD = re.compile(
    r"\b(?:university|college|school|institute|academy|polytechnic|tech)\b", re.I
)
_FIELD_STOP = re.compile(r"\s*(?:[,;(|–—]|\s-\s|\s+from\s|\s+at\s|\b(?:19|20)\d{2}\b)")


@dataclass(frozen=True, slots=True)
class Degree:
    level: str
    field: str | None
    start: int
    end: int
    text: str  # the words that name the degree ("B.B.A.", "Bachelor of Science")


def _field_after(rest: str) -> str | None:
    rest = rest.lstrip(" ,:-–—")
    m = re.match(r"(?:in|of)\s+", rest, re.I)
    if m:
        rest = rest[m.end() :]
        kind = _DEGREE_KIND.match(rest)
        if kind and kind.group(0).strip():
            tail = rest[kind.end() :]
            m2 = re.match(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:in|-)\s+", tail, re.I)
            if m2:
                rest = tail[m2.end() :]
            elif not tail.strip() or tail.lstrip().startswith((",", "(")):
                after = _FIELD_STOP.split(re.sub(r"^\s*(?:\([^)]*\))?[\s,]*", "", tail),
                                          maxsplit=1)[0].strip(" .")  # fmt: skip
                if (
                    after
                    and after[:1].isupper()
                    and not _SCHOOL_WORD.search(after)
                    and len(after.split()) <= 6
                ):
                    return after  # "Bachelor of Arts, Political Science - ..."
                return " ".join(kind.group(0).split()).title() or None
    else:
        kind = _DEGREE_KIND.match(rest)
        if kind and kind.group(0).strip():
            rest = rest[kind.end() :].lstrip(" ,")
            m2 = re.match(r"(?:\([^)]*\)\s*)?,?\s*(?:in|-)?\s*", rest, re.I)
            rest = rest[m2.end() :] if m2 else rest
        elif rest.startswith("("):
            rest = re.sub(r"^\([^)]*\)\s*,?\s*", "", rest)
            m = re.match(r"(?:in|of)\s+", rest, re.I)
            rest = rest[m.end() :] if m else rest
    field = _FIELD_STOP.split(rest, maxsplit=1)[0].strip(" .")
    if not field or _SCHOOL_WORD.search(field) or len(field.split()) > 6:
        return None
    if not field[:1].isupper():
        return None
    return field


def read_degree(line: str) -> Degree | None:
    """The degree a line names, as a level and a field (see the module docstring): the first
    degree named; a certificate or diploma only when no degree is."""
    found: tuple[bool, int, int, int, str, str | None] | None = None
    for level, pattern, implied in _DEGREES:
        m = pattern.search(line)
        if m is None:
            continue
        cand = (level == "certificate", m.start(), -(m.end() - m.start()), m.end(), level,
                implied)  # fmt: skip
        if found is None or cand[:3] < found[:3]:
            found = cand
    if found is None:
        return None
    _, start, _, end, level, implied = found
    if level == "high school":
        return Degree(level, None, start, end, line[start:end])
    if level == "certificate":
        before = _clean(line[:start])
        before = re.split(r"[,;|–—:]|\s-\s", before)[-1].strip() if before else ""
        if before and (_SCHOOL_WORD.search(before) or len(before.split()) > 5
                       or not before[:1].isupper()):  # fmt: skip
            before = ""
        return Degree(level, before or _field_after(line[end:]), start, end, line[start:end])
    field = _field_after(line[end:]) or implied
    return Degree(level, field, start, end, line[start:end])


#: Words that say a degree named on a line was not (yet) finished: "Attended ... through 11th
#: grade", "30 credits toward AA", "MBA candidate", "expected 2027", "coursework in".
_UNFINISHED = re.compile(
    r"\b(?:attended|through (?:the )?(?:\d{1,2}(?:st|nd|rd|th)|ninth|tenth|eleventh) grade|"
    r"credits? (?:toward|towards|to)|coursework (?:toward|towards|in)|some college|"
    r"incomplete|not completed|did not (?:complete|finish)|in progress|pursuing|"
    r"candidate|expected|anticipated|currently enrolled|enrolled in)\b",
    re.IGNORECASE,
)


def degree_unfinished(line: str) -> bool:
    """Whether an education line says its degree is not held (yet): attended without
    finishing, credits toward it, in progress or expected. A plan must not count it as held."""
    return bool(_UNFINISHED.search(line))


def list_context(line: str, start: int, end: int, others: list[tuple[int, int]]) -> bool:
    """The words at ``line[start:end]`` stand in a list of skills: the line is a list (three
    or more short items between commas, semicolons, bars or bullets), or another skill sits
    right beside them, joined by a comma, a slash, "and" or "or"."""
    items = [i for i in re.split(r"[,;|•·]", line) if i.strip()]
    if len(items) >= 3 and all(len(i.split()) <= 5 for i in items):
        return True
    for a, b in others:
        if (a, b) == (start, end):
            continue
        gap = line[b:start] if b <= start else line[end:a] if a >= end else None
        if gap is not None and _JOIN.fullmatch(gap):
            return True
    return False


_JOIN = re.compile(r"\s*(?:,|/|&|\+|and|or|,\s*and|,\s*or)\s*", re.I)
