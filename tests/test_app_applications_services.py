"""The applications API (unstuck.app.applications.services) on a real database: adding by hand
and from a saved posting, moving through stages with the history kept, the resume version
sent, warnings, no-news proposals with a frozen today, funnel rates, the stage list, CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unstuck.app.applications import models, services
from unstuck.app.applications.services import ApplicationError, Sent
from unstuck.app.documents.models import Posting, Resume
from unstuck.core.applications import StageListError

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.get_fixed_timezone(0))
TODAY = NOW.date()


def days_ago(n: int) -> datetime:
    return NOW - timedelta(days=n)


def resume(text: str = "Jane Doe\nData analyst", filename: str = "cv.txt") -> Resume:
    return Resume.objects.create(filename=filename, kind="text", uploaded_at=days_ago(90),
                                 parsed={}, text=text)


def posting(**parsed: object) -> Posting:
    return Posting.objects.create(source="https://example.com/jobs/42", fetched_at=days_ago(60),
                                  target_code="15-2051.00", parsed=parsed,
                                  text="Data Scientist - Initech\nPython and SQL")


def add(company: str = "Initech", title: str = "Data Scientist", **kw: object):
    return services.add(company=company, role_title=title, now=kw.pop("now", days_ago(60)),
                        **kw).application


# -- adding -------------------------------------------------------------------------------


def test_add_by_hand_keeps_what_was_given_and_nothing_else() -> None:
    added = services.add(company=" Initech ", role_title="Data Scientist", source="referral",
                         salary_min="90,000", salary_currency="usd", now=NOW)
    app = models.Application.objects.get(pk=added.application.pk)
    assert (app.company, app.role_title, app.source) == ("Initech", "Data Scientist", "referral")
    assert app.salary_min == Decimal("90000.00") and app.salary_max is None  # missing stays so
    assert app.salary_currency == "USD" and app.salary_period == ""
    assert app.target_code == "" and app.posting is None and app.resume is None
    assert app.stage == "saved" and app.stage_since == NOW
    assert [(c.stage, c.at) for c in app.history.all()] == [("saved", NOW)]
    assert added.warnings == []


def test_add_from_a_posting_copies_its_text_and_what_it_states() -> None:
    p = posting(title="Data Scientist", employer="Initech",
                pay={"minimum": 90000.0, "maximum": 120000.0, "currency": "USD",
                     "period": "year", "evidence": "Salary: $90,000 - $120,000 per year"})
    app = services.add(posting_id=p.pk, now=NOW).application
    assert (app.company, app.role_title, app.target_code) == ("Initech", "Data Scientist",
                                                              "15-2051.00")
    assert (app.salary_min, app.salary_max, app.salary_period) == (
        Decimal("90000.00"), Decimal("120000.00"), "year")
    assert app.posting_source == "https://example.com/jobs/42"
    p.delete()  # postings disappear: the application keeps what was applied to
    app.refresh_from_db()
    assert app.posting is None and "Python and SQL" in app.posting_text


def test_a_posting_without_an_employer_asks_for_it() -> None:
    p = posting(title="Data Scientist")
    with pytest.raises(ApplicationError, match="company: is needed .the posting does not say"):
        services.add(posting_id=p.pk, now=NOW)
    app = services.add(posting_id=p.pk, company="Initech", now=NOW).application
    assert app.salary_min is None and app.salary_currency == ""  # no pay stated: none stored


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"company": ""}, "company", "is needed"),
        ({"role_title": "x" * 201}, "role_title", "over 200 characters"),
        ({"salary_min": "lots"}, "salary_min", "not an amount"),
        ({"salary_min": "-5"}, "salary_min", "must not be negative"),
        ({"salary_max": "NaN"}, "salary_max", "not an amount"),
        ({"salary_min": 100, "salary_max": 50}, "salary_max", "below the minimum"),
        ({"salary_currency": "dollars"}, "salary_currency", "three-letter"),
        ({"salary_period": "fortnight"}, "salary_period", "not one of year"),
        ({"target_code": "data scientist"}, "target_code", "not an O\\*NET-SOC code"),
        ({"next_action_on": "tomorrow"}, "next_action_on", "not a date"),
        ({"posting_id": 999}, "posting", "no saved posting 999"),
        ({"stage": "ghosted"}, "stage", "no stage 'ghosted'"),
        ({"stage": "applied"}, "resume", "needs the resume version sent"),
        ({"resume": Sent(resume_id=999)}, "resume", "no imported resume 999"),
        ({"cover_letter": Sent(data=b"", filename="letter.txt")}, "cover_letter", "is empty"),
        ({"color": "red"}, "color", "not a field"),
        ({"at": NOW + timedelta(days=2)}, "at", "in the future"),
    ],
)
def test_bad_input_names_its_field_and_stores_nothing(
    fields: dict[str, object], field: str, message: str
) -> None:
    values: dict[str, object] = {"company": "Initech", "role_title": "Data Scientist", **fields}
    with pytest.raises(ApplicationError, match=message) as err:
        services.add(now=NOW, **values)
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}: ")
    assert models.Application.objects.count() == 0
    assert models.StageChange.objects.count() == 0
    assert models.SentDocument.objects.count() == 0


# -- the resume sent ----------------------------------------------------------------------


def test_the_resume_rule_saved_and_ends_without_one_every_other_stage_with_one() -> None:
    """The rule: without a resume only in Saved or an exit (dropped before anything was
    sent); reaching Applied or any later step, or Accepted, needs the version sent."""
    app = add()
    with pytest.raises(ApplicationError, match="resume: moving to Applied needs"):
        services.move(app.pk, "applied", now=NOW)
    assert services.get(app.pk).stage == "saved" and app.history.count() == 1
    services.move(app.pk, "withdrawn", now=NOW)  # dropped before it was sent: fine
    assert services.get(app.pk).resume is None
    other = add(title="Data Analyst")
    moved = services.move(other.pk, "applied", resume=Sent(resume_id=resume().pk), now=NOW)
    assert moved.resume is not None and moved.resume.kind == "resume"
    services.move(other.pk, "screening", now=NOW)  # recorded once, it stays
    assert services.get(other.pk).resume == moved.resume


def test_one_version_per_content_and_a_tailored_file_is_its_own() -> None:
    cv = resume()
    first = add(stage="applied", resume=Sent(resume_id=cv.pk), now=days_ago(10))
    second = add(company="Globex", stage="applied", resume=Sent(resume_id=cv.pk),
                 now=days_ago(9))
    tailored = add(company="Umbrella", stage="applied",
                   resume=Sent(data=b"PK tailored for Umbrella", filename="cv-umbrella.docx"),
                   cover_letter=Sent(data=b"Dear Umbrella", filename="letter.txt"),
                   now=days_ago(8))
    again = add(company="Hooli", stage="applied",
                resume=Sent(data=b"PK tailored for Umbrella", filename="renamed.docx"),
                now=days_ago(7))
    assert first.resume_id == second.resume_id  # the same imported resume: one version
    assert tailored.resume_id not in (None, first.resume_id)
    assert again.resume_id == tailored.resume_id  # identical bytes: one version
    assert models.SentDocument.objects.filter(kind="resume").count() == 2
    doc = tailored.resume
    assert doc.filename == "cv-umbrella.docx" and bytes(doc.content) == b"PK tailored for Umbrella"
    assert tailored.cover_letter.kind == "cover_letter"
    snapshot = first.resume
    cv.delete()  # the snapshot outlives the imported resume
    snapshot.refresh_from_db()
    assert snapshot.text == "Jane Doe\nData analyst" and snapshot.from_resume is None


# -- moving and the history ---------------------------------------------------------------


def test_history_is_kept_across_moves_back_and_rounds() -> None:
    app = add(stage="applied", resume=Sent(resume_id=resume().pk), at=days_ago(40),
              now=days_ago(40))
    services.move(app.pk, "screening", at=days_ago(30), now=NOW)
    services.move(app.pk, "interview", at=days_ago(20), note="with the team lead", now=NOW)
    services.move(app.pk, "interview", at=days_ago(15), now=NOW)
    services.move(app.pk, "screening", at=days_ago(10), note="back: a new recruiter", now=NOW)
    services.move(app.pk, "Interview", at=days_ago(5), now=NOW)
    shown = services.detail(app.pk, today=TODAY)
    assert [(h["stage"], h["round"]) for h in shown["history"]] == [
        ("applied", None), ("screening", None), ("interview", 1), ("interview", 2),
        ("screening", None), ("interview", 3)]
    assert shown["history"][2]["note"] == "with the team lead"
    assert shown["stage_name"] == "Interview 3" and shown["round"] == 3
    with pytest.raises(ApplicationError, match="at: .* is before the last move"):
        services.move(app.pk, "offer", at=days_ago(6), now=NOW)
    with pytest.raises(ApplicationError, match="round: Offer has no rounds"):
        services.move(app.pk, "offer", round_number=2, now=NOW)
    services.move(app.pk, "screening", now=NOW)
    with pytest.raises(ApplicationError, match="stage: application .* is already in Screening"):
        services.move(app.pk, "screening", now=NOW)
    assert models.StageChange.objects.filter(application=app).count() == 7


def test_an_unknown_application() -> None:
    with pytest.raises(services.ApplicationNotFound, match="no application 42"):
        services.move(42, "applied")
    with pytest.raises(services.ApplicationNotFound):
        services.detail(42)


def test_update_changes_only_what_is_given() -> None:
    app = add(salary_min=50000)
    services.update(app.pk, next_action="Email the recruiter", next_action_on="2026-12-10")
    app.refresh_from_db()
    assert app.next_action == "Email the recruiter" and app.next_action_on == date(2026, 12, 10)
    assert app.salary_min == Decimal("50000.00")
    with pytest.raises(ApplicationError, match="salary_max: 10.00 is below the minimum"):
        services.update(app.pk, salary_max=10)
    services.update(app.pk, salary_min=None)
    app.refresh_from_db()
    assert app.salary_min is None


# -- warnings -----------------------------------------------------------------------------


def test_already_applied_and_applications_to_the_company() -> None:
    p = posting(title="Data Scientist", employer="Initech")
    first = add(company="Initech, Inc.", title="Sr. Data Scientist")
    assert services.warnings("Initech", "Data Engineer")[0].message == (
        "1 application to Initech already")
    same = services.warnings("INITECH", "Senior Data Scientists")
    assert [w.code for w in same] == ["already-applied", "same-company"]
    assert same[0].message == f"Already saved this role: application {first.pk} (Saved)"
    services.move(first.pk, "applied", resume=Sent(resume_id=resume().pk), now=NOW)
    added = services.add(company="initech", role_title="Senior data scientist", now=NOW)
    assert added.warnings[0].message.startswith("Already applied to this role: application")
    assert added.warnings[0].applications == (first.pk,)
    by_posting = services.add(posting_id=p.pk, role_title="Analyst", company="Initech",
                              now=NOW)
    assert [w.message for w in by_posting.warnings] == ["2 applications to Initech already"]
    again = services.add(posting_id=p.pk, company="Initech Labs", role_title="Other", now=NOW)
    assert again.warnings[0].code == "already-applied"  # the same saved posting
    assert again.warnings[0].applications == (by_posting.application.pk,)
    assert services.warnings("Globex", "Data Scientist") == []
    shown = services.detail(first.pk, today=TODAY)
    assert {w["code"] for w in shown["warnings"]} == {"already-applied", "same-company"}


# -- no news ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entered_days_ago, stage, snooze_days, dismissed, proposed",
    [
        (29, "applied", None, False, False),
        (30, "applied", None, False, True),
        (13, "screening", None, False, False),
        (14, "screening", None, False, True),
        (60, "applied", 3, False, False),  # snoozed: asked again in 3 days
        (60, "applied", None, True, False),  # dismissed while in this stage
        (400, "saved", None, False, False),
        (400, "rejected", None, False, False),
    ],
)
def test_quiet_proposals_with_a_frozen_today(
    entered_days_ago: int, stage: str, snooze_days: int | None, dismissed: bool, proposed: bool
) -> None:
    cv = Sent(resume_id=resume().pk)
    app = add(stage=stage, resume=cv, at=days_ago(entered_days_ago),
              now=days_ago(entered_days_ago))
    if snooze_days:
        services.snooze(app.pk, snooze_days, today=TODAY)
    if dismissed:
        services.dismiss_quiet(app.pk, today=TODAY)
    found = services.quiet(today=TODAY)
    assert [p.ref for p in found] == ([app.pk] if proposed else [])
    if snooze_days:
        later = services.quiet(today=TODAY + timedelta(days=snooze_days))
        assert [p.ref for p in later] == [app.pk]
    assert services.get(app.pk).stage == stage  # nothing moved by itself


def test_a_stage_change_resets_the_count_and_confirming_moves_with_a_note() -> None:
    app = add(stage="applied", resume=Sent(resume_id=resume().pk), at=days_ago(40),
              now=days_ago(40))
    assert [p.days_quiet for p in services.quiet(today=TODAY)] == [40]
    services.snooze(app.pk, 5, today=TODAY)
    services.move(app.pk, "screening", at=days_ago(1), now=NOW)
    assert services.get(app.pk).snoozed_until is None
    assert services.quiet(today=TODAY) == []
    assert [p.ref for p in services.quiet(today=TODAY + timedelta(days=13))] == [app.pk]
    with pytest.raises(ApplicationError, match="is not waiting for news"):
        services.confirm_quiet(app.pk, today=TODAY, now=NOW)
    services.confirm_quiet(app.pk, today=TODAY + timedelta(days=13),
                           now=NOW + timedelta(days=13))
    moved = services.detail(app.pk, today=TODAY + timedelta(days=13))
    assert moved["stage"] == "no-response"
    assert moved["history"][-1]["note"] == (
        "No news for 14 days in Screening: confirmed as no response")
    with pytest.raises(ApplicationError, match="has ended"):
        services.snooze(app.pk, 3, today=TODAY)


def test_per_stage_thresholds_are_editable() -> None:
    app = add(stage="applied", resume=Sent(resume_id=resume().pk), at=days_ago(6),
              now=days_ago(6))
    assert services.quiet(today=TODAY) == []
    services.set_quiet_days("applied", 5)
    assert [p.quiet_days for p in services.quiet(today=TODAY)] == [5]
    services.set_quiet_days("Applied", None)
    assert services.quiet(today=TODAY) == []
    assert services.get(app.pk).stage == "applied"


@pytest.mark.parametrize("days", [0, 366, True])
def test_bad_snooze(days: object) -> None:
    app = add()
    with pytest.raises(ApplicationError, match="days: must be a whole number"):
        services.snooze(app.pk, days, today=TODAY)  # type: ignore[arg-type]


# -- funnel -------------------------------------------------------------------------------


def test_funnel_by_resume_version_on_known_rates() -> None:
    a = Sent(data=b"resume version A", filename="cv-a.pdf")
    b = Sent(data=b"resume version B", filename="cv-b.pdf")
    paths_a = [["rejected"]] * 6 + [["screening", "rejected"]] * 2 + [
        ["screening", "interview", "offer"]] * 2
    paths_b = [["screening"]] * 3 + [["rejected"]]
    for version, paths, code in ((a, paths_a, "15-2051.00"), (b, paths_b, "15-1252.00")):
        for i, path in enumerate(paths):
            app = add(company=f"Company {code} {i}", stage="applied", resume=version,
                      target_code=code, at=days_ago(50), now=days_ago(50))
            for n, stage in enumerate(path):
                services.move(app.pk, stage, at=days_ago(40 - n), now=NOW)
    add(company="Saved Only")  # no resume, no target: its own group
    groups = {g.label: g for g in services.funnel(by="resume")}
    assert set(groups) == {"cv-a.pdf (" + groups_key(groups, "cv-a.pdf") + ")",
                           "cv-b.pdf (" + groups_key(groups, "cv-b.pdf") + ")",
                           "no resume recorded"}
    rates_a = rates(next(g for label, g in groups.items() if label.startswith("cv-a")))
    assert rates_a["applied"] == pytest.approx(0.4)  # 10 applied, 4 screening
    assert rates_a["screening"] == pytest.approx(0.5)  # 2 of the 4 an interview
    assert rates_a["interview"] == 1.0 and rates_a["offer"] == 0.0
    rates_b = rates(next(g for label, g in groups.items() if label.startswith("cv-b")))
    assert rates_b["applied"] == pytest.approx(0.75) and rates_b["screening"] == 0.0
    assert rates(groups["no resume recorded"])["saved"] == 0.0
    by_target = {g.key: g for g in services.funnel(by="occupation")}
    assert set(by_target) == {"15-2051.00", "15-1252.00", None}
    assert by_target["15-2051.00"].funnel.applications == 10
    everything = services.funnel()
    assert len(everything) == 1 and everything[0].funnel.applications == 15
    with pytest.raises(ApplicationError, match="by: 'colour' is not one of"):
        services.funnel(by="colour")


def groups_key(groups: dict[str, services.FunnelGroup], filename: str) -> str:
    return next(label for label in groups if label.startswith(filename))[len(filename) + 2:-1]


def rates(group: services.FunnelGroup) -> dict[str, float | None]:
    return {s.stage: s.rate for s in group.funnel.steps}


# -- the stage list -----------------------------------------------------------------------


def test_the_stage_list_is_the_persons() -> None:
    app = add(stage="applied", resume=Sent(resume_id=resume().pk), now=NOW)
    services.rename_stage("screening", "Phone screen")
    services.add_stage("Take-home task", after="screening", quiet_days=7)
    names = [s.name for s in services.stages()]
    assert names[:4] == ["Saved", "Applied", "Phone screen", "Take-home task"]
    services.move(app.pk, "take-home task", now=NOW)
    services.rename_stage("take-home-task", "Case study")
    shown = services.detail(app.pk, today=TODAY)
    assert shown["stage_name"] == "Case study"
    assert shown["history"][-1]["name"] == "Take-home task"  # the name it had then
    with pytest.raises(StageListError, match="rename it instead"):
        services.remove_stage("take-home-task")
    services.add_stage("Reference check")
    services.remove_stage("reference-check")
    keys = [s.key for s in services.stages()]
    keys[1], keys[2] = keys[2], keys[1]
    services.reorder_stages(keys)
    assert [s.key for s in services.stages()][1:3] == ["screening", "applied"]
    with pytest.raises(StageListError):
        services.rename_stage("applied", "Saved")
    assert [s.name for s in services.stages()][1] == "Phone screen"  # unchanged


# -- export -------------------------------------------------------------------------------


def test_csv_export_one_row_each_missing_stays_empty() -> None:
    app = add(company="=HYPERLINK(1)", stage="applied",
              resume=Sent(data=b"cv", filename="cv.pdf"), salary_max=70000, at=days_ago(30),
              now=days_ago(30))
    services.move(app.pk, "interview", at=days_ago(3), now=NOW)
    add(company="Globex", notes="line one\nline two", now=NOW)
    rows = list(csv.DictReader(io.StringIO(services.export_csv())))
    assert [r["company"] for r in rows] == ["'=HYPERLINK(1)", "Globex"]
    first = rows[0]
    assert first["salary_min"] == "" and first["salary_max"] == "70000.00"
    assert first["stage_name"] == "Interview 1" and first["resume_filename"] == "cv.pdf"
    assert first["history"].startswith("applied@") and "; interview#1@" in first["history"]
    assert rows[1]["notes"] == "line one\nline two" and rows[1]["resume_sha256"] == ""
    assert list(rows[0]) == services.CSV_COLUMNS


# -- import -------------------------------------------------------------------------------


def _comparable(text: str) -> list[dict[str, str]]:
    return [{k: v for k, v in r.items() if k not in ("id", "posting")}
            for r in csv.DictReader(io.StringIO(text))]


def test_csv_round_trip_and_a_second_import_skips_what_is_here() -> None:
    p = posting(title="Data Scientist", employer="Initech",
                pay={"minimum": 90000, "currency": "USD", "period": "year", "evidence": "x"})
    app = services.add(posting_id=p.pk, stage="applied", at=days_ago(30), now=days_ago(30),
                       resume=Sent(data=b"cv A", filename="cv-a.pdf"),
                       cover_letter=Sent(data=b"letter", filename="letter.txt"),
                       notes="=SUM(A1)\nsecond line", next_action="Call",
                       next_action_on="2026-12-10").application
    services.move(app.pk, "interview", at=days_ago(20), now=NOW)
    services.move(app.pk, "interview", at=days_ago(10), now=NOW)
    add(company="Globex", title="Analyst", now=days_ago(5))
    before = services.export_csv()
    models.Application.objects.all().delete()  # the versions stay, found again by SHA-256
    done = services.import_csv(before.encode("utf-8"), now=NOW)
    assert (done.read, len(done.imported), done.skipped) == (2, 2, ())
    after = services.export_csv()
    assert _comparable(after) == _comparable(before)
    back = services.get(done.imported[0])
    assert bytes(back.resume.content) == b"cv A" and back.notes == "=SUM(A1)\nsecond line"
    assert [(c.stage, c.round) for c in back.history.all()] == [
        ("applied", None), ("interview", 1), ("interview", 2)]
    again = services.import_csv(after.encode("utf-8"), now=NOW)
    assert again.imported == () and [line for line, _ in again.skipped] == [2, 3]
    assert models.Application.objects.count() == 2


def test_import_from_another_tracker_keeps_versions_known_by_name() -> None:
    data = (b"company,role_title,stage,stage_since,resume_filename,salary_min\n"
            b"Initech,Data Scientist,Applied,2026-11-01T09:00:00+00:00,cv-2026.pdf,\n"
            b"Globex,Analyst,,,,55000\n"
            b"Hooli,Engineer,Interview,2026-11-02T09:00:00+00:00,cv-2026.pdf,\n")
    done = services.import_csv(data, now=NOW)
    assert len(done.imported) == 3
    first, second, third = (services.get(pk) for pk in done.imported)
    assert first.stage == "applied" and first.resume.sha256 == "" and first.resume.content is None
    assert third.resume_id == first.resume_id  # one version known by the same name
    assert third.stage_round == 1 and second.stage == "saved" and second.resume is None
    assert second.salary_min == Decimal("55000.00") and first.salary_min is None
    assert services.detail(first.pk)["resume"]["sha256"] is None


@pytest.mark.parametrize(
    "data, messages",
    [
        (b"company,role_title\n", ["the file has no rows"]),
        (b"name,title\nA,B\n", ["the header has no company or role_title column"]),
        ("company,role_title\nCaf\u00e9,B\n".encode("latin-1"), ["not UTF-8 text"]),
        (b"company,role_title,salary_min,stage\n"
         b"Initech,,1,\n"
         b"Globex,Analyst,lots,\n"
         b"Hooli,Engineer,,Applied\n"
         b"Umbrella,Analyst,,Ghosted\n"
         b"Acme,Analyst,,\n",
         ["line 2: role_title: is needed", "line 3: salary_min: 'lots' is not an amount",
          "line 4: resume_filename: an application in Applied needs the resume",
          "line 5: stage: no stage 'Ghosted'"]),
        (b"company,role_title,history\nA,B,applied@yesterday\n",
         ["line 2: history: 'yesterday' is not a date and time"]),
        (b"company,role_title,history,resume_filename\n"
         b"A,B,applied@2026-11-02T00:00:00+00:00; screening@2026-11-01T00:00:00+00:00,cv\n",
         ["line 2: history: 2026-11-01T00:00:00+00:00 is before the move before it"]),
        (b"company,role_title\nA,B,extra\n", ["line 2: row: has more cells than the header"]),
        (b"company,role_title\n" + b"A," + b"x" * 1_000_001 + b"\n", ["over 1,000,000"]),
    ],
)
def test_a_bad_file_names_every_bad_row_and_stores_nothing(
    data: bytes, messages: list[str]
) -> None:
    with pytest.raises(services.CsvImportError) as err:
        services.import_csv(data, now=NOW)
    assert len(err.value.problems) == len(messages)
    for problem, message in zip(err.value.problems, messages, strict=True):
        assert message in problem
    assert models.Application.objects.count() == 0
    assert models.StageChange.objects.count() == 0
    assert models.SentDocument.objects.count() == 0


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=30)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.lists(
        st.tuples(
            TEXT.filter(lambda t: t.strip() != ""),  # company
            TEXT.filter(lambda t: t.strip() != ""),  # role title
            TEXT,  # notes
            st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=2)),
            st.lists(st.sampled_from(["screening", "interview", "offer", "rejected"]),
                     max_size=4),
        ),
        min_size=1, max_size=4,
    )
)
def test_property_an_export_imports_back_to_the_same_rows(entries: list) -> None:  # noqa: ANN001
    models.Application.objects.all().delete()
    for n, (company, title, notes, pay, path) in enumerate(entries):
        app = add(company=company, title=title, notes=notes, salary_min=pay,
                  stage="applied", resume=Sent(data=f"cv {n}".encode(), filename=f"{n}.pdf"),
                  at=days_ago(50 - n), now=days_ago(50 - n))
        for i, stage in enumerate(path):
            if stage != services.get(app.pk).stage or stage == "interview":
                services.move(app.pk, stage, at=days_ago(40 - i), now=NOW)
    before = services.export_csv()
    models.Application.objects.all().delete()
    done = services.import_csv(before.encode("utf-8"), now=NOW)
    assert len(done.imported) == len(entries) and done.skipped == ()
    assert _comparable(services.export_csv()) == _comparable(before)


def test_lists_and_labels_never_load_document_bodies_or_posting_texts() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(10):
        add(company=f"Co {n}", stage="applied", notes="n" * 1000,
            resume=Sent(data=b"x" * 100_000 + bytes([n]), filename=f"{n}.pdf"))
    with CaptureQueriesContext(connection) as seen:
        listed = services.stages()  # as the command does: read once for every row
        rows = [services.row(a, listed) for a in services.list_applications()]
        services.quiet(today=TODAY)
        services.warnings("Co 1", "Data Scientist")
    assert len(rows) == 10 and all(r["resume"]["size"] == 100_001 for r in rows)
    sql = " ".join(q["sql"] for q in seen.captured_queries)
    assert '"content"' not in sql and '"posting_text"' not in sql and '"notes"' not in sql
    assert len(seen.captured_queries) <= 8  # a few in all, not one or more per application


def test_a_move_on_a_date_keeps_the_order_entered() -> None:
    app = add(stage="applied", resume=Sent(resume_id=resume().pk),
              at=days_ago(10) + timedelta(hours=3), now=days_ago(10) + timedelta(hours=3))
    same_day = services.move(app.pk, "screening", at=days_ago(10).date(), now=NOW)
    assert same_day.stage_since == days_ago(10) + timedelta(hours=3)  # not before the last
    later = services.move(app.pk, "interview", at=days_ago(5).date(), now=NOW)
    assert later.stage_since == datetime.combine(days_ago(5).date(), datetime.min.time(),
                                                 tzinfo=NOW.tzinfo)
    today = services.move(app.pk, "offer", at=TODAY, now=NOW)
    assert today.stage_since == NOW
    with pytest.raises(ApplicationError, match="at: .* is before the last move"):
        services.move(app.pk, "accepted", at=days_ago(1).date(), now=NOW)
    with pytest.raises(ApplicationError, match="at: .* is in the future"):
        services.move(app.pk, "accepted", at=TODAY + timedelta(days=1), now=NOW)
