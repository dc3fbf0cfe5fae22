"""The one bar model every page and the report draw: a value on a scale, with its text.

A :class:`Bar` is a value between ``low`` and ``high``, the words printed beside it, and how to
draw it. The drawing is always decoration next to the value written as text, and a value that is
not known (``None``) is never drawn as 0: it is said in words (``note``, else "not published").

- ``share`` is the drawn part of the track (0-1, clamped to the scale); ``percent`` the same as
  a CSS width, rounded to ``digits``;
- ``centred`` bars diverge from a centre line (half the track either way, ``high`` being the
  largest size either way): the paths page's score components and its growth bar;
- ``mark`` is a second value on the same scale drawn as a tick (the level needed against the
  person's level; the person's interest against the occupation's);
- ``cap`` is the part of the track the value can fill at most (a match part's weight), drawn
  behind the fill, whose ``percent`` is then of that part;
- ``look`` names the CSS family the web draws it with (:data:`LOOKS`); the report's SVG and PDF
  read ``share``, ``label`` and ``kind``.

The web renders every bar with one tag (:mod:`unstuck.web.bars`, ``{% bar %}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

NOT_PUBLISHED = "not published"


class Look(NamedTuple):
    """The CSS classes of one family of bars."""

    track: str
    fill: str
    mark: str  # "" for bars without a mark
    value: str
    missing_track: bool  # a missing value hatches the track ("bar-missing")
    missing_value: bool  # a missing value's words are set apart ("missing")
    cap: str = ""  # the part of the track a capped bar can fill
    svg: bool = False  # drawn as a small SVG (the track and the fill as rectangles)


#: look -> its classes: the occupation and results pages' plain bars; the paths cards' score
#: components, levels, interests overlay, pay and growth; a match's parts (each capped at its
#: weight) and the market page's share of postings.
LOOKS: dict[str, Look] = {
    "bar": Look("bar", "bar-fill", "", "bar-value", True, True),
    "component": Look("component-track", "component-fill", "", "component-value", True, False),
    "growth": Look("component-track", "component-fill", "", "money-value", True, False),
    "level": Look("level-track", "level-fill", "level-needed", "level-value", False, False),
    "overlay": Look("overlay-track", "overlay-fill", "overlay-mine", "overlay-value", False, False),
    "money": Look("money-track", "money-fill", "", "money-value", True, False),
    "match": Look(
        "component-track", "component-fill", "", "component-value", True, False, "component-max"
    ),
    "frequency": Look("frequency-bar", "fill", "", "frequency-value", False, False, svg=True),
}


@dataclass(frozen=True)
class Bar:
    """A value on a scale, with its text; nothing is drawn for a missing value."""

    value: float | None
    low: float = 0.0
    high: float = 100.0
    note: str | None = None  # the words for a missing value (why it is missing, when known)
    words: str | None = None  # the value as printed; default: "56%" or "3.5 of 7"
    label: str = ""
    kind: str = ""  # a qualifier printed after the label in the report ("technology")
    mark: float | None = None
    centred: bool = False
    digits: int | None = 0  # decimals of ``percent`` (0: a whole number; None: not rounded)
    look: str = "bar"
    cap: float | None = None  # the share of the track the value can fill (0-1), drawn behind
    hidden: str = ""  # words after the value for screen readers only

    @property
    def missing(self) -> bool:
        return self.value is None

    @property
    def negative(self) -> bool:
        return self.value is not None and self.value < 0

    def _share(self, value: float) -> float:
        if self.centred:
            return min(1.0, abs(value) / self.high) if self.high else 0.0
        span = self.high - self.low
        return min(1.0, max(0.0, (value - self.low) / span)) if span else 0.0

    def _percent(self, share: float) -> float | int:
        scaled = (50.0 if self.centred else 100.0) * share
        if self.digits is None:
            return scaled
        return round(scaled) if self.digits == 0 else round(scaled, self.digits)

    @property
    def share(self) -> float | None:
        """The drawn part of the track, 0-1 (of one half for a centred bar)."""
        return None if self.value is None else self._share(self.value)

    @property
    def percent(self) -> float | int | None:
        """The drawn part as a CSS width in percent of the track, rounded to ``digits``."""
        share = self.share
        return None if share is None else self._percent(share)

    @property
    def mark_percent(self) -> float | int | None:
        return None if self.mark is None else self._percent(self._share(self.mark))

    @property
    def cap_percent(self) -> float | int | None:
        """The capped part of the track in percent (the fill's ``percent`` is of that part)."""
        return None if self.cap is None else self._percent(min(1.0, max(0.0, self.cap)))

    @property
    def text(self) -> str:
        if self.value is None:
            return self.note or NOT_PUBLISHED
        if self.words is not None:
            return self.words
        if self.high == 100.0:
            return f"{self.value:.0f}%"
        return f"{self.value:.1f} of {self.high:g}"

    # -- the web's classes

    @property
    def track_class(self) -> str:
        look = LOOKS[self.look]
        return look.track + (" bar-missing" if self.missing and look.missing_track else "")

    @property
    def fill_class(self) -> str:
        return LOOKS[self.look].fill + (" negative" if self.centred and self.negative else "")

    @property
    def mark_class(self) -> str:
        return LOOKS[self.look].mark

    @property
    def cap_class(self) -> str:
        return LOOKS[self.look].cap

    @property
    def value_class(self) -> str:
        look = LOOKS[self.look]
        return look.value + (" missing" if self.missing and look.missing_value else "")

    # -- the report's plain data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, low: float = 0.0, high: float) -> Bar:
        """A bar from the report's data (:meth:`to_dict`) on the scale ``low``-``high``."""
        return cls(
            float(data["value"]),
            low,
            high,
            label=str(data["label"]),
            kind=str(data.get("kind") or ""),
        )
