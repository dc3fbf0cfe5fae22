"""Plan pages, report, PDF and calendar through Django's test client, against the real knowledge
base. Expected values come from the core run on the same inputs, never typed in."""

from __future__ import annotations

import html
import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.test import Client

from unstuck.app.paths import services as paths_services
from unstuck.app.plan import services
from unstuck.app.profile import services as profile_services
from unstuck.core import profile as core_profile
from unstuck.core.assess import Responses, get_instrument
from unstuck.core.plan import ExitInputs, runway
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base

pytestmark = pytest.mark.django_db
NURSE = "29-1141.00"
NP = "29-1171.00"  # Nurse Practitioners
DEV = "15-1252.00"  # Software Developers: technology gaps named C, C#, C++


@pytest.fixture
def kb(kb_home: Path) -> KnowledgeBase:
    return get_knowledge_base()


def text_of(response) -> str:  # noqa: ANN001
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


def make_person(kb: KnowledgeBase, hours: float | None = 6.0, savings: int | None = None,
                expenses: int | None = None) -> None:  # fmt: skip
    """A nurse with 7 years, prefilled levels, a bachelor's, the given hours and money, a rut
    check leaning towards change, and two shortlisted targets."""
    profile_services.set_occupation(kb, NURSE, 7)
    p = profile_services.to_core(profile_services.get_profile())
    profile_services.save_profile(
        core_profile.Profile(
            occupation_code=p.occupation_code,
            occupation_title=p.occupation_title,
            years_in_occupation=p.years_in_occupation,
            ratings=p.ratings,
            education=6,
            constraints=core_profile.Constraints(
                hours_per_week=hours, savings=savings, monthly_expenses=expenses
            ),
        )
    )
    rut = get_instrument("rut")
    levels = {"cause.pay": 5, "cause.growth": 5, "toll": 3, "signs": 4, "growth": 2}
    answers = {}
    for item in rut.items:
        k = levels.get(item.subscale, 2)
        answers[item.id] = 6 - k if item.reverse else k
    profile_services.submit(Responses(rut.id, answers))
    for code in (NP, DEV):
        paths_services.add(code, kb.titles[code])


