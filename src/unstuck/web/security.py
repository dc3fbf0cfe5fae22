"""Safe to expose: who may reach the app, on which names, and the headers every page carries.

**Loopback by default.** ``unstuck serve`` binds 127.0.0.1 and allows only the loopback names
(``127.0.0.1``, ``localhost``, ``[::1]``). Binding any other address needs a passphrase the
person sets (:func:`passphrase_problem` says what a good one is); the app then asks for it on
every page (:func:`login`), remembering a correct one in a signed, HttpOnly, SameSite=Strict
cookie for :data:`LOGIN_DAYS` days. The allowed host names follow the bound address
(:func:`allowed_hosts`); ``*`` is refused (it would let any web page reach the app through DNS
rebinding).

**Loopback names from elsewhere get nothing.** A request naming a loopback host
(``Host: 127.0.0.1``) that did not come from a loopback address is answered 403 with an empty
body: only this machine may call itself "localhost".

**Headers** (:class:`Guard`): a Content-Security-Policy the pages pass (scripts only from the
app's own static files, no inline script; inline ``style`` attributes draw the bars),
Permissions-Policy turning off the browser features unstuck never uses, and
``Cache-Control: no-store`` on every page that is not a static file, since nearly every page
shows personal data.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from unstuck.app.hosts import check_passphrase, is_loopback

LOGIN_DAYS = 30
COOKIE = "unstuck_login"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), "
    "interest-cohort=()"
)
OPEN_PATHS = ("/static/", "/login/")


def login_hash() -> str | None:
    """The passphrase hash the app was started with (``unstuck serve`` sets it), or None when
    no login is needed (loopback only)."""
    value = getattr(settings, "UNSTUCK_LOGIN_HASH", None) or os.environ.get("UNSTUCK_LOGIN_HASH")
    return value or None


def _signer(stored: str) -> signing.TimestampSigner:
    """Signs the login cookie with the passphrase's hash (random salt included, never sent):
    a new passphrase logs every browser out."""
    return signing.TimestampSigner(key=stored, salt="unstuck.login")


def logged_in(request: HttpRequest, stored: str) -> bool:
    token = request.COOKIES.get(COOKIE)
    if not token:
        return False
    try:
        value = _signer(stored).unsign(token, max_age=LOGIN_DAYS * 86400)
    except signing.BadSignature:
        return False
    return hmac.compare_digest(value, "in")


# -- the middleware ------------------------------------------------------------------------------


class Guard:
    """Host check for loopback names, the login when exposed, and the security headers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self._gate(request) or self.get_response(request)
        return with_headers(request, response)

    def _gate(self, request: HttpRequest) -> HttpResponse | None:
        remote = request.META.get("REMOTE_ADDR") or ""
        host = host_name(request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", ""))
        if host and is_loopback(host) and remote and not is_loopback(remote):
            return HttpResponseForbidden(b"")  # only this machine may call itself localhost
        stored = login_hash()
        if stored is None or request.path.startswith(OPEN_PATHS):
            return None
        if logged_in(request, stored):
            return None
        return redirect(f"/login/?next={request.get_full_path()}")


def host_name(header: str) -> str:
    """The host of a Host header, without its port (``[::1]:8000`` -> ``[::1]``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header.split("]", 1)[0] + "]"
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def with_headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    response.setdefault("Content-Security-Policy", CSP)
    response.setdefault("Permissions-Policy", PERMISSIONS)
    response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if not request.path.startswith("/static/"):
        response["Cache-Control"] = "no-store"
    return response


# -- the login page ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    stored = login_hash()
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = "/"
    if stored is None:
        return redirect(target)
    problem = None
    if request.method == "POST":
        if check_passphrase(request.POST.get("passphrase", ""), stored):
            response = redirect(target)
            response.set_cookie(COOKIE, _signer(stored).sign("in"), max_age=LOGIN_DAYS * 86400,
                                httponly=True, samesite="Strict",
                                secure=request.is_secure())  # fmt: skip
            return response
        problem = "That is not the passphrase unstuck was started with."
    context: dict[str, Any] = {"next": target, "problem": problem}
    return render(request, "login.html", context, status=400 if problem else 200)
