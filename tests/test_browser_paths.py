"""Career paths in Chromium against the running app: profile -> explore -> compare -> shortlist.

The walk sets the current job through the wizard's first step, opens the paths page, switches
the kind of move, applies a what-if pay floor, shortlists targets from the cards, compares them,
and finds them on the shortlist; axe-core checks explore and compare at desktop and at 360 px.
The numbers read off the page are checked against each other (components add up to the score
shown) and against the what-if (no card below the pay floor).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from live import assert_accessible

pytestmark = pytest.mark.browser

NURSE = "29-1141.00"
PAY_FLOOR = 90_000


def submit(page: Any, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def set_current_job(page: Any, live_app: str) -> None:
    """The wizard's first step: find the job by title, pick it, save."""
    page.goto(live_app + "/profile/about/")
    page.get_by_label("Your current job title").fill("registered nurse")
    submit(page, "Find")
    page.check(f'input[name="occupation_choice"][value="{NURSE}"]')
    submit(page, "Save and continue")


def cards_on(page: Any) -> list[dict[str, Any]]:
    """Each card's code, score shown, component values shown and the sum row, from the DOM."""
    cards: list[dict[str, Any]] = page.eval_on_selector_all(
        ".path-card",
        """cards => cards.map(c => ({
            code: c.dataset.code,
            title: c.querySelector('h3').innerText,
            score: parseFloat(c.querySelector('.score-total').textContent),
            values: [...c.querySelectorAll('.components .component-value')]
                .map(v => parseFloat(v.textContent)),
            pay: c.querySelector('.money') ? c.querySelector('.money').textContent : '',
        }))""",
    )
    for card in cards:
        *parts, total = card["values"]
        assert len(parts) >= 2, card
        assert round(sum(parts), 1) == card["score"] == total, card
    return cards


def test_profile_explore_compare_shortlist(page: Any, live_app: str) -> None:
    set_current_job(page, live_app)

    # Explore: every kind of move, from the saved profile's job.
    page.goto(live_app + "/paths/")
    title = page.get_by_role("heading", level=1).inner_text()
    assert "Career paths from Registered Nurses" in title
    headings = page.get_by_role("heading", level=2).all_inner_texts()
    assert {"Grow where you are", "Step sideways", "Step up", "Change field"} <= set(headings)
    everything = cards_on(page)
    assert len(everything) >= 12
    assert_accessible(page, "explore (desktop)")

    # Switch to one kind of move.
    page.get_by_label("Kind of move").select_option(label="Step up")
    submit(page, "Re-rank")
    assert "kind=up" in page.url
    assert page.get_by_role("heading", level=2).all_inner_texts() == ["Step up"]
    up = cards_on(page)
    assert up
    # every step up says why it is one: it leads, supervises or is senior to the nurse's work
    reasons = page.eval_on_selector_all(
        ".path-card .kind-reason", "els => els.map(e => e.innerText)"
    )
    assert len(reasons) == len(up)
    assert all(re.search(r"leads work like yours|supervises|more senior|higher level", r)
               for r in reasons), reasons

    # What if: a pay floor. Every card left pays at least that, and the page says what it left out.
    page.get_by_label("Kind of move").select_option(label="All")
    page.get_by_label("Minimum pay ($/year)").fill(str(PAY_FLOOR))
    submit(page, "Re-rank")
    assert f"min_pay={PAY_FLOOR}" in page.url
    assert page.get_by_label("Minimum pay ($/year)").input_value() == str(PAY_FLOOR)
    assert "left out by your constraints" in page.get_by_role("main").inner_text()
    floored = cards_on(page)
    assert floored
    for card in floored:
        pays = re.findall(r"This occupation\s+\$([\d,]+) a year", card["pay"])
        assert pays and int(pays[0].replace(",", "")) >= PAY_FLOOR, card

    # Shortlist three targets from the cards; the page comes back with the what-if kept.
    picked = []
    for card in floored:
        if card["code"] not in {c["code"] for c in picked}:
            picked.append(card)
        if len(picked) == 3:
            break
    for card in picked:
        submit(page, f"Add {card['title']} to shortlist")
        assert f"min_pay={PAY_FLOOR}" in page.url
        button = page.get_by_role("button", name=f"Remove {card['title']} from shortlist")
        assert button.count() >= 1

    # The shortlist lists them; compare the first two.
    page.get_by_role("link", name="Your shortlist", exact=True).click()
    page.wait_for_url("**/paths/shortlist/")
    main = page.get_by_role("main").inner_text()
    for card in picked:
        assert card["title"] in main
    for card in picked[:2]:
        page.get_by_role("checkbox", name=card["title"]).check()
    submit(page, "Compare")
    assert "/paths/compare/" in page.url
    compared = cards_on(page)
    assert [c["code"] for c in compared] == [c["code"] for c in picked[:2]]
    assert_accessible(page, "compare (desktop)")

    # Add the third to the comparison from the compare page's own picker.
    page.get_by_role("checkbox", name=picked[2]["title"]).check()
    submit(page, "Compare")
    assert [c["code"] for c in cards_on(page)] == [c["code"] for c in picked]

    # Remove one from the shortlist on the compare page; the shortlist no longer has it.
    submit(page, f"Remove {picked[0]['title']} from shortlist")
    page.goto(live_app + "/paths/shortlist/")
    main = page.get_by_role("main").inner_text()
    assert picked[0]["title"] not in main
    assert picked[1]["title"] in main and picked[2]["title"] in main


