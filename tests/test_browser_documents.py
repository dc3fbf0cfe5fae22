"""Resume and postings in Chromium against the running app.

One walk, by keyboard where a person would use it: upload a resume, confirm what goes into the
profile, paste a posting (with a ``<script>`` in it), open the match view and find the resume
line that shows a required skill with the skill marked; the market view shows the same skill
with its share. axe-core checks every page at desktop size and at 360 px.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from typing import Any

import pytest

from live import assert_accessible, no_horizontal_scroll, submit

pytestmark = pytest.mark.browser
WARM_SKILLS = True  # the live server builds the skill vocabularies as it starts

RESUME = b"""Jane Doe
Experience
Data Analyst, Acme Corp
Jan 2019 - Present
Built dashboards in Tableau and wrote SQL queries for the finance team.
Used Python for data analysis and forecasting.
Education
Bachelor of Science in Economics, State University, 2016
"""

POSTING = """Data Analyst - Globex
Chicago, IL
Requirements
3+ years of experience
Tableau and Java
Bachelor's degree
Nice to have
Python
Salary: $70,000 - $90,000 per year
<script>window.pwned = true</script>
"""

TARGET = "15-2051.00"




def test_upload_confirm_post_match_market(page: Any, phone_page: Any, live_app: str) -> None:
    # Upload: the nav link, then the file input by its label.
    page.goto(live_app + "/")
    page.get_by_role("link", name="Resume and postings").click()
    page.get_by_role("link", name="Upload a resume").first.click()
    assert_accessible(page, "upload (desktop)")
    page.get_by_label("Your resume or LinkedIn data export").set_input_files(
        {"name": "jane.txt", "mimeType": "text/plain", "buffer": RESUME}
    )
    # the first document read by a fresh server loads the knowledge base's vocabularies
    submit(page, "Read my resume", timeout=90_000)

    # Confirm: what was read, with its evidence; choose an occupation by keyboard.
    assert re.search(r"/documents/resume/\d+/$", page.url)
    assert "What we read from jane.txt" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_text("Built dashboards in Tableau and wrote SQL queries").first.is_visible()
    assert_accessible(page, "confirm (desktop)")
    first_choice = page.locator('input[name="occupation"]').first
    first_choice.focus()
    page.keyboard.press("Space")
    assert first_choice.is_checked()
    chosen = page.locator('input[name="occupation"]:checked + *, input[name="occupation"]:checked')
    assert chosen.count() >= 1
    tableau = page.get_by_role("checkbox", name=re.compile(r"^Tableau"))
    assert tableau.is_checked()
    submit(page, "Add the ticked items to my profile")
    status = page.get_by_role("status").inner_text()
    assert "Current occupation set to" in status and "Tableau" in status

    # A posting, pasted, with a target occupation; its script is text, never run.
    page.goto(live_app + "/documents/postings/")
    page.get_by_label("Paste a job posting").fill(POSTING)
    page.get_by_label("Or type its job title or O*NET-SOC code").fill(TARGET)
    submit(page, "Add posting")
    assert "Added 1 posting" in page.get_by_role("status").inner_text()
    assert page.evaluate("() => window.pwned === undefined")
    assert page.locator(".posting-source").first.inner_text() == "pasted text"
    assert_accessible(page, "postings (desktop)")

    # The match view: parts add up, the required skill is marked in the resume's line.
    page.get_by_role("link", name=re.compile(r"^Match jane\.txt")).first.click()
    total = float(page.locator(".match-total").inner_text())
    values = [float(v) for v in page.locator(".components .component-value").all_inner_texts()]
    *parts, shown_sum = values
    assert shown_sum == total and round(sum(parts), 1) == total
    marked = page.locator(".requirement.is-met mark", has_text="Tableau").first
    assert marked.is_visible()
    line = marked.locator("xpath=ancestor::q[1]").inner_text()
    assert line == "Built dashboards in Tableau and wrote SQL queries for the finance team."
    missing = page.locator(".requirement.is-missing").first.inner_text()
    assert "Missing:" in missing and "Nothing in your resume shows this." in missing
    match_url = page.url
    assert_accessible(page, "match (desktop)")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tailored resume as Markdown").click()
    assert download.value.suggested_filename.endswith(".md")

    # The market view for the target.
    page.goto(live_app + f"/documents/market/?code={TARGET}")
    row = page.locator(".market-table tr", has_text="Tableau").first.inner_text()
    assert "100%" in row and "Shown" in row
    assert "$70,000–$90,000 a year" in page.locator(".pay-range").first.inner_text()
    assert_accessible(page, "market (desktop)")

    # Every page at 360 px: no sideways scrolling, no serious or critical axe findings.
    resume_url = re.sub(r"/match/(\d+)/\d+/$", r"/resume/\1/", match_url.replace(live_app, ""))
    for path in (
        "/documents/",
        "/documents/resume/",
        resume_url,
        "/documents/postings/",
        match_url.replace(live_app, ""),
        f"/documents/market/?code={TARGET}",
    ):
        phone_page.goto(live_app + path)
        no_horizontal_scroll(phone_page)
        assert_accessible(phone_page, f"{path} (360 px)")


def test_a_bad_file_is_explained_by_the_page(page: Any, live_app: str) -> None:
    page.goto(live_app + "/documents/resume/")
    page.get_by_label("Your resume or LinkedIn data export").set_input_files(
        {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 broken"}
    )
    submit(page, "Read my resume")
    alert = page.get_by_role("alert").inner_text()
    assert "could not be read as a resume" in alert and "Nothing was saved." in alert
    assert_accessible(page, "upload error (desktop)")
    page.goto(live_app + "/documents/")
    assert "scan.pdf" not in page.locator("main").inner_text()  # nothing stored


def test_the_running_server_refuses_a_50_mb_upload_cleanly(live_app: str) -> None:
    """Through waitress, as a browser would send it: a 413 page, not a dropped connection."""
    boundary = "unstuckboundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + b"a" * (50 * 1024 * 1024)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        live_app + "/documents/resume/",
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 413
    assert "over the 10 MB limit" in refused.value.read().decode()
    with urllib.request.urlopen(live_app + "/documents/", timeout=10) as overview:
        assert "big.txt" not in overview.read().decode()
