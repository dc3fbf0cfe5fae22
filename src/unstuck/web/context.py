"""Template context processors: what every page's layout needs.

``knowledge`` puts a :class:`unstuck.web.installed.Summary` in the context as ``knowledge``:
whether a knowledge base is installed, its release and each source's attribution, for the
footer. It costs one ``stat`` per request and never loads the knowledge base itself.
"""

from __future__ import annotations

from django.http import HttpRequest

from unstuck.web.installed import Summary, summary


def knowledge(request: HttpRequest) -> dict[str, Summary]:
    return {"knowledge": summary()}
