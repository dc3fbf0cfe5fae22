"""Repository-wide checks: the layering rule for ``core``, lint, and strict types.

``unstuck.core`` is pure domain logic: no Django, Click, databases, files or network. Lint
(ruff) and types (mypy, strict on ``core`` and ``knowledge``) run as part of the suite so a
regression fails CI like any other test.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORE = REPO / "src" / "unstuck" / "core"
FORBIDDEN = {
    "django", "click", "sqlite3", "psycopg", "urllib.request", "http", "socket", "subprocess",
    "unstuck.web", "unstuck.cli", "unstuck.knowledge", "unstuck.text",
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE)))
def test_core_imports_no_io_or_framework(path: Path) -> None:
    bad = {
        name
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    }
    assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}: core must stay pure"


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: it is in the 'test' extra (pip install -e .[test])")
    return found


def test_ruff() -> None:
    done = subprocess.run([_tool("ruff"), "check", "src", "tests", "benchmarks"], cwd=REPO,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_on_core_and_knowledge() -> None:
    done = subprocess.run([_tool("mypy")], cwd=REPO, capture_output=True, text=True,
                          timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
