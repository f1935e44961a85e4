"""`selfcare export fhir`: a real process writes a Bundle a FHIR parser accepts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from selfcare.core.ports import SessionStart
from selfcare.core.ratings import Moment
from selfcare.store.db import open_database
from selfcare.store.sessions import SqliteSessionStore
from tests.helpers.cli import run_selfcare

models = pytest.importorskip("fhir.resources.R4B.bundle",
                             reason="fhir.resources is a test dependency")


def record(data_dir: Path, days_ago: int, pre: int, post: int) -> None:
    opened = open_database(data_dir / "selfcare.db")
    store = SqliteSessionStore(opened.db, pid=1, host="test")
    began = datetime.now(UTC) - timedelta(days=days_ago)
    session = store.begin_session(SessionStart("pmr-short", "Short", "pmr", "en", began, 17, pre,
                                               "silent"))
    store.complete_session(session, began + timedelta(minutes=14), 17)
    store.record_rating(session, Moment.POST, post, began + timedelta(minutes=14))
    opened.db.close()


def test_export_fhir_writes_a_valid_bundle_of_the_chosen_days(data_dir: Path,
                                                              tmp_path: Path) -> None:
    record(data_dir, 20, 7, 5)
    record(data_dir, 2, 6, 3)
    out = tmp_path / "bundle.json"
    since = (datetime.now(UTC) - timedelta(days=10)).astimezone().date().isoformat()
    done = run_selfcare(data_dir, "export", "fhir", "--out", str(out), "--from", since)
    assert done.returncode == 0, done.stderr
    assert "1 session(s) written" in done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    models.Bundle.model_validate(data)
    values = sorted(e["resource"]["valueInteger"] for e in data["entry"]
                    if e["resource"]["resourceType"] == "Observation")
    assert values == [3, 6]
    everything = run_selfcare(data_dir, "export", "fhir", "--out", "-")
    assert everything.returncode == 0, everything.stderr
    assert sum(e["resource"]["resourceType"] == "Procedure"
               for e in json.loads(everything.stdout)["entry"]) == 2


def test_export_fhir_says_what_is_wrong_in_one_line(data_dir: Path, tmp_path: Path) -> None:
    unknown = run_selfcare(data_dir, "export", "fhir", "--out", str(tmp_path / "b.json"),
                           "--patient", "NOPE")
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "selfcare: no patient with the code NOPE on this computer"
    backwards = run_selfcare(data_dir, "export", "fhir", "--out", str(tmp_path / "b.json"),
                             "--from", "2026-12-07", "--to", "2026-12-01")
    assert backwards.returncode == 1 and "--to is before --from" in backwards.stderr
