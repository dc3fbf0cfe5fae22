"""The README's Python examples run, in order, against the test knowledge base (docs as tests).

Each ```python block is executed on its own (fresh names, a fresh user database), so each must
stand alone as a reader would paste it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """(line number, code) of every ```python block."""
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in BLOCK.finditer(text)]


BLOCKS = python_blocks(README.read_text(encoding="utf-8"))


def test_the_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 4
    assert python_blocks("a\n```python\nx = 1\n```\n```bash\nls\n```\n") == [(3, "x = 1\n")]


@pytest.mark.django_db
@pytest.mark.parametrize("line, code", BLOCKS, ids=[f"line {n}" for n, _ in BLOCKS])
def test_readme_example_runs(line: int, code: str, kb_home: Path) -> None:
    padded = "\n" * (line - 1) + code  # a traceback names the README's own line
    names: dict[str, object] = {"__name__": "readme"}
    exec(compile(padded, str(README), "exec"), names)
    made = set(names) - {"__name__", "__builtins__"}
    assert made, "the example ran to its end and made what it shows"
