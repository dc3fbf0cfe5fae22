"""``unstuck.app.people.services`` on a real (fresh SQLite) user database: adding and editing,
follow-ups with a frozen today, who you know, the interview pipeline, imports that store
nothing half-way and merge on re-import, and the vCard export that re-imports without loss."""

from __future__ import annotations

from datetime import date

import pytest

from unstuck.app.people import models, services
from unstuck.text.contacts import ContactRecord, ContactsError, Email, Phone, RoleRecord

pytestmark = pytest.mark.django_db
D = date.fromisoformat

NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n\n'
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
CONNECTIONS = NOTES + HEADER + (
    'Ann,Lee,https://www.linkedin.com/in/annlee,ann@example.org,"Acme, Inc.",Data Scientist,'
    "06 Jan 2021\n"
    "Bo,Chen,https://www.linkedin.com/in/bochen/,,Globex,CTO,15 Mar 2019\n"
    ",,,,,,01 Feb 2020\n"
)


def _table_counts() -> tuple[int, ...]:
    return (models.Contact.objects.count(), models.Role.objects.count(),
            models.Organisation.objects.count(), models.Interaction.objects.count())


def test_add_edit_and_refuse_a_bad_value() -> None:
    c = services.add_contact(ContactRecord(
        "Ann Lee", emails=(Email("ann@example.org", ("Work",)),), tags=("Mentor", "chess"),
        roles=(RoleRecord("Acme Inc", "Analyst"),), cadence_days=30))
    got = services.get_contact(c.pk)
    assert got.emails == [{"address": "ann@example.org", "types": ["work"]}]
    assert got.tags == ["mentor", "chess"] and got.uid.startswith("urn:uuid:")
    services.add_role(c.pk, "ACME", "Data Scientist", start=D("2024-01-01"))
    assert models.Organisation.objects.count() == 1  # "Acme Inc" and "ACME" are one
    services.edit_contact(c.pk, how_known="Former colleague", phones=(Phone("555-0100"),))
    record = services.to_record(services.get_contact(c.pk))
    assert record.how_known == "Former colleague" and record.phones == (Phone("555-0100"),)
    assert [r.title for r in record.roles] == ["Analyst", "Data Scientist"]
    before = _table_counts()
    with pytest.raises(services.PeopleError, match="not an email address"):
        services.add_contact(ContactRecord("Bo", emails=(Email("nope"),)))
    with pytest.raises(services.PeopleError, match="cadence"):
        services.edit_contact(c.pk, cadence_days=0)
    with pytest.raises(services.PeopleError, match="no name"):
        services.add_contact(ContactRecord("   "))
    assert _table_counts() == before


@pytest.mark.parametrize(
    ("logged", "snooze", "today", "status", "due"),
    [
        ([], None, "2026-01-20", "overdue", "2026-01-15"),  # from known_since (2026-01-01)
        (["2026-01-10"], None, "2026-01-20", "upcoming", "2026-01-24"),
        (["2026-01-10", "2026-01-03"], None, "2026-01-24", "due", "2026-01-24"),  # the latest
        ([], 10, "2026-01-20", "upcoming", "2026-01-30"),  # snoozed from today
    ],
)
def test_follow_up_from_the_store_with_a_frozen_today(
    logged: list[str], snooze: int | None, today: str, status: str, due: str
) -> None:
    c = services.add_contact(ContactRecord("Ann", cadence_days=14, known_since=D("2026-01-01")))
    for day in logged:
        services.log_interaction(c.pk, "coffee", D(day))
    if snooze:
        services.snooze(c.pk, snooze, D(today))
    state = services.follow_up(services.get_contact(c.pk), D(today))
    assert (state.status, state.due) == (status, D(due))


def test_logging_resets_the_cadence_and_ends_a_snooze() -> None:
    c = services.add_contact(ContactRecord("Ann", cadence_days=30, known_since=D("2026-01-01")))
    assert services.snooze(c.pk, 60, D("2026-02-01")) == D("2026-04-02")
    assert services.follow_up(services.get_contact(c.pk), D("2026-03-01")).due == D("2026-04-02")
    services.log_interaction(c.pk, "call", D("2026-03-01"), "caught up")
    got = services.get_contact(c.pk)
    assert got.snoozed_until is None
    assert services.follow_up(got, D("2026-03-01")).due == D("2026-03-31")
    due = services.list_contacts(today=D("2026-04-05"), due_within=0)
    assert [(x.name, f.days) for x, f in due] == [("Ann", -5)]
    assert services.list_contacts(today=D("2026-03-05"), due_within=0) == []
    with pytest.raises(services.PeopleError, match="the kinds are"):
        services.log_interaction(c.pk, "telepathy", D("2026-03-01"))
    with pytest.raises(LookupError):
        services.log_interaction(999, "call", D("2026-03-01"))


