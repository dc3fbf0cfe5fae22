"""Telling the person, in one sentence, that the data folder cannot be written.

A read-only, full or not-permitted data folder shows up as an ``OSError`` or a database error
deep inside whatever was saving. :func:`disk_problem` recognises it (following the exception's
causes) and says what to do; the web's error page and the CLI both use it.
"""

from __future__ import annotations

import sqlite3

from django.db import DatabaseError

_DISK_WORDS = ("readonly", "read-only", "disk is full", "disk i/o", "unable to open")


def disk_problem(exc: BaseException | None) -> str | None:
    """What to tell the person when ``exc`` says the data folder cannot be written (read-only,
    full, or not permitted), or None."""
    seen = 0
    while exc is not None and seen < 10:
        text = str(exc).lower()
        if isinstance(exc, OSError) and exc.errno in (28, 30, 13, 1):  # ENOSPC EROFS EACCES EPERM
            break
        if isinstance(exc, DatabaseError | sqlite3.Error) and any(w in text for w in _DISK_WORDS):
            break
        exc = exc.__cause__ or exc.__context__
        seen += 1
    else:
        return None
    text = str(exc).lower()
    if "full" in text or (isinstance(exc, OSError) and exc.errno == 28):
        why = "the disk that holds it is full"
    else:
        why = "it is read-only or not yours to write"
    from unstuck import dirs

    return (
        f"unstuck cannot save to its data folder ({dirs.home_path()}): {why}. Nothing was "
        "changed. Free some space or fix the folder's permissions, then try again."
    )
