"""Application pages through Django's test client: quick entry, errors beside their fields with
nothing stored, moves kept in the history, no-news proposals that move only when confirmed,
the funnel and the CSV download, and the documents as they were sent."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from unstuck.app.applications import models
from unstuck.app.applications import services as applications

pytestmark = pytest.mark.django_db

RESUME = b"Dana Cruz\nExperience\nHR Generalist, Acme, 2019 - present\n"


@pytest.fixture
def client(kb_home) -> Client:  # noqa: ANN001
    return Client()


def add(client: Client, **fields: object):  # noqa: ANN201
    data = {"stage": "applied", **fields}
    return client.post("/applications/add/", data)


def test_quick_entry_by_hand_with_the_file_sent(client: Client) -> None:
    resume = SimpleUploadedFile("dana-tailored.txt", RESUME, content_type="text/plain")
    r = add(client, company="Northwind", role_title="Trainer", resume_file=resume)
    assert r.status_code == 302
    app = models.Application.objects.get()
    assert r["Location"] == f"/applications/?added={app.pk}#added"
    page = client.get(r["Location"]).content.decode()
    assert "Added" in page and "Trainer at Northwind" in page and "(Applied)" in page
    assert app.resume is not None and app.resume.filename == "dana-tailored.txt"
    # the document comes back exactly as sent
    got = client.get(f"/applications/sent/{app.resume_id}/")
    assert got.status_code == 200 and got.content == RESUME
    assert "dana-tailored.txt" in got["Content-Disposition"]


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"company": "", "role_title": "Trainer", "stage": "saved"}, "company", "is needed"),
        ({"company": "Northwind", "role_title": "Trainer"}, "resume", "needs the resume"),
        ({"company": "Northwind", "role_title": "Trainer", "stage": "saved",
          "salary_min": "a lot"}, "salary_min", "not an amount"),
        ({"company": "Northwind", "role_title": "Trainer", "stage": "saved",
          "salary_min": "90000", "salary_max": "50000"}, "salary_max", "below the minimum"),
    ],
)  # fmt: skip
def test_a_refused_value_comes_back_beside_its_field_and_nothing_is_stored(
    client: Client, fields: dict[str, str], field: str, words: str
) -> None:
    r = add(client, **fields)
    assert r.status_code == 400
    page = r.content.decode()
    assert 'role="alert"' in page
    problem = re.search(rf'id="id_{field}-error">([^<]+)<', page)
    assert problem is not None and words in problem.group(1).lower(), page[:2000]
    assert not models.Application.objects.exists()


def test_moves_are_kept_in_the_history_with_rounds(client: Client) -> None:
    app = applications.add(company="Northwind", role_title="Trainer").application
    for stage in ("applied", "screening", "interview", "interview"):
        data = {"stage": stage}
        if stage == "applied":
            data["resume_file"] = SimpleUploadedFile("cv.txt", RESUME, content_type="text/plain")
        r = client.post(f"/applications/{app.pk}/move/", data)
        assert r.status_code == 302, r.content.decode()[:1500]
    page = client.get(f"/applications/{app.pk}/").content.decode()
    names = re.findall(r"<li><strong>([^<]+)</strong> on", page)
    assert names == ["Interview (round 2)", "Interview (round 1)", "Screening", "Applied",
                     "Saved"]  # fmt: skip
    # moving on to Applied without a resume is refused beside the field
    other = applications.add(company="Contoso", role_title="Trainer").application
    r = client.post(f"/applications/{other.pk}/move/", {"stage": "applied"})
    assert r.status_code == 400 and "needs the resume" in r.content.decode()
    assert applications.get(other.pk).stage == "saved"


def test_no_news_is_proposed_and_moves_only_when_confirmed(client: Client) -> None:
    sent = applications.Sent(data=RESUME, filename="cv.txt")
    long_ago = date.today() - timedelta(days=60)
    quiet = applications.add(company="Northwind", role_title="Trainer", stage="applied",
                             resume=sent, at=long_ago).application  # fmt: skip
    page = client.get("/applications/").content.decode()
    assert "No news for a while" in page and "60 days in Applied" in page
    assert applications.get(quiet.pk).stage == "applied"  # showing it moved nothing
    client.post(f"/applications/{quiet.pk}/no-news/", {"action": "snooze", "days": "7"})
    assert "No news for a while" not in client.get("/applications/").content.decode()
    applications.move(quiet.pk, "screening", at=long_ago + timedelta(days=1))
    client.post(f"/applications/{quiet.pk}/no-news/", {"action": "confirm"})
    assert applications.get(quiet.pk).stage == "no-response"


def test_funnel_and_csv(client: Client) -> None:
    sent = applications.Sent(data=RESUME, filename="cv.txt")
    for n in range(4):
        app = applications.add(company=f"Employer {n}", role_title="Trainer", stage="applied",
                               resume=sent).application  # fmt: skip
        if n < 2:
            applications.move(app.pk, "screening")
    page = client.get("/applications/funnel/").content.decode()
    assert "50% (2 of 4)" in page
    by_resume = client.get("/applications/funnel/?by=resume").content.decode()
    assert "cv.txt" in by_resume and "50% (2 of 4)" in by_resume
    csv = client.get("/applications/applications.csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode().count("Employer ") == 4


def test_unknown_applications_are_404(client: Client) -> None:
    assert client.get("/applications/999/").status_code == 404
    assert client.post("/applications/999/delete/").status_code == 404
    assert client.get("/applications/sent/999/").status_code == 404


def test_the_plans_job_search_week_ticks_off_with_the_applications_sent(client: Client) -> None:
    from unstuck.app.paths import services as paths
    from unstuck.app.plan import services as plan
    from unstuck.app.profile import services as profile
    from unstuck.knowledge.store import get_knowledge_base

    kb = get_knowledge_base()
    profile.set_occupation(kb, "13-1071.00", 7)
    paths.add("13-1151.00", kb.titles["13-1151.00"])
    plan.choose_target("13-1151.00", start=date.today() - timedelta(days=56))
    built = plan.build(kb)
    week = next(w for w in built.action.weeks if any(t.strand == "job_search" for t in w.tasks))
    sent = applications.Sent(data=RESUME, filename="cv.txt")
    for n in range(2):
        applications.add(company=f"Employer {n}", role_title="Trainer", stage="applied",
                         resume=sent, at=week.start)  # fmt: skip
    page = client.get("/plan/").content.decode()
    assert "✓ 2 applications sent this week (the plan&#x27;s cap is" in page


def test_a_recruiter_is_linked_by_name_and_kept_among_the_people(client: Client) -> None:
    from unstuck.app.people import services as people

    app = applications.add(company="Northwind Health", role_title="Trainer").application
    r = client.post(f"/applications/{app.pk}/people/", {"name": "Maria Lopez", "part": "recruiter"})
    assert r.status_code == 302 and r["Location"].endswith("#people")
    (linked,) = applications.people_of(app.pk)
    assert linked["name"] == "Maria Lopez" and linked["part"] == "recruiter"
    assert linked["organisation"] == "Northwind Health"
    contact = people.get_contact(linked["id"])
    assert contact is not None and "recruiter" in contact.tags
    # the same name at the same employer is the same person; an interviewer part is added
    client.post(f"/applications/{app.pk}/people/", {"name": "maria lopez", "part": "interviewer"})
    assert [p["part"] for p in applications.people_of(app.pk)] == ["recruiter", "interviewer"]
    assert len(applications.known_people()) == 1
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert f'<a href="/people/{linked["id"]}/">Maria Lopez</a></strong>, recruiter' in page
    person_page = client.get(f"/people/{linked['id']}/").content.decode()
    assert "On your applications" in person_page and "Trainer, Northwind Health" in person_page
    assert applications.applications_of(linked["id"])[0]["part"] in ("recruiter", "interviewer")
    # nothing chosen: a message, nothing linked
    r = client.post(f"/applications/{app.pk}/people/", {"part": "referrer"})
    assert r.status_code == 400 and "Choose someone you know" in r.content.decode()
    client.post(f"/applications/{app.pk}/people/{linked['id']}/remove/", {"part": "interviewer"})
    assert [p["part"] for p in applications.people_of(app.pk)] == ["recruiter"]


def test_the_plans_networking_weeks_tick_off_with_what_is_logged(client: Client) -> None:
    from unstuck.app.paths import services as paths
    from unstuck.app.people import services as people
    from unstuck.app.plan import services as plan
    from unstuck.app.profile import services as profile
    from unstuck.knowledge.store import get_knowledge_base
    from unstuck.text.contacts.model import ContactRecord

    kb = get_knowledge_base()
    profile.set_occupation(kb, "13-1071.00", 7)
    paths.add("13-1151.00", kb.titles["13-1151.00"])
    plan.choose_target("13-1151.00", start=date.today() - timedelta(days=56))
    built = plan.build(kb)
    week = next(w for w in built.action.weeks
                if any(t.logs == "informational_interview" for t in w.tasks))  # fmt: skip
    maria = people.add_contact(ContactRecord(name="Maria Lopez"))
    people.log_interaction(maria.pk, "informational-interview", week.start + timedelta(days=2))
    built = plan.build(kb)
    task = next(t for w in built.action.weeks for t in w.tasks
                if w.number == week.number and t.logs == "informational_interview")  # fmt: skip
    assert built.logged[task.id].text == "1 informational interview logged this week"
    assert "✓ 1 informational interview logged this week" in client.get("/plan/").content.decode()