def test_explore_and_compare_at_phone_width(phone_page: Any, live_app: str) -> None:
    page = phone_page
    page.goto(f"{live_app}/paths/?from={NURSE}")
    cards_on(page)
    assert_accessible(page, "explore (360 px)")
    # nothing wider than the screen: no sideways scrolling on a phone
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    # each card is two lines with its details a tap away, so the page stays short
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < 8000, f"the paths page is {height} px long at 360 px"
    first = page.locator(".path-card details.card-body").first
    assert not first.evaluate("d => d.open"), "closed on a phone"
    first.locator(":scope > summary").click()
    assert first.evaluate("d => d.open") and "score" in first.inner_text()
    for path in ("/", "/profile/results/", "/plan/"):
        page.goto(live_app + path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, path
    page.goto(f"{live_app}/paths/compare/?code=29-1171.00&code=29-2061.00&from={NURSE}")
    assert len(cards_on(page)) == 2
    assert_accessible(page, "compare (360 px)")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_readiness_parts_kind_reason_left_out_and_show_more(page: Any, live_app: str) -> None:
    """The paths page explains itself: each card's time to get ready with its parts, the kind
    of move with its reason, what the constraints left out with the value that would let it in,
    and more of a kind on request."""
    set_current_job(page, live_app)
    page.goto(live_app + "/paths/?retraining_months=12&hours=6")
    main = page.get_by_role("main").inner_text()
    assert "Top picks for you" in main
    assert "Your constraints in force" in main and "ready within 12 months" in main
    cards = page.eval_on_selector_all(
        ".path-card",
        """cards => cards.map(c => ({
            code: c.dataset.code,
            reason: (c.querySelector('.kind-reason') || {innerText: ''}).innerText,
            ready: (c.querySelector('.readiness') || {innerText: ''}).innerText,
            steps: c.querySelectorAll('.ready-steps li').length,
        }))""",
    )
    assert cards
    for card in cards:
        assert card["reason"].strip(), card
        ready = card["ready"]
        starts = ("Ready now", "Ready in about", "Ready in at least", "Ready in under")
        assert ready.startswith(starts), card
        months = re.search(r"Ready in (?:about|at least) (\d+(?:\.\d)?) (months?|years)", ready)
        if months:  # a time to get ready is never shown without its parts
            assert card["steps"] >= 1, card
            value = float(months.group(1)) * (12 if months.group(2) == "years" else 1)
            assert value <= 12.5, card  # the retraining limit holds for every card shown
    # what the limit left out, each with its reason and the value that would let it in
    left = page.locator("details.left-out").first
    left.locator("summary").click()
    text = left.inner_text()
    assert "would let it in" in text or "cannot be estimated" in text, text
    assert_accessible(page, "explore with constraints (desktop)")

    # show more of one kind
    more = page.get_by_role("link", name=re.compile("Show more of"))
    assert more.count() >= 1
    with page.expect_navigation():
        more.first.click()
    assert "more=1" in page.url
    assert len(page.locator(".path-card").all()) > 6
    assert_accessible(page, "explore, more of a kind (desktop)")


def test_readiness_and_left_out_at_phone_width(phone_page: Any, live_app: str) -> None:
    page = phone_page
    page.goto(f"{live_app}/paths/?from={NURSE}&retraining_months=12&hours=6")
    assert page.locator(".path-card .readiness").count() >= 1
    assert page.locator("details.left-out").count() >= 1
    assert_accessible(page, "explore with constraints (360 px)")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
