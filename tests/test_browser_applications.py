"""Applications in Chromium against the running app, by keyboard where a person would use it.

A posting is saved; an application is added from it with a few keys and Enter (under 30
seconds: the form needs a posting or an employer and a title, and the resume sent); it moves
through Screening and two interview rounds with its history kept; a second one by hand warns
that the employer already has an application; the recruiter is linked by name and found on
both pages; the funnel shows the rates with their numbers.
axe-core checks each page at desktop size and at 360 px, which must not scroll sideways.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from live import assert_accessible, no_horizontal_scroll, submit

pytestmark = pytest.mark.browser

POSTING = """Learning and Development Specialist - Northwind Health
Denver, CO
Requirements
Instructional design (ADDIE)
Facilitation
Salary: $70,000 - $85,000 per year
"""
RESUME = b"Dana Cruz\nExperience\nHR Generalist, Acme, 2019 - present\n- Built the onboarding\n"




def test_add_from_a_posting_move_through_stages_and_see_the_funnel(
    page: Any, phone_page: Any, live_app: str
) -> None:
    page.goto(live_app + "/documents/postings/")
    page.get_by_label("Paste a job posting").fill(POSTING)
    submit(page, "Add posting", timeout=90_000)  # a fresh server loads its vocabularies

    # Quick entry by keyboard: the posting's employer and title are the defaults.
    page.goto(live_app + "/")
    page.get_by_role("link", name="Applications", exact=True).click()
    assert_accessible(page, "applications (desktop)")
    started = time.perf_counter()
    posting = page.get_by_label("From a saved posting")
    option = posting.locator("option", has_text="Northwind Health").first.get_attribute("value")
    posting.focus()
    posting.select_option(option)
    page.get_by_label("Job title").focus()
    page.keyboard.type("L&D Specialist")
    page.get_by_label("Or the resume file you sent").set_input_files(
        {"name": "resume-northwind.txt", "mimeType": "text/plain", "buffer": RESUME}
    )
    page.get_by_label("Job title").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert time.perf_counter() - started < 30
    assert not page.get_by_role("alert").count(), page.get_by_role("alert").all_inner_texts()
    added = page.locator("#added").inner_text()
    assert "L&D Specialist at Northwind Health (Applied)" in added, added

    # Through the stages: each move is kept in the history, rounds numbered.
    page.locator("#added a").first.click()
    detail_url = page.url
    assert re.search(r"/applications/\d+/$", detail_url)
    assert "resume-northwind.txt" in page.locator(".app-facts").inner_text()
    for stage in ("Screening", "Interview", "Interview"):
        page.get_by_label("Move to", exact=True).select_option(label=stage)
        submit(page, "Record the move")
    history = page.locator("#history li").all_inner_texts()
    assert [h.split(" on ")[0] for h in history] == [
        "Interview (round 2)", "Interview (round 1)", "Screening", "Applied"
    ]
    assert "Interview 2 since" in page.locator(".lead").inner_text()

    # The recruiter, linked by name: added to the people at this employer, on both pages.
    page.get_by_label("Or a new person's name").fill("Maria Lopez")
    page.get_by_label("Their part").select_option(label="Recruiter")
    submit(page, "Link the person")
    assert "Maria Lopez, recruiter" in page.locator("#people").inner_text()
    assert_accessible(page, "application (desktop)")
    page.locator("#people a", has_text="Maria Lopez").click()
    assert "L&D Specialist, Northwind Health" in page.locator("#applications").inner_text()
    page.goto(detail_url)

    # A second application to the same employer, by hand: it warns, never refuses.
    page.goto(live_app + "/applications/")
    page.get_by_label("Employer").fill("Northwind Health")
    page.get_by_label("Job title").fill("Onboarding Coordinator")
    page.get_by_label("Stage", exact=True).select_option(label="Saved")  # not sent yet
    submit(page, "Add the application")
    assert "1 other application to Northwind Health" in page.locator("#added").inner_text()

    # A bad salary comes back beside its field, nothing stored.
    page.get_by_text("More: cover letter, target, salary, next action").click()
    page.get_by_label("Employer").fill("Contoso")
    page.get_by_label("Job title").fill("Trainer")
    page.get_by_label("Salary from").fill("a lot")
    submit(page, "Add the application")
    assert "Salary from" in page.get_by_role("alert").inner_text()
    assert "Contoso" not in page.locator("table.applications").inner_text()

    # The funnel: of the 2 saved, 1 was sent (50%), and it went on to screening and interviews.
    page.get_by_role("link", name="Funnel").click()
    rows = {r.split("\t")[0]: r for r in page.locator("table.funnel tbody tr").all_inner_texts()}
    assert "50% (1 of 2)" in rows["Saved"], rows
    assert "100% (1 of 1)" in rows["Applied"] and "100% (1 of 1)" in rows["Screening"], rows
    assert "1 of 2" in rows["Interview"], rows
    assert_accessible(page, "funnel (desktop)")

    for path in ("/applications/", detail_url.replace(live_app, ""), "/applications/funnel/"):
        phone_page.goto(live_app + path)
        no_horizontal_scroll(phone_page)
        assert_accessible(phone_page, f"{path} (360 px)")
