"""Where the person is in the loop, and the next step every page ends with.

The loop is: take stock (the profile steps), explore paths and shortlist, plan towards one
target (gaps and learning, goals, the exit plan), then the report. :func:`where` reads what is
stored (never writes: it runs on GET pages) and :func:`next_after` gives each page its next
step, so no page is a dead end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from unstuck.app.paths.models import Shortlisted
from unstuck.app.plan import models as plan_models
from unstuck.app.profile import models as profile_models
from unstuck.app.profile import wizard
from unstuck.app.profile.services import ME


@dataclass(frozen=True)
class NextStep:
    label: str
    url: str
    why: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "url": self.url, "why": self.why}


@dataclass(frozen=True)
class Where:
    started: bool  # anything stored yet
    profile_step: wizard.Step | None  # the profile step to continue, None when finished
    skills_rated: bool
    shortlisted: int
    target: str  # the plan's target title, "" when none
    resumes: int


def where(key: str = ME) -> Where:
    from unstuck.app.documents import models as doc_models

    profile = profile_models.Profile.objects.filter(key=key).first()
    step = None
    skills = False
    if profile is not None:
        unfinished = [
            s
            for s in wizard.STEPS[:-1]
            if wizard.status(profile, s.slug) not in ("done", "skipped")
        ]
        last = next((s for s in unfinished if s.slug == profile.wizard_step), None)
        step = last or (unfinished[0] if unfinished else None)
        skills = profile.ratings.exists()
    shortlisted = Shortlisted.objects.filter(profile_key=key).count()
    plan = plan_models.Plan.objects.filter(profile_key=key).first()
    target = plan.target_title if plan is not None and plan.target_code else ""
    resumes = doc_models.Resume.objects.count()
    started = profile is not None and (bool(profile.step_status) or bool(profile.occupation_code))
    return Where(started or shortlisted > 0, step, skills, shortlisted, target, resumes)


def continue_step(w: Where) -> NextStep:
    """Where "continue" goes from the home page: the first part of the loop not done."""
    if w.profile_step is not None:
        from unstuck.web.profile.nav import step_url

        return NextStep(
            f"Continue your profile: {w.profile_step.title}",
            step_url(w.profile_step.slug),
            "Answers are saved as you go.",
        )
    if not w.shortlisted:
        return NextStep(
            "Explore career paths",
            reverse("paths:explore"),
            "Shortlist two or three moves that fit you; the plan is made towards one of them.",
        )
    if not w.target:
        return NextStep(
            "Make a plan towards a shortlisted target",
            reverse("plan:overview"),
            f"{w.shortlisted} on your shortlist.",
        )
    return NextStep(
        f"Your plan towards {w.target}",
        reverse("plan:overview"),
        "This week's tasks, the learning, goals and the exit plan.",
    )


#: Each page's next step in the loop, when the page itself is done.
_AFTER: dict[str, tuple[str, str, str]] = {
    "results": (
        "Explore career paths",
        "paths:explore",
        "Moves ranked on what transfers from you, your interests and values, pay and outlook.",
    ),
    "explore": (
        "Next: compare what you shortlisted",
        "paths:shortlist",
        "Compare what you shortlisted side by side, then plan towards one.",
    ),
    "shortlist": (
        "Make a plan towards one of them",
        "plan:overview",
        "Gaps, learning, goals, a 90-day plan and an exit plan.",
    ),
    "overview": (
        "Gaps and learning",
        "plan:learning",
        "What stands between you and the target, and the activities that close it.",
    ),
    "learning": ("Goals", "plan:goals", "SMART goals from the plan, checked letter by letter."),
    "goals": ("Exit plan", "plan:exit", "Runway, readiness to resign and a timeline."),
    "exit": ("Read the report", "plan:report", "The whole plan as one document to print or share."),
    "documents": (
        "Explore career paths",
        "paths:explore",
        "What your resume shows counts towards each move.",
    ),
}


def next_after(page: str, w: Where | None = None) -> dict[str, Any] | None:
    """The next step after ``page``: the loop's next page, or what is missing first (a
    profile not finished before paths, a shortlist before the plan)."""
    w = w if w is not None else where()
    if page in ("explore", "shortlist") and not w.shortlisted:
        return None  # the page itself asks for a shortlist
    if page == "results" and w.profile_step is not None:
        return continue_step(w).to_dict()
    found = _AFTER.get(page)
    if found is None:
        return None
    label, name, why = found
    return NextStep(label, reverse(name), why).to_dict()
