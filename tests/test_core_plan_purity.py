"""The plan package stays pure: no Django, Click, sqlite3 or network imports, no file access,
no clock reads (dates come in as arguments, so plans are reproducible)."""

from __future__ import annotations

import ast
from pathlib import Path

import unstuck.core.plan as plan_pkg

FORBIDDEN_MODULES = {"django", "click", "sqlite3", "yaml", "requests", "urllib3", "httpx",
                     "socket", "pathlib", "os", "io", "subprocess"}  # fmt: skip
FORBIDDEN_CALLS = {"open", "print", "input"}
CLOCK_METHODS = {"now", "today", "utcnow", "time"}


def test_plan_modules_are_pure() -> None:
    root = Path(plan_pkg.__file__).parent
    files = sorted(root.glob("*.py"))
    assert {p.stem for p in files} >= {"gaps", "learning", "smart", "action", "exit", "ics"}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN_MODULES, f"{path.name} imports {name}"
            if isinstance(node, ast.Call):
                f = node.func
                if isinstance(f, ast.Name):
                    assert f.id not in FORBIDDEN_CALLS, f"{path.name} calls {f.id}()"
                if isinstance(f, ast.Attribute):
                    assert f.attr not in CLOCK_METHODS, f"{path.name} reads the clock ({f.attr})"
