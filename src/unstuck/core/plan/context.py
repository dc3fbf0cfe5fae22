"""What the plan's wording knows about the person and the target beyond the gaps: the titles
employers post the target under, the person's strongest results, the languages they speak,
the other targets they are weighing and the settings the target work is done in.

The 90-day plan's tasks are the same for everyone in their shape (update the resume, list
people, a weekly search block); these facts make them this person's: "lead with '2.1 million
accident-free miles'", "saved searches for Executive Assistant", "your Spanish". Each is
optional; a plan without them reads as before.

Pure functions over strings; nothing here reads a file or knows a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: At most this many titles in a saved-search line, results quoted, alternatives compared.
MAX_TITLES = 4
MAX_RESULTS = 2
MAX_ALTERNATIVES = 8
#: A result is quoted whole up to this many characters, else cut at a word.
RESULT_CHARS = 110


@dataclass(frozen=True)
class Alternative:
    """Another target on the person's shortlist and the first step towards it, in words (a
    named credential with its hours), or "" when no step is named for it."""

    title: str
    step: str = ""
    #: months until the person could be ready, where it matters (a move beyond their limit)
    months: float | None = None


@dataclass(frozen=True)
class PlanContext:
    search_titles: tuple[str, ...] = ()  # what the target's postings are called
    results: tuple[str, ...] = ()  # the person's strongest resume lines, as written
    languages: tuple[str, ...] = ()  # languages besides English the person works in
    alternatives: tuple[Alternative, ...] = ()  # the other shortlisted targets
    settings: tuple[str, ...] = ()  # where the target work is done, besides the usual
    #: the target is the person's own occupation (growing or moving within the same work)
    same_work: bool = False
    #: strong fits the retraining limit leaves out that a little more time would bring in
    beyond_limit: tuple[Alternative, ...] = ()
    limit_months: float | None = None  # the person's retraining limit


def search_titles(common: Sequence[str], title: str, n: int = MAX_TITLES) -> tuple[str, ...]:
    """Up to ``n`` of the titles O*NET shows job seekers for an occupation, with bracketed
    abbreviations dropped ("Pharmacist in Charge (PIC)" -> "Pharmacist in Charge"), without
    repeats or the occupation's own title."""
    out: list[str] = []
    seen = {title.casefold()}
    for t in common:
        t = re.sub(r"\s*\([^)]*\)", "", t).strip()
        if t and t.casefold() not in seen:
            seen.add(t.casefold())
            out.append(t)
        if len(out) == n:
            break
    return tuple(out)


_BULLET = re.compile(r"^\s*(?:[-*•·▪‣◦–]|\d+[.)])\s+")
_DATES = re.compile(r"\b(?:19|20)\d{2}\s*(?:-|–|—|to)\s*(?:(?:19|20)\d{2}|present|now|current)\b",
                    re.IGNORECASE)  # fmt: skip
_NUMBER = re.compile(r"\d")
_MEASURE = re.compile(r"\d[\d,.]*\s*(?:%|percent|k\b|million|billion|x\b)|\$\s?\d", re.IGNORECASE)
_RECORD = re.compile(
    r"\b(?:zero|no (?:sustained )?(?:complaints|incidents|violations|recalls|errors)|"
    r"accident-free|award|awarded|top \d+|record|first|promoted|recognized|recognised)\b",
    re.IGNORECASE,
)


def strongest_results(lines: Iterable[str], n: int = MAX_RESULTS) -> tuple[str, ...]:
    """Up to ``n`` experience lines that show a result: a measure (a percent, money, a count
    with "million") or a record (zero incidents, an award) ranks first, a plain number next;
    earlier lines (the current job) win ties. Position lines (with their dates) are not
    results. The lines come back as written, bullets removed, long ones cut at a word."""
    scored: list[tuple[int, int, str]] = []
    for i, raw in enumerate(lines):
        line = _BULLET.sub("", raw).strip()
        if len(line) < 25 or _DATES.search(line):
            continue
        score = 2 * bool(_MEASURE.search(line)) + 2 * bool(_RECORD.search(line))
        score += bool(_NUMBER.search(line))
        if score:
            scored.append((-score, i, line))
    scored.sort()
    out = []
    for _, _, line in scored[:n]:
        if len(line) > RESULT_CHARS:
            line = line[:RESULT_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        out.append(line)
    return tuple(out)


#: Languages people list on US resumes, as they are written (English is the working language
#: the plan assumes, so it is not listed).
LANGUAGES = (
    "Spanish", "French", "German", "Italian", "Portuguese", "Russian", "Ukrainian", "Polish",
    "Arabic", "Hebrew", "Farsi", "Persian", "Turkish", "Hindi", "Urdu", "Bengali", "Punjabi",
    "Gujarati", "Tamil", "Telugu", "Mandarin", "Cantonese", "Chinese", "Japanese", "Korean",
    "Vietnamese", "Tagalog", "Filipino", "Thai", "Hmong", "Khmer", "Somali", "Amharic",
    "Swahili", "Haitian Creole", "Greek", "Armenian", "Romanian", "Serbian", "Croatian",
    "Bosnian", "Dutch", "Swedish", "Navajo", "American Sign Language", "ASL",
)  # fmt: skip
_LANGUAGE = re.compile(r"\b(" + "|".join(re.escape(x) for x in LANGUAGES) + r")\b")
#: a line says the person speaks it: "bilingual English/Spanish", "fluent in French",
#: "(English/Spanish)", "Spanish (native)", a Languages heading above it
_SPEAKS = re.compile(
    r"bilingual|trilingual|multilingual|fluent|fluency|native|conversational|proficient|"
    r"English\s*(?:/|and|&)\s*\w|\w\s*(?:/|and|&)\s*English|\bspeaks?\b|interpret|translat",
    re.IGNORECASE,
)


def spoken_languages(lines: Iterable[str], listed: Iterable[str] = ()) -> tuple[str, ...]:
    """The languages besides English a resume says the person speaks: named on a line that
    says so ("bilingual English/Spanish", "fluent in French"), or in ``listed`` (the lines of a
    Languages section). A language merely named ("Spanish-speaking customers" without a
    speaking cue) does not count."""
    out: list[str] = []

    def add(line: str) -> None:
        for m in _LANGUAGE.finditer(line):
            name = "American Sign Language" if m.group(1) == "ASL" else m.group(1)
            if name not in out:
                out.append(name)

    for line in listed:
        add(line)
    for line in lines:
        if _SPEAKS.search(line):
            add(line)
    return tuple(out)


def join_words(items: Sequence[str], last: str = "and") -> str:
    """"a", "a and b", "a, b and c"; with semicolons when an item holds a comma, as O*NET
    titles do ("Cooks, Restaurant; Bakers; and Chefs and Head Cooks")."""
    if len(items) <= 1:
        return "".join(items)
    if not any("," in x for x in items):
        return ", ".join(items[:-1]) + f" {last} " + items[-1]
    return "; ".join(items[:-1]) + f"; {last} " + items[-1]
