"""Tailor a resume to a posting: the same resume, its lines reordered, never a new claim.

:func:`tailor` takes a stored resume (the JSON form :mod:`unstuck.text.stored` keeps, and its
text) and a :class:`~unstuck.core.match.MatchResult`, and returns a :class:`Tailored` resume:

- **every section kept, in the resume's order**, with its own heading: the lines above the
  first heading (name, headline, contact details, a summary) as written, then each section
  (summary, experience, education, licences, skills, projects, languages...) as the reader
  found it (``sections`` in the stored form; a resume stored before the reader kept them is
  outlined again from its text). Education and licences appear once, where the resume has
  them; a "Skills: ..." or "Education: ..." line stays where it stands, never a bullet of the
  position above it.
- **reordering only within a section**: within each position the bullets that evidence what
  the posting asks for come first (required asks before preferred), the rest keep their order
  (a wrapped bullet moves with its continuation lines, a position's lines that are not bullets
  stay put); in a skills list the lines and the items the posting asks for come first.
- **the skills list only from the resume's own skills**: every item the resume lists is kept.
  A skill the posting asks for that the resume shows elsewhere (a bullet) leads the list, in
  the resume's own words (a hedged mention, "familiar with", is not listed: a list would
  claim more); a resume without a skills section gets one of these only.
- **rephrasing** a listed skill in the posting's words ("Excel" -> "Microsoft Excel") only
  when every concept those words name is one the resume evidences, so the claim stays the
  same; otherwise only bullet markers and extra spaces go (not even the case of a letter:
  "r" capitalised is "R", the language).

A line whose items carry a cue ("no", "familiar with", "5 years of", see
:mod:`unstuck.text.negation`) is never split and reordered, since a cue's scope runs over the
commas after it. Nothing from the posting is copied in, not even its title.

Renderers: :func:`to_markdown`, :func:`to_docx` (python-docx, with Word's own "Title",
"Heading 1", "Heading 2" and "List Bullet" styles, which applicant tracking systems read) and
:func:`to_json_resume` (https://jsonresume.org/schema; dates stay as the resume wrote them).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from unstuck.core.match import MatchResult

_BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪–—\x7f\uf0b7]+|\d+[.)])\s+")
_MARKUP = re.compile(r"\*\*|__|`")
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &/]{0,30}?)\s*:\s*(?P<value>\S.*)$")
_ITEM_SPLIT = re.compile(r"\s*([,;•|·])\s*")


def rephrase(line: str) -> str:
    """The same words without a bullet marker, Markdown emphasis or extra spaces. Case is left
    alone: "r" and "R" (the language) are different claims to a reader, and to the
    extractor."""
    return " ".join(_MARKUP.sub("", _BULLET.sub("", line)).split())


def _heading_text(line: str) -> str:
    return re.sub(r"[*_`#]+", " ", line).strip().rstrip(":").strip() or line


@dataclass
class Line:
    text: str  # the resume's words, without a bullet marker
    bullet: bool = False


@dataclass
class TailoredPosition:
    heading: list[str]  # the resume's own line(s) naming the position
    title: str | None
    employer: str | None
    start: str | None
    end: str | None
    current: bool
    lines: list[str] = field(default_factory=list)  # the body, in the tailored order
    body: list[Line] = field(default_factory=list)


@dataclass
class Section:
    kind: str  # "preamble", "experience", "education", "certifications", "skills", ...
    heading: str | None  # as the resume wrote it (None for the lines above the first heading)
    parts: list[Line | TailoredPosition] = field(default_factory=list)
    added: bool = False  # a skills section the resume did not have (its skills, listed)


@dataclass
class Tailored:
    name: str | None
    headline: str | None
    contact: list[str]
    sections: list[Section]
    changes: list[str]  # what was moved or surfaced, for the person to review
    education_items: list[dict[str, str]] = field(default_factory=list)  # for JSON Resume
    certifications: list[str] = field(default_factory=list)

    @property
    def positions(self) -> list[TailoredPosition]:
        return [p for s in self.sections for p in s.parts if isinstance(p, TailoredPosition)]

    @property
    def skills(self) -> list[str]:
        """The skills listed, in the tailored order (every skills section and skills line)."""
        out: list[str] = []
        for s in self.sections:
            for part in s.parts:
                if isinstance(part, Line) and (s.kind == "skills" or _skills_label(part.text)):
                    out += _items(part.text)[1]
        return list(dict.fromkeys(out))


def _skills_label(text: str) -> bool:
    m = _LABEL.match(text)
    return bool(m) and bool(re.search(r"skills|tools|technolog|competenc", m.group("label"), re.I))


def _items(text: str) -> tuple[str, list[str]]:
    """A skills line as (its label prefix, e.g. "Technical: ", and its items)."""
    prefix = ""
    m = _LABEL.match(text)
    if m:
        prefix, text = text[: m.start("value")], m.group("value")
    return prefix, [x for x in _ITEM_SPLIT.split(text)[::2] if x.strip()]


_CUE_WORDS: frozenset[str] | None = None


def _has_cue(text: str) -> bool:
    """Whether a line holds a negation, hedge, strength, years or requirement cue."""
    global _CUE_WORDS
    from unstuck.text.negation import CUES
    from unstuck.text.normal import fold

    if _CUE_WORDS is None:
        _CUE_WORDS = frozenset(
            " " + fold(p).decode().strip() + " " for kind, ps in CUES.items() for p in ps
        )
    folded = " " + " ".join(fold(text).decode().split()) + " "
    return any(cue in folded for cue in _CUE_WORDS) or bool(re.search(r"\d", text))


# -- the asks ----------------------------------------------------------------------------------


@dataclass
class _Asks:
    lines: dict[str, int]  # resume line -> rank (0 required, 1 preferred)
    concepts: dict[tuple[str, str], int]  # concept -> rank
    wording: dict[tuple[str, str], str]  # resume concept -> the posting's word for it


def _asks(parsed: Mapping[str, Any], result: MatchResult) -> _Asks:
    asks = _Asks({}, {}, {})
    have = {(s["kind"], s["id"]) for s in parsed.get("skills") or ()}
    for name in ("required", "preferred", "duties"):
        comp = result.components.get(name)
        if comp is None:
            continue
        rank = 0 if name == "required" else 1  # duties rank with the preferred skills
        for item in comp.items:
            if item.concept is not None:
                asks.concepts.setdefault(item.concept, rank)
                # the posting's word may stand in only if it claims nothing the resume does not
                if item.met and item.concepts and set(item.concepts) <= have:
                    asks.wording.setdefault(item.concept, item.requirement)
            for line in item.lines or ():
                key = " ".join(line.split())
                asks.lines[key] = min(asks.lines.get(key, rank), rank)
    return asks


# -- the outline ---------------------------------------------------------------------------------


def _outline(parsed: Mapping[str, Any], text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """(the lines above the first heading, the sections) of a stored resume."""
    from unstuck.text.resume import outline

    if "sections" in parsed:
        return list(parsed.get("preamble") or ()), list(parsed.get("sections") or ())
    preamble, sections = outline(text)
    if parsed.get("source") in ("linkedin", "json-resume") and not sections:
        return _outline_fields(parsed, preamble)
    return preamble, sections


def _outline_fields(
    parsed: Mapping[str, Any], lines: list[str]
) -> tuple[list[str], list[dict[str, Any]]]:
    """Sections for a resume read from fields (LinkedIn export, JSON Resume), whose text is
    its fields one a line: the positions with the lines below them, then education,
    certifications and the skills the person listed."""
    taken = {str(e.get("evidence")) for e in parsed.get("education") or ()}
    taken |= {str(c.get("evidence")) for c in parsed.get("certifications") or ()}
    listed = list(parsed.get("listed_skills") or ())
    heads = {" ".join(str(p.get("evidence") or "").split()) for p in parsed.get("positions") or ()}
    first = next((i for i, ln in enumerate(lines) if ln in heads), len(lines))
    preamble = [ln for ln in lines[:first]]
    rest = lines[first:]
    if listed and rest[-len(listed) :] == [" ".join(s.split()) for s in listed]:
        rest = rest[: -len(listed)]

    def evidence(name: str) -> list[str]:
        return [str(e["evidence"]) for e in parsed.get(name) or () if e.get("evidence")]

    sections = [
        {"kind": "experience", "heading": "Experience", "lines": [x for x in rest
                                                                  if x not in taken]},
        {"kind": "education", "heading": "Education", "lines": evidence("education")},
        {"kind": "certifications", "heading": "Certifications",
         "lines": evidence("certifications")},
        {"kind": "skills", "heading": "Skills", "lines": [", ".join(listed)] if listed else []},
    ]  # fmt: skip
    return preamble, [s for s in sections if s["lines"]]


# -- tailoring ---------------------------------------------------------------------------------


def _body(raw: list[str]) -> list[Line]:
    return [Line(rephrase(ln), bool(_BULLET.match(ln))) for ln in raw]


def _reorder_items(body: list[Line], rank_of: Any) -> tuple[list[Line], int]:
    """The body's bullets (each with the lines that continue it) ordered by rank, stable; the
    lines before the first bullet stay where they are. With no bullets, every line is an item.
    Returns the new body and how many asked-for items moved up."""
    if any(b.bullet for b in body):
        fixed_end = next(i for i, b in enumerate(body) if b.bullet)
        groups: list[list[Line]] = []
        for b in body[fixed_end:]:
            if b.bullet or not groups:
                groups.append([b])
            else:
                groups[-1].append(b)
    else:
        fixed_end = 0
        groups = [[b] for b in body]
    ranks = [min(rank_of(b.text) for b in g) for g in groups]
    order = sorted(range(len(groups)), key=lambda i: (ranks[i], i))
    moved = sum(1 for n, i in enumerate(order) if i != n and ranks[i] < 2)
    return body[:fixed_end] + [b for i in order for b in groups[i]], moved


def _positions_in(
    raw: list[str], positions: list[Mapping[str, Any]], used: set[int]
) -> list[tuple[int, int, Mapping[str, Any]]]:
    """(first heading line, evidence line, position) for the positions named in these lines,
    each stored position matched once, in order."""
    found = []
    for i, line in enumerate(raw):
        for n, p in enumerate(positions):
            if n in used or " ".join(str(p.get("evidence") or "").split()) != line:
                continue
            used.add(n)
            header = [" ".join(str(h).split()) for h in p.get("header") or ()]
            first = i
            while header and first > 0 and raw[first - 1] == header[-1]:
                header.pop()
                first -= 1
            if found and first <= found[-1][1]:
                first = i
            found.append((first, i, p))
            break
    return found


def _section_parts(
    raw: list[str],
    kind: str,
    positions: list[Mapping[str, Any]],
    used: set[int],
    asks: _Asks,
    changes: list[str],
) -> list[Line | TailoredPosition]:
    def rank_of(text: str) -> int:
        return asks.lines.get(text, 2)

    # the resume's lines, as written (the asks name them with their bullets): rank by raw form
    raw_rank = {rephrase(ln): asks.lines.get(ln, 2) for ln in raw}

    def rank(text: str) -> int:
        return min(raw_rank.get(text, 2), rank_of(text))

    found = _positions_in(raw, positions, used)
    if not found:
        return list(_body(raw))
    parts: list[Line | TailoredPosition] = list(_body(raw[: found[0][0]]))
    for n, (first, head, p) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(raw)
        below = raw[head + 1 : stop]
        # a "Skills: ..." or "Education: ..." line ends the position's body: it and what
        # follows stay where they are
        cut = next((j for j, ln in enumerate(below) if _LABEL.match(rephrase(ln))
                    and not _BULLET.match(ln)), len(below))  # fmt: skip
        body, moved = _reorder_items(_body(below[:cut]), rank)
        if moved:
            changes.append(
                f"moved {moved} line(s) the posting asks about to the top of "
                f"{p.get('title') or p.get('evidence')}"
            )
        parts.append(
            TailoredPosition(
                heading=[rephrase(h) for h in raw[first : head + 1]],
                title=p.get("title"),
                employer=p.get("employer"),
                start=p.get("start"),
                end=p.get("end"),
                current=bool(p.get("current")),
                lines=[b.text for b in body],
                body=body,
            )
        )
        parts += _body(below[cut:])
    return parts


def _skill_words(parsed: Mapping[str, Any], asks: _Asks) -> list[tuple[int, str, str | None, bool]]:
    """(rank, the resume's word, the posting's word when it may stand in, hedged) for the
    resume's skills the posting asks for, in asked order."""
    out = []
    for n, s in enumerate(parsed.get("skills") or ()):
        rank = asks.concepts.get((s["kind"], s["id"]))
        surface = [" ".join(w.split()) for w in s.get("surface") or () if w.strip()]
        if rank is None or not surface:
            continue
        wording = asks.wording.get((s["kind"], s["id"]))
        out.append((rank, n, surface[0], wording, s.get("strength") == "weak"))
    out.sort(key=lambda x: (x[0], x[1]))
    return [(r, w, p, weak) for r, _, w, p, weak in out]


