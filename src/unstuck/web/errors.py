"""The error pages: one styled page for any error, in the site's own layout.

``handler500`` renders ``500.html`` (which extends the site template) with the request, so the
page looks like every other page and names what went wrong when it is the disk (read-only or
full, see :func:`disk_problem`); if even that fails (the error was in the layout itself), a
small page in the same words is sent instead, never a traceback.
"""

from __future__ import annotations

import logging
import sqlite3

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

log = logging.getLogger("unstuck.web")

FALLBACK = (
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Something went "
    "wrong · unstuck</title><link rel=\"stylesheet\" href=\"/static/unstuck/app.css\"></head>"
    "<body><main class=\"wrap\"><h1>Something went wrong</h1><p>{detail}</p>"
    "<p><a href=\"/\">Back to the start</a>.</p></main></body></html>"
)
GENERIC = (
    "unstuck hit an error it did not expect. The details are in the terminal where it is "
    "running; nothing you entered before this page was lost."
)


_DISK_WORDS = ("readonly", "read-only", "disk is full", "disk i/o", "unable to open")


def disk_problem(exc: BaseException | None) -> str | None:
    """What to tell the person when ``exc`` says the data folder cannot be written (read-only,
    full, or not permitted), or None."""
    seen = 0
    while exc is not None and seen < 10:
        text = str(exc).lower()
        if isinstance(exc, OSError) and exc.errno in (28, 30, 13, 1):  # ENOSPC EROFS EACCES EPERM
            break
        if isinstance(exc, DatabaseError | sqlite3.Error) and any(w in text for w in _DISK_WORDS):
            break
        exc = exc.__cause__ or exc.__context__
        seen += 1
    else:
        return None
    text = str(exc).lower()
    if "full" in text or (isinstance(exc, OSError) and exc.errno == 28):
        why = "the disk that holds it is full"
    else:
        why = "it is read-only or not yours to write"
    from unstuck import dirs

    return (
        f"unstuck cannot save to its data folder ({dirs.home_path()}): {why}. Nothing was "
        "changed. Free some space or fix the folder's permissions, then try again."
    )


def server_error(request: HttpRequest) -> HttpResponse:
    import sys

    detail = disk_problem(sys.exc_info()[1]) or GENERIC
    try:
        body = loader.render_to_string("500.html", {"detail": detail}, request)
    except Exception:  # noqa: BLE001 - the layout itself failed: the plain page, same words
        log.exception("the error page could not be rendered")
        from django.utils.html import escape

        body = FALLBACK.format(detail=escape(detail))
    return HttpResponseServerError(body)
