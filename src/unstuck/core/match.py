"""Match a resume to a job posting: a score broken down into parts, each traceable to lines.

The inputs are plain facts (:class:`ResumeFacts`, :class:`PostingFacts`) that the text readers
(:mod:`unstuck.text.resume`, :mod:`unstuck.text.posting`) produce and the user store keeps as
JSON; :meth:`ResumeFacts.from_dict` / :meth:`PostingFacts.from_dict` read that JSON back. This
module does no I/O and knows no knowledge base: occupations a title maps to arrive as codes.

**Components.** Five, each scored 0-100 from its items:

- ``required`` / ``preferred``: the skills the posting asks for, one item per thing named
  (the posting's word "Python" names an ESCO skill and an O*NET technology: one item, see
  :func:`skill_groups`); an item is met when the resume evidences one of its concepts (same
  vocabulary id, or the same label folded) and its matched lines are the resume lines that
  evidence it; evidence that is only hedged ("familiar with") earns half. Score: the share
  of items met.
- ``experience``: the posting's "N years" requirements against the years the resume's dated
  positions in this kind of work span (overlaps counted once): all of them when the resume's
  titles map to the posting's occupation, otherwise those whose title shares a word with the
  posting's; partial credit in proportion.
- ``education``: stated degrees against the resume's highest degree, and licences or
  certifications against the resume's certification lines.
- ``title``: the posting title against the resume's job titles: the same occupation code
  scores 100, otherwise the share of the posting title's words found in the best title.

**Weights.** :data:`WEIGHTS` are the nominal weights. A component the posting gives nothing
to check (no preferred skills, no stated degree) is not shown and its weight is shared among
the others in proportion, so the overall score is always ``sum(score * weight)`` over the
components shown, and the shown weights add up to 1.

**Negation.** The readers never record a negated mention ("no experience with Tableau", "no
Java needed") as evidence or as an ask, and this module only links requirements to lines that
evidence the same concept, so a "no X" line never meets a requirement for X.

**Missing.** Every item not met is listed in :attr:`MatchResult.missing`; the skills among
them (:meth:`MatchResult.skill_gaps`) are what the person's skill-gap list takes in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

WEIGHTS: dict[str, float] = {
    "required": 0.45,
    "preferred": 0.15,
    "experience": 0.15,
    "education": 0.10,
    "title": 0.15,
}
COMPONENTS = tuple(WEIGHTS)
WEAK_CREDIT = 0.5  # a skill the resume only hedges ("familiar with") half meets an ask


def fold_label(text: str) -> str:
    """Lower case, accents dropped, punctuation to spaces: how labels are compared."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", ascii_text.lower()).split())


# -- facts ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillFact:
    """A skill the resume evidences: ``id`` in vocabulary ``kind``, the ``label`` to show, the
    words the resume itself used (``surface``) and the lines that show it."""

    kind: str
    id: str
    label: str
    lines: tuple[str, ...]
    surface: tuple[str, ...] = ()
    strength: str = "normal"
    years: float | None = None

    @property
    def key(self) -> str:
        return fold_label(self.label)


@dataclass(frozen=True)
class PositionFact:
    title: str | None
    employer: str | None
    start: str | None
    end: str | None
    current: bool
    line: str


@dataclass(frozen=True)
class EducationFact:
    degree: str | None
    field: str | None
    school: str | None
    end: str | None
    line: str


@dataclass(frozen=True)
class ResumeFacts:
    skills: tuple[SkillFact, ...] = ()
    positions: tuple[PositionFact, ...] = ()
    education: tuple[EducationFact, ...] = ()
    certifications: tuple[str, ...] = ()  # the lines naming them
    occupation_codes: tuple[str, ...] = ()  # what the job titles map to (best first)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], codes: Iterable[str] = ()) -> ResumeFacts:
        """From the stored JSON form of a parsed resume (see ``unstuck.app.documents.services``)."""
        return cls(
            skills=tuple(
                SkillFact(
                    s["kind"],
                    s["id"],
                    s["label"],
                    tuple(s.get("evidence") or ()),
                    tuple(s.get("surface") or ()),
                    s.get("strength") or "normal",
                    s.get("years"),
                )
                for s in data.get("skills") or ()
            ),
            positions=tuple(
                PositionFact(
                    p.get("title"),
                    p.get("employer"),
                    p.get("start"),
                    p.get("end"),
                    bool(p.get("current")),
                    p.get("evidence") or "",
                )
                for p in data.get("positions") or ()
            ),
            education=tuple(
                EducationFact(
                    e.get("degree"),
                    e.get("field"),
                    e.get("school"),
                    e.get("end"),
                    e.get("evidence") or "",
                )
                for e in data.get("education") or ()
            ),
            certifications=tuple(
                c.get("evidence") or c.get("name") or "" for c in data.get("certifications") or ()
            ),
            occupation_codes=tuple(codes),
        )


