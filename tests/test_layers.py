"""The package's layers, read from the source: who may import whom, a pure core, no cycles.

``src/unstuck/`` is layered, each layer importing only from the ones before it::

    core -> knowledge -> text -> app <-> report -> web
                                              \\-> cli     (cli never imports web)

(``app`` and ``report`` may use each other; ``dirs`` and ``network`` are leaves anyone but the
core may use.) Every import
counts, also those inside functions and under ``TYPE_CHECKING``: a lazy import is still a
dependency, and a type-only one is still a cycle for a reader.

``unstuck.core`` is pure domain logic: the standard library (less its I/O modules) and numpy,
no files, no printing or prompting, no clock (dates and times come in as arguments).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "unstuck"

#: layer -> the layers (besides itself) it may import from
LEAVES = {"dirs", "network"}
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "dirs": set(),
    "network": set(),
    "knowledge": {"core", *LEAVES},
    "text": {"core", "knowledge", *LEAVES},
    "app": {"core", "knowledge", "text", "report", *LEAVES},
    "report": {"core", "knowledge", "text", "app", *LEAVES},
    "web": {"core", "knowledge", "text", "app", "report", *LEAVES},
    "cli": {"core", "knowledge", "text", "app", "report", *LEAVES},
}
#: standard-library modules that do I/O (or run programs): not in the core
IO_MODULES = {
    "os",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "sqlite3",
    "socket",
    "subprocess",
    "http",
    "urllib.request",
    "ftplib",
    "smtplib",
    "threading",
    "multiprocessing",
}
CORE_THIRD_PARTY = {"numpy"}
FORBIDDEN_CALLS = {"open", "print", "input", "breakpoint"}
CLOCK_METHODS = {"now", "today", "utcnow", "time", "monotonic", "perf_counter"}


@dataclass(frozen=True)
class Import:
    module: str  # the module named, resolved to a module of the package where it is one
    line: int


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _own(name: str) -> str:
    """The package's module ``name`` refers to (the longest prefix that is a module)."""
    while name not in MODULES and "." in name:
        name = name.rpartition(".")[0]
    return name


def imports(module: str) -> Iterator[Import]:
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, up level - 1
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield Import(full if full in MODULES else base, node.lineno)


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "unstuck" and len(parts) > 1 else None


def internal_edges() -> dict[str, set[str]]:
    """module -> the package's modules it imports."""
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        targets = {_own(i.module) for i in imports(module) if i.module.startswith("unstuck")}
        graph[module] = targets - {module}
    return graph


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) in ALLOWED))
def test_each_layer_imports_only_the_layers_before_it(module: str) -> None:
    own = layer(module)
    assert own is not None
    bad = [
        f"{i.module} (line {i.line})"
        for i in imports(module)
        if i.module.startswith("unstuck.") and layer(i.module) not in ({own} | ALLOWED[own])
    ]
    assert not bad, f"{module} ({own}) imports {', '.join(bad)}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) == "core"))
def test_core_is_pure(module: str) -> None:
    """Standard library less I/O, numpy and the core itself; no files, output or clock."""
    stdlib = set(sys.stdlib_module_names)
    problems = []
    for i in imports(module):
        top = i.module.split(".")[0]
        io = any(i.module == m or i.module.startswith(m + ".") for m in IO_MODULES)
        if i.module.startswith("unstuck."):
            continue  # the layer test checks these
        if io or (top not in stdlib and top not in CORE_THIRD_PARTY):
            problems.append(f"imports {i.module} (line {i.line})")
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in FORBIDDEN_CALLS:
                problems.append(f"calls {f.id}() (line {node.lineno})")
            if isinstance(f, ast.Attribute) and f.attr in CLOCK_METHODS:
                problems.append(f"reads the clock: .{f.attr}() (line {node.lineno})")
    assert not problems, f"{module} must stay pure: " + "; ".join(problems)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_between_modules() -> None:
    graph = internal_edges()
    assert sum(len(t) for t in graph.values()) > 200  # the walk found the imports
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
