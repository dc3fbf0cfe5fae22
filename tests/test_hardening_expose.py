"""Safe to expose (issue 11, item 5) and the security headers (item 7): binding beyond loopback
needs a passphrase and then every page needs the login; the allowed hosts follow the bound
address and ``*`` is refused; a loopback Host header from another address gets nothing; the
posting fetcher fetches public http(s) addresses only, checks every redirect, and has one
deadline."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client, override_settings

from bounded import within
from unstuck.app.hosts import allowed_hosts, hash_passphrase, is_loopback
from unstuck.cli import cli
from unstuck.text.fetch import FetchError, fetch, refusal

PASSPHRASE = "correct horse battery staple"


# -- serve ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--host", "0.0.0.0"], {}, "no passphrase was set"),
        (["--host", "0.0.0.0"], {"UNSTUCK_PASSPHRASE": "short"}, "shorter than 12"),
        (["--host", "192.168.1.5"], {}, "reachable from other devices"),
        ([], {"UNSTUCK_ALLOWED_HOSTS": "*"}, "'*' is refused"),
    ],
)
def test_serve_refuses_exposure_without_a_passphrase(
    args: list[str], env: dict[str, str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("UNSTUCK_PASSPHRASE", "UNSTUCK_ALLOWED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(cli, ["serve", *args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "running at" not in result.output  # refused before anything was started


def test_allowed_hosts_follow_the_bound_address() -> None:
    assert allowed_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_hosts("192.168.1.5") == ["127.0.0.1", "localhost", "[::1]", "192.168.1.5"]
    assert "jobs.example" in allowed_hosts("127.0.0.1", "jobs.example")
    assert socket.gethostname() in allowed_hosts("0.0.0.0")
    assert is_loopback("[::1]") and is_loopback("127.8.0.1") and not is_loopback("10.0.0.1")


@pytest.mark.django_db  # the home page reads where the person is
def test_a_loopback_host_from_another_address_gets_nothing(kb_home: Path) -> None:
    client = Client()
    outside = client.get("/", HTTP_HOST="127.0.0.1", REMOTE_ADDR="192.168.1.20")
    assert outside.status_code == 403 and outside.content == b""
    assert client.get("/", HTTP_HOST="localhost:8000", REMOTE_ADDR="10.1.2.3").status_code == 403
    assert client.get("/", HTTP_HOST="127.0.0.1", REMOTE_ADDR="127.0.0.1").status_code == 200


@pytest.mark.django_db
def test_with_a_passphrase_every_page_needs_the_login(kb_home: Path) -> None:
    with override_settings(UNSTUCK_LOGIN_HASH=hash_passphrase(PASSPHRASE)):
        client = Client()
        for url in ("/", "/profile/results.json", "/plan/", "/documents/", "/paths/"):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/login/?next=")
        assert client.post("/profile/about/", {"savings": "1"}).status_code == 302
        assert client.get("/static/unstuck/app.css").status_code == 200
        wrong = client.post("/login/", {"passphrase": "not it at all", "next": "/plan/"})
        assert wrong.status_code == 400 and "not the passphrase" in wrong.content.decode()
        right = client.post("/login/", {"passphrase": PASSPHRASE, "next": "/plan/"})
        assert right.status_code == 302 and right["Location"] == "/plan/"
        assert right.cookies["unstuck_login"]["httponly"]
        assert right.cookies["unstuck_login"]["samesite"] == "Strict"
        assert client.get("/profile/results.json").status_code == 200
        offsite = client.post("/login/", {"passphrase": PASSPHRASE, "next": "https://evil.test/"})
        assert offsite["Location"] == "/"
    # a new passphrase logs the old cookie out
    with override_settings(UNSTUCK_LOGIN_HASH=hash_passphrase("another long passphrase")):
        assert client.get("/plan/").status_code == 302


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _outside_address() -> str | None:
    """This machine's address on a non-loopback interface, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        except OSError:
            return None
        address = str(s.getsockname()[0])
    return None if is_loopback(address) or address == "0.0.0.0" else address


