"""The Python API for resumes and job postings, shared by the web pages and the CLI.

Reading is :mod:`unstuck.text.resume` / :mod:`unstuck.text.posting`, scoring
:mod:`unstuck.core.match` and :mod:`unstuck.core.market`, tailoring :mod:`unstuck.text.tailor`;
this module stores and retrieves through the Django models and keeps two promises:

- **nothing is stored half-way.** A file is parsed in full before the database is touched, and
  a batch of postings is stored only when every posting in it reads (one transaction); a bad
  input raises the reader's error (:class:`~unstuck.text.resume.ResumeError`,
  :class:`~unstuck.text.posting.PostingError`) and the store is unchanged;
- **the profile changes only with consent.** :func:`profile_suggestions` says what a resume
  suggests (occupation, skill areas, technology, each with the lines that show it) and
  :func:`apply_suggestions` applies only what the person accepted.

**Stored form.** ``parsed`` is the reader's result as JSON: skills are ``{kind, id, label,
strength, years, surface, evidence}`` (``surface``: the words the document used; ``evidence``:
the lines), so :class:`~unstuck.core.match.ResumeFacts` and
:class:`~unstuck.core.match.PostingFacts` read it back without the knowledge base.

**Suggestions** (:func:`profile_suggestions`) are a dict::

    {"occupations": [{"code", "title", "score", "position", "evidence", "years"}],  # best first
     "skills": [{"element_id", "name", "domain", "evidence", "level"}],   # O*NET skill areas
     "technology": [{"name", "evidence", "in_profile"}],
     "education": {"level", "degree", "evidence"} or None,   # only when it says more
     "credentials": [{"name", "evidence", "in_profile"}]}     # licences and certifications

and :func:`apply_suggestions` takes ``{"occupation": code or None, "skills": [element ids],
"technology": [names], "education": bool, "credentials": [names]}``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count, Func, IntegerField, QuerySet
from django.db.models.fields.json import KT, KeyTransform
from django.utils import timezone

from unstuck.app.documents import models
from unstuck.core import market as core_market
from unstuck.core import match as core_match
from unstuck.text.posting import PostingError
from unstuck.text.resume import ResumeError
from unstuck.text.stored import posting_to_dict, resume_to_dict

if TYPE_CHECKING:
    from unstuck.knowledge.store import KnowledgeBase
    from unstuck.text.extract import Extractor
    from unstuck.text.posting import Posting as ParsedPosting

__all__ = [
    "PostingError",
    "ResumeError",
    "add_postings",
    "apply_suggestions",
    "delete_posting",
    "delete_resume",
    "get_posting",
    "get_resume",
    "import_resume",
    "list_postings",
    "list_resumes",
    "market",
    "match",
    "profile_suggestions",
    "tailor",
]

BATCH_SUFFIXES = (".csv", ".jsonl", ".ndjson")
TAILOR_TYPES = {
    "md": ("text/markdown; charset=utf-8", "md"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "json": ("application/json", "json"),
}


def _kb() -> KnowledgeBase:
    """The installed knowledge base; reading documents needs its vocabularies (raises
    :class:`~unstuck.knowledge.errors.KnowledgeBaseMissing` when none is installed)."""
    from unstuck.knowledge.store import get_knowledge_base

    return get_knowledge_base()


def _extractor(kb: KnowledgeBase | None = None) -> Extractor:
    from unstuck.text.vocabulary import skill_extractor

    return skill_extractor(kb or _kb())


# -- resumes --------------------------------------------------------------------------------------


def import_resume(data: bytes, filename: str, *, when: datetime | None = None) -> models.Resume:
    """Read a resume file and store it; raises :class:`ResumeError` (nothing stored) when the
    file cannot be read."""
    from unstuck.text.limits import check_stored
    from unstuck.text.resume import read_resume

    parsed = read_resume(data, _extractor(), filename=filename)
    stored = resume_to_dict(parsed)
    check_stored(stored, ResumeError, "this resume")
    with transaction.atomic():
        return models.Resume.objects.create(
            filename=filename[:255],
            kind=parsed.source,
            uploaded_at=when or timezone.now(),
            parsed=stored,
            text=parsed.text,
        )


def list_resumes() -> list[models.Resume]:
    return list(models.Resume.objects.all())


def get_resume(pk: int) -> models.Resume | None:
    return models.Resume.objects.filter(pk=pk).first()


def delete_resume(pk: int) -> bool:
    """Forget a resume (its parsed content and text); False when there was none. The profile
    keeps what the person already accepted from it."""
    deleted, _ = models.Resume.objects.filter(pk=pk).delete()
    return bool(deleted)


def latest_resume() -> models.Resume | None:
    return models.Resume.objects.first()


def _searched(kb: KnowledgeBase, parsed: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
    """Each resume position (the current ones first, then the rest in the resume's order) with
    the occupations its title most likely is, best first (three at most)."""
    from unstuck.text.resume import Position
    from unstuck.text.vocabulary import position_occupations

    positions = [Position(**p) for p in parsed.get("positions") or ()]
    positions.sort(key=lambda p: not p.current)  # stable: resume order otherwise
    return position_occupations(kb, positions, limit=3)


def _position_codes(
    kb: KnowledgeBase, parsed: dict[str, Any], searched: list[tuple[Any, list[Any]]] | None = None
) -> list[dict[str, Any]]:
    """Occupations the resume's job titles map to: the current position first, then the rest
    in the resume's order; one entry per occupation (its best score), with ``years``: the
    years the dated positions mapped to it span (None when none is dated)."""
    out: dict[str, dict[str, Any]] = {}
    held: dict[str, list[core_match.PositionFact]] = {}
    for position, matches in searched if searched is not None else _searched(kb, parsed):
        for m in matches:
            held.setdefault(m.code, []).append(
                core_match.PositionFact(
                    position.title,
                    position.employer,
                    position.start,
                    position.end,
                    position.current,
                    position.evidence,
                )
            )
            if m.code not in out:
                out[m.code] = {
                    "code": m.code,
                    "title": kb.titles.get(m.code, m.code),
                    "score": round(m.score, 3),
                    "position": position.title,
                    "evidence": position.evidence,
                }
    for code, entry in out.items():
        entry["years"] = core_match.experience_years(held[code], now_month())
    return list(out.values())


def _typical_levels(kb: KnowledgeBase, code: str | None) -> dict[str, float]:
    """Every skill and knowledge element's level in occupation ``code`` (O*NET's level
    scale), leaving out elements O*NET marks not relevant or publishes no level for."""
    return kb.typical_levels(code) if code else {}


def profile_suggestions(resume: models.Resume) -> dict[str, Any]:
    """What the resume suggests for the profile (see the module docstring for the shape)."""
    from unstuck.app.profile import services as profile_services

    kb = _kb()
    profile = profile_services.to_core(profile_services.get_profile())
    occupations = _position_codes(kb, resume.parsed)
    code = (occupations[0]["code"] if occupations else None) or profile.occupation_code
    typical = _typical_levels(kb, code)
    own = profile.levels()
    skills, technology = [], []
    have_tech = {t.lower() for t in profile.technology}
    for s in resume.parsed.get("skills") or ():
        if s["kind"] == "element" and s["id"].startswith(("2.A", "2.B", "2.C")):
            domain = "knowledge" if s["id"].startswith("2.C") else "skill"
            level = own.get(s["id"], typical.get(s["id"]))
            skills.append(
                {
                    "element_id": s["id"],
                    "name": s["label"],
                    "domain": domain,
                    "evidence": s["evidence"],
                    "level": level,
                    "in_profile": s["id"] in own,
                }
            )
        elif s["kind"] == "technology" and not s["id"].startswith("unspsc:"):
            technology.append(
                {
                    "name": s["label"],
                    "evidence": s["evidence"],
                    "in_profile": s["label"].lower() in have_tech,
                }
            )
    return {
        "occupations": occupations,
        "skills": skills,
        "technology": technology,
        "education": _education_suggestion(resume.parsed, profile.education),
        "credentials": [
            {
                "name": name,
                "evidence": [evidence] if evidence else [],
                "in_profile": any(same_credential(name, c) for c in profile.credentials),
            }
            for name, evidence in _credentials_of(resume.parsed)
        ],
    }


#: A degree level the resume reader finds (text.layout.LEVELS) as O*NET's education category
#: (Required Level of Education: 2 high school, 3 post-secondary certificate, 5 associate's,
#: 6 bachelor's, 8 master's, 10 first professional degree, 11 doctoral degree).
EDUCATION_CATEGORY = {
    "high school": 2, "certificate": 3, "associate": 5, "bachelor": 6, "master": 8,
    "professional": 10, "doctorate": 11,
}  # fmt: skip


def _education_suggestion(parsed: dict[str, Any], current: int | None) -> dict[str, Any] | None:
    """The resume's highest degree as the profile's education, when it says more than the
    profile does (None otherwise: a resume never lowers what the person entered)."""
    from unstuck.text.layout import degree_unfinished

    best: tuple[int, dict[str, Any]] | None = None
    for e in parsed.get("education") or ():
        if degree_unfinished(str(e.get("evidence") or "")):
            continue  # attended, credits toward, expected: not held
        level = EDUCATION_CATEGORY.get(str(e.get("level") or ""))
        if level is not None and (best is None or level > best[0]):
            best = (level, e)
    if best is None or (current is not None and current >= best[0]):
        return None
    level, entry = best
    return {
        "level": level,
        "degree": entry.get("degree") or entry.get("level"),
        "evidence": [entry["evidence"]] if entry.get("evidence") else [],
    }


def same_credential(a: str, b: str) -> bool:
    """Whether two names are one credential as people write it: equal, or one standing whole
    inside the other ("SHRM-CP" and "SHRM Certified Professional (SHRM-CP)")."""
    x, y = (" ".join(re.findall(r"[a-z0-9]+", n.casefold())) for n in (a, b))
    if not x or not y:
        return False
    short, long = sorted((x, y), key=len)
    return short == long or f" {short} " in f" {long} "


def _credentials_of(parsed: dict[str, Any]) -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    for c in parsed.get("certifications") or ():
        name = str(c.get("name") or "").strip()
        if name and name.casefold() not in {k.casefold() for k in out}:
            out[name] = str(c.get("evidence") or "")
    return list(out.items())


def apply_suggestions(resume: models.Resume, accepted: dict[str, Any]) -> None:
    """Apply what the person accepted: ``occupation`` (a code; sets the occupation, the years
    in it when the resume dates the positions mapped to it, and prefills its skill levels,
    keeping the person's own), ``technology`` (names added to the profile's list) and
    ``skills`` (O*NET element ids added as ratings). A skill area gets its typical level in the
    profile's occupation, to adjust on the profile page; one with no published level there is
    not added (a level is the person's to give, not ours to invent). Only suggestions this
    resume made are applied."""
    from unstuck.app.profile import services as profile_services
    from unstuck.core.profile import Rating

    suggestions = profile_suggestions(resume)
    offered_codes = {o["code"] for o in suggestions["occupations"]}
    offered_tech = {t["name"] for t in suggestions["technology"]}
    offered_skills = {s["element_id"]: s for s in suggestions["skills"]}
    kb = _kb()
    with transaction.atomic():
        code = accepted.get("occupation")
        if code:
            if code not in offered_codes:
                raise ValueError(f"{code} was not suggested by this resume")
            years = next(o["years"] for o in suggestions["occupations"] if o["code"] == code)
            profile_services.set_occupation(kb, code, years=years)
        current = profile_services.to_core(profile_services.get_profile())
        tech = list(current.technology)
        for name in accepted.get("technology") or ():
            if name in offered_tech and name.lower() not in {t.lower() for t in tech}:
                tech.append(name)
        education = current.education
        offered_education = suggestions.get("education")
        if accepted.get("education") and offered_education is not None:
            education = offered_education["level"]
        credentials = list(current.credentials)
        offered_credentials = {c["name"] for c in suggestions.get("credentials") or ()}
        for name in accepted.get("credentials") or ():
            if name in offered_credentials and not any(
                same_credential(name, c) for c in credentials
            ):
                credentials.append(name)
        ratings = list(current.ratings)
        have = {r.element_id for r in ratings}
        typical = _typical_levels(kb, current.occupation_code)
        for eid in accepted.get("skills") or ():
            s = offered_skills.get(eid)
            level = typical.get(eid) if s else None
            if s and eid not in have and level is not None:
                ratings.append(Rating(eid, s["name"], s["domain"], level, level))
                have.add(eid)
        from dataclasses import replace

        profile_services.save_profile(
            replace(
                current,
                technology=tuple(tech),
                ratings=tuple(ratings),
                education=education,
                credentials=tuple(credentials),
            )
        )
        from unstuck.app.profile import wizard

        if any(accepted.get(k) for k in ("occupation", "technology", "skills", "education",
                                         "credentials")):  # fmt: skip
            wizard.from_resume(profile_services.get_profile())


# -- postings -------------------------------------------------------------------------------------


def add_postings(
    data: bytes | None,
    *,
    filename: str | None = None,
    url: str | None = None,
    target_code: str | None = None,
    when: datetime | None = None,
) -> list[models.Posting]:
    """Read one posting (text, HTML, JSON-LD), a batch (``.csv``/``.jsonl`` file) or a URL and
    store them, all or nothing: if any posting in a batch fails, :class:`PostingError` lists
    every failure and nothing is stored. ``target_code`` must be an O*NET code in the
    knowledge base."""
    from unstuck.text.posting import fetch_posting, read_posting, read_postings_batch

    kb = _kb()
    if target_code and target_code not in kb.titles:
        raise PostingError(f"no occupation {target_code} in O*NET {kb.release}")
    extractor = _extractor(kb)
    items: list[tuple[str, ParsedPosting]] = []
    if url:
        items.append((url, fetch_posting(url, extractor)))
    elif data is None:
        raise PostingError("give a posting's text, a file or an address")
    elif filename and filename.lower().endswith(BATCH_SUFFIXES):
        kind = "csv" if filename.lower().endswith(".csv") else "jsonl"
        results = read_postings_batch(data, extractor, kind=kind)
        errors = [str(r) for r in results if isinstance(r, PostingError)]
        if errors:
            raise PostingError(
                f"{len(errors)} of {len(results)} postings could not be read, "
                "nothing was saved: " + "; ".join(errors[:10])
            )
        if not results:
            raise PostingError("this batch holds no postings")
        items += [
            (f"{filename}#{i}", r)
            for i, r in enumerate(results, start=1)
            if not isinstance(r, PostingError)
        ]
    else:
        items.append((filename or "pasted text", read_posting(data, extractor)))
    from unstuck.text.limits import check_stored

    now = when or timezone.now()
    rows = [(source, posting_to_dict(p), p.text) for source, p in items]
    for source, parsed, _ in rows:
        check_stored(parsed, PostingError, source[:100])
    with transaction.atomic():
        return [
            models.Posting.objects.create(
                source=source[:2000],
                fetched_at=now,
                target_code=target_code or "",
                parsed=parsed,
                text=text,
            )
            for source, parsed, text in rows
        ]


# -- summaries for the list pages ----------------------------------------------------------------


class _ArrayLength(Func):
    """The length of a JSON array (SQLite's ``json_array_length``, PostgreSQL's
    ``jsonb_array_length``)."""

    function = "json_array_length"
    output_field = IntegerField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, function="jsonb_array_length", **extra)


def resume_summaries() -> QuerySet[models.Resume]:
    """The resumes, newest first, without their parsed content and text (what a list shows:
    file name, kind, date and the person's name as ``summary_name``). Slice it to a page."""
    return models.Resume.objects.defer("parsed", "text").annotate(summary_name=KT("parsed__name"))


def posting_summaries(target_code: str | None = None) -> QuerySet[models.Posting]:
    """The postings, newest first, without their parsed content and text: ``summary_title``,
    ``summary_employer``, ``summary_location``, ``summary_pay`` and ``summary_skills`` (the
    number of skills asked for) come from the database. Slice it to a page."""
    qs = models.Posting.objects.defer("parsed", "text").annotate(
        summary_title=KT("parsed__title"),
        summary_employer=KT("parsed__employer"),
        summary_location=KT("parsed__location"),
        summary_pay=KeyTransform("pay", "parsed"),
        summary_skills=_ArrayLength(KeyTransform("skills", "parsed")),
    )
    return qs.filter(target_code=target_code) if target_code else qs


def target_counts() -> list[tuple[str, int]]:
    """(occupation code, number of postings kept for it), by code."""
    rows = (
        models.Posting.objects.exclude(target_code="")
        .values_list("target_code")
        .annotate(n=Count("id"))
        .order_by("target_code")
    )
    return [(code, n) for code, n in rows]


def list_postings(target_code: str | None = None) -> list[models.Posting]:
    qs = models.Posting.objects.all()
    if target_code:
        qs = qs.filter(target_code=target_code)
    return list(qs)


def delete_posting(pk: int) -> bool:
    deleted, _ = models.Posting.objects.filter(pk=pk).delete()
    return bool(deleted)


def get_posting(pk: int) -> models.Posting | None:
    return models.Posting.objects.filter(pk=pk).first()


# -- match, tailor, market ------------------------------------------------------------------------


def _title_codes(kb: KnowledgeBase | None, title: str | None) -> list[str]:
    if kb is None or not title:
        return []
    return [m.code for m in kb.search(title, limit=1) if m.score >= 0.5]


def _position_tasks(
    kb: KnowledgeBase, parsed: dict[str, Any], searched: list[tuple[Any, list[Any]]] | None = None
) -> list[core_match.TaskFact]:
    """The O*NET tasks and detailed work activities of the occupation each resume position
    maps to best (the position's own lines as the evidence), for matching requirements
    phrased like that work (see :func:`unstuck.core.match.match`)."""
    lines: dict[str, list[str]] = {}
    for position, matches in searched if searched is not None else _searched(kb, parsed):
        if matches:
            held = lines.setdefault(matches[0].code, [])
            if position.evidence not in held:
                held.append(position.evidence)
    out: list[core_match.TaskFact] = []
    for code, held in lines.items():
        title = kb.titles.get(code, code)
        texts = [t.text for t in kb.tasks.get(code, ())]
        texts += list(dict.fromkeys(kb.detailed_activities.get(code, ())))
        out += [core_match.TaskFact(code, title, text, tuple(held)) for text in texts]
    return out


_LANGUAGE: dict[str, core_match.TaskLanguage] = {}


def task_language(kb: KnowledgeBase) -> core_match.TaskLanguage:
    """O*NET's tasks and detailed work activities of every occupation, indexed once per
    knowledge base (about half a second)."""
    key = f"{kb.release}:{id(kb)}"
    if key not in _LANGUAGE:
        _LANGUAGE.clear()
        _LANGUAGE[key] = core_match.TaskLanguage(
            {
                code: [t.text for t in kb.tasks.get(code, ())]
                + list(kb.detailed_activities.get(code, ()))
                for code in kb.titles
            }
        )
    return _LANGUAGE[key]


def _facts(
    resume: models.Resume, posting: models.Posting
) -> tuple[core_match.ResumeFacts, core_match.PostingFacts]:
    from unstuck.knowledge.errors import KnowledgeBaseMissing

    kb: KnowledgeBase | None
    try:
        kb = _kb()
    except KnowledgeBaseMissing:
        kb = None  # the title component falls back to words, and no task language
    searched = _searched(kb, resume.parsed) if kb else []
    resume_codes = [o["code"] for o in _position_codes(kb, resume.parsed, searched)] if kb else []
    tasks = _position_tasks(kb, resume.parsed, searched) if kb else []
    posting_codes = _title_codes(kb, posting.title)
    if posting.target_code and not posting_codes:
        posting_codes = [posting.target_code]
    return (
        core_match.ResumeFacts.from_dict(resume.parsed, resume_codes, tasks),
        core_match.PostingFacts.from_dict(posting.parsed, posting_codes),
    )


def now_month() -> int:
    today = timezone.now()
    return today.year * 12 + today.month - 1


def match(resume: models.Resume, posting: models.Posting) -> core_match.MatchResult:
    from unstuck.knowledge.errors import KnowledgeBaseMissing

    resume_facts, posting_facts = _facts(resume, posting)
    try:
        language = task_language(_kb()) if resume_facts.tasks else None
    except KnowledgeBaseMissing:
        language = None
    return core_match.match(resume_facts, posting_facts, now_month=now_month(), language=language)


def tailor(resume: models.Resume, posting: models.Posting, fmt: str) -> tuple[bytes, str, str]:
    """The resume tailored to the posting as ``fmt`` ("md", "docx" or "json"): (content,
    content type, file name). Tailoring reorders and surfaces the resume's own lines; it never
    adds a claim (see :mod:`unstuck.text.tailor`)."""
    from unstuck.text import tailor as tailoring

    if fmt not in TAILOR_TYPES:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(TAILOR_TYPES)}")
    result = match(resume, posting)
    plan = tailoring.tailor(resume.parsed, resume.text, result)
    content_type, suffix = TAILOR_TYPES[fmt]
    body = {
        "md": tailoring.to_markdown,
        "docx": tailoring.to_docx,
        "json": tailoring.to_json_resume,
    }[fmt](plan)
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", (posting.title or "posting")).strip("-")[:60]
    return body, content_type, f"resume-{stem or 'posting'}.{suffix}"


def person_evidence() -> dict[str, list[str]]:
    """Skill key -> the lines of the person's resumes that show it (every stored resume)."""
    evidence: dict[str, list[str]] = {}
    for r in models.Resume.objects.all():
        for s in r.parsed.get("skills") or ():
            for k in (
                core_market.evidence_key(s["kind"], s["id"]),
                core_match.fold_label(s["label"]),
            ):
                lines = evidence.setdefault(k, [])
                lines += [line for line in s["evidence"] if line not in lines]
    return evidence


def market(target_code: str) -> core_market.MarketSummary:
    postings = [core_match.PostingFacts.from_dict(p.parsed) for p in list_postings(target_code)]
    return core_market.summarise(postings, person_evidence(), target_code=target_code)
