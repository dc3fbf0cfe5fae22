"""Application pages: parse the request, call :mod:`unstuck.app.applications.services`, render.

- ``index``: the quick-add form first (a saved posting or an employer and title, the stage,
  the resume sent: a few keys and Enter), the applications waiting for news past their stage's
  limit (each proposed as "no response" for the person to confirm, dismiss or snooze: nothing
  moves by itself), and every application, newest first.
- ``detail``: one application: its fields, the stage history, a move form, the documents sent
  (downloadable as sent), the posting text kept with it, edit and delete.
- ``funnel``: the share of applications that went from each stage to the next, overall, by
  resume version or by target occupation, as bars with their numbers.
- ``export``: every application as CSV.

Every change is a POST that redirects (a reload never repeats it); GETs never write. A value
the services refuse comes back beside its field with nothing stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from unstuck.app.applications import services
from unstuck.app.documents import services as documents
from unstuck.app.paths import services as paths
from unstuck.knowledge.store import KnowledgeBase
from unstuck.web.applications import forms, present
from unstuck.web.installed import requires_knowledge_base


def _add_form(data: Any = None, files: Any = None) -> forms.AddForm:
    listed = services.stages()
    form = forms.AddForm(data, files)
    form.fields["stage"].choices = present.stage_choices(listed)
    keys = [s.key for s in listed]
    form.fields["stage"].initial = "applied" if "applied" in keys else keys[0]
    form.fields["posting"].choices = present.posting_choices(
        documents.posting_summaries()[: present.CHOICES]
    )
    form.fields["target_code"].choices = present.target_choices(paths.shortlist())
    resumes = list(documents.resume_summaries()[: present.CHOICES])
    form.set_resumes([(r.pk, r.filename) for r in resumes], resumes[0].pk if resumes else None)
    return form


def _index(
    request: HttpRequest, kb: KnowledgeBase, form: forms.AddForm, status: int = 200
) -> HttpResponse:
    listed = services.stages()
    today = date.today()
    apps = list(services.list_applications()[:200])
    added = None
    raw = request.GET.get("added", "")
    if raw.isdigit():
        try:
            added = services.detail(int(raw), today)
        except services.ApplicationNotFound:
            added = None
    waiting = []
    names = {a.pk: a for a in apps}
    for p in services.quiet(today):
        app = names.get(p.ref) or services.get(p.ref)
        waiting.append({"pk": p.ref, "company": app.company, "role_title": app.role_title,
                        **services.quiet_dict(p)})  # fmt: skip
    context = {
        "form": form,
        "applications": [present.row(a, listed, kb.titles) for a in apps],
        "waiting": waiting,
        "added": added,
        "due": [
            present.row(a, listed, kb.titles) for a in services.list_applications(due_by=today)[:20]
        ],  # fmt: skip
    }
    return render(request, "applications/index.html", context, status=status)


@require_GET
@requires_knowledge_base
def index(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    return _index(request, kb, _add_form())


@require_POST
@requires_knowledge_base
def add(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    form = _add_form(request.POST, request.FILES)
    if not form.is_valid():
        return _index(request, kb, form, 400)
    d = form.cleaned_data
    resume, letter = form.sent()
    try:
        done = services.add(
            posting_id=int(d["posting"]) if d.get("posting") else None,
            stage=d["stage"],
            at=d.get("at"),
            resume=resume,
            cover_letter=letter,
            note=d.get("note") or "",
            **form.fields_for_service(),
        )
    except services.ApplicationError as e:
        forms.show_error(form, e)
        return _index(request, kb, form, 400)
    return redirect(f"{reverse('applications:index')}?added={done.application.pk}#added")


def _get(pk: int) -> dict[str, Any]:
    try:
        return services.detail(pk, date.today())
    except services.ApplicationNotFound as e:
        raise Http404(str(e)) from e


def _move_form(app: dict[str, Any], data: Any = None, files: Any = None) -> forms.MoveForm:
    listed = services.stages()
    form = forms.MoveForm(data, files)
    form.fields["stage"].choices = present.stage_choices(listed)
    keys = [s.key for s in listed]
    here = keys.index(app["stage"]) if app["stage"] in keys else -1
    form.fields["stage"].initial = keys[min(here + 1, len(keys) - 1)]
    resumes = list(documents.resume_summaries()[: present.CHOICES])
    form.set_resumes([(r.pk, r.filename) for r in resumes], None)
    form.fields[
        "resume"
    ].help_text = "Only if this step sent a new version; the one recorded stays otherwise."
    return form


def _edit_form(app: dict[str, Any], data: Any = None) -> forms.EditForm:
    initial = {k: app.get(k) or "" for k in ("company", "role_title", "target_code", "source",
                                              "salary_min", "salary_max", "next_action",
                                              "notes")}  # fmt: skip
    initial["next_action_on"] = app.get("next_action_on") or None
    form = forms.EditForm(data, initial=initial)
    form.fields["target_code"].choices = present.target_choices(
        paths.shortlist(), app.get("target_code") or ""
    )
    return form


def _person_form(data: Any = None) -> forms.PersonForm:
    form = forms.PersonForm(data)
    form.fields["person"].choices = [("", "Choose…")] + [
        (str(pk), name) for pk, name in services.known_people(present.CHOICES * 4)
    ]
    form.fields["part"].choices = [(p, p.capitalize()) for p in services.PARTS]
    return form


def _detail(
    request: HttpRequest,
    kb: KnowledgeBase,
    pk: int,
    move_form: forms.MoveForm | None = None,
    edit_form: forms.EditForm | None = None,
    person_form: forms.PersonForm | None = None,
    status: int = 200,
) -> HttpResponse:
    app = _get(pk)
    stored = services.get(pk)
    context = {
        "app": app,
        "salary": present.salary(stored),
        "target": kb.titles.get(app["target_code"]) if app["target_code"] else None,
        "move_form": move_form or _move_form(app),
        "edit_form": edit_form or _edit_form(app),
        "person_form": person_form or _person_form(),
        "history": [
            {**h, "at": date.fromisoformat(h["at"][:10])} for h in reversed(app["history"])
        ],
        "since": date.fromisoformat(app["stage_since"][:10]),
        "next_on": date.fromisoformat(app["next_action_on"]) if app["next_action_on"] else None,
    }
    return render(request, "applications/detail.html", context, status=status)


@require_GET
@requires_knowledge_base
def detail(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    return _detail(request, kb, pk)


@require_POST
@requires_knowledge_base
def move(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    app = _get(pk)
    form = _move_form(app, request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, kb, pk, move_form=form, status=400)
    d = form.cleaned_data
    resume, letter = form.sent()
    if d.get("resume") == forms.NO_RESUME and not request.FILES.get("resume_file"):
        resume = None  # keep the version recorded
    try:
        services.move(pk, d["stage"], at=d.get("at"), round_number=d.get("round_number"),
                      note=d.get("note") or "", resume=resume, cover_letter=letter)  # fmt: skip
    except services.ApplicationError as e:
        forms.show_error(form, e)
        return _detail(request, kb, pk, move_form=form, status=400)
    return redirect(reverse("applications:detail", args=[pk]) + "#history")


@require_POST
@requires_knowledge_base
def edit(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    app = _get(pk)
    form = _edit_form(app, request.POST)
    if not form.is_valid():
        return _detail(request, kb, pk, edit_form=form, status=400)
    try:
        services.update(pk, **form.cleaned_data)
    except services.ApplicationError as e:
        forms.show_error(form, e)
        return _detail(request, kb, pk, edit_form=form, status=400)
    return redirect(reverse("applications:detail", args=[pk]))


@require_POST
def no_news(request: HttpRequest, pk: int) -> HttpResponse:
    form = forms.NoNewsForm(request.POST)
    back = reverse("applications:index") + "#waiting"
    if not form.is_valid():
        return redirect(back)
    try:
        action = form.cleaned_data["action"]
        if action == "confirm":
            services.confirm_quiet(pk)
        elif action == "dismiss":
            services.dismiss_quiet(pk)
        else:
            services.snooze(pk, form.cleaned_data.get("days") or 7)
    except services.ApplicationNotFound as e:
        raise Http404(str(e)) from e
    except services.ApplicationError:
        pass  # no longer waiting (moved in another tab): the list shows it as it is
    return redirect(back)


@require_POST
@requires_knowledge_base
def link_person(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    _get(pk)
    form = _person_form(request.POST)
    if not form.is_valid():
        return _detail(request, kb, pk, person_form=form, status=400)
    d = form.cleaned_data
    try:
        if d.get("person"):
            services.link_person(pk, int(d["person"]), d["part"])
        else:
            services.link_new_person(pk, d["name"], d["part"])
    except services.ApplicationError as e:
        form.add_error("name" if e.field == "person" else None, e.reason)
        return _detail(request, kb, pk, person_form=form, status=400)
    return redirect(reverse("applications:detail", args=[pk]) + "#people")


@require_POST
def unlink_person(request: HttpRequest, pk: int, contact: int) -> HttpResponse:
    _get(pk)
    services.unlink_person(pk, contact, request.POST.get("part") or None)
    return redirect(reverse("applications:detail", args=[pk]) + "#people")


@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    if not services.delete(pk):
        raise Http404(f"no application {pk}")
    return redirect(reverse("applications:index"))


@require_GET
@requires_knowledge_base
def funnel(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    by = request.GET.get("by") or None
    if by not in (None, *services.BY):
        by = None
    groups = services.funnel(by)
    rows = []
    for g in groups:
        label = g.label
        if by == "occupation" and isinstance(g.key, str):
            label = kb.titles.get(g.key, g.key)
        rows.append({"label": label, "applications": g.funnel.applications,
                     "steps": present.funnel_rows(g)})  # fmt: skip
    return render(request, "applications/funnel.html", {"groups": rows, "by": by})


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(services.export_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="applications.csv"'
    return response


@require_GET
def sent(request: HttpRequest, pk: int) -> HttpResponse:
    """A document exactly as it was sent (the file's bytes, or the imported resume's text)."""
    found = services.sent_copy(pk)
    if found is None:
        raise Http404("no stored copy of that document")
    filename, body, is_file = found
    kind = "application/octet-stream" if is_file else "text/plain; charset=utf-8"
    response = HttpResponse(body, content_type=kind)
    name = " ".join(filename.split()) or "document"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
