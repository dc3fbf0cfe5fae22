"""The results page: every finished questionnaire, explained, with the answers behind each score.

Scores are re-computed from the stored answers with the instrument version that produced them
(:func:`~unstuck.app.profile.services.latest`), so what the page shows is always traceable;
the change since last time comes from the stored snapshots. ``results.json`` is the same data
as ``unstuck profile show --json``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from unstuck.app.profile import services
from unstuck.core import profile as core_profile
from unstuck.core.assess import RutCheckResult
from unstuck.core.assess.interests import RIASEC, code_of, fit_words, interest_fit
from unstuck.web import journey
from unstuck.web.profile import nav, present


def results(request: HttpRequest) -> HttpResponse:
    profile = services.get_profile()
    shown: dict[str, Any] = {}
    changes: dict[str, Any] = {}
    dates: dict[str, Any] = {}
    history_counts: dict[str, int] = {}
    presenters = {
        "rut": present.rut,
        "interests": present.interests,
        "values": present.values,
        "wellbeing": present.wellbeing,
    }
    radar = None
    core = services.to_core(profile)
    latest = services.latest_results()
    for short, fn in presenters.items():
        found = latest.get(short)
        if found is None:
            continue
        if isinstance(found.result, RutCheckResult):
            adjusted = services.strategy_mix(results=latest)
            shown[short] = present.rut(found.result, adjusted)
        else:
            shown[short] = fn(found.result)  # type: ignore[operator]
        if short == "interests":
            radar = present.radar(found.result)  # type: ignore[arg-type]
        changes[short] = present.comparison(found.comparison)
        dates[short] = found.record.completed_at
        history_counts[short] = len(services.history(short))
    care_notes = []
    for short in ("wellbeing", "rut"):
        if short in shown and shown[short]["care"].shown:
            care_notes.append(shown[short]["care"])
    care = None
    if care_notes:
        reasons = [r for note in care_notes for r in note.reasons]
        care = {"message": care_notes[0].message, "resources": care_notes[0].resources,
                "reasons": reasons}
    context = (
        nav.context(profile, "results")
        | _current_job_fit(core, latest, radar)
        | {
            "results": shown,
            "changes": changes,
            "dates": dates,
            "history_counts": history_counts,
            "care": care,
            "chart_data": present.chart_data(shown),
            "unusable": nav.unusable(latest.unusable.values()),
            "wellbeing_trend": _trend("wellbeing", "wellbeing"),
            "radar": radar,
            "profile": profile,
            "core_profile": core,
            "skill_rows": [
                {
                    "name": r.name,
                    "level": r.level,
                    "typical": r.typical,
                    "bar": present.bar(r.level, 7, f"{r.level:g}"),
                    "difference": r.difference,
                }
                for r in core.ratings
            ],
        }
    )
    context["next_step"] = journey.next_after("results")
    return render(request, "profile/results.html", context)


def _trend(short: str, key: str) -> list[dict[str, Any]]:
    """One score over every time the questionnaire was taken, from the stored snapshots."""
    rows = []
    for record in services.history(short):
        value = next((sc["value"] for sc in record.snapshot.get("scores", ()) if sc["key"] == key),
                     None)
        rows.append({"when": record.completed_at, "value": value,
                     "bar": present.bar(value)})
    return rows


def _current_job_fit(
    core: core_profile.Profile, latest: services.LatestResults, radar: Any
) -> dict[str, Any]:
    """How the person's interests and values compare with their current occupation's."""
    kb = services.knowledge_base() if core.occupation_code else None
    occ = kb.occupation(core.occupation_code) if kb is not None else None
    if occ is None:
        return {"job_fit": None}
    fit: dict[str, Any] = {"title": occ.title, "code": occ.code}
    latest_interests = latest.get("interests")
    if latest_interests is not None and occ.interests:
        occ_oi = {i.element_id: i.score for i in occ.interests if i.score is not None}
        person = latest_interests.result.oi_profile()  # type: ignore[union-attr]
        r = interest_fit(person, occ_oi)
        fit["interests"] = {
            "fit": None if r is None else round(r, 2),
            "words": fit_words(r),
            "job_code": occ.high_point_code or code_of(occ_oi),
            "rows": [
                {
                    "name": name,
                    "you": None if letter not in person else round(person[letter], 1),
                    "job": None if eid not in occ_oi else round(occ_oi[eid], 1),
                }
                for letter, name, eid, _ in RIASEC
            ],
        }
    latest_values = latest.get("values")
    if latest_values is not None and occ.work_values:
        mine = latest_values.result.ex_profile()  # type: ignore[union-attr]
        rows = []
        for v in occ.work_values:
            if v.element_id in mine:
                rows.append(
                    {
                        "name": v.name,
                        "you": round(mine[v.element_id], 1),
                        "job": None if v.extent is None else round(v.extent, 1),
                    }
                )
        fit["values"] = rows
    return {"job_fit": fit}


def results_json(request: HttpRequest) -> JsonResponse:
    """The same data as ``unstuck profile show --json``: every score with its answers."""
    return JsonResponse(services.summary(), json_dumps_params={"ensure_ascii": False, "indent": 2})