def test_live_serve_on_all_interfaces_asks_for_the_passphrase(kb_home: Path) -> None:
    port = _free_port()
    env = {**os.environ, "UNSTUCK_HOME": str(kb_home), "UNSTUCK_PASSPHRASE": PASSPHRASE}
    env.pop("UNSTUCK_ALLOWED_HOSTS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "unstuck", "serve", "--host", "0.0.0.0", "--port", str(port),
         "--no-warm-skills", "--threads", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        opener = urllib.request.build_opener(_NoRedirect)
        for _ in range(600):
            try:
                opener.open(f"http://127.0.0.1:{port}/plan/", timeout=2)
            except urllib.error.HTTPError as err:
                status, location = err.code, err.headers.get("Location", "")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        assert status == 302 and location.startswith("/login/")
        outside = _outside_address()
        if outside is not None:  # the same machine, through another interface
            request = urllib.request.Request(
                f"http://{outside}:{port}/profile/results.json", headers={"Host": "127.0.0.1"}
            )
            with pytest.raises(urllib.error.HTTPError) as info:
                opener.open(request, timeout=5)
            assert info.value.code == 403 and info.value.read() == b""
    finally:
        proc.terminate()
        proc.wait(timeout=20)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


# -- headers ---------------------------------------------------------------------------------


@pytest.mark.django_db  # the home page reads where the person is
def test_security_headers(kb_home: Path) -> None:
    client = Client()
    page = client.get("/")
    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert "camera=()" in page["Permissions-Policy"]
    assert page["Cache-Control"] == "no-store"
    assert "<script>" not in page.content.decode()  # scripts only from static files
    static = client.get("/static/unstuck/app.css")
    assert static.get("Cache-Control") != "no-store"


# -- the fetcher -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback address"),
        ("http://localhost:8000/profile/results.json", "loopback address"),
        ("http://[::1]/", "loopback address"),
        ("http://[::ffff:127.0.0.1]/", "loopback address"),
        ("http://2130706433/", "loopback address"),  # 127.0.0.1 as one number
        ("http://10.0.0.5/", "private address (10.0.0.5)"),
        ("http://192.168.1.1/", "private address"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address"),
        ("http://0.0.0.0/", "unspecified address"),
        ("ftp://example.com/", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
    ],
)
def test_fetcher_refuses_local_and_other_schemes(
    url: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("UNSTUCK_FETCH_ALLOW", raising=False)
    with pytest.raises(FetchError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        fetch(url, max_bytes=1000, deadline=5)


def test_public_addresses_pass() -> None:
    import ipaddress

    assert refusal(ipaddress.ip_address("93.184.215.14")) is None
    assert "shared" in refusal(ipaddress.ip_address("100.64.0.1"))


@pytest.fixture
def local(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A local server the person allowed (UNSTUCK_FETCH_ALLOW); redirects and a slow page."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            targets = {"/to-ftp": "ftp://127.0.0.1/x", "/to-private": "http://10.0.0.5/",
                       "/to-metadata": "http://169.254.169.254/", "/loop": "/loop"}  # fmt: skip
            if self.path in targets:
                self.send_response(302)
                self.send_header("Location", targets[self.path])
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            if self.path == "/drip":
                try:
                    for _ in range(100):
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(0.3)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            self.wfile.write(b"<p>ok</p>")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("UNSTUCK_FETCH_ALLOW", "127.0.0.1/32")
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-ftp", "only http:// and https:// addresses are fetched, not ftp:"),
        ("/to-private", r"10\.0\.0\.5 resolves to a private address"),
        ("/to-metadata", "link-local"),
        ("/loop", "redirected more than 5 times"),
    ],
)
def test_every_redirect_hop_is_checked(local: str, path: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch(local + path, max_bytes=1000, deadline=5)


def test_fetch_has_one_deadline_and_never_fetches_unstuck(
    local: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fetch(local + "/page", max_bytes=1000).body == b"<p>ok</p>"  # allowed, it reads
    with pytest.raises(FetchError, match="took longer than 2 seconds|did not answer in time"):
        # the harness bound (tests/bounded.py): the fetch's deadline, not 30 s of dripping
        within(lambda: fetch(local + "/drip", max_bytes=1000, timeout=10, deadline=2), seconds=8)
    monkeypatch.setenv("UNSTUCK_PORT", local.rsplit(":", 1)[1])
    with pytest.raises(FetchError, match="unstuck's own address"):
        fetch(local + "/profile/results.json", max_bytes=1000)
