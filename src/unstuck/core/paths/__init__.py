"""Career paths: score a move from a person to every occupation, explain it, group by kind.

- :mod:`.data`: the occupation side as plain arrays (:class:`OccupationData`), built by
  ``unstuck.knowledge.matrices``;
- :mod:`.text`: the small tf-idf behind the text similarity signals;
- :mod:`.engine`: :class:`Person`, :func:`score` (named, weighted signals that add up);
- :mod:`.explain`: :func:`explore` (paths grouped by kind), :func:`explain`, :func:`compare`.

Pure: numpy arrays in, dataclasses out; no I/O, no Django, no Click.
"""

from __future__ import annotations

from unstuck.core.paths.data import OccupationData
from unstuck.core.paths.engine import (
    DEFAULT_WEIGHTS,
    KEEP,
    KINDS,
    Person,
    Ranking,
    person_from_occupation,
    score,
)
from unstuck.core.paths.explain import (
    Exploration,
    PathGroup,
    Recommendation,
    compare,
    explain,
    explore,
)

__all__ = [
    "DEFAULT_WEIGHTS",
    "KEEP",
    "KINDS",
    "Exploration",
    "OccupationData",
    "PathGroup",
    "Person",
    "Ranking",
    "Recommendation",
    "compare",
    "explain",
    "explore",
    "person_from_occupation",
    "score",
]
