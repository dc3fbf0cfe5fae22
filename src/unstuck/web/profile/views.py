"""The onboarding wizard and the results page: parse the request, call the services, render.

Every POST saves before it moves, so Back, Next and Skip never lose answers; answers are also
saved as they are given (``autosave``, called by a few lines of our own JavaScript), so
reloading or closing the tab mid-page loses nothing either. Without JavaScript the wizard
works the same, saving on each button.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from unstuck.app.documents import services as documents
from unstuck.app.profile import models as m
from unstuck.app.profile import services, wizard
from unstuck.core import profile as core_profile
from unstuck.core.assess import AnswersError, Instrument, InsufficientAnswersError
from unstuck.core.occupations import UnknownOccupation
from unstuck.web.profile import forms, nav


def start(request: HttpRequest) -> HttpResponse:
    profile = services.get_profile()
    resume = wizard.resume_step(profile)
    started = bool(profile.wizard_step or profile.step_status)
    context = {
        "progress": nav.progress(profile, resume.slug),
        "resume": resume,
        "resume_url": nav.step_url(resume.slug),
        "started": started,
        "has_resume": documents.latest_resume() is not None,
    }
    return render(request, "profile/start.html", context)


# -- about you ---------------------------------------------------------------------------------


def _areas(kb: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    if kb is None or not kb.area_wages:
        return []
    groups: dict[str, list[tuple[str, str]]] = {}
    for area in kb.area_wages.sorted_areas():
        if area.kind not in ("state", "metro"):
            continue
        label = "States" if area.kind == "state" else "Metro areas"
        groups.setdefault(label, []).append((area.code, area.name))
    return list(groups.items())


def _initial(profile: m.Profile) -> dict[str, Any]:
    return {
        "title_query": profile.occupation_title,
        "occupation_code": profile.occupation_code,
        "years_in_occupation": profile.years_in_occupation,
        "education": profile.education,
        "credentials": "\n".join(profile.credentials or ()),
        "location": profile.location_code,
        "min_pay": profile.min_pay,
        "current_pay": profile.current_pay,
        "hours_per_week": profile.hours_per_week,
        "retraining_months": profile.retraining_months,
        "learning_budget": profile.learning_budget,
        "risk_tolerance": profile.risk_tolerance or "medium",
        "savings": profile.savings,
        "monthly_expenses": profile.monthly_expenses,
    }


@require_http_methods(["GET", "POST"])
def about(request: HttpRequest) -> HttpResponse:
    profile = services.get_profile()
    kb = services.knowledge_base()
    areas = _areas(kb)
    matches: list[Any] = []
    problems: list[str] = []
    notice = ""
    if wizard.status(profile, "about") == wizard.FROM_RESUME:
        notice = (
            "Your job, years in it and education are filled in from your resume. Check them, "
            "add what a resume cannot say (where you live, your hours, budget and limits), "
            "then save."
        )
    if request.GET.get("set") and request.GET.get("set") == profile.occupation_code:
        notice = (
            f"{profile.occupation_title} is now your current job, and your skills start from "
            "its typical levels. Check the rest of what you know about you, then save."
        )
    if request.method == "POST":
        action = request.POST.get("action", "next")
        if action == "skip":
            wizard.mark(profile, "about", "skipped")
            wizard.visit(profile, wizard.next_step("about").slug)
            return redirect(nav.step_url(wizard.next_step("about").slug))
        form = forms.AboutForm(request.POST, areas=areas)
        if form.is_valid():
            data = form.cleaned_data
            query = data["title_query"].strip()
            code = request.POST.get("occupation_choice") or data["occupation_code"]
            if action == "find" or (query and query != profile.occupation_title and not code):
                if kb is not None and query:
                    matches = kb.search(query, limit=8)
                if action != "find" and matches:
                    # Save pressed with a title typed but no occupation chosen: keep every
                    # other answer now, and say what is still needed.
                    try:
                        _save_about(profile, data, "", kb, areas)
                    except services.ProfileError as exc:
                        problems.extend(str(p) for p in exc.problems)
                    else:
                        wizard.visit(services.get_profile(), "about")
                        notice = (
                            f"Your other answers are saved. Choose the occupation closest to "
                            f"“{query}” below, then save again."
                        )
                if not query:
                    problems.append("Type a job title first, then press Find.")
                elif not matches:
                    problems.append(
                        "No occupation matched that title. Try other words."
                        if kb is not None
                        else "The occupational data is not installed, so titles cannot be "
                        "searched. Run 'unstuck data install'."
                    )
            else:
                try:
                    _save_about(profile, data, code, kb, areas)
                except services.ProfileError as exc:
                    problems.extend(str(p) for p in exc.problems)
                except UnknownOccupation:
                    problems.append("That occupation is not in the installed data.")
                else:
                    saved = services.get_profile()
                    wizard.mark(saved, "about", "done")
                    wizard.visit(saved, wizard.next_step("about").slug)
                    return redirect(nav.step_url(wizard.next_step("about").slug))
    else:
        form = forms.AboutForm(initial=_initial(profile), areas=areas)
    context = nav.context(profile, "about") | {
        "form": form,
        "notice": notice,
        "matches": matches,
        "problems": problems,
        "profile": profile,
        "kb_installed": kb is not None,
    }
    return render(request, "profile/about.html", context, status=400 if problems else 200)


def _save_about(
    profile: m.Profile, data: dict[str, Any], code: str, kb: Any, areas: list[Any]
) -> None:
    location = None
    if data.get("location"):
        names = {c: n for _, opts in areas for c, n in opts}
        kinds = {c: ("state" if g == "States" else "metro") for g, opts in areas for c, _ in opts}
        value = data["location"]
        location = core_profile.Location(kinds.get(value, "state"), value, names.get(value, value))
    if code and code != profile.occupation_code:
        if kb is None:
            raise UnknownOccupation(code)
        services.set_occupation(kb, code)
        profile = services.get_profile()
    current = services.to_core(profile)
    updated = core_profile.Profile(
        occupation_code=current.occupation_code,
        occupation_title=current.occupation_title,
        years_in_occupation=data["years_in_occupation"],
        ratings=current.ratings,
        technology=current.technology,
        credentials=tuple(data.get("credentials") or ()),
        education=data["education"],
        constraints=core_profile.Constraints(
            location=location,
            min_pay=data["min_pay"],
            current_pay=data.get("current_pay"),
            hours_per_week=data["hours_per_week"],
            retraining_months=data["retraining_months"],
            learning_budget=data["learning_budget"],
            risk_tolerance=data["risk_tolerance"],
            savings=data["savings"],
            monthly_expenses=data["monthly_expenses"],
        ),
    )
    services.save_profile(updated)


# -- assessments -------------------------------------------------------------------------------


def _page_answers(request: HttpRequest, instrument: Instrument) -> dict[str, int | None]:
    """The answers a page posted (any of the instrument's items: which items a page shows
    follows the answers, so the form, not a recount, says what was on it). Unanswered radios
    are absent, so they stay unanswered."""
    out: dict[str, int | None] = {}
    for item in instrument.items:
        raw = request.POST.get(item.id)
        if raw is None or raw == "":
            continue
        try:
            out[item.id] = int(raw)
        except ValueError:
            out[item.id] = raw  # type: ignore[assignment]  # reported by validation
    return out


def _ranking(request: HttpRequest, instrument: Instrument) -> tuple[list[str] | None, str]:
    """The ranking from the per-value selects: all blank means "not ranked"."""
    places: dict[str, str] = {
        sid: request.POST.get(f"rank-{sid}", "") for sid in instrument.ranking_of
    }
    if not any(places.values()):
        return [], ""
    n = len(instrument.ranking_of)
    names = {sid: instrument.subscale(sid).name for sid in instrument.ranking_of}
    numbers: dict[str, int] = {}
    for sid, raw in places.items():
        if not raw:
            continue  # a partial ranking: the values left blank share the places after
        try:
            place = int(raw)
        except ValueError:
            place = 0
        if not 1 <= place <= n:
            return None, f"Give {names[sid]} a place from 1 to {n}, or leave it blank."
        numbers[sid] = place
    by_place: dict[int, list[str]] = {}
    for sid, place in numbers.items():
        by_place.setdefault(place, []).append(names[sid])
    twice = [(place, who) for place, who in sorted(by_place.items()) if len(who) > 1]
    if twice:
        place, who = twice[0]
        return None, (
            f"{' and '.join(who)} both have place {place}: give each value a different place "
            "(or leave some blank)."
        )
    return sorted(numbers, key=lambda sid: numbers[sid]), ""


def _clamp_page(
    instrument: Instrument, raw: Any, default: int, answers: dict[str, Any] | None = None
) -> int:
    try:
        page = int(raw)
    except (TypeError, ValueError):
        page = default
    return max(0, min(page, wizard.pages(instrument, answers) - 1))


def _draft_answers(draft: m.Draft | None) -> dict[str, Any]:
    return dict(draft.answers) if draft else {}


@require_http_methods(["GET", "POST"])
def assess(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in wizard.ASSESSMENT_STEPS:
        raise Http404("no such assessment")
    instrument = wizard.instrument_for(slug)
    profile = services.get_profile()
    draft = services.find_draft(instrument)
    errors: list[str] = []
    if request.method == "POST":
        before = _draft_answers(draft)
        page = _clamp_page(instrument, request.POST.get("page"), 0, before)
        action = request.POST.get("action", "next")
        answers = _page_answers(request, instrument)
        ranking: list[str] | None = None
        if wizard.is_ranking_page(instrument, page, before):
            ranking, message = _ranking(request, instrument)
            if message:
                errors.append(message)
        if action == "skip":
            if answers or ranking:
                services.save_draft(instrument, answers, ranking or None, page)
            wizard.mark(profile, slug, "skipped")
            wizard.visit(profile, wizard.next_step(slug).slug)
            return redirect(nav.step_url(wizard.next_step(slug).slug))
        if not errors:
            try:
                draft = services.save_draft(instrument, answers, ranking, page)
            except AnswersError as exc:
                errors.extend(str(p) for p in exc.problems)
        if not errors:
            last = wizard.pages(instrument, _draft_answers(draft)) - 1
            wizard.visit(profile, slug)  # the step saved is the one to continue
            if action == "back":
                if page == 0:
                    prev = wizard.previous_step(slug)
                    if prev is not None:
                        wizard.visit(profile, prev.slug)
                    return redirect(
                        nav.step_url(prev.slug) if prev else reverse("profile:start")
                    )
                services.save_draft(instrument, {}, None, page - 1)
                return redirect(nav.step_url(slug, page - 1))
            if action == "finish" or page >= last:
                try:
                    services.complete_draft(instrument)
                except InsufficientAnswersError as exc:
                    errors.append(str(exc))
                else:
                    # A retake (the weekly check-in, say) goes straight to what changed.
                    retake = wizard.status(profile, slug) == "done"
                    wizard.mark(profile, slug, "done")
                    if retake:
                        wizard.visit(profile, "results")
                        return redirect(f"{nav.step_url('results')}#{slug}")
                    wizard.visit(profile, wizard.next_step(slug).slug)
                    return redirect(nav.step_url(wizard.next_step(slug).slug))
            else:
                services.save_draft(instrument, {}, None, page + 1)
                return redirect(nav.step_url(slug, page + 1))
    else:
        # Showing a page records nothing: the draft's page moves when a page is saved.
        default = draft.page if draft else 0
        page = _clamp_page(instrument, request.GET.get("page"), default, _draft_answers(draft))
    draft = services.find_draft(instrument)
    stored = _draft_answers(draft)  # what decides the page's items, as when it was shown
    saved: dict[str, Any] = dict(stored)
    if request.method == "POST":
        saved.update(_page_answers(request, instrument))
    posted = None
    if request.method == "POST" and errors and wizard.is_ranking_page(instrument, page, stored):
        posted = {sid: request.POST.get(f"rank-{sid}", "") for sid in instrument.ranking_of}
    context = nav.context(profile, slug) | _assess_context(
        instrument, page, saved, draft, posted, stored
    )
    context["errors"] = errors
    context["next_title"] = wizard.next_step(slug).title
    return render(request, "profile/assess.html", context, status=400 if errors else 200)


def _assess_context(
    instrument: Instrument,
    page: int,
    saved: dict[str, Any],
    draft: m.Draft | None,
    posted_places: dict[str, str] | None = None,
    stored: dict[str, Any] | None = None,
) -> dict[str, Any]:
    shown = wizard.page_items(instrument, page, stored)
    items = []
    for n, item in enumerate(shown, start=wizard.first_number(instrument, page, stored)):
        labels = instrument.labels_for(item)
        items.append(
            {
                "id": item.id,
                "number": n,
                "text": item.text,
                "options": [
                    {"value": v, "label": labels[i], "checked": saved.get(item.id) == v}
                    for i, v in enumerate(instrument.scale.values)
                ],
            }
        )
    ranking_page = wizard.is_ranking_page(instrument, page, stored)
    ranking = list(draft.ranking) if draft and draft.ranking else []
    rank_rows = []
    if ranking_page:
        for sub in instrument.subscales:
            place: int | None = ranking.index(sub.id) + 1 if sub.id in ranking else None
            if posted_places is not None:  # re-shown after an error: what was entered
                raw = posted_places.get(sub.id, "")
                place = int(raw) if raw.isdigit() else None
            rank_rows.append(
                {
                    "id": sub.id,
                    "name": sub.name,
                    "description": sub.description,
                    "place": place,
                }
            )
    answered = sum(1 for v in saved.values() if v is not None)
    total_pages = wizard.pages(instrument, stored)
    return {
        "instrument": instrument,
        "draft_token": str(draft.pk) if draft else "new",
        "page": page,
        "page_number": page + 1,
        "pages": total_pages,
        "last_page": page == total_pages - 1,
        "items": items,
        "ranking_page": ranking_page,
        "rank_rows": rank_rows,
        "places": list(range(1, len(instrument.ranking_of) + 1)),
        "answered": answered,
        "total": len(instrument.asked(saved)),
        "minimum": instrument.min_answers(saved),
    }


@require_POST
def autosave(request: HttpRequest, slug: str) -> JsonResponse:
    """Save one page's answers as they are given (called by wizard.js)."""
    if slug not in wizard.ASSESSMENT_STEPS:
        return JsonResponse({"error": "no such assessment"}, status=404)
    instrument = wizard.instrument_for(slug)
    page = _clamp_page(
        instrument, request.POST.get("page"), 0, _draft_answers(services.find_draft(instrument))
    )
    # The page names the draft it was shown with ("new" if none). A save arriving for a draft
    # that is gone (finished in the meantime, perhaps by the very submit that raced it) must
    # not bring it back as a half-empty draft.
    token = request.POST.get("draft", "new")
    existing = services.find_draft(instrument)
    if token != "new" and (existing is None or str(existing.pk) != token):
        return JsonResponse(
            {"stale": True, "message": "This questionnaire was finished or restarted; reload."},
            status=409,
        )
    answers = _page_answers(request, instrument)
    try:
        draft = services.save_draft(instrument, answers, None, page)
    except AnswersError as exc:
        return JsonResponse({"problems": [p.to_dict() for p in exc.problems]}, status=400)
    wizard.visit(services.get_profile(), slug)
    answered = sum(1 for v in draft.answers.values() if v is not None)
    return JsonResponse(
        {"saved": len(answers), "answered": answered, "page": draft.page, "draft": draft.pk}
    )


