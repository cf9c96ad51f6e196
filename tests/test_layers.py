"""Imports go one way: a package may import only the packages below it (STYLE.md §2)."""

from __future__ import annotations

import ast
import importlib
import types
from pathlib import Path

import pytest

import storyline

SRC = Path(storyline.__file__).parent
PUBLIC_MODULES = [
    "storyline",
    *(f"storyline.{p}" for p in ("model", "text", "ingest", "clean", "embed", "summarize", "analyze")),
    *(f"storyline.{p}" for p in ("cluster", "evaluate", "render", "timelines", "cli", "service")),
]
LEVELS = {
    "model": 0,
    "errors": -1,  # a leaf: everything may raise its errors
    "text": 1,
    "ingest": 2,
    "clean": 2,
    "embed": 3,
    "summarize": 4,
    "analyze": 4,
    "cluster": 4,
    "timelines": 4,
    "evaluate": 4,
    "pipeline": 5,
    "render": 5,
    "compare": 6,
    "digest": 6,
    "cli": 7,
    "service": 6,  # the CLI (7) starts the service
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("storyline."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("storyline."):
                    found.add(alias.name.split(".")[1])
    return found


def test_layers_imports_go_one_way() -> None:
    violations = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        package = rel.parts[0].removesuffix(".py")
        if package in ("__init__", "__main__"):
            continue
        level = LEVELS[package]
        for imported in _imports(path):
            if imported == package:
                continue
            if LEVELS[imported] >= level:
                violations.append(f"{rel} imports storyline.{imported}")
    assert violations == []


def _isort_key(name: str) -> tuple[int, str]:
    """ruff's __all__ order: CONSTANTS, then Classes, then functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_exports_all_sorted_and_complete(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=_isort_key)
    public = {
        n
        for n, v in vars(module).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType) and n != "annotations"
    }
    assert public <= set(exported), f"not in __all__: {sorted(public - set(exported))}"
    assert all(hasattr(module, symbol) for symbol in exported)
