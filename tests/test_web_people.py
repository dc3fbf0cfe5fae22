"""People pages through Django's test client: quick entry, a refused value beside its field
with nothing stored, follow-ups that count from the last interaction (logging resets one,
snoozing moves it), the informational-interview pipeline, "who do I know", imports with
their report (and bad files refused whole), the vCard download read back, and 404s."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from unstuck.app.people import models
from unstuck.app.people import services as people
from unstuck.text.contacts import ContactRecord, RoleRecord

pytestmark = pytest.mark.django_db

NOTES = 'Notes:\n"When exporting your connection data, you may notice..."\n\n'
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
CONNECTIONS = (
    NOTES
    + HEADER
    + (
        'Ann,Lee,https://www.linkedin.com/in/annlee,ann@example.org,"Acme, Inc.",Data Scientist,'
        "06 Jan 2021\n"
        "Bo,Chen,https://www.linkedin.com/in/bochen/,,Globex,CTO,15 Mar 2019\n"
        ",,,,,,01 Feb 2020\n"
    )
)


@pytest.fixture
def client(kb_home) -> Client:  # noqa: ANN001
    return Client()


def counts() -> tuple[int, ...]:
    return (
        models.Contact.objects.count(),
        models.Role.objects.count(),
        models.Organisation.objects.count(),
        models.Interaction.objects.count(),
        models.InfoInterview.objects.count(),
    )


def upload(client: Client, name: str, data: bytes, **extra: str):  # noqa: ANN201
    f = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post("/people/import/", {"file": f, **extra})


def test_quick_add_by_name_organisation_title_and_tags(client: Client) -> None:
    r = client.post(
        "/people/add/",
        {
            "name": "Rita Moreno",
            "organisation": "Northwind Health",
            "title": "Recruiter",
            "how_known": "Met at a job fair",
            "tags": "recruiter, alumni",
        },
    )
    assert r.status_code == 302
    contact = models.Contact.objects.get()
    assert r["Location"] == f"/people/?added={contact.pk}#added"
    page = client.get(r["Location"]).content.decode()
    assert "Added" in page and "Rita Moreno" in page and "Recruiter at Northwind Health" in page
    assert contact.tags == ["recruiter", "alumni"] and contact.how_known == "Met at a job fair"
    shown = client.get(f"/people/{contact.pk}/").content.decode()
    assert "Recruiter at Northwind Health" in shown and "recruiter, alumni" in shown
    assert "not given" in shown  # no email, no phone: said so, never made up


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"name": ""}, "name", "type the person"),
        ({"name": "Ann", "title": "x" * 501}, "title", "at most"),
        ({"name": "Ann", "organisation": "o" * 500, "tags": "t" * 600}, "tags", "more than 500"),
    ],
)
def test_a_refused_value_comes_back_beside_its_field_and_nothing_is_stored(
    client: Client, fields: dict[str, str], field: str, words: str
) -> None:
    r = client.post("/people/add/", fields)
    assert r.status_code == 400
    page = r.content.decode()
    assert 'role="alert"' in page
    problem = re.search(rf'id="id_{field}-error">([^<]+)<', page)
    assert problem is not None and words in problem.group(1).lower(), page[:3000]
    assert counts() == (0, 0, 0, 0, 0)


def test_a_bad_email_on_edit_is_shown_beside_it_and_nothing_changes(client: Client) -> None:
    ann = people.add_contact(ContactRecord("Ann Lee"))
    r = client.post(f"/people/{ann.pk}/edit/", {"name": "Ann Lee", "emails": "work: not-an-email"})
    assert r.status_code == 400
    problem = re.search(r'id="id_emails-error">([^<]+)<', r.content.decode())
    assert problem is not None and "not an email address" in problem.group(1)
    assert people.get_contact(ann.pk).emails == []
    r = client.post(
        f"/people/{ann.pk}/edit/",
        {
            "name": "Ann Lee",
            "emails": "work: ann@acme.example",
            "phones": "cell: +1 555 0100",
            "tags": "mentor",
        },
    )
    assert r.status_code == 302
    ann = people.get_contact(ann.pk)
    assert ann.emails == [{"address": "ann@acme.example", "types": ["work"]}]
    assert ann.phones == [{"number": "+1 555 0100", "types": ["cell"]}] and ann.tags == ["mentor"]


def test_logging_an_interaction_resets_the_follow_up_and_snoozing_moves_it(
    client: Client,
) -> None:
    today = people.today()  # the app's day (its time zone), as the pages count
    ann = people.add_contact(ContactRecord("Ann Lee", cadence_days=7))
    people.log_interaction(ann.pk, "coffee", today - timedelta(days=10))
    page = client.get("/people/").content.decode()
    due = page.split('id="due"')[1].split("</section>")[0]
    assert "Ann Lee" in due and "overdue by 3 days" in due
    # snooze a week from the list: no longer due, the detail says when
    r = client.post(f"/people/{ann.pk}/snooze/", {"days": "7", "back": "list"})
    assert r.status_code == 302 and r["Location"] == "/people/#due"
    due = client.get("/people/").content.decode().split('id="due"')[1].split("</section>")[0]
    assert "Ann Lee" not in due
    assert people.get_contact(ann.pk).snoozed_until == today + timedelta(days=7)
    # logging an interaction today resets the count and ends the snooze
    r = client.post(
        f"/people/{ann.pk}/log/", {"kind": "call", "date": today.isoformat(), "notes": "Caught up"}
    )
    assert r.status_code == 302 and r["Location"] == f"/people/{ann.pk}/#interactions"
    state = people.follow_up(people.get_contact(ann.pk), today)
    assert (state.due, state.snoozed) == (today + timedelta(days=7), False)
    detail = client.get(f"/people/{ann.pk}/").content.decode()
    assert "due in 7 days" in detail and "Caught up" in detail
    # a date out of range is refused beside its field
    r = client.post(f"/people/{ann.pk}/log/", {"kind": "call", "date": "1850-01-01"})
    assert r.status_code == 400 and re.search(r'id="id_date-error">[^<]*1900', r.content.decode())
    assert models.Interaction.objects.count() == 2


def test_the_cadence_is_edited_and_a_bad_one_refused(client: Client) -> None:
    ann = people.add_contact(ContactRecord("Ann Lee"))
    assert client.post(f"/people/{ann.pk}/cadence/", {"cadence_days": "30"}).status_code == 302
    assert people.get_contact(ann.pk).cadence_days == 30
    r = client.post(f"/people/{ann.pk}/cadence/", {"cadence_days": "0"})
    assert r.status_code == 400 and 'id="id_cadence_days-error"' in r.content.decode()
    client.post(f"/people/{ann.pk}/cadence/", {"cadence_days": ""})
    assert people.get_contact(ann.pk).cadence_days is None


def test_roles_over_time_and_who_do_i_know(client: Client, kb) -> None:  # noqa: ANN001
    ann = people.add_contact(ContactRecord("Ann Lee"))
    r = client.post(
        f"/people/{ann.pk}/role/",
        {"organisation": "Acme, Inc.", "title": "Senior Data Scientist", "start": "2021-01-01"},
    )
    assert r.status_code == 302
    client.post(
        f"/people/{ann.pk}/role/",
        {"organisation": "Globex", "title": "Analyst", "start": "2018-01-01", "end": "2020-12-31"},
    )
    r = client.post(f"/people/{ann.pk}/role/", {"organisation": "", "title": ""})
    assert r.status_code == 400 and 'id="id_organisation-error"' in r.content.decode()
    r = client.post(
        f"/people/{ann.pk}/role/", {"title": "Analyst", "start": "2020-01-01", "end": "2019-01-01"}
    )
    assert r.status_code == 400 and re.search(r'id="id_end-error">[^<]*before', r.content.decode())
    assert models.Role.objects.count() == 2
    found = client.get("/people/?at=ACME#who").content.decode().split('id="who-found"')[1]
    assert "Ann Lee" in found and "Senior Data Scientist at Acme, Inc." in found
    assert (
        "Ann Lee" in client.get("/people/?role=analyst").content.decode().split('id="who-found"')[1]
    )
    nobody = client.get("/people/?at=Initech").content.decode()
    assert "Nobody you have added matches" in nobody
    # in a target occupation: the shortlist's, read from the role titles
    from unstuck.app.paths import services as paths

    paths.add("15-2051.00", kb.titles["15-2051.00"])
    page = client.get("/people/?target=15-2051.00").content.decode()
    assert kb.titles["15-2051.00"] in page.split('id="who-target"')[1].split("</select>")[0]
    assert "Ann Lee" in page.split('id="who-found"')[1]


def test_the_interview_pipeline_moves_on_and_done_is_logged(client: Client, kb) -> None:  # noqa: ANN001
    from unstuck.app.paths import services as paths

    paths.add("15-2051.00", kb.titles["15-2051.00"])
    ann = people.add_contact(ContactRecord("Ann Lee", roles=(RoleRecord("Acme", "CTO"),)))
    r = client.post(f"/people/{ann.pk}/interview/", {"target_code": "15-2051.00"})
    interview = models.InfoInterview.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"#interview-{interview.pk}")
    detail = client.get(f"/people/{ann.pk}/").content.decode()
    assert "Questions to take along" in detail and kb.titles["15-2051.00"] in detail
    assert "How much of your time goes to" in detail  # a question from the target's tasks
    assert "I am building up" not in detail  # no profile yet: the tasks alone
    from unstuck.app.profile import services as profile

    profile.set_occupation(kb, "43-9021.00", years=3)  # data entry keyers: gaps to build up
    detail = client.get(f"/people/{ann.pk}/").content.decode()
    gap = people.interview_gaps(interview.pk, kb)[0]
    assert f"I am building up {gap}" in detail and "the gaps your profile shows" in detail
    stages = []
    for _ in range(5):
        page = client.get("/people/").content.decode().split('id="pipeline"')[1]
        assert f'id="pipeline-{interview.pk}"' in page
        r = client.post(f"/people/interviews/{interview.pk}/move/", {"back": "list"})
        assert r.status_code == 302 and r["Location"] == "/people/#pipeline"
        interview.refresh_from_db()
        stages.append(interview.stage)
    assert stages == ["asked", "scheduled", "done", "thanked", "follow-up"]
    # "done" logged it with the person, once
    assert [i.kind for i in people.interactions(ann.pk)] == ["informational-interview"]
    r = client.post(f"/people/interviews/{interview.pk}/move/", {})
    assert r.status_code == 400 and "last stage" in r.content.decode()
    # a named stage and a date move it back
    r = client.post(
        f"/people/interviews/{interview.pk}/move/",
        {"stage": "scheduled", "on": "2026-03-01", "scheduled_for": "2026-03-09"},
    )
    interview.refresh_from_db()
    assert (interview.stage, interview.scheduled_for) == ("scheduled", date(2026, 3, 9))
    r = client.post(f"/people/{ann.pk}/interview/", {"target_code": "99-9999.99"})
    assert r.status_code == 400 and models.InfoInterview.objects.count() == 1


def test_import_reports_rows_read_imported_and_skipped(client: Client) -> None:
    r = upload(client, "Connections.csv", CONNECTIONS.encode())
    assert r.status_code == 200
    report = r.content.decode().split('id="report"')[1].split("</div>")[0]
    assert "Read 3 rows: 2 new people, 0 updated, 0 already here, 1 skipped." in report
    assert "Row 7: no name" in report
    assert counts()[0] == 2
    again = upload(client, "Connections.csv", CONNECTIONS.encode()).content.decode()
    assert "2 already here" in again and counts()[0] == 2


MESSAGES = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
    "c1,,Ann Lee,https://www.linkedin.com/in/annlee,Me,https://www.linkedin.com/in/me,"
    "2026-02-01 09:00:00 UTC,,Coffee next week?,INBOX\n"
)


def test_messages_are_logged_with_the_people_already_imported(client: Client) -> None:
    upload(client, "Connections.csv", CONNECTIONS.encode())
    r = upload(client, "messages.csv", MESSAGES.encode())
    assert r.status_code == 200
    report = r.content.decode().split('id="report"')[1].split("</div>")[0]
    assert "Read 1 row" in report and "1 message logged" in report
    ann = people.who(at="acme")[0].contact
    assert [(i.kind, i.date) for i in people.interactions(ann.pk)] == [
        ("message", date(2026, 2, 1))
    ]
    assert "Coffee next week?" in client.get(f"/people/{ann.pk}/").content.decode()


def test_zero_rows_and_a_bad_row_are_errors_and_store_nothing(client: Client) -> None:
    r = upload(client, "Connections.csv", (NOTES + HEADER).encode())
    assert r.status_code == 400
    page = r.content.decode()
    assert "Nothing was imported" in page and "No connections in this file" in page
    bad = CONNECTIONS + "Cy,Day,https://www.linkedin.com/in/cy,,Initech,CFO,31 Feb 2020\n"
    r = upload(client, "Connections.csv", bad.encode())
    assert r.status_code == 400
    problems = r.content.decode().split('role="alert"')[1]
    assert "1 bad row of 4 read, so nothing was imported" in problems
    assert "Row 8" in problems and "--skip-bad" not in problems
    assert counts() == (0, 0, 0, 0, 0)
    # the good rows, if asked for
    r = upload(client, "Connections.csv", bad.encode(), skip_bad="on")
    assert r.status_code == 200 and counts()[0] == 2
    assert "Row 8" in r.content.decode().split('id="report"')[1]
    # an empty file, and no file at all
    assert upload(client, "c.csv", b"").status_code == 400
    assert client.post("/people/import/", {}).status_code == 400


def test_hostile_files_give_one_message_per_bad_card_and_store_nothing(client: Client) -> None:
    folded = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann\r\n  Lee\r\nEMAIL:ann@acme.example\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo Chen\r\nEMAIL:not an address\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cy Day\r\nBDAY;VALUE=date:nonsense\r\n"
        "this line is no property\r\nEND:VCARD\r\n"
    )
    r = upload(client, "contacts.vcf", folded.encode())
    assert r.status_code == 400
    alert = r.content.decode().split('role="alert"')[1].split("</div>")[0]
    assert "nothing was imported" in alert and alert.count("<li>") >= 2, alert
    assert counts() == (0, 0, 0, 0, 0)
    # a Windows file: refused as not UTF-8, with what to do; read once its encoding is named
    cp1252 = (HEADER + "Ren\u00e9,Dupr\u00e9,,,Soci\u00e9t\u00e9,CTO,01 Jan 2020\n").encode(
        "cp1252"
    )
    r = upload(client, "Connections.csv", cp1252)
    assert r.status_code == 400 and "not UTF-8 text" in r.content.decode()
    assert "--encoding" not in r.content.decode() and counts()[0] == 0
    r = upload(client, "Connections.csv", cp1252, encoding="cp1252")
    assert r.status_code == 200 and people.who(at="Société")[0].contact.name == "René Dupré"
    # ten megabytes of one field
    huge = (HEADER + "Ann," + "x" * 10_000_000 + ",,,,,01 Jan 2020\n").encode()
    r = upload(client, "Connections.csv", huge)
    assert r.status_code == 400 and counts()[0] == 1


def test_a_vcard_import_and_the_export_read_back(client: Client) -> None:
    from unstuck.text.contacts.vcard import read_vcards

    vcf = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n"
        "EMAIL;TYPE=work:ann@acme.example\r\nORG:Acme\r\nTITLE:CTO\r\n"
        "CATEGORIES:mentor\r\nEND:VCARD\r\n"
    )
    r = upload(client, "contacts.vcf", vcf.encode())
    assert "Read 1 card: 1 new person" in r.content.decode()
    people.add_contact(ContactRecord("Bo Chen", cadence_days=30))
    for query, version in (("", "4.0"), ("?version=3.0", "3.0")):
        got = client.get("/people/export.vcf" + query)
        assert got["Content-Type"].startswith("text/vcard")
        assert "attachment" in got["Content-Disposition"]
        text = got.content.decode()
        assert f"VERSION:{version}" in text
        back = {rec.name: rec for _, rec in read_vcards(text).records}
        assert set(back) == {"Ann Lee", "Bo Chen"}
        assert back["Ann Lee"].emails[0].address == "ann@acme.example"
        assert back["Ann Lee"].tags == ("mentor",) and back["Bo Chen"].cadence_days == 30


def test_an_upload_over_the_limit_is_refused_before_it_is_read(client: Client) -> None:
    from unstuck.web.people import forms

    r = client.generic(
        "POST",
        "/people/import/",
        b"x",
        CONTENT_TYPE="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(forms.MAX_IMPORT_BYTES * 2),
    )
    assert r.status_code == 413 and "nothing was saved" in r.content.decode()


def test_posts_need_the_csrf_token_also_on_the_import(kb_home) -> None:  # noqa: ANN001
    strict = Client(enforce_csrf_checks=True)
    f = SimpleUploadedFile("Connections.csv", CONNECTIONS.encode(), content_type="text/csv")
    assert strict.post("/people/import/", {"file": f}).status_code == 403
    assert strict.post("/people/add/", {"name": "Ann"}).status_code == 403
    assert counts() == (0, 0, 0, 0, 0)
    assert strict.get("/people/import/").status_code == 200


def test_delete_and_unknown_people_are_404(client: Client) -> None:
    ann = people.add_contact(ContactRecord("Ann Lee"))
    assert client.post(f"/people/{ann.pk}/delete/").status_code == 302
    assert counts()[0] == 0
    for url in ("/people/999/",):
        assert client.get(url).status_code == 404
    for url in (
        "/people/999/delete/",
        "/people/999/log/",
        "/people/999/snooze/",
        "/people/999/edit/",
        "/people/999/role/",
        "/people/999/cadence/",
        "/people/999/interview/",
        "/people/interviews/999/move/",
    ):
        assert client.post(url, {"kind": "call", "days": "7", "name": "x"}).status_code == 404, url
    assert client.get("/people/add/").status_code == 405
