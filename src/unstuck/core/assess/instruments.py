"""Instruments as data, and the scoring primitives every instrument shares.

An :class:`Instrument` is plain data: a versioned id (``"rut-check/1"``), a response scale,
subscales and items (each item names its subscale and whether it is reverse-keyed). The
wording is written for unstuck; no published instrument's items are reused.

Scoring is deliberately simple and transparent, because every number the person sees must be
traceable to the answers behind it:

- an answer is first *keyed* (reverse-keyed items are flipped: ``keyed = min + max - raw``);
- a subscale score is the mean keyed answer over the items that were answered, rescaled to
  0–100 (``100 * (mean - min) / (max - min)``);
- skipped items are left out, never imputed. A subscale is scored only when at least half of its
  items are answered (:data:`SUBSCALE_MIN_COVERAGE`); an instrument is scored only when its own
  minimum share of items is answered (:attr:`Instrument.min_coverage`), otherwise scoring raises
  :class:`InsufficientAnswersError` saying how many more answers are needed;
- a *follow-up* item (``asked_if``) is put only when its screening item's answer points to it
  (the rut check asks a root cause's second and third statements only when the first is not
  disagreed with). A follow-up the screen ruled out is *not asked*: it counts neither towards
  the items needed nor against a subscale's coverage, so a cause ruled out by its screen is
  scored from that one answer.

Every score object carries the :class:`ScoredItem` rows it was computed from, so the web page
and ``--json`` can show "this 72 comes from these four answers".

Versioning: the id's suffix is bumped whenever items, keying or scoring change meaning, so a
stored result can always be re-scored with the instrument that produced it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: A subscale needs at least this share of its items answered to get a score.
SUBSCALE_MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class ResponseScale:
    """An integer response scale ``minimum..maximum`` with a label for every point."""

    minimum: int
    maximum: int
    labels: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.maximum <= self.minimum:
            raise ValueError("a response scale needs maximum > minimum")
        if len(self.labels) != self.maximum - self.minimum + 1:
            raise ValueError("a response scale needs one label per point")

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(range(self.minimum, self.maximum + 1))

    def label(self, value: int) -> str:
        return self.labels[value - self.minimum]

    def contains(self, value: int) -> bool:
        return self.minimum <= value <= self.maximum

    def normalise(self, keyed: float) -> float:
        """Map a (keyed) answer or mean answer onto 0–100."""
        return 100.0 * (keyed - self.minimum) / (self.maximum - self.minimum)


@dataclass(frozen=True)
class Subscale:
    id: str
    name: str
    description: str = ""
    group: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    subscale: str
    reverse: bool = False
    #: Item-specific labels, when the instrument's generic labels do not read well.
    labels: tuple[str, ...] | None = None
    #: A follow-up: asked only when the screening item ``asked_if[0]`` is unanswered or was
    #: answered ``asked_if[1]`` or higher (see :meth:`Instrument.asked`).
    asked_if: tuple[str, int] | None = None


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    description: str
    instructions: str
    scale: ResponseScale
    subscales: tuple[Subscale, ...]
    items: tuple[Item, ...]
    #: Share of all items that must be answered before the instrument is scored at all.
    min_coverage: float = 0.7
    #: Subscale ids the person may also put in order (work values); empty if no ranking.
    ranking_of: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        sub_ids = {s.id for s in self.subscales}
        seen: set[str] = set()
        for item in self.items:
            if item.id in seen:
                raise ValueError(f"{self.id}: duplicate item id {item.id}")
            seen.add(item.id)
            if item.subscale not in sub_ids:
                raise ValueError(f"{self.id}: item {item.id} names unknown subscale")
            if item.labels is not None and len(item.labels) != len(self.scale.labels):
                raise ValueError(f"{self.id}: item {item.id} needs one label per scale point")
            if item.asked_if is not None and item.asked_if[0] not in seen:
                raise ValueError(f"{self.id}: item {item.id} follows up an item not before it")
        for sid in self.ranking_of:
            if sid not in sub_ids:
                raise ValueError(f"{self.id}: ranking names unknown subscale {sid}")

    @property
    def family(self) -> str:
        """``"rut-check"`` for ``"rut-check/1"``."""
        return self.id.split("/", 1)[0]

    @property
    def version(self) -> int:
        return int(self.id.split("/", 1)[1])

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def subscale(self, subscale_id: str) -> Subscale:
        for sub in self.subscales:
            if sub.id == subscale_id:
                return sub
        raise KeyError(subscale_id)

    def items_of(self, subscale_id: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.subscale == subscale_id)

    def labels_for(self, item: Item) -> tuple[str, ...]:
        return item.labels if item.labels is not None else self.scale.labels

    def asked(self, answered: Mapping[str, Any] | None = None) -> tuple[Item, ...]:
        """The items put to a person whose answers so far are ``answered``: every item but the
        follow-ups their screening answer rules out. A follow-up answered anyway is kept (an
        answer is never thrown away); with no answers, every item."""
        if answered is None:
            return self.items
        out = []
        for item in self.items:
            if item.asked_if is not None and item.id not in answered:
                screen = answered.get(item.asked_if[0])
                if isinstance(screen, int) and screen < item.asked_if[1]:
                    continue
            out.append(item)
        return tuple(out)

    def min_answers(self, answered: Mapping[str, Any] | None = None) -> int:
        """Answers needed for a score: :attr:`min_coverage` of the items asked."""
        return math.ceil(self.min_coverage * len(self.asked(answered)))

    def to_dict(self) -> dict[str, Any]:
        """The instrument as JSON-ready data (for ``--json`` and the web wizard)."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "instructions": self.instructions,
            "scale": {
                "minimum": self.scale.minimum,
                "maximum": self.scale.maximum,
                "labels": list(self.scale.labels),
            },
            "min_coverage": self.min_coverage,
            "subscales": [
                {"id": s.id, "name": s.name, "description": s.description, "group": s.group}
                for s in self.subscales
            ],
            "items": [
                {
                    "id": i.id,
                    "text": i.text,
                    "subscale": i.subscale,
                    "reverse": i.reverse,
                    "labels": list(self.labels_for(i)),
                }
                for i in self.items
            ],
            "ranking_of": list(self.ranking_of),
        }


