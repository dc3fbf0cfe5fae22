"""The wizard in the browser: each step's URL, the progress bar, and every page's context.

The steps, their order and their status are :mod:`unstuck.app.profile.wizard`; this module only
adds where each step lives and what the progress bar shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from unstuck.app.profile import models
from unstuck.app.profile.services import Unusable
from unstuck.app.profile.wizard import STEPS, index, minutes, status, step


def progress(profile: models.Profile, current: str) -> dict[str, Any]:
    """What the progress bar shows: steps finished (done or skipped) and where we are."""
    finished = sum(1 for s in STEPS[:-1] if status(profile, s.slug) in ("done", "skipped"))
    return {
        "steps": [
            {
                "slug": s.slug,
                "title": s.title,
                "status": status(profile, s.slug),
                "current": s.slug == current,
                "number": n,
                "url": step_url(s.slug),
                "minutes": minutes(s.slug, status(profile, s.slug)),
            }
            for n, s in enumerate(STEPS, start=1)
        ],
        "minutes_left": sum(
            minutes(s.slug, status(profile, s.slug))
            for s in STEPS[:-1]
            if status(profile, s.slug) not in ("done", "skipped")
        ),
        "step_minutes": minutes(current, status(profile, current)),
        "finished": finished,
        "total": len(STEPS) - 1,
        "number": index(current) + 1,
        "count": len(STEPS),
        "title": step(current).title,
    }


def step_url(slug: str, page: int | None = None) -> str:
    """The URL of a step (and of a page within an assessment)."""
    if slug == "about":
        return reverse("profile:about")
    if slug == "skills":
        return reverse("profile:skills")
    if slug == "results":
        return reverse("profile:results")
    url = reverse("profile:assess", args=[slug])
    return f"{url}?page={page}" if page is not None else url


def context(profile: models.Profile, slug: str) -> dict[str, Any]:
    """What every wizard page's template needs: the progress bar and the current step."""
    return {"progress": progress(profile, slug), "step": step(slug)}


def unusable(entries: Iterable[Unusable]) -> list[dict[str, str]]:
    """Results that cannot be used, for ``_unusable.html``: each with the step to retake it."""
    return [
        {"name": u.name, "short": u.short, "id": u.instrument_id, "url": step_url(u.short)}
        for u in entries
    ]
