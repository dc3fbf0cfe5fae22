"""A posting as a web page: HTML to text, and schema.org ``JobPosting`` objects in JSON-LD.

HTML is read with the standard library's parser (:mod:`unstuck.text.markup`: scripts, styles
and templates dropped, block elements as line breaks). :func:`job_postings` finds the
``JobPosting`` objects in parsed JSON-LD (also inside ``@graph``, ``mainEntity`` and item lists);
:func:`name_of` and :func:`location_of` read its organisation and place fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from unstuck.text import markup
from unstuck.text.posting.model import PostingError


def html_to_text(html: str) -> str:
    return markup.html_to_text(html, PostingError, "this posting's description")


HTML = markup._HTML
PageText = markup._Text


# -- JSON-LD ------------------------------------------------------------------------------------


def job_postings(data: Any) -> Iterable[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from job_postings(item)
    elif isinstance(data, dict):
        kind = data.get("@type")
        if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
            yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                yield from job_postings(data[key])


def name_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return name_of(value.get("name"))
    if isinstance(value, list) and value:
        return name_of(value[0])
    return None


def location_of(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (location_of(v) for v in value) if n]
        return "; ".join(names) or None
    if isinstance(value, dict):
        address = value.get("address", value)
        if isinstance(address, dict):
            parts = [address.get(k) for k in ("addressLocality", "addressRegion",
                                              "addressCountry")]  # fmt: skip
            parts = [name_of(p) for p in parts]
            joined = ", ".join(p for p in parts if p)
            return joined or name_of(value)
        return name_of(address)
    return name_of(value)
