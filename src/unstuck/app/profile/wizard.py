"""The onboarding wizard's steps, their order, and where to resume.

profile ("about you") → wellbeing check-in → rut check → interests → work values → skills →
results. Each step is either done, skipped, or not yet reached; the status lives on the
:class:`~unstuck.app.profile.models.Profile` row (``step_status``), together with the step last
saved (``wizard_step``: recorded when a step is saved, never when a page is only shown), so
"continue where you left off" works after the tab was closed, and in another browser. Inside
an assessment, the page to resume is the draft's ``page``.

Assessments are split into pages of :data:`PAGE_SIZE` items: short enough for a phone screen,
long enough that the rut check is five pages, not thirty-five. Pages follow the answers: a root
cause whose screening statement is disagreed with is not followed up, so the rut check can be
three pages. The terminal (``unstuck assess``)
saves the same draft pages, so a run started there resumes in the browser.

The steps' URLs and the progress bar are the web's (:mod:`unstuck.web.profile.nav`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from unstuck.app.profile import models
from unstuck.core.assess import Instrument, get_instrument
from unstuck.core.assess.instruments import Item

PAGE_SIZE = 7


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    instrument: str | None = None  # short instrument name for assessment steps


STEPS: tuple[Step, ...] = (
    Step("about", "About you"),
    Step("wellbeing", "Wellbeing check-in", "wellbeing"),
    Step("rut", "Rut check", "rut"),
    Step("interests", "Interests", "interests"),
    Step("values", "Work values", "values"),
    Step("skills", "Skills"),
    Step("results", "Results"),
)
SLUGS = tuple(s.slug for s in STEPS)
ASSESSMENT_STEPS = {s.slug: s for s in STEPS if s.instrument}


#: Seconds a person takes per questionnaire item (reading a short statement and choosing one
#: of five answers), and minutes for the steps that are forms.
SECONDS_PER_ITEM = 8
FORM_MINUTES = {"about": 3, "skills": 5, "results": 0}


#: The status of a step a resume has answered (About you, skills): it is shown filled in, to
#: check, not to answer from the start.
FROM_RESUME = "from your resume"
#: The steps a resume answers: the job, years and education; skills and technology.
RESUME_STEPS = ("about", "skills")
#: Minutes to check a step a resume has filled in.
CHECK_MINUTES = 1


def minutes(slug: str, state: str = "") -> int:
    """About how long a step takes, in whole minutes (at least one for a step with work);
    ``state`` is the step's :func:`status` (a step filled in from a resume is checked, not
    answered)."""
    if state == FROM_RESUME:
        return CHECK_MINUTES
    if slug in ASSESSMENT_STEPS:
        items = len(instrument_for(slug).items)
        return max(1, math.ceil(items * SECONDS_PER_ITEM / 60))
    return FORM_MINUTES.get(slug, 0)


def step(slug: str) -> Step:
    return STEPS[SLUGS.index(slug)]


def index(slug: str) -> int:
    return SLUGS.index(slug)


def next_step(slug: str) -> Step:
    return STEPS[min(index(slug) + 1, len(STEPS) - 1)]


def previous_step(slug: str) -> Step | None:
    i = index(slug)
    return STEPS[i - 1] if i > 0 else None


def instrument_for(slug: str) -> Instrument:
    s = ASSESSMENT_STEPS[slug]
    assert s.instrument is not None
    return get_instrument(s.instrument)


def _chunks(instrument: Instrument, answers: Mapping[str, Any] | None) -> list[tuple[Item, ...]]:
    """The items asked so far (see :meth:`Instrument.asked`), in pages of :data:`PAGE_SIZE`. A
    follow-up never shares a page with its screen: the page ends before it, so what a page
    shows never depends on answers given on that same page."""
    out: list[tuple[Item, ...]] = []
    page: list[Item] = []
    for item in instrument.asked(answers):
        if len(page) == PAGE_SIZE or (
            item.asked_if is not None and any(i.id == item.asked_if[0] for i in page)
        ):
            out.append(tuple(page))
            page = []
        page.append(item)
    if page:
        out.append(tuple(page))
    return out


def pages(instrument: Instrument, answers: Mapping[str, Any] | None = None) -> int:
    """Pages of the items asked given ``answers`` so far (a rut check whose screens rule causes
    out is shorter); the work values add a last page for putting them in order."""
    return len(_chunks(instrument, answers)) + (1 if instrument.ranking_of else 0)


def page_items(
    instrument: Instrument, page: int, answers: Mapping[str, Any] | None = None
) -> tuple[Item, ...]:
    """The items on ``page`` (none on the ranking page or past the end)."""
    chunks = _chunks(instrument, answers)
    return chunks[page] if 0 <= page < len(chunks) else ()


def first_number(instrument: Instrument, page: int, answers: Mapping[str, Any] | None) -> int:
    """The number shown beside the first item of ``page`` (items are numbered as asked)."""
    return 1 + sum(len(c) for c in _chunks(instrument, answers)[:page])


def is_ranking_page(
    instrument: Instrument, page: int, answers: Mapping[str, Any] | None = None
) -> bool:
    return bool(instrument.ranking_of) and page == pages(instrument, answers) - 1


def _store(profile: models.Profile, **fields: object) -> None:
    """Save ``fields`` on the profile's row (created if there is none yet: only what saves calls
    this) and on the ``profile`` object the caller holds."""
    row, _ = models.Profile.objects.get_or_create(key=profile.key)
    for name, value in fields.items():
        setattr(row, name, value)
        setattr(profile, name, value)
    row.save(update_fields=[*fields, "updated_at"])
    if profile.pk is None:  # the caller held the unsaved default: it is the row now
        profile.pk = row.pk
        profile.created_at = row.created_at
        profile._state.adding = False
    profile.updated_at = row.updated_at


def mark(profile: models.Profile, slug: str, status: str) -> None:
    """Record a step as done or skipped (on a POST: pages that only show never write)."""
    row = models.Profile.objects.filter(key=profile.key).first()
    statuses = dict((row.step_status if row is not None else profile.step_status) or {})
    statuses[slug] = status
    _store(profile, step_status=statuses)


def from_resume(profile: models.Profile) -> None:
    """Record that a resume has filled in the steps it answers (:data:`RESUME_STEPS`), unless
    the person has finished them already; called when its suggestions are applied (a POST)."""
    row = models.Profile.objects.filter(key=profile.key).first()
    statuses = dict((row.step_status if row is not None else profile.step_status) or {})
    for slug in RESUME_STEPS:
        if statuses.get(slug) not in ("done",):
            statuses[slug] = FROM_RESUME
    _store(profile, step_status=statuses)


def visit(profile: models.Profile, slug: str) -> None:
    """Record the step the person is at, for "continue where you left off". Called when a step
    is saved (a POST), with the step it leads to; showing a page records nothing."""
    if slug in SLUGS and (profile.wizard_step != slug or profile.pk is None):
        _store(profile, wizard_step=slug)


def status(profile: models.Profile, slug: str) -> str:
    """``"done"``, ``"skipped"``, ``"in progress"``, :data:`FROM_RESUME` or ``""`` (not
    started)."""
    s = (profile.step_status or {}).get(slug, "")
    if s:
        return str(s)
    if slug in ASSESSMENT_STEPS:
        family = instrument_for(slug).family
        if models.Draft.objects.filter(profile__key=profile.key, family=family).exists():
            return "in progress"
    return ""


def resume_step(profile: models.Profile) -> Step:
    """Where "continue" goes: the step last shown if unfinished, else the first unfinished."""
    if profile.wizard_step in SLUGS and status(profile, profile.wizard_step) not in (
        "done",
        "skipped",
    ):
        return step(profile.wizard_step)
    for s in STEPS[:-1]:
        if status(profile, s.slug) not in ("done", "skipped"):
            return s
    return STEPS[-1]
