"""The layer rule: core imports no Qt, pygame or sqlite; store and audio import no Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "selfcare"
FORBIDDEN = {
    "core": {"PySide6", "shiboken6", "pygame", "sqlite3", "sqlite_utils", "numpy",
             "soundfile", "selfcare.audio", "selfcare.store", "selfcare.ui"},
    "store": {"PySide6", "shiboken6", "pygame", "selfcare.ui", "selfcare.audio"},
    "audio": {"PySide6", "shiboken6", "sqlite3", "sqlite_utils", "selfcare.ui",
              "selfcare.store"},
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def breaks(name: str, forbidden: set[str]) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in forbidden)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer):
    offences = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for name in sorted(imported_modules(path))
        if breaks(name, FORBIDDEN[layer])
    ]
    assert offences == []


def test_the_rule_itself_catches_an_offence(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6 import QtCore\n")
    assert breaks("PySide6", FORBIDDEN["core"])
    assert "PySide6" in imported_modules(bad)