def _reorder_skills(
    parts: list[Line | TailoredPosition], asked: dict[str, int], replace: dict[str, str]
) -> list[Line | TailoredPosition]:
    """A skills section's lines, the asked-for first; within a line without cues, its items
    too (an item names an asked skill when it holds the resume's word for it)."""

    def item_rank(item: str) -> int:
        low = item.casefold()
        return min(
            (
                r
                for w, r in asked.items()
                if re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", low)
            ),
            default=2,
        )

    lines: list[tuple[int, int, Line | TailoredPosition]] = []
    for n, part in enumerate(parts):
        if not isinstance(part, Line):
            lines.append((2, n, part))
            continue
        prefix, items = _items(part.text)
        if not items:
            lines.append((2, n, part))
            continue
        ranks = [item_rank(i) for i in items]
        text = part.text
        if not _has_cue(part.text) and len(items) > 1:
            sep = _ITEM_SPLIT.search(part.text[len(prefix) :])
            joiner = sep.group(1) if sep else ","
            joiner = ", " if joiner == "," else f" {joiner} " if joiner != ";" else "; "
            order = sorted(range(len(items)), key=lambda i: (ranks[i], i))
            text = prefix + joiner.join(replace.get(items[i], items[i]) for i in order)
        elif len(items) == 1 and items[0] in replace and not _has_cue(part.text):
            text = prefix + replace[items[0]]
        lines.append((min(ranks), n, Line(text, part.bullet)))
    return [p for _, _, p in sorted(lines, key=lambda x: (x[0], x[1]))]


