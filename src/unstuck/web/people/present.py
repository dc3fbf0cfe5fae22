"""What the people pages show, as plain values: a person's row, their follow-up in words, an
informational interview with its next step. A value that is not known stays None (the
templates say "not given"); nothing is made up."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from unstuck.core import people as core
from unstuck.web.people.forms import KIND_LABELS


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def follow_up_words(state: core.FollowUp) -> str | None:
    """ "overdue by 3 days (was due 1 Dec 2026)", "due today", "due in 5 days (8 Dec 2026)",
    or None without a cadence."""
    if state.status == "none" or state.due is None or state.days is None:
        return None
    snoozed = ", snoozed" if state.snoozed else ""
    if state.status == "overdue":
        return f"overdue by {plural(-state.days, 'day')} (was due {_day(state.due)}{snoozed})"
    if state.status == "due":
        return "due today" + (" (snoozed)" if state.snoozed else "")
    return f"due in {plural(state.days, 'day')} ({_day(state.due)}{snoozed})"


def current_role(contact: Any) -> str | None:
    """The contact's first role without an end date, as "Title at Organisation"."""
    for r in contact.roles.all():
        if r.end is None:
            return role_words(r)
    return None


def role_words(role: Any) -> str:
    org = role.organisation.name if role.organisation_id else ""
    if role.title and org:
        return f"{role.title} at {org}"
    return role.title or org


def row(contact: Any, state: core.FollowUp) -> dict[str, Any]:
    """One person as the lists show them."""
    return {
        "pk": contact.pk,
        "name": contact.name,
        "role": current_role(contact),
        "tags": list(contact.tags),
        "follow_up": follow_up_words(state),
        "status": state.status,
        "last": getattr(contact, "last_interaction", None),
        "cadence": contact.cadence_days,
    }


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("-", " ").capitalize())


def stage_label(stage: str) -> str:
    return core.STAGE_LABELS.get(stage, stage).capitalize()


def interview(i: Any, titles: Mapping[str, str]) -> dict[str, Any]:
    """An informational interview: who, about what, where it stands, what to do next."""
    nxt = core.next_stage(i.stage) if i.stage in core.STAGES else None
    reached = []
    for s in core.STAGES:
        when = i.reached.get(s) if isinstance(i.reached, dict) else None
        if when:
            try:
                reached.append({"stage": stage_label(s), "on": date.fromisoformat(when)})
            except ValueError:
                continue
    return {
        "pk": i.pk,
        "contact_pk": i.contact_id,
        "name": i.contact.name,
        "target": titles.get(i.target_code, i.target_code) if i.target_code else None,
        "target_code": i.target_code or None,
        "stage": i.stage,
        "stage_label": stage_label(i.stage),
        "next_step": core.STAGE_NEXT.get(i.stage),
        "next_stage": nxt,
        "next_label": stage_label(nxt) if nxt else None,
        "scheduled_for": i.scheduled_for,
        "reached": reached,
    }


def pipeline(interviews: Iterable[Any], titles: Mapping[str, str]) -> list[dict[str, Any]]:
    """The interviews by stage, in the pipeline's order (every stage, empty ones too)."""
    by: dict[str, list[dict[str, Any]]] = {s: [] for s in core.STAGES}
    for i in interviews:
        by.setdefault(i.stage, []).append(interview(i, titles))
    return [
        {"stage": s, "label": stage_label(s), "next": core.STAGE_NEXT.get(s), "interviews": by[s]}
        for s in by
    ]


def target_choices(shortlist: Iterable[Any], extra: str = "") -> list[tuple[str, str]]:
    out = [("", "None in particular")] + [(s.code, s.title) for s in shortlist]
    if extra and extra not in {c for c, _ in out}:
        out.append((extra, extra))
    return out


def typed(items: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Stored emails or phones with their types in words ("work, preferred")."""
    out = []
    for item in items:
        types = [("preferred" if t == "pref" else t) for t in item.get("types", ())]
        out.append({"value": item[key], "types": ", ".join(types) or None})
    return out
