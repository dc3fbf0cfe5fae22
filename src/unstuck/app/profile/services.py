"""The Python API for the person's profile and assessments, shared by the web app and the CLI.

Scoring is :mod:`unstuck.core.assess`; this module stores and retrieves through the Django
models and keeps three promises:

- **nothing half-checked is stored.** Answers files are parsed and validated in full before
  anything touches the database (:func:`submit_data`); a file with problems raises
  :class:`~unstuck.core.assess.AnswersError` listing every one, and the database is unchanged;
- **nothing is lost mid-way.** Drafts are saved answer by answer (:func:`save_draft`), and
  completing one stores the result and deletes the draft in one transaction;
- **every stored result can be traced.** A result keeps its instrument version, time and raw
  answers; :func:`rescore` re-runs the same instrument version on them, so the traceable
  breakdown is always available, and the stored snapshot gives the change since last time.

A result stored with an instrument version this unstuck does not know cannot be re-scored:
:func:`rescore` and :func:`latest` raise
:class:`~unstuck.core.assess.UnknownInstrumentVersion`, and :func:`latest_results`, which the
pages, the plan, the paths and the CLI read, is the one place that turns it into an
:class:`Unusable` entry (each front end words it), so nothing else has to catch it.

Example::

    from unstuck.core.assess import Responses, get_instrument
    from unstuck.app.profile import services

    rut = get_instrument("rut")
    done = services.submit(Responses(rut.id, {item.id: 3 for item in rut.items}))
    print(done.result.severity.score, done.comparison)
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from unstuck.app.profile import models
from unstuck.core import limits
from unstuck.core import profile as core_profile
from unstuck.core.assess import (
    INSTRUMENTS,
    SHORT_NAMES,
    AnswersError,
    Comparison,
    Instrument,
    Problem,
    Responses,
    Result,
    RutCheckResult,
    Snapshot,
    UnknownInstrumentVersion,
    compare,
    get_instrument,
    instrument_version,
    parse_answers,
    score,
    validate_answers,
)
from unstuck.core.assess.rut import StrategyShare
from unstuck.core.assess.strategy import mix_for
from unstuck.core.assess.values import ValuesResult
from unstuck.core.assess.wellbeing import WellbeingResult

if TYPE_CHECKING:
    from unstuck.knowledge.store import KnowledgeBase

ME = "me"
#: How many skills and knowledge areas the profile prefills from the occupation.
PREFILL_SKILLS = 12
PREFILL_KNOWLEDGE = 8


def knowledge_base() -> KnowledgeBase | None:
    """The installed knowledge base, or None: the wizard works without one, with less help."""
    from unstuck.knowledge.errors import KnowledgeBaseMissing
    from unstuck.knowledge.store import get_knowledge_base

    try:
        return get_knowledge_base()
    except KnowledgeBaseMissing:
        return None


# -- profile -----------------------------------------------------------------------------------


def get_profile(key: str = ME) -> models.Profile:
    """The stored profile, or an unsaved empty one when there is none yet: reading never
    writes (a page that only shows the profile must work on a read-only disk and leave the
    database as it was). What saves goes through :func:`stored_profile`."""
    found = models.Profile.objects.filter(key=key).first()
    return found if found is not None else models.Profile(key=key)


def stored_profile(key: str = ME) -> models.Profile:
    """The profile's row, created empty if there is none: for what saves."""
    profile, _ = models.Profile.objects.get_or_create(key=key)
    return profile


def to_core(p: models.Profile) -> core_profile.Profile:
    location = None
    if p.location_kind and p.location_code:
        location = core_profile.Location(
            p.location_kind,  # type: ignore[arg-type]
            p.location_code,
            p.location_name,
        )
    return core_profile.Profile(
        occupation_code=p.occupation_code or None,
        occupation_title=p.occupation_title or None,
        years_in_occupation=p.years_in_occupation,
        ratings=tuple(
            core_profile.Rating(r.element_id, r.name, r.domain, r.level, r.typical)  # type: ignore[arg-type]
            for r in (p.ratings.all() if p.pk is not None else ())
        ),
        technology=tuple(p.technology or ()),
        credentials=tuple(p.credentials or ()),
        education=p.education,
        constraints=core_profile.Constraints(
            location=location,
            min_pay=limits.sane_money(p.min_pay),
            current_pay=limits.sane_money(p.current_pay),
            hours_per_week=p.hours_per_week,
            retraining_months=p.retraining_months,
            learning_budget=limits.sane_money(p.learning_budget),
            risk_tolerance=p.risk_tolerance,  # type: ignore[arg-type]
            savings=limits.sane_money(p.savings),
            monthly_expenses=limits.sane_money(p.monthly_expenses),
        ),
    )


