"""The pure rules of applications (unstuck.core.applications): the stage list and its edits,
staleness with a frozen today, funnel rates on data with known answers."""

from __future__ import annotations

from datetime import date

import pytest

from unstuck.core import applications as core
from unstuck.core.applications import DEFAULT_STAGES, Stage, StageListError

STAGES = {s.key: s for s in DEFAULT_STAGES}
TODAY = date(2026, 12, 3)


def test_the_default_stages_are_a_usable_list() -> None:
    assert core.stage_problems(DEFAULT_STAGES) == []
    assert [s.name for s in DEFAULT_STAGES] == [
        "Saved", "Applied", "Screening", "Interview", "Offer",
        "Accepted", "Rejected", "Withdrawn", "No response",
    ]
    assert [s.key for s in DEFAULT_STAGES if s.terminal] == [
        "accepted", "rejected", "withdrawn", "no-response"]
    assert [s.key for s in DEFAULT_STAGES if s.rounds] == ["interview"]
    assert core.stage_label(STAGES["interview"], 2) == "Interview 2"
    assert core.stage_label(STAGES["applied"], 2) == "Applied"


@pytest.mark.parametrize(
    "stage, entered, snoozed_until, dismissed, quiet",
    [
        # applied waits 30 days: day 29 is not quiet, day 30 is
        ("applied", date(2026, 11, 4), None, False, False),
        ("applied", date(2026, 11, 3), None, False, True),
        ("applied", date(2026, 9, 1), None, False, True),
        # screening waits 14 days (a per-stage threshold)
        ("screening", date(2026, 11, 20), None, False, False),
        ("screening", date(2026, 11, 19), None, False, True),
        # a stage change resets the count: entered yesterday, not quiet whatever came before
        ("interview", date(2026, 12, 2), None, False, False),
        # snoozing moves it: quiet by the threshold, but the snooze ends later
        ("applied", date(2026, 9, 1), date(2026, 12, 4), False, False),
        ("applied", date(2026, 9, 1), date(2026, 12, 3), False, True),
        # a snooze that ended before the threshold changes nothing
        ("applied", date(2026, 11, 10), date(2026, 11, 12), False, False),
        # dismissed for this stage
        ("applied", date(2026, 9, 1), None, True, False),
        # Saved waits for nobody; terminal stages never go stale
        ("saved", date(2020, 1, 1), None, False, False),
        ("rejected", date(2020, 1, 1), None, False, False),
        ("accepted", date(2020, 1, 1), None, False, False),
        ("no-response", date(2020, 1, 1), None, False, False),
    ],
)
def test_staleness(
    stage: str, entered: date, snoozed_until: date | None, dismissed: bool, quiet: bool
) -> None:
    found = core.quiet_proposal(7, STAGES[stage], entered, TODAY,
                                snoozed_until=snoozed_until, dismissed=dismissed)
    assert (found is not None) == quiet
    if found is not None:
        assert found.ref == 7 and found.stage == stage and found.propose == "no-response"
        assert found.days_quiet == (TODAY - entered).days >= found.quiet_days
        assert found.due <= TODAY


def test_an_edited_threshold_is_the_one_used() -> None:
    stages = core.set_quiet_days(DEFAULT_STAGES, "applied", 5)
    applied = core.find_stage(stages, "Applied")
    assert applied is not None and applied.quiet_days == 5
    assert core.quiet_proposal(1, applied, date(2026, 11, 28), TODAY) is not None
    assert core.quiet_proposal(1, applied, date(2026, 11, 29), TODAY) is None
    none = core.set_quiet_days(stages, "applied", None)
    assert core.quiet_proposal(1, none[1], date(2000, 1, 1), TODAY) is None


def history(*keys: str) -> list[str]:
    return ["saved", *keys]


def test_funnel_rates_on_known_data() -> None:
    # 10 applied, 4 reached screening, 2 of those an interview: 0.4 then 0.5
    histories = (
        [history("applied", "rejected")] * 6
        + [history("applied", "screening", "rejected")] * 2
        + [history("applied", "screening", "interview", "interview", "no-response")] * 2
    )
    steps = {s.stage: s for s in core.funnel(histories, DEFAULT_STAGES)}
    assert [s for s in steps] == ["saved", "applied", "screening", "interview", "offer",
                                  "accepted"]  # exits are not rungs
    assert steps["applied"].reached == 10 and steps["applied"].rate == pytest.approx(0.4)
    assert steps["screening"].reached == 4 and steps["screening"].rate == pytest.approx(0.5)
    assert steps["interview"].reached == 2 and steps["interview"].rate == 0.0
    assert steps["offer"].reached == 0 and steps["offer"].rate is None
    assert steps["accepted"].next_reached is None and steps["accepted"].rate is None


