"""Resume and job-posting pages: parse the request, call :mod:`.services`, render.

- ``index``: the resumes and postings kept, with links to match each pair.
- ``upload``: a resume file in; on success the ``confirm`` page shows what was read (positions,
  skills with the lines that show them, an occupation suggestion) and the person ticks what to
  apply to their profile. Nothing is stored when a file cannot be read.
- ``postings``: add postings by pasting, uploading a file (one posting or a CSV/JSON Lines
  batch) or giving an address; all or nothing.
- ``match``: one resume against one posting, the score by component, each requirement beside
  the resume line that evidences it (``<mark>``) or marked missing; ``tailored`` downloads the
  tailored resume as Markdown, DOCX or JSON Resume.
- ``market``: for a target occupation, how often each skill is asked for across its postings,
  how much of that the person's evidence covers, skills asked for together, and stated pay.

**Upload size.** Uploads are capped at :data:`.forms.MAX_UPLOAD_BYTES`. A request whose
``Content-Length`` is over the cap is answered (413, a page saying so) before its body is
parsed: the upload views are CSRF-exempt on the outside only so that the CSRF middleware does
not parse the body first, and check the token themselves (``csrf_protect``) once the size is
known to be fine. Nothing is read or stored for a refused upload.

Everything from a file or a posting is shown through the templates' autoescaping: posting HTML
is text on these pages, never markup.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from unstuck.app.documents import services
from unstuck.knowledge.store import KnowledgeBase
from unstuck.text.posting import PostingError
from unstuck.text.resume import ResumeError
from unstuck.web import journey
from unstuck.web.documents import forms, present
from unstuck.web.installed import requires_knowledge_base

# multipart framing and the other fields ride along with the file
_ENVELOPE = 256 * 1024


def too_large(request: HttpRequest, limit: int = forms.MAX_UPLOAD_BYTES) -> bool:
    """Whether the request body is over an upload cap of ``limit`` bytes (and the multipart
    framing around it), from its ``Content-Length`` alone."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > limit + _ENVELOPE


def _refuse_large(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    context = {
        **context,
        "problem": (
            f"That upload is over the {forms.MAX_UPLOAD_LABEL} limit, so it was not read and "
            "nothing was saved. Save a smaller copy (a PDF without images, or the text alone) "
            "and try again."
        ),
    }
    return render(request, template, context, status=413)


PAGE_SIZE = 50  # rows of a list per page
MATCH_LINKS = 3  # resumes (the newest) offered as match links beside each posting


def page_of(request: HttpRequest, items: Any, param: str = "page") -> Page:
    """One page of a query set (its count and one slice are the only queries); a page number
    that is not one shows the nearest page."""
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get(param))


def _match_resumes() -> list[dict[str, Any]]:
    return [present.resume_row(r) for r in services.resume_summaries()[:MATCH_LINKS]]


