"""Career-path pages through Django's test client, against the real knowledge base."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.test import Client

from unstuck.core.paths import explore, person_from_occupation, score
from unstuck.knowledge.matrices import occupation_data
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base
from unstuck.web.paths.models import Shortlisted

pytestmark = pytest.mark.django_db
NURSE = "29-1141.00"


@pytest.fixture
def kb(built_home: Path, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    monkeypatch.setenv("UNSTUCK_HOME", str(built_home))
    return get_knowledge_base()


def text_of(response) -> str:  # noqa: ANN001
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


def test_explore_from_an_occupation_shows_the_engines_paths(kb: KnowledgeBase) -> None:
    response = Client().get("/paths/", {"from": NURSE, "kind": "up"})
    assert response.status_code == 200
    page = text_of(response)
    data = occupation_data(kb)
    expected = explore(score(data, person_from_occupation(data, NURSE)), ["up"], 6)
    for rec in expected.groups[0].items:
        assert rec.title in page
    first = expected.groups[0].items[0]
    assert f"score {first.score:.1f}" in page
    assert "Transferable skills and knowledge" in page and "Largest gaps" in page


def test_explore_what_if_pay_floor_reranks_and_bad_values_are_reported(kb: KnowledgeBase) -> None:
    low = text_of(Client().get("/paths/", {"from": "43-4051.00", "kind": "sideways"}))
    high = text_of(
        Client().get("/paths/", {"from": "43-4051.00", "kind": "sideways", "min_pay": "70000"})
    )
    assert low != high
    assert "left out by your constraints" in high
    bad = text_of(Client().get("/paths/", {"from": NURSE, "min_pay": "lots"}))
    assert "min pay must be a number" in bad


def test_explore_empty_profile_says_what_is_not_used(kb: KnowledgeBase) -> None:
    page = text_of(Client().get("/paths/"))
    assert "Parts of the score not used" in page
    assert "interests questionnaire not taken" in page
    assert "Set your current job in your profile" in page


def test_shortlist_add_compare_remove(kb: KnowledgeBase) -> None:
    client = Client()
    for code in ("29-1171.00", "29-2061.00"):
        response = client.post(
            "/paths/shortlist/", {"code": code, "action": "add", "next": f"/paths/?from={NURSE}"}
        )
        assert response.status_code == 302 and response["Location"] == f"/paths/?from={NURSE}"
    assert [s.code for s in Shortlisted.objects.all()] == ["29-1171.00", "29-2061.00"]
    page = text_of(client.get("/paths/shortlist/"))
    assert "Nurse Practitioners" in page
    response = client.get("/paths/compare/", {"code": ["29-1171.00", "29-2061.00"], "from": NURSE})
    assert response.status_code == 200
    page = text_of(response)
    assert page.index("Nurse Practitioners") < page.index("Licensed Practical")
    assert "Remove from shortlist" in page
    client.post("/paths/shortlist/", {"code": "29-1171.00", "action": "remove"})
    assert [s.code for s in Shortlisted.objects.all()] == ["29-2061.00"]
    assert client.post("/paths/shortlist/", {"code": "nope", "action": "add"}).status_code == 400
    # an off-site "next" is not followed
    response = client.post(
        "/paths/shortlist/", {"code": NURSE, "action": "add", "next": "//evil.example/"}
    )
    assert response["Location"] == "/paths/shortlist/"


def test_compare_needs_two_or_three(kb: KnowledgeBase) -> None:
    response = Client().get("/paths/compare/", {"code": ["29-1171.00"]})
    assert response.status_code == 400
    assert "Pick two or three" in text_of(response)


def test_paths_without_knowledge_base_explain_install() -> None:
    response = Client().get("/paths/")
    assert response.status_code == 503


def test_explore_what_if_raising_a_skill_closes_that_gap(kb: KnowledgeBase) -> None:
    data = occupation_data(kb)
    biology = next(e.element_id for e in data.elements if e.name == "Biology")
    before = text_of(Client().get("/paths/", {"from": NURSE, "kind": "up"}))
    after = text_of(
        Client().get("/paths/", {"from": NURSE, "kind": "up", "raise": biology, "to": "7"})
    )
    assert "Biology: you" in before and "Biology: you" not in after
    bad = text_of(Client().get("/paths/", {"from": NURSE, "raise": biology, "to": "9"}))
    assert "between 0 and 7" in bad
