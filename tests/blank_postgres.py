"""A blank PostgreSQL database for one test, dropped afterwards (test.sh starts the server)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def blank_postgres() -> Iterator[str]:
    """The URL of a new, empty database on the test server; skips without a server."""
    url = os.environ.get("UNSTUCK_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("no PostgreSQL server (test.sh starts one; set UNSTUCK_TEST_POSTGRES_URL)")
    import psycopg

    name = f"unstuck_test_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def tables(db_url: str) -> set[str]:
    """The tables of the public schema."""
    import psycopg

    with psycopg.connect(db_url) as conn:
        return {r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}  # fmt: skip
