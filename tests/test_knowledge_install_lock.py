"""One knowledge-base install at a time, and none leaves anything behind (issue 11, item 6).

Installs take an exclusive lock in the knowledge folder: a second one waits (and says so in
the CLI), or with ``--no-wait`` exits with code 8. A failed or interrupted build removes its
temporary file and leaves the knowledge base that was serving as it was. Every build here is
of the small hand-written release of ``test_knowledge_build`` (two occupations), so each takes
a fraction of a second.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from test_knowledge_build import tiny_release
from unstuck.cli.status import ExitStatus
from unstuck.knowledge import errors
from unstuck.knowledge.build import KB_FILENAME, LOCK_FILENAME, install, install_lock, read_meta
from unstuck.knowledge.store import KnowledgeBase

BAD_JOB_ZONES = (
    "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n"
    "11-1011.00\t5\t08/2023\tAnalyst\n15-1252.00\tfour\t08/2023\tAnalyst\n"
)


def leftovers(directory: Path) -> list[str]:
    """Whatever is in the knowledge folder besides the knowledge base and the lock file."""
    return sorted(p.name for p in directory.iterdir() if p.name not in (KB_FILENAME, LOCK_FILENAME))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_valid(directory: Path) -> None:
    kb = KnowledgeBase.load(directory / KB_FILENAME)
    assert len(kb) == 2 and kb.titles["15-1252.00"] == "Software Developers"


def test_two_installs_at_once_make_one_knowledge_base(tmp_path: Path) -> None:
    """The second install waits for the first (told so once), then finds it up to date; a
    third, told not to wait, is refused at once; one valid knowledge base, nothing left."""
    src = tiny_release(tmp_path / "src")
    directory, cache = tmp_path / "knowledge", tmp_path / "cache"
    building, second_waits = threading.Event(), threading.Event()
    results: dict[str, object] = {}

    def first_progress(step: str, done: int, total: int | None) -> None:
        if step == "parse" and not building.is_set():
            building.set()  # the first holds the lock, mid-build, until the second waits
            assert second_waits.wait(30), "the second install never started to wait"

    def run(name: str, **options: object) -> None:
        try:
            results[name] = install(src, directory=directory, cache=cache, **options)  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001 - reported by the assertions below
            results[name] = exc

    first = threading.Thread(target=run, args=("first",), kwargs={"progress": first_progress})
    first.start()
    assert building.wait(30)
    with pytest.raises(errors.InstallBusy, match="another install is running"):
        install(src, directory=directory, cache=cache, wait=False)
    waits: list[float] = []
    second = threading.Thread(target=run, args=("second",),
                              kwargs={"on_wait": lambda: (waits.append(1), second_waits.set())})
    second.start()
    first.join(60)
    second.join(60)
    one, two = results["first"], results["second"]
    assert not isinstance(one, BaseException), one
    assert not isinstance(two, BaseException), two
    assert one.changed and not two.changed and waits == [1]  # type: ignore[union-attr]
    assert one.fingerprint == two.fingerprint  # type: ignore[union-attr]
    assert read_meta(directory / KB_FILENAME)["fingerprint"] == one.fingerprint  # type: ignore[index, union-attr]
    assert_valid(directory)
    assert leftovers(directory) == []


def cli(args: list[str], home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "UNSTUCK_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "unstuck", "data", "install", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_cli_waits_for_a_running_install_or_with_no_wait_says_so(tmp_path: Path) -> None:
    src = tiny_release(tmp_path / "src")
    home = tmp_path / "home"
    directory = home / "knowledge"
    directory.mkdir(parents=True)
    with install_lock(directory):  # an install running in this process
        busy = cli(["--source", str(src), "--no-wait"], home)
        out, err = busy.communicate(timeout=120)
        assert busy.returncode == ExitStatus.BUSY == 8, err
        assert err.startswith("Error: Another install is running") and "Traceback" not in err
        assert "--no-wait" in err and err.count("\n") == 1
        waiting = cli(["--source", str(src)], home)
        line = waiting.stderr.readline()  # blocks until the child says it waits
        assert line.strip() == "Another install is running, waiting for it to finish…"
        time.sleep(0.3)
        assert waiting.poll() is None, "it waits while the lock is held"
        assert not (directory / KB_FILENAME).exists()
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert "Installed O*NET 29.0 knowledge base" in out
    assert_valid(directory)
    assert leftovers(directory) == []


def test_two_cli_installs_started_together_both_succeed(tmp_path: Path) -> None:
    src = tiny_release(tmp_path / "src")
    home = tmp_path / "home"
    procs = [cli(["--source", str(src), "--force"], home) for _ in range(2)]
    finished = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in finished]
    assert all("Installed O*NET 29.0" in out for out, _ in finished)
    assert_valid(home / "knowledge")
    assert leftovers(home / "knowledge") == []


def test_a_waiting_cli_install_ends_cleanly_on_sigterm(tmp_path: Path) -> None:
    src = tiny_release(tmp_path / "src")
    home = tmp_path / "home"
    directory = home / "knowledge"
    directory.mkdir(parents=True)
    with install_lock(directory):
        waiting = cli(["--source", str(src)], home)
        assert "waiting" in waiting.stderr.readline()
        waiting.send_signal(signal.SIGTERM)
        _, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 128 + signal.SIGTERM and "Traceback" not in err
    assert leftovers(directory) == []


@pytest.fixture
def serving(tmp_path: Path) -> Path:
    """A knowledge folder with a good knowledge base from the small release."""
    directory = tmp_path / "knowledge"
    install(tiny_release(tmp_path / "good"), directory=directory, cache=tmp_path / "cache")
    assert_valid(directory)
    return directory


def test_a_failed_build_leaves_no_temporary_file_and_the_old_knowledge_base(
    serving: Path, tmp_path: Path
) -> None:
    before = digest(serving / KB_FILENAME)
    bad = tiny_release(tmp_path / "bad", **{"Job Zones.txt": BAD_JOB_ZONES})
    seen: list[list[str]] = []

    def watch(step: str, done: int, total: int | None) -> None:
        seen.append(leftovers(serving))

    with pytest.raises(errors.RowError, match="Job Zones.txt, line 3"):
        install(bad, directory=serving, cache=tmp_path / "cache", force=True, progress=watch)
    assert any(names and names[0].startswith(f"{KB_FILENAME}.building-") for names in seen), (
        "the build did write a temporary file beside the knowledge base"
    )
    assert leftovers(serving) == []
    assert digest(serving / KB_FILENAME) == before
    assert_valid(serving)


def test_an_interrupted_build_leaves_no_temporary_file_and_the_old_knowledge_base(
    serving: Path, tmp_path: Path
) -> None:
    before = digest(serving / KB_FILENAME)
    other = tiny_release(tmp_path / "other", **{"Read Me.txt": "O*NET 29.0 Database\nOther\n"})

    def interrupt(step: str, done: int, total: int | None) -> None:
        if step == "parse" and done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        install(other, directory=serving, cache=tmp_path / "cache", progress=interrupt)
    assert leftovers(serving) == []
    assert digest(serving / KB_FILENAME) == before
    # the lock was released: the next install runs (and replaces the knowledge base)
    result = install(other, directory=serving, cache=tmp_path / "cache", wait=False)
    assert result.changed and digest(serving / KB_FILENAME) != before


def test_a_temporary_file_left_by_a_killed_install_is_removed_by_the_next(
    serving: Path, tmp_path: Path
) -> None:
    (serving / f"{KB_FILENAME}.building-99999").write_bytes(b"half a database")
    result = install(tiny_release(tmp_path / "good"), directory=serving, cache=tmp_path / "cache")
    assert not result.changed  # nothing to rebuild, and the leftover is gone all the same
    assert leftovers(serving) == []
