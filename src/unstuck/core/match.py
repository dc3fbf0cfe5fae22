"""Match a resume to a job posting: a score broken down into parts, each traceable to lines.

The inputs are plain facts (:class:`ResumeFacts`, :class:`PostingFacts`) that the text readers
(:mod:`unstuck.text.resume`, :mod:`unstuck.text.posting`) produce and the user store keeps as
JSON; :meth:`ResumeFacts.from_dict` / :meth:`PostingFacts.from_dict` read that JSON back. This
module does no I/O and knows no knowledge base: occupations a title maps to arrive as codes.

**Components.** Six, each scored 0-100 from its items:

- ``required`` / ``preferred`` / ``duties``: the skills the posting asks for, one item per
  thing named (the posting's word "Python" names an ESCO skill and an O*NET technology: one
  item, see :func:`skill_groups`); ``duties`` holds the skills named only in what the job
  involves ("What you'll do", "Responsibilities"), which weigh less than the required ones
  and are not called preferred. An item is met (:func:`_skill_items`) by the same skill (same
  vocabulary id, or the same label folded), by the same words (a resume clause holding every
  word of it, as stems: "Administered medications" meets "medication administration", see
  :mod:`unstuck.core.lemma`), or by task language (the ask is phrased like an O*NET task or
  detailed work activity of an occupation a resume position maps to: the position is the
  evidence, for :data:`TASK_CREDIT`); evidence that is only hedged ("familiar with") earns
  half. Each item says how it was met (``how``, ``note``). Score: the share of items met.
- ``experience``: the posting's "N years" requirements against the years the resume's dated
  positions in this kind of work span (overlaps counted once): all of them when the resume's
  titles map to the posting's occupation, otherwise those whose title shares a word with the
  posting's (other than a generic one: "manager", "associate"); partial credit in proportion.
- ``education``: stated degrees against the resume's degrees, level and field, a higher
  degree meeting a lower one and, when the posting takes "or equivalent experience", years
  of work standing in (:func:`degree_item`); licences and certifications against the
  resume's certification lines, by name or abbreviation (:func:`licence_item`, the table in
  :mod:`unstuck.core.credentials`: "RN license" is "Registered Nurse, State of Ohio").
- ``title``: the posting title against the resume's job titles: the same occupation code
  scores 100, otherwise the share of the posting title's words found in the best title
  (halved when only generic words are shared).

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

from unstuck.core.credentials import credentials, states
from unstuck.core.lemma import content_stems

WEIGHTS: dict[str, float] = {
    "required": 0.40,
    "preferred": 0.12,
    "duties": 0.08,
    "experience": 0.15,
    "education": 0.10,
    "title": 0.15,
}
COMPONENTS = tuple(WEIGHTS)
WEAK_CREDIT = 0.5  # a skill the resume only hedges ("familiar with") half meets an ask
#: a requirement met only by the O*NET work of an occupation the resume's position maps to:
#: the resume does not say it, the occupation does
TASK_CREDIT = 0.5
#: task language must be distinctive of the work: a phrase in the tasks of more than this
#: share of all occupations ("data analysis", "customer service", "order supplies") is not
MAX_TASK_SHARE = 0.06
#: a degree at the level asked in another field than the one asked
OTHER_FIELD_CREDIT = 0.5
#: a licence held, but in another state than the one the posting names
OTHER_STATE_CREDIT = 0.5
#: years of work that stand in for a degree when the posting takes "equivalent experience"
EQUIVALENT_YEARS = {"associate": 2.0, "bachelor": 4.0, "master": 6.0}

#: how an item was met (``MatchItem.how``), for a person
HOW = {
    "skill": "same skill",
    "words": "same words",
    "task": "task language",
    "degree": "degree",
    "higher degree": "higher degree",
    "equivalent experience": "equivalent experience",
    "licence": "same licence",
    "years": "dated positions",
    "title": "job title",
}


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
    level: str | None = None  # the reader's level: "bachelor", "master", "professional", ...


@dataclass(frozen=True)
class TaskFact:
    """A task or detailed work activity O*NET lists for an occupation a resume position maps
    to (``lines``: that position's lines), so a requirement phrased like the work of the
    person's occupation can be met by the position (see :func:`match`)."""

    code: str
    occupation: str
    text: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ResumeFacts:
    skills: tuple[SkillFact, ...] = ()
    positions: tuple[PositionFact, ...] = ()
    education: tuple[EducationFact, ...] = ()
    certifications: tuple[str, ...] = ()  # the lines naming them
    occupation_codes: tuple[str, ...] = ()  # what the job titles map to (best first)
    lines: tuple[str, ...] = ()  # what the person wrote: summary, experience, skills lines
    tasks: tuple[TaskFact, ...] = ()  # the O*NET work of the occupations positions map to
    name_line: str = ""  # "Dana Cruz, BSN, RN": credentials written after the name

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], codes: Iterable[str] = (), tasks: Iterable[TaskFact] = ()
    ) -> ResumeFacts:
        """From the stored JSON form of a parsed resume (see ``unstuck.app.documents.services``)."""
        preamble = list(data.get("preamble") or ())
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
                    e.get("level"),
                )
                for e in data.get("education") or ()
            ),
            certifications=tuple(
                c.get("evidence") or c.get("name") or "" for c in data.get("certifications") or ()
            ),
            occupation_codes=tuple(codes),
            lines=tuple(_own_lines(data)),
            tasks=tuple(tasks),
            name_line=preamble[0] if preamble else "",
        )


