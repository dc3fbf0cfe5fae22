"""One word for a level shortfall on every page: met, close or gap.

O*NET rates levels on a 0-7 scale. A shortfall under :data:`MIN_SIZE` is within the precision of
a self-rating (met); one under :data:`CLOSE_SIZE` is **close**: doing the work closes it, so the
plan names it without planning learning for it (a level point is roughly what a year of doing
the work moves); anything larger is a **gap**. The paths page, compare, the CLI and the plan all
use :func:`shortfall_status`.
"""

from __future__ import annotations

from typing import Literal

MIN_SIZE = 0.5
CLOSE_SIZE = 1.0

Status = Literal["met", "close", "gap"]


def shortfall_status(required: float, current: float) -> Status:
    """ "met", "close" or "gap" for the person's ``current`` level against ``required``."""
    short = required - current
    if short < MIN_SIZE:
        return "met"
    return "close" if short < CLOSE_SIZE else "gap"
