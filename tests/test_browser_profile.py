"""The onboarding wizard in Chromium against the running app, end to end, with axe-core on every
kind of page: about you -> wellbeing -> rut check -> interests -> values -> skills -> results,
including resuming a half-finished questionnaire after a reload and from the start page.

Expected scores come from the core scoring the same answers the test gives in the browser.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from live import assert_accessible
from unstuck.app.profile import wizard
from unstuck.core.assess import Responses, get_instrument, score

pytestmark = pytest.mark.browser

RUT = get_instrument("rut")
INTERESTS = get_instrument("interests")
VALUES = get_instrument("values")
WB = get_instrument("wellbeing")
NURSE = "29-1141.00"


def rut_answers() -> dict[str, int]:
    levels = {"cause.pay": 5, "cause.environment": 4, "toll": 4, "signs": 4, "growth": 2}
    out = {}
    for item in RUT.items:
        k = levels.get(item.subscale, 2)
        out[item.id] = 6 - k if item.reverse else k
    return out


def as_asked(instrument: Any, answers: dict[str, int]) -> dict[str, int]:
    """The answers a person gives: none to the follow-ups their screening answers rule out."""
    screens = {k: v for k, v in answers.items() if instrument.item(k).asked_if is None}
    asked = {i.id for i in instrument.asked(screens)}
    return {k: v for k, v in answers.items() if k in asked}


def answer_page(page: Any, instrument: Any, number: int, answers: dict[str, int]) -> None:
    for item in wizard.page_items(instrument, number, answers):
        if item.id in answers:
            page.check(f'input[name="{item.id}"][value="{answers[item.id]}"]')


def submit(page: Any, button: str) -> None:
    """Press a form button and wait for the page it leads to (not just the current one)."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def go_through(page: Any, instrument: Any, answers: dict[str, int], first: int = 0) -> None:
    total = wizard.pages(instrument, answers)
    for number in range(first, total):
        # the count of pages follows the answers given so far; the last page knows them all
        status = page.locator(".page-status").inner_text()
        assert f"Page {number + 1} of " in status, status
        if number == total - 1:
            assert f"Page {total} of {total}" in status, status
        answer_page(page, instrument, number, answers)
        if wizard.is_ranking_page(instrument, number, answers):
            for place, sid in enumerate(reversed(instrument.ranking_of), start=1):
                page.select_option(f"#rank-{sid}", str(place))
        button = "Finish and go on to" if number == total - 1 else "Next"
        submit(page, button)
        errors = page.locator(".error-summary")
        assert not errors.count(), errors.inner_text()


