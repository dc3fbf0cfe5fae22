"""A stored result of an instrument version this unstuck does not know (issue 10's bug).

Such a result keeps its summary but cannot be re-scored. Every page and command that reads the
latest results goes on working without it and says that it cannot be used: before, ``GET
/paths/`` answered 500 and ``unstuck explore`` exited with a traceback.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client

from unstuck.app.paths import services as paths_services
from unstuck.app.plan import services as plan_services
from unstuck.app.profile import models, services
from unstuck.cli import cli
from unstuck.core.assess import Responses, get_instrument
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base

pytestmark = pytest.mark.django_db
NURSE = "29-1141.00"
NP = "29-1171.00"


@pytest.fixture
def kb(kb_home: Path) -> KnowledgeBase:
    return get_knowledge_base()


def text_of(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


def store_unknown(short: str, version: str) -> None:
    """A completed result of ``short``, then relabelled as taken with ``version``."""
    instrument = get_instrument(short)
    done = services.submit(Responses(instrument.id, {i.id: 3 for i in instrument.items}))
    models.AssessmentResult.objects.filter(pk=done.record.pk).update(instrument_id=version)


def test_latest_results_hold_unusable_results_apart() -> None:
    store_unknown("interests", "interests/0")
    store_unknown("wellbeing", "wellbeing/1")  # a known version, still usable
    results = services.latest_results()
    assert set(results.found) == {"wellbeing"}
    gone = results.unusable["interests"]
    assert (gone.name, gone.short, gone.instrument_id) == ("Interests", "interests", "interests/0")
    assert "not known to this version of unstuck" in gone.reason


def test_paths_pages_rank_without_the_result_and_say_so(kb: KnowledgeBase) -> None:
    services.set_occupation(kb, NURSE)
    store_unknown("interests", "interests/0")
    response = Client().get("/paths/")
    assert response.status_code == 200
    page = text_of(response)
    assert "(interests/0)" in page and "cannot be used here" in page
    assert 'href="/profile/assess/interests/"' in response.content.decode()
    # ranked as if the questionnaire had not been taken
    assert "Parts of the score not used" in page
    compare = Client().get("/paths/compare/", {"code": [NURSE, NP]})
    assert compare.status_code == 200 and "(interests/0)" in text_of(compare)
    # starting from an occupation uses none of the person's results: nothing to say
    assert "(interests/0)" not in text_of(Client().get("/paths/", {"from": NURSE}))


def test_plan_page_works_without_the_rut_check_and_says_so(kb: KnowledgeBase) -> None:
    services.set_occupation(kb, NURSE)
    store_unknown("rut", "rut-check/0")
    paths_services.add(NP, kb.titles[NP])
    plan_services.choose_target(NP)
    response = Client().get("/plan/")
    assert response.status_code == 200
    page = text_of(response)
    assert "(rut-check/0)" in page and "cannot be used here" in page
    assert "no rut check yet" in page
    assert plan_services.build(kb).rut is None


def test_results_page_and_json_say_the_result_cannot_be_used(kb: KnowledgeBase) -> None:
    store_unknown("values", "work-values/0")
    response = Client().get("/profile/results/")
    assert response.status_code == 200
    assert "(work-values/0)" in text_of(response)
    data = Client().get("/profile/results.json").json()["assessments"]["work-values"]
    assert data["instrument"] == "work-values/0" and "not known" in data["note"]


def test_explore_and_plan_commands_note_the_unusable_result(kb: KnowledgeBase) -> None:
    services.set_occupation(kb, NURSE)
    store_unknown("interests", "interests/0")
    store_unknown("rut", "rut-check/0")
    result = CliRunner().invoke(cli, ["explore", "-n", "1"])
    assert result.exit_code == 0, result.output
    assert "interests/0 is not known to this version of unstuck" in result.output
    assert "cannot be used; retake it with 'unstuck assess interests'" in result.output
    assert "Career paths from Registered Nurses" in result.output
    shown = CliRunner().invoke(cli, ["plan", "show"])
    assert shown.exit_code == 0, shown.output
    assert "rut-check/0 is not known" in shown.output
