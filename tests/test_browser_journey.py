"""A person's whole journey in Chromium, against the running app: profile -> diagnosis (the rut
check) -> explore career paths -> shortlist -> plan -> report, ending with the PDF downloaded
and page 1 rendered to an image that is checked not to be blank, and the calendar file checked
against the plan shown on the page.

The journey runs against its own server (its own database), so the profile it builds does not
meet the other browser tests' people. axe-core runs on every plan page and on the report.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from live import assert_accessible
from unstuck.app.profile import wizard
from unstuck.core.assess import get_instrument

pytestmark = pytest.mark.browser

RUT = get_instrument("rut")
NURSE = "29-1141.00"
HOURS = 6


@pytest.fixture
def journey_app(live_app: str) -> str:
    """The module's own server (``live_app`` is per module: an empty database of its own)."""
    return live_app


def submit(page: Any, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def rut_answers() -> dict[str, int]:
    """Pay and growth as the main causes, signs of a rut, a moderate toll."""
    levels = {"cause.pay": 5, "cause.growth": 5, "toll": 3, "signs": 4, "growth": 2}
    out = {}
    for item in RUT.items:
        k = levels.get(item.subscale, 2)
        out[item.id] = 6 - k if item.reverse else k
    return out


def take_rut_check(page: Any) -> None:
    answers = rut_answers()
    screens = {k: v for k, v in answers.items() if RUT.item(k).asked_if is None}
    answers = {i.id: answers[i.id] for i in RUT.asked(screens)}  # what the person is asked
    total = wizard.pages(RUT, answers)
    for number in range(total):
        for item in wizard.page_items(RUT, number, answers):
            page.check(f'input[name="{item.id}"][value="{answers[item.id]}"]')
        if wizard.is_ranking_page(RUT, number, answers):
            for place, sid in enumerate(reversed(RUT.ranking_of), start=1):
                page.select_option(f"#rank-{sid}", str(place))
        submit(page, "Finish and go on to" if number == total - 1 else "Next")
        errors = page.locator(".error-summary")
        assert not errors.count(), errors.inner_text()


def grey_pixels(pgm: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (P5) image, as pdftoppm -gray writes it."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while pgm[pos : pos + 1].isspace():
            pos += 1
        if pgm[pos : pos + 1] == b"#":
            pos = pgm.index(b"\n", pos)
            continue
        end = pos
        while not pgm[end : end + 1].isspace():
            end += 1
        fields.append(pgm[pos:end])
        pos = end
    assert fields[0] == b"P5" and fields[3] == b"255"
    width, height = int(fields[1]), int(fields[2])
    return width, height, pgm[pos + 1 : pos + 1 + width * height]


def test_profile_to_plan_to_printed_report(
    page: Any, chromium: Any, journey_app: str, tmp_path: Path
) -> None:
    app = journey_app
    # 1. Profile: the job by title, years, education, hours for the change.
    page.goto(app + "/profile/about/")
    page.get_by_label("Your current job title").fill("registred nurse")
    submit(page, "Find")
    page.check(f'input[name="occupation_choice"][value="{NURSE}"]')
    page.get_by_label("Years in this kind of work").fill("7")
    page.get_by_label("Highest education completed").select_option("6")
    page.get_by_label("Hours a week you can spend on making a change").fill(str(HOURS))
    page.get_by_label("Medium — some risk is fine if the plan is sound").check()
    submit(page, "Save and continue")

    # 2. Diagnosis: the rut check, then its result.
    page.goto(app + "/profile/assess/rut/?page=0")
    take_rut_check(page)
    page.goto(app + "/profile/results/")
    main = page.get_by_role("main").inner_text()
    assert re.search(r"\d+ of 100", main)

    # 3. Explore career paths and 4. shortlist the first suggestion.
    page.goto(app + "/paths/")
    add = page.get_by_role("button", name=re.compile(r"^Add .+ to shortlist$")).first
    title = re.match(r"Add (.+) to shortlist", add.inner_text()).group(1)
    with page.expect_navigation():
        add.click()
    page.goto(app + "/paths/shortlist/")
    assert title in page.get_by_role("main").inner_text()

    # 5. The plan: through the main navigation, choose the target, check the hours fit.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Your plan").click()
    page.wait_for_url("**/plan/")
    assert_accessible(page, "the plan page before a target")
    page.get_by_label(title).check()
    page.get_by_label("First day of the plan").fill("2026-12-07")
    submit(page, "Plan towards this target")
    assert_accessible(page, "the plan page")
    main = page.get_by_role("main")
    assert title in main.inner_text()
    rows = page.locator(".plan-table tbody tr").all()
    assert len(rows) == 13
    for row in rows:
        planned, _, capacity = row.locator("td").first.inner_text().partition(" of ")
        assert float(planned) <= float(capacity) <= HOURS
    tasks_on_page = page.locator(".plan-table .tasks li strong").all_inner_texts()
    assert tasks_on_page

    # The other plan pages, by keyboard-reachable links, each accessible.
    for link, heading in (("Gaps and learning", "Gaps and learning"), ("Goals", "Goals"),
                          ("Exit plan", "Exit plan")):
        page.get_by_role("navigation", name="Plan sections").get_by_role("link", name=link).click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert_accessible(page, f"the plan's {link} page")
    page.goto(app + "/plan/learning/")
    proofs = page.locator(".activity").all_inner_texts()
    assert proofs and all("Proof:" in p for p in proofs)
    # By keyboard: set the first activity's hours, then mark it done.
    first = page.locator(".activity").first
    name = first.locator("h3").inner_text()
    hours = first.get_by_label(re.compile(r"^Hours"))
    hours.fill("9")
    with page.expect_navigation():
        hours.press("Enter")
    first = page.locator(".activity", has_text=name).first
    assert "9 hours (set by you)" in first.inner_text()
    first.get_by_role("button", name=f"Mark “{name}” done").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Done." in page.locator(".activity", has_text=name).first.inner_text()
    assert_accessible(page, "the learning page after edits")

    # 6. The report page, then the PDF download rendered to an image.
    page.goto(app + "/plan/")
    page.get_by_role("link", name="Read the report").click()
    page.wait_for_url("**/plan/report/")
    assert_accessible(page, "the report")
    report = page.get_by_role("main").inner_text()
    for section in ("1. Diagnosis", "4. Gaps", "7. The 90-day plan", "8. Exit plan"):
        assert section in report
    # The report opens with its summary: why this target, the cost, the first steps.
    assert page.locator("main h2").first.inner_text() == "Summary"
    summary = page.locator("section.summary").inner_text()
    for words in ("Why this target", "The move", "First steps", "Leaving your job"):
        assert words in summary, words
    assert title in page.locator("h1").inner_text()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download as PDF").click()
    pdf = tmp_path / "plan.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext not found: run scripts/system-deps.sh (poppler-utils)")
    first_page = subprocess.run(
        [pdftotext, "-f", "1", "-l", "1", str(pdf), "-"],
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    ).stdout
    assert "Summary" in first_page and "First steps" in first_page, first_page[:500]
    assert "1. Diagnosis" not in first_page, "the summary has the first page to itself"
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.fail("pdftoppm not found: run scripts/system-deps.sh (poppler-utils)")
    subprocess.run([pdftoppm, "-gray", "-r", "40", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    image = next(tmp_path.glob("page*.pgm"))
    width, height, pixels = grey_pixels(image.read_bytes())
    assert width > 200 and height > 200 and len(pixels) == width * height
    inked = sum(1 for p in pixels if p < 200)
    assert inked > 0.01 * width * height, f"page 1 is nearly blank ({inked} dark pixels)"

    # 7. The calendar file holds exactly the plan's tasks as the page shows them now (after the
    # hours edit), from its first day.
    icalendar = pytest.importorskip("icalendar")
    page.goto(app + "/plan/")
    tasks_on_page = page.locator(".plan-table .tasks li strong").all_inner_texts()
    page.goto(app + "/plan/report/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Calendar file (.ics)").click()
    ics = tmp_path / "plan.ics"
    info.value.save_as(ics)
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    events = list(cal.walk("VEVENT"))
    # every task on the page, each on its own day(s): a long one in parts ("part 1 of 2")
    titles = {re.sub(r" \(part \d+ of \d+\)$", "", str(e["SUMMARY"])) for e in events}
    assert titles == set(tasks_on_page)
    assert min(str(e.decoded("DTSTART")) for e in events) == "2026-12-07"


def test_plan_page_at_phone_width(phone_page: Any, journey_app: str) -> None:
    page = phone_page
    for path in ("/plan/", "/plan/learning/", "/plan/goals/", "/plan/exit/", "/plan/report/"):
        page.goto(journey_app + path)
        assert_accessible(page, f"{path} at 360 px")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways at 360 px by {overflow} px"