# -- skills ------------------------------------------------------------------------------------


def _element_choices(kb: Any, current: core_profile.Profile) -> list[dict[str, str]]:
    """Every O*NET skill and knowledge element not rated yet, for "add another"."""
    if kb is None:
        return []
    rated = {r.element_id for r in current.ratings}
    seen: dict[str, tuple[str, str]] = {}
    for domain in ("skill", "knowledge"):
        for ratings in kb.ratings.get(domain, {}).values():
            for r in ratings:
                seen.setdefault(r.element_id, (r.name, domain))
    return [
        {"id": eid, "name": name, "domain": domain}
        for eid, (name, domain) in sorted(seen.items(), key=lambda kv: (kv[1][1], kv[1][0]))
        if eid not in rated
    ]


def _added_element(
    kb: Any, post: Any, current: core_profile.Profile, problems: list[str]
) -> core_profile.Rating | None:
    """The rating "add another" asks for, or None with the problem said."""
    choices = {c["id"]: c for c in _element_choices(kb, current)}
    element = post.get("add_element", "").strip()
    if element not in choices:
        problems.append("Choose a skill or knowledge area to add.")
        return None
    try:
        level = float(post.get("add_level", "").strip())
    except ValueError:
        level = math.nan
    if not (core_profile.LEVEL_MIN <= level <= core_profile.LEVEL_MAX):
        problems.append(f"Give your level in {choices[element]['name']} from 0 to 7.")
        return None
    c = choices[element]
    return core_profile.Rating(element, c["name"], c["domain"], level, None)  # type: ignore[arg-type]


