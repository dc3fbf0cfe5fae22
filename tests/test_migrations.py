"""Migrations run from a blank database, on SQLite and on PostgreSQL, from one history."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from blank_postgres import blank_postgres, tables


def _django(args: list[str], env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "unstuck.web.settings", **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "django", *args], env=env, capture_output=True, text=True,
        timeout=300,
    )


def test_migrate_blank_sqlite(tmp_path: Path) -> None:
    env = {"UNSTUCK_HOME": str(tmp_path / "home"), "DATABASE_URL": ""}
    done = _django(["migrate", "--noinput"], env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "home" / "unstuck.sqlite3").exists()
    pending = _django(["makemigrations", "--check", "--dry-run"], env)
    assert pending.returncode == 0, "models changed without a migration:\n" + pending.stdout


@pytest.mark.postgres
def test_migrate_blank_postgres(tmp_path: Path) -> None:
    with blank_postgres() as db_url:
        env = {"UNSTUCK_HOME": str(tmp_path / "home"), "DATABASE_URL": db_url}
        done = _django(["migrate", "--noinput"], env)
        assert done.returncode == 0, done.stderr
        assert {"django_migrations", "profile_profile", "documents_posting"} <= tables(db_url)
        listed = _django(["showmigrations", "--plan"], env)
        assert listed.returncode == 0 and "[ ]" not in listed.stdout
