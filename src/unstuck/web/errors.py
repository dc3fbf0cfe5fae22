"""The error pages: one styled page for any error, in the site's own layout.

``handler500`` renders ``500.html`` (which extends the site template) with the request, so the
page looks like every other page and names what went wrong when it is the disk (read-only or
full, see :func:`disk_problem`); if even that fails (the error was in the layout itself), a
small page in the same words is sent instead, never a traceback.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

from unstuck.app.disk import disk_problem

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
