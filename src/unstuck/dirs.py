"""Where unstuck keeps its files.

Lookup order for the home directory (everything unstuck writes lives below it):

1. ``UNSTUCK_HOME`` if set;
2. otherwise the platform's user data directory (``platformdirs.user_data_dir("unstuck")``),
   e.g. ``~/.local/share/unstuck`` on Linux, ``~/Library/Application Support/unstuck`` on macOS.

Nothing is resolved or created at import time: call the functions.
"""

from __future__ import annotations

import os
from pathlib import Path


def home_path() -> Path:
    """Where the unstuck home directory is (nothing created)."""
    env = os.environ.get("UNSTUCK_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("unstuck", appauthor=False))


def home() -> Path:
    """The unstuck home directory, created on first use."""
    path = home_path()
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)  # the person's alone
    return path


def knowledge_dir() -> Path:
    """Where the built knowledge base lives (separate from user data)."""
    path = home() / "knowledge"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Downloads (O*NET release zips) are cached here."""
    path = home() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_database() -> Path:
    """The default SQLite file for user data."""
    return home() / "unstuck.sqlite3"
