"""``unstuck.app``: starting the application (the secret key, Django, migrations)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from unstuck import app


def _python(code: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != app.SECRET_KEY_ENV}
    environ.update({"UNSTUCK_HOME": str(home), "DATABASE_URL": "", **env})
    command = [sys.executable, "-c", code]
    return subprocess.run(
        command, env=environ, capture_output=True, text=True, timeout=120, check=False
    )


def test_importing_the_settings_writes_no_secret_key(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = _python("import unstuck.web.settings as s; print(repr(s.SECRET_KEY))", home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "''"
    assert not (home / "secret_key").exists()


def test_setup_writes_the_key_once_for_its_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code = (
        "import unstuck.app; unstuck.app.setup()\n"
        "from django.conf import settings; print(settings.SECRET_KEY)"
    )
    first = _python(code, home)
    assert first.returncode == 0, first.stderr
    key = (home / "secret_key").read_text(encoding="utf-8")
    assert first.stdout.strip() == key and len(key) > 40
    assert stat.S_IMODE((home / "secret_key").stat().st_mode) == 0o600
    assert (home / "unstuck.sqlite3").exists()  # and the database was migrated
    again = _python(code, home)
    assert again.stdout.strip() == key


def test_a_key_from_the_environment_is_used_and_nothing_is_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code = "import unstuck.app; unstuck.app.setup(migrate=False)\n" + (
        "from django.conf import settings; print(settings.SECRET_KEY)"
    )
    done = _python(code, home, UNSTUCK_SECRET_KEY="from-the-environment")
    assert done.stdout.strip() == "from-the-environment", done.stderr
    assert not (home / "secret_key").exists()