def tailor(parsed: Mapping[str, Any], text: str, result: MatchResult) -> Tailored:
    """The resume tailored for the posting ``result`` was scored on (see the module)."""
    asks = _asks(parsed, result)
    changes: list[str] = []
    preamble, raw_sections = _outline(parsed, text)
    positions = list(parsed.get("positions") or ())
    used: set[int] = set()
    name = parsed.get("name")
    top = list(preamble)
    if name and top and rephrase(top[0]).lstrip("# ").strip() == name:
        top = top[1:]
    sections = [
        Section("preamble", None, _section_parts(top, "preamble", positions, used, asks, changes))
    ]
    for s in raw_sections:
        kind = str(s.get("kind") or "other")
        sections.append(
            Section(
                kind,
                _heading_text(str(s.get("heading") or "")),
                _section_parts(list(s.get("lines") or ()), kind, positions, used, asks, changes),
            )
        )

    # the skills: the resume's words for what the posting asks, and the posting's where safe
    words = _skill_words(parsed, asks)
    replace = {w: p for _, w, p, _ in words if p and p != w}
    asked: dict[str, int] = {}
    for r, w, _, _ in words:
        asked.setdefault(w, r)
    listed = [s for s in sections if s.kind == "skills"]
    skill_lines = [
        (s, part)
        for s in sections
        for part in s.parts
        if isinstance(part, Line) and (s.kind == "skills" or _skills_label(part.text))
    ]
    have_listed = " ".join(p.text for _, p in skill_lines).casefold()
    missing = list(
        dict.fromkeys(
            replace.get(w, w)
            for _, w, _, weak in words
            if not weak and not re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", have_listed)
        )
    )
    for s in sections:
        if s.kind == "skills":
            s.parts = _reorder_skills(s.parts, asked, replace)
        else:
            for n, part in enumerate(s.parts):
                if isinstance(part, Line) and _skills_label(part.text):
                    s.parts[n] = _reorder_skills([part], asked, replace)[0]
    if missing:
        first = next(
            (
                (s, n)
                for s in sections
                for n, part in enumerate(s.parts)
                if isinstance(part, Line) and (s.kind == "skills" or _skills_label(part.text))
            ),
            None,
        )
        if first is None:
            sections.insert(1, Section("skills", "Skills", [Line(", ".join(missing))], added=True))
        else:
            owner, n = first
            part = owner.parts[n]
            assert isinstance(part, Line)
            prefix, items = _items(part.text)
            if len(items) > 1 and not _has_cue(part.text) and "," in part.text:
                # one more item at the head of the list the resume wrote
                owner.parts[n] = Line(prefix + ", ".join([*missing, *items]), part.bullet)
            else:
                label = "" if owner.kind == "skills" else "Skills: "
                owner.parts.insert(n, Line(label + ", ".join(missing), part.bullet))
        changes.append(
            "listed the skill(s) of yours the posting asks for that your skills list did not "
            "name: " + ", ".join(missing)
        )
    elif asked and (listed or skill_lines):
        changes.append("listed first the skill(s) of yours the posting asks for")
    if replace:
        changes.append(
            "used the posting's words for skills you show: "
            + ", ".join(f"{a} -> {b}" for a, b in replace.items())
        )
    return Tailored(
        name=name,
        headline=parsed.get("headline"),
        contact=[rephrase(c) for c in parsed.get("contact") or ()],
        sections=[s for s in sections if s.parts or s.heading],
        changes=changes,
        education_items=[
            {key: str(e[field_name]) for key, field_name in _JSON_EDUCATION if e.get(field_name)}
            for e in parsed.get("education") or ()
            if e.get("evidence")
        ],
        certifications=[
            rephrase(str(c.get("name") or c.get("evidence") or ""))
            for c in parsed.get("certifications") or ()
        ],
    )


