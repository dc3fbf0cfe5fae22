"""GETs never write (issue 11, item 6): every page of the web app, walked from the URLconf
itself, for a person with nothing stored and for one with something in every part of the app,
sends no INSERT, UPDATE or DELETE to the database, and leaves every row as it was.

The walk covers every named URL (a test below fails when a new one is added that the walk
cannot fill in), each assessment step, each page of an assessment (``?page=``: showing a page
used to move the draft's page) and the query strings the pages read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import hostile
from hostile import ANALYST, NP, NURSE

pytestmark = pytest.mark.django_db

WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.I)


@pytest.fixture(scope="session")
def reads_kb_home(tmp_path_factory: pytest.TempPathFactory, test_data: Path) -> Path:
    """An UNSTUCK_HOME with the hostile suite's small knowledge base (twelve occupations)."""
    from unstuck.knowledge.build import install

    base = tmp_path_factory.mktemp("reads")
    release = hostile.trim_release(test_data / "onet" / "db_29_0_text", base / "release")
    home = base / "home"
    install(release, directory=home / "knowledge", cache=home / "cache")
    return home


@pytest.fixture
def kb(reads_kb_home: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    from unstuck.knowledge.store import get_knowledge_base

    monkeypatch.setenv("UNSTUCK_HOME", str(reads_kb_home))
    return get_knowledge_base()


def named_patterns() -> Iterator[tuple[str, URLPattern]]:
    """Every named URL pattern, with its namespaced name (``"plan:goals"``)."""

    def walk(patterns: list, prefix: str) -> Iterator[tuple[str, URLPattern]]:
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
                yield from walk(p.url_patterns, ns)
            elif isinstance(p, URLPattern) and p.name:
                yield prefix + p.name, p

    yield from walk(get_resolver().url_patterns, "")


def named_urls(ids: dict[str, int]) -> dict[str, list[str]]:
    """Each named URL's addresses, its parameters filled in every way the app offers."""
    from unstuck.app.profile import wizard
    from unstuck.web.documents.present import TAILOR_FORMATS

    values = {
        "slug": list(wizard.ASSESSMENT_STEPS),
        "code": [NURSE, NP],
        "pk": sorted({ids.get("resume", 1), ids.get("application", 1), ids.get("sent", 1),
                      ids.get("person", 1)}),
        "interview_pk": [ids.get("interview", 1)],
        "resume_pk": [ids.get("resume", 1)],
        "posting_pk": [ids.get("posting", 1)],
        "fmt": list(TAILOR_FORMATS),
        "contact": [ids.get("contact", 1)],
    }
    out: dict[str, list[str]] = {}
    for name, pattern in named_patterns():
        params = list(pattern.pattern.converters)
        missing = [p for p in params if p not in values]
        assert not missing, f"the walk does not know how to fill {missing} of {name}"
        combos: list[dict[str, object]] = [{}]
        for param in params:
            combos = [c | {param: v} for c in combos for v in values[param]]
        out[name] = [reverse(name, kwargs=c) for c in combos]
    return out


def every_get(ids: dict[str, int]) -> list[str]:
    """Every page's URL (:func:`named_urls`), every page of each assessment, and the query
    strings the pages read."""
    from unstuck.app.profile import wizard

    urls = [u for us in named_urls(ids).values() for u in us]
    for slug in wizard.ASSESSMENT_STEPS:
        instrument = wizard.instrument_for(slug)
        urls += [f"/profile/assess/{slug}/?page={n}" for n in range(wizard.pages(instrument))]
    urls += [
        "/?q=nurse", "/occupations/?q=registered+nurse", "/occupations/suggest.json?q=nur",
        f"/occupations/{NURSE}/?added={NURSE}", f"/profile/about/?set={NURSE}",
        f"/paths/?from={ANALYST}", "/paths/?kind=similar&more=1",
        f"/paths/compare/?code={NP}&code={ANALYST}", f"/paths/shortlist/?added={NP}",
        f"/documents/postings/?target={NP}", f"/documents/market/?code={NP}",
        "/documents/?resumes=2&postings=2", "/applications/?added=1",
        "/applications/funnel/?by=resume", "/applications/funnel/?by=occupation",
        "/people/?added=1", "/people/?at=acme", "/people/?role=nurse",
        f"/people/?target={NP}", "/people/?at=%21%21", "/people/export.vcf?version=3.0",
    ]  # fmt: skip
    return urls


def fill_everything(kb: object) -> dict[str, int]:
    """A person with something stored in every part: the profile and its steps, every
    questionnaire (one with a draft of a retake), skills, a shortlist, a plan with edits and
    exit inputs, a resume and a posting."""
    from unstuck.app.documents import services as documents
    from unstuck.app.paths import services as paths
    from unstuck.app.plan import services as plan
    from unstuck.app.profile import services as profile
    from unstuck.app.profile import wizard
    from unstuck.core.assess import Responses, get_instrument

    profile.set_occupation(kb, NURSE, 7)  # type: ignore[arg-type]
    for short in ("wellbeing", "rut", "interests", "values"):
        instrument = get_instrument(short)
        ranking = tuple(instrument.ranking_of)
        profile.submit(Responses(instrument.id, {i.id: 3 for i in instrument.items}, ranking))
    wellbeing = get_instrument("wellbeing")
    profile.save_draft(wellbeing, {wellbeing.items[0].id: 2}, page=0)
    stored = profile.stored_profile()
    for slug in ("about", "rut", "interests", "values", "skills"):
        wizard.mark(stored, slug, "done")
    wizard.visit(stored, "wellbeing")
    paths.add(NP, kb.titles[NP])  # type: ignore[attr-defined]
    paths.add(ANALYST, kb.titles[ANALYST])  # type: ignore[attr-defined]
    plan.choose_target(NP)
    plan.save_goal("Talk to two nurse practitioners about their work by the end of March")
    plan.mark_done("some-activity")
    plan.set_hours("some-activity", 5)
    plan.add_resource("some-gap", "A course", "https://example.org/course")
    plan.set_exit({"severance": 5000.0, "notice_months": 1.0})
    resume = documents.import_resume(hostile.RESUME.encode(), "cv.txt")
    posting = documents.add_postings(hostile.POSTING.encode(), filename="p.txt", target_code=NP)
    from datetime import date

    from unstuck.app.applications import services as applications

    sent = applications.Sent(resume_id=resume.pk)
    app = applications.add(posting_id=posting[0].pk, stage="applied", resume=sent,
                           at=date(2026, 1, 5)).application  # quiet long enough to be proposed
    from unstuck.app.people import services as people
    from unstuck.text.contacts import ContactRecord, Email, RoleRecord

    person = people.add_contact(ContactRecord(
        "Ann Lee", emails=(Email("ann@acme.example", ("work",)),), tags=("mentor",),
        roles=(RoleRecord("Acme, Inc.", "Nurse Practitioner", date(2020, 1, 1)),),
        cadence_days=7))
    people.add_role(person.pk, "Globex", "Registered Nurse", date(2015, 1, 1), date(2019, 12, 31))
    people.log_interaction(person.pk, "coffee", date(2026, 1, 5), "Talked about NP school")
    interview = people.start_interview(person.pk, NP, date(2026, 1, 6))
    people.move_interview(interview.pk, "scheduled", date(2026, 1, 7),
                          scheduled_for=date(2026, 1, 20))
    return {"resume": resume.pk, "posting": posting[0].pk, "application": app.pk,
            "sent": app.resume_id or 1, "person": person.pk, "interview": interview.pk}


def walk_counting_writes(urls: list[str]) -> tuple[dict[str, list[str]], dict[str, int]]:
    """GET each URL; the write statements each sent, and each one's status."""
    client = Client()
    writes: dict[str, list[str]] = {}
    statuses: dict[str, int] = {}
    current = [""]

    def spy(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        if WRITES.match(sql):
            writes.setdefault(current[0], []).append(sql[:120])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        for url in urls:
            current[0] = url
            statuses[url] = client.get(url).status_code
    return writes, statuses


def test_the_walk_reaches_every_page_and_the_spy_sees_writes(kb: object) -> None:
    """Every named URL is in the walk, and the spy does see a write (a POST that saves)."""
    named = named_urls({})
    assert len(named) >= 30 and all(named.values())
    assert len(named["profile:assess"]) == 4 and len(named["documents:tailored"]) == 3
    urls = every_get({})
    assert {"/plan/", "/plan/report.pdf", "/profile/assess/rut/?page=1", "/documents/"} <= set(urls)
    client = Client()
    seen: list[str] = []

    def spy(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        if WRITES.match(sql):
            seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        response = client.post("/profile/about/", {"action": "skip"})
    assert response.status_code == 302
    assert any(s.lstrip().upper().startswith("INSERT") for s in seen), seen


def test_no_get_writes_for_a_person_with_nothing_stored(kb: object) -> None:
    before = hostile.django_snapshot()
    writes, statuses = walk_counting_writes(every_get({}))
    assert writes == {}
    assert hostile.django_snapshot() == before
    assert not any(before.values())  # nothing stored at all, before or after
    assert not [u for u, s in statuses.items() if s >= 500]
    assert statuses["/profile/"] == 200 and statuses["/plan/"] == 200
    assert statuses["/profile/results/"] == 200 and statuses["/documents/"] == 200


def test_no_get_writes_for_a_person_with_everything_stored(kb: object) -> None:
    ids = fill_everything(kb)
    before = hostile.django_snapshot()
    assert all(before[label] for label in ("profile.Profile", "profile.Draft", "plan.Plan",
                                            "plan.Goal", "documents.Resume", "paths.Shortlisted",
                                            "applications.Application", "people.Contact",
                                            "people.Role", "people.Interaction",
                                            "people.InfoInterview"))
    urls = every_get(ids)
    writes, statuses = walk_counting_writes(urls)
    assert writes == {}
    assert hostile.django_snapshot() == before
    assert not [u for u, s in statuses.items() if s >= 500]
    ok = [u for u, s in statuses.items() if s == 200]
    assert f"/documents/match/{ids['resume']}/{ids['posting']}/" in ok
    assert f"/documents/resume/{ids['resume']}/" in ok
    assert "/plan/report.pdf" in ok and "/plan/plan.ics" in ok and "/profile/results/" in ok
    assert f"/people/{ids['person']}/" in ok and "/people/" in ok and "/people/import/" in ok
    assert "/people/export.vcf" in ok and f"/people/?target={NP}" in ok


def test_progress_is_remembered_when_a_step_is_saved(kb: object) -> None:
    """Showing a step records nothing; saving one records where to continue."""
    from unstuck.app.profile import models

    client = Client()
    client.get("/profile/assess/rut/?page=2")
    assert not models.Profile.objects.exists()
    assert "Continue" not in client.get("/profile/").content.decode()
    response = client.post("/profile/assess/rut/", {"page": 0, "action": "next"})
    assert response.status_code == 302 and response["Location"].endswith("?page=1")
    row = models.Profile.objects.get()
    assert row.wizard_step == "rut" and row.drafts.get().page == 1
    assert "Continue: Rut check" in client.get("/profile/").content.decode()
    client.get("/profile/assess/rut/?page=0")  # looking back moves nothing
    assert models.Profile.objects.get().drafts.get().page == 1
    client.post("/profile/assess/values/", {"page": 0, "action": "skip"})
    row = models.Profile.objects.get()
    assert row.step_status == {"values": "skipped"} and row.wizard_step == "skills"