def test_who_do_i_know_at_an_organisation_and_in_a_role() -> None:
    ann = services.add_contact(ContactRecord("Ann", roles=(
        RoleRecord("Acme, Inc.", "Senior Data Analyst"),
        RoleRecord("Initech", "Intern", D("2010-01-01"), D("2011-01-01")))))
    services.add_contact(ContactRecord("Bo", roles=(RoleRecord("Acme Labs", "Engineer"),)))
    services.add_contact(ContactRecord("Cy", roles=(RoleRecord("Globex", "Data Analyst"),)))
    assert [k.contact.name for k in services.who(at="ACME")] == ["Ann"]  # exact key first
    assert [k.contact.name for k in services.who(at="acme l")] == ["Bo"]  # else holding it
    assert [k.contact.name for k in services.who(title="data analyst")] == ["Ann", "Cy"]
    assert [k.contact.name for k in services.who(at="initech")] == ["Ann"]
    assert services.who(at="initech", current=True) == []
    assert services.who(title="analyst", at="globex")[0].contact.pk != ann.pk
    with pytest.raises(services.PeopleError):
        services.who(at="!!!")
    services.add_contact(ContactRecord("Di", roles=(RoleRecord("Hooli", "Director"),)))
    services.add_contact(ContactRecord("Ed", roles=(RoleRecord("Hooli", "CTO"),)))
    assert [k.contact.name for k in services.who(title="cto")] == ["Ed"]  # words, not letters
    assert [k.contact.name for k in services.who(title="dir")] == ["Di"]  # a word's start


def test_dates_out_of_range_are_refused_everywhere() -> None:
    c = services.add_contact(ContactRecord("Ann", cadence_days=30))
    with pytest.raises(services.PeopleError, match="from 1900 to 2100"):
        services.log_interaction(c.pk, "call", D("9999-12-31"))
    with pytest.raises(services.PeopleError, match="from 1900 to 2100"):
        services.add_role(c.pk, "Acme", "Boss", start=D("9999-01-01"))
    with pytest.raises(services.PeopleError, match="not an occupation code"):
        services.start_interview(c.pk, "nurse")
    card = ("BEGIN:VCARD\nVERSION:4.0\nFN:Bo\nX-UNSTUCK-CADENCE:30\n"
            "X-UNSTUCK-KNOWN-SINCE:9999-12-31\nEND:VCARD\n")
    with pytest.raises(ContactsError) as caught:
        services.import_contacts(card.encode(), "bo.vcf")
    assert "the date you have known them since must be from 1900 to 2100" in str(
        caught.value.problems[0])
    assert models.Interaction.objects.count() == 0 and models.Contact.objects.count() == 1


def test_who_in_my_target_occupation_reads_titles_with_the_knowledge_base(kb) -> None:  # noqa: ANN001
    services.add_contact(ContactRecord("Ann", roles=(RoleRecord("Acme", "Sr. Data Scientist"),)))
    services.add_contact(ContactRecord("Bo", roles=(RoleRecord("Acme", "Pastry Chef"),)))
    found = services.who(occupation="15-2051.00", kb=kb)
    assert [(k.contact.name, k.occupation) for k in found] == [("Ann", "15-2051.00")]
    assert services.who(occupation="15-2051.00", kb=kb, at="globex") == []


def test_the_interview_pipeline_logs_the_interview_once() -> None:
    c = services.add_contact(ContactRecord("Ann", cadence_days=30, known_since=D("2025-01-01")))
    i = services.start_interview(c.pk, "15-2051.00", D("2026-01-01"))
    services.move_interview(i.pk, None, D("2026-01-02"))
    services.move_interview(i.pk, "scheduled", D("2026-01-03"), scheduled_for=D("2026-01-10"))
    moved = services.move_interview(i.pk, None, D("2026-01-10"))
    assert moved.stage == "done"
    assert moved.reached == {"to-ask": "2026-01-01", "asked": "2026-01-02",
                             "scheduled": "2026-01-03", "done": "2026-01-10"}
    (logged,) = services.interactions(c.pk)
    assert (logged.kind, logged.date) == ("informational-interview", D("2026-01-10"))
    assert services.follow_up(services.get_contact(c.pk), D("2026-01-11")).due == D("2026-02-09")
    services.move_interview(i.pk, "scheduled", D("2026-01-11"))
    services.move_interview(i.pk, "done", D("2026-01-12"))
    assert len(services.interactions(c.pk)) == 1
    services.move_interview(i.pk, "thanked", D("2026-01-12"))
    services.move_interview(i.pk, None, D("2026-02-12"))
    with pytest.raises(services.PeopleError, match="last stage"):
        services.move_interview(i.pk, None, D("2026-02-13"))
    assert [x.stage for x in services.list_interviews("follow up")] == ["follow-up"]


