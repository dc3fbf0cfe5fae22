"""Fetching a web page for the person, safely: http(s) only, public addresses only, bounded.

:func:`fetch` follows at most :data:`MAX_REDIRECTS` redirects itself, and for every hop:

- the scheme must be ``http`` or ``https`` (a redirect to ``ftp://`` or ``file://`` is refused);
- the host name is resolved once and **every** address it resolves to must be public: loopback,
  private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
  reserved and unspecified addresses are refused, named ("a private address (10.0.0.5)");
- the connection goes to the address that was checked (no second lookup that DNS rebinding
  could answer differently), with the name kept for the Host header and TLS certificate check;
- unstuck's own address (the port ``unstuck serve`` listens on, on this machine) is refused
  even where private addresses are allowed.

The whole fetch, redirects included, has one deadline (:data:`DEADLINE` seconds: a server that
sends a byte every few seconds is cut off) and a size cap enforced while reading.

``UNSTUCK_FETCH_ALLOW`` (comma-separated networks, e.g. ``10.1.0.0/16``) allows addresses the
person chooses, such as an intranet job board; nothing is allowed by default.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import ssl
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 5
DEADLINE = 20.0  # seconds for the whole fetch
TIMEOUT = 10.0  # seconds for connecting and for each read
USER_AGENT = "unstuck (job posting reader)"

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class FetchError(ValueError):
    """The address was not fetched; the message names the reason, for a person."""


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    status: int
    headers: Message
    body: bytes


def refusal(address: IP) -> str | None:
    """Why ``address`` may not be fetched, or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for test, what in (
        (address.is_loopback, "a loopback address (this machine)"),
        (address.is_link_local, "a link-local address"),
        (address.is_unspecified, "an unspecified address"),
        (address.is_multicast, "a multicast address"),
        (isinstance(address, ipaddress.IPv4Address) and address in _CGNAT, "a shared address"),
        (address.is_private, "a private address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    ):
        if test:
            return f"{what} ({address})"
    return None


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    out = []
    for part in os.environ.get("UNSTUCK_FETCH_ALLOW", "").split(","):
        if part.strip():
            try:
                out.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError:
                continue
    return out


def _own_port() -> int | None:
    value = os.environ.get("UNSTUCK_PORT", "")
    return int(value) if value.isdigit() else None


def _is_own(address: IP, port: int) -> bool:
    """Whether ``address:port`` is unstuck itself (this machine, the port it serves on)."""
    own = _own_port()
    if own is None or port != own:
        return False
    if address.is_loopback or address.is_unspecified:
        return True
    try:
        mine = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
    except OSError:
        mine = set()
    bind = os.environ.get("UNSTUCK_BIND", "")
    return str(address) in mine or str(address) == bind


def resolve(host: str, port: int, remaining: float) -> IP:
    """The one address to connect to for ``host``: every address it resolves to is checked."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
        addresses: list[IP] = [literal]
    except ValueError:
        old = socket.getdefaulttimeout()
        socket.setdefaulttimeout(max(0.1, min(remaining, TIMEOUT)))
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise FetchError(f"the address could not be found ({host}: {exc})") from None
        finally:
            socket.setdefaulttimeout(old)
        addresses = list(dict.fromkeys(ipaddress.ip_address(i[4][0]) for i in infos))
    if not addresses:
        raise FetchError(f"the address could not be found ({host})")
    allowed = _allowed_networks()
    for address in addresses:
        if _is_own(address, port):
            raise FetchError(f"{host}:{port} is unstuck's own address: refused")
        why = refusal(address)
        if why and not any(address in net for net in allowed):
            raise FetchError(f"{host} resolves to {why}: only public addresses are fetched")
    return addresses[0]


class _HTTP(http.client.HTTPConnection):
    def __init__(self, host: str, address: IP, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = str(address)

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _HTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, address: IP, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = str(address)

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(
    url: str, *, max_bytes: int, timeout: float = TIMEOUT, deadline: float = DEADLINE
) -> Page:
    """GET ``url`` (see the module docstring for what is refused); the final page, read in
    full up to ``max_bytes`` (raises :class:`FetchError` past it, or past the deadline)."""
    until = time.monotonic() + deadline
    megabytes = f"{max_bytes / 1_000_000:g} MB"

    def remaining() -> float:
        left = until - time.monotonic()
        if left <= 0:
            raise FetchError(f"the page took longer than {deadline:g} seconds to arrive")
        return left

    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"only http:// and https:// addresses are fetched, not {scheme}:")
        if not parts.hostname:
            raise FetchError("the address has no host name")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise FetchError("the address has an invalid port") from None
        address = resolve(parts.hostname, port, remaining())
        kind = _HTTPS if scheme == "https" else _HTTP
        conn = kind(parts.hostname, address, port, min(timeout, remaining()))
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location", ""))
                continue
            length = response.getheader("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"the page is over {megabytes}")
            chunks: list[bytes] = []
            size = 0
            while True:
                if conn.sock is not None:
                    conn.sock.settimeout(min(timeout, remaining()))
                chunk = response.read1(65536)  # what has arrived, not a full 64 KB
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"the page is over {megabytes}")
                chunks.append(chunk)
                remaining()
            return Page(url, response.status, response.msg, b"".join(chunks))
        except TimeoutError:
            raise FetchError(
                f"the address did not answer in time (at most {deadline:g} seconds in all)"
            ) from None
        except ssl.SSLError as exc:
            raise FetchError(f"the secure connection failed ({exc.reason or exc})") from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"the address could not be fetched: {exc}") from None
        finally:
            conn.close()
    raise FetchError(f"the address redirected more than {MAX_REDIRECTS} times")
