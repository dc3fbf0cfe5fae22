"""Pieces every instrument's result shares: named scores for history, and rounding helpers.

A :class:`NamedScore` is the unit the history compares ("severity went from 64 to 51, which
is better"). ``better`` says which direction is an improvement: ``"lower"`` for severity,
``"higher"`` for wellbeing, ``None`` where neither is (an interest is not better for being
higher).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

Better = Literal["higher", "lower"] | None


@dataclass(frozen=True)
class NamedScore:
    key: str
    label: str
    value: float | None
    better: Better = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "value": None if self.value is None else round(self.value, 1),
            "better": self.better,
        }


def largest_remainder(weights: Sequence[float], total: int = 100) -> list[int]:
    """Whole-number shares of ``total`` proportional to ``weights`` that add up exactly.

    Hamilton's method: floor every share, then hand the leftover units to the largest
    remainders (earlier entries win ties, so the result is deterministic).
    """
    s = sum(weights)
    if s <= 0:
        raise ValueError("weights must have a positive sum")
    exact = [w * total / s for w in weights]
    shares = [int(x) for x in exact]
    leftover = total - sum(shares)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[:leftover]:
        shares[i] += 1
    return shares