@dataclass(frozen=True)
class Responses:
    """One person's answers to one instrument.

    ``answers`` maps item id to the chosen scale point; a missing key or ``None`` means the
    item was skipped. ``ranking`` lists subscale ids most-important first (only for
    instruments with :attr:`Instrument.ranking_of`).
    """

    instrument_id: str
    answers: Mapping[str, int | None]
    ranking: tuple[str, ...] = ()

    def answered(self) -> dict[str, int]:
        return {k: v for k, v in self.answers.items() if v is not None}

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "instrument": self.instrument_id,
            "answers": dict(self.answers),
        }
        if self.ranking:
            data["ranking"] = list(self.ranking)
        return data


class InsufficientAnswersError(ValueError):
    """Too few items answered to give a meaningful score."""

    def __init__(
        self, instrument: Instrument, answered: int, answers: Mapping[str, Any] | None = None
    ) -> None:
        self.instrument_id = instrument.id
        self.answered = answered
        self.required = instrument.min_answers(answers)
        self.total = len(instrument.asked(answers))
        super().__init__(
            f"{instrument.name}: {answered} of {self.total} questions answered; at least "
            f"{self.required} ({instrument.min_coverage:.0%}) are needed for a score. "
            f"Please answer {self.required - answered} more."
        )


@dataclass(frozen=True)
class ScoredItem:
    """One answer as it entered a score: the raw choice and its keyed value."""

    item_id: str
    text: str
    raw: int
    keyed: int
    reverse: bool
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "item": self.item_id,
            "text": self.text,
            "answer": self.raw,
            "answer_label": self.label,
            "reverse_keyed": self.reverse,
            "keyed": self.keyed,
        }


