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


def _unwritable_folder(tmp_path: Path) -> Path:
    """A data folder that cannot be written, whoever runs the tests (root included): a folder
    under sysfs, where even root may not create one; else a folder with its write bits off,
    for a non-root user."""
    sysfs = Path("/sys/unstuck-test-home")
    if Path("/sys/kernel").is_dir():
        try:
            sysfs.mkdir()
        except OSError:
            return sysfs
        sysfs.rmdir()
    if os.geteuid() == 0:
        pytest.skip("no unwritable folder on this machine for root")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    return ro / "home"


def test_an_unwritable_data_folder_gives_one_clear_cli_message(tmp_path: Path) -> None:
    home = _unwritable_folder(tmp_path)
    env = {**os.environ, "UNSTUCK_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "unstuck", "profile", "set", "--hours", "5"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 7, (done.returncode, done.stderr[-2000:])
    assert "cannot save to its data folder" in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") <= 2