@dataclass(frozen=True)
class AskFact:
    """A skill the posting asks for, with the posting lines that ask."""

    kind: str
    id: str
    label: str
    required: bool
    lines: tuple[str, ...]
    surface: tuple[str, ...] = ()  # the posting's own words for it

    @property
    def key(self) -> str:
        return fold_label(self.label)


def skill_groups(asks: Sequence[AskFact]) -> list[list[AskFact]]:
    """Asks that name one thing: one word in a posting can name several concepts ("Python" is
    an ESCO skill and an O*NET technology), and counting each would count the word twice.
    Asks sharing a surface (folded) form one group, in the order first asked."""
    parent = list(range(len(asks)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, ask in enumerate(asks):
        for word in ask.surface:
            k = fold_label(word)
            if k in seen:
                parent[root(i)] = root(seen[k])
            else:
                seen[k] = i
    groups: dict[int, list[AskFact]] = {}
    for i, ask in enumerate(asks):
        groups.setdefault(root(i), []).append(ask)
    return sorted(groups.values(), key=lambda g: asks.index(g[0]))


@dataclass(frozen=True)
class RequirementFact:
    kind: str  # "degree" | "experience" | "licence" | "authorisation" | "clearance"
    value: str
    required: bool
    line: str


@dataclass(frozen=True)
class PayFact:
    minimum: float
    maximum: float | None
    currency: str | None
    period: str | None


@dataclass(frozen=True)
class PostingFacts:
    title: str | None = None
    employer: str | None = None
    skills: tuple[AskFact, ...] = ()
    requirements: tuple[RequirementFact, ...] = ()
    pay: PayFact | None = None
    occupation_codes: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], codes: Iterable[str] = ()) -> PostingFacts:
        pay = data.get("pay")
        return cls(
            title=data.get("title"),
            employer=data.get("employer"),
            skills=tuple(
                AskFact(
                    s["kind"],
                    s["id"],
                    s["label"],
                    bool(s.get("required")),
                    tuple(s.get("evidence") or ()),
                    tuple(s.get("surface") or ()),
                )
                for s in data.get("skills") or ()
            ),
            requirements=tuple(
                RequirementFact(
                    r["kind"], r["value"], bool(r.get("required")), r.get("evidence") or ""
                )
                for r in data.get("requirements") or ()
            ),
            pay=None
            if not pay
            else PayFact(
                float(pay["minimum"]),
                None if pay.get("maximum") is None else float(pay["maximum"]),
                pay.get("currency"),
                pay.get("period"),
            ),
            occupation_codes=tuple(codes),
        )


# -- result ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchItem:
    """One thing the posting asks for, and the resume lines that show it (None: missing).
    ``credit`` is how much of the item is met, 0-1 (partial for years of experience)."""

    requirement: str
    lines: tuple[str, ...] | None
    credit: float
    required: bool = True
    posting_line: str | None = None
    concept: tuple[str, str] | None = None  # skill items: (kind, id) matched, or asked first
    concepts: tuple[tuple[str, str], ...] = ()  # skill items: every concept the words name

    @property
    def met(self) -> bool:
        return self.lines is not None and self.credit > 0


@dataclass(frozen=True)
class Component:
    name: str
    score: float  # 0-100
    weight: float  # the share of the overall score (0 when not shown)
    items: tuple[MatchItem, ...]
    shown: bool
    note: str = ""


@dataclass(frozen=True)
class Missing:
    component: str
    requirement: str
    required: bool
    concept: tuple[str, str] | None = None


@dataclass(frozen=True)
class MatchResult:
    components: dict[str, Component]
    score: float  # 0-100, the weighted sum of the shown components
    missing: tuple[Missing, ...] = field(default=())

    def skill_gaps(self) -> list[Missing]:
        """Missing skills (required first): what the skill-gap list takes in."""
        gaps = [m for m in self.missing if m.component in ("required", "preferred")]
        return sorted(gaps, key=lambda m: not m.required)


# -- matching -------------------------------------------------------------------------------------


def _skill_index(
    resume: ResumeFacts,
) -> tuple[dict[tuple[str, str], SkillFact], dict[str, SkillFact]]:
    by_id = {(s.kind, s.id): s for s in resume.skills}
    by_label: dict[str, SkillFact] = {}
    for s in resume.skills:
        by_label.setdefault(s.key, s)
        for surface in s.surface:
            by_label.setdefault(fold_label(surface), s)
    return by_id, by_label


