"""A harness limit on time and memory for one test case, enforced by the process, not by a
timed assertion: :func:`within` runs a callable under a CPU-time alarm (``SIGALRM`` after
``seconds`` of wall time raises :class:`Overrun` in the test) and measures the peak of new
Python allocations with :mod:`tracemalloc`, raising :class:`Overrun` past ``megabytes``.

The hostile suite runs whole commands in subprocesses under ``RLIMIT_AS`` and a timeout
instead (see ``tests/hostile.py``, which uses this helper for its web-client cases); this helper is
for the in-process cases.
"""

from __future__ import annotations

import signal
import tracemalloc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
SECONDS = 10
MEGABYTES = 500


class Overrun(AssertionError):
    """The case went past its time or memory budget."""


def within(fn: Callable[[], T], seconds: float = SECONDS, megabytes: float = MEGABYTES) -> T:
    return measured(fn, seconds, megabytes)[0]


def measured(
    fn: Callable[[], T], seconds: float = SECONDS, megabytes: float = MEGABYTES
) -> tuple[T, int]:
    """:func:`within`, also returning the peak of new allocations in bytes."""

    def alarm(signum: int, frame: object) -> None:
        raise Overrun(f"the case ran past its {seconds:g} s budget")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        result = fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _, peak = tracemalloc.get_traced_memory()
        if not tracing:
            tracemalloc.stop()
    if peak > megabytes * 1_000_000:
        raise Overrun(f"the case allocated {peak / 1e6:.0f} MB, past its {megabytes:g} MB budget")
    return result, peak