def _technology_choices(kb: Any, code: str) -> list[dict[str, Any]]:
    if kb is None or not code:
        return []
    occ = kb.occupation(code)
    if occ is None:
        return []
    seen: dict[str, dict[str, Any]] = {}
    for t in sorted(occ.technology, key=lambda t: (not t.hot, not t.in_demand, t.example)):
        seen.setdefault(t.example, {"name": t.example, "hot": t.hot, "kind": t.commodity_title})
    return list(seen.values())[:40]


#: The level choices of the skills step: O*NET's 0-7 scale in half levels.
LEVEL_STEPS = tuple(n / 2 for n in range(15))


def level_choices(current: float, typical: float | None, anchors: list[dict[str, Any]]) -> list:
    """The choices for one element: half levels 0-7, each in words where one of O*NET's level
    anchors sits on it (within a quarter level), the typical level of the person's job marked,
    and the stored level kept exactly when it is not on the grid (so saving changes nothing
    the person did not change)."""
    out = []
    near = round(current * 2) / 2
    for value in LEVEL_STEPS:
        words = [a["text"] for a in anchors if abs(float(a["level"]) - value) <= 0.25]
        label = f"{value:g}"
        if value == 0:
            label += ": none"
        if words:
            label += f": {words[0]}"
        if typical is not None and round(typical * 2) / 2 == value:
            label += " (typical for your job)"
        out.append({"value": f"{value:g}", "label": label, "selected": False})
    if abs(near - current) > 1e-9:
        out.append({"value": f"{current:g}", "label": f"{current:.2f}, as now", "selected": True})
        out.sort(key=lambda c: float(c["value"]))
    else:
        for c in out:
            c["selected"] = abs(float(c["value"]) - current) < 1e-9
    return out


