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
            score: parseFloat(c.querySelector('.score-total').innerText),
            values: [...c.querySelectorAll('.components .component-value')]
                .map(v => parseFloat(v.innerText)),
            pay: c.querySelector('.money') ? c.querySelector('.money').innerText : '',
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
    assert up and all(c["code"].startswith("29-") for c in up)  # same SOC major group

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
    page.get_by_role("link", name="Your shortlist").click()
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
    page.goto(f"{live_app}/paths/compare/?code=29-1171.00&code=29-2061.00&from={NURSE}")
    assert len(cards_on(page)) == 2
    assert_accessible(page, "compare (360 px)")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
