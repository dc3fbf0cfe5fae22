"""The onboarding wizard and results page through Django's test client, on a real database
and the real knowledge base. Expected scores come from the core scoring the same answers."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest
from django.test import Client

from unstuck.app.profile import models, services, wizard
from unstuck.core.assess import Responses, get_instrument, score
from unstuck.core.profile import Location
from unstuck.knowledge.store import KnowledgeBase

pytestmark = pytest.mark.django_db
NURSE = "29-1141.00"
RUT = get_instrument("rut")
VALUES = get_instrument("values")
WB = get_instrument("wellbeing")


@pytest.fixture
def client() -> Client:
    return Client()


def text_of(response) -> str:
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def page_of(instrument, page: int, answers=None) -> list[str]:
    return [i.id for i in wizard.page_items(instrument, page, answers)]


def answer_all(client: Client, slug: str, answers: dict[str, int], ranking=None):
    """Go through every page of an assessment with the buttons, as a person would."""
    instrument = wizard.instrument_for(slug)
    response = None
    # the pages the answers lead to (a screen's answer is given before its follow-ups' page)
    total = wizard.pages(instrument, answers)
    for page in range(total):
        data = {"page": page, "action": "next"}
        data |= {k: v for k, v in answers.items() if k in page_of(instrument, page, answers)}
        if wizard.is_ranking_page(instrument, page, answers) and ranking:
            data |= {f"rank-{sid}": n for n, sid in enumerate(ranking, start=1)}
        if page == total - 1:
            data["action"] = "finish"
        response = client.post(f"/profile/assess/{slug}/", data)
    return response


def test_start_page_offers_to_start_then_to_continue(client: Client) -> None:
    text = text_of(client.get("/profile/"))
    assert "Start" in text and "Step 1 of 7" in text
    client.get("/profile/assess/rut/")  # only looking: nothing to continue yet
    assert "Continue" not in text_of(client.get("/profile/"))
    saved = client.post("/profile/assess/rut/save/", {"page": 0, "draft": "new",
                                                      RUT.items[0].id: 3})  # an answer given
    assert saved.status_code == 200
    text = text_of(client.get("/profile/"))
    assert "Continue: Rut check" in text


def test_about_finds_the_occupation_and_prefills_skills(client: Client, kb: KnowledgeBase) -> None:
    response = client.post("/profile/about/", {"title_query": "registered nurse", "action": "find",
                                                "risk_tolerance": "medium"})
    body = response.content.decode()
    assert f'value="{NURSE}"' in body
    states = kb.area_wages.sorted_areas("state")
    assert states, "the test knowledge base has BLS state wages"
    state = states[0]
    assert f'<option value="{state.code}">{state.name}</option>' in body
    response = client.post(
        "/profile/about/",
        {"title_query": "registered nurse", "occupation_choice": NURSE, "action": "next",
         "years_in_occupation": "6", "education": "6", "min_pay": "60000",
         "hours_per_week": "5", "risk_tolerance": "low", "savings": "9000",
         "monthly_expenses": "3000", "location": state.code},
    )
    assert response.status_code == 302 and response["Location"] == "/profile/assess/wellbeing/"
    profile = services.to_core(services.get_profile())
    occ = kb.occupation(NURSE)
    assert profile.occupation_code == NURSE and profile.occupation_title == occ.title
    assert profile.years_in_occupation == 6 and profile.education == 6
    assert profile.constraints.runway_months == 3.0
    assert profile.constraints.risk_tolerance == "low"
    assert profile.constraints.location == Location("state", state.code, state.name)
    typical = {r.element_id: r.level for r in (*occ.skills, *occ.knowledge) if r.level is not None}
    assert profile.ratings and all(r.level == typical[r.element_id] for r in profile.ratings)
    assert len(profile.skills()) == services.PREFILL_SKILLS
    assert services.get_profile().step_status["about"] == "done"


def test_save_without_find_keeps_the_title_saves_the_rest_and_says_why(
    client: Client, kb: KnowledgeBase
) -> None:
    response = client.post(
        "/profile/about/",
        {"title_query": "registered nurse", "action": "next", "hours_per_week": "6",
         "learning_budget": "900", "risk_tolerance": "low"},
    )  # fmt: skip
    assert response.status_code == 200, "no occupation chosen yet: the page stays"
    body = response.content.decode()
    assert "Your other answers are saved" in text_of(response)
    assert "registered nurse" in text_of(response)  # the notice names the title typed
    assert 'value="registered nurse"' in body, "the title typed is kept in its field"
    assert f'value="{NURSE}"' in body, "the matches to choose from are shown"
    saved = services.to_core(services.get_profile())
    assert saved.constraints.hours_per_week == 6 and saved.constraints.learning_budget == 900
    assert saved.occupation_code is None


def test_about_rejects_bad_numbers(client: Client) -> None:
    data = {"hours_per_week": "500", "min_pay": "-3", "risk_tolerance": "medium", "action": "next"}
    response = client.post("/profile/about/", data)
    assert response.status_code == 200  # re-shown with the form's own errors
    text = text_of(response)
    assert "less than or equal to 168" in text and "greater than or equal to 0" in text
    assert services.get_profile().hours_per_week is None


def test_pages_save_as_you_go_and_resume(client: Client) -> None:
    first = page_of(RUT, 0)
    response = client.get("/profile/assess/rut/")
    assert response.status_code == 200
    body = response.content.decode()
    assert all(f'name="{i}"' in body for i in first)
    assert "Page 1 of 5" in text_of(response)
    response = client.post("/profile/assess/rut/", {"page": 0, "action": "next",
                                                    first[0]: 4, first[1]: 2})
    assert response.status_code == 302 and response["Location"].endswith("?page=1")
    # Autosave on page 2, then "close the tab": a fresh visit resumes on page 2 with answers.
    second = page_of(RUT, 1)
    draft = models.Draft.objects.get(family="rut-check")
    saved = client.post("/profile/assess/rut/save/", {"page": 1, second[0]: 5, "draft": draft.pk})
    assert saved.json() == {"saved": 1, "answered": 3, "page": 1, "draft": draft.pk}
    body = client.get("/profile/assess/rut/").content.decode()
    assert "Page 2 of 5" in text_of_body(body)
    assert re.search(rf'name="{re.escape(second[0])}"[^>]*value="5" checked', body)
    draft = models.Draft.objects.get(family="rut-check")
    assert draft.answers == {first[0]: 4, first[1]: 2, second[0]: 5}
    # Back to page 1 keeps what was answered there.
    body = client.get("/profile/assess/rut/?page=0").content.decode()
    assert re.search(rf'name="{re.escape(first[0])}"[^>]*value="4" checked', body)


def text_of_body(body: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_autosave_rejects_out_of_range_and_stores_nothing(client: Client) -> None:
    item = page_of(RUT, 0)[0]
    response = client.post("/profile/assess/rut/save/", {"page": 0, item: 9})
    assert response.status_code == 400
    assert response.json()["problems"][0]["where"] == item
    assert not models.Draft.objects.exists()


def test_finishing_too_early_is_refused_and_nothing_stored(client: Client) -> None:
    last = wizard.pages(RUT) - 1
    response = client.post("/profile/assess/rut/", {"page": last, "action": "finish",
                                                    page_of(RUT, last)[0]: 3})
    assert response.status_code == 400
    assert "at least 25" in text_of(response)
    assert not models.AssessmentResult.objects.exists()


def rut_answers(levels: dict[str, int]) -> dict[str, int]:
    out = {}
    for item in RUT.items:
        k = levels.get(item.subscale, 3)
        out[item.id] = 6 - k if item.reverse else k
    return out


def test_the_rut_check_is_shorter_when_its_screens_rule_causes_out(client: Client) -> None:
    full = rut_answers({"cause.pay": 5, "signs": 4, "toll": 4, "growth": 2} | {
        c: 2 for c in ("cause.challenge", "cause.advancement", "cause.values",
                       "cause.environment", "cause.balance", "cause.recognition")
    })  # fmt: skip
    screens = {k: v for k, v in full.items() if RUT.item(k).asked_if is None}
    asked = {i.id: full[i.id] for i in RUT.asked(screens)}
    assert len(asked) == 23 and wizard.pages(RUT, asked) == 4 < wizard.pages(RUT)
    # Page 2 holds the screens alone: a follow-up never shares a page with its screen.
    assert all(RUT.item(i).asked_if is None for i in page_of(RUT, 1, asked))
    response = answer_all(client, "rut", asked)
    assert response.status_code == 302, text_of(response)
    record = models.AssessmentResult.objects.get()
    assert set(record.answers) == set(asked)
    page = text_of(client.get("/profile/results/"))
    assert "Pay" in page


def test_completed_rut_check_is_stored_and_shown_with_its_answers(client: Client) -> None:
    answers = rut_answers({"cause.pay": 5, "cause.values": 4, "signs": 4, "toll": 2})
    response = answer_all(client, "rut", answers)
    assert response.status_code == 302 and response["Location"] == "/profile/assess/interests/"
    record = models.AssessmentResult.objects.get()
    assert record.instrument_id == "rut-check/1" and record.answers == answers
    assert not models.Draft.objects.exists()
    expected = score(Responses(RUT.id, answers))
    response = client.get("/profile/results/")
    text = text_of(response)
    assert f"{expected.severity.score:.0f} of 100: {expected.severity.band.name}" in text
    assert "Based on 35 of 35 answers · taken 1 time, last on" in text
    body = response.content.decode()
    causes = re.findall(r'data-cause="([^"]+)"', body)
    assert causes == [c.subscale_id for c in expected.causes]
    # The drivers of the top cause are on the page, with the answer given.
    top = expected.causes[0]
    for d in top.drivers:
        assert d.text in text
    data = json.loads(re.search(r'id="results-data"[^>]*>(.*?)</script>', body, re.S).group(1))
    assert data["severity"] == round(expected.severity.score)
    assert sum(data["strategy_mix"].values()) == 100
    # The JSON endpoint traces every score to its items.
    full = client.get("/profile/results.json").json()
    rut = full["assessments"]["rut-check"]["result"]
    assert rut["root_causes"][0]["id"] == top.subscale_id
    assert {a["item"] for a in rut["root_causes"][0]["driven_by"]} == {
        d.item_id for d in top.drivers
    }


def test_retaking_shows_the_change_since_last_time(client: Client) -> None:
    first = answer_all(client, "rut", rut_answers({"signs": 5, "toll": 5}))
    assert first["Location"] == "/profile/assess/interests/"
    again = answer_all(client, "rut", rut_answers({"signs": 2, "toll": 2}))
    assert again["Location"] == "/profile/results/#rut"
    assert models.AssessmentResult.objects.filter(family="rut-check").count() == 2
    text = text_of(client.get("/profile/results/"))
    assert "Since last time" in text
    assert re.search(r"Severity: \d+ → \d+ \(-\d+, better\)", text)


def test_heavy_toll_shows_care_and_help(client: Client) -> None:
    answer_all(client, "rut", rut_answers({"toll": 5}))
    text = text_of(client.get("/profile/results/"))
    assert "Looking after yourself" in text and "does not diagnose" in text
    assert "988" in text


def test_values_ranking_validated_then_stored(client: Client) -> None:
    answers = {i.id: 4 for i in VALUES.items}
    last = wizard.pages(VALUES) - 1
    for page in range(last):
        client.post("/profile/assess/values/", {"page": page, "action": "next"} | {
            k: v for k, v in answers.items() if k in page_of(VALUES, page)})
    first, second, *_ = VALUES.ranking_of
    bad = {f"rank-{first}": 2, f"rank-{second}": 2}
    response = client.post("/profile/assess/values/", {"page": last, "action": "finish"} | bad)
    text = text_of(response)
    names = [VALUES.subscale(first).name, VALUES.subscale(second).name]
    assert response.status_code == 400
    assert f"{names[0]} and {names[1]} both have place 2" in text, "it names the duplicate"
    body = response.content.decode()
    assert body.count('value="2" selected') == 2, "what was entered is kept"
    assert not models.AssessmentResult.objects.exists()
    order = list(reversed(VALUES.ranking_of))
    good = {f"rank-{sid}": n for n, sid in enumerate(order, start=1)}
    response = client.post("/profile/assess/values/", {"page": last, "action": "finish"} | good)
    assert response.status_code == 302
    record = models.AssessmentResult.objects.get()
    assert record.ranking == order
    text = text_of(client.get("/profile/results/"))
    assert "Most important: Independence, Support, Relationships" in text


def test_a_partial_values_ranking_is_accepted(client: Client) -> None:
    answers = {i.id: 4 for i in VALUES.items}
    last = wizard.pages(VALUES) - 1
    for page in range(last):
        client.post("/profile/assess/values/", {"page": page, "action": "next"} | {
            k: v for k, v in answers.items() if k in page_of(VALUES, page)})
    top = VALUES.ranking_of[-1]
    response = client.post(
        "/profile/assess/values/", {"page": last, "action": "finish", f"rank-{top}": 1}
    )
    assert response.status_code == 302, text_of(response)
    assert models.AssessmentResult.objects.get().ranking == [top]


def test_skip_marks_the_step_and_moves_on(client: Client) -> None:
    response = client.post("/profile/assess/interests/", {"page": 0, "action": "skip"})
    assert response.status_code == 302 and response["Location"] == "/profile/assess/values/"
    assert services.get_profile().step_status == {"interests": "skipped"}
    assert "Interests (skipped)" in text_of(client.get("/profile/"))


def test_skills_step_adjusts_levels_and_checks_technology(
    client: Client, kb: KnowledgeBase
) -> None:
    services.set_occupation(kb, NURSE)
    profile = services.to_core(services.get_profile())
    first = profile.ratings[0]
    response = client.get("/profile/skills/")
    text = text_of(response)
    assert f"People in your job are typically at {first.typical:.1f} on {first.name}" in text
    levels = {f"level-{r.element_id}": r.level for r in profile.ratings}
    bad = levels | {f"level-{first.element_id}": "9", "other_technology": "Quantum Frobnicator"}
    response = client.post("/profile/skills/", bad)
    assert response.status_code == 400
    text = text_of(response)
    assert "Enter a level from 0 to 7" in text and "not in O*NET's technology list" in text
    assert services.to_core(services.get_profile()).levels()[first.element_id] == first.level
    tech = kb.occupation(NURSE).technology[0].example
    good = levels | {f"level-{first.element_id}": "6.5", "technology": [tech]}
    response = client.post("/profile/skills/", good)
    assert response.status_code == 302 and response["Location"] == "/profile/results/"
    saved = services.to_core(services.get_profile())
    assert saved.levels()[first.element_id] == 6.5 and saved.technology == (tech,)
    assert saved.ratings[0].typical == first.typical


def test_unknown_assessment_is_404(client: Client) -> None:
    assert client.get("/profile/assess/personality/").status_code == 404


def test_strategy_mix_is_adjusted_for_constraints(client: Client) -> None:
    from unstuck.core.profile import Constraints, Profile

    services.save_profile(Profile(constraints=Constraints(savings=3000, monthly_expenses=3000)))
    answer_all(client, "rut", rut_answers({"cause.values": 5, "cause.pay": 5}))
    text = text_of(client.get("/profile/results/"))
    assert "adjusted for what you told us about money, risk and retraining" in text
    assert "Your savings cover about 1.0 months of expenses" in text
    data = client.get("/profile/results.json").json()["assessments"]["rut-check"]["result"]
    plain = {s["id"]: s["share"] for s in data["strategy_mix"]}
    adjusted = {s["id"]: s["share"] for s in data["strategy_mix_with_constraints"]}
    assert adjusted["exit_plan"] > plain["exit_plan"]
    assert sum(adjusted.values()) == 100


def test_interests_and_values_compared_with_the_current_job(
    client: Client, kb: KnowledgeBase
) -> None:
    from unstuck.core.assess.interests import fit_words, interest_fit

    services.set_occupation(kb, NURSE)
    interests = get_instrument("interests")
    answers = {i.id: (5 if i.subscale == "S" else 4 if i.subscale == "I" else 2)
               for i in interests.items}
    answer_all(client, "interests", answers)
    answer_all(client, "values", {i.id: 4 for i in VALUES.items}, list(VALUES.ranking_of))
    occ = kb.occupation(NURSE)
    mine = score(Responses(interests.id, answers)).oi_profile()
    expected = interest_fit(mine, {i.element_id: i.score for i in occ.interests})
    text = text_of(client.get("/profile/results/"))
    assert f"Your interests are {fit_words(expected)} for {occ.title}" in text
    assert f"correlate at {round(expected, 2)}" in text
    achievement = next(v for v in occ.work_values if v.name == "Achievement")
    assert f"Achievement {round(1 + 6 * (0.6 * 0.75 + 0.4), 1)} {round(achievement.extent, 1)}" in (
        text
    )


def test_without_knowledge_base_the_wizard_still_works(client: Client) -> None:
    text = text_of(client.get("/profile/results/"))
    assert "No questionnaire is finished yet" in text
    text = text_of(client.get("/profile/about/"))
    assert "The occupational data is not installed yet" in text
    response = client.post("/profile/about/", {"years_in_occupation": "2", "action": "next",
                                               "risk_tolerance": "high"})
    assert response.status_code == 302
    assert services.get_profile().risk_tolerance == "high"
    assert "Choose your current job" in text_of(client.get("/profile/skills/"))


def test_result_from_an_unknown_version_is_explained_not_an_error(client: Client) -> None:
    done = services.submit(Responses(WB.id, {i.id: 3 for i in WB.items}))
    models.AssessmentResult.objects.filter(pk=done.record.pk).update(instrument_id="wellbeing/0")
    response = client.get("/profile/results/")
    assert response.status_code == 200
    assert "(wellbeing/0)" in text_of(response) and "Take it again" in text_of(response)
    data = client.get("/profile/results.json").json()["assessments"]["wellbeing"]
    assert data["instrument"] == "wellbeing/0" and "not known" in data["note"]


def test_weekly_wellbeing_check_ins_are_listed(client: Client) -> None:
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now() - timedelta(days=14)
    for week, level in enumerate((2, 3, 4)):
        answers = {i.id: (6 - level if i.reverse else level) for i in WB.items}
        services.submit(Responses(WB.id, answers), when=start + timedelta(days=7 * week))
    text = text_of(client.get("/profile/results/"))
    assert "Your check-ins" in text
    dates = [f"{(start + timedelta(days=7 * w)):%-d %b %Y}" for w in range(3)]
    assert re.search(rf"{dates[0]} 25 {dates[1]} 50 {dates[2]} 75", text)


def test_a_late_autosave_does_not_bring_back_a_finished_draft(client: Client) -> None:
    body = client.get("/profile/assess/wellbeing/").content.decode()
    assert 'name="draft" value="new"' in body
    first = client.post("/profile/assess/wellbeing/save/", {"page": 0, "wb.energy": 4,
                                                            "draft": "new"}).json()
    token = first["draft"]
    answers = {i.id: 4 for i in WB.items}
    done = client.post("/profile/assess/wellbeing/", {"page": 0, "action": "finish"} | answers)
    assert done.status_code == 302 and models.AssessmentResult.objects.count() == 1
    late = client.post("/profile/assess/wellbeing/save/", {"page": 0, "wb.mood": 2,
                                                           "draft": token})
    assert late.status_code == 409 and late.json()["stale"] is True
    assert not models.Draft.objects.exists()


def test_credentials_are_kept_and_survive_a_change_of_occupation(
    client: Client, kb: KnowledgeBase
) -> None:
    response = client.post(
        "/profile/about/",
        {"title_query": "registered nurse", "occupation_choice": NURSE, "action": "next",
         "credentials": "RN, Ohio\n  BLS (CPR)  \n\nRN, Ohio", "risk_tolerance": "medium"},
    )
    assert response.status_code == 302
    assert services.to_core(services.get_profile()).credentials == ("RN, Ohio", "BLS (CPR)")
    services.set_occupation(kb, "29-1171.00")
    assert services.to_core(services.get_profile()).credentials == ("RN, Ohio", "BLS (CPR)")
    page = client.get("/profile/about/").content.decode()
    assert "RN, Ohio\nBLS (CPR)" in html.unescape(page)
    response = client.post(
        "/profile/about/",
        {"title_query": "", "action": "next", "risk_tolerance": "medium",
         "credentials": "x" * 201},
    )
    assert "longer than 200 characters; shorten it" in html.unescape(response.content.decode())
    assert services.to_core(services.get_profile()).credentials == ("RN, Ohio", "BLS (CPR)")


def test_an_unrated_occupation_prefills_from_its_closest_rated_one_named(
    client: Client, kb: KnowledgeBase
) -> None:
    developer = "15-1252.00"  # O*NET 29.0 publishes no skill ratings for it
    assert not kb.occupation(developer).skills
    services.set_occupation(kb, developer)
    stand_in = services.rating_stand_in(kb, developer)
    assert stand_in is not None
    profile = services.to_core(services.get_profile())
    assert profile.ratings, "the skills step has levels to start from"
    page = html.unescape(client.get("/profile/skills/").content.decode())
    assert "O*NET publishes no skill or knowledge ratings for Software Developers" in page
    assert f"{kb.titles[stand_in]}, the closest rated occupation" in page


def test_the_skills_step_adds_any_element_and_keeps_credentials(
    client: Client, kb: KnowledgeBase
) -> None:
    services.set_occupation(kb, NURSE)
    core = services.to_core(services.get_profile())
    services.save_profile(replace(core, credentials=("RN, Ohio",)))
    rated = {r.element_id for r in core.ratings}
    programming = next(
        r.element_id for r in kb.occupation("15-1251.00").skills if r.name == "Programming"
    )
    assert programming not in rated
    form = {f"level-{r.element_id}": str(r.level) for r in core.ratings}
    response = client.post(
        "/profile/skills/", {**form, "action": "add", "add_element": programming, "add_level": "4"}
    )
    assert response.status_code == 302 and response["Location"].endswith("/profile/skills/#added")
    after = services.to_core(services.get_profile())
    assert after.levels()[programming] == 4.0 and after.credentials == ("RN, Ohio",)
    # a level outside the scale is refused and nothing is added
    response = client.post(
        "/profile/skills/", {**form, "action": "add", "add_element": "2.C.7.c", "add_level": "9"}
    )
    assert "from 0 to 7" in html.unescape(response.content.decode())
    assert "2.C.7.c" not in services.to_core(services.get_profile()).levels()


def test_each_step_says_about_how_long_it_takes(client: Client) -> None:
    text = text_of(client.get("/profile/"))
    rut = wizard.minutes("rut")
    assert rut == -(-len(wizard.instrument_for("rut").items) * wizard.SECONDS_PER_ITEM // 60)
    assert f"Rut check (about {rut} min)" in text
    total = sum(wizard.minutes(s.slug) for s in wizard.STEPS[:-1])
    assert f"about {total} minutes left in all" in text


def test_technology_suggests_the_nearest_name_and_added_ones_can_be_removed(
    client: Client, kb: KnowledgeBase
) -> None:
    services.set_occupation(kb, NURSE)
    profile = services.to_core(services.get_profile())
    levels = {f"level-{r.element_id}": f"{r.level:g}" for r in profile.ratings}
    response = client.post("/profile/skills/", levels | {"other_technology": "Canvas LMS"})
    assert response.status_code == 400
    text = text_of(response)
    assert "Did you mean" in text and "Instructure Canvas" in text, text[:2000]
    body = response.content.decode()
    assert 'value="Instructure Canvas"' in body, "offered to tick"
    response = client.post(
        "/profile/skills/", levels | {"technology": ["Instructure Canvas"], "action": "next"}
    )
    assert response.status_code == 302
    assert "Instructure Canvas" in services.to_core(services.get_profile()).technology
    body = client.get("/profile/skills/").content.decode()
    assert 'value="Instructure Canvas" checked' in body, "shown ticked, so it can be unticked"
    client.post("/profile/skills/", levels | {"action": "next"})  # unticked
    assert "Instructure Canvas" not in services.to_core(services.get_profile()).technology


def test_levels_are_choices_in_words_and_an_unchanged_level_stays_exact(
    client: Client, kb: KnowledgeBase
) -> None:
    services.set_occupation(kb, NURSE)
    profile = services.to_core(services.get_profile())
    off_grid = next((r for r in profile.ratings if abs(r.level * 2 - round(r.level * 2)) > 1e-6),
                    None)  # fmt: skip
    body = client.get("/profile/skills/").content.decode()
    assert "(typical for your job)" in body
    if kb.level_anchors(profile.ratings[0].element_id):
        assert any(
            f": {a.description}" in body for a in kb.level_anchors(profile.ratings[0].element_id)
        ), "O*NET's anchors name the levels"
    if off_grid is not None:
        assert f'<option value="{off_grid.level:g}" selected>' in body


def test_current_pay_is_entered_and_pay_changes_are_shown_against_it(
    client: Client, kb: KnowledgeBase
) -> None:
    from unstuck.app.paths import services as paths_services
    from unstuck.core.paths import score
    from unstuck.core.paths.explain import explain
    from unstuck.knowledge.matrices import occupation_data

    services.set_occupation(kb, NURSE)
    response = client.post(
        "/profile/about/",
        {"occupation_code": NURSE, "action": "next", "current_pay": "50000",
         "risk_tolerance": "medium"},
    )  # fmt: skip
    assert response.status_code == 302, text_of(response)
    assert services.to_core(services.get_profile()).constraints.current_pay == 50000
    person = paths_services.saved_person(kb)
    assert person.current_pay == 50000
    rec = explain(score(occupation_data(kb), person), "29-1171.00")
    assert rec.pay.current == 50000 and rec.pay.target is not None
    assert rec.pay.change_percent == pytest.approx(100 * (rec.pay.target - 50000) / 50000)


def test_steps_a_resume_answered_are_to_check_not_to_fill(client: Client) -> None:
    text = text_of(client.get("/profile/"))
    assert "Import it first" in text  # no resume yet: offered before the first step
    wizard.from_resume(services.get_profile())
    text = text_of(client.get("/profile/"))
    assert "About you (from your resume)" in text and "Skills (from your resume)" in text
    assert "Continue: About you" in text or "Start" in text
    about = text_of(client.get("/profile/about/"))
    assert "filled in from your resume. Check them" in about
    # saving the checked page finishes the step as any other
    wizard.mark(services.get_profile(), "about", "done")
    assert wizard.status(services.get_profile(), "about") == "done"
    assert wizard.status(services.get_profile(), "skills") == wizard.FROM_RESUME
