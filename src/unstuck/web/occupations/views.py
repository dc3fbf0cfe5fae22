"""The explorer's pages: parse the request, ask the knowledge base, render.

- ``home``: the search box and a few example titles; it never loads the knowledge base, so the
  front page is instant even on a fresh install.
- ``search``: ranked, typo-tolerant matches for a title (``?q=``); an exact O*NET-SOC code goes
  straight to its profile.
- ``detail``: an occupation's profile; 404 for a code this release does not have.
- ``suggest``: the same matches as JSON, for type-ahead in forms.
"""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from unstuck.knowledge.errors import KnowledgeBaseMissing
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base
from unstuck.web import journey
from unstuck.web.installed import requires_knowledge_base
from unstuck.web.occupations import present

MAX_QUERY = 200
RESULTS = 20
SUGGESTIONS = 8
CODE = re.compile(r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$")
EXAMPLES = ("registered nurse", "bookkeeper", "sr. software eng II", "HR mgr", "welder")


def _query(request: HttpRequest) -> str:
    return " ".join(request.GET.get("q", "").split())[:MAX_QUERY]


def home(request: HttpRequest) -> HttpResponse:
    w = journey.where()
    context = {"examples": EXAMPLES, "continue": journey.continue_step(w) if w.started else None}
    return render(request, "occupations/home.html", context)


@requires_knowledge_base
def search(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    query = _query(request)
    if CODE.match(query) and query in kb:
        return redirect("occupations:detail", code=query)
    matches = kb.search(query, limit=RESULTS) if query else []
    context = {
        "query": query,
        "results": present.results(matches, kb),
        "examples": EXAMPLES,
        "release": kb.release,
    }
    return render(request, "occupations/search.html", context)


@requires_knowledge_base
def detail(request: HttpRequest, kb: KnowledgeBase, code: str) -> HttpResponse:
    occupation = kb.occupation(code)
    if occupation is None:
        raise Http404(f"O*NET {kb.release} has no occupation with the code {code}.")
    from unstuck.app.paths import services as paths_services

    context = {
        "profile": present.profile(occupation, kb),
        "shortlisted": code in {s.code for s in paths_services.shortlist()},
        "added": request.GET.get("added", "") == code,
        "removed": request.GET.get("removed", "") == code,
        "next": request.path,
    }
    return render(request, "occupations/detail.html", context)


def suggest(request: HttpRequest) -> JsonResponse:
    try:
        kb = get_knowledge_base()
    except KnowledgeBaseMissing as exc:
        return JsonResponse({"error": str(exc)}, status=503)
    query = _query(request)
    matches = kb.search(query, limit=SUGGESTIONS) if query else []
    return JsonResponse(
        {
            "query": query,
            "release": kb.release,
            "results": [
                {
                    "code": m.code,
                    "title": m.title,
                    "matched": m.matched,
                    "source": m.source,
                    "url": reverse("occupations:detail", args=[m.code]),
                }
                for m in matches
            ],
        }
    )
