"""Tailor a resume to a posting without adding a single claim.

:func:`tailor` takes a stored resume (the JSON form :mod:`unstuck.app.documents.services`
keeps, and its text) and a :class:`~unstuck.core.match.MatchResult`, and returns a
:class:`Tailored` resume that only

- **reorders**: within each position, the lines that evidence what the posting asks for come
  first (required asks before preferred), the rest keep their order;
- **surfaces**: a skills list leads with the skills the posting asks for that the resume
  evidences, written as the resume wrote them (the mention's own words, never a vocabulary
  label, which could name more than the resume says), then the resume's other skills;
- **rephrases** a listed skill in the posting's words ("Excel" -> "Microsoft Excel") only when
  every concept those words name is one the resume evidences, so the claim stays the same;
- and otherwise rephrases only the form: bullet markers and extra spaces go. Not even the
  case of a first letter changes ("r" capitalised is "R", the language: the property test
  found that).

Every line of the output is a line of the resume, or a skill as the resume (or, under the rule
above, the posting) words it; the section headings are fixed words. Nothing else from the
posting is copied in, not even its title, which could itself name a skill. Lines that deny a
skill ("no experience with Tableau") stay as written, so they still deny it.

Renderers: :func:`to_markdown`, :func:`to_docx` (a minimal WordprocessingML package written
with the standard library's zip, which the resume reader reads back) and
:func:`to_json_resume` (https://jsonresume.org/schema; dates stay as the resume wrote them).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from unstuck.core.match import MatchResult

_BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪–—]+|\d+[.)])\s+")


def rephrase(line: str) -> str:
    """The same words without a bullet marker or extra spaces. Case is left alone: "r" and
    "R" (the language) are different claims to a reader, and to the extractor."""
    return " ".join(_BULLET.sub("", line).split())


@dataclass
class TailoredPosition:
    heading: list[str]  # the resume's own line(s) naming the position
    title: str | None
    employer: str | None
    start: str | None
    end: str | None
    current: bool
    lines: list[str] = field(default_factory=list)


@dataclass
class Tailored:
    name: str | None
    headline: str | None
    skills: list[str]  # as written in the resume, asked-for first
    positions: list[TailoredPosition]
    education: list[str]
    certifications: list[str]
    changes: list[str]  # what was moved or surfaced, for the person to review
    education_items: list[dict[str, str]] = field(default_factory=list)  # for JSON Resume


def _is_heading(line: str) -> bool:
    from unstuck.text.resume import _section_of

    return _section_of(line) is not None


_DATES_ONLY = re.compile(r"^[\s\d/.,\-–—a-zA-Z]*\b(?:19|20)\d{2}\b[\s\d/.,\-–—a-zA-Z]*$")


def _position_lines(
    text: str, positions: list[Mapping[str, Any]]
) -> list[tuple[list[str], list[str]]]:
    """For each position, its heading lines and the resume lines below them, up to the next
    position or section heading. The reader's evidence for a position written "Title |
    Employer" with its dates on the next line is the dates line; the line above it is then
    part of the heading (kept as its own line: joining lines could make words meet that the
    resume never put together)."""
    lines = [" ".join(ln.split()) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    heads: list[int | None] = []
    for p in positions:
        evidence = " ".join(str(p.get("evidence") or "").split())
        heads.append(next((i for i, ln in enumerate(lines) if ln == evidence), None))
    starts: dict[int, int] = {}  # first line of each heading -> its evidence line
    for head in heads:
        if head is None:
            continue
        first = head
        if (
            head > 0
            and _DATES_ONLY.match(lines[head])
            and len(lines[head].split()) <= 6
            and not _BULLET.match(lines[head - 1])
            and not _is_heading(lines[head - 1])
            and head - 1 not in heads
        ):
            first = head - 1
        starts[first] = head
    out: list[tuple[list[str], list[str]]] = []
    for head in heads:
        if head is None:
            out.append(([], []))
            continue
        first = next(f for f, h in starts.items() if h == head)
        body = []
        for i in range(head + 1, len(lines)):
            if i in starts or _is_heading(lines[i]):
                break
            body.append(lines[i])
        out.append((lines[first : head + 1], body))
    return out


def tailor(parsed: Mapping[str, Any], text: str, result: MatchResult) -> Tailored:
    """Reorder and surface the resume's own evidence for the posting ``result`` was scored on."""
    asked: dict[str, int] = {}  # resume line -> rank (0 required, 1 preferred)
    wanted_keys: dict[tuple[str, str], int] = {}
    have = {(s["kind"], s["id"]) for s in parsed.get("skills") or ()}
    wording: dict[tuple[str, str], str] = {}  # resume concept -> the posting's word for it
    for name in ("required", "preferred"):
        comp = result.components.get(name)
        if comp is None:
            continue
        rank = 0 if name == "required" else 1
        for item in comp.items:
            if item.concept is not None:
                wanted_keys.setdefault(item.concept, rank)
                # the posting's word may stand in only if it claims nothing the resume does not
                if item.met and item.concepts and set(item.concepts) <= have:
                    wording.setdefault(item.concept, item.requirement)
            for line in item.lines or ():
                key = " ".join(line.split())
                asked[key] = min(asked.get(key, rank), rank)
    changes: list[str] = []
    positions: list[TailoredPosition] = []
    raw_positions = list(parsed.get("positions") or ())
    for p, (heading, body) in zip(raw_positions, _position_lines(text, raw_positions), strict=True):
        order = sorted(range(len(body)), key=lambda i: (asked.get(body[i], 2), i))
        if order != list(range(len(body))):
            moved = sum(1 for i in order[: len(body)] if asked.get(body[i], 2) < 2)
            changes.append(
                f"moved {moved} line(s) the posting asks about to the top of "
                f"{p.get('title') or p.get('evidence')}"
            )
        positions.append(
            TailoredPosition(
                heading=heading or [str(p.get("evidence") or "")],
                title=p.get("title"),
                employer=p.get("employer"),
                start=p.get("start"),
                end=p.get("end"),
                current=bool(p.get("current")),
                lines=[rephrase(body[i]) for i in order],
            )
        )
    rest: list[str] = []
    by_rank: list[tuple[int, int, str]] = []
    replace: dict[str, str] = {}
    for s in parsed.get("skills") or ():
        surface = [w for w in s.get("surface") or () if w.strip()]
        found = wording.get((s["kind"], s["id"]))
        if surface and found and found != surface[0]:
            replace.setdefault(" ".join(surface[0].split()), found)
    for n, s in enumerate(parsed.get("skills") or ()):
        surface = [w for w in s.get("surface") or () if w.strip()]
        if not surface:
            continue
        word = " ".join(surface[0].split())
        word = replace.get(word, word)
        wanted = wanted_keys.get((s["kind"], s["id"]))
        if wanted is not None:
            by_rank.append((wanted, n, word))
        else:
            rest.append(word)
    first = [w for _, _, w in sorted(by_rank)]
    if replace:
        changes.append(
            "used the posting's words for skills you show: "
            + ", ".join(f"{a} -> {b}" for a, b in replace.items())
        )
    skills = list(dict.fromkeys(first + rest))
    if first:
        changes.append(
            f"listed first the {len(dict.fromkeys(first))} skill(s) of yours the posting asks for"
        )
    return Tailored(
        name=parsed.get("name"),
        headline=parsed.get("headline"),
        skills=skills,
        positions=positions,
        education=[
            rephrase(str(e.get("evidence") or ""))
            for e in parsed.get("education") or ()
            if e.get("evidence")
        ],
        certifications=[
            rephrase(str(c.get("evidence") or c.get("name") or ""))
            for c in parsed.get("certifications") or ()
        ],
        changes=changes,
        education_items=[
            {key: str(e[name]) for key, name in _JSON_EDUCATION if e.get(name)}
            for e in parsed.get("education") or ()
            if e.get("evidence")
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
    """(style, text) paragraphs: "title", "subtitle", "h1", "h2", "bullet"."""
    out: list[tuple[str, str]] = []
    if t.name:
        out.append(("title", t.name))
    if t.headline and t.headline != t.name:
        out.append(("subtitle", t.headline))
    if t.skills:
        out.append(("h1", "Skills"))
        out += [("bullet", s) for s in t.skills]
    if t.positions:
        out.append(("h1", "Experience"))
        for p in t.positions:
            out.append(("h2", p.heading[0]))
            out += [("dates", line) for line in p.heading[1:]]
            out += [("bullet", line) for line in p.lines]
    if t.education:
        out.append(("h1", "Education"))
        out += [("bullet", e) for e in t.education]
    if t.certifications:
        out.append(("h1", "Certifications"))
        out += [("bullet", c) for c in t.certifications]
    return out


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(t: Tailored) -> bytes:
    prefix = {
        "title": "# ",
        "subtitle": "",
        "h1": "\n## ",
        "h2": "\n### ",
        "dates": "",
        "bullet": "- ",
    }
    lines = [prefix[style] + _md(text) for style, text in _blocks(t)]
    return ("\n".join(lines).strip() + "\n").encode()


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_SIZES = {"title": 36, "subtitle": 24, "h1": 28, "h2": 24, "dates": 22, "bullet": 22}


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def _paragraph(style: str, text: str) -> str:
    bold = "<w:b/>" if style in ("title", "h1", "h2") else ""
    run = f'<w:rPr>{bold}<w:sz w:val="{_SIZES[style]}"/></w:rPr>'
    shown = _NOT_XML.sub("", ("• " + text) if style == "bullet" else text)
    space = '<w:pPr><w:spacing w:before="240"/></w:pPr>' if style == "h1" else ""
    return f'<w:p>{space}<w:r>{run}<w:t xml:space="preserve">{escape(shown)}</w:t></w:r></w:p>'


def to_docx(t: Tailored) -> bytes:
    body = "".join(_paragraph(style, text) for style, text in _blocks(t))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        z.writestr("word/document.xml", document)
    return buffer.getvalue()


def to_json_resume(t: Tailored) -> bytes:
    basics: dict[str, Any] = {}
    if t.name:
        basics["name"] = t.name
    if t.headline:
        basics["label"] = t.headline
    work = []
    for p in t.positions:
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
    doc: dict[str, Any] = {"basics": basics, "work": work}
    if t.education:
        doc["education"] = [
            item or {"studyType": line}
            for item, line in zip(t.education_items, t.education, strict=False)
        ]
    if t.certifications:
        doc["certificates"] = [{"name": c} for c in t.certifications]
    if t.skills:
        doc["skills"] = [{"name": s} for s in t.skills]
    return json.dumps(doc, indent=2, ensure_ascii=False).encode()