_JSON_EDUCATION = (
    ("institution", "school"),
    ("studyType", "degree"),
    ("area", "field"),
    ("endDate", "end"),
)


# -- renderers ------------------------------------------------------------------------------------


def _blocks(t: Tailored) -> list[tuple[str, str]]:
    """(style, text) paragraphs: "title", "h1", "h2", "line", "bullet"."""
    out: list[tuple[str, str]] = []
    if t.name:
        out.append(("title", t.name))
    for s in t.sections:
        if s.heading:
            out.append(("h1", s.heading))
        for part in s.parts:
            if isinstance(part, TailoredPosition):
                out.append(("h2", part.heading[0]))
                out += [("line", h) for h in part.heading[1:]]
                out += [("bullet" if b.bullet else "line", b.text) for b in part.body]
            else:
                out.append(("bullet" if part.bullet else "line", part.text))
    return [(style, text) for style, text in out if text]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(t: Tailored) -> bytes:
    out: list[str] = []
    previous = ""
    for style, text in _blocks(t):
        if style == "title":
            out.append("# " + _md(text))
        elif style == "h1":
            out += ["", "## " + _md(text)]
        elif style == "h2":
            out += ["", "### " + _md(text)]
        elif style == "bullet":
            if previous not in ("bullet",):
                out.append("")
            out.append("- " + _md(text))
        else:
            out += ["", _md(text)]  # a paragraph of its own: lines are not run together
        previous = style
    return ("\n".join(out).strip() + "\n").encode()


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def to_docx(t: Tailored) -> bytes:
    """A Word document with Word's own styles: the name in "Title", section headings in
    "Heading 1", each position's first line in "Heading 2", bullets in "List Bullet"."""
    import docx

    document = docx.Document()
    style = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2", "bullet": "List Bullet"}
    for kind, text in _blocks(t):
        document.add_paragraph(_NOT_XML.sub("", text), style=style.get(kind))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S+", re.I)