def test_wizard_end_to_end_with_resume(page: Any, live_app: str, kb: Any) -> None:
    page.goto(live_app + "/profile/")
    assert_accessible(page, "the wizard's start page")
    page.get_by_role("link", name=re.compile(r"^(Start|Continue)")).click()

    # About you: find the job by title, pick it, add constraints.
    page.wait_for_url("**/profile/about/")
    page.get_by_label("Your current job title").fill("registred nurse")
    submit(page, "Find")
    page.check(f'input[name="occupation_choice"][value="{NURSE}"]')
    page.get_by_label("Years in this kind of work").fill("7")
    page.get_by_label("Highest education completed").select_option("6")
    page.get_by_label("Hours a week you can spend on making a change").fill("6")
    page.get_by_label("Medium — some risk is fine if the plan is sound").check()
    assert_accessible(page, "about you")
    submit(page, "Save and continue")

    # Wellbeing: a hard week, answered with the keyboard for the first question.
    page.wait_for_url("**/profile/assess/wellbeing/**")
    assert "Step 2 of 7" in page.locator(".wizard-progress").inner_text()
    assert_accessible(page, "a questionnaire page")
    first = page.locator('input[name="wb.energy"]').first
    first.focus()
    page.keyboard.press("ArrowRight")  # radios move and select with the arrow keys
    assert page.locator('input[name="wb.energy"][value="2"]').is_checked()
    wb = {"wb.energy": 2, "wb.stress": 4, "wb.sleep": 2, "wb.mood": 2, "wb.satisfaction": 2}
    go_through(page, WB, wb)

    # Rut check: page 1, Next, part of page 2, then reload: nothing is lost.
    page.wait_for_url("**/profile/assess/rut/**")
    answers = as_asked(RUT, rut_answers())
    assert len(answers) < len(RUT.items)  # some causes are ruled out by their screens
    answer_page(page, RUT, 0, answers)
    submit(page, "Next")
    page.wait_for_url("**/profile/assess/rut/?page=1")
    partial = [i.id for i in wizard.page_items(RUT, 1, answers)][:3]
    for item_id in partial:
        with page.expect_response(lambda r: r.url.endswith("/save/")):
            page.check(f'input[name="{item_id}"][value="{answers[item_id]}"]')
    page.wait_for_function(
        "() => document.querySelector('[data-save-status]').textContent.includes('Saved')"
    )
    page.reload()
    # The pages follow the answers: the causes disagreed with so far are not followed up.
    so_far = {i.id: answers[i.id] for i in wizard.page_items(RUT, 0, answers)}
    so_far |= {i: answers[i] for i in partial}
    of = wizard.pages(RUT, so_far)
    assert of < 5 + 1 and len(RUT.asked(so_far)) < len(RUT.items)
    assert f"Page 2 of {of}" in page.locator(".page-status").inner_text()
    for item_id in partial:
        assert page.locator(f'input[name="{item_id}"][value="{answers[item_id]}"]').is_checked()
    asked = len(RUT.asked(so_far))
    assert f"10 of {asked} questions answered" in page.locator(".page-status").inner_text()

    # Close the tab and come back through the start page: "Continue" resumes on page 2.
    page.goto(live_app + "/profile/")
    with page.expect_navigation():
        page.get_by_role("link", name="Continue: Rut check").click()
    assert f"Page 2 of {of}" in page.locator(".page-status").inner_text()
    assert page.locator(f'input[name="{partial[0]}"][value="{answers[partial[0]]}"]').is_checked()

    # Back goes to page 1 with its answers; then finish the rut check.
    submit(page, "Back")
    page.wait_for_url("**/profile/assess/rut/?page=0")
    first_item = RUT.items[0].id
    assert page.locator(f'input[name="{first_item}"][value="{answers[first_item]}"]').is_checked()
    go_through(page, RUT, answers)

    # Interests and values.
    page.wait_for_url("**/profile/assess/interests/**")
    interests = {i.id: (5 if i.subscale in "SI" else 4 if i.subscale == "A" else 2)
                 for i in INTERESTS.items}
    go_through(page, INTERESTS, interests)
    page.wait_for_url("**/profile/assess/values/**")
    values = {i.id: 4 for i in VALUES.items}
    go_through(page, VALUES, values)

    # Skills: prefilled from the occupation, one moved.
    page.wait_for_url("**/profile/skills/")
    occ = kb.occupation(NURSE)
    assert f"These are the skills and knowledge that matter most for {occ.title}" in (
        page.get_by_role("main").inner_text()
    )
    level = page.locator('select[name^="level-"]').first
    assert float(level.input_value()) >= 0
    level.select_option("6.5")
    assert_accessible(page, "the skills step")
    submit(page, "Save and see results")

    # Results: every number matches the core, and is traceable.
    page.wait_for_url("**/profile/results/")
    assert_accessible(page, "the results page")
    main = page.get_by_role("main").inner_text()
    rut = score(Responses(RUT.id, answers))
    assert f"{rut.severity.score:.0f} of 100: {rut.severity.band.name}" in main
    causes = page.locator("[data-cause]").evaluate_all("els => els.map(e => e.dataset.cause)")
    assert causes == [c.subscale_id for c in rut.causes]
    assert causes[:2] == ["cause.pay", "cause.environment"]
    top = page.locator("[data-cause]").first
    top.locator("summary").click()
    for driver in rut.causes[0].drivers:
        assert driver.text in top.inner_text()
    code = score(Responses(INTERESTS.id, interests)).code
    assert page.locator('[data-score="riasec-code"]').inner_text() == code
    assert "Looking after yourself" in main and "does not diagnose" in main
    assert "Most important: Independence, Support, Relationships" in main
    data = json.loads(page.locator("#results-data").inner_text())
    assert data["severity"] == round(rut.severity.score)
    assert data["wellbeing"] == round(score(Responses(WB.id, wb)).score)
    assert "6.5" in page.locator("#skills").inner_text()
    steps = page.locator(".wizard-step .step-status").all_inner_texts()
    assert steps.count("(done)") == 6


def test_questionnaire_at_phone_width(phone_page: Any, live_app: str) -> None:
    page = phone_page
    page.goto(live_app + "/profile/assess/interests/?page=0")
    assert_accessible(page, "a questionnaire page at 360 px")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways at 360 px ({width} px wide)"
    radio = page.locator('input[type="radio"]').first
    box = radio.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.goto(live_app + "/profile/results/")
    assert_accessible(page, "the results page at 360 px")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_refused_finish_moves_focus_to_the_problem(page: Any, live_app: str) -> None:
    page.goto(live_app + "/profile/assess/wellbeing/?page=0")
    page.check('input[name="wb.energy"][value="3"]')
    submit(page, "Finish and go on to")
    summary = page.locator("#error-summary")
    assert summary.count(), page.url + "\n" + page.locator("main").inner_text()[:1500]
    assert "at least 4" in summary.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    # What was answered is still there, and the rest can be added.
    assert page.locator('input[name="wb.energy"][value="3"]').is_checked()
    assert_accessible(page, "a questionnaire page with an error")
