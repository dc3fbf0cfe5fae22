"""Derived data kept on disk beside the knowledge base (issue 13, fast commands), the lazily read
knowledge base, and the extractor that saves and loads."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from unstuck.knowledge.store import KnowledgeBase
from unstuck.text.extract import Concept, Extractor, Term


def kb_at(folder: Path, fingerprint: str) -> KnowledgeBase:
    folder.mkdir(parents=True, exist_ok=True)
    return KnowledgeBase(folder / "knowledge.sqlite", {"fingerprint": fingerprint})


def test_kept_value_is_loaded_by_the_next_process_not_rebuilt(tmp_path: Path) -> None:
    calls = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    assert kb_at(tmp_path, "f1").derived("thing", build, keep=True) == {"a": 1}
    kept = list((tmp_path / "derived").glob("thing.*.pickle"))
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o077 == 0  # the owner's alone
    assert kb_at(tmp_path, "f1").derived("thing", build, keep=True) == {"a": 1}
    assert len(calls) == 1  # a new knowledge base object (a new process) read the file
    assert not list((tmp_path / "derived").glob(".tmp-*"))  # written through a renamed file


def test_another_build_rebuilds_and_replaces_the_kept_file(tmp_path: Path) -> None:
    kb_at(tmp_path, "f1").derived("thing", lambda: 1, keep=True)
    kb_at(tmp_path, "f1").derived("thing.other", lambda: 9, keep=True)  # a name of its own
    assert kb_at(tmp_path, "f2").derived("thing", lambda: 2, keep=True) == 2
    names = sorted(p.name.split(".")[0:2] for p in (tmp_path / "derived").glob("*.pickle"))
    assert names == [["thing", "f2"], ["thing_other", "f1"]]


def test_a_damaged_file_is_rebuilt_and_an_unwritable_folder_only_costs_the_build(
    tmp_path: Path,
) -> None:
    kb_at(tmp_path, "f1").derived("thing", lambda: 1, keep=True)
    (kept,) = (tmp_path / "derived").glob("thing.*.pickle")
    kept.write_bytes(b"not a pickle")
    assert kb_at(tmp_path, "f1").derived("thing", lambda: 3, keep=True) == 3
    assert pickle.loads(kept.read_bytes()) == 3
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "derived").write_text("a file where the folder would be")  # cannot be written
    assert kb_at(blocked, "f1").derived("thing", lambda: 4, keep=True) == 4
    assert (blocked / "derived").read_text() == "a file where the folder would be"


def test_no_fingerprint_nothing_kept(tmp_path: Path) -> None:
    assert kb_at(tmp_path, "").derived("thing", lambda: 5, keep=True) == 5
    assert not (tmp_path / "derived").exists()


def test_an_extractor_loaded_from_disk_finds_the_same(tmp_path: Path) -> None:
    terms = [
        Term("project management", Concept("esco", "pm", "project management")),
        Term("management", Concept("esco", "m", "management")),
        Term("R", Concept("technology", "R", "R")),
        Term("manage staff", Concept("esco", "staff", "manage staff"), verb=True),
        Term("C++", Concept("technology", "cpp", "C++")),
    ]
    ex = Extractor(terms)
    again = pickle.loads(pickle.dumps(ex))
    text = "Managed staff; no project  management, but R and C++ - project management."
    assert [tuple(m) for m in again.extract(text)] == [tuple(m) for m in ex.extract(text)]
    found = {(m.text, m.negated) for m in ex.extract(text)}
    # words a single space apart only, as the keys are: "project  management" is two labels
    assert ("project management", False) in found and ("Managed staff", False) in found
    assert ("R", False) in found and ("C++", False) in found
    assert len(again) == len(ex)


@pytest.mark.slow
def test_lazy_knowledge_base_reads_a_table_when_first_used(kb_home: Path) -> None:
    path = kb_home / "knowledge" / "knowledge.sqlite"
    lazy = KnowledgeBase.load(path)
    assert "Registered Nurses" in lazy.titles.values()
    assert "ratings" not in vars(lazy) and "esco_skills" not in vars(lazy)
    eager = KnowledgeBase.load(path, lazy=False)
    assert lazy.occupation("29-1141.00") == eager.occupation("29-1141.00")
    assert lazy.esco_labels == eager.esco_labels
    assert lazy.typical_levels("29-1141.00") == {
        r.element_id: float(r.level)
        for r in (*eager.ratings["skill"]["29-1141.00"], *eager.ratings["knowledge"]["29-1141.00"])
        if r.level is not None and not r.not_relevant
    }
