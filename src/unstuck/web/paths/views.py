"""Career-path pages: parse the request, call the engine, render (cards: :mod:`.present`).

- ``explore``: paths grouped by kind of move for the saved profile (or ``?from=CODE``), with the
  what-if form (pay floor, months of retraining, hours a week, job-zone step) re-ranking on
  submit; ``?kind=`` narrows to one kind.
- ``compare``: two or three ``?code=`` targets side by side.
- ``shortlist``: the kept targets; POST ``add``/``remove`` with a ``code``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from unstuck.app.paths import services, wording
from unstuck.app.profile import services as profile_services
from unstuck.app.profile.services import LatestResults
from unstuck.core.paths import KINDS, score
from unstuck.core.paths import compare as compare_targets
from unstuck.core.paths.data import OccupationData
from unstuck.knowledge.matrices import occupation_data
from unstuck.knowledge.store import KnowledgeBase
from unstuck.web import journey
from unstuck.web.installed import requires_knowledge_base
from unstuck.web.paths import present
from unstuck.web.profile import nav

LIMIT = 4  # cards per kind at first: a phone page stays short, "show more" gives MORE
#: "show more" of one kind
MORE = 20


@requires_knowledge_base
def explore(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    data = occupation_data(kb)
    results = profile_services.latest_results(only=(*services.PERSON_RESULTS, "rut"))
    kind = request.GET.get("kind", "")
    kinds = [kind] if kind in KINDS else None
    limit = MORE if kinds and request.GET.get("more") else LIMIT
    result, person, applied, problems = services.exploration(
        kb, request.GET, kinds=kinds, limit=limit, results=results
    )
    kept = {s.code for s in services.shortlist()}
    query = request.GET.copy()
    groups = []
    for g in result.groups:
        query["kind"] = g.kind
        query["more"] = "1"
        groups.append(
            {
                "group": g,
                "cards": present.cards(g.items, kept) if g.kind != "grow" else [],
                "note": wording.group_note(g),
                "left_out": present.left_out_rows(g),
                "more_url": f"?{query.urlencode()}#kind-{g.kind}" if g.more else None,
            }
        )
    picks = present.cards(result.top(10), kept) if not kinds else []
    me = data.index.get(person.occupation) if person.occupation else None
    context = {
        "groups": groups,
        "picks": picks,
        "in_force": present.constraints_in_force(person),
        "form_values": present.what_if_values(person, applied),
        "unused": present.unused_parts(result.unused),
        "unusable": _unusable(request, data, results),
        "applied": applied,
        "problems": problems,
        "start": request.GET.get("from", "").strip(),
        "kind": kind if kinds else "",
        "kinds": KINDS,
        "current": None if me is None else {"code": data.codes[me], "title": data.titles[me]},
        "release": result.data_release,
        "next": request.get_full_path(),
        "elements": sorted(
            (e for e in data.elements if e.domain in ("skill", "knowledge")),
            key=lambda e: (e.domain, e.name),
        ),
    }
    context["next_step"] = journey.next_after("explore")
    context["added"] = request.GET.get("added", "")
    context["removed"] = request.GET.get("removed", "")
    return render(request, "paths/explore.html", context)


@requires_knowledge_base
def compare(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    data = occupation_data(kb)
    codes = [c.strip() for c in request.GET.getlist("code") if c.strip()]
    codes = list(dict.fromkeys(codes))
    known = [c for c in codes if c in data.index]
    problems = [f"There is no occupation {c!r}." for c in codes if c not in data.index]
    if not 2 <= len(known) <= 3:
        problems.append("Pick two or three occupations to compare (from your shortlist).")
        known = []
    results = profile_services.latest_results(only=services.PERSON_RESULTS)
    person, applied, more = services.person_for(kb, data, request.GET, results)
    ranking = score(data, person)
    recs = compare_targets(ranking, known) if known else ()
    context = {
        "cards": present.cards(recs, {s.code for s in services.shortlist()}),
        "problems": problems + more,
        "unused": present.unused_parts([(u.signal, u.reason) for u in ranking.unused]),
        "unusable": _unusable(request, data, results),
        "shortlist": services.shortlist(),
        "codes": known,
    }
    return render(request, "paths/compare.html", context, status=200 if recs else 400)


def _unusable(
    request: HttpRequest, data: OccupationData, results: LatestResults
) -> list[dict[str, str]]:
    """Results the saved profile has but the ranking cannot use (none with ``?from=CODE``)."""
    if request.GET.get("from", "").strip() in data.index:
        return []
    return nav.unusable(results.unusable.values())


@require_http_methods(["GET", "POST"])
@requires_knowledge_base
def shortlist(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    if request.method == "POST":
        code = request.POST.get("code", "").strip()
        action = request.POST.get("action", "")
        if code not in kb or action not in ("add", "remove"):
            return HttpResponseBadRequest("Unknown occupation or action.")
        if action == "add":
            services.add(code, kb.titles[code])
        else:
            services.remove(code)
        target = request.POST.get("next", "")
        if target.startswith("/") and not target.startswith("//"):
            # back to the same card, which confirms in place
            base = target.split("#", 1)[0]
            sep = "&" if "?" in base else "?"
            done = {"add": "added", "remove": "removed"}[action]
            return redirect(f"{base}{sep}{done}={code}#path-{code}")
        return redirect("paths:shortlist")
    context = {"items": services.shortlist(), "next_step": journey.next_after("shortlist")}
    return render(request, "paths/shortlist.html", context)
