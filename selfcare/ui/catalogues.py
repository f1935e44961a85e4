"""Building the interface catalogues: `.ts` sources from the code, `.qm` from the sources.

`python -m selfcare.ui.catalogues` (or `make translations`) runs Qt's own tools from
PySide6: `pyside6-lupdate` collects every `tr()` string into
`assets/translations/selfcare_<lang>.ts` (kept in git, where the translations are
written), then `pyside6-lrelease` compiles each to the `.qm` the app loads. The `.qm`
files are committed too, so installing and running need no Qt tools and the frozen
build finds them at the same place; a test compiles the `.ts` again and fails if a
committed `.qm` differs, or if a string in the code has no finished translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from selfcare import paths
from selfcare.ui.i18n import CATALOGUE_PREFIX, LANGUAGES, SOURCE_LANGUAGE

PACKAGE = Path(__file__).resolve().parent.parent


def translated_languages() -> list[str]:
    return [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]


def source_files() -> list[Path]:
    """Every Python file of the app, in a stable order (lupdate keeps the first location)."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def catalogue_path(lang: str, suffix: str, folder: Path | None = None) -> Path:
    return (folder or paths.translations_dir()) / f"{CATALOGUE_PREFIX}{lang}{suffix}"


def qt_tool(name: str) -> str:
    """`pyside6-lupdate` or `pyside6-lrelease` from the same environment as this Python."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} is not installed (it comes with PySide6)")
    return found


def extract(ts_file: Path, lang: str) -> None:
    """Update `ts_file` with the strings in the code; strings no longer used are dropped."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    command = [qt_tool("lupdate"), *map(str, source_files()), "-ts", str(ts_file),
               "-target-language", lang, "-no-obsolete", "-locations", "none", "-silent"]
    subprocess.run(command, check=True, capture_output=True, text=True)


def compile_catalogue(ts_file: Path, qm_file: Path) -> None:
    command = [qt_tool("lrelease"), str(ts_file), "-qm", str(qm_file), "-silent"]
    subprocess.run(command, check=True, capture_output=True, text=True)


def main() -> int:
    for lang in translated_languages():
        ts_file = catalogue_path(lang, ".ts")
        extract(ts_file, lang)
        compile_catalogue(ts_file, catalogue_path(lang, ".qm"))
        print(f"{ts_file} -> {catalogue_path(lang, '.qm')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