def suggest_technology(known: dict[str, str], name: str, limit: int = 3) -> list[str]:
    """O*NET technology names close to ``name`` ("Canvas LMS" -> "Instructure Canvas"): those
    sharing its rarer words first (a word found in few names, like "canvas", says more than
    "lms" or "software"), then spelling neighbours."""
    import difflib
    import math as _math

    def words_of(text: str) -> set[str]:
        return {w for w in text.casefold().replace("-", " ").split() if len(w) > 1}

    mine = words_of(name)
    names = {k: words_of(k) for k in known}
    df: dict[str, int] = {}
    for ws in names.values():
        for w in ws & mine:
            df[w] = df.get(w, 0) + 1
    n = max(1, len(names))
    scored = sorted(
        (-sum(_math.log(n / df[w]) for w in ws & mine), len(k), known[k])
        for k, ws in names.items()
        if ws & mine
    )
    out = [v for _, _, v in scored[:limit]]
    for k in difflib.get_close_matches(name.casefold(), list(known), n=limit, cutoff=0.75):
        if known[k] not in out:
            out.append(known[k])
    return out[:limit]


def _all_technology(kb: Any) -> dict[str, str]:
    """O*NET's technology examples across all occupations, by folded name."""
    if kb is None:
        return {}
    return {t.example.casefold(): t.example for techs in kb.technology.values() for t in techs}


