"""The occupation explorer in Chromium, against the running app: search -> results -> profile.

Driven by the keyboard only (Tab, typing, Enter), at desktop width and at 360 px, with axe-core
run on every page. Expected content comes from the knowledge base the server is serving.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from live import PHONE, assert_accessible, format_violations
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base

pytestmark = pytest.mark.browser

NURSE = "29-1141.00"
QUERY = "registred nurse"  # the typo is deliberate


@pytest.fixture
def kb(built_home: Path, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    """The session's knowledge base, loaded once: the store caches it by path and reloads it
    only when the file changes, so (unlike conftest's ``kb``) the cache is not cleared."""
    monkeypatch.setenv("UNSTUCK_HOME", str(built_home))
    return get_knowledge_base()


def no_axe_findings(page: Any, what: str) -> None:
    """Stricter than the kit's default for these pages: no axe-core finding of any impact."""
    minor = assert_accessible(page, what)
    assert not minor, f"axe-core findings on {what}:\n{format_violations(minor)}"


def tab_to(page: Any, selector: str, limit: int = 40) -> None:
    """Press Tab until ``selector`` has the focus; fail if the keyboard cannot reach it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return
    focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
    pytest.fail(f"{limit} presses of Tab never reached {selector}; focus is on {focused}")


def search_to_profile(page: Any, live_app: str) -> None:
    page.goto(live_app + "/")
    no_axe_findings(page, "the home page")

    # The skip link is the first stop, then the search box is reachable.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == (
        "Skip to main content"
    )
    tab_to(page, "input[name=q]")
    page.keyboard.type(QUERY)
    page.keyboard.press("Enter")

    page.wait_for_url("**/occupations/?q=*")
    heading = page.get_by_role("heading", level=1)
    assert QUERY in heading.inner_text()
    results = page.locator("ol.results > li")
    assert results.count() >= 1
    no_axe_findings(page, "the search results")

    tab_to(page, f'a[href="/occupations/{NURSE}/"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/occupations/{NURSE}/")


def check_profile(page: Any, kb: Any) -> None:
    occ = kb.occupation(NURSE)
    assert page.get_by_role("heading", level=1).inner_text() == occ.title
    assert page.title().startswith(occ.title)
    main = page.get_by_role("main")
    assert occ.description in main.inner_text()
    skills = page.locator("#skills ol.ratings").first.locator("> li")
    assert skills.count() == min(10, len(occ.skills))
    first = skills.first.inner_text()
    assert occ.skills[0].name in first and f"{occ.skills[0].level:.1f} of 7" in first
    # The in-page links move the focus target into view.
    page.get_by_role("link", name="Interests", exact=True).click()
    assert page.evaluate("() => location.hash") == "#interests"
    assert page.locator("#interests").is_visible()
    # "25 more skills" opens with the keyboard.
    summary = page.locator("#skills summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("#skills details").get_attribute("open") is not None
    footer = page.get_by_role("contentinfo").inner_text()
    assert f"O*NET {kb.release}" in footer and "CC BY 4.0" in footer
    no_axe_findings(page, "the occupation profile")


def test_search_to_profile_at_desktop_width(page: Any, live_app: str, kb: Any) -> None:
    search_to_profile(page, live_app)
    check_profile(page, kb)


def test_search_to_profile_at_phone_width(phone_page: Any, live_app: str, kb: Any) -> None:
    search_to_profile(phone_page, live_app)
    check_profile(phone_page, kb)
    for url in ["/", f"/occupations/?q={QUERY}", f"/occupations/{NURSE}/"]:
        phone_page.goto(live_app + url)
        width = phone_page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{url} scrolls sideways at 360 px ({width} px wide)"


def test_not_found_page_is_accessible(page: Any, live_app: str) -> None:
    response = page.goto(live_app + "/occupations/99-9999.99/")
    assert response is not None and response.status == 404
    assert "99-9999.99" in page.get_by_role("main").inner_text()
    no_axe_findings(page, "the 404 page")


def test_type_ahead_by_keyboard(page: Any, live_app: str) -> None:
    page.goto(live_app + "/")
    box = page.get_by_role("combobox", name="Job title")
    box.focus()
    page.keyboard.type(QUERY, delay=20)
    options = page.get_by_role("option")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert "suggestion" in page.get_by_role("status").inner_text()
    no_axe_findings(page, "the home page with suggestions open")

    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not page.get_by_role("listbox").is_visible()

    page.keyboard.press("ArrowDown")  # reopens on the first suggestion
    first = options.first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    titles = options.all_inner_texts()
    target = next(i for i, t in enumerate(titles) if t.startswith("Registered Nurses"))
    for _ in range(target):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/occupations/{NURSE}/")


def test_search_works_without_javascript(chromium: Any, live_app: str) -> None:
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(live_app + "/")
        assert page.get_by_role("combobox").count() == 0  # a plain search box
        page.get_by_label("Job title").fill(QUERY)
        page.keyboard.press("Enter")
        page.wait_for_url("**/occupations/?q=*")
        page.get_by_role("link", name="Registered Nurses", exact=True).click()
        page.wait_for_url(f"**/occupations/{NURSE}/")
        assert page.get_by_role("heading", level=1).inner_text() == "Registered Nurses"
    finally:
        context.close()
