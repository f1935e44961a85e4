"""Docs and data that must not drift from the code."""

from __future__ import annotations

import json
import tomllib

import jsonschema

from selfcare.core.problems import errors_in
from selfcare.core.script_format import json_schema
from selfcare.library import load_library, script_files
from selfcare.paths import scripts_dir
from tests.conftest import DATA, REPO

SCHEMA_FILE = REPO / "docs" / "script-format.schema.json"


def test_the_published_json_schema_is_the_one_the_code_enforces():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate: python -m selfcare.core.script_format > docs/script-format.schema.json")


def test_every_shipped_script_validates_without_errors():
    library = load_library()
    assert errors_in(library.problems) == []
    assert len(library.scripts) == len(script_files(scripts_dir())) >= 3
    assert {s.kind for s in library.scripts.values()} >= {"imagery", "pmr", "acupressure"}


def test_every_shipped_script_is_valid_against_the_published_schema():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for path in script_files(scripts_dir()):
        jsonschema.validate(tomllib.loads(path.read_text(encoding="utf-8")), schema)


def test_the_schema_rejects_what_the_validator_rejects():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    bad = tomllib.loads((DATA / "scripts" / "bad" / "three-faults.toml").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    messages = [error.message for error in validator.iter_errors(bad)]
    assert any("colour" in m for m in messages)
    assert any("-3" in m for m in messages)