def test_interview_questions_from_the_target_tasks(kb) -> None:  # noqa: ANN001
    c = services.add_contact(ContactRecord("Ann"))
    i = services.start_interview(c.pk, "15-2051.00", D("2026-01-01"))
    questions = services.interview_questions(i.pk, kb, ["Machine Learning"])
    tasks = sorted(kb.occupation("15-2051.00").tasks, key=lambda t: t.kind != "Core")
    assert tasks and "Data Scientists" in questions[0]
    assert tasks[0].text.rstrip(".")[1:] in "\n".join(questions)  # core tasks first
    assert any("building up Machine Learning" in q for q in questions)


def test_interview_gaps_come_from_the_saved_profile_and_read_only(kb) -> None:  # noqa: ANN001
    from unstuck.app.profile import models as profile_models
    from unstuck.app.profile import services as profile_services

    c = services.add_contact(ContactRecord("Ann"))
    none = services.start_interview(c.pk, "", D("2026-01-01"))
    aimed = services.start_interview(c.pk, "15-2051.00", D("2026-01-01"))
    assert services.interview_gaps(none.pk, kb) == []
    assert services.interview_gaps(aimed.pk, kb) == []  # no profile to compare, none made
    assert not profile_models.Profile.objects.exists()
    profile_services.set_occupation(kb, "43-9021.00", years=3)
    gaps = services.interview_gaps(aimed.pk, kb)
    assert gaps and all(isinstance(g, str) for g in gaps)
    with pytest.raises(LookupError):
        services.interview_gaps(999, kb)


# -- imports ------------------------------------------------------------------------------------


def test_connections_import_reports_and_dedupes_on_reimport() -> None:
    report = services.import_contacts(CONNECTIONS.encode(), "Connections.csv")
    assert (report.kind, report.read, report.imported, report.updated, report.unchanged) == (
        "linkedin-connections", 3, 2, 0, 0)
    assert [str(p) for p in report.skipped] == [
        "row 7: no name (LinkedIn leaves it out for members who hide it)"]
    ann = services.who(at="acme")[0].contact
    assert ann.known_since == D("2021-01-06") and ann.urls == ["https://www.linkedin.com/in/annlee"]
    again = services.import_contacts(CONNECTIONS.encode(), "Connections.csv")
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    # a newer export: Bo moved (matched by profile address, written another way)
    newer = NOTES + HEADER + "Bo,Chen,http://linkedin.com/in/bochen,bo@example.org,Hooli,VP,\n"
    third = services.import_contacts(newer.encode(), "Connections.csv")
    assert (third.imported, third.updated) == (0, 1)
    bo = services.to_record(services.who(at="hooli")[0].contact)
    assert [(r.organisation, r.title) for r in bo.roles] == [("Globex", "CTO"), ("Hooli", "VP")]
    assert bo.emails == (Email("bo@example.org"),) and len(bo.urls) == 2
    assert models.Contact.objects.count() == 2


