"""The occupation explorer's pages through Django's test client, against the real knowledge base.

Expected values come from the knowledge base itself (the page must show what the library
returns) or from facts about O*NET (Registered Nurses are 29-1141.00).
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from django.test import Client

from unstuck.core.occupations import Occupation, Rating, Wages
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base
from unstuck.web import installed
from unstuck.web.occupations import present

NURSE = "29-1141.00"



# The pages read the shortlist and where the person is from the database.
pytestmark = pytest.mark.django_db

@pytest.fixture
def kb(built_home: Path, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    """The session's knowledge base, loaded once: the store caches it by path and reloads it
    only when the file changes, so (unlike conftest's ``kb``) the cache is not cleared."""
    monkeypatch.setenv("UNSTUCK_HOME", str(built_home))
    return get_knowledge_base()


@pytest.fixture
def client() -> Client:
    return Client()


def text_of(response) -> str:
    """The page's visible text, roughly: tags dropped, entities decoded, spaces collapsed."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


# -- without a knowledge base --------------------------------------------------------------------


@pytest.mark.django_db  # the home page reads where the person is
def test_home_works_before_any_data_is_installed(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Job title" in text
    assert "unstuck data install" in text
    assert "No occupational data is installed yet" in text
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize("url", ["/occupations/?q=nurse", f"/occupations/{NURSE}/"])
def test_pages_needing_data_explain_how_to_install_it(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 503
    text = text_of(response)
    assert "not installed yet" in text
    assert "unstuck data install" in text


def test_suggest_without_data_answers_in_json(client: Client) -> None:
    response = client.get("/occupations/suggest.json", {"q": "nurse"})
    assert response.status_code == 503
    assert "unstuck data install" in response.json()["error"]


# -- search ------------------------------------------------------------------------------------


def test_search_lists_the_librarys_matches_in_order(client: Client, kb: KnowledgeBase) -> None:
    response = client.get("/occupations/", {"q": "registered nurse"})
    assert response.status_code == 200
    body = response.content.decode()
    linked = re.findall(r'class="result-title"><a href="/occupations/([0-9.-]+)/"', body)
    expected = [m.code for m in kb.search("registered nurse", limit=20)]
    assert linked == expected
    assert linked[0] == NURSE
    assert "Registered Nurses" in text_of(response)


def test_search_says_which_title_matched(client: Client, kb: KnowledgeBase) -> None:
    matches = kb.search("bookkeeper", limit=20)
    via_other_title = [m for m in matches if m.matched.casefold() != m.title.casefold()]
    assert via_other_title, "expected 'bookkeeper' to match through an alternate title"
    text = text_of(client.get("/occupations/", {"q": "bookkeeper"}))
    first = via_other_title[0]
    assert f"{present.SOURCE_LABELS[first.source]} “{first.matched}”" in text


def test_search_for_an_exact_code_goes_to_the_profile(client: Client, kb: KnowledgeBase) -> None:
    response = client.get("/occupations/", {"q": f"  {NURSE} "})
    assert response.status_code == 302
    assert response["Location"] == f"/occupations/{NURSE}/"


def test_search_without_a_query_shows_the_form(client: Client, kb: KnowledgeBase) -> None:
    response = client.get("/occupations/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="q"' in body
    assert 'class="results"' not in body


def test_search_with_no_match_says_so(client: Client, kb: KnowledgeBase) -> None:
    query = "qqqq zzzz xxxx"
    if kb.search(query):
        pytest.skip("the title index matched even pure noise")
    text = text_of(client.get("/occupations/", {"q": query}))
    assert f"No occupation matched “{query}”" in text


def test_search_escapes_what_was_typed(client: Client, kb: KnowledgeBase) -> None:
    body = client.get("/occupations/", {"q": "<script>alert(1)</script> nurse"}).content.decode()
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)" in body


def test_suggest_returns_the_librarys_matches_as_json(client: Client, kb: KnowledgeBase) -> None:
    response = client.get("/occupations/suggest.json", {"q": "RN"})
    assert response.status_code == 200
    data = response.json()
    assert [r["code"] for r in data["results"]] == [m.code for m in kb.search("RN", limit=8)]
    assert data["results"][0]["url"] == f"/occupations/{data['results'][0]['code']}/"
    assert data["release"] == kb.release


# -- the profile -------------------------------------------------------------------------------


def test_profile_shows_the_occupation(client: Client, kb: KnowledgeBase) -> None:
    occ = kb.occupation(NURSE)
    assert occ is not None and occ.skills and occ.work_styles and occ.work_values
    response = client.get(f"/occupations/{NURSE}/")
    assert response.status_code == 200
    text = text_of(response)
    assert occ.title in text and occ.description and occ.description in text
    assert f"O*NET {kb.release}" in text
    assert occ.tasks[0].text in text
    assert occ.job_zone and f"Job Zone {occ.job_zone.zone} of 5" in text
    top_skill = occ.skills[0]
    assert top_skill.importance is not None and top_skill.level is not None
    assert f"{top_skill.name} Importance {top_skill.importance:.1f} of 5" in text
    assert f"Level {top_skill.level:.1f} of 7" in text
    assert all(r.name in text for r in occ.knowledge)
    assert f"{len(occ.skills) - 10} more skills" in text  # the rest, folded away
    assert occ.high_point_code and f"Interest code: {occ.high_point_code}" in text
    for interest in occ.interests:
        assert f"{interest.name} {interest.score:.1f} of 7" in text
    for value in occ.work_values:
        assert f"{value.name} {value.extent:.1f} of 7" in text
    assert f"{occ.work_styles[0].name} {occ.work_styles[0].importance:.1f} of 5" in text
    assert all(t.example in text for t in occ.hot_technologies)
    related = occ.related[0]
    assert f'href="/occupations/{related.code}/"' in response.content.decode()


def test_profile_shows_level_anchors_as_hints(client: Client, kb: KnowledgeBase) -> None:
    occ = kb.occupation(NURSE)
    assert occ is not None
    skill = occ.skills[0]
    anchors = kb.level_anchors(skill.element_id)
    assert anchors and skill.level is not None
    nearest = min(anchors, key=lambda a: abs(a.value - (skill.level or 0)))
    text = text_of(client.get(f"/occupations/{NURSE}/"))
    assert f"At level {nearest.value:.0f}, for example: {nearest.description}" in text


def test_profile_shows_typical_education(client: Client, kb: KnowledgeBase) -> None:
    occ = kb.occupation(NURSE)
    assert occ is not None and occ.education
    top = max(occ.education, key=lambda e: e.percent or 0)
    text = text_of(client.get(f"/occupations/{NURSE}/"))
    assert f"Most common education {top.label} ({top.percent:.0f}% of workers)" in text


def test_profile_shows_pay_and_outlook_or_says_they_are_not_loaded(
    client: Client, kb: KnowledgeBase
) -> None:
    occ = kb.occupation(NURSE)
    assert occ is not None
    text = text_of(client.get(f"/occupations/{NURSE}/"))
    if occ.wages is None:
        assert "Pay not loaded" in text
    else:
        assert present.per(occ.wages.annual_median, "a year") in text
        assert present.wage_range(occ.wages.annual_p10, occ.wages.annual_p90) in text
    if occ.outlook is None:
        assert "Outlook not loaded" in text
    else:
        assert "Projected growth" in text and occ.outlook.period in text


def test_missing_ratings_are_said_to_be_missing_not_zero(client: Client, kb: KnowledgeBase) -> None:
    # Some occupations have no skill ratings in this release: the page must say so.
    code = next(c for c in kb.codes() if not kb.ratings["skill"].get(c))
    text = text_of(client.get(f"/occupations/{code}/"))
    assert "Skill ratings not published for this occupation" in text
    assert "Work styles not published" in text
    assert " 0.0 of 7" not in text


def test_profiles_render_across_the_release(client: Client, kb: KnowledgeBase) -> None:
    # Every 25th occupation (about 40): odd data (no ratings, no job zone, one task) must render,
    # and no missing value may leak out as "None".
    for code in kb.codes()[::25]:
        response = client.get(f"/occupations/{code}/")
        assert response.status_code == 200, code
        text = text_of(response)
        assert kb.titles[code] in text
        assert not re.search(r"\bNone\b|\bnan\b", text), code


def test_unknown_code_is_a_404(client: Client, kb: KnowledgeBase) -> None:
    response = client.get("/occupations/99-9999.99/")
    assert response.status_code == 404
    text = text_of(response)
    assert "99-9999.99" in text
    assert "Job title" in text  # the search form, to get back on track


def test_a_url_that_is_not_a_code_is_a_404(client: Client, kb: KnowledgeBase) -> None:
    assert client.get("/occupations/nurse/").status_code == 404


@pytest.mark.django_db  # the home page reads where the person is
def test_every_page_carries_the_attribution_and_release(client: Client, kb: KnowledgeBase) -> None:
    attributions = kb.status().attributions  # O*NET's, and ESCO's and BLS's when installed
    assert attributions
    for url in ["/", "/occupations/?q=welder", f"/occupations/{NURSE}/", "/no-such-page/"]:
        response = client.get(url)
        text = text_of(response)
        assert all(a in text for a in attributions), url
        assert f"O*NET {kb.release}" in text, url
        assert 'href="https://creativecommons.org/licenses/by/4.0/"' in response.content.decode()


# -- the footer's summary and the presentation helpers ----------------------------------------


def test_summary_notices_a_new_install(built_home: Path, unstuck_home: Path) -> None:
    target = unstuck_home / "knowledge" / "knowledge.sqlite"
    assert installed.summary(target).installed is False
    target.parent.mkdir(parents=True)
    shutil.copy(built_home / "knowledge" / "knowledge.sqlite", target)
    found = installed.summary(target)
    assert found.installed and found.release == "29.0"
    assert [s.name for s in found.sources][0] == "onet"
    assert found.sources[0].licence_url == installed.CC_BY_4


def test_bar_keeps_missing_apart_from_zero() -> None:
    missing = present.Bar(None, *present.LEVEL)
    assert missing.text == "not published" and missing.percent is None and missing.missing
    zero = present.Bar(0.0, *present.LEVEL)
    assert zero.text == "0.0 of 7" and zero.percent == 0
    assert present.Bar(3.0, *present.IMPORTANCE).percent == 50
    assert present.Bar(55.9, *present.PERCENT).text == "56%"


def test_one_tag_draws_every_bar_beside_its_value() -> None:
    from unstuck.web.bars import bar_html

    assert bar_html(present.Bar(None, *present.LEVEL)) == (
        '<span class="bar bar-missing" aria-hidden="true"></span>\n'
        '<span class="bar-value missing">not published</span>'
    )
    capped = present.Bar(50.0, cap=0.4, words="2.0", digits=2, look="match")
    assert bar_html(capped) == (
        '<span class="component-track" aria-hidden="true"><span class="component-max" '
        'style="width: 40.0%"><span class="component-fill" style="width: 50.0%"></span></span>'
        '</span>\n<span class="component-value">2.0</span>'
    )
    shared = bar_html(present.Bar(75.0, words="75%", hidden=", on your resume", look="frequency"))
    assert '<rect class="fill" x="0" y="0" width="75" height="10"/>' in shared
    assert shared.endswith('75%<span class="visually-hidden">, on your resume</span></span>')
    assert "&lt;b&gt;" in bar_html(present.Bar(1.0, words="<b>"))  # words are escaped


def test_pay_that_is_not_published_says_so() -> None:
    assert present.per(None, "a year") == "not published"
    assert present.per(46.9, "an hour", cents=True) == "$46.90 an hour"
    assert present.wage_range(68940.0, 137470.0) == "$68,940 to $137,470"
    assert present.wage_range(None, None) == "not published"
    assert present.wage_range(150000.0, None) == "from $150,000 (90th percentile not published)"


def test_hourly_only_pay_is_shown_by_the_hour(kb: KnowledgeBase) -> None:
    wages = Wages("27-2099", "United States", "May 2025", None, None, None, None, None, 18.82,
                  16550.0, "BLS publishes hourly wages only")
    occ = Occupation(code="27-2099.00", title="Hourly", description=None, release=kb.release,
                     wages=wages)
    p = present.profile(occ, kb)
    assert {f.label: f.value for f in p.facts}["Median pay"] == "$18.82 an hour"
    assert p.wages is not None
    shown = {f.label: f.value for f in p.wages}
    assert shown["Median pay"] == "not published"
    assert shown["Pay range"] == "not published"
    assert shown["Note"] == "BLS publishes hourly wages only"


def test_profile_of_a_sparse_occupation(kb: KnowledgeBase) -> None:
    occ = Occupation(
        code="00-0000.00",
        title="Sparse",
        description=None,
        release=kb.release,
        skills=(
            Rating("2.A.1.a", "Reading Comprehension", 3.0, None),
            Rating("2.A.1.b", "Active Listening", 2.0, 1.5, suppressed=True),
            Rating("2.A.1.c", "Writing", 1.0, 0.2, not_relevant=True),
        ),
    )
    p = present.profile(occ, kb)
    assert [r.level.text for r in p.skills] == [
        "not published",
        "not published (too imprecise)",
        "not relevant to this occupation",
    ]
    assert all(r.hint is None for r in p.skills)
    facts = {f.label: f.value for f in p.facts}
    assert facts == {
        "Preparation": "not published",
        "Most common education": "not published",
        "Median pay": "not loaded",
        "Projected growth": "not loaded",
    }
    assert p.wages is None and p.outlook is None


@pytest.mark.django_db  # the home page reads where the person is
def test_home_leads_a_stuck_person_into_the_loop(client: Client) -> None:
    page = client.get("/").content.decode()
    for url in ("/profile/", "/paths/", "/plan/"):
        assert f'href="{url}"' in page
    assert "Feeling stuck at work?" in page and "Start here" in page