class ProfileError(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@transaction.atomic
def save_profile(data: core_profile.Profile, key: str = ME) -> models.Profile:
    """Store a whole profile (ratings replaced); raises :class:`ProfileError` if invalid."""
    problems = core_profile.validate_profile(data)
    if problems:
        raise ProfileError(problems)
    p = stored_profile(key)
    c = data.constraints
    p.occupation_code = data.occupation_code or ""
    p.occupation_title = data.occupation_title or ""
    p.years_in_occupation = data.years_in_occupation
    p.education = data.education
    p.technology = list(data.technology)
    p.credentials = list(data.credentials)
    p.location_kind = c.location.kind if c.location else ""
    p.location_code = c.location.code if c.location else ""
    p.location_name = c.location.name if c.location else ""
    p.min_pay = c.min_pay
    p.current_pay = c.current_pay
    p.hours_per_week = c.hours_per_week
    p.retraining_months = c.retraining_months
    p.learning_budget = c.learning_budget
    p.risk_tolerance = c.risk_tolerance
    p.savings = c.savings
    p.monthly_expenses = c.monthly_expenses
    p.save()
    p.ratings.all().delete()
    models.SkillRating.objects.bulk_create(
        models.SkillRating(
            profile=p,
            element_id=r.element_id,
            name=r.name,
            domain=r.domain,
            level=r.level,
            typical=r.typical,
        )
        for r in data.ratings
    )
    return p


def occupation_levels(
    kb: KnowledgeBase, code: str
) -> list[tuple[str, str, core_profile.Domain, float]]:
    """The occupation's most important skills and knowledge areas with their typical levels.

    Ordered by importance, highest first; elements O*NET marks not relevant or without a level
    are left out. Only the top :data:`PREFILL_SKILLS` / :data:`PREFILL_KNOWLEDGE` are used, so
    the skills step asks about what matters for the job rather than all 68 elements. Raises
    :class:`~unstuck.core.occupations.UnknownOccupation` for a code not in ``kb``.
    """
    occ = kb.require_occupation(code)
    if not occ.skills and not occ.knowledge:
        stand_in = rating_stand_in(kb, code)
        if stand_in is not None:
            occ = kb.require_occupation(stand_in)
    out: list[tuple[str, str, core_profile.Domain, float]] = []
    domains: tuple[tuple[core_profile.Domain, Any, int], ...] = (
        ("skill", occ.skills, PREFILL_SKILLS),
        ("knowledge", occ.knowledge, PREFILL_KNOWLEDGE),
    )
    for domain, ratings, limit in domains:
        usable = [r for r in ratings if r.level is not None and not r.not_relevant]
        usable.sort(key=lambda r: (-(r.importance or 0.0), r.element_id))
        out += [(r.element_id, r.name, domain, float(r.level)) for r in usable[:limit]]
    return out


def rating_stand_in(kb: KnowledgeBase, code: str) -> str | None:
    """For an occupation O*NET publishes no skill or knowledge ratings for, the closest rated
    occupation whose ratings stand in for them (the career-path engine uses the same one);
    None when the occupation is rated or no close rated occupation exists."""
    from unstuck.knowledge.matrices import occupation_data

    data = occupation_data(kb)
    i = data.index.get(code)
    if i is None or data.has_ratings[i]:
        return None
    row = data.rated_row(i)
    return None if row is None else data.codes[row]


def set_occupation(
    kb: KnowledgeBase, code: str, years: float | None = None, key: str = ME
) -> models.Profile:
    """Set the current occupation and prefill skill levels from it (own levels are kept; an
    occupation O*NET does not rate prefills from its closest rated occupation, named on the
    skills step); raises :class:`~unstuck.core.occupations.UnknownOccupation` for a code not
    in ``kb``."""
    occ = kb.require_occupation(code)
    current = to_core(get_profile(key))
    ratings = core_profile.prefill_ratings(occupation_levels(kb, code), current.ratings)
    updated = dataclasses.replace(
        current,
        occupation_code=code,
        occupation_title=occ.title,
        years_in_occupation=years if years is not None else current.years_in_occupation,
        ratings=ratings,
    )
    return save_profile(updated, key)


# -- drafts ------------------------------------------------------------------------------------


def get_draft(instrument: Instrument, key: str = ME) -> models.Draft:
    """The draft for this instrument, created empty if there is none.

    A draft left by another version of the instrument is dropped: its answers belong to
    questions that no longer exist. For what saves (it creates the profile's row too); a page
    that only shows the draft reads :func:`find_draft`.
    """
    profile = stored_profile(key)
    draft, created = models.Draft.objects.get_or_create(
        profile=profile, family=instrument.family, defaults={"instrument_id": instrument.id}
    )
    if not created and draft.instrument_id != instrument.id:
        draft.instrument_id = instrument.id
        draft.answers = {}
        draft.ranking = []
        draft.page = 0
        draft.save()
    return draft


def find_draft(instrument: Instrument, key: str = ME) -> models.Draft | None:
    return models.Draft.objects.filter(
        profile__key=key, family=instrument.family, instrument_id=instrument.id
    ).first()


def save_draft(
    instrument: Instrument,
    answers: Mapping[str, int | None],
    ranking: Sequence[str] | None = None,
    page: int | None = None,
    key: str = ME,
) -> models.Draft:
    """Merge answers into the draft; raises :class:`AnswersError` for unknown items or values.

    ``None`` records a deliberate skip. Coverage is not checked here: a draft may be sparse.
    """
    problems = [
        p
        for p in _item_problems(instrument, answers)
        if p.where != "answers"  # "too few answered" does not apply to a draft
    ]
    if ranking:
        data = {"instrument": instrument.id, "answers": {}, "ranking": list(ranking)}
        problems += [p for p in validate_answers(instrument, data) if p.where == "ranking"]
    if problems:
        raise AnswersError(problems)
    with transaction.atomic():
        draft = get_draft(instrument, key)
        merged = dict(draft.answers)
        merged.update(answers)
        draft.answers = merged
        if ranking is not None:
            draft.ranking = list(ranking)
        if page is not None:
            draft.page = max(0, page)
        draft.save()
    return draft


def _item_problems(instrument: Instrument, answers: Mapping[str, int | None]) -> list[Problem]:
    data = {"instrument": instrument.id, "answers": dict(answers)}
    return validate_answers(instrument, data)


def discard_draft(instrument: Instrument, key: str = ME) -> None:
    models.Draft.objects.filter(profile__key=key, family=instrument.family).delete()


def draft_responses(draft: models.Draft) -> Responses:
    return Responses(draft.instrument_id, dict(draft.answers), tuple(draft.ranking or ()))


# -- completing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Completed:
    record: models.AssessmentResult
    result: Result
    comparison: Comparison | None


def submit(responses: Responses, key: str = ME, when: datetime | None = None) -> Completed:
    """Score and store one completed assessment; its draft (if any) is deleted.

    Raises :class:`~unstuck.core.assess.InsufficientAnswersError` below the minimum coverage and
    ``ValueError`` for answers scoring cannot trust; in both cases nothing is stored.
    """
    instrument = instrument_version(responses.instrument_id)
    result = score(responses)
    snapshot = Snapshot.of(result)
    with transaction.atomic():
        profile = stored_profile(key)
        previous = _latest_record(profile, instrument.family)
        record = models.AssessmentResult.objects.create(
            profile=profile,
            instrument_id=instrument.id,
            family=instrument.family,
            answers=dict(responses.answers),
            ranking=list(responses.ranking),
            snapshot=snapshot.to_dict(),
            completed_at=when or timezone.now(),
        )
        models.Draft.objects.filter(profile=profile, family=instrument.family).delete()
    comparison = None
    if previous is not None:
        comparison = compare(Snapshot.from_dict(previous.snapshot), snapshot)
    return Completed(record, result, comparison)


def complete_draft(instrument: Instrument, key: str = ME) -> Completed:
    draft = get_draft(instrument, key)
    return submit(draft_responses(draft), key)


MAX_ANSWERS_BYTES = 1_000_000  # an answers file is a few kilobytes
MAX_ANSWERS_DEPTH = 8  # instrument / answers / item: three levels, with room to spare


def read_answers_file(path: Path) -> Any:
    """Parse an answers file (JSON, or YAML — which includes JSON); problems as AnswersError.
    The size is checked before reading (by ``stat``, then by reading at most one byte more
    than the limit, for devices and pipes that have no size)."""
    too_big = f"the file is over {MAX_ANSWERS_BYTES:,} bytes; an answers file is a few KB"
    try:
        if path.stat().st_size > MAX_ANSWERS_BYTES:
            raise AnswersError([Problem("file", too_big)])
        with path.open("rb") as handle:
            raw = handle.read(MAX_ANSWERS_BYTES + 1)
        if len(raw) > MAX_ANSWERS_BYTES:
            raise AnswersError([Problem("file", too_big)])
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)[:100]
        raise AnswersError([Problem("file", f"cannot read {path}: {reason}")]) from None
    return parse_answers_text(text, path.suffix.lower())


