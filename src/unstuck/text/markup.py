"""HTML to lines of text, for postings saved from the web and resumes saved as pages.

The standard library's parser; scripts, styles and templates are dropped, block elements become
line breaks, a table row becomes one line with its cells between bars ("Employer | Title |
2019 - 2021"), list items keep a bullet. :class:`_Text` also keeps the page's JSON-LD scripts,
its first ``<h1>`` and its ``<title>`` aside, for the posting reader.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from unstuck.text import limits

_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr section article header footer table "
    "dd dt blockquote pre".split()
)
_DROP = frozenset("script style noscript template svg head iframe object".split())


class _Text(HTMLParser):
    """HTML to text lines; keeps the JSON-LD scripts aside and the first <h1> and <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.json_ld: list[str] = []
        self.h1: str | None = None
        self.title: str | None = None
        self._drop = 0
        self._in: str | None = None  # "json-ld" | "h1" | "title"
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and ("type", "application/ld+json") in attrs:
            self._in, self._buf = "json-ld", []
            return
        if tag == "title" and self.title is None:
            self._in, self._buf = "title", []
        if tag in _DROP:
            self._drop += 1
            return
        if tag == "h1" and self.h1 is None:
            self._in, self._buf = "h1", []
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag in ("td", "th"):
            self.parts.append(" | ")  # a table row is one line, its cells between bars
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if self._in == "json-ld" and tag == "script":
            self.json_ld.append("".join(self._buf))
            self._in = None
            return
        if self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buf).split()) or None
            self._in = None
        if tag in _DROP:
            self._drop = max(0, self._drop - 1)
            return
        if self._in == "h1" and tag == "h1":
            self.h1 = " ".join("".join(self._buf).split()) or None
            self._in = None
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in in ("json-ld", "title"):
            self._buf.append(data)
            return
        if self._drop:
            return
        if self._in == "h1":
            self._buf.append(data)
        self.parts.append(data)

    def text(self) -> str:
        lines = (
            " ".join(line.split()).strip(" |") for line in "".join(self.parts).splitlines()
        )
        return "\n".join(line for line in lines if line)


def html_to_text(
    html: str, error: type[ValueError] = ValueError, what: str = "this page"
) -> str:
    """The text of an HTML page or fragment, one block per line (table rows as cells between
    bars); over :data:`~unstuck.text.limits.MAX_TAGS` tags is refused with ``error``."""
    limits.check_tags(html, error, what)
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.text()


_HTML = re.compile(r"<\s*(?:html|body|div|p|br|li|h[1-6]|span|script|!doctype)\b", re.I)