def _skill_items(asks: Sequence[AskFact], resume: ResumeFacts) -> list[MatchItem]:
    """One item per group of asks (see :func:`skill_groups`), met by the resume's evidence for
    any concept in the group; evidence that is only hedged ("familiar with") earns
    :data:`WEAK_CREDIT`."""
    by_id, by_label = _skill_index(resume)
    items = []
    for group in skill_groups(asks):
        found = None
        for ask in group:
            found = by_id.get((ask.kind, ask.id)) or by_label.get(ask.key)
            if found is not None and found.lines:
                break
        lead = group[0]
        lines = found.lines if found is not None and found.lines else None
        credit = (
            0.0 if lines is None else (WEAK_CREDIT if found and found.strength == "weak" else 1.0)
        )
        items.append(
            MatchItem(
                lead.surface[0] if lead.surface else lead.label,
                lines,
                credit,
                any(a.required for a in group),
                lead.lines[0] if lead.lines else None,
                (found.kind, found.id) if found is not None and lines else (lead.kind, lead.id),
                tuple((a.kind, a.id) for a in group),
            )
        )
    return items


_MONTHS = {
    m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)
}


_NUMERIC_MONTH = re.compile(
    r"\b(\d{1,2})\s*[/.-]\s*(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*[/.-]\s*(\d{1,2})\b"
)


def parse_month(text: str | None) -> int | None:
    """A date as written on a resume ("Jan 2019", "03/2020", "2015", "2019-04") as a month
    number (year * 12 + month - 1), or None when it holds no year."""
    if not text:
        return None
    year_m = re.search(r"\b(19|20)\d{2}\b", text)
    if not year_m:
        return None
    year = int(year_m.group(0))
    month = 1
    word = re.search(r"\b([A-Za-z]{3})[a-z]*\.?\b", text)
    if word and word.group(1).lower() in _MONTHS:
        month = _MONTHS[word.group(1).lower()]
    else:
        num = _NUMERIC_MONTH.search(text)
        if num:
            value = int(num.group(1) or num.group(2))
            if 1 <= value <= 12:
                month = value
    return year * 12 + month - 1


def experience_years(positions: Iterable[PositionFact], now_month: int) -> float | None:
    """Years the dated positions span, overlaps counted once; None when no position has a
    start date. A current position runs to ``now_month``; an end year alone counts to its end
    (a "2015 - 2018" position spans four calendar years)."""
    spans = []
    for p in positions:
        start = parse_month(p.start)
        if start is None:
            continue
        end: int
        if p.current:
            end = now_month + 1  # the current month counts
        else:
            parsed_end = parse_month(p.end)
            if parsed_end is None:
                end = start
            else:
                end = parsed_end
            if (
                parsed_end is not None
                and p.end
                and not re.search(r"[A-Za-z]|\d{1,2}\s*[/.-]|[/.-]\s*\d{1,2}\b", p.end)
            ):
                end += 11  # a bare year: to its end
            end += 1  # the end month counts
        if end > start:
            spans.append((start, end))
    if not spans:
        return None
    spans.sort()
    total = 0
    cur_start, cur_end = spans[0]
    for s, e in spans[1:]:
        if s > cur_end:
            total += cur_end - cur_start
            cur_start, cur_end = s, e
        else:
            cur_end = max(cur_end, e)
    total += cur_end - cur_start
    return round(total / 12, 1)


_DEGREE_RANK = (
    (4, re.compile(r"\b(?:ph\.?\s?d|doctorate|doctoral|doctor)\b", re.I)),
    (3, re.compile(r"\b(?:master'?s?|m\.?sc?|mba|m\.?a\.|m\.?eng)\b", re.I)),
    (2, re.compile(r"\b(?:bachelor'?s?|b\.?sc?|b\.?a\.?|b\.?eng|undergraduate)\b", re.I)),
    (1, re.compile(r"\b(?:associate'?s?)\b", re.I)),
    (0, re.compile(r"\b(?:high school|ged|diploma)\b", re.I)),
)


#: A degree the resume says is not (yet) earned does not meet a degree requirement.
_UNFINISHED = re.compile(
    r"\b(?:incomplete|not completed|uncompleted|unfinished|no degree|did not (?:complete|finish)|"
    r"(?:in )?progress|ongoing|expected|anticipated|pursuing|candidate|current student)\b",
    re.I,
)


def degree_rank(text: str | None) -> int | None:
    """4 doctorate, 3 master, 2 bachelor, 1 associate, 0 high school; None: not a degree."""
    if not text:
        return None
    for rank, pattern in _DEGREE_RANK:
        if pattern.search(text):
            return rank
    return None


