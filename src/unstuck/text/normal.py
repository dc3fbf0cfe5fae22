"""The normal form that labels, cue phrases and texts are matched in.

Lower case; every ASCII character other than a letter, a digit, ``+`` or ``#`` becomes a space
("problem-solving", "Node.js", "CI/CD" read "problem solving", "node js", "ci cd"). A non-ASCII
letter or digit becomes its unaccented ASCII base when it has one ("é" -> "e", so "café" and
"cafe" match) and ``x`` otherwise; any other non-ASCII character (dashes, curly quotes,
bullets, no-break spaces, symbols, emoji) becomes a space.

The result is ASCII bytes with exactly one byte per input character, so an offset in it *is*
an offset in the input: no mapping, whatever the script. Matching in bytes lets the
Aho-Corasick automata read Python's buffer directly, and folding is ``str.lower``,
``str.encode`` and ``bytes.translate``, all in C; only runs of non-ASCII characters go through
a Python error handler, one call per run.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

_KEEP = frozenset("+#")
_BYTE_TABLE = bytes(
    b if b < 0x80 and (chr(b).isalnum() or chr(b) in _KEEP) else 0x20 for b in range(256)
)
_ERRORS = "unstuck-fold"


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if not c.isalnum():
        return " "
    base = unicodedata.normalize("NFKD", c)[:1]
    return base if base.isascii() and base.isalnum() else "x"


def _handler(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):  # pragma: no cover - only encoding uses it
        raise err
    run = err.object[err.start : err.end]
    return "".join(map(_fold_char, run)), err.end


codecs.register_error(_ERRORS, _handler)


def lower(text: str) -> str:
    """``text.lower()`` with one character per character."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ" -> "i̇")
        low = "".join(c.lower()[:1] for c in text)
    return low


def fold(text: str) -> bytes:
    """The normal form of ``text``: ASCII bytes, one per character."""
    return lower(text).encode("ascii", _ERRORS).translate(_BYTE_TABLE)


def key(phrase: str) -> bytes:
    """A phrase's matching key: its folded words joined by single spaces."""
    return b" ".join(fold(phrase).split())


_NOT_ALNUM = re.compile(r"[\W_]+")


def alnum(text: str) -> str:
    """The letters and digits of ``text``."""
    return _NOT_ALNUM.sub("", text)