@require_http_methods(["GET", "POST"])
def skills(request: HttpRequest) -> HttpResponse:
    profile = services.get_profile()
    kb = services.knowledge_base()
    current = services.to_core(profile)
    errors: dict[str, str] = {}
    problems: list[str] = []
    values: dict[str, str] = {}
    chosen_tech = set(current.technology)
    other_tech = ""
    suggestions: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action", "next")
        if action == "skip":
            wizard.mark(profile, "skills", "skipped")
            wizard.visit(profile, "results")
            return redirect(nav.step_url("results"))
        if action == "back":
            wizard.visit(profile, "values")
            return redirect(nav.step_url("values"))
        ratings = []
        for r in current.ratings:
            raw = request.POST.get(f"level-{r.element_id}", "").strip()
            values[r.element_id] = raw
            try:
                level = float(raw)
            except ValueError:
                errors[r.element_id] = "Enter a level from 0 to 7."
                continue
            if not core_profile.LEVEL_MIN <= level <= core_profile.LEVEL_MAX:
                errors[r.element_id] = "Enter a level from 0 to 7."
                continue
            ratings.append(core_profile.Rating(r.element_id, r.name, r.domain, level, r.typical))
        chosen_tech = set(request.POST.getlist("technology"))
        other_tech = request.POST.get("other_technology", "")
        known = _all_technology(kb)
        for name in (n.strip() for n in other_tech.split(",")):
            if not name:
                continue
            if known and name.casefold() not in known:
                near = suggest_technology(known, name)
                suggestions.extend(t for t in near if t not in suggestions)
                problems.append(
                    f"“{name}” is not in O*NET's technology list."
                    + (f" Did you mean {' or '.join(near)}? Tick it below." if near else "")
                )
            else:
                chosen_tech.add(known.get(name.casefold(), name))
        if action == "add":
            added = _added_element(kb, request.POST, current, problems)
            if added is not None:
                ratings.append(added)
        if not errors and not problems:
            services.save_profile(
                dataclasses.replace(
                    current, ratings=tuple(ratings), technology=tuple(sorted(chosen_tech))
                )
            )
            if action == "add":
                wizard.visit(profile, "skills")
                return redirect(nav.step_url("skills") + "#added")
            wizard.mark(profile, "skills", "done")
            wizard.visit(profile, "results")
            return redirect(nav.step_url("results"))
    rows = []
    for r in current.ratings:
        anchors = []
        if kb is not None:
            anchors = [
                {"level": a.value, "text": a.description} for a in kb.level_anchors(r.element_id)
            ]
        shown = values.get(r.element_id, f"{r.level:g}")
        try:
            chosen = float(shown)
        except ValueError:
            chosen = r.level
        if not core_profile.LEVEL_MIN <= chosen <= core_profile.LEVEL_MAX:  # also NaN: refused
            chosen = r.level  # above, so the choices show the stored level
        rows.append(
            {
                "id": r.element_id,
                "name": r.name,
                "domain": r.domain,
                "level": shown,
                "choices": level_choices(chosen, r.typical, anchors),
                "typical": r.typical,
                "prompt": core_profile.typical_prompt(r),
                "anchors": anchors,
                "error": errors.get(r.element_id),
            }
        )
    stand_in = (
        services.rating_stand_in(kb, profile.occupation_code)
        if kb is not None and profile.occupation_code
        else None
    )
    context = nav.context(profile, "skills") | {
        "profile": profile,
        "stand_in": None if stand_in is None else kb.titles.get(stand_in),
        "skill_rows": [r for r in rows if r["domain"] == "skill"],
        "knowledge_rows": [r for r in rows if r["domain"] == "knowledge"],
        "technology": _technology_choices(kb, current.occupation_code or ""),
        "element_choices": _element_choices(kb, current),
        "add_element": request.POST.get("add_element", "") if request.method == "POST" else "",
        "add_level": request.POST.get("add_level", "") if request.method == "POST" else "",
        "chosen_tech": chosen_tech,
        "other_tech": other_tech,
        "extra_tech": sorted(
            t
            for t in chosen_tech
            if t not in {c["name"] for c in _technology_choices(kb, profile.occupation_code)}
        ),
        "suggestions": [t for t in suggestions if t not in chosen_tech],
        "from_resume": wizard.status(profile, "skills") == wizard.FROM_RESUME,
        "problems": problems,
        "has_errors": bool(errors or problems),
    }
    status = 400 if errors or problems else 200
    return render(request, "profile/skills.html", context, status=status)


@require_http_methods(["POST"])
def my_job(request: HttpRequest) -> HttpResponse:
    """"This is my job" from an occupation page: set it as the current occupation (skills
    prefilled from it, as the About-you page does) and go on to About you to check the rest."""
    kb = services.knowledge_base()
    code = request.POST.get("code", "").strip()
    if kb is None or kb.occupation(code) is None:
        return HttpResponseBadRequest("Unknown occupation.")
    services.set_occupation(kb, code)
    return redirect(reverse("profile:about") + "?set=" + code)
