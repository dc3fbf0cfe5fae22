"""Shared fixtures.

- Every test gets its own empty ``UNSTUCK_HOME`` (autouse), so nothing touches the real one.
- ``built_home`` builds the real knowledge base once per session from ``UNSTUCK_TEST_DATA``
  (default ``../shared/data`` beside the repository); ``kb_home`` points ``UNSTUCK_HOME`` at it
  and ``kb`` is the loaded :class:`~unstuck.knowledge.store.KnowledgeBase`.
- A test that needs that knowledge base or a browser (through any fixture in
  :data:`SLOW_FIXTURES`, directly or not) is marked ``slow``, as are the few that build a
  knowledge base from a whole O*NET release themselves (by hand): ``./test.sh -m "not slow"`` is
  the quick loop.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


#: fixtures that build the real knowledge base or drive a browser
SLOW_FIXTURES = frozenset({"built_home", "live_app", "chromium"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        uses = set(getattr(item, "fixturenames", ()))
        if uses & SLOW_FIXTURES or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


def _test_data() -> Path:
    return Path(os.environ.get("UNSTUCK_TEST_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture(scope="session")
def test_data() -> Path:
    path = _test_data()
    if not (path / "onet").is_dir():
        pytest.fail(f"test data not found at {path}: set UNSTUCK_TEST_DATA")
    return path


@pytest.fixture(autouse=True)
def unstuck_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "unstuck-home"
    monkeypatch.setenv("UNSTUCK_HOME", str(home))
    for var in ("UNSTUCK_ONET_SOURCE", "UNSTUCK_ESCO_SOURCE", "UNSTUCK_BLS_WAGES",
                "UNSTUCK_BLS_AREAS", "UNSTUCK_BLS_PROJECTIONS", "UNSTUCK_CROSSWALK"):
        monkeypatch.delenv(var, raising=False)
    return home


def full_extras(data: Path) -> list[object]:
    """ESCO, BLS and the crosswalk from the shared data folder, when the loaders exist."""
    try:
        from unstuck.knowledge.extras import extras_from_folder
    except ImportError:
        return []
    return list(extras_from_folder(data))


@pytest.fixture(scope="session")
def built_home(tmp_path_factory: pytest.TempPathFactory, test_data: Path) -> Path:
    """An UNSTUCK_HOME holding the knowledge base built from the real data (once per session)."""
    from unstuck.knowledge.build import install

    home = tmp_path_factory.mktemp("kb-home")
    install(
        test_data / "onet" / "db_29_0_text.zip",
        extras=full_extras(test_data),  # type: ignore[arg-type]
        directory=home / "knowledge",
        cache=home / "cache",
    )
    return home


@pytest.fixture
def kb_home(built_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # The store caches per path and reloads when the file changes: no need to clear it.
    monkeypatch.setenv("UNSTUCK_HOME", str(built_home))
    return built_home


@pytest.fixture
def kb(kb_home: Path):
    from unstuck.knowledge.store import get_knowledge_base

    return get_knowledge_base()


# Browser tests: the running app, Chromium and axe-core (see tests/live.py).
from live import chromium, live_app, page, phone_page  # noqa: E402, F401
