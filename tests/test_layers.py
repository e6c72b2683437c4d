"""The code's layers point one way: app/ui → cli, eval → the composition root → the core → documents.

The imports of every module (also those inside functions) are read with `ast`.
"""
from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("app", "ui", "cli", "eval", "ingest", "assistant", "documents")
# Entry points and facades: run or imported from outside, never by the layers below.
ENTRY_MODULES = {"assistant.__main__", "ingest.__main__", "eval.__main__", "assistant"}
COMPOSITION_ROOT = "assistant.build"


def _modules() -> dict[str, Path]:
    found = {"app": ROOT / "app.py"}
    for package in PACKAGES[1:]:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    is_package = path.name == "__init__.py"
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in modules:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                targets.add(candidate)
                break
    return targets


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imported(name, path, modules) for name, path in modules.items()}


def _rank(module: str) -> int:
    if module == "documents" or module.startswith("documents."):
        return 0
    if module == COMPOSITION_ROOT:
        return 2
    if module.startswith("assistant"):
        return 1
    if module.split(".")[0] in ("cli", "eval", "ingest"):
        return 3
    return 4  # ui, app


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, result, counter = {}, {}, [], set(), [], [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def _without_entries(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    return {name: targets for name, targets in graph.items() if name not in ENTRY_MODULES}


def test_no_import_cycle_between_modules():
    assert _cycles(_without_entries(_graph())) == []


def test_no_import_cycle_between_packages():
    packages: dict[str, set[str]] = {}
    for name, targets in _without_entries(_graph()).items():
        packages.setdefault(name.split(".")[0], set()).update(t.split(".")[0] for t in targets)
    assert _cycles(packages) == []


def test_imports_point_down_the_layers():
    upward = [(name, target) for name, targets in _without_entries(_graph()).items() for target in targets
              if _rank(target) > _rank(name)]
    assert upward == []


def test_documents_layer_imports_nothing_else_of_the_project():
    graph = _graph()
    outside = {(name, t) for name, targets in graph.items() if name.startswith("documents") for t in targets
               if not t.startswith("documents")}
    assert outside == set()


def test_the_check_catches_a_cycle_and_an_upward_import():
    graph = {"assistant.a": {"assistant.b"}, "assistant.b": {"assistant.a"}, "documents.x": {COMPOSITION_ROOT}}
    assert _cycles(graph) == [["assistant.a", "assistant.b"]]
    assert _rank(COMPOSITION_ROOT) > _rank("documents.x") and _rank("ui.chat") > _rank(COMPOSITION_ROOT)