def test_a_bad_row_stores_nothing_unless_told_to_skip_it() -> None:
    text = NOTES + HEADER + ("Ann,Lee,,,Acme,Analyst,06 Jan 2021\n"
                             "Bo,Chen,,,Globex,CTO,32 Foo 2020\n"
                             "Cy,Dee,,bad-address,,,\n")
    with pytest.raises(ContactsError) as caught:
        services.import_contacts(text.encode(), "Connections.csv")
    assert "2 bad rows of 3 read, so nothing was imported" in str(caught.value)
    assert [str(p) for p in caught.value.problems] == [
        "row 6: 'Connected On' '32 Foo 2020' is not a date",
        "row 7 ('Cy Dee'): 'bad-address' is not an email address",
    ]
    assert _table_counts() == (0, 0, 0, 0)
    report = services.import_contacts(text.encode(), "Connections.csv", skip_bad=True)
    assert report.imported == 1
    assert [p.where for p in report.skipped] == ["row 6", "row 7 ('Cy Dee')"]
    assert _table_counts()[0] == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "no header row"),
        ((NOTES + HEADER).encode(), "no connections in this file"),
        ((NOTES + HEADER + "Ren\xe9,Roy,,,,,\n").encode("cp1252"), "not UTF-8 text"),
        ((HEADER + "Ann,Lee,,,,,\n").encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (b"Ann,Lee,,,,,\n", "no header row"),
        ((HEADER + f'Ann,"{"x" * 10_000_000}",,,,,\n').encode(), "a field is over 1,000,000"),
        (b"BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nNOTE:" + b"x" * 10_000_000 + b"\nEND:VCARD\n",
         "1 bad card of 1 read"),
    ],
)
def test_hostile_files_store_nothing(data: bytes, message: str) -> None:
    services.add_contact(ContactRecord("Already There"))
    before = _table_counts()
    with pytest.raises(ContactsError, match=message):
        services.import_contacts(data, "contacts")
    assert _table_counts() == before


def test_a_vcard_with_folded_lines_and_bad_properties() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\n  Lee\r\nEMAIL;TYPE=work:ann@example.org\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo\r\nno colon here\r\nEND:VCARD\r\n"
    )
    with pytest.raises(ContactsError) as caught:
        services.import_contacts(text.encode(), "people.vcf")
    assert [str(p) for p in caught.value.problems] == [
        "card 2 (line 7): line 10 is not a property ('no colon here')"]
    assert models.Contact.objects.count() == 0
    report = services.import_contacts(text.encode(), "people.vcf", skip_bad=True)
    assert report.imported == 1 and services.get_contact(1).name == "Ann Lee"


def test_messages_become_interactions_once() -> None:
    services.import_contacts(CONNECTIONS.encode(), "Connections.csv")
    messages = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        "c1,,Ann Lee,https://www.linkedin.com/in/annlee,Me,https://www.linkedin.com/in/me,"
        "2026-02-01 09:00:00 UTC,,Coffee next week?,INBOX\n"
        "c1,,Me,https://www.linkedin.com/in/me,Ann Lee,https://www.linkedin.com/in/annlee,"
        "2026-02-01 10:00:00 UTC,,Yes please!,INBOX\n"
        "c2,,Me,https://www.linkedin.com/in/me,Bo Chen,,2026-02-03 10:00:00 UTC,,Hi Bo,SENT\n"
        "c3,,Stranger,https://www.linkedin.com/in/x,Me,https://www.linkedin.com/in/me,"
        "2026-02-04 10:00:00 UTC,,Buy now,INBOX\n"
    )
    report = services.import_contacts(messages.encode(), "messages.csv")
    assert (report.kind, report.read, report.interactions) == ("linkedin-messages", 4, 2)
    assert [p.where for p in report.skipped] == ["row 5"]
    ann = services.who(at="acme")[0].contact
    (logged,) = services.interactions(ann.pk)
    assert logged.kind == "message" and logged.date == D("2026-02-01")
    assert logged.notes.index("Coffee next week?") < logged.notes.index("Yes please!")
    again = services.import_contacts(messages.encode(), "messages.csv")
    assert (again.interactions, again.unchanged) == (0, 2)
    assert models.Interaction.objects.count() == 2


# -- export -------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_export_reimports_without_loss(version: str, tmp_path) -> None:  # noqa: ANN001
    services.import_contacts(CONNECTIONS.encode(), "Connections.csv")
    c = services.add_contact(ContactRecord(
        "Zoë O'Neil; PhD", emails=(Email("z@example.org", ("home", "pref")),),
        phones=(Phone("+44 20 7946 0018", ("cell",)),), tags=("mentor", "Go, chess"),
        notes="Line one\nline two, with; punctuation \\", how_known="PyData",
        cadence_days=21,
        roles=(RoleRecord("Acme", "Lead", D("2020-01-01")),
               RoleRecord("Initech", "Analyst", D("2015-01-01"), D("2019-12-31")))))
    records = sorted((services.to_record(x) for x in models.Contact.objects.all()),
                     key=lambda r: r.name)
    exported = services.export_vcards(version)
    # the same file into this store changes nothing (matched by UID)...
    again = services.import_contacts(exported.encode(), "people.vcf")
    assert (again.read, again.imported, again.updated, again.unchanged) == (3, 0, 0, 3)
    # ...and into an empty store gives the same contacts
    models.Contact.objects.all().delete()
    fresh = services.import_contacts(exported.encode(), "people.vcf")
    assert fresh.imported == 3
    after = sorted((services.to_record(x) for x in models.Contact.objects.all()),
                   key=lambda r: r.name)
    assert after == records
    assert c.pk not in {x.pk for x in models.Contact.objects.all()}  # new rows, same contacts


