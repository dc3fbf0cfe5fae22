"""Repository-wide checks: lint and strict types.

Lint (ruff) and types (mypy, strict on ``core`` and ``knowledge``) run as part of the suite so a
regression fails CI like any other test. The layering rules and the core's purity are
``test_layers.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: it is in the 'test' extra (pip install -e .[test])")
    return found


def test_ruff() -> None:
    done = subprocess.run([_tool("ruff"), "check", "src", "tests", "benchmarks"], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_on_core_and_knowledge() -> None:
    done = subprocess.run([_tool("mypy")], cwd=REPO, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