_STOP = frozenset("a an and the of for in at to with senior sr junior jr lead i ii iii iv".split())


def _words(title: str) -> set[str]:
    return {w for w in fold_label(title).split() if w not in _STOP}


def _component(name: str, items: list[MatchItem], note: str = "") -> Component:
    if not items:
        return Component(name, 0.0, 0.0, (), False, note or "nothing to check")
    score = 100.0 * sum(i.credit for i in items) / len(items)
    return Component(name, round(score, 1), 0.0, tuple(items), True, note)


def match(resume: ResumeFacts, posting: PostingFacts, *, now_month: int) -> MatchResult:
    """Score ``resume`` against ``posting`` (see the module docstring). ``now_month`` is the
    current month (year * 12 + month - 1), for positions that run to the present."""
    comps: dict[str, Component] = {}
    skill_items = _skill_items(posting.skills, resume)
    comps["required"] = _component("required", [i for i in skill_items if i.required])
    comps["preferred"] = _component("preferred", [i for i in skill_items if not i.required])

    exp_items = []
    # years in this kind of work: every position when the resume's titles map to the
    # posting's occupation, otherwise the positions whose title shares a word with the
    # posting's (a store manager's years are not a paralegal's)
    positions = resume.positions
    if posting.title and not (set(posting.occupation_codes[:1]) & set(resume.occupation_codes)):
        want = _words(posting.title)
        positions = tuple(p for p in positions if want & _words(p.title or ""))
    have = experience_years(positions, now_month)
    dated = tuple(p.line for p in positions if parse_month(p.start) is not None)
    for req in posting.requirements:
        if req.kind != "experience":
            continue
        num = re.match(r"(\d+(?:\.\d+)?)", req.value)
        if not num:
            continue
        need = float(num.group(1))
        credit = 1.0 if need <= 0 else min(1.0, (have or 0.0) / need)
        exp_items.append(
            MatchItem(
                f"{req.value} of experience",
                dated if credit > 0 else None,
                round(credit, 3),
                req.required,
                req.line,
            )
        )
    comps["experience"] = _component(
        "experience", exp_items, "" if have is None else f"{have:g} years in dated positions"
    )

    edu_items = []
    ranked = [
        (None if _UNFINISHED.search(e.line) else degree_rank(e.degree or e.line), e)
        for e in resume.education
    ]
    for req in posting.requirements:
        if req.kind == "degree":
            need_rank = degree_rank(req.value)
            lines = tuple(
                e.line
                for r, e in ranked
                if r is not None and need_rank is not None and r >= need_rank
            )
            edu_items.append(
                MatchItem(
                    f"{req.value} degree",
                    lines or None,
                    1.0 if lines else 0.0,
                    req.required,
                    req.line,
                )
            )
        elif req.kind == "licence":
            words = _words(req.value) - {
                "licence",
                "license",
                "certification",
                "certified",
                "certificate",
            }
            lines = tuple(c for c in resume.certifications if words and words <= _words(c))
            edu_items.append(
                MatchItem(req.value, lines or None, 1.0 if lines else 0.0, req.required, req.line)
            )
    comps["education"] = _component("education", edu_items)

    title_items = []
    if posting.title:
        titled = [p for p in resume.positions if p.title]
        if posting.occupation_codes and set(posting.occupation_codes[:1]) & set(
            resume.occupation_codes
        ):
            best = next((p for p in titled), None)
            title_items.append(
                MatchItem(posting.title, (best.line,) if best else (), 1.0, True, posting.title)
            )
        else:
            want = _words(posting.title)
            scored = sorted(
                (
                    (len(want & _words(p.title or "")) / len(want) if want else 0.0, i, p)
                    for i, p in enumerate(titled)
                ),
                key=lambda t: (-t[0], t[1]),
            )
            if scored and scored[0][0] > 0:
                credit, _, p = scored[0]
                title_items.append(
                    MatchItem(posting.title, (p.line,), round(credit, 3), True, posting.title)
                )
            else:
                title_items.append(MatchItem(posting.title, None, 0.0, True, posting.title))
    comps["title"] = _component("title", title_items)

    shown_total = sum(WEIGHTS[n] for n, c in comps.items() if c.shown)
    final: dict[str, Component] = {}
    for name, c in comps.items():
        weight = WEIGHTS[name] / shown_total if c.shown and shown_total else 0.0
        final[name] = Component(c.name, c.score, weight, c.items, c.shown, c.note)
    score = sum(c.score * c.weight for c in final.values() if c.shown)
    missing = tuple(
        Missing(name, item.requirement, item.required, item.concept)
        for name, c in final.items()
        for item in c.items
        if not item.met
    )
    return MatchResult(final, round(score, 1), missing)
