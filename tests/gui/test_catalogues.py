"""The Spanish catalogue holds every string of the interface, translated, and the
compiled .qm the app loads is exactly what its .ts source compiles to."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from selfcare.ui import catalogues


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_file).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.fixture(scope="module", params=catalogues.translated_languages())
def fresh(request, tmp_path_factory) -> tuple[str, Path, Path]:
    """The committed catalogue, and a copy updated from the code as it is now."""
    lang = request.param
    committed = catalogues.catalogue_path(lang, ".ts")
    updated = tmp_path_factory.mktemp(lang) / committed.name
    shutil.copy(committed, updated)
    catalogues.extract(updated, lang)
    return lang, committed, updated


def test_every_string_in_the_code_is_in_the_catalogue(fresh):
    _, committed, updated = fresh
    missing = set(messages(updated)) - set(messages(committed))
    stale = set(messages(committed)) - set(messages(updated))
    assert not missing, f"run `make translations` and translate: {sorted(missing)[:5]}"
    assert not stale, f"strings no longer in the code: {sorted(stale)[:5]}"


def test_every_string_has_a_finished_translation(fresh):
    _, committed, _ = fresh
    unfinished = [key for key, message in messages(committed).items()
                  if message.find("translation").get("type") == "unfinished"
                  or not "".join(message.find("translation").itertext()).strip()]
    assert unfinished == []


def test_placeholders_survive_translation(fresh):
    _, committed, _ = fresh
    for (context, source), message in messages(committed).items():
        translated = "".join(message.find("translation").itertext())
        for mark in ("%1", "%2", "%n"):
            if mark in source:
                assert mark in translated, (context, source)


def test_the_compiled_catalogue_is_what_its_source_compiles_to(fresh, tmp_path):
    lang, committed, _ = fresh
    rebuilt = tmp_path / f"selfcare_{lang}.qm"
    catalogues.compile_catalogue(committed, rebuilt)
    shipped = catalogues.catalogue_path(lang, ".qm")
    assert rebuilt.read_bytes() == shipped.read_bytes(), "run `make translations`"
