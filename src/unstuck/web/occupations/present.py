"""Turning occupations and search matches into what the templates print.

Templates stay free of arithmetic and of the "missing is not zero" rule: every number reaches
them as a :class:`~unstuck.report.bars.Bar` (the one bar model of every page) or a ready
string, and a value the source does not publish becomes the words "not published", never 0.
Bars are drawn with ``{% bar %}`` (:mod:`unstuck.web.bars`) and always sit next to their value
in text, so a screen reader reads the number and the drawing is decoration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from unstuck.core.occupations import Occupation, Outlook, Rating, Wages
from unstuck.report.bars import NOT_PUBLISHED, Bar

if TYPE_CHECKING:
    from unstuck.core.titles import TitleMatch
    from unstuck.knowledge.store import KnowledgeBase

TOP = 10  # ratings and tasks shown before "show all"

# Scale ranges, from O*NET's Scales Reference.
IMPORTANCE = (1.0, 5.0)
LEVEL = (0.0, 7.0)
INTEREST = (1.0, 7.0)
EXTENT = (1.0, 7.0)
PERCENT = (0.0, 100.0)

SOURCE_LABELS = {
    "title": "titled",
    "alternate": "also called",
    "reported": "also called",  # a title reported by workers in O*NET's surveys
    "esco": "in ESCO",
}


@dataclass(frozen=True)
class RatingRow:
    element_id: str
    name: str
    importance: Bar
    level: Bar
    hint: str | None  # an O*NET level anchor close to this occupation's level
    hint_level: float | None


@dataclass(frozen=True)
class ScoreRow:
    name: str
    bar: Bar


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    detail: str | None = None


@dataclass(frozen=True)
class RelatedRow:
    code: str
    title: str
    known: bool  # in this knowledge base, so it can be linked
    tier: str | None


@dataclass(frozen=True)
class Profile:
    occupation: Occupation
    facts: tuple[Fact, ...]
    typical_education: str | None
    education: tuple[ScoreRow, ...]
    education_zero: int
    skills: tuple[RatingRow, ...]
    knowledge: tuple[RatingRow, ...]
    work_styles: tuple[ScoreRow, ...]
    interests: tuple[ScoreRow, ...]
    work_values: tuple[ScoreRow, ...]
    wages: tuple[Fact, ...] | None
    outlook: tuple[Fact, ...] | None
    hot_technologies: tuple[tuple[str, bool], ...]
    other_technologies: int
    related: tuple[RelatedRow, ...]
    top: int = TOP


@dataclass(frozen=True)
class Result:
    code: str
    title: str
    matched: str | None  # the title that matched, when it is not the occupation's own
    matched_as: str | None
    summary: str | None
    job_zone: int | None


def money(value: float | None, cents: bool = False) -> str:
    if value is None:
        return NOT_PUBLISHED
    return f"${value:,.2f}" if cents else f"${value:,.0f}"


def per(value: float | None, unit: str, cents: bool = False) -> str:
    """``$97,550 a year``; a missing value is "not published", with no unit stuck to it."""
    return NOT_PUBLISHED if value is None else f"{money(value, cents)} {unit}"


def wage_range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{money(low)} to {money(high)}"
    if low is None and high is None:
        return NOT_PUBLISHED
    if low is None:
        return f"up to {money(high)} (10th percentile not published)"
    return f"from {money(low)} (90th percentile not published)"


def first_sentence(text: str | None, limit: int = 180) -> str | None:
    if not text:
        return None
    end = text.find(". ")
    sentence = text if end == -1 else text[: end + 1]
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence


def _level_note(rating: Rating) -> str | None:
    if rating.not_relevant:
        return "not relevant to this occupation"
    if rating.suppressed:
        return "not published (too imprecise)"
    return None


def _rating_rows(ratings: tuple[Rating, ...], kb: KnowledgeBase) -> tuple[RatingRow, ...]:
    rows = []
    for r in ratings:
        level_note = _level_note(r)
        level = None if level_note else r.level
        hint = hint_level = None
        if level is not None:
            anchors = kb.level_anchors(r.element_id)
            if anchors:
                nearest = min(anchors, key=lambda a: abs(a.value - level))
                hint, hint_level = nearest.description, nearest.value
        rows.append(
            RatingRow(
                element_id=r.element_id,
                name=r.name,
                importance=Bar(r.importance, *IMPORTANCE),
                level=Bar(level, *LEVEL, note=level_note),
                hint=hint,
                hint_level=hint_level,
            )
        )
    return tuple(rows)


def _wage_facts(w: Wages) -> tuple[Fact, ...]:
    where = f"{w.area}, {w.year}"
    facts = [
        Fact("Median pay", per(w.annual_median, "a year"), where),
        Fact(
            "Pay range",
            wage_range(w.annual_p10, w.annual_p90),
            "10th to 90th percentile: most workers earn within this range",
        ),
        Fact("Median hourly pay", per(w.hourly_median, "an hour", cents=True)),
        Fact(
            "Jobs",
            NOT_PUBLISHED if w.employment is None else f"{w.employment:,.0f}",
            where,
        ),
    ]
    if w.note:
        facts.append(Fact("Note", w.note))
    return tuple(facts)


def _outlook_facts(o: Outlook) -> tuple[Fact, ...]:
    change = NOT_PUBLISHED if o.change_percent is None else f"{o.change_percent:+.1f}%"
    openings = (
        NOT_PUBLISHED
        if o.openings_per_year is None
        else f"{o.openings_per_year * 1000:,.0f} a year"
    )
    facts = [
        Fact("Projected growth", change, o.period),
        Fact("Job openings", openings, "average per year, including replacing people who leave"),
    ]
    if o.employment_start is not None and o.employment_end is not None:
        facts.append(
            Fact(
                "Jobs",
                f"{o.employment_start * 1000:,.0f} to {o.employment_end * 1000:,.0f}",
                o.period,
            )
        )
    if o.typical_education:
        facts.append(Fact("Typical education to enter", o.typical_education, "BLS"))
    if o.note:
        facts.append(Fact("Note", o.note))
    return tuple(facts)


def profile(occ: Occupation, kb: KnowledgeBase) -> Profile:
    """Everything the occupation page prints, in the order it prints it."""
    published = [e for e in occ.education if e.percent is not None]
    typical = max(published, key=lambda e: e.percent or 0.0) if published else None
    typical_text = f"{typical.label} ({typical.percent:.0f}% of workers)" if typical else None
    shown_education = [e for e in occ.education if e.percent is None or e.percent > 0]

    facts = [
        Fact(
            "Preparation",
            f"Job Zone {occ.job_zone.zone} of 5" if occ.job_zone else NOT_PUBLISHED,
            _zone_name(occ.job_zone.name) if occ.job_zone else None,
        ),
        Fact("Most common education", typical_text or NOT_PUBLISHED),
        Fact(
            "Median pay",
            _headline_pay(occ.wages) if occ.wages else "not loaded",
        ),
        Fact(
            "Projected growth",
            (
                NOT_PUBLISHED
                if occ.outlook.change_percent is None
                else f"{occ.outlook.change_percent:+.1f}%"
            )
            if occ.outlook
            else "not loaded",
            occ.outlook.period if occ.outlook else None,
        ),
    ]
    hot = tuple((t.example, t.in_demand) for t in occ.hot_technologies)
    return Profile(
        occupation=occ,
        facts=tuple(facts),
        typical_education=typical_text,
        education=tuple(ScoreRow(e.label, Bar(e.percent, *PERCENT)) for e in shown_education),
        education_zero=len(occ.education) - len(shown_education),
        skills=_rating_rows(occ.skills, kb),
        knowledge=_rating_rows(occ.knowledge, kb),
        work_styles=tuple(
            ScoreRow(r.name, Bar(r.importance, *IMPORTANCE)) for r in occ.work_styles
        ),
        interests=tuple(ScoreRow(i.name, Bar(i.score, *INTEREST)) for i in occ.interests),
        work_values=tuple(ScoreRow(v.name, Bar(v.extent, *EXTENT)) for v in occ.work_values),
        wages=_wage_facts(occ.wages) if occ.wages else None,
        outlook=_outlook_facts(occ.outlook) if occ.outlook else None,
        hot_technologies=hot,
        other_technologies=len(occ.technology) - len(hot),
        related=tuple(RelatedRow(r.code, r.title, r.code in kb, r.tier) for r in occ.related),
    )


def _headline_pay(w: Wages) -> str:
    # Some occupations are paid by the hour only (BLS publishes no annual figure).
    if w.annual_median is None and w.hourly_median is not None:
        return per(w.hourly_median, "an hour", cents=True)
    return per(w.annual_median, "a year")


def _zone_name(name: str | None) -> str | None:
    # "Job Zone Four: Considerable Preparation Needed" -> "Considerable preparation needed"
    if not name:
        return None
    tail = name.split(":", 1)[-1].strip()
    return tail[:1].upper() + tail[1:].lower()


def results(matches: list[TitleMatch], kb: KnowledgeBase) -> list[Result]:
    out = []
    for m in matches:
        own_title = m.matched.casefold() == m.title.casefold()
        out.append(
            Result(
                code=m.code,
                title=m.title,
                matched=None if own_title else m.matched,
                matched_as=None if own_title else SOURCE_LABELS.get(m.source, m.source),
                summary=first_sentence(kb.descriptions.get(m.code)),
                job_zone=kb.job_zones.get(m.code),
            )
        )
    return out
