"""Browser-test kit: the real app on 127.0.0.1, Debian's Chromium through Playwright, axe-core.

Fixtures (imported into ``conftest.py``, so every test module can use them):

- ``live_app``: the base URL (``http://127.0.0.1:PORT``) of ``unstuck serve`` running in a child
  process, exactly as a person starts it: migrations applied, waitress serving, its own
  ``UNSTUCK_HOME`` holding the session's knowledge base. Module-scoped; its log is printed
  when it fails to start.
- ``chromium``: one headless Chromium per session (``/usr/bin/chromium``, from apt).
- ``page``: a fresh browser context and page per test, desktop size; ``phone_page`` is the same
  at 360 x 740.

And a helper, :func:`assert_accessible`, that runs axe-core (``node_modules/axe-core``, from
``npm install``) on the page and fails with a readable list of serious and critical violations.

A server in a child process keeps Django's database and async guards out of the way: tests
drive it only through the browser, like a user. The child's output goes to a log file, printed
if the server does not come up.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("UNSTUCK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
BLOCKING_IMPACTS = ("serious", "critical")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return
        except OSError:
            time.sleep(0.2)
    output = log.read_text(encoding="utf-8", errors="replace")
    pytest.fail(f"the app did not start at {url} (exit code {proc.poll()}):\n{output}")


@pytest.fixture(scope="module")
def live_app(
    built_home: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[str]:
    """``unstuck serve`` on a free port of 127.0.0.1, with the session's knowledge base.

    One server, with its own empty user database, per test module: unstuck is a single-person
    app, so modules that walk the wizard or build a plan must not see each other's answers.
    """
    home = tmp_path_factory.mktemp("live-home")
    # The app's own home (database, secret key) with the shared, read-only knowledge base.
    (home / "knowledge").symlink_to(built_home / "knowledge", target_is_directory=True)
    # Only modules that read resumes or postings build the skill vocabularies at start; the
    # others would spend 10-30 s of a shared CPU on it.
    warm_skills = bool(getattr(request.module, "WARM_SKILLS", False))
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("UNSTUCK_", "DJANGO_", "DATABASE_"))
    }
    env.update(UNSTUCK_HOME=str(home), DJANGO_SETTINGS_MODULE="unstuck.web.settings")
    log = home / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "unstuck", "serve", "--host", "127.0.0.1", "--port", str(port),
             *(() if warm_skills else ("--no-warm-skills",))],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/", proc, log, timeout=60)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: install it with 'apt-get install chromium' "
            "(or deselect browser tests with -m 'not browser')"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def _page(chromium: Any, viewport: dict[str, int]) -> Iterator[Any]:
    context = chromium.new_context(viewport=viewport, locale="en-US")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    blocked: list[str] = []  # what the app's Content-Security-Policy refused on its own pages
    page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    try:
        yield page
    finally:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not blocked, f"the pages break their Content-Security-Policy: {blocked}"


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A desktop-sized page in a fresh context (no cookies shared between tests)."""
    yield from _page(chromium, DESKTOP)


@pytest.fixture
def phone_page(chromium: Any) -> Iterator[Any]:
    """A page at phone width (360 px)."""
    yield from _page(chromium, PHONE)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the current page (all impacts)."""
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: run 'npm install' in {REPO}")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # evaluated through the browser's debugging protocol, not as an inline <script>: the
        # app's Content-Security-Policy (no inline script) stays in force for the app itself
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0")
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return list(result["violations"])


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:160]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def assert_accessible(page: Any, what: str = "") -> list[dict[str, Any]]:
    """Fail on serious or critical axe-core violations; return the minor ones for the record."""
    violations = axe_violations(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    where = what or page.url
    assert not blocking, (
        f"axe-core found serious/critical accessibility violations on {where}:\n"
        + format_violations(blocking)
    )
    return [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]


def submit(page: Any, button: str, *, timeout: float = 30_000, exact: bool = False) -> None:
    """Click the button named ``button`` and wait for the page it leads to."""
    with page.expect_navigation(timeout=timeout):
        page.get_by_role("button", name=button, exact=exact).click(timeout=timeout)


def no_horizontal_scroll(page: Any) -> None:
    """Fail when the page is wider than its viewport (a phone would scroll sideways)."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1, f"the page scrolls sideways ({width}px)"