class _Refused(ValueError):
    pass


def parse_answers_text(text: str, suffix: str = "") -> Any:
    """Parse answers (JSON or YAML), refusing more than :data:`MAX_ANSWERS_BYTES`, YAML
    aliases (an answers file needs none; they are how a few bytes become gigabytes),
    ``NaN``/``Infinity`` and nesting deeper than :data:`MAX_ANSWERS_DEPTH`."""
    import yaml

    from unstuck.text import limits

    if len(text) > MAX_ANSWERS_BYTES:
        raise AnswersError([Problem("file", f"the text is over {MAX_ANSWERS_BYTES:,} characters")])
    if suffix == ".json":
        try:
            data = limits.load_json(text, _Refused, "the file")
        except json.JSONDecodeError as exc:
            raise AnswersError(
                [Problem("file", f"bad JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")]
            ) from None
        except _Refused as exc:
            raise AnswersError([Problem("file", str(exc))]) from None
    else:
        try:
            data = yaml.load(text, Loader=_answers_loader())  # noqa: S506 - a SafeLoader
        except RecursionError:
            raise AnswersError([Problem("file", "nested too deeply: refused")]) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)[:200]
            raise AnswersError([Problem("file", f"bad YAML{where}: {problem}")]) from None
    if limits.nesting(data) > MAX_ANSWERS_DEPTH:
        raise AnswersError([Problem("file", f"nested deeper than {MAX_ANSWERS_DEPTH} levels")])
    return data