@dataclass(frozen=True)
class SubscaleScore:
    """A subscale's 0–100 score, or ``None`` when too few of its items were answered."""

    subscale_id: str
    name: str
    score: float | None
    answered: int
    total: int
    items: tuple[ScoredItem, ...]
    skipped: tuple[str, ...] = field(default=())

    @property
    def coverage(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def scored(self) -> bool:
        return self.score is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.subscale_id,
            "name": self.name,
            "score": None if self.score is None else round(self.score, 1),
            "answered": self.answered,
            "total": self.total,
            "coverage": round(self.coverage, 3),
            "skipped": list(self.skipped),
            "answers": [i.to_dict() for i in self.items],
            "how": (
                "mean of the keyed answers, rescaled to 0–100"
                if self.score is not None
                else f"not scored: fewer than {SUBSCALE_MIN_COVERAGE:.0%} of its items answered"
            ),
        }


@dataclass(frozen=True)
class Coverage:
    answered: int
    total: int
    minimum: int

    @property
    def share(self) -> float:
        return self.answered / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "answered": self.answered,
            "total": self.total,
            "share": round(self.share, 3),
            "minimum_answers": self.minimum,
        }


def key(instrument: Instrument, item: Item, raw: int) -> int:
    """Apply reverse keying: on a 1–5 scale a reverse-keyed 5 counts as 1."""
    if item.reverse:
        return instrument.scale.minimum + instrument.scale.maximum - raw
    return raw


def scored_item(instrument: Instrument, item: Item, raw: int) -> ScoredItem:
    return ScoredItem(
        item_id=item.id,
        text=item.text,
        raw=raw,
        keyed=key(instrument, item, raw),
        reverse=item.reverse,
        label=instrument.labels_for(item)[raw - instrument.scale.minimum],
    )


def check_responses(instrument: Instrument, responses: Responses) -> dict[str, int]:
    """The answered items of ``responses``, after refusing anything scoring cannot trust.

    Answers files are validated with a list of problems (see ``validation``); this is the
    last line of defence for callers that build :class:`Responses` themselves.
    """
    if responses.instrument_id != instrument.id:
        raise ValueError(f"answers are for {responses.instrument_id}, not {instrument.id}")
    answered = responses.answered()
    known = {i.id for i in instrument.items}
    for item_id, value in answered.items():
        if item_id not in known:
            raise ValueError(f"{instrument.id}: unknown item {item_id}")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{instrument.id}: answer to {item_id} must be a whole number")
        if not instrument.scale.contains(value):
            raise ValueError(
                f"{instrument.id}: answer to {item_id} is {value}, outside "
                f"{instrument.scale.minimum}–{instrument.scale.maximum}"
            )
    if len(answered) < instrument.min_answers(answered):
        raise InsufficientAnswersError(instrument, len(answered), answered)
    return answered


def coverage(instrument: Instrument, answered: Mapping[str, int]) -> Coverage:
    return Coverage(
        len(answered), len(instrument.asked(answered)), instrument.min_answers(answered)
    )


def score_subscale(
    instrument: Instrument, subscale: Subscale, answered: Mapping[str, int]
) -> SubscaleScore:
    asked = {i.id for i in instrument.asked(answered)}
    items = tuple(i for i in instrument.items_of(subscale.id) if i.id in asked)
    rows = tuple(scored_item(instrument, i, answered[i.id]) for i in items if i.id in answered)
    skipped = tuple(i.id for i in items if i.id not in answered)
    score: float | None = None
    if rows and len(rows) >= math.ceil(SUBSCALE_MIN_COVERAGE * len(items)):
        mean = sum(r.keyed for r in rows) / len(rows)
        score = instrument.scale.normalise(mean)
    return SubscaleScore(
        subscale_id=subscale.id,
        name=subscale.name,
        score=score,
        answered=len(rows),
        total=len(items),
        items=rows,
        skipped=skipped,
    )


def score_subscales(
    instrument: Instrument, answered: Mapping[str, int]
) -> dict[str, SubscaleScore]:
    return {s.id: score_subscale(instrument, s, answered) for s in instrument.subscales}
