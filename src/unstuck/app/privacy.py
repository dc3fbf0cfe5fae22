"""Private on disk: the data folder is the person's alone (0700), its files too (0600), and
SQLite overwrites what is deleted (``secure_delete``), so a forgotten resume does not linger in
free pages of the database file.

:func:`protect` runs in :func:`unstuck.app.setup` (every command and the web server); the
``secure_delete`` pragma is set on every new SQLite connection (:func:`connect_signals`, from
the profile app's ``ready``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def _narrow(path: Path, mode: int) -> None:
    try:
        info = path.stat()
    except OSError:
        return
    if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
        try:
            path.chmod(mode)
        except OSError:
            pass  # a read-only folder: reported where writing fails


def protect(home: Path) -> None:
    """Files unstuck creates from now on are the person's alone (umask 077); the home folder,
    its user database and secret key are narrowed to 0700/0600 when they are wider."""
    os.umask(0o077)
    _narrow(home, FOLDER_MODE)
    for name in ("unstuck.sqlite3", "unstuck.sqlite3-wal", "unstuck.sqlite3-shm", "secret_key"):
        _narrow(home / name, FILE_MODE)
    for folder in ("knowledge", "cache"):
        _narrow(home / folder, FOLDER_MODE)


def _secure_delete(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")


def connect_signals() -> None:
    from django.db.backends.signals import connection_created

    connection_created.connect(_secure_delete, dispatch_uid="unstuck.secure_delete")
