"""Private on disk (issue 11, item 6): the data folder 0700 and its files 0600, whatever the
umask, and SQLite's secure_delete on."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folder_and_files_are_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    (home / "unstuck.sqlite3").touch()
    (home / "unstuck.sqlite3").chmod(0o644)  # as an older unstuck left it
    done = subprocess.run(
        [sys.executable, "-c", "import os; os.umask(0o022); from unstuck.cli import cli; cli()",
         "resume", "list"],
        env={**os.environ, "UNSTUCK_HOME": str(home)}, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert mode(home) == 0o700
    files = [p for p in home.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"unstuck.sqlite3", "secret_key"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    fresh = tmp_path / "fresh"
    done = subprocess.run(
        [sys.executable, "-m", "unstuck", "resume", "list"],
        env={**os.environ, "UNSTUCK_HOME": str(fresh)}, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert mode(fresh) == 0o700 and mode(fresh / "unstuck.sqlite3") == 0o600


@pytest.mark.django_db
def test_sqlite_secure_delete_is_on() -> None:
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("secure_delete is SQLite's")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1
