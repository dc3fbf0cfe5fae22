"""The Python API (unstuck.app.profile.services) on a real database and knowledge base."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from unstuck.app.profile import models, services
from unstuck.core.assess import (
    AnswersError,
    InsufficientAnswersError,
    Responses,
    UnknownInstrumentVersion,
    get_instrument,
)
from unstuck.core.occupations import UnknownOccupation
from unstuck.core.profile import Constraints, Profile, Rating
from unstuck.knowledge.store import KnowledgeBase

pytestmark = pytest.mark.django_db
RUT = get_instrument("rut")
WB = get_instrument("wellbeing")
NURSE = "29-1141.00"


def test_invalid_profile_is_refused_with_every_field() -> None:
    bad = Profile(years_in_occupation=-2, constraints=Constraints(hours_per_week=400))
    with pytest.raises(services.ProfileError) as err:
        services.save_profile(bad)
    assert {p.where for p in err.value.problems} == {
        "occupation.years",
        "constraints.hours_per_week",
    }
    assert services.get_profile().years_in_occupation is None


def test_set_occupation_prefills_by_importance_and_keeps_own_levels(kb: KnowledgeBase) -> None:
    services.set_occupation(kb, NURSE, years=3)
    p = services.to_core(services.get_profile())
    occ = kb.occupation(NURSE)
    by_importance = sorted(
        (r for r in occ.skills if r.level is not None and not r.not_relevant),
        key=lambda r: (-(r.importance or 0), r.element_id),
    )
    assert [r.element_id for r in p.skills()] == [
        r.element_id for r in by_importance[: services.PREFILL_SKILLS]
    ]
    mine = p.with_level(p.ratings[0].element_id, 1.0)
    services.save_profile(mine)
    again = services.set_occupation(kb, NURSE)
    kept = services.to_core(again)
    assert kept.levels()[p.ratings[0].element_id] == 1.0
    assert kept.years_in_occupation == 3
    with pytest.raises(UnknownOccupation, match="no occupation 99-9999.99 in O.NET"):
        services.set_occupation(kb, "99-9999.99")


def test_profile_round_trips_through_the_database() -> None:
    data = Profile(
        occupation_code="15-1252.00",
        occupation_title="Software Developers",
        ratings=(Rating("2.B.3.e", "Programming", "skill", 6.0, 4.9),),
        technology=("Python",),
        education=8,
        constraints=Constraints(
            min_pay=90000, risk_tolerance="high", savings=1, monthly_expenses=1
        ),
    )
    services.save_profile(data)
    assert services.to_core(services.get_profile()) == data


def test_bad_answers_change_nothing_stored() -> None:
    good = {i.id: 3 for i in RUT.items}
    services.submit(Responses(RUT.id, good))
    services.save_draft(WB, {"wb.energy": 4}, page=0)
    before = (
        list(models.AssessmentResult.objects.values()),
        list(models.Draft.objects.values("answers", "page")),
    )
    bad = {"instrument": RUT.id, "answers": {**good, RUT.items[0].id: 7, "nope": 1}}
    with pytest.raises(AnswersError) as err:
        services.submit_data(RUT, bad)
    assert {p.where for p in err.value.problems} == {RUT.items[0].id, "nope"}
    with pytest.raises(AnswersError):
        services.save_draft(WB, {"wb.energy": 0})
    with pytest.raises(InsufficientAnswersError):
        services.submit(Responses(WB.id, {"wb.energy": 4}))
    after = (
        list(models.AssessmentResult.objects.values()),
        list(models.Draft.objects.values("answers", "page")),
    )
    assert after == before


def test_draft_from_an_older_version_is_dropped() -> None:
    services.save_draft(RUT, {RUT.items[0].id: 4}, page=2)
    models.Draft.objects.update(instrument_id="rut-check/0")
    assert services.find_draft(RUT) is None
    draft = services.get_draft(RUT)
    assert draft.answers == {} and draft.page == 0 and draft.instrument_id == RUT.id


def test_history_latest_and_comparison() -> None:
    t0 = timezone.now() - timedelta(days=7)
    services.submit(Responses(WB.id, {i.id: 2 for i in WB.items}), when=t0)
    done = services.submit(Responses(WB.id, {i.id: 4 for i in WB.items}))
    assert done.comparison is not None
    overall = next(c for c in done.comparison.changes if c.key == "wellbeing")
    # Stress is reverse-keyed, so a 2 everywhere is keyed (2,4,2,2,2) and a 4 is (4,2,4,4,4).
    assert (overall.before, overall.after, overall.direction) == (35.0, 65.0, "better")
    records = services.history("wellbeing")
    assert [r.completed_at for r in records] == sorted(r.completed_at for r in records)
    latest = services.latest("wellbeing")
    assert latest is not None and latest.previous == records[0]
    assert latest.result.to_dict() == done.result.to_dict()
    assert services.latest("rut") is None


def test_rescore_refuses_unknown_versions() -> None:
    done = services.submit(Responses(WB.id, {i.id: 3 for i in WB.items}))
    models.AssessmentResult.objects.filter(pk=done.record.pk).update(instrument_id="wellbeing/7")
    record = models.AssessmentResult.objects.get(pk=done.record.pk)
    with pytest.raises(UnknownInstrumentVersion, match="not known to this version"):
        services.rescore(record)
    with pytest.raises(UnknownInstrumentVersion):
        services.latest("wellbeing")
    results = services.latest_results()
    assert results.get("wellbeing") is None
    assert results.unusable["wellbeing"].instrument_id == "wellbeing/7"


def test_parse_answers_text_reports_bad_yaml_position() -> None:
    with pytest.raises(AnswersError) as err:
        services.parse_answers_text("instrument: rut-check/1\nanswers: {a: 1\n", ".yaml")
    [problem] = err.value.problems
    assert problem.where == "file" and "bad YAML at line" in problem.message
    assert services.parse_answers_text('{"instrument": "x"}', ".json") == {"instrument": "x"}
