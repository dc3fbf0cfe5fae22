"""Plan pages: parse the request, call the plan's services and the report, render (charts:
:mod:`.present`).

- ``overview``: choose the target from the shortlist and the start date; the 90-day plan week
  by week with its hours chart; links to the report, the PDF and the calendar file;
- ``learning``: the gaps (leave one for later or bring it back), the activities (mark done,
  set hours instead of the estimate), the person's own resources;
- ``goals``: every goal with its SMART check; reword, remove, restore, add;
- ``exit``: the exit-plan inputs, runway, readiness and timeline;
- ``report``/``report_pdf``/``calendar``: the report as a page, as a PDF, and the plan as .ics.

Every POST redirects back to its page (post/redirect/get) unless the form has problems, in which
case the page is shown again with them (status 400).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from unstuck.app.plan import services
from unstuck.knowledge.store import KnowledgeBase
from unstuck.report import document
from unstuck.report.data import report_data, target_why
from unstuck.web import journey
from unstuck.web.installed import requires_knowledge_base
from unstuck.web.plan import forms, present
from unstuck.web.profile import nav


def _context(kb: KnowledgeBase, page: str, **more: Any) -> dict[str, Any]:
    plan = services.build(kb)
    data = report_data(plan)
    unusable = nav.unusable(plan.unusable)
    return {"plan": plan, "data": data, "page": page, "unusable": unusable, **more}


def _back(name: str, anchor: str = "") -> HttpResponse:
    return redirect(reverse(f"plan:{name}") + (f"#{anchor}" if anchor else ""))


@require_http_methods(["GET", "POST"])
@requires_knowledge_base
def overview(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    problems: list[str] = []
    if request.method == "POST":
        form = forms.TargetForm(request.POST)
        if form.is_valid():
            try:
                services.choose_target(form.cleaned_data["code"], start=form.cleaned_data["start"])
                return _back("overview")
            except services.PlanError as exc:
                problems.append(str(exc))
        else:
            problems += [str(e) for e in form.errors.get("start", ())] or [
                "Pick a target and, if you like, a valid start date."
            ]
    context = _context(kb, "overview", problems=problems)
    context["why"] = target_why(kb, context["plan"])
    context["hours_svg"] = present.hours_svg(context["data"])
    context["hours_legend"] = present.hours_legend(context["data"])
    context["next_step"] = journey.next_after("overview")
    return render(request, "plan/overview.html", context, status=400 if problems else 200)


@require_http_methods(["GET", "POST"])
@requires_knowledge_base
def learning(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    problems: list[str] = []
    resource_form = forms.ResourceForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action in ("skip", "unskip"):
                services.skip_gap(request.POST.get("gap", ""), action == "skip")
                return _back("learning", "gaps")
            if action in ("done", "undone"):
                services.mark_done(request.POST.get("activity", ""), action == "done")
                return _back("learning", "activities")
            if action == "max-gaps":
                raw = request.POST.get("max_gaps", "").strip()
                if not raw.isdigit():
                    raise services.PlanError("The number of gaps must be a whole number.")
                services.set_max_gaps(int(raw))
                return _back("learning", "activities")
            if action == "hours":
                raw = request.POST.get("hours", "").strip()
                if raw and not raw.isdigit():
                    raise services.PlanError("Hours must be a whole number, or blank.")
                services.set_hours(request.POST.get("activity", ""), int(raw) if raw else None)
                return _back("learning", "activities")
            if action == "remove-resource":
                services.remove_resource(int(request.POST.get("resource", "0") or 0))
                return _back("learning", "resources")
            if action == "add-resource":
                resource_form = forms.ResourceForm(request.POST)
                if resource_form.is_valid():
                    d = resource_form.cleaned_data
                    services.add_resource(d["gap"], d["title"], d["url"])
                    return _back("learning", "resources")
                problems.append("Check the resource: it needs a gap and a web link.")
            else:
                problems.append("Unknown action.")
        except (services.PlanError, ValueError) as exc:
            problems.append(str(exc))
    context = _context(kb, "learning", problems=problems, resource_form=resource_form)
    context["gaps_svg"] = present.gaps_svg(context["data"])
    context["next_step"] = journey.next_after("learning")
    return render(request, "plan/learning.html", context, status=400 if problems else 200)


@require_http_methods(["GET", "POST"])
@requires_knowledge_base
def goals(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    problems: list[str] = []
    new_form = forms.GoalForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        source = request.POST.get("source", "").strip()
        raw_id = request.POST.get("goal_id", "").strip()
        goal_id = int(raw_id) if raw_id.isdigit() and len(raw_id) < 19 else None
        try:
            if raw_id and goal_id is None:
                raise services.PlanError("That goal is no longer there.")
            if source and action in ("save", "remove"):
                built = services.build(kb)
                known = {g.source for g in built.goals} | {s for s, _ in built.removed_goals}
                if source not in known:  # a forged or stale form: store nothing for it
                    raise services.PlanError("There is no such goal in your plan.")
            if action == "save":
                form = forms.GoalForm(request.POST)
                if form.is_valid():
                    services.save_goal(form.cleaned_data["text"], source=source, goal_id=goal_id)
                    return _back("goals", "goals")
                if not source and goal_id is None:
                    new_form = form
                problems.append("A goal needs some words (at most 1,000 characters).")
            elif action == "remove":
                services.remove_goal(source=source, goal_id=goal_id)
                return _back("goals", "goals")
            elif action == "restore":
                services.restore_goal(source)
                return _back("goals", "goals")
            else:
                problems.append("Unknown action.")
        except services.PlanError as exc:
            problems.append(str(exc))
    context = _context(kb, "goals", problems=problems, new_form=new_form)
    context["next_step"] = journey.next_after("goals")
    return render(request, "plan/goals.html", context, status=400 if problems else 200)


@require_http_methods(["GET", "POST"])
@requires_knowledge_base
def exit_plan(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    state = services.get_state()
    form = forms.ExitForm(initial=forms.ExitForm.initial_from(state))
    problems: list[str] = []
    if request.method == "POST":
        form = forms.ExitForm(request.POST)
        if form.is_valid():
            services.set_exit(form.values())
            return _back("exit", "runway")
        problems.append("Some answers need fixing; they are marked below.")
    context = _context(kb, "exit", form=form, problems=problems)
    context["next_step"] = journey.next_after("exit")
    return render(request, "plan/exit.html", context, status=400 if problems else 200)


@requires_knowledge_base
def report(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    return HttpResponse(document.report_html(kb, standalone=False))


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


@requires_knowledge_base
def report_pdf(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    response = HttpResponse(document.report_pdf(kb), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="career-restart-plan-{_stamp()}.pdf"'
    return response


@requires_knowledge_base
def calendar(request: HttpRequest, kb: KnowledgeBase) -> HttpResponse:
    response = HttpResponse(services.ics(kb), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="90-day-plan-{_stamp()}.ics"'
    return response