def test_the_same_person_twice_in_one_file_is_one_contact() -> None:
    text = NOTES + HEADER + (
        "Ann,Lee,https://www.linkedin.com/in/annlee,,Acme,Analyst,06 Jan 2021\n"
        "Ann,Lee,https://www.linkedin.com/in/annlee/,ann@example.org,Acme,Analyst,06 Jan 2021\n"
        "Ann,Lee,https://www.linkedin.com/in/annlee,,Acme,Analyst,06 Jan 2021\n"
    )
    report = services.import_contacts(text.encode(), "Connections.csv")
    assert (report.imported, report.updated, report.unchanged) == (1, 1, 1)
    (ann,) = models.Contact.objects.all()
    assert ann.emails == [{"address": "ann@example.org", "types": []}]
    assert models.Role.objects.count() == 1 and models.Organisation.objects.count() == 1


MESSAGES = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
    "c1,,Ann Lee,https://www.linkedin.com/in/annlee,Me,https://www.linkedin.com/in/me,"
    "2026-02-01 09:00:00 UTC,,Coffee next week?,INBOX\n"
)


def _zip(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_the_linkedin_export_zip_is_one_import() -> None:
    data = _zip({"Basic_LinkedInDataExport/messages.csv": MESSAGES.encode(),
                 "Basic_LinkedInDataExport/Connections.csv": CONNECTIONS.encode(),
                 "Basic_LinkedInDataExport/Profile.csv": b"First Name\nMe\n"})
    report = services.import_contacts(data, "Basic_LinkedInDataExport.zip")
    assert (report.kind, report.read, report.imported, report.interactions) == (
        "linkedin-export", 4, 2, 1)
    assert [str(p) for p in report.skipped] == [
        "Connections.csv row 7: no name (LinkedIn leaves it out for members who hide it)"]
    again = services.import_contacts(data, "Basic_LinkedInDataExport.zip")
    assert (again.imported, again.updated, again.interactions, again.unchanged) == (0, 0, 0, 3)
    # connections alone are fine too ("messages where present")
    alone = services.import_contacts(_zip({"Connections.csv": CONNECTIONS.encode()}), "x.zip")
    assert alone.kind == "linkedin-export" and alone.unchanged == 2


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"Connections.csv": CONNECTIONS.encode(),
          "messages.csv": (MESSAGES + "c2,,Bo,,Me,,someday,,Hi,INBOX\n").encode()},
         "1 bad row of 5 read"),
        ({"Profile.csv": b"First Name\nMe\n"}, "neither Connections.csv nor messages.csv"),
        ({"Connections.csv": b"\0" * 25_000_000}, "Connections.csv in this zip is over 20 MB"),
    ],
)
def test_a_bad_export_zip_stores_nothing(files: dict[str, bytes], message: str) -> None:
    with pytest.raises(ContactsError, match=message) as caught:
        services.import_contacts(_zip(files), "export.zip")
    if "bad row" in message:
        assert [p.where for p in caught.value.problems] == ["messages.csv row 3"]
    assert _table_counts() == (0, 0, 0, 0)
    with pytest.raises(ContactsError, match="this zip cannot be read"):
        whole = _zip(files)
        services.import_contacts(whole[: len(whole) // 2], "export.zip")


def test_namesakes_with_their_own_profiles_are_two_people() -> None:
    text = NOTES + HEADER + (
        "John,Smith,https://www.linkedin.com/in/js1,,,,\n"
        "John,Smith,https://www.linkedin.com/in/js2,,Acme,Engineer,\n"
        "John,Smith,,,Acme,Engineer,\n"  # no profile: the same name at Acme is the second
    )
    report = services.import_contacts(text.encode(), "Connections.csv")
    assert (report.imported, report.updated, report.unchanged) == (2, 0, 1)
    again = services.import_contacts(text.encode(), "Connections.csv")
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 3)
    other = NOTES + HEADER + "John,Smith,,,Globex,CTO,\n"  # fits js1 (no organisation) only
    assert services.import_contacts(other.encode(), "c.csv").updated == 1
    assert models.Contact.objects.count() == 2
