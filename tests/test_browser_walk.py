"""A tired person's walk, by keyboard only, from the home page to the report (issue 17).

The browser opens the home page once; after that every step is reached by a link or button on
the page before (focus, then Enter or Space: no mouse, no address bar). axe-core checks every
page on the way at desktop width, and the same pages are then checked at 360 px for serious
violations and sideways scrolling.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from live import assert_accessible

pytestmark = pytest.mark.browser

NURSE = "29-1141.00"


def enter(page: Any, locator: Any) -> None:
    """Focus a link or button and press Enter, waiting for the page it leads to."""
    locator.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def next_step(page: Any) -> Any:
    return page.get_by_role("navigation", name="Next step").get_by_role("link")


def test_home_to_report_by_keyboard_only(page: Any, phone_page: Any, live_app: str) -> None:
    visited: list[str] = []

    def arrive(what: str) -> None:
        visited.append(page.url)
        assert_accessible(page, what)

    page.goto(live_app + "/")
    arrive("home")
    enter(page, page.get_by_role("link", name="Start here"))
    arrive("the profile's start")
    enter(page, page.get_by_role("link", name="Start", exact=True))

    # About you: the title, Find, the first match, hours; all by keyboard.
    title = page.get_by_label("Your current job title")
    title.focus()
    page.keyboard.type("registered nurse")
    enter(page, page.get_by_role("button", name="Find"))
    choice = page.locator(f'input[name="occupation_choice"][value="{NURSE}"]')
    choice.focus()
    page.keyboard.press("Space")
    hours = page.get_by_label("Hours a week you can spend on making a change")
    hours.focus()
    page.keyboard.type("6")
    arrive("about you")
    enter(page, page.get_by_role("button", name="Save and continue"))

    # The questionnaires: a tired person may skip them; the paths still work on the rest.
    for _ in range(4):
        arrive(f"questionnaire at {page.url}")
        enter(page, page.get_by_role("button", name="Skip this questionnaire"))
    arrive("skills")
    enter(page, page.get_by_role("button", name="Save and see results"))
    arrive("results")

    # Results -> paths -> shortlist -> plan, each by the page's own next step.
    enter(page, next_step(page))
    assert "/paths/" in page.url
    arrive("career paths")
    add = page.get_by_role("button", name=re.compile(r"^Add .+ to shortlist$")).first
    target = re.match(r"Add (.+) to shortlist", add.inner_text()).group(1)
    enter(page, add)
    assert "Added to" in page.locator(".confirm").first.inner_text(), "confirmed in place"
    enter(page, next_step(page))
    assert target in page.get_by_role("main").inner_text()
    arrive("the shortlist")
    enter(page, next_step(page))
    arrive("the plan before a target")
    radio = page.get_by_label(target)
    radio.focus()
    page.keyboard.press("Space")
    enter(page, page.get_by_role("button", name="Plan towards this target"))
    arrive("the plan")
    for what in ("gaps and learning", "goals", "the exit plan"):
        enter(page, next_step(page))
        arrive(what)
    enter(page, next_step(page))
    assert "/plan/report/" in page.url
    arrive("the report")
    assert page.locator("main h2").first.inner_text() == "Summary"
    assert target in page.locator("section.summary").inner_text()

    # The same pages at 360 px: accessible, and nothing wider than the screen.
    for url in dict.fromkeys(visited):
        if "/profile/about/" in url or "/assess/" in url:
            continue  # forms already covered by the wizard's own phone test
        phone_page.goto(url)
        assert_accessible(phone_page, f"{url} at 360 px")
        width = phone_page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, (url, width)
