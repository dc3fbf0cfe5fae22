"""The normal form that labels, cue phrases and texts are matched in.

Lower case; every ASCII character other than a letter, a digit, ``+`` or ``#`` becomes a space
("problem-solving", "Node.js", "CI/CD" read "problem solving", "node js", "ci cd"); non-ASCII
punctuation (dashes, curly quotes, bullets, no-break spaces, arrows, ticks) becomes spaces too,
byte for byte; other non-ASCII characters (letters with accents, CJK) are kept. The result has
exactly the bytes of the lowered text's UTF-8, so a byte offset in it maps back to a character
offset in the input: directly when the input is ASCII, through :func:`char_offsets` otherwise.
Matching in bytes lets the Aho-Corasick automata work on Python's buffer without a copy, and
``bytes.translate`` folds at memory speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_KEEP = frozenset("+#")
_BYTE_TABLE = bytes(
    b if b >= 0x80 or chr(b).isalnum() or chr(b) in _KEEP else 0x20 for b in range(256)
)
# Non-ASCII punctuation, in UTF-8: Latin-1 signs (no-break space, guillemets, middle dot,
# section...), General Punctuation (dashes, curly quotes, bullets, ellipsis), arrows,
# geometric shapes and dingbats (the bullets and ticks of resumes).
_UNICODE_PUNCT = re.compile(
    rb"\xc2[\xa0-\xbf]|\xe2(?:[\x80\x81\x86\x87\x96\x97\x9c\x9d][\x80-\xbf])"
)


def _spaces(m: re.Match[bytes]) -> bytes:
    return b" " * (m.end() - m.start())


def lower(text: str) -> str:
    """``text.lower()`` with one character per character."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ" -> "i̇")
        low = "".join(c.lower()[:1] for c in text)
    return low


def fold_raw(text: str) -> tuple[bytes, bytes | None]:
    """The normal form of ``text`` as UTF-8 bytes, and the UTF-8 bytes of ``text`` lowered
    (for :func:`char_offsets`) when it is not ASCII, else None (offsets are the same)."""
    low = lower(text)
    if low.isascii():
        return low.encode("ascii").translate(_BYTE_TABLE), None
    raw = low.encode("utf-8", "surrogatepass")
    return _UNICODE_PUNCT.sub(_spaces, raw).translate(_BYTE_TABLE), raw


def fold(text: str) -> bytes:
    """The normal form of ``text`` as UTF-8 bytes (byte offsets: see :func:`char_offsets`)."""
    return fold_raw(text)[0]


def key(phrase: str) -> bytes:
    """A phrase's matching key: its folded words joined by single spaces."""
    return b" ".join(fold(phrase).split())


_NOT_ALNUM = re.compile(r"[\W_]+")


def alnum(text: str) -> str:
    """The letters and digits of ``text``."""
    return _NOT_ALNUM.sub("", text)


def char_offsets(raw: bytes, points: Iterable[int]) -> dict[int, int]:
    """Character offsets of byte offsets into ``raw`` (the UTF-8 of the text, or its normal
    form: the two have the same byte length). The points must lie on character boundaries,
    as every match does (it starts and ends next to a space or at a text end)."""
    out: dict[int, int] = {}
    prev_b = prev_c = 0
    for p in sorted(set(points)):
        prev_c += len(raw[prev_b:p].decode("utf-8", "surrogatepass"))
        prev_b = p
        out[p] = prev_c
    return out