def test_plan_without_a_target_says_what_is_missing(kb: KnowledgeBase) -> None:
    client = Client()
    page = text_of(client.get("/plan/"))
    assert "Your shortlist is empty" in page
    assert "no rut check yet" in page
    report = text_of(client.get("/plan/report/"))
    assert "No target chosen" in report and "No rut check taken yet" in report
    # Nothing about money was entered: the runway is unknown, not zero.
    assert "Runway: unknown" in report
    pdf = client.get("/plan/report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_choose_target_and_the_weeks_fit_the_hours(kb: KnowledgeBase) -> None:
    make_person(kb, hours=6.0)
    client = Client()
    assert client.post("/plan/", {"code": "00-0000.00"}).status_code == 400
    response = client.post("/plan/", {"code": NP, "start": "2026-12-07"})
    assert response.status_code == 302
    plan = services.build(kb)
    assert plan.target is not None and plan.target.code == NP
    assert plan.action.start == date(2026, 12, 7)
    assert plan.rut is not None
    for week in plan.action.weeks:
        assert week.hours <= week.capacity + 1e-9
        assert week.capacity == pytest.approx(6.0) or week.capacity == pytest.approx(3.0)
    page = text_of(client.get("/plan/"))
    assert "Nurse Practitioners" in page
    for week in plan.action.weeks:
        assert f"{week.start} to {week.end}" in page
    assert 'role="img"' in client.get("/plan/").content.decode()
    # Every planned gap has activities, each with a proof, shown on the learning page.
    learning = plan.action.learning
    assert learning is not None and learning.activities
    page = text_of(client.get("/plan/learning/"))
    for key in {a.gap_key for a in learning.activities}:
        acts = learning.for_gap(key)
        assert acts and all(a.proof for a in acts)
    for a in learning.activities:
        assert a.proof in page


def test_software_developers_plan_builds(kb: KnowledgeBase) -> None:
    # C, C# and C++ are all technology gaps here; their activities must not collide.
    make_person(kb)
    services.choose_target(DEV)
    plan = services.build(kb)
    ids = [a.id for a in plan.action.learning.activities]
    assert len(ids) == len(set(ids))
    assert Client().get("/plan/learning/").status_code == 200


def test_leave_a_gap_for_later_and_bring_it_back(kb: KnowledgeBase) -> None:
    make_person(kb)
    services.choose_target(NP)
    first = services.build(kb).action.learning.activities[0]
    client = Client()
    assert (
        client.post("/plan/learning/", {"action": "skip", "gap": first.gap_key}).status_code == 302
    )
    plan = services.build(kb)
    assert first.gap_key not in {a.gap_key for a in plan.action.learning.activities}
    assert first.gap_key in {g.key for g in plan.skipped}
    assert f"Bring back {first.gap_name}" in text_of(client.get("/plan/learning/"))
    client.post("/plan/learning/", {"action": "unskip", "gap": first.gap_key})
    assert first.gap_key in {a.gap_key for a in services.build(kb).action.learning.activities}


def test_done_activities_count_towards_readiness(kb: KnowledgeBase) -> None:
    make_person(kb)
    services.choose_target(NP)
    plan = services.build(kb)
    skills = next(c for c in plan.readiness.conditions if c.id == "skills")
    assert skills.detail.startswith("0%")
    gap = plan.action.learning.activities[0].gap_key
    client = Client()
    for a in plan.action.learning.for_gap(gap):
        client.post("/plan/learning/", {"action": "done", "activity": a.id})
    after = services.build(kb)
    planned = {a.gap_key for a in after.action.learning.activities}
    assert after.gaps_closed() == pytest.approx(1 / len(planned))
    from unstuck.report.data import report_data

    data = report_data(after)
    assert all(a["done"] for a in data["plan"]["learning"]["activities"] if a["gap"]["key"] == gap)
    assert "(done)" in text_of(client.get("/plan/report/"))


def test_own_resources_join_the_gaps_first_activity(kb: KnowledgeBase) -> None:
    make_person(kb)
    services.choose_target(NP)
    gap = services.build(kb).action.learning.activities[0].gap_key
    client = Client()
    bad = client.post(
        "/plan/learning/", {"action": "add-resource", "gap": gap, "title": "x", "url": "not a link"}
    )
    assert bad.status_code == 400
    ok = client.post(
        "/plan/learning/",
        {
            "action": "add-resource",
            "gap": gap,
            "title": "My course",
            "url": "https://example.org/c",
        },
    )
    assert ok.status_code == 302
    first = services.build(kb).action.learning.for_gap(gap)[0]
    assert first.resources[0].url == "https://example.org/c"
    assert first.resources[0].source == "you"
    assert "My course (yours)" in text_of(client.get("/plan/learning/"))


def test_goals_reword_remove_restore_and_add(kb: KnowledgeBase) -> None:
    make_person(kb)
    services.choose_target(NP)
    plan = services.build(kb)
    goal = plan.goals[0]
    client = Client()
    new = "Finish 1 course in pharmacology (12 hours) by 2026-12-31"
    response = client.post("/plan/goals/", {"action": "save", "source": goal.source, "text": new})
    assert response.status_code == 302
    rows = services.build(kb).goals
    edited = next(g for g in rows if g.source == goal.source)
    assert edited.text == new and edited.edited and edited.check.goal == new
    client.post("/plan/goals/", {"action": "remove", "source": goal.source})
    after = services.build(kb)
    assert goal.source not in {g.source for g in after.goals}
    assert goal.source in {s for s, _ in after.removed_goals}
    client.post("/plan/goals/", {"action": "restore", "source": goal.source})
    assert goal.source in {g.source for g in services.build(kb).goals}
    own = "Hold 3 informational interviews with nurse practitioners within 4 weeks"
    client.post("/plan/goals/", {"action": "save", "text": own})
    mine = [g for g in services.build(kb).goals if g.own]
    assert [g.text for g in mine] == [own]
    page = text_of(client.get("/plan/goals/"))
    assert own in page and "your own goal" in page
    assert client.post("/plan/goals/", {"action": "save", "text": "  "}).status_code == 400


def test_exit_inputs_give_the_cores_runway(kb: KnowledgeBase) -> None:
    make_person(kb, savings=30000, expenses=3000)
    client = Client()
    bad = client.post("/plan/exit/", {"severance": "-5"})
    assert bad.status_code == 400
    response = client.post(
        "/plan/exit/",
        {"severance": "6000", "extra_costs": "400", "notice_months": "1", "has_offer": "no",
         "health_cover": ""},
    )  # fmt: skip
    assert response.status_code == 302
    expected = runway(
        ExitInputs(savings=30000, monthly_expenses=3000, severance=6000, extra_costs=400)
    )
    plan = services.build(kb)
    assert plan.runway.months == pytest.approx(expected.months)
    assert plan.state.has_offer is False and plan.state.health_cover is None
    page = text_of(client.get("/plan/exit/"))
    assert f"About {round(expected.months, 1)} months" in page
    assert "Do not resign yet" in page


def test_calendar_file_matches_the_plan(kb: KnowledgeBase) -> None:
    icalendar = pytest.importorskip("icalendar")
    make_person(kb)
    services.choose_target(NP, start=date(2026, 12, 7))
    response = Client().get("/plan/plan.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    events = [c for c in cal.walk("VEVENT")]
    tasks = services.build(kb).action.tasks()
    assert len(events) >= len(tasks)
    by_uid = {str(e["UID"]): e for e in events}
    for task in tasks:  # whole, or in parts on the days of its week
        mine = [
            e
            for uid, e in by_uid.items()
            if uid in (f"{task.id}.2026-12-07@unstuck",) or uid.startswith(f"{task.id}.p")
        ]
        assert mine, task.id
        week_start = date(2026, 12, 7) + timedelta(days=7 * (task.week - 1))
        for event in mine:
            assert str(event["SUMMARY"]).startswith(task.title)
            assert week_start <= event.decoded("DTSTART") < week_start + timedelta(days=7)


def test_report_html_and_pdf_carry_every_section(kb: KnowledgeBase) -> None:
    from pypdf import PdfReader

    make_person(kb)
    services.choose_target(NP)
    client = Client()
    response = client.get("/plan/report/")
    assert response.status_code == 200
    body = response.content.decode()
    page = text_of(response)
    sections = ["1. Diagnosis", "2. Profile", "3. Chosen paths", "4. Gaps", "5. Learning plan",
                "6. Goals", "7. The 90-day plan", "8. Exit plan", "Sources and method"]  # fmt: skip
    for s in sections:
        assert s in page
    assert body.count('role="img"') == 3  # causes, gaps, hours; each with a table below
    assert "<script" not in body
    for attribution in kb.attributions:
        assert html.escape(attribution, quote=False) in body or attribution in page
    pdf = client.get("/plan/report.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    reader = PdfReader(io.BytesIO(pdf.content))
    text = " ".join((p.extract_text() or "") for p in reader.pages)
    text = " ".join(text.split())
    for s in sections:
        assert s in text
    assert "Nurse Practitioners" in text
    # How each task is done, in the report as on the plan page
    assert "How to do each task" in page and "How to do each task" in text
    assert "Rewrite each role as results with numbers" in page
    assert "Rewrite each role as results with numbers" in text
    assert reader.metadata.title == "Career restart plan: towards Nurse Practitioners"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792), "US Letter"


def test_the_task_guide_lists_each_task_once_with_its_weeks() -> None:
    from unstuck.report.data import task_guide, weeks_words

    def task(week: int, title: str, detail: str = "Do it.", strand: str = "networking") -> dict:
        return {"title": title, "detail": detail, "why": "", "strand": strand, "week": week}

    action = {"weeks": [
        {"week": 1, "tasks": [task(1, "Update your resume with results (started)"),
                              task(1, "Take a course in SQL", strand="learning")]},
        {"week": 2, "tasks": [task(2, "Update your resume with results (continued)"),
                              task(2, "Hold one informational interview")]},
        {"week": 4, "tasks": [task(4, "Hold one informational interview")]},
    ]}  # fmt: skip
    guide = task_guide(action)
    assert [(g["title"], g["weeks"]) for g in guide] == [
        ("Update your resume with results", [1, 2]),
        ("Hold one informational interview", [2, 4]),
    ]  # learning has its own section; started and continued parts are one task
    assert weeks_words([3]) == "week 3"
    assert weeks_words([1, 2, 3]) == "weeks 1-3"
    assert weeks_words([3, 5, 7]) == "weeks 3, 5 and 7"


def test_the_plan_page_shows_how_to_do_each_task(kb: KnowledgeBase) -> None:
    make_person(kb)
    services.choose_target(NP)
    body = Client().get("/plan/").content.decode()
    assert body.count('<details class="task-how">') >= 13
    assert "Rewrite each role as results with numbers" in body


def test_the_hours_chart_legend_is_html_that_reflows(kb: KnowledgeBase) -> None:
    make_person(kb)
    services.choose_target(NP)
    body = Client().get("/plan/").content.decode()
    legend = re.search(r'<ul class="chart-legend"[^>]*>(.*?)</ul>', body, re.S)
    assert legend is not None
    names = re.findall(r"</span>([^<]+)</li>", legend.group(1))
    assert "Networking" in names and names[-1] == "Your hours that week"
    svg = body[body.index('<svg'):body.index('</svg>')]
    assert "Networking</text>" not in svg  # not drawn twice, nor too small to read


def test_plan_pages_without_knowledge_base_explain_install() -> None:
    for url in ("/plan/", "/plan/report/", "/plan/report.pdf", "/plan/plan.ics"):
        assert Client().get(url).status_code == 503


def test_hours_set_for_an_activity_replace_the_estimate(kb: KnowledgeBase) -> None:
    make_person(kb, hours=6.0)
    services.choose_target(NP)
    first = services.build(kb).action.learning.activities[0]
    client = Client()
    assert (
        client.post(
            "/plan/learning/", {"action": "hours", "activity": first.id, "hours": "0"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/plan/learning/", {"action": "hours", "activity": first.id, "hours": "two"}
        ).status_code
        == 400
    )
    response = client.post(
        "/plan/learning/", {"action": "hours", "activity": first.id, "hours": str(first.hours + 7)}
    )
    assert response.status_code == 302
    plan = services.build(kb)
    mine = next(a for a in plan.action.learning.activities if a.id == first.id)
    assert mine.hours == first.hours + 7
    assert all(w.hours <= w.capacity + 1e-9 for w in plan.action.weeks)
    assert f"{first.hours + 7} hours (set by you)" in text_of(client.get("/plan/learning/"))
    client.post("/plan/learning/", {"action": "hours", "activity": first.id, "hours": ""})
    back = next(a for a in services.build(kb).action.learning.activities if a.id == first.id)
    assert back.hours == first.hours


def test_fewer_gaps_at_once(kb: KnowledgeBase) -> None:
    make_person(kb)
    services.choose_target(NP)
    before = services.build(kb).action.learning
    client = Client()
    assert (
        client.post("/plan/learning/", {"action": "max-gaps", "max_gaps": "0"}).status_code == 400
    )
    assert (
        client.post("/plan/learning/", {"action": "max-gaps", "max_gaps": "x"}).status_code == 400
    )
    assert (
        client.post("/plan/learning/", {"action": "max-gaps", "max_gaps": "2"}).status_code == 302
    )
    after = services.build(kb).action.learning
    keys = list(dict.fromkeys(a.gap_key for a in after.activities))
    assert len(keys) == 2 < len({a.gap_key for a in before.activities})
    assert 'value="2"' in client.get("/plan/learning/").content.decode()


def test_every_step_of_the_loop_leads_to_the_next(kb: KnowledgeBase) -> None:
    """No dead ends: each page ends with a link to the next step, and the home page offers to
    continue where the person left off."""
    import re as _re

    def next_link(path: str) -> str:
        page = Client().get(path).content.decode()
        m = _re.search(r'<nav class="next-step"[^>]*>.*?href="([^"]+)"', page, _re.S)
        assert m, f"{path} has no next step"
        return m.group(1)

    home = Client().get("/").content.decode()
    assert "Start here" in home and 'class="continue"' not in home
    make_person(kb)
    services.choose_target(NP, start=date(2026, 12, 7))
    # the results page sends to the paths once the profile is done, else back to its steps
    from unstuck.web import journey

    expected = "/paths/" if journey.where().profile_step is None else "/profile/"
    assert next_link("/profile/results/").startswith(expected)
    assert next_link("/paths/shortlist/") == "/plan/"
    assert next_link("/plan/") == "/plan/learning/"
    assert next_link("/plan/learning/") == "/plan/goals/"
    assert next_link("/plan/goals/") == "/plan/exit/"
    assert next_link("/plan/exit/") == "/plan/report/"
    home = Client().get("/").content.decode()
    assert 'class="continue"' in home
