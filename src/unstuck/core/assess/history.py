"""What changed since last time: comparing two results of the same instrument family.

A result is reduced to a :class:`Snapshot` — its named scores and a few highlights (the
interest code, the severity band, the main causes). Snapshots are what the history stores
alongside the raw answers, so an old result can be compared without re-scoring it.

A score counts as changed only when it moved by at least :data:`MEANINGFUL_CHANGE` points on
0–100: answering a questionnaire twice always wobbles a little, and calling a two-point
wobble "better" would be false precision. If the two results come from different instrument
versions the comparison still runs, with a note saying the numbers are not strictly
comparable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from unstuck.core.assess.common import Better, NamedScore

MEANINGFUL_CHANGE = 5.0

Direction = Literal["better", "worse", "up", "down", "same", "new", "gone"]


class Summarised(Protocol):
    instrument_id: str

    def summary(self) -> tuple[NamedScore, ...]: ...

    def highlights(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class Snapshot:
    instrument_id: str
    scores: tuple[NamedScore, ...]
    highlights: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, result: Summarised) -> Snapshot:
        return cls(result.instrument_id, result.summary(), dict(result.highlights()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument_id,
            "scores": [s.to_dict() for s in self.scores],
            "highlights": dict(self.highlights),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Snapshot:
        scores = tuple(
            NamedScore(s["key"], s["label"], s["value"], s.get("better")) for s in data["scores"]
        )
        return cls(str(data["instrument"]), scores, dict(data.get("highlights", {})))


@dataclass(frozen=True)
class ScoreChange:
    key: str
    label: str
    before: float | None
    after: float | None
    delta: float | None
    direction: Direction

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 1)

        return {
            "key": self.key,
            "label": self.label,
            "before": r(self.before),
            "after": r(self.after),
            "change": r(self.delta),
            "direction": self.direction,
        }


@dataclass(frozen=True)
class HighlightChange:
    label: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Comparison:
    before_instrument: str
    after_instrument: str
    changes: tuple[ScoreChange, ...]
    highlights: tuple[HighlightChange, ...]
    notes: tuple[str, ...]

    @property
    def moved(self) -> tuple[ScoreChange, ...]:
        return tuple(c for c in self.changes if c.direction != "same")

    def to_dict(self) -> dict[str, Any]:
        return {
            "before_instrument": self.before_instrument,
            "after_instrument": self.after_instrument,
            "threshold": MEANINGFUL_CHANGE,
            "changes": [c.to_dict() for c in self.changes],
            "highlights": [
                {"label": h.label, "before": h.before, "after": h.after} for h in self.highlights
            ],
            "notes": list(self.notes),
        }


def _direction(delta: float, better: Better) -> Direction:
    if abs(delta) < MEANINGFUL_CHANGE:
        return "same"
    if better == "higher":
        return "better" if delta > 0 else "worse"
    if better == "lower":
        return "better" if delta < 0 else "worse"
    return "up" if delta > 0 else "down"


def compare(before: Snapshot, after: Snapshot) -> Comparison:
    """Score by score and highlight by highlight, what changed from ``before`` to ``after``."""
    if before.instrument_id.split("/")[0] != after.instrument_id.split("/")[0]:
        raise ValueError(
            f"cannot compare {before.instrument_id} with {after.instrument_id}: "
            "different instruments"
        )
    notes: list[str] = []
    if before.instrument_id != after.instrument_id:
        notes.append(
            f"The earlier result used {before.instrument_id} and this one "
            f"{after.instrument_id}; the questions changed, so compare with care."
        )
    old = {s.key: s for s in before.scores}
    changes: list[ScoreChange] = []
    seen: set[str] = set()
    for s in after.scores:
        seen.add(s.key)
        prev = old.get(s.key)
        b = prev.value if prev is not None else None
        a = s.value
        if b is None and a is None:
            continue
        if b is None:
            changes.append(ScoreChange(s.key, s.label, None, a, None, "new"))
        elif a is None:
            changes.append(ScoreChange(s.key, s.label, b, None, None, "gone"))
        else:
            changes.append(ScoreChange(s.key, s.label, b, a, a - b, _direction(a - b, s.better)))
    for s in before.scores:
        if s.key not in seen and s.value is not None:
            changes.append(ScoreChange(s.key, s.label, s.value, None, None, "gone"))
    labels: list[str] = list(after.highlights)
    labels += [k for k in before.highlights if k not in after.highlights]
    hl = tuple(
        HighlightChange(k, before.highlights.get(k), after.highlights.get(k))
        for k in labels
        if before.highlights.get(k) != after.highlights.get(k)
    )
    return Comparison(before.instrument_id, after.instrument_id, tuple(changes), hl, tuple(notes))


def latest_pair(snapshots: Sequence[Snapshot]) -> tuple[Snapshot, Snapshot] | None:
    """The last two snapshots of a time-ordered list, if there are two."""
    if len(snapshots) < 2:
        return None
    return snapshots[-2], snapshots[-1]