def test_a_skipped_step_was_passed_and_a_move_back_keeps_the_furthest() -> None:
    steps = core.funnel([["applied", "interview"], ["applied", "offer", "applied"]],
                        DEFAULT_STAGES)
    reached = {s.stage: s.reached for s in steps}
    assert reached == {"saved": 2, "applied": 2, "screening": 2, "interview": 2, "offer": 1,
                       "accepted": 0}


def test_funnels_by_group_keep_an_unrecorded_group_apart() -> None:
    items = ([("A", history("applied", "screening"))] * 3 + [("B", history("applied"))] * 2
             + [(None, history())])
    found = core.funnels_by(items, DEFAULT_STAGES)
    assert [(f.group, f.applications) for f in found] == [("A", 3), ("B", 2), (None, 1)]
    a = {s.stage: s for s in found[0].steps}
    assert a["applied"].rate == 1.0
    b = {s.stage: s for s in found[1].steps}
    assert b["applied"].rate == 0.0
    none = {s.stage: s for s in found[2].steps}
    assert none["saved"].reached == 1 and none["saved"].rate == 0.0


def test_a_stage_the_list_no_longer_has_counts_for_nothing() -> None:
    assert core.furthest(["saved", "phone-call"], DEFAULT_STAGES) == 0
    assert core.furthest([], DEFAULT_STAGES) == -1


def test_stage_edits() -> None:
    renamed = core.rename_stage(DEFAULT_STAGES, "screening", "Phone screen")
    assert renamed[2] == Stage("screening", "Phone screen", quiet_days=14)
    added = core.add_stage(renamed, "Take-home task", quiet_days=7)
    assert [s.key for s in added][4:7] == ["offer", "take-home-task", "accepted"]  # last step
    hired = core.add_stage(DEFAULT_STAGES, "Contract signed", kind="success")
    assert [s.key for s in hired][5:7] == ["accepted", "contract-signed"]
    closed = core.add_stage(DEFAULT_STAGES, "Position closed", kind="exit")
    assert closed[-1].key == "position-closed"
    placed = core.add_stage(added, "Take-home task!", after="applied")
    assert placed[2].key == "take-home-task-2"  # the key is unique
    order = [s.key for s in added]
    order[2], order[3] = order[3], order[2]
    swapped = core.reorder_stages(added, order)
    assert [s.key for s in swapped][2:4] == ["interview", "screening"]
    removed = core.remove_stage(added, "take-home-task", in_use=["saved", "applied"])
    assert removed == renamed
    assert core.find_stage(DEFAULT_STAGES, "  no RESPONSE ") == STAGES["no-response"]
    assert core.find_stage(DEFAULT_STAGES, "no-response") == STAGES["no-response"]
    assert core.find_stage(DEFAULT_STAGES, "Ghosted") is None


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda s: core.rename_stage(s, "applied", "Saved"), "two stages are called 'Saved'"),
        (lambda s: core.rename_stage(s, "applied", "  "), "needs a name"),
        (lambda s: core.rename_stage(s, "nope", "X"), "no stage 'nope'"),
        (lambda s: core.set_quiet_days(s, "rejected", 5), "is an end"),
        (lambda s: core.set_quiet_days(s, "applied", 0), "1 to 3650"),
        (lambda s: core.remove_stage(s, "saved"), "first stage must stay 'saved'"),
        (lambda s: core.remove_stage(s, "no-response"), "'no-response' stage is needed"),
        (lambda s: core.remove_stage(s, "screening", in_use=["screening"]), "rename it instead"),
        (lambda s: core.reorder_stages(s, ["applied", "saved"]), "missing: Screening"),
        (lambda s: core.reorder_stages(s, [k.key for k in reversed(s)]),
         "first stage must stay"),
        (lambda s: core.add_stage(s, "Hired", kind="success", rounds=True), "cannot have rounds"),
        (lambda s: core.add_stage(s, "Odd", kind="maybe"), "kind must be one of"),
    ],
)
def test_bad_stage_edits_say_why(edit, message: str) -> None:  # noqa: ANN001
    with pytest.raises(StageListError, match=message):
        edit(DEFAULT_STAGES)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Acme, Inc.", "ACME", True),
        ("Acme Corp", "acme corporation", True),
        ("Société Générale", "Societe Generale SA", True),
        ("AT&T", "AT and T", True),
        ("Acme", "Acme Labs", False),
        ("Co", "Co", True),  # a name that is only a legal form keeps it
    ],
)
def test_company_key(a: str, b: str, same: bool) -> None:
    assert (core.company_key(a) == core.company_key(b)) == same