_JSON_SECTIONS = {  # a section's last heading word -> JSON Resume key, item field
    "languages": ("languages", "language"),
    "interests": ("interests", "name"),
    "hobbies": ("interests", "name"),
    "references": ("references", "reference"),
    "awards": ("awards", "title"),
    "honors": ("awards", "title"),
    "honours": ("awards", "title"),
    "publications": ("publications", "name"),
    "volunteering": ("volunteer", "summary"),
    "volunteer": ("volunteer", "summary"),
}


def to_json_resume(t: Tailored) -> bytes:
    basics: dict[str, Any] = {}
    if t.name:
        basics["name"] = t.name
    if t.headline:
        basics["label"] = t.headline
    for line in t.contact:
        email, phone, url = _EMAIL.search(line), _PHONE.search(line), _URL.search(line)
        if email and "email" not in basics:
            basics["email"] = email.group()
        if phone and "phone" not in basics:
            basics["phone"] = phone.group().strip()
        if url and "url" not in basics:
            basics["url"] = url.group()
    summary: list[str] = []
    work = []
    projects = []
    extra: dict[str, list[dict[str, str]]] = {}
    for s in t.sections:
        lines = [p.text for p in s.parts if isinstance(p, Line)]
        if s.kind == "preamble":
            skip = {t.headline, *t.contact}
            summary += [ln for ln in lines if ln not in skip]
        elif s.kind == "summary":
            summary += lines
        elif s.kind in ("projects",) and lines:
            projects += [{"name": ln} for ln in lines]
        elif s.kind == "other" and s.heading:
            last = (re.findall(r"[a-z]+", s.heading.lower()) or [""])[-1]
            key, item = _JSON_SECTIONS.get(
                last, ("x-" + re.sub(r"\W+", "-", s.heading.lower()), "name")
            )
            extra.setdefault(key, []).extend({item: ln} for ln in lines)
        for p in s.parts:
            if isinstance(p, TailoredPosition):
                job: dict[str, Any] = {}
                for key, value in (
                    ("position", p.title),
                    ("name", p.employer),
                    ("startDate", p.start),
                    ("endDate", p.end),
                ):
                    if value:
                        job[key] = value
                if p.lines:
                    job["highlights"] = p.lines
                work.append(job)
    if summary:
        basics["summary"] = " ".join(summary)
    doc: dict[str, Any] = {"basics": basics, "work": work}
    if t.education_items:
        doc["education"] = t.education_items
    if t.certifications:
        doc["certificates"] = [{"name": c} for c in t.certifications if c]
    if t.skills:
        doc["skills"] = [{"name": s} for s in t.skills]
    if projects:
        doc["projects"] = projects
    doc.update(extra)
    return json.dumps(doc, indent=2, ensure_ascii=False).encode()
