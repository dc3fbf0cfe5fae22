"""Follow-up cadence with a frozen ``today``, the informational-interview pipeline, interview
questions and organisation names (``unstuck.core.people``)."""

from __future__ import annotations

from datetime import date

import pytest

from unstuck.core import people
from unstuck.core.people import PeopleError, follow_up

D = date.fromisoformat


@pytest.mark.parametrize(
    ("cadence", "last", "since", "snoozed", "today", "status", "due", "days"),
    [
        # no cadence, or nothing to count from: nothing is due
        (None, "2026-01-01", None, None, "2026-06-01", "none", None, None),
        (30, None, None, None, "2026-06-01", "none", None, None),
        # counted from the last interaction
        (30, "2026-01-01", "2025-01-01", None, "2026-01-15", "upcoming", "2026-01-31", 16),
        (30, "2026-01-01", "2025-01-01", None, "2026-01-31", "due", "2026-01-31", 0),
        (30, "2026-01-01", "2025-01-01", None, "2026-02-10", "overdue", "2026-01-31", -10),
        # a later interaction resets the count (same today, no longer overdue)
        (30, "2026-02-05", "2025-01-01", None, "2026-02-10", "upcoming", "2026-03-07", 25),
        # no interaction yet: counted from when they were connected with or added
        (14, None, "2026-03-01", None, "2026-03-10", "upcoming", "2026-03-15", 5),
        (14, None, "2026-03-01", None, "2026-03-20", "overdue", "2026-03-15", -5),
        # a snooze moves the due date later...
        (30, "2026-01-01", None, "2026-02-20", "2026-02-10", "upcoming", "2026-02-20", 10),
        (30, "2026-01-01", None, "2026-02-20", "2026-02-25", "overdue", "2026-02-20", -5),
        # ...never earlier
        (30, "2026-01-01", None, "2026-01-10", "2026-01-20", "upcoming", "2026-01-31", 11),
    ],
)
def test_follow_up_counts_from_the_last_interaction(
    cadence: int | None, last: str | None, since: str | None, snoozed: str | None, today: str,
    status: str, due: str | None, days: int | None,
) -> None:
    state = follow_up(
        cadence_days=cadence,
        last_interaction=D(last) if last else None,
        since=D(since) if since else None,
        today=D(today),
        snoozed_until=D(snoozed) if snoozed else None,
    )
    assert (state.status, state.due, state.days) == (status, D(due) if due else None, days)
    assert state.snoozed == (snoozed is not None and status != "none" and state.due == D(snoozed))


def test_logging_moves_the_due_date_on_by_the_cadence() -> None:
    today = D("2026-05-01")
    before = follow_up(cadence_days=21, last_interaction=D("2026-03-01"), since=None, today=today)
    after = follow_up(cadence_days=21, last_interaction=today, since=None, today=today)
    assert before.status == "overdue" and people.is_due(before)
    assert after.status == "upcoming" and after.due == D("2026-05-22")
    assert not people.is_due(after) and people.is_due(after, within_days=21)


def test_snooze_until_and_its_bounds() -> None:
    assert people.snooze_until(D("2026-01-30"), 3) == D("2026-02-02")
    for bad in (0, -1, 3651):
        with pytest.raises(PeopleError):
            people.snooze_until(D("2026-01-30"), bad)
    assert people.cadence_problem(None) is None and people.cadence_problem(30) is None
    assert "from 1 to" in (people.cadence_problem(0) or "")


def test_the_pipeline_goes_in_order_and_keeps_the_dates_reached() -> None:
    assert [people.next_stage(s) for s in people.STAGES] == [*people.STAGES[1:], None]
    reached = people.moved({}, "to-ask", D("2026-01-01"))
    reached = people.moved(reached, "asked", D("2026-01-02"))
    reached = people.moved(reached, "scheduled", D("2026-01-05"))
    assert reached == {"to-ask": "2026-01-01", "asked": "2026-01-02", "scheduled": "2026-01-05"}
    # skipping ahead makes up no date for the stages skipped
    assert people.moved(reached, "thanked", D("2026-01-09")) == {**reached, "thanked": "2026-01-09"}
    # moving back forgets the stages after
    assert people.moved(reached, "asked", D("2026-01-06")) == {
        "to-ask": "2026-01-01", "asked": "2026-01-06"}
    assert people.check_stage("Follow up") == "follow-up"
    with pytest.raises(PeopleError, match="the stages are"):
        people.check_stage("hired")


def test_questions_come_from_the_tasks_and_gaps_given() -> None:
    tasks = ["Analyze data to identify trends.", "Write reports.",
             "analyze data to identify trends", "Present findings.", "Clean data."]
    questions = people.interview_questions("Data Scientists", tasks, ["Machine Learning", "SQL"])
    text = "\n".join(questions)
    assert "Data Scientists" in questions[0]
    assert "\u201canalyze data to identify trends\u201d" in text
    assert text.count("analyze data") == 1  # a repeated task is asked once
    assert "\u201cwrite reports\u201d" in text and "\u201cpresent findings\u201d" in text
    assert "clean data" not in text  # three tasks by default
    assert "building up Machine Learning." in text and "building up SQL." in text
    general = people.interview_questions(None)
    assert all("\u201c" not in q and "building up" not in q for q in general)
    assert "this work" in general[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Acme, Inc.", "ACME"), ("Acme Corp", "acme corporation"),
     ("Société Générale", "Societe Generale SA"), ("The Boring Company", "Boring"),
     ("AT&T", "AT and T"), ("Procter & Gamble Co.", "procter and gamble")],
)
def test_organisation_names_match_whatever_the_spelling(a: str, b: str) -> None:
    assert people.organisation_key(a) == people.organisation_key(b) != ""


def test_organisation_keys_keep_what_tells_them_apart() -> None:
    assert people.organisation_key("Acme Labs") != people.organisation_key("Acme")
    assert people.organisation_key("Inc") == "inc"  # a name that is only a legal form stays
    assert people.organisation_key("!!!") == ""


def test_tags_are_kept_once_and_known_ones_in_lower_case() -> None:
    assert people.clean_tags(["Mentor", " mentor ", "Toast  masters", "", "toast masters",
                              "PEER"]) == ["mentor", "Toast masters", "peer"]


def test_dates_and_codes_out_of_range_are_named() -> None:
    assert people.date_problem(None) is None and people.date_problem(D("2026-01-01")) is None
    assert "from 1900 to 2100" in (people.date_problem(D("9999-12-31"), "the date") or "")
    assert people.date_problem(D("1899-12-31")) is not None
    assert people.code_problem("") is None and people.code_problem("15-2051.00") is None
    assert "not an occupation code" in (people.code_problem("15-2051") or "")
    # a date past the checks (stored before them, or forged) is never due, never a crash
    state = follow_up(cadence_days=30, last_interaction=D("9999-12-20"), since=None,
                      today=D("2026-01-01"))
    assert state.status == "none" and state.due is None
