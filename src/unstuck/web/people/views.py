"""People pages: parse the request, call :mod:`unstuck.app.people.services`, render.

- ``index``: the quick-add form first (name, organisation, title, how you know them, tags:
  typed and Enter), the follow-ups due (counted from the last interaction logged, each with
  "log an interaction" and "snooze"), the informational-interview pipeline (to ask -> asked ->
  scheduled -> done -> thanked -> follow up, each interview with a button to move it on),
  "who do I know" (at an organisation, in a role, in one of your target occupations) and
  everyone.
- ``detail``: one person: roles over time (add one), emails and phones, tags, notes, the
  interactions (log one), the follow-up cadence, their informational interviews (start one,
  move it, the questions to take along), edit and delete.
- ``import_file``: a LinkedIn or vCard file in; the report (rows read, imported, updated,
  unchanged, skipped and why). A bad file is refused with one line per bad row and nothing is
  stored. Importing is safe to repeat (the same file again changes nothing), so the report is
  the POST's own page rather than a redirect: it is too long for an address.
- ``export``: everyone as a vCard 4.0 file (``?version=3.0`` for older address books).

Every other change is a POST that redirects (a reload never repeats it); GETs never write. A
value the services refuse comes back beside its field with nothing stored.

**Upload size.** An import is capped at :data:`.forms.MAX_IMPORT_BYTES`; a request whose
``Content-Length`` is over it is answered (413) before its body is parsed, as the document
pages do: the import view is CSRF-exempt on the outside only so the CSRF middleware does not
parse the body first, and checks the token itself (``csrf_protect``) once the size is fine.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from unstuck.app.applications import services as applications
from unstuck.app.paths import services as paths
from unstuck.app.people import services
from unstuck.core import people as core
from unstuck.knowledge.store import KnowledgeBase
from unstuck.text.contacts import ContactRecord, RoleRecord
from unstuck.web.documents.views import too_large
from unstuck.web.installed import requires_knowledge_base
from unstuck.web.people import forms, present

#: at most this many people in the list, and problems shown for a refused import
LISTED = 500
SHOWN_PROBLEMS = 50


def _today() -> date:
    return services.today()


def _contact(pk: int) -> Any:
    found = services.get_contact(pk)
    if found is None:
        raise Http404(f"no person {pk}")
    return found


def _back(request: HttpRequest, pk: int | None, anchor: str) -> str:
    """Where a small form sends the person back to: the list (``back=list``) or the person."""
    if request.POST.get("back") == "list" or pk is None:
        return reverse("people:index") + f"#{anchor}"
    return reverse("people:detail", args=[pk]) + f"#{anchor}"


# -- the list -----------------------------------------------------------------------------------


def _who(request: HttpRequest, kb: KnowledgeBase) -> dict[str, Any]:
    at = request.GET.get("at", "").strip()[:200]
    role = request.GET.get("role", "").strip()[:200]
    target = request.GET.get("target", "").strip()[:20]
    targets = present.target_choices(paths.shortlist())
    out: dict[str, Any] = {
        "at": at,
        "role": role,
        "target": target,
        "targets": targets,
        "asked": bool(at or role or target),
        "found": [],
        "problem": None,
    }
    if not out["asked"]:
        return out
    if target and core.code_problem(target):
        out["problem"] = "Choose one of your target occupations."
        return out
    try:
        found = services.who(at=at or None, title=role or None, occupation=target or None, kb=kb)
    except services.PeopleError as e:
        out["problem"] = str(e)[:1].upper() + str(e)[1:] + "."
        return out
    out["found"] = [
        {
            "pk": k.contact.pk,
            "name": k.contact.name,
            "role": present.role_words(k.role) or None,
            "ended": k.role.end,
        }
        for k in found
    ]
    out["target_title"] = kb.titles.get(target, target) if target else None
    return out


def _index(
    request: HttpRequest, kb: KnowledgeBase, form: forms.AddForm, status: int = 200
) -> HttpResponse:
    today = _today()
    everyone = services.list_contacts(today=today)
    added = None
    raw = request.GET.get("added", "")
    if raw.isdigit():
        found = services.get_contact(int(raw))
        added = {"pk": found.pk, "name": found.name} if found else None
    due = [(c, f) for c, f in everyone if core.is_due(f)]
    due.sort(key=lambda row: (row[1].days, row[0].name))
    context = {
        "form": form,
        "added": added,
        "today": today,
        "due": [present.row(c, f) for c, f in due],
        "kinds": list(forms.KIND_LABELS.items()),
        "pipeline": present.pipeline(services.list_interviews(), kb.titles),
        "who": _who(request, kb),
        "people": [present.row(c, f) for c, f in everyone[:LISTED]],
        "count": len(everyone),
    }
    return render(request, "people/index.html", context, status=status)


@require_GET
@requires_knowledge_base
def index(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    return _index(request, kb, forms.AddForm())


@require_POST
@requires_knowledge_base
def add(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    form = forms.AddForm(request.POST)
    if not form.is_valid():
        return _index(request, kb, form, 400)
    d = form.cleaned_data
    org, title = d.get("organisation") or "", d.get("title") or ""
    record = ContactRecord(
        name=d["name"],
        how_known=d.get("how_known") or "",
        tags=forms.split_tags(d["tags"]),
        roles=(RoleRecord(org, title),) if org.strip() or title.strip() else (),
    )
    try:
        contact = services.add_contact(record)
    except services.PeopleError as e:
        forms.show_error(form, e)
        return _index(request, kb, form, 400)
    return redirect(f"{reverse('people:index')}?added={contact.pk}#added")


# -- one person ---------------------------------------------------------------------------------


def _edit_form(contact: Any, data: Any = None) -> forms.EditForm:
    initial = {
        "name": contact.name,
        "how_known": contact.how_known,
        "notes": contact.notes,
        "tags": ", ".join(contact.tags),
        "emails": forms.typed_lines(contact.emails, "address"),
        "phones": forms.typed_lines(contact.phones, "number"),
    }
    return forms.EditForm(data, initial=initial)


def _interview_form(data: Any = None) -> forms.InterviewForm:
    form = forms.InterviewForm(data)
    form.fields["target_code"].choices = present.target_choices(paths.shortlist())
    return form


def _detail(
    request: HttpRequest, kb: KnowledgeBase, pk: int, status: int = 200, **bound: Any
) -> HttpResponse:
    contact = _contact(pk)
    today = _today()
    state = services.follow_up(contact, today)
    interviews = []
    for i in contact.interviews.select_related("contact"):
        shown = present.interview(i, kb.titles)
        gaps = services.interview_gaps(i.pk, kb)
        shown["questions"] = services.interview_questions(i.pk, kb, gaps)
        shown["gaps"] = gaps
        shown["problem"] = bound.get("move_problem", {}).get(i.pk)
        interviews.append(shown)
    context = {
        "person": contact,
        "today": today,
        "roles": [
            {"words": present.role_words(r) or None, "start": r.start, "end": r.end}
            for r in contact.roles.all()
        ],
        "emails": present.typed(contact.emails, "address"),
        "phones": present.typed(contact.phones, "number"),
        "follow_up": present.follow_up_words(state),
        "state": state,
        "interactions": [
            {"kind": present.kind_label(x.kind), "date": x.date, "notes": x.notes}
            for x in services.interactions(contact.pk)
        ],
        "interviews": interviews,
        "applications": applications.applications_of(contact.pk),
        "stages": [(s, present.stage_label(s)) for s in core.STAGES],
        "edit_form": bound.get("edit_form") or _edit_form(contact),
        "cadence_form": bound.get("cadence_form")
        or forms.CadenceForm(initial={"cadence_days": contact.cadence_days}),
        "role_form": bound.get("role_form") or forms.RoleForm(),
        "log_form": bound.get("log_form") or forms.LogForm(initial={"date": today}),
        "interview_form": bound.get("interview_form") or _interview_form(),
    }
    return render(request, "people/detail.html", context, status=status)


@require_GET
@requires_knowledge_base
def detail(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    return _detail(request, kb, pk)


@require_POST
@requires_knowledge_base
def edit(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    contact = _contact(pk)
    form = _edit_form(contact, request.POST)
    if not form.is_valid():
        return _detail(request, kb, pk, 400, edit_form=form)
    d = form.cleaned_data
    try:
        services.edit_contact(
            pk,
            name=d["name"],
            how_known=d.get("how_known") or "",
            notes=d.get("notes") or "",
            tags=forms.split_tags(d.get("tags") or ""),
            emails=forms.emails_of(d["emails"]),
            phones=forms.phones_of(d["phones"]),
        )
    except services.PeopleError as e:
        forms.show_error(form, e)
        return _detail(request, kb, pk, 400, edit_form=form)
    return redirect(reverse("people:detail", args=[pk]))


@require_POST
@requires_knowledge_base
def cadence(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    _contact(pk)
    form = forms.CadenceForm(request.POST)
    if not form.is_valid():
        return _detail(request, kb, pk, 400, cadence_form=form)
    try:
        services.edit_contact(pk, cadence_days=form.cleaned_data.get("cadence_days"))
    except services.PeopleError as e:
        forms.show_error(form, e)
        return _detail(request, kb, pk, 400, cadence_form=form)
    return redirect(reverse("people:detail", args=[pk]) + "#follow-up")


@require_POST
@requires_knowledge_base
def add_role(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    _contact(pk)
    form = forms.RoleForm(request.POST)
    if not form.is_valid():
        return _detail(request, kb, pk, 400, role_form=form)
    d = form.cleaned_data
    try:
        services.add_role(
            pk, d.get("organisation") or "", d.get("title") or "", d.get("start"), d.get("end")
        )
    except services.PeopleError as e:
        forms.show_error(form, e)
        return _detail(request, kb, pk, 400, role_form=form)
    return redirect(reverse("people:detail", args=[pk]) + "#roles")


@require_POST
@requires_knowledge_base
def log(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    _contact(pk)
    form = forms.LogForm(request.POST)
    if not form.is_valid():
        return _detail(request, kb, pk, 400, log_form=form)
    d = form.cleaned_data
    try:
        services.log_interaction(pk, d["kind"], d.get("date") or _today(), d.get("notes") or "")
    except services.PeopleError as e:
        forms.show_error(form, e)
        return _detail(request, kb, pk, 400, log_form=form)
    return redirect(_back(request, pk, "due" if request.POST.get("back") else "interactions"))


@require_POST
def snooze(request: HttpRequest, pk: int) -> HttpResponse:
    _contact(pk)
    form = forms.SnoozeForm(request.POST)
    if form.is_valid():
        services.snooze(pk, form.cleaned_data["days"], _today())
    return redirect(_back(request, pk, "due" if request.POST.get("back") else "follow-up"))


@require_POST
@requires_knowledge_base
def start_interview(request: HttpRequest, kb: KnowledgeBase, pk: int) -> HttpResponse:
    _contact(pk)
    form = _interview_form(request.POST)
    if not form.is_valid():
        return _detail(request, kb, pk, 400, interview_form=form)
    try:
        found = services.start_interview(pk, form.cleaned_data.get("target_code") or "", _today())
    except services.PeopleError as e:
        forms.show_error(form, e)
        return _detail(request, kb, pk, 400, interview_form=form)
    return redirect(reverse("people:detail", args=[pk]) + f"#interview-{found.pk}")


@require_POST
@requires_knowledge_base
def move_interview(request: HttpRequest, kb: KnowledgeBase, interview_pk: int) -> HttpResponse:
    found = services.get_interview(interview_pk)
    if found is None:
        raise Http404(f"no informational interview {interview_pk}")
    form = forms.MoveInterviewForm(request.POST)
    problem = None
    if not form.is_valid():
        problem = "; ".join(
            f"{form.fields[k].label}: {' '.join(v)}" if k in form.fields else " ".join(v)
            for k, v in form.errors.items()
        )
    else:
        d = form.cleaned_data
        try:
            services.move_interview(
                interview_pk,
                d.get("stage") or None,
                d.get("on") or _today(),
                scheduled_for=d.get("scheduled_for"),
            )
        except services.PeopleError as e:
            problem = str(e)[:1].upper() + str(e)[1:] + "."
    if problem:
        return _detail(request, kb, found.contact_id, 400, move_problem={interview_pk: problem})
    if request.POST.get("back") == "list":
        return redirect(reverse("people:index") + "#pipeline")
    return redirect(
        reverse("people:detail", args=[found.contact_id]) + f"#interview-{interview_pk}"
    )


@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    if not services.remove_contact(pk):
        raise Http404(f"no person {pk}")
    return redirect(reverse("people:index"))


# -- import and export --------------------------------------------------------------------------


@csrf_exempt
@require_http_methods(["GET", "POST"])
def import_file(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and too_large(request, forms.MAX_IMPORT_BYTES):
        context = {
            "form": forms.ImportForm(),
            "problem": f"That file is over the {forms.MAX_IMPORT_LABEL} limit, so it was not "
            "read and nothing was saved.",
        }
        return render(request, "people/import.html", context, status=413)
    return _import(request)


def _report(report: services.ImportReport, filename: str) -> dict[str, Any]:
    unit = "card" if report.kind == "vcard" else "row"
    return {
        "filename": filename,
        "read": present.plural(report.read, unit),
        "imported": report.imported,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "interactions": report.interactions,
        "messages": report.kind in ("linkedin-messages", "linkedin-export"),
        "skipped": [{"where": p.where, "why": p.message} for p in report.skipped],
        "not_kept": [
            {"name": k, "cards": present.plural(v, "card")} for k, v in report.not_kept.items()
        ],
    }


#: what the services' messages tell a command line to do -> what to do on this page
_CLI_WORDS = (
    ("(skip them with --skip-bad)", "(tick the box below to import the good ones)"),
    ("(--encoding cp1252)", "below (Windows files are often cp1252)"),
)


@csrf_protect
def _import(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"problem": None, "problems": [], "more": 0, "report": None}
    status = 200
    if request.method == "POST":
        form = forms.ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = services.import_contacts(
                    upload.read(),
                    upload.name or "",
                    encoding=form.cleaned_data.get("encoding") or None,
                    skip_bad=form.cleaned_data["skip_bad"],
                )
            except services.ContactsError as err:
                status = 400
                text = str(err)
                for cli, page in _CLI_WORDS:
                    text = text.replace(cli, page)
                context["problem"] = text[:1].upper() + text[1:]
                context["problems"] = [
                    {"where": p.where, "why": p.message} for p in err.problems[:SHOWN_PROBLEMS]
                ]
                context["more"] = max(0, len(err.problems) - SHOWN_PROBLEMS)
            else:
                context["report"] = _report(report, upload.name or "the file")
                form = forms.ImportForm()
        else:
            status = 400
    else:
        form = forms.ImportForm()
    context["form"] = form
    return render(request, "people/import.html", context, status=status)


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    version = "3.0" if request.GET.get("version") == "3.0" else "4.0"
    body = services.export_vcards(version).encode("utf-8")
    response = HttpResponse(body, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contacts.vcf"'
    return response
