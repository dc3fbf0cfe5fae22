"""Exit codes of the ``unstuck`` command, in one place so scripts can rely on them."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # unexpected failure
    USAGE = 2  # bad arguments (Click's own code)
    DATA_ERROR = 3  # the source data is unusable (corrupt zip, bad header, ...)
    NOT_INSTALLED = 4  # no knowledge base yet
    NOT_FOUND = 5  # e.g. an unknown occupation code
    INVALID_INPUT = 6  # a user file (answers, resume) failed validation
    DATA_FOLDER = 7  # the data folder cannot be written: read-only, full or not permitted
    BUSY = 8  # another ``data install`` is running and --no-wait said not to wait for it
