"""People in Chromium against the running app, by keyboard where a person would use it.

A recruiter at an organisation is added with a few keys and Enter (under 30 seconds); a short
follow-up cadence and a coffee logged ten days ago put her under "Follow-ups due"; an
informational interview is started and moved through the pipeline from the list, and reaching
"done" logs it with her (so she is no longer due); a small LinkedIn Connections.csv is
imported and its report read. axe-core checks each page at desktop size and at 360 px, which
must not scroll sideways.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from live import assert_accessible, no_horizontal_scroll, submit

pytestmark = pytest.mark.browser

CONNECTIONS = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Bo,Chen,https://www.linkedin.com/in/bochen/,,Globex,CTO,15 Mar 2019\n"
    "Cy,Day,https://www.linkedin.com/in/cyday/,cy@example.org,Initech,Trainer,02 Apr 2022\n"
    ",,,,,,01 Feb 2020\n"
)




def test_add_a_recruiter_follow_up_interview_pipeline_and_import(
    page: Any, phone_page: Any, live_app: str
) -> None:
    page.goto(live_app + "/", timeout=90_000)
    page.get_by_role("link", name="People", exact=True).click()
    assert page.url.endswith("/people/")
    assert_accessible(page, "people (desktop, empty)")

    # Quick entry by keyboard: name, organisation, title, how you know them, tags, Enter.
    started = time.perf_counter()
    page.get_by_label("Name", exact=True).focus()
    for text in (
        "Rita Moreno",
        "Northwind Health",
        "Recruiter",
        "Met at the spring job fair",
        "recruiter",
    ):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # back on the tags field
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert time.perf_counter() - started < 30
    assert not page.get_by_role("alert").count(), page.get_by_role("alert").all_inner_texts()
    assert "Added Rita Moreno." in page.locator("#added").inner_text()
    listed = page.locator("table.people tbody").inner_text()
    assert "Recruiter at Northwind Health" in listed, listed

    # A short cadence and a coffee ten days ago: she is due.
    page.locator("#added a").click()
    detail_url = page.url
    page.get_by_label("Follow up every (days)").fill("7")
    submit(page, "Save the follow-up", exact=True)
    page.get_by_label("What happened").select_option(label="Coffee")
    page.get_by_label("On", exact=True).fill(
        (datetime.now(UTC).date() - timedelta(days=10)).isoformat()
    )
    page.get_by_label("Notes", exact=True).first.fill("Coffee near her office")
    submit(page, "Log the interaction", exact=True)
    assert "overdue by 3 days" in page.locator("#follow-up-status").inner_text()
    assert "Coffee near her office" in page.locator("#interactions").inner_text()
    page.goto(live_app + "/people/")
    due = page.locator("#due").inner_text()
    assert "Rita Moreno" in due and "overdue by 3 days" in due, due

    # An informational interview, moved on from the list; "done" logs it with her.
    page.goto(detail_url)
    submit(page, "Start an informational interview", exact=True)
    interview = page.locator(".interview").first.get_attribute("id").removeprefix("interview-")
    assert "ask for 20 minutes of their time" in page.locator(".interview").inner_text()
    assert_accessible(page, "person (desktop)")
    page.goto(live_app + "/people/")
    for stage in ("asked", "scheduled", "done", "thanked"):
        item = page.locator(f"#pipeline-{interview}")
        with page.expect_navigation():
            item.get_by_role("button").click()
        column = page.locator(f"#pipeline-{interview}").locator("xpath=ancestor::li[1]")
        assert column.locator("h3").inner_text().lower().startswith(stage), stage
    assert "Rita Moreno" not in page.locator("#due").inner_text()  # in touch today
    assert_accessible(page, "people (desktop, with a pipeline)")
    page.goto(detail_url)
    assert "Informational interview on" in page.locator("#interactions").inner_text()

    # Import a small Connections.csv: the report says what was read, added and skipped.
    page.goto(live_app + "/people/")
    page.get_by_role("link", name="Import contacts").click()
    page.get_by_label("Contacts file").set_input_files(
        {"name": "Connections.csv", "mimeType": "text/csv", "buffer": CONNECTIONS.encode()}
    )
    submit(page, "Import", exact=True)
    report = page.locator("#report").inner_text()
    assert "Read 3 rows: 2 new people" in report and "1 skipped" in report, report
    assert "Skipped" in report and ": no name (LinkedIn leaves it out" in report, report
    assert_accessible(page, "import (desktop)")
    page.goto(live_app + "/people/?at=globex")
    assert "Bo Chen" in page.locator("#who-found").inner_text()

    for path in ("/people/", detail_url.replace(live_app, ""), "/people/import/"):
        phone_page.goto(live_app + path)
        no_horizontal_scroll(phone_page)
        assert_accessible(phone_page, f"{path} (360 px)")
