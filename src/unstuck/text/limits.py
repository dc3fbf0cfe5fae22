"""Bounds on what the readers accept, checked before the work that grows with the input.

A document is refused with a clear error, naming the limit, when it is larger than a real
resume or posting could be: more than :data:`MAX_CHARS` characters of text, :data:`MAX_LINES`
lines or a line of more than :data:`MAX_LINE` characters; JSON nested deeper than
:data:`MAX_DEPTH` levels or holding ``NaN``/``Infinity``; a CSV field over
:data:`MAX_FIELD` characters. Every check here is one linear pass (most in C), so a 10 MB input
of any shape is read or refused in well under a second before extraction starts.

Each function takes the reader's own error class (``ResumeError``, ``PostingError``) so the
reader's callers see one kind of error, with a message for a person.
"""

from __future__ import annotations

import csv
import io
import json
import math
import time
from collections.abc import Iterator
from typing import Any

MAX_CHARS = 1_000_000  # characters of text in one document (a resume is ~20,000)
MAX_LINES = 20_000  # lines of text in one document
MAX_LINE = 20_000  # characters in one line (a long paragraph is ~2,000)
MAX_DEPTH = 64  # nesting of JSON objects and arrays (JSON Resume needs 4, JSON-LD ~10)
MAX_FIELD = 1_000_000  # characters in one CSV field (one posting's text in a batch)
MAX_ROWS = 5_000  # postings in one batch, rows in one LinkedIn export file
MAX_EVIDENCE = 20  # lines kept as the evidence of one skill...
EVIDENCE_CHARS = 4_000  # ...and no more characters than this (always at least one line)
MAX_SKILLS = 1_000  # distinct skills named in one document (a resume names ~50)
MAX_STORED = 4_000_000  # characters of JSON stored for what was read from one document
MAX_TAGS = 200_000  # HTML tags in one page (a long job page has ~20,000)
READ_SECONDS = 20.0  # reading one document (or one batch) takes at most this long


class Deadline:
    """A time limit on reading one document: :meth:`check` raises ``error`` once it has
    passed, so a document that would take too long is refused (and never stored) instead of
    holding a server thread."""

    __slots__ = ("error", "seconds", "until", "what")

    def __init__(
        self, error: type[ValueError], what: str = "this document", seconds: float | None = None
    ) -> None:
        self.error, self.what = error, what
        self.seconds = READ_SECONDS if seconds is None else seconds
        self.until = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.until:
            raise self.error(
                f"reading {self.what} took longer than {self.seconds:g} seconds: refused"
            )


class Evidence(dict[str, None]):
    """The lines that evidence one skill, in order, each once (a dict: O(1) membership),
    bounded by :data:`MAX_EVIDENCE` lines and :data:`EVIDENCE_CHARS` characters."""

    __slots__ = ("chars",)

    def __init__(self) -> None:
        super().__init__()
        self.chars = 0

    def add(self, line: str) -> None:
        if line in self or len(self) >= MAX_EVIDENCE or (self and self.chars >= EVIDENCE_CHARS):
            return
        self[line] = None
        self.chars += len(line)


def check_skills(count: int, error: type[ValueError], what: str = "this document") -> None:
    if count > MAX_SKILLS:
        raise error(f"{what} names more than {MAX_SKILLS:,} different skills: refused")


def check_stored(parsed: Any, error: type[ValueError], what: str = "this document") -> None:
    """Refuse to store what was read when its JSON is over :data:`MAX_STORED` characters."""
    size = len(json.dumps(parsed, ensure_ascii=False))
    if size > MAX_STORED:
        raise error(
            f"what was read from {what} is {size:,} characters, more than the {MAX_STORED:,} "
            "unstuck keeps for one document: refused"
        )


def check_tags(markup: str, error: type[ValueError], what: str = "this page") -> None:
    """Refuse markup with more than :data:`MAX_TAGS` tags (counted in C, before parsing)."""
    tags = markup.count("<")
    if tags > MAX_TAGS:
        raise error(f"{what} has {tags:,} tags, more than {MAX_TAGS:,}: refused")


def check_text(text: str, error: type[ValueError], what: str = "this document") -> None:
    """Refuse text over :data:`MAX_CHARS` characters, :data:`MAX_LINES` lines or with a line
    over :data:`MAX_LINE` characters."""
    if len(text) > MAX_CHARS:
        raise error(
            f"{what} holds {len(text):,} characters of text, more than the {MAX_CHARS:,} "
            "a resume or posting could have: refused"
        )
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise error(f"{what} has {lines:,} lines, more than {MAX_LINES:,}: refused")
    if len(text) > MAX_LINE:
        longest = max(map(len, text.splitlines()), default=0)
        if longest > MAX_LINE:
            raise error(
                f"{what} has a line of {longest:,} characters, more than {MAX_LINE:,}: "
                "refused (break it into lines or paragraphs)"
            )


def _constant(name: str) -> float:
    raise _NotFinite(name)


class _NotFinite(ValueError):
    pass


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(text[:20])
    return value


def load_json(text: str, error: type[ValueError], what: str = "this file") -> Any:
    """Parse JSON, refusing ``NaN``, ``Infinity``, numbers too large for a float or an int of
    more than 4,300 digits, and nesting deeper than :data:`MAX_DEPTH`. Raises ``error`` with
    a clear message, or :class:`json.JSONDecodeError` when it is not JSON at all (so callers
    can try another format)."""
    try:
        value = json.loads(text, parse_constant=_constant, parse_float=_float)
    except _NotFinite as exc:
        raise error(f"{what} holds {exc} where a number should be: refused") from None
    except RecursionError:
        raise error(f"{what} is nested deeper than {MAX_DEPTH} levels: refused") from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise error(f"{what} holds a number too large to read ({str(exc)[:80]})") from None
    if nesting(value) > MAX_DEPTH:
        raise error(f"{what} is nested deeper than {MAX_DEPTH} levels: refused")
    return value


def nesting(value: Any) -> int:
    """How deeply lists and dicts nest in ``value`` (0 for a scalar), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            return depth
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return deepest


# one process-wide setting (the csv module has no per-reader limit): set once, never restored,
# so threads reading at once never race on it
csv.field_size_limit(MAX_FIELD)


def csv_dicts(
    text: str, error: type[ValueError], what: str = "this CSV file", *, start: int = 2
) -> Iterator[tuple[int, dict[str, Any]]]:
    """``csv.DictReader`` rows as (line number, row), turning the csv module's errors (a field
    over :data:`MAX_FIELD` characters, a NUL byte) into ``error`` and refusing more than
    :data:`MAX_ROWS` rows."""
    reader = csv.DictReader(io.StringIO(text))
    number = start - 1
    try:
        for number, row in enumerate(reader, start=start):  # noqa: B007
            if number - start >= MAX_ROWS:
                raise error(f"{what} has more than {MAX_ROWS:,} rows: refused")
            yield number, row
    except csv.Error as exc:
        message = str(exc)
        if "field larger than field limit" in message:
            message = f"a field is over {MAX_FIELD:,} characters"
        raise error(f"{what}, row {number + 1}: cannot be read ({message[:80]})") from None


def fieldnames(text: str, error: type[ValueError], what: str = "this CSV file") -> list[str]:
    """The header of a CSV text (empty when there is none), csv errors turned into ``error``."""
    try:
        return list(csv.DictReader(io.StringIO(text)).fieldnames or ())
    except csv.Error as exc:
        raise error(f"{what}: its header cannot be read ({str(exc)[:80]})") from None
