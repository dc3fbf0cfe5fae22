"""What a posting asks for: its sections, hard requirements and skills.

:func:`heading` tells which section a heading line opens (required, preferred, duties, other);
:func:`requirements` finds degrees, years of experience, licences and certifications, work
authorisation and security clearance, each with its line; :func:`skills` the skills the
extractor finds, each marked required, preferred or a duty. A cue in the sentence ("is a
plus", "(Required)") wins over the section heading; negated mentions are never asked for.
"""

from __future__ import annotations

import re

from unstuck.text import layout, limits
from unstuck.text.extract import Concept, Extractor, Mention
from unstuck.text.negation import assess
from unstuck.text.posting.model import PostingError, Requirement, SkillAsk
from unstuck.text.resume import accept

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
#: "7+ years in distribution", "2 years of social work", "5+ years managing projects": years of
#: something, in a section that asks for things (no word "experience" needed)
_YEARS_OF = re.compile(
    r"(?<![\d.])(?P<n>\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\s+"
    r"(?:of|in|as|with|working|(?!during\b)[a-z]{3,}ing)\b",
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


def heading(line: str) -> str | None:
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


def requirements(lines: list[tuple[str, str | None]]) -> list[Requirement]:
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


def skills(
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
