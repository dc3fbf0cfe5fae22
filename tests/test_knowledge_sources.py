"""Downloading a release: a real HTTP server on 127.0.0.1 serving the zip (with Range support)."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from unstuck.knowledge import errors
from unstuck.knowledge.build import install
from unstuck.knowledge.sources import detect_release, download


class _Handler(http.server.BaseHTTPRequestHandler):
    payload = b""
    requests: list[str | None] = []
    truncate_at: int | None = None  # close the connection after this many bytes, once

    def do_GET(self) -> None:
        cls = type(self)
        cls.requests.append(self.headers.get("Range"))
        if not self.path.endswith(".zip"):
            self.send_error(404, "Not Found")
            return
        start = 0
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes="):
            start = int(rng[6:].split("-")[0])
            self.send_response(206)
            size = len(cls.payload)
            self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        else:
            self.send_response(200)
        body = cls.payload[start:]
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if cls.truncate_at is not None:
            self.wfile.write(body[: cls.truncate_at])
            cls.truncate_at = None
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def server(test_data: Path) -> Iterator[tuple[str, type[_Handler]]]:
    handler = type("H", (_Handler,), {})
    handler.payload = (test_data / "onet" / "db_29_0_text.zip").read_bytes()
    handler.requests = []
    handler.truncate_at = None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.slow  # builds a knowledge base from a whole O*NET release
def test_install_from_url_then_cache(server: tuple[str, type[_Handler]], tmp_path: Path) -> None:
    base, handler = server
    url = f"{base}/dl_files/database/db_29_0_text.zip"
    result = install(url, directory=tmp_path / "k", cache=tmp_path / "cache")
    assert result.changed and result.release == "29.0"
    assert result.sources[0].location == url
    assert len(handler.requests) == 1
    again = install(url, directory=tmp_path / "k", cache=tmp_path / "cache")
    assert not again.changed
    assert len(handler.requests) == 1  # served from the cache


def test_interrupted_download_resumes(server: tuple[str, type[_Handler]], tmp_path: Path) -> None:
    base, handler = server
    url = f"{base}/db_29_0_text.zip"
    handler.truncate_at = 100_000
    dest = tmp_path / "db.zip"
    with pytest.raises(errors.DownloadError, match="run the command again to resume"):
        download(url, dest, timeout=5)
    part = dest.with_name(dest.name + ".part")
    assert part.exists() and part.stat().st_size == 100_000
    download(url, dest, timeout=5)
    assert handler.requests[-1] == "bytes=100000-"
    assert dest.read_bytes() == handler.payload


def test_http_error_is_reported(server: tuple[str, type[_Handler]], tmp_path: Path) -> None:
    base, _ = server
    with pytest.raises(errors.DownloadError, match="HTTP 404"):
        install(f"{base}/missing", directory=tmp_path / "k", cache=tmp_path / "c")
    assert not (tmp_path / "k" / "knowledge.sqlite").exists()


def test_unreachable_server(tmp_path: Path) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(errors.DownloadError, match="cannot reach the server"):
        install(f"http://127.0.0.1:{port}/db_29_0_text.zip", directory=tmp_path / "k",
                cache=tmp_path / "c")


def test_damaged_download_is_not_cached(server: tuple[str, type[_Handler]], tmp_path: Path) -> None:
    base, handler = server
    handler.payload = handler.payload[:5000] + b"\0" * 100  # a zip with no central directory
    with pytest.raises(errors.CorruptArchiveError):
        install(f"{base}/db_29_0_text.zip", directory=tmp_path / "k", cache=tmp_path / "c")
    assert not [p for p in (tmp_path / "c").iterdir() if p.suffix == ".zip"]


@pytest.mark.parametrize(
    ("readme", "name", "expected"),
    [
        ("O*NET 28.1 Database\nNovember 2023", "x", "28.1"),
        (None, "/tmp/db_30_0_text.zip", "30.0"),
        ("O*NET 29.0 Database", "db_30_0_text", "29.0"),  # the Read Me wins
    ],
)
def test_detect_release(readme: str | None, name: str, expected: str) -> None:
    assert detect_release(readme, name) == expected