def _answers_loader() -> type:
    import yaml

    class AnswersLoader(yaml.SafeLoader):
        """YAML's safe loader without aliases."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not allowed in an answers file",
                    event.start_mark,
                )  # fmt: skip
            return super().compose_node(parent, index)

    return AnswersLoader


def submit_data(instrument: Instrument, data: Any, key: str = ME) -> Completed:
    """Validate parsed answers in full, then score and store; nothing stored on any problem."""
    responses = parse_answers(instrument, data, INSTRUMENTS)
    return submit(responses, key)


def submit_file(instrument: Instrument, path: Path, key: str = ME) -> Completed:
    return submit_data(instrument, read_answers_file(path), key)


# -- history -----------------------------------------------------------------------------------


def _latest_record(profile: models.Profile, family: str) -> models.AssessmentResult | None:
    return (
        models.AssessmentResult.objects.filter(profile=profile, family=family)
        .order_by("-completed_at", "-id")
        .first()
    )


def history(family: str | None = None, key: str = ME) -> list[models.AssessmentResult]:
    """Completed assessments, oldest first (all families, or one)."""
    qs = models.AssessmentResult.objects.filter(profile__key=key)
    if family:
        qs = qs.filter(family=get_instrument(family).family)
    return list(qs.order_by("completed_at", "id"))


def rescore(record: models.AssessmentResult) -> Result:
    """The full, traceable result of a stored assessment, re-scored with its own version;
    raises :class:`~unstuck.core.assess.UnknownInstrumentVersion` for a version this unstuck
    does not know."""
    instrument_version(record.instrument_id)
    return score(Responses(record.instrument_id, dict(record.answers), tuple(record.ranking or ())))


@dataclass(frozen=True)
class Latest:
    record: models.AssessmentResult
    result: Result
    comparison: Comparison | None
    previous: models.AssessmentResult | None


def latest(family: str, key: str = ME) -> Latest | None:
    """The most recent result of a family, re-scored, with the change since the one before.

    Raises :class:`~unstuck.core.assess.UnknownInstrumentVersion` when it was taken with a
    version this unstuck cannot re-score; :func:`latest_results` handles that case.
    """
    records = history(family, key)
    if not records:
        return None
    record = records[-1]
    previous = records[-2] if len(records) > 1 else None
    comparison = None
    if previous is not None:
        comparison = compare(
            Snapshot.from_dict(previous.snapshot), Snapshot.from_dict(record.snapshot)
        )
    return Latest(record, rescore(record), comparison, previous)


@dataclass(frozen=True)
class Unusable:
    """The latest result of a questionnaire, taken with a version this unstuck cannot re-score:
    only its stored summary is there, so nothing that needs the full result can use it."""

    name: str  # the questionnaire's name ("Interests")
    short: str  # its short name ("interests"), the wizard's step and the CLI's verb
    record: models.AssessmentResult
    reason: str  # the error's message, for the JSON output

    @property
    def instrument_id(self) -> str:
        return self.record.instrument_id


@dataclass(frozen=True)
class LatestResults:
    """The latest result of every questionnaire taken: the usable ones re-scored, by short name
    (``"rut"``, ``"interests"``, ``"values"``, ``"wellbeing"``), and those that cannot be used."""

    found: dict[str, Latest]
    unusable: dict[str, Unusable]

    def get(self, short: str) -> Latest | None:
        return self.found.get(short)


def latest_results(key: str = ME, only: Sequence[str] | None = None) -> LatestResults:
    """The latest result of each questionnaire (or of the short names in ``only``)."""
    found: dict[str, Latest] = {}
    unusable: dict[str, Unusable] = {}
    for short in only or SHORT_NAMES:
        instrument = get_instrument(short)
        try:
            hit = latest(instrument.family, key)
        except UnknownInstrumentVersion as exc:
            record = history(instrument.family, key)[-1]
            unusable[short] = Unusable(instrument.name, short, record, str(exc))
            continue
        if hit is not None:
            found[short] = hit
    return LatestResults(found, unusable)


def strategy_mix(
    key: str = ME, results: LatestResults | None = None
) -> tuple[StrategyShare, ...] | None:
    """The person's strategy mix: the one function behind the results page, the paths page's
    top picks, the plan, the report and ``unstuck profile show``. The latest rut check, adjusted
    for the profile's constraints, the latest wellbeing check-in and care notes, the strongest
    work values and the projected outlook of the person's occupation
    (:func:`unstuck.core.assess.strategy.mix_for`). None before the rut check is taken (or
    when its result cannot be used)."""
    if results is None or not {"rut", "wellbeing", "values"} <= set(results.found) | set(
        results.unusable
    ):
        results = latest_results(key, only=("rut", "wellbeing", "values"))
    found = results.get("rut")
    if found is None or not isinstance(found.result, RutCheckResult):
        return None
    wb = results.get("wellbeing")
    vals = results.get("values")
    profile = to_core(get_profile(key))
    growth = None
    kb = knowledge_base() if profile.occupation_code else None
    if kb is not None and profile.occupation_code:
        outlook = kb.outlook.get(profile.occupation_code)
        growth = None if outlook is None else outlook.change_percent
    return mix_for(
        found.result,
        profile.constraints,
        wellbeing=wb.result if wb and isinstance(wb.result, WellbeingResult) else None,
        values=vals.result if vals and isinstance(vals.result, ValuesResult) else None,
        outlook_growth=growth,
        occupation=profile.occupation_title,
    )


def summary(key: str = ME) -> dict[str, Any]:
    """Everything about the person as JSON-ready data (``unstuck profile show --json``)."""
    p = get_profile(key)
    person = to_core(p)
    out: dict[str, Any] = {"profile": person.to_dict(), "assessments": {}}
    results = latest_results(key)
    for short in SHORT_NAMES:
        family = get_instrument(short).family
        if short in results.unusable:
            gone = results.unusable[short]
            out["assessments"][family] = {
                "instrument": gone.instrument_id,
                "completed_at": gone.record.completed_at.isoformat(),
                "snapshot": gone.record.snapshot,
                "note": gone.reason,
            }
            continue
        found = results.get(short)
        if found is None:
            continue
        result = found.result.to_dict()
        if isinstance(found.result, RutCheckResult):
            adjusted = strategy_mix(key, results) or ()
            result["strategy_mix_with_constraints"] = [s.to_dict() for s in adjusted]
        out["assessments"][family] = {
            "instrument": found.record.instrument_id,
            "completed_at": found.record.completed_at.isoformat(),
            "times_taken": len(history(family, key)),
            "result": result,
            "change_since_last_time": (
                None if found.comparison is None else found.comparison.to_dict()
            ),
        }
    drafts = models.Draft.objects.filter(profile__key=key)
    out["in_progress"] = {
        d.family: {"instrument": d.instrument_id, "answered": len(d.answers)} for d in drafts
    }
    return out


# -- About you, as data (the About-you page and ``unstuck profile set``) -----------------------

#: Every About-you field, in the page's order.
ABOUT_FIELDS = (
    "occupation",
    "years_in_occupation",
    "education",
    "credentials",
    "location",
    "current_pay",
    "min_pay",
    "hours_per_week",
    "retraining_months",
    "learning_budget",
    "risk_tolerance",
    "savings",
    "monthly_expenses",
)
#: Numeric fields with their kind and range (the About-you form's ranges).
_NUMBERS: dict[str, tuple[type, float]] = {
    "years_in_occupation": (float, 70),
    "min_pay": (int, limits.MONEY_MAX),
    "current_pay": (int, limits.MONEY_MAX),
    "hours_per_week": (float, 168),
    "retraining_months": (int, 120),
    "learning_budget": (int, limits.MONEY_MAX),
    "savings": (int, limits.MONEY_MAX),
    "monthly_expenses": (int, limits.MONEY_MAX),
}
_EDUCATION_WORDS = {
    "none": 1,
    "high-school": 2,
    "certificate": 3,
    "some-college": 4,
    "associate": 5,
    "bachelor": 6,
    "post-baccalaureate": 7,
    "master": 8,
    "post-master": 9,
    "professional": 10,
    "doctoral": 11,
    "post-doctoral": 12,
}


def about(key: str = ME) -> dict[str, Any]:
    """The About-you fields as plain data: what ``unstuck profile set --json`` prints and reads
    back (None: not given)."""
    p = to_core(get_profile(key))
    c = p.constraints
    return {
        "occupation": p.occupation_code,
        "occupation_title": p.occupation_title,
        "years_in_occupation": p.years_in_occupation,
        "education": p.education_name,
        "credentials": list(p.credentials),
        "location": None if c.location is None else (c.location.name or c.location.code),
        "current_pay": c.current_pay,
        "min_pay": c.min_pay,
        "hours_per_week": c.hours_per_week,
        "retraining_months": c.retraining_months,
        "learning_budget": c.learning_budget,
        "risk_tolerance": c.risk_tolerance,
        "savings": c.savings,
        "monthly_expenses": c.monthly_expenses,
    }


def _number(name: str, value: Any) -> int | float | None:
    kind, upper = _NUMBERS[name]
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ProfileError([Problem(name, f"must be a number, not {limits.short(value)}")])
    try:
        number = float(value)
    except ValueError:
        problem = Problem(name, f"must be a number, not {limits.short(value)}")
        raise ProfileError([problem]) from None
    if not math.isfinite(number) or number < 0 or number > upper:
        raise ProfileError([Problem(name, f"must be a number from 0 to {upper:,g}")])
    if kind is int:
        if not number.is_integer():
            raise ProfileError([Problem(name, "must be a whole number")])
        return int(number)
    return number


def _education(value: Any) -> int | None:
    if value is None:
        return None
    levels = core_profile.EDUCATION_LEVELS
    if isinstance(value, int) and not isinstance(value, bool) and value in levels:
        return value
    if isinstance(value, str):
        text = value.strip().casefold()
        if text.isdigit() and int(text) in core_profile.EDUCATION_LEVELS:
            return int(text)
        if text in _EDUCATION_WORDS:
            return _EDUCATION_WORDS[text]
        for k, name in core_profile.EDUCATION_LEVELS.items():
            if name.casefold() == text:
                return k
    words = ", ".join(_EDUCATION_WORDS)
    raise ProfileError(
        [Problem("education", f"{limits.short(value)} is not a level: use 1-12 or one of {words}")]
    )


def _location(kb: KnowledgeBase | None, value: Any) -> core_profile.Location | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ProfileError([Problem("location", "must be a state or metro area name")])
    table = getattr(kb, "area_wages", None) if kb is not None else None
    found = table.find(value) if table else None
    if found is not None:
        return core_profile.Location(
            "state" if found.kind == "state" else "metro", found.code, found.name
        )
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return core_profile.Location("state", text.upper(), text.upper())
    raise ProfileError(
        [
            Problem(
                "location",
                f"{limits.short(value)} is not a BLS area: use a state's postal code (OH) or a "
                "metro area's name as BLS writes it (Columbus, OH)",
            )
        ]
    )


def set_about(
    kb: KnowledgeBase | None, changes: Mapping[str, Any], key: str = ME
) -> models.Profile:
    """Change the About-you fields named in ``changes`` (None clears one); the others stay.
    ``occupation`` is an O*NET-SOC code (set as the page does: skills prefilled from it).
    Raises :class:`ProfileError` naming the field for a bad value; nothing is saved then."""
    unknown = [k for k in changes if k not in ABOUT_FIELDS and k != "occupation_title"]
    if unknown:
        raise ProfileError(
            [Problem(k, f"is not an About-you field ({', '.join(ABOUT_FIELDS)})") for k in unknown]
        )
    current = to_core(get_profile(key))
    fields: dict[str, Any] = {}
    constraint_fields: dict[str, Any] = {}
    for name, value in changes.items():
        if name in _NUMBERS:
            number = _number(name, value)
            if name == "years_in_occupation":
                fields[name] = number
            else:
                constraint_fields[name] = number
        elif name == "education":
            fields["education"] = _education(value)
        elif name == "credentials":
            if value is None:
                value = []
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise ProfileError([Problem("credentials", "must be a list of names")])
            fields["credentials"] = tuple(dict.fromkeys(v.strip() for v in value if v.strip()))
        elif name == "location":
            constraint_fields["location"] = _location(kb, value)
        elif name == "risk_tolerance":
            if value not in ("low", "medium", "high"):
                raise ProfileError([Problem("risk_tolerance", "must be low, medium or high")])
            constraint_fields["risk_tolerance"] = value
    code = changes.get("occupation", current.occupation_code)
    updated = dataclasses.replace(
        current,
        **fields,
        constraints=dataclasses.replace(current.constraints, **constraint_fields),
    )
    if code != current.occupation_code:
        if code is None:
            updated = dataclasses.replace(updated, occupation_code=None, occupation_title=None)
        else:
            if kb is None:
                raise ProfileError([Problem("occupation", "needs the knowledge base installed")])
            if not isinstance(code, str) or kb.occupation(code) is None:
                raise ProfileError(
                    [Problem("occupation", f"{limits.short(code)} is not an O*NET-SOC code here")]
                )
            problems = core_profile.validate_profile(updated)
            if problems:
                raise ProfileError(problems)
            with transaction.atomic():
                save_profile(updated, key)
                return set_occupation(kb, code, updated.years_in_occupation, key)
    return save_profile(updated, key)
