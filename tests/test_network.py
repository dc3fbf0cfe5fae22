"""The one network module: bounded reading and errors the callers can word."""

from __future__ import annotations

import io
import socket

import pytest

from unstuck import network


def test_chunks_stop_as_soon_as_the_body_is_too_large() -> None:
    body = io.BytesIO(b"x" * (network.CHUNK * 3))
    assert b"".join(network.chunks(body, network.CHUNK * 3)) == b"x" * (network.CHUNK * 3)
    endless = io.BytesIO(b"y" * (network.CHUNK * 10))
    with pytest.raises(network.TooLargeError) as err:
        for _ in network.chunks(endless, network.CHUNK * 2, already=network.CHUNK):
            pass
    assert err.value.size == network.CHUNK * 3  # the bytes got before count
    assert endless.tell() == network.CHUNK * 2  # it stopped reading there


def test_only_web_addresses() -> None:
    assert network.is_web_address("HTTPS://example.org/a")
    assert not network.is_web_address("file:///etc/passwd")
    assert not network.is_web_address("ftp://example.org/")


def test_an_address_nobody_answers_is_unreachable() -> None:
    with socket.socket() as s:  # a port that was free a moment ago: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(network.UnreachableError):
        network.open_url(f"http://127.0.0.1:{port}/", timeout=2, user_agent="test")
