"""The architecture holds: shells (api/, ui/, cli/) call the core (kcc/), which uses kb/ and ingest/; nothing
points back."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

SHELLS = ("api", "ui", "cli")
RULES = {"kcc": SHELLS + ("eval",), "ingest": SHELLS + ("eval", "kcc"), "kb": SHELLS + ("eval", "kcc", "ingest")}


def imported_packages(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(RULES))
def test_dependencies_point_one_way(package):
    wrong = {str(path.relative_to(REPO)): sorted(imported_packages(path) & set(RULES[package]))
             for path in (REPO / package).rglob("*.py")}
    assert {k: v for k, v in wrong.items() if v} == {}
