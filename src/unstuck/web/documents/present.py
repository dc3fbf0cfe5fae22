"""What the resume and posting templates show, shaped from the stored rows and the core's results.

Kept apart from the views so they stay thin, and from the core because this is presentation:
labels, rounding so the parts add up to the total shown, and evidence lines split into pieces
with the words that show a requirement marked (the template wraps those in ``<mark>``; every
piece is still autoescaped).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from unstuck.core.market import MarketSummary, PayRange
from unstuck.core.match import HOW, MatchItem, MatchResult
from unstuck.report.bars import Bar

TAILOR_FORMATS = {"md": "Markdown", "docx": "Word (.docx)", "json": "JSON Resume"}

COMPONENT_LABELS = {
    "required": "Required skills",
    "preferred": "Preferred skills",
    "duties": "Skills the duties name",
    "experience": "Years of experience",
    "education": "Education and licences",
    "title": "Job title",
}

SOURCE_LABELS = {
    "pdf": "PDF",
    "docx": "Word document",
    "linkedin": "LinkedIn export",
    "json-resume": "JSON Resume",
    "text": "text",
}

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹", "JPY": "¥"}
_PERIODS = {"year": "a year", "month": "a month", "week": "a week", "day": "a day",
            "hour": "an hour"}


# -- rows ----------------------------------------------------------------------------------------


def resume_row(resume: Any) -> dict[str, Any]:
    """A resume as a list shows it; from a summary (:func:`services.resume_summaries`) when
    it is one, so the parsed content is never loaded for a label."""
    name = resume.summary_name if hasattr(resume, "summary_name") else resume.name
    return {
        "pk": resume.pk,
        "label": f"{resume.filename}" + (f" ({name})" if name else ""),
        "filename": resume.filename,
        "source": SOURCE_LABELS.get(resume.kind, resume.kind),
        "uploaded": resume.uploaded_at,
    }


def pay_text(pay: Mapping[str, Any] | None) -> str | None:
    if not pay or pay.get("minimum") is None:
        return None
    low, high = pay["minimum"], pay.get("maximum")
    figure = money(low, pay.get("currency"))
    if high is not None and high != low:
        figure += "–" + money(high, pay.get("currency"))
    period = _PERIODS.get(pay.get("period") or "")
    return figure + (f" {period}" if period else " (period not stated)")


def money(value: float, currency: str | None) -> str:
    digits = f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:,.2f}"
    symbol = _SYMBOLS.get(currency or "")
    if symbol:
        return symbol + digits
    return f"{digits} {currency}" if currency else digits


def posting_row(posting: Any, titles: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A posting as a list shows it; from a summary (:func:`services.posting_summaries`) when
    it is one, so the parsed content is never loaded for a list."""
    if hasattr(posting, "summary_title"):
        title, employer = _text(posting.summary_title), _text(posting.summary_employer)
        location, pay = _text(posting.summary_location), posting.summary_pay
        skills = posting.summary_skills or 0
    else:
        parsed = posting.parsed or {}
        title, employer, location = posting.title, posting.employer, parsed.get("location")
        pay, skills = parsed.get("pay"), len(parsed.get("skills") or ())
    return {
        "pk": posting.pk,
        "title": title,
        "employer": employer,
        "location": location,
        "pay": pay_text(pay if isinstance(pay, Mapping) else None),
        "source": posting.source or "pasted text",
        "target_code": posting.target_code,
        "target_title": (titles or {}).get(posting.target_code),
        "skill_count": skills,
    }


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def target_rows(
    counts: Iterable[tuple[str, int]], titles: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """The occupations postings were kept for, from :func:`services.target_counts`."""
    return [{"code": code, "title": (titles or {}).get(code), "count": n} for code, n in counts]


def targets(
    postings: Iterable[Any], titles: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for p in postings:
        if p.target_code:
            counts[p.target_code] = counts.get(p.target_code, 0) + 1
    return [
        {"code": code, "title": (titles or {}).get(code), "count": n}
        for code, n in sorted(counts.items())
    ]


# -- problems ------------------------------------------------------------------------------------


def resume_problem(reason: str) -> str:
    reason = reason.strip().rstrip(".")
    return f"This file could not be read as a resume: {reason}. Nothing was saved."


def posting_problem(reason: str) -> str:
    reason = reason.strip().rstrip(".")
    return f"The posting could not be added: {reason}. Nothing was saved."


# -- the confirm page ----------------------------------------------------------------------------


def _dates(p: Mapping[str, Any]) -> str:
    start = p.get("start")
    end = "present" if p.get("current") else p.get("end")
    if start and end:
        return f"{start} – {end}"
    return start or end or "dates not found"


def resume_read(resume: Any) -> dict[str, Any]:
    parsed = resume.parsed or {}
    positions = [
        {
            "title": p.get("title"),
            "employer": p.get("employer"),
            "dates": _dates(p),
            "evidence": p.get("evidence"),
        }
        for p in parsed.get("positions") or ()
    ]
    education = []
    for e in parsed.get("education") or ():
        parts = [x for x in (e.get("degree"), e.get("field"), e.get("school"), e.get("end")) if x]
        education.append({"text": ", ".join(parts) or e.get("evidence") or "",
                          "evidence": e.get("evidence")})
    certifications = [
        {"text": ", ".join(x for x in (c.get("name"), c.get("issuer"), c.get("date")) if x)}
        for c in parsed.get("certifications") or ()
    ]
    return {"positions": positions, "education": education, "certifications": certifications}


def _named_choices(items: Any) -> list[dict[str, Any]]:
    """Suggestions known by their name (technology, credentials): ticked unless already in the
    profile, each with the resume lines that show it."""
    return [
        {
            "key": t["name"],
            "label": t["name"],
            "evidence": t.get("evidence") or (),
            "checked": not t.get("in_profile"),
            "note": "already in your profile" if t.get("in_profile") else "",
        }
        for t in items
    ]


def suggestion_view(suggestions: Mapping[str, Any]) -> dict[str, Any]:
    """The confirm page's choices: occupations (radio), skill areas and technology (ticked
    unless already in the profile, each with the resume lines that show it)."""
    occupations = [
        {
            "code": o["code"],
            "title": o["title"],
            "why": (f"From “{o['position']}”" if o.get("position") else "")
            + (f", {o['years']:g} years in dated positions" if o.get("years") else ""),
        }
        for o in suggestions.get("occupations") or ()
    ]
    skills = [
        {
            "key": s["element_id"],
            "label": s["name"],
            "evidence": s.get("evidence") or (),
            # one with no typical level is added only if the chosen occupation gives it one
            "checked": not s.get("in_profile") and s.get("level") is not None,
            "note": "already in your profile"
            if s.get("in_profile")
            else (f"{s['domain']}" + ("" if s.get("level") is not None else ", no typical level")),
        }
        for s in suggestions.get("skills") or ()
    ]
    technology = _named_choices(suggestions.get("technology") or ())
    education = suggestions.get("education")
    credentials = _named_choices(suggestions.get("credentials") or ())
    return {
        "occupations": occupations,
        "groups": [
            {
                "name": "education",
                "label": "Education",
                "items": []
                if education is None
                else [
                    {
                        "key": "yes",
                        "label": f"Highest education: {education['degree']}",
                        "evidence": education.get("evidence") or (),
                        "checked": True,
                        "note": "",
                    }
                ],
                "hint": "Sets the highest education in your profile (it is never lowered).",
            },
            {
                "name": "credentials",
                "label": "Licences and certifications",
                "items": credentials,
                "hint": "Added to the credentials in your profile: a plan does not send you to "
                "earn what you hold.",
            },
            {
                "name": "skills",
                "label": "Skill and knowledge areas",
                "items": skills,
                "hint": "Added at the typical level for your occupation; you can change the level "
                "in your profile. An area with no typical level is not added.",
            },
            {
                "name": "technology",
                "label": "Tools and technology",
                "items": technology,
                "hint": "Added to the technology list in your profile.",
            },
        ],
    }


def accepted_from(post: Any, suggestions: Mapping[str, Any]) -> dict[str, Any]:
    """What the person ticked, limited to what was offered (a forged value is dropped)."""
    codes = {o["code"] for o in suggestions.get("occupations") or ()}
    skills = {s["element_id"] for s in suggestions.get("skills") or ()}
    tech = {t["name"] for t in suggestions.get("technology") or ()}
    creds = {c["name"] for c in suggestions.get("credentials") or ()}
    code = post.get("occupation") or None
    return {
        "occupation": code if code in codes else None,
        "skills": [e for e in dict.fromkeys(post.getlist("skills")) if e in skills],
        "technology": [t for t in dict.fromkeys(post.getlist("technology")) if t in tech],
        "education": post.get("education") == "yes" and suggestions.get("education") is not None,
        "credentials": [c for c in dict.fromkeys(post.getlist("credentials")) if c in creds],
    }


def applied_summary(accepted: Mapping[str, Any], suggestions: Mapping[str, Any]) -> list[str]:
    titles = {o["code"]: o["title"] for o in suggestions.get("occupations") or ()}
    names = {s["element_id"]: s["name"] for s in suggestions.get("skills") or ()}
    out = []
    if accepted.get("occupation"):
        code = accepted["occupation"]
        out.append(f"Current occupation set to {titles.get(code, code)} ({code}).")
    if accepted.get("skills"):
        out.append("Skill and knowledge areas: "
                   + ", ".join(names.get(e, e) for e in accepted["skills"]) + ".")
    if accepted.get("technology"):
        out.append("Technology: " + ", ".join(accepted["technology"]) + ".")
    education = suggestions.get("education")
    if accepted.get("education") and education is not None:
        out.append(f"Highest education set to {education['degree']}.")
    if accepted.get("credentials"):
        out.append("Licences and certifications: " + ", ".join(accepted["credentials"]) + ".")
    return out


# -- the match page ------------------------------------------------------------------------------


def shown_points(values: Sequence[float], total: float, places: int = 1) -> list[float]:
    """``values`` rounded to ``places`` so that they add up to ``total`` rounded the same way
    (largest remainder): the parts on the page add up to the score on the page."""
    scale = 10**places
    target = round(total * scale)
    floors = [math.floor(v * scale) for v in values]
    short = target - sum(floors)
    order = sorted(range(len(values)), key=lambda i: -(values[i] * scale - floors[i]))
    for i in order[: max(0, short)]:
        floors[i] += 1
    return [f / scale for f in floors]


def pieces(line: str, words: Iterable[str]) -> list[tuple[str, bool]]:
    """``line`` cut into ``(text, marked)`` pieces, the occurrences of ``words`` marked (case
    folded, whole words); the whole line marked when none of them occurs in it."""
    terms = sorted({w for w in words if w and w.strip()}, key=len, reverse=True)
    spans: list[tuple[int, int]] = []
    for term in terms:
        pattern = r"(?<![\w])" + re.escape(term) + r"(?![\w])"
        for m in re.finditer(pattern, line, re.IGNORECASE):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    if not spans:
        return [(line, True)]
    spans.sort()
    out: list[tuple[str, bool]] = []
    at = 0
    for s, e in spans:
        if s > at:
            out.append((line[at:s], False))
        out.append((line[s:e], True))
        at = e
    if at < len(line):
        out.append((line[at:], False))
    return out


def _surfaces(resume: Any) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for s in (resume.parsed or {}).get("skills") or ():
        words = list(s.get("surface") or ()) + [s.get("label") or ""]
        out[(s.get("kind"), s.get("id"))] = words
    return out


def _asked(line: str | None, requirement: str) -> str | None:
    """The posting's line, without its list bullet; None when it only repeats the item."""
    if not line:
        return None
    line = line.lstrip("•·-*–— \t")
    return None if line == requirement else line


def _position_line(position: Mapping[str, Any]) -> str:
    """A position as one line: its title and employer with the line holding its dates (which
    is what the reader keeps as its evidence)."""
    head = ", ".join(x for x in (position.get("title"), position.get("employer")) if x)
    line = position.get("evidence") or ""
    return f"{head} ({line})" if head and head not in line else line


def how_text(item: MatchItem) -> str | None:
    """How a met item was met, for a person ("task language (O*NET, Registered Nurses: ...)")."""
    if not item.met or not item.how:
        return None
    how = HOW.get(item.how, item.how)
    return f"{how} ({item.note})" if item.note else how


def match_view(result: MatchResult, resume: Any) -> dict[str, Any]:
    surfaces = _surfaces(resume)
    positions = {p.get("evidence"): p for p in (resume.parsed or {}).get("positions") or ()}
    shown = [c for c in result.components.values() if c.shown]
    points = shown_points([c.score * c.weight for c in shown], result.score)
    components = []
    for c, pts in zip(shown, points, strict=True):
        items = []
        for item in c.items:
            words: list[str] = []
            if item.concept is not None:
                words = surfaces.get(item.concept, []) + [item.requirement]
            elif c.name == "title":
                words = [p.get("title") or "" for p in positions.values()]
            texts = [
                _position_line(positions[line]) if line in positions else line
                for line in item.lines or ()
            ]
            lines = [pieces(text, words) for text in texts] if item.met else []
            items.append(
                {
                    "label": item.requirement,
                    "required": item.required,
                    "met": item.met,
                    "partial": item.met and item.credit < 1,
                    "credit": round(item.credit * 100),
                    "lines": lines,
                    "asked": _asked(item.posting_line, item.requirement),
                    "how": how_text(item),
                }
            )
        components.append(
            {
                "name": c.name,
                "label": COMPONENT_LABELS.get(c.name, c.name),
                "percent": f"{c.score:.0f}",
                "weight": f"{c.weight * 100:.0f}%",
                "points": f"{pts:.1f}",
                "bar": Bar(
                    c.score, 0.0, 100.0, words=f"{pts:.1f}", cap=c.weight, digits=2, look="match"
                ),
                "note": c.note,
                "items": items,
            }
        )
    unscored = [COMPONENT_LABELS.get(c.name, c.name) for c in result.components.values()
                if not c.shown]
    missing = [
        f"{m.requirement} ({COMPONENT_LABELS.get(m.component, m.component).lower()}"
        + (", preferred)" if not m.required and m.component != "duties" else ")")
        for m in result.missing
    ]
    return {
        "total": f"{result.score:.1f}",
        "components": components,
        "unscored": unscored,
        "missing": missing,
    }


# -- the market page -----------------------------------------------------------------------------


def _pay_range(r: PayRange) -> dict[str, Any]:
    figure = money(r.low, r.currency)
    if r.high != r.low:
        figure += "–" + money(r.high, r.currency)
    period = _PERIODS.get(r.period or "", "(period not stated)")
    return {
        "text": f"{figure} {period}",
        "median": f"{money(r.median_mid, r.currency)} {period}",
        "stated": r.postings,
        "currency": r.currency or "currency not stated",
    }


def market_view(summary: MarketSummary, title: str | None = None) -> dict[str, Any]:
    return {
        "title": title,
        "postings": summary.postings,
        "coverage": None if summary.coverage is None else f"{summary.coverage:.0f}",
        "skills": [
            {
                "label": s.label,
                "count": s.postings,
                "required": s.required,
                "percent": f"{s.percent:.0f}",
                "bar": Bar(
                    s.percent,
                    0.0,
                    100.0,
                    words=f"{s.percent:.0f}%",
                    hidden=", on your resume" if s.covered else ", not on your resume",
                    digits=None,
                    look="frequency",
                ),
                "covered": s.covered,
                "evidence": s.evidence[0] if s.evidence else None,
            }
            for s in summary.skills
        ],
        "pairs": [
            {"a": p.a, "b": p.b, "count": p.postings, "percent": f"{p.percent:.0f}"}
            for p in summary.pairs
        ],
        "pay": [_pay_range(r) for r in summary.pay],
        "without_pay": summary.without_pay,
    }
