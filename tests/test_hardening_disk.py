"""Private on disk (issue 11, item 6): the data folder 0700 and its files 0600, whatever the
umask, and SQLite's secure_delete on."""

from __future__ import annotations

import os
import shutil
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


#: The web app in a child process on a read-only home: GET a few pages, then POST two saves;
#: prints each answer's status and body (the test client, with Django's error handling on).
READ_ONLY_WEB = r"""
import json, os, sys
from pathlib import Path
home = Path(os.environ["UNSTUCK_HOME"])
try:
    (home / "probe").touch()
except PermissionError:
    pass
else:
    (home / "probe").unlink()
    print(json.dumps({"bites": False}))
    sys.exit(0)
from unstuck.app import setup
setup()
from django.test import Client
client = Client(raise_request_exception=False)
pages = ["/", "/profile/", "/profile/about/", "/profile/assess/rut/", "/profile/skills/",
         "/profile/results/", "/profile/results.json", "/paths/", "/paths/shortlist/",
         "/plan/", "/plan/learning/", "/plan/exit/", "/documents/", "/occupations/29-1171.00/"]
out = {"bites": True, "get": {}, "post": {}}
for url in pages:
    r = client.get(url)
    out["get"][url] = [r.status_code, r.content.decode()]
for url, data in [("/profile/about/", {"action": "skip"}),
                  ("/profile/assess/rut/save/", {"page": "0", "draft": "new", "rut.1": "3"})]:
    r = client.post(url, data)
    out["post"][url] = [r.status_code, r.content.decode()]
print(json.dumps(out))
"""


def _without_root_override() -> None:
    """In the child, before it runs Python: drop the capabilities that let root ignore file
    modes from the bounding set, so root's effective set after exec lacks them and chmod
    bites (prctl PR_CAPBSET_DROP of CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        if libc.prctl(24, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


@pytest.fixture(scope="module")
def stocked_home(tmp_path_factory: pytest.TempPathFactory, test_data: Path) -> Path:
    """A home with the hostile suite's small knowledge base, a shortlisted target with a plan
    (:func:`hostile.prepare_home`) and seven hours a week in the profile."""
    import hostile

    base = tmp_path_factory.mktemp("read-only-web")
    release = hostile.trim_release(test_data / "onet" / "db_29_0_text", base / "release")
    home = hostile.prepare_home(release, base / "home")
    done = subprocess.run(
        [sys.executable, "-m", "unstuck", "profile", "set", "--hours", "7"],
        env={**hostile.clean_env(home)}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return home


@pytest.mark.parametrize("files_too", [False, True], ids=["folder-0500", "files-0400-too"])
def test_a_read_only_home_in_the_web_shows_pages_and_refuses_saves_clearly(
    tmp_path: Path, files_too: bool, stocked_home: Path
) -> None:
    """The web app on a data folder that cannot be written (chmod 0500; as root the child
    drops the capability that ignores modes, else the test is skipped): every page that only
    shows still renders what is stored, and a save answers the site's styled error page naming
    the data folder, never a traceback. Mirrors the CLI's exit 7 above."""
    import json
    import re

    home = tmp_path / "home"
    shutil.copytree(stocked_home, home, symlinks=True)
    env = {**os.environ, "UNSTUCK_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    if files_too:
        for path in home.iterdir():
            if path.is_file():
                path.chmod(0o400)
    home.chmod(0o500)
    preexec = _without_root_override if os.geteuid() == 0 else None
    try:
        done = subprocess.run(
            [sys.executable, "-c", READ_ONLY_WEB], env=env, capture_output=True, text=True,
            timeout=180, preexec_fn=preexec,
        )  # fmt: skip
    except subprocess.SubprocessError as exc:  # the capability could not be dropped
        pytest.skip(f"no read-only folder for this user here: {exc}")
    finally:
        home.chmod(0o700)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    if not out["bites"]:
        pytest.skip("file modes do not bind this user (root with CAP_DAC_OVERRIDE)")
    for url, (status, body) in out["get"].items():
        assert status == 200, (url, status, body[-1500:])
        assert "Traceback" not in body and "cannot save" not in body, url
    about = out["get"]["/profile/about/"][1]
    assert re.search(r'name="hours_per_week"[^>]*value="7(\.0)?"', about), "the stored hours"
    assert "Nurse Practitioners" in out["get"]["/plan/"][1], "the stored target shown"
    for url, (status, body) in out["post"].items():
        assert status == 500, (url, status)
        assert "Traceback" not in body and "File \"" not in body, url
        assert f"unstuck cannot save to its data folder ({home})" in body, (url, body[-1500:])
        assert "read-only or not yours to write" in body and "Nothing was changed" in body
        assert '<link rel="stylesheet"' in body and "<nav" in body, "the site's own layout"
    assert "Skip to main content" in out["post"]["/profile/about/"][1]