#: the sections whose lines say what the person did and can do (not contact, education or
#: licence lines, which have their own components)
_OWN_SECTIONS = frozenset({"summary", "experience", "skills", "projects", "other", "volunteer"})


def _own_lines(data: Mapping[str, Any]) -> list[str]:
    """The lines of a stored resume that can evidence a skill in words: its summary,
    experience, skills and project lines (and, for a resume stored before sections were kept,
    the skill evidence lines)."""
    out: list[str] = []
    for section in data.get("sections") or ():
        if section.get("kind") in _OWN_SECTIONS:
            out += [ln for ln in section.get("lines") or () if ln.strip()]
    if not data.get("sections"):
        for s in data.get("skills") or ():
            out += [ln for ln in s.get("evidence") or () if ln not in out]
    return out


@dataclass(frozen=True)
class AskFact:
    """A skill the posting asks for, with the posting lines that ask."""

    kind: str
    id: str
    label: str
    required: bool
    lines: tuple[str, ...]
    surface: tuple[str, ...] = ()  # the posting's own words for it
    section: str = ""  # "required" | "preferred" | "duties"; "" read from ``required``

    @property
    def key(self) -> str:
        return fold_label(self.label)

    @property
    def part(self) -> str:
        """The component the ask belongs to: "required", "preferred" or "duties"."""
        if self.section in ("required", "preferred", "duties"):
            return "required" if self.required else self.section
        return "required" if self.required else "preferred"


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
    alternative: str | None = None  # "equivalent experience": what the posting takes instead


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
                    s.get("section") or "",
                )
                for s in data.get("skills") or ()
            ),
            requirements=tuple(
                RequirementFact(
                    r["kind"],
                    r["value"],
                    bool(r.get("required")),
                    r.get("evidence") or "",
                    r.get("alternative"),
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
    how: str = ""  # how it was met: one of :data:`HOW` ("" when missing)
    note: str = ""  # what the match rests on, for a person ("O*NET task of ...: ...")

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
        gaps = [m for m in self.missing if m.component in ("required", "preferred", "duties")]
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


_NEGATED_LINE = re.compile(r"\b(?:no|not|never|without|lack(?:s|ing)?|unfamiliar)\b", re.I)
_CLAUSES = re.compile(r"[;|\u2022\u00b7]|\s[-\u2013\u2014]\s")
_LIST_ITEMS = re.compile(r"[,;|\u2022\u00b7]|\s[-\u2013\u2014]\s")


def _phrases(group: Sequence[AskFact]) -> list[frozenset[str]]:
    """The word sets a group of asks can be met by: each label and each of the posting's own
    words for it, as stems (see :mod:`unstuck.core.lemma`)."""
    out: list[frozenset[str]] = []
    for ask in group:
        for text in (*ask.surface, ask.label):
            stems = content_stems(text)
            if stems and stems not in out:
                out.append(stems)
    return out


@dataclass(frozen=True)
class _Clause:
    stems: frozenset[str]
    line: str


def _clauses(resume: ResumeFacts) -> list[_Clause]:
    """The resume's own lines cut into clauses (list items in a skills line, the parts of a
    bullet between semicolons), each as stems; lines that negate ("no experience with") are
    left out, as the readers leave out negated mentions, and so are the lines that date a
    position (the employer's name is not a skill: "Carolina Parcel Logistics")."""
    out = []
    positions = {p.line for p in resume.positions}  # employers and places are not skills
    for line in resume.lines:
        if _NEGATED_LINE.search(line) or line in positions:
            continue
        listed = line.count(",") >= 2 and len(line.split()) <= 4 * (line.count(",") + 1)
        for part in (_LIST_ITEMS if listed else _CLAUSES).split(line):
            stems = content_stems(part)
            if stems:
                out.append(_Clause(stems, line))
    return out


#: words in O*NET's task statements that name people the work is done with or for, not the
#: work ("Confer with project managers" is no evidence of managing a project)
PEOPLE = frozenset(
    """manager managers supervisor supervisors director directors leader leaders coordinator
    coordinators officer officers administrator administrators executive executives
    customer customers client clients employee employees worker workers staff personnel
    colleague colleagues""".split()
)


def work_stems(text: str) -> frozenset[str]:
    """The stems of a task statement's words, the people it names left out (:data:`PEOPLE`)."""
    kept = " ".join(w for w in re.findall(r"[A-Za-z'’]+", text) if w.lower() not in PEOPLE)
    return content_stems(kept)


class TaskLanguage:
    """O*NET's tasks and detailed work activities over every occupation, to tell how common a
    phrase is in the work: :meth:`share` is the share of occupations whose work has a task
    holding every word of it ("data analysis": a quarter of them; "legal research": under one
    in a hundred)."""

    def __init__(self, work: Mapping[str, Iterable[str]]) -> None:
        self._tasks: dict[str, list[frozenset[str]]] = {}
        self._where: dict[str, set[str]] = {}  # stem -> occupations whose work has it
        for code, texts in work.items():
            stems = [work_stems(t) for t in texts]
            self._tasks[code] = [s for s in stems if s]
            for one in stems:
                for w in one:
                    self._where.setdefault(w, set()).add(code)
        self._shares: dict[frozenset[str], float] = {}

    def __len__(self) -> int:
        return len(self._tasks)

    def share(self, phrase: frozenset[str]) -> float:
        if not self._tasks or not phrase:
            return 0.0
        if phrase not in self._shares:
            codes = set.intersection(*(self._where.get(w, set()) for w in phrase))
            n = sum(1 for c in codes if any(phrase <= t for t in self._tasks[c]))
            self._shares[phrase] = n / len(self._tasks)
        return self._shares[phrase]


@dataclass(frozen=True)
class _Task:
    fact: TaskFact
    stems: frozenset[str]


def _resembles(phrase: frozenset[str], posting_line: frozenset[str], task: frozenset[str]) -> bool:
    """A requirement is phrased like a task: every word of the skill named is in the task, and
    either the skill has two words or more ("legal research" in "Research relevant legal
    materials") or the posting's line shares at least three words, and half of its words,
    with the task. A tool the duty names but the task does not ("Epic") is never met so."""
    if not phrase or not phrase <= task:
        return False
    if len(phrase) >= 2:
        return True
    shared = len(posting_line & task)
    return shared >= 3 and shared >= 0.5 * len(posting_line)


def _skill_items(
    asks: Sequence[AskFact], resume: ResumeFacts, language: TaskLanguage | None = None
) -> list[tuple[str, MatchItem]]:
    """One item per group of asks (see :func:`skill_groups`), met by, in this order:

    - **same skill**: the resume's evidence for any concept in the group (same vocabulary id,
      or the same label folded); evidence that is only hedged ("familiar with") earns
      :data:`WEAK_CREDIT`;
    - **same words**: a clause of the resume's own lines holding every word of the skill's
      label or of the posting's words for it, as stems ("Administered medications" meets
      "medication administration");
    - **task language**: the posting's words are phrased like a task or detailed work
      activity O*NET lists for an occupation a resume position maps to (see
      :func:`_resembles`) and distinctive of the work (in the work of at most
      :data:`MAX_TASK_SHARE` of all occupations, when ``language`` tells); the position's line
      is the evidence, for :data:`TASK_CREDIT`.

    Each item comes with the component it belongs to: "required", "preferred", or "duties"
    for a skill the posting names only in what the job involves."""
    by_id, by_label = _skill_index(resume)
    clauses = _clauses(resume)
    tasks = [_Task(t, work_stems(t.text)) for t in resume.tasks]
    items: list[MatchItem] = []
    parts: list[str] = []
    for group in skill_groups(asks):
        found = None
        for ask in group:
            found = by_id.get((ask.kind, ask.id)) or by_label.get(ask.key)
            if found is not None and found.lines:
                break
        lead = group[0]
        part = min((a.part for a in group), key=("required", "preferred", "duties").index)
        lines = found.lines if found is not None and found.lines else None
        credit = (
            0.0 if lines is None else (WEAK_CREDIT if found and found.strength == "weak" else 1.0)
        )
        how, note = ("skill", "") if lines else ("", "")
        concept = (found.kind, found.id) if found is not None and lines else (lead.kind, lead.id)
        if lines is None:
            phrases = _phrases(group)
            hit = next((c for p in phrases for c in clauses if p <= c.stems), None)
            if hit is not None:
                lines, credit, how = (hit.line,), 1.0, "words"
            else:
                asked = content_stems(" ".join(dict.fromkeys(ln for a in group for ln in a.lines)))
                task = next(
                    (t for t in tasks if t.fact.lines and
                     any(_resembles(p, asked, t.stems) and
                         (language is None or language.share(p) <= MAX_TASK_SHARE)
                         for p in phrases)),
                    None,
                )  # fmt: skip
                if task is not None:
                    lines, credit, how = task.fact.lines, TASK_CREDIT, "task"
                    note = f"O*NET, {task.fact.occupation}: {task.fact.text}"
        items.append(
            MatchItem(
                lead.surface[0] if lead.surface else lead.label,
                lines,
                credit,
                part == "required",
                lead.lines[0] if lead.lines else None,
                concept,
                tuple((a.kind, a.id) for a in group),
                how,
                note,
            )
        )
        parts.append(part)
    return list(zip(parts, items, strict=True))


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


#: the reader's degree levels as ranks ("professional": a J.D., M.D., Pharm.D., a graduate
#: degree that meets a master's requirement but only a professional degree meets its own)
LEVEL_RANK = {"high school": 0, "certificate": 0.5, "associate": 1, "bachelor": 2, "master": 3,
              "professional": 3, "doctorate": 4}  # fmt: skip

#: abbreviations that name a degree's field as well as its level
_FIELD_ABBREVIATIONS = {
    "bsn": "nursing", "msn": "nursing", "adn": "nursing", "dnp": "nursing", "bsw": "social work",
    "msw": "social work", "mba": "business administration", "bba": "business administration",
    "med": "education", "bed": "education", "edd": "education", "jd": "law", "llm": "law",
    "bsee": "electrical engineering", "bsme": "mechanical engineering",
    "bsce": "civil engineering", "pharmd": "pharmacy", "dds": "dentistry", "dmd": "dentistry",
    "macc": "accounting", "mpa": "public administration", "mph": "public health",
}  # fmt: skip
_ABBREVIATION = re.compile(r"\b(" + "|".join(
    r"\.?".join(a) for a in sorted(_FIELD_ABBREVIATIONS, key=len, reverse=True)
) + r")\b\.?", re.I)  # fmt: skip
_FIELD_IN = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|master'?s?|associate'?s?|doctorate|ph\.?d\.?|b\.?s\.?|"
    r"b\.?a\.?|m\.?s\.?|m\.?a\.?)\s+(?:\w+\s+){0,2}?in\s+(?:an?\s+|the\s+)?"
    r"(?P<field>[A-Za-z][A-Za-z&/,' -]*?)"
    r"(?=\s*(?:$|[.;:()]|\b(?:or\s+(?:an?\s+)?(?:related|relevant|similar|equivalent|comparable)|"
    r"required|preferred|from|with|is|are|plus)\b))",
    re.I,
)
_VAGUE_FIELD = re.compile(r"\b(?:field|discipline|area|subject|quantitative|technical|relevant)\b",
                          re.I)  # fmt: skip
_RELATED = re.compile(r"\bor\s+(?:an?\s+)?(?:related|relevant|similar|comparable)\b", re.I)
_EQUIVALENT = re.compile(r"\bequivalent\b", re.I)


def degree_fields(text: str) -> tuple[tuple[str, ...], bool]:
    """The fields a degree requirement names ("Bachelor's degree in Business, Supply Chain or
    related field" -> ("Business", "Supply Chain"); "BSN preferred" -> ("nursing",)), and
    whether it takes a related field. No field: any field will do."""
    fields: list[str] = []
    m = _FIELD_IN.search(text)
    if m and not _VAGUE_FIELD.search(m.group("field")):
        for part in re.split(r",|/|\bor\b|\band\b", m.group("field")):
            part = part.strip(" -'")
            if part and part.lower() not in ("a", "an", "the"):
                fields.append(part)
    for a in _ABBREVIATION.finditer(text):
        name = _FIELD_ABBREVIATIONS[re.sub(r"[^a-z]", "", a.group(1).lower())]
        if name not in fields:
            fields.append(name)
    return tuple(fields), bool(_RELATED.search(text))


def _level_rank(e: EducationFact) -> float | None:
    if _UNFINISHED.search(e.line):
        return None
    if e.level in LEVEL_RANK:
        return LEVEL_RANK[e.level]
    return degree_rank(e.degree or e.line)


def _same_field(fields: Sequence[str], e: EducationFact) -> bool:
    held = " ".join(x for x in (e.field, e.degree, e.line) if x)
    held += " " + " ".join(_FIELD_ABBREVIATIONS[re.sub(r"[^a-z]", "", a.group(1).lower())]
                           for a in _ABBREVIATION.finditer(held))  # fmt: skip
    stems = content_stems(held)
    return any(content_stems(f) and content_stems(f) <= stems for f in fields)


def degree_item(
    req: RequirementFact,
    education: Sequence[EducationFact],
    years: float | None = None,
    dated: tuple[str, ...] = (),
) -> MatchItem:
    """A degree requirement against the resume's degrees: met by one at the level asked (or
    higher) in a field asked (any field when none is named, or when the posting takes a related
    one; :data:`OTHER_FIELD_CREDIT` for another field); a professional degree (J.D., M.D.) only
    by one. When the posting takes "or equivalent experience" and no degree meets it,
    ``years`` of relevant work stand in (:data:`EQUIVALENT_YEARS`; partial credit in
    proportion)."""
    level = req.value if req.value in LEVEL_RANK else None
    need = LEVEL_RANK[level] if level else degree_rank(req.value)
    fields, related = degree_fields(req.line)
    label = f"{req.value} degree" + (f" in {' or '.join(fields)}" if fields else "")
    best: tuple[float, str, str, EducationFact] | None = None
    for e in education:
        rank = _level_rank(e)
        if rank is None or need is None or rank < need:
            continue
        if level == "professional" and e.level != "professional":
            continue
        same = not fields or _same_field(fields, e)
        credit = 1.0 if same or related else OTHER_FIELD_CREDIT
        how = "degree" if rank == need else "higher degree"
        note = "" if same or not fields else (
            "a related field" if related else f"in {e.field or 'another field'}, not "
            + " or ".join(fields))  # fmt: skip
        if best is None or credit > best[0]:
            best = (credit, how, note, e)
    if best is not None and (best[0] >= 1.0 or not (req.alternative or _EQUIVALENT.search(
            req.line))):  # fmt: skip
        credit, how, note, e = best
        return MatchItem(label, (e.line,), credit, req.required, req.line, how=how, note=note)
    want_years = EQUIVALENT_YEARS.get(level or "")
    if want_years and (req.alternative or _EQUIVALENT.search(req.line)) and years and dated:
        credit = min(1.0, years / want_years)
        if best is None or credit > best[0]:
            return MatchItem(
                label, dated, round(credit, 3), req.required, req.line,
                how="equivalent experience",
                note=f"{years:g} years of work for the {want_years:g} a {level} degree "
                     "stands for",
            )  # fmt: skip
    if best is not None:
        credit, how, note, e = best
        return MatchItem(label, (e.line,), credit, req.required, req.line, how=how, note=note)
    return MatchItem(label, None, 0.0, req.required, req.line)


_LICENCE_WORDS = {"licence", "license", "licensed", "certification", "certified", "certificate",
                  "current", "active", "valid", "state"}  # fmt: skip


def licence_item(req: RequirementFact, resume: ResumeFacts) -> MatchItem:
    """A licence or certification requirement against the resume's certification lines (and
    the credentials after the name, "Dana Cruz, RN"): met when both name the same one of
    :data:`unstuck.core.credentials.CREDENTIALS` by name or abbreviation (any of the ones
    asked, "CSCP or CPIM"), :data:`OTHER_STATE_CREDIT` when the posting names a state and the
    line names only others; otherwise when the line holds every word of the requirement."""
    asked = credentials(req.value) or credentials(req.line)
    lines = [*resume.certifications, *([resume.name_line] if resume.name_line else [])]
    if asked:
        want_states = states(req.value) or states(req.line)
        best: tuple[float, str, str] | None = None
        for line in lines:
            if not asked & credentials(line):
                continue
            held = states(line)
            other = bool(want_states and held and not want_states & held)
            credit = OTHER_STATE_CREDIT if other else 1.0
            note = f"held in {', '.join(sorted(held))}" if other else ""
            if best is None or credit > best[0]:
                best = (credit, line, note)
        if best is not None:
            return MatchItem(req.value, (best[1],), best[0], req.required, req.line,
                             how="licence", note=best[2])  # fmt: skip
    words = _words(req.value) - _LICENCE_WORDS
    found = tuple(c for c in resume.certifications if words and words <= _words(c))
    if found:
        return MatchItem(req.value, found, 1.0, req.required, req.line, how="words")
    return MatchItem(req.value, None, 0.0, req.required, req.line)


_STOP = frozenset("a an and the of for in at to with senior sr junior jr lead i ii iii iv".split())


def _words(title: str) -> set[str]:
    return {w for w in fold_label(title).split() if w not in _STOP}


#: words many job titles share that say little about the work ("Store Manager" and
#: "Operations Manager", "Warehouse Associate" and "Litigation Associate"): a title sharing only
#: these with the posting's counts half in the title component, and its years do not count
#: as years in this kind of work
GENERIC_TITLE_WORDS = frozenset(
    """manager associate assistant specialist coordinator technician representative
    supervisor director officer clerk worker staff member head chief principal""".split()
)


def _title_overlap(want: set[str], have: set[str]) -> float:
    """The share of the posting title's words in a resume title, halved when the words shared
    are only generic ones (:data:`GENERIC_TITLE_WORDS`)."""
    if not want:
        return 0.0
    shared = want & have
    share = len(shared) / len(want)
    return share / 2 if shared <= GENERIC_TITLE_WORDS else share


def _component(name: str, items: list[MatchItem], note: str = "") -> Component:
    if not items:
        return Component(name, 0.0, 0.0, (), False, note or "nothing to check")
    score = 100.0 * sum(i.credit for i in items) / len(items)
    return Component(name, round(score, 1), 0.0, tuple(items), True, note)


def match(
    resume: ResumeFacts,
    posting: PostingFacts,
    *,
    now_month: int,
    language: TaskLanguage | None = None,
) -> MatchResult:
    """Score ``resume`` against ``posting`` (see the module docstring). ``now_month`` is the
    current month (year * 12 + month - 1), for positions that run to the present.
    ``language``: O*NET's work over every occupation, so that only a phrase distinctive of the
    work (:data:`MAX_TASK_SHARE`) counts as task language; None: every phrase does."""
    comps: dict[str, Component] = {}
    skill_items = _skill_items(posting.skills, resume, language)
    for name in ("required", "preferred", "duties"):
        comps[name] = _component(name, [i for part, i in skill_items if part == name])

    exp_items = []
    # years in this kind of work: every position when the resume's titles map to the
    # posting's occupation, otherwise the positions whose title shares a word with the
    # posting's other than a generic one (a store manager's years are not a paralegal's, nor
    # an operations manager's)
    positions = resume.positions
    if posting.title and not (set(posting.occupation_codes[:1]) & set(resume.occupation_codes)):
        want = _words(posting.title)
        positions = tuple(
            p for p in positions if (want & _words(p.title or "")) - GENERIC_TITLE_WORDS
        )
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
                how="years" if credit > 0 else "",
            )
        )
    comps["experience"] = _component(
        "experience", exp_items, "" if have is None else f"{have:g} years in dated positions"
    )

    edu_items = []
    for req in posting.requirements:
        if req.kind == "degree":
            edu_items.append(degree_item(req, resume.education, have, dated))
        elif req.kind == "licence":
            edu_items.append(licence_item(req, resume))
    comps["education"] = _component("education", edu_items)

    title_items = []
    if posting.title:
        titled = [p for p in resume.positions if p.title]
        if posting.occupation_codes and set(posting.occupation_codes[:1]) & set(
            resume.occupation_codes
        ):
            best = next((p for p in titled), None)
            title_items.append(
                MatchItem(
                    posting.title,
                    (best.line,) if best else (),
                    1.0,
                    True,
                    posting.title,
                    how="title",
                    note="the same occupation",
                )  # fmt: skip
            )
        else:
            want = _words(posting.title)
            scored = sorted(
                ((_title_overlap(want, _words(p.title or "")), i, p) for i, p in enumerate(titled)),
                key=lambda t: (-t[0], t[1]),
            )
            if scored and scored[0][0] > 0:
                credit, _, p = scored[0]
                title_items.append(
                    MatchItem(
                        posting.title,
                        (p.line,),
                        round(credit, 3),
                        True,
                        posting.title,
                        how="title",
                        note="words of the title",
                    )  # fmt: skip
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
