"""Which addresses and Host names unstuck answers on, and the passphrase it asks for when it
is reachable from other machines (pure: no Django, so the settings and ``serve`` use it too).
See :mod:`unstuck.web.security` for the middleware and the login page."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import socket

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MIN_PASSPHRASE = 12
ITERATIONS = 200_000


# -- addresses and names -------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``, brackets allowed) is this machine only."""
    host = host.strip().strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ExposureError(ValueError):
    """The app cannot be exposed this way; the message says why and what to do."""


def allowed_hosts(bind: str, extra: str = "") -> list[str]:
    """The Host names to accept when bound to ``bind``: the loopback names for a loopback
    address; otherwise the bound address itself (for 0.0.0.0 or ::, this machine's name and
    its addresses), the loopback names (only honoured from loopback peers, see :class:`Guard`)
    and the comma-separated ``extra`` names (``UNSTUCK_ALLOWED_HOSTS``). Raises
    :class:`ExposureError` for ``*``."""
    names = [h.strip() for h in extra.split(",") if h.strip()]
    if any(n in ("*", ".") for n in names):
        raise ExposureError(
            "UNSTUCK_ALLOWED_HOSTS='*' is refused: it lets any web page you visit reach unstuck "
            "through DNS rebinding. List the names this machine is reached by instead."
        )
    hosts = list(LOOPBACK_NAMES)
    if not is_loopback(bind):
        if bind in ("0.0.0.0", "::", ""):
            hosts += _own_names()
        else:
            hosts.append(f"[{bind}]" if ":" in bind else bind)
    return list(dict.fromkeys(hosts + names))


def _own_names() -> list[str]:
    name = socket.gethostname()
    out = [name, f"{name}.local"]
    try:
        infos = socket.getaddrinfo(name, None)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        out.append(f"[{address}]" if ":" in address else address)
    return out


# -- the passphrase ------------------------------------------------------------------------------


def passphrase_problem(passphrase: str | None) -> str | None:
    if not passphrase:
        return "no passphrase was set"
    if len(passphrase) < MIN_PASSPHRASE:
        return f"the passphrase is shorter than {MIN_PASSPHRASE} characters"
    return None


def hash_passphrase(passphrase: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", passphrase.encode(), salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${digest.hex()}"


def check_passphrase(passphrase: str, stored: str) -> bool:
    try:
        _, iterations, salt, digest = stored.split("$")
        got = hashlib.pbkdf2_hmac(
            "sha256", passphrase.encode(), bytes.fromhex(salt), int(iterations)
        )
    except ValueError:
        return False
    return hmac.compare_digest(got.hex(), digest)
