"""The applications tables from a blank database, on SQLite and on PostgreSQL, and the services
working on each (binary content, decimals, the unique version constraint)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from blank_postgres import blank_postgres, tables

SCRIPT = """
import unstuck.app
unstuck.app.setup()
from django.db import IntegrityError, transaction
from unstuck.app.applications import models, services

cv = services.Sent(data=bytes(range(256)), filename="cv.docx")
app = services.add(company="Initech", role_title="Data Scientist", salary_min="90000.50",
                   stage="applied", resume=cv).application
services.move(app.pk, "interview")
services.move(app.pk, "interview")
again = services.add(company="Initech", role_title="Data Scientist", stage="applied",
                     resume=cv)
assert again.application.resume_id == app.resume_id
assert [w.code for w in again.warnings] == ["already-applied", "same-company"]
doc = models.SentDocument.objects.get()
assert bytes(doc.content) == bytes(range(256)), doc.content
assert str(services.get(app.pk).salary_min) == "90000.50"
try:
    with transaction.atomic():
        models.SentDocument.objects.create(kind="resume", filename="x", sha256=doc.sha256,
                                           size=1, created_at=doc.created_at)
except IntegrityError:
    pass
else:
    raise AssertionError("two rows for one version")
assert services.detail(app.pk)["stage_name"] == "Interview 2"
assert "interview#2@" in services.export_csv()
print("ok")
"""


def _run(env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "unstuck.web.settings", **env_extra}
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                          text=True, timeout=300)


def test_applications_on_a_blank_sqlite_database(tmp_path: Path) -> None:
    done = _run({"UNSTUCK_HOME": str(tmp_path / "home"), "DATABASE_URL": ""})
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


@pytest.mark.postgres
def test_applications_on_a_blank_postgres_database(tmp_path: Path) -> None:
    with blank_postgres() as db_url:
        done = _run({"UNSTUCK_HOME": str(tmp_path / "home"), "DATABASE_URL": db_url})
        assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
        assert {"applications_application", "applications_stagechange",
                "applications_stagedefinition", "applications_sentdocument"} <= tables(db_url)
