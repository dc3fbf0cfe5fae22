"""HTTP(S) requests, the one place unstuck talks to the network.

Two callers: the data download (:func:`unstuck.knowledge.sources.download`) and a job posting
fetched by its address (:func:`unstuck.text.posting.fetch_posting`). This module opens the
address and reads the body in bounded chunks; each caller words the errors for its own users
(:class:`HttpStatusError`, :class:`UnreachableError`, :class:`TooLargeError`). A leaf like
:mod:`unstuck.dirs`: the standard library only.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from typing import Any

CHUNK = 1 << 16  # bytes per read


class NetworkError(Exception):
    """Opening or reading an address failed."""


class HttpStatusError(NetworkError):
    """The server answered with an HTTP error status."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"HTTP {code} {reason}")
        self.code = code
        self.reason = reason


class UnreachableError(NetworkError):
    """No answer: the name does not resolve, the connection is refused or timed out."""

    def __init__(self, reason: object) -> None:
        super().__init__(str(reason))
        self.reason = reason


class TooLargeError(NetworkError):
    """The body is larger than the caller allows."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def is_web_address(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def open_url(
    url: str, *, timeout: float, user_agent: str, headers: Mapping[str, str] | None = None
) -> Any:
    """The open response to a GET of ``url`` (use it as a context manager); raises
    :class:`HttpStatusError` or :class:`UnreachableError`."""
    request = urllib.request.Request(url, headers={"User-Agent": user_agent, **(headers or {})})
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as err:
        raise HttpStatusError(err.code, str(err.reason)) from err
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        raise UnreachableError(getattr(err, "reason", err)) from err


def content_length(response: Any) -> int | None:
    """The length the server announces for the body, if it does."""
    length = response.headers.get("Content-Length")
    return int(length) if length and length.isdigit() else None


def chunks(response: Any, max_bytes: int, *, already: int = 0) -> Iterator[bytes]:
    """The body, chunk by chunk; :class:`TooLargeError` as soon as more than ``max_bytes``
    (counting ``already`` bytes got before) have come, so an endless body stops early. A read
    that fails raises what the socket raised (``OSError``, ``TimeoutError``)."""
    done = already
    while True:
        chunk = response.read(CHUNK)
        if not chunk:
            return
        done += len(chunk)
        if done > max_bytes:
            raise TooLargeError(done)
        yield chunk