@require_GET
@requires_knowledge_base
def index(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    resumes = page_of(request, services.resume_summaries(), "resumes")
    posts = page_of(request, services.posting_summaries(), "postings")
    context = {
        "resumes": [present.resume_row(r) for r in resumes],
        "resume_page": resumes,
        "postings": [present.posting_row(p, kb.titles) for p in posts],
        "posting_page": posts,
        "match_resumes": _match_resumes(),
        "targets": present.target_rows(services.target_counts(), kb.titles),
    }
    context["next_step"] = journey.next_after("documents")
    return render(request, "documents/index.html", context)


# -- resumes -------------------------------------------------------------------------------------


@csrf_exempt
@require_http_methods(["GET", "POST"])
@requires_knowledge_base
def upload(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    if request.method == "POST" and too_large(request):
        return _refuse_large(request, "documents/upload.html", {"form": forms.ResumeUploadForm()})
    return _upload(request)


@csrf_protect
def _upload(request: HttpRequest) -> HttpResponse:
    problem = None
    status = 200
    if request.method == "POST":
        form = forms.ResumeUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload_file = form.cleaned_data["file"]
            try:
                resume = services.import_resume(upload_file.read(), upload_file.name)
            except ResumeError as err:
                problem = present.resume_problem(str(err))
                status = 400
            else:
                return redirect("documents:confirm", pk=resume.pk)
        else:
            status = 400
    else:
        form = forms.ResumeUploadForm()
    context = {"form": form, "problem": problem, "limit": forms.MAX_UPLOAD_LABEL}
    return render(request, "documents/upload.html", context, status=status)


@require_http_methods(["GET", "POST"])
@requires_knowledge_base
def confirm(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    resume = services.get_resume(pk)
    if resume is None:
        raise Http404("No such resume.")
    suggestions = services.profile_suggestions(resume)
    if request.method == "POST":
        accepted = present.accepted_from(request.POST, suggestions)
        services.apply_suggestions(resume, accepted)
        return render(
            request,
            "documents/applied.html",
            {
                "resume": present.resume_row(resume),
                "applied": present.applied_summary(accepted, suggestions),
            },
        )
    context = {
        "resume": present.resume_row(resume),
        "read": present.resume_read(resume),
        "suggestions": present.suggestion_view(suggestions),
    }
    return render(request, "documents/confirm.html", context)


# -- postings ------------------------------------------------------------------------------------


def _targets(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """The occupations a posting is most likely for: the shortlist, then the current job."""
    from unstuck.app.paths import services as paths_services
    from unstuck.app.profile.models import Profile

    out = [(s.code, s.title) for s in paths_services.shortlist()]
    me = Profile.objects.filter(key="me").values_list("occupation_code", flat=True).first()
    if me and me in kb.titles and me not in {c for c, _ in out}:
        out.append((me, kb.titles[me]))
    return out


def _target_of(kb: KnowledgeBase, choice: str, typed: str) -> tuple[str | None, str]:
    """The target code from the list or from a typed title or code, and a note: what a typed
    title was read as, or why nothing matched (then the code is None)."""
    typed = typed.strip()
    if choice and not typed:
        return choice, ""
    if not typed:
        return None, ""
    if re.fullmatch(r"[\d\s.\-]+", typed):
        return typed, ""  # a code: an unknown one is refused by the service, by name
    found = kb.search(typed, limit=1)
    if not found:
        return None, f"No occupation matches “{typed[:80]}”: try other words, or pick one above."
    best = found[0]
    return best.code, f"Target: {best.title} ({best.code}), the closest to “{typed[:80]}”."


def _postings_context(
    request: HttpRequest, form: forms.PostingForm, target: str, kb: KnowledgeBase
) -> dict[str, Any]:
    posts = page_of(request, services.posting_summaries(target or None))
    return {
        "form": form,
        "postings": [present.posting_row(p, kb.titles) for p in posts],
        "posting_page": posts,
        "target_title": kb.titles.get(target),
        "target": target,
        "limit": forms.MAX_UPLOAD_LABEL,
        "match_resumes": _match_resumes(),
    }


@csrf_exempt
@require_http_methods(["GET", "POST"])
@requires_knowledge_base
def postings(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    if request.method == "POST" and too_large(request):
        context = _postings_context(request, forms.PostingForm(), "", kb)
        return _refuse_large(request, "documents/postings.html", context)
    return _postings(request, kb)


@csrf_protect
def _postings(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    target = request.GET.get("target", "").strip()
    problem = None
    added: list[Any] = []
    status = 200
    target_note = ""
    if request.method == "POST":
        try:
            form = forms.PostingForm(request.POST, request.FILES, targets=_targets(kb))
        except RequestDataTooBig:  # pasted text over DATA_UPLOAD_MAX_MEMORY_SIZE
            context = _postings_context(request, forms.PostingForm(), "", kb)
            return _refuse_large(request, "documents/postings.html", context)
        if form.is_valid():
            data, filename, url = form.source()
            target, target_note = _target_of(
                kb, form.cleaned_data.get("target_choice") or "", form.cleaned_data["target_code"]
            )
            if target_note and target is None:
                problem = target_note
                status = 400
            else:
                try:
                    added = services.add_postings(
                        data, filename=filename, url=url, target_code=target
                    )
                except PostingError as err:
                    problem = present.posting_problem(str(err))
                    status = 400
                else:
                    form = forms.PostingForm(
                        initial={"target_choice": target or ""}, targets=_targets(kb)
                    )
            target = target or ""
        else:
            status = 400
    else:
        form = forms.PostingForm(initial={"target_choice": target}, targets=_targets(kb))
    context = _postings_context(request, form, target, kb)
    context.update(problem=problem, added=[present.posting_row(p, kb.titles) for p in added])
    context["target_note"] = target_note if added else ""
    return render(request, "documents/postings.html", context, status=status)


# -- match and tailoring ------------------------------------------------------------------------


def _pair(resume_pk: int, posting_pk: int) -> tuple[Any, Any]:
    resume = services.get_resume(resume_pk)
    posting = services.get_posting(posting_pk)
    if resume is None or posting is None:
        raise Http404("No such resume or posting.")
    return resume, posting


@require_GET
@requires_knowledge_base
def match(request: HttpRequest, kb: KnowledgeBase, resume_pk: int, posting_pk: int) -> HttpResponse:
    resume, posting = _pair(resume_pk, posting_pk)
    result = services.match(resume, posting)
    context = {
        "resume": present.resume_row(resume),
        "posting": present.posting_row(posting, kb.titles),
        "match": present.match_view(result, resume),
        "formats": present.TAILOR_FORMATS,
    }
    return render(request, "documents/match.html", context)


@require_GET
@requires_knowledge_base
def tailored(
    request: HttpRequest, kb: KnowledgeBase, resume_pk: int, posting_pk: int, fmt: str
) -> HttpResponse:
    if fmt not in present.TAILOR_FORMATS:
        raise Http404("Unknown format.")
    resume, posting = _pair(resume_pk, posting_pk)
    body, content_type, filename = services.tailor(resume, posting, fmt)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# -- market --------------------------------------------------------------------------------------


@require_GET
@requires_knowledge_base
def market(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    code = request.GET.get("code", "").strip()
    context: dict[str, Any] = {
        "code": code,
        "targets": present.target_rows(services.target_counts(), kb.titles),
        "market": None,
    }
    if code:
        context["market"] = present.market_view(services.market(code), kb.titles.get(code))
    return render(request, "documents/market.html", context)
