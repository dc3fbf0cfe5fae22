"""Migrations run from a blank database, on SQLite and on PostgreSQL, from one history."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest


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
    url = os.environ.get("UNSTUCK_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("no PostgreSQL server (test.sh starts one; set UNSTUCK_TEST_POSTGRES_URL)")
    import psycopg

    name = f"unstuck_test_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        db_url = url.rsplit("/", 1)[0] + f"/{name}"
        env = {"UNSTUCK_HOME": str(tmp_path / "home"), "DATABASE_URL": db_url}
        done = _django(["migrate", "--noinput"], env)
        assert done.returncode == 0, done.stderr
        with psycopg.connect(db_url) as conn:
            tables = {r[0] for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert {"django_migrations", "profile_profile", "documents_posting"} <= tables
        listed = _django(["showmigrations", "--plan"], env)
        assert listed.returncode == 0 and "[ ]" not in listed.stdout
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
