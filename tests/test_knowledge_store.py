"""The store assembles the knowledge base from loaders that return values, and holds what is
derived from it (``KnowledgeBase.derived``). These need no built knowledge base."""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from pathlib import Path

import pytest

from unstuck.knowledge import crosswalk, esco, onet, wages
from unstuck.knowledge.store import KnowledgeBase

#: Where these in-memory knowledge bases say they live: never the working directory, so
#: nothing derived is ever written into the repository.
_HOME = Path(tempfile.mkdtemp(prefix="unstuck-kb-store-"))


def _kb(path: str = "kb.sqlite", fingerprint: str = "f1") -> KnowledgeBase:
    return KnowledgeBase(_HOME / path, {"release": "29.0", "fingerprint": fingerprint})


def test_derived_builds_once_and_keeps_the_value() -> None:
    kb = _kb()
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [len(calls)]

    first = kb.derived("thing", build)
    assert kb.derived("thing", build) is first
    assert calls == [1]
    assert kb.derived("other", build) == [2]  # another name, another value


def test_concurrent_callers_wait_for_one_build() -> None:
    kb = _kb()
    started = threading.Event()
    calls: list[int] = []

    def slow() -> object:
        calls.append(1)
        started.set()
        time.sleep(0.2)
        return object()

    results: list[object] = []
    threads = [
        threading.Thread(target=lambda: results.append(kb.derived("slow", slow)))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1]
    assert len(results) == 4 and all(r is results[0] for r in results)


def test_a_failed_build_is_not_kept() -> None:
    kb = _kb()

    def broken() -> int:
        raise ValueError("no")

    with pytest.raises(ValueError):
        kb.derived("x", broken)
    assert kb.derived("x", lambda: 5) == 5


def test_a_reloaded_base_starts_empty_unless_reuse_and_the_same_build() -> None:
    old, again = _kb(fingerprint="same"), _kb(fingerprint="same")
    assert old.derived("plain", lambda: "old") == "old"
    assert again.derived("plain", lambda: "new") == "new"  # not reused: built afresh

    assert _kb(fingerprint="same").derived("shared", lambda: "first", reuse=True) == "first"
    assert _kb(fingerprint="same").derived("shared", lambda: "second", reuse=True) == "first"
    changed = _kb(fingerprint="other")  # a new build of the same file
    assert changed.derived("shared", lambda: "third", reuse=True) == "third"
    elsewhere = _kb(path="elsewhere.sqlite", fingerprint="other")
    assert elsewhere.derived("shared", lambda: "fourth", reuse=True) == "fourth"


def test_the_title_index_is_derived_data() -> None:
    kb = _kb()
    kb.titles["15-1252.00"] = "Software Developers"
    assert kb.title_index is kb.title_index
    assert kb.search("software developer")[0].code == "15-1252.00"


def test_loaders_return_empty_values_for_a_build_without_their_tables() -> None:
    conn = sqlite3.connect(":memory:")
    tables = onet.load(conn)
    assert tables.titles == {} and set(tables.ratings) == set(onet.RATING_DOMAINS)
    assert tables.tasks["11-1011.00"] == []  # per-code lists default to empty
    assert esco.load(conn) == esco.EscoTables()
    figures = wages.load(conn, ["11-1011.00"], {})
    assert figures.wages == {} and figures.outlook == {} and not figures.area_wages
    links = crosswalk.load(conn, {"11-1011.00": "Chief Executives"}, esco.EscoTables())
    assert links.esco_to_onet == {} and links.esco_labels == {}


def test_the_crosswalk_loader_links_and_labels_from_the_tables() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE esco_onet_crosswalk (esco_uri, esco_label, onet_code, onet_title)")
    conn.executemany(
        "INSERT INTO esco_onet_crosswalk VALUES (?, ?, ?, ?)",
        [
            ("esco:dev", "software developer", "15-1252.00", "Software Developers"),
            ("esco:old", "applications programmer", "15-1132.00", "Software Developers"),
        ],
    )
    titles = {"15-1252.00": "Software Developers"}
    links = crosswalk.load(conn, titles, esco.EscoTables())
    # the stale 2010 code is carried over by its identical title
    assert links.esco_to_onet == {"esco:dev": ("15-1252.00",), "esco:old": ("15-1252.00",)}
    assert links.onet_to_esco == {"15-1252.00": ("esco:dev", "esco:old")}
    assert links.esco_labels["15-1252.00"] == ["software developer", "applications programmer"]
    kb = KnowledgeBase(Path("kb"), {}, onet.OnetTables(titles=dict(titles)), links=links)
    assert [e.text for e in kb.title_entries() if e.source == "esco"] == [
        "software developer",
        "applications programmer",
    ]
