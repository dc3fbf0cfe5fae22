"""Career-path pages through Django's test client, against the real knowledge base."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.test import Client

from unstuck.app.paths.models import Shortlisted
from unstuck.core.paths import explore, person_from_occupation, score
from unstuck.knowledge.matrices import occupation_data
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base
from unstuck.web.paths import views

pytestmark = pytest.mark.django_db
NURSE = "29-1141.00"
LIMIT = views.LIMIT  # cards per kind on the page


@pytest.fixture
def kb(built_home: Path, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    monkeypatch.setenv("UNSTUCK_HOME", str(built_home))
    return get_knowledge_base()


def text_of(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


def test_explore_from_an_occupation_shows_the_engines_paths(kb: KnowledgeBase) -> None:
    response = Client().get("/paths/", {"from": NURSE, "kind": "up"})
    assert response.status_code == 200
    page = text_of(response)
    data = occupation_data(kb)
    expected = explore(score(data, person_from_occupation(data, NURSE)), ["up"], LIMIT)
    for rec in expected.groups[0].items:
        assert rec.title in page
    first = expected.groups[0].items[0]
    assert f"score {first.score:.1f}" in page
    assert "Transferable skills and knowledge" in page
    gap = first.gaps[0]
    assert f"{gap.name} {gap.status} you {gap.current:.1f}, needed {gap.required:.1f}" in page


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
        assert response.status_code == 302
        assert response["Location"] == f"/paths/?from={NURSE}&added={code}#path-{code}"
    assert [s.code for s in Shortlisted.objects.all()] == ["29-1171.00", "29-2061.00"]
    page = text_of(client.get("/paths/shortlist/"))
    assert "Nurse Practitioners" in page
    response = client.get("/paths/compare/", {"code": ["29-1171.00", "29-2061.00"], "from": NURSE})
    assert response.status_code == 200
    page = text_of(response)
    assert page.index("Nurse Practitioners") < page.index("Licensed Practical")
    assert "Remove Nurse Practitioners from shortlist" in page
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
    assert "Biology gap you" in before and "Biology gap you" not in after
    bad = text_of(Client().get("/paths/", {"from": NURSE, "raise": biology, "to": "9"}))
    assert "between 0 and 7" in bad


# -- what the page shows adds up, and what it could not use ---------------------------------
def shown_cards(response) -> list[dict]:
    """Per card on the page: its code, the score shown, the component values shown and the
    sum row, read from the HTML."""
    out = []
    for chunk in response.content.decode().split('<li class="path-card"')[1:]:
        code = re.search(r'data-code="([^"]+)"', chunk).group(1)
        total = float(re.search(r'class="score-total">([^<]+)<', chunk).group(1))
        ul = re.search(r'<ul class="components".*?</ul>', chunk, re.S).group(0)
        values = [float(v) for v in re.findall(r'class="component-value">([^<]+)<', ul)]
        out.append({"code": code, "score": total, "components": values[:-1], "sum": values[-1]})
    return out


def assert_components_add_up(response) -> list[dict]:
    cards = shown_cards(response)
    assert cards
    for card in cards:
        assert len(card["components"]) >= 2
        assert round(sum(card["components"]), 1) == card["score"] == card["sum"], card
    return cards


def test_components_shown_add_up_to_the_score_shown(kb: KnowledgeBase) -> None:
    data = occupation_data(kb)
    ranking = score(data, person_from_occupation(data, NURSE))
    response = Client().get("/paths/", {"from": NURSE})
    cards = assert_components_add_up(response)
    by_kind = {g.kind: g for g in explore(ranking, None, LIMIT).groups}
    expected = [r for g in by_kind.values() if g.kind != "grow" for r in g.items]
    assert [c["code"] for c in cards] == [r.code for r in expected]
    for card, rec in zip(cards, expected, strict=True):
        assert card["score"] == round(rec.score, 1)
    compare = Client().get("/paths/compare/", {"code": ["29-1171.00", "29-2061.00"], "from": NURSE})
    assert [c["code"] for c in assert_components_add_up(compare)] == ["29-1171.00", "29-2061.00"]


def unused_signals(response) -> set[str]:
    return set(re.findall(r'<li data-signal="([a-z_]+)">', response.content.decode()))


def save(profile, interests: dict[str, int] | None = None) -> None:
    from unstuck.app.profile import services as profile_services
    from unstuck.core.assess import Responses, get_instrument

    profile_services.save_profile(profile)
    if interests is not None:
        instrument = get_instrument("interests")
        answers = {i.id: interests.get(i.subscale, 2) for i in instrument.items}
        profile_services.submit(Responses(instrument.id, answers))


def test_profile_without_interests_is_ranked_and_says_interests_were_not_used(
    kb: KnowledgeBase,
) -> None:
    from unstuck.app.profile import services as profile_services

    profile_services.set_occupation(kb, NURSE, years=5)
    response = Client().get("/paths/", {"kind": "sideways"})
    page = text_of(response)
    assert "Parts of the score not used" in page
    assert unused_signals(response) == {"interests", "values", "own_technology"}
    assert (
        "Interests (your RIASEC interests against the occupation's): interests questionnaire "
        "not taken — take the interests questionnaire" in page
    )
    assert "Work values (your work values against what the occupation offers)" in page
    assert 'href="/profile/assess/interests/"' in response.content.decode()
    cards = assert_components_add_up(response)
    assert len(cards) == LIMIT
    # no interests: the card shows the occupation's profile only, and says how to add yours
    assert "Take the interests questionnaire to see yours against it" in page
    assert "you 5.0, job" not in page


def test_profile_without_occupation_is_ranked_on_interests(kb: KnowledgeBase) -> None:
    from unstuck.core.profile import Profile

    save(Profile(), interests={"S": 5, "I": 4})
    response = Client().get("/paths/", {"kind": "change"})
    page = text_of(response)
    assert "Parts of the score not used" in page
    assert "Similar work (similar task statements): no current occupation in your profile" in page
    left_out = unused_signals(response)
    assert {"tasks", "skills_knowledge", "job_zone", "values"} <= left_out
    assert "interests" not in left_out
    cards = assert_components_add_up(response)
    assert len(cards) == LIMIT
    # the overlay shows the person's interests against each target's, in text
    assert re.search(r"Social you \d\.\d, job \d\.\d", page)
    assert "Interests fit" in page
    assert "Set your current job in your profile" in page


def test_charts_have_text_equivalents(kb: KnowledgeBase) -> None:
    from unstuck.core.paths import compare as compare_targets

    codes = ["29-1171.00", "29-2061.00"]
    response = Client().get("/paths/compare/", {"code": codes, "from": NURSE})
    body = response.content.decode()
    page = text_of(response)
    data = occupation_data(kb)
    recs = compare_targets(score(data, person_from_occupation(data, NURSE)), codes)
    for rec in recs:
        for e in rec.gaps[:3]:  # gap bars: the level written beside each bar
            assert f"{e.name} {e.status} you {e.current:.1f}, needed {e.required:.1f}" in page
        for name, _, theirs in rec.interests.dimensions:  # interest overlay
            assert f"{name} you " in page and f"job {theirs:.1f}" in page
        if rec.pay.target is not None:
            assert f"This occupation ${rec.pay.target:,.0f} a year" in page
        if rec.outlook.growth_percent is not None:
            assert f"{rec.outlook.growth_percent:+.1f}%" in page
    # the at-a-glance table puts the same figures side by side, one column per target
    table = re.search(r'<table class="compare-summary">.*?</table>', body, re.S).group(0)
    heads = [html.unescape(t) for t in re.findall(r'<th scope="col">([^<]+)</th>', table)]
    assert heads[1:] == [r.title for r in recs]
    scores = re.search(r'<th scope="row">Score</th>(.*?)</tr>', table, re.S).group(1)
    assert re.findall(r"<td>([^<]+)</td>", scores) == [f"{r.score:.1f}" for r in recs]
    # every bar is decoration of a figure written out: hidden from assistive technology
    tracks = re.findall(r'<span class="(?:component|level|overlay|money)-track[^"]*"[^>]*>', body)
    assert len(tracks) > 20
    for track in tracks:
        assert 'aria-hidden="true"' in track


def test_area_wages_from_a_postal_code_in_the_profile(kb: KnowledgeBase) -> None:
    from unstuck.app.profile import services as profile_services
    from unstuck.core.profile import Constraints, Location

    profile_services.set_occupation(kb, NURSE)
    current = profile_services.to_core(profile_services.get_profile())
    from dataclasses import replace

    profile_services.save_profile(
        replace(current, constraints=Constraints(location=Location("state", "OH")))
    )
    page = text_of(Client().get("/paths/", {"kind": "up"}))
    assert "in Ohio, " in page


def test_shortlist_for_gives_the_plan_plain_entries(kb: KnowledgeBase) -> None:
    from unstuck.app.paths.services import ShortlistEntry, add, shortlist_for
    from unstuck.app.profile import services as profile_services

    assert shortlist_for() == []
    add("29-1171.00", "Nurse Practitioners")
    add("29-2061.00", "Licensed Practical and Licensed Vocational Nurses")
    add("15-1252.00", "Software Developers", key="someone-else")
    entries = shortlist_for(profile_services.get_profile())
    assert [e.code for e in entries] == ["29-1171.00", "29-2061.00"]
    assert all(isinstance(e, ShortlistEntry) and e.added_at for e in entries)
    assert [e.code for e in shortlist_for("someone-else")] == ["15-1252.00"]


@pytest.mark.django_db
def test_shortlist_and_this_is_my_job_from_the_occupation_page_confirm_in_place(
    kb: KnowledgeBase,
) -> None:
    from unstuck.app.profile import services as profile_services

    client = Client()
    page = client.get(f"/occupations/{NURSE}/").content.decode()
    assert "Add to your shortlist" in page and "This is my job" in page
    response = client.post(
        "/paths/shortlist/", {"code": NURSE, "action": "add", "next": f"/occupations/{NURSE}/"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/occupations/{NURSE}/?added={NURSE}#path-{NURSE}"
    page = text_of(client.get(response["Location"].split("#")[0]))
    assert "Added to your shortlist" in page and "Remove from your shortlist" in page
    response = client.post("/profile/my-job/", {"code": NURSE})
    assert response.status_code == 302 and response["Location"].startswith("/profile/about/")
    assert profile_services.get_profile().occupation_code == NURSE
    assert "is now your current job" in text_of(client.get(response["Location"]))
    assert client.post("/profile/my-job/", {"code": "nope"}).status_code == 400


@pytest.mark.django_db
def test_adding_from_a_paths_card_comes_back_to_the_card_with_a_confirmation(
    kb: KnowledgeBase,
) -> None:
    client = Client()
    page = client.get("/paths/", {"from": NURSE}).content.decode()
    code = re.search(r'data-code="([^"]+)" id="path-', page).group(1)
    response = client.post(
        "/paths/shortlist/", {"code": code, "action": "add", "next": f"/paths/?from={NURSE}"}
    )
    assert response["Location"] == f"/paths/?from={NURSE}&added={code}#path-{code}"
    card = client.get(response["Location"].split("#")[0]).content.decode()
    assert f'id="path-{code}"' in card and "Added to" in card
