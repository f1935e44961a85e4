"""The clinic's records on a real SQLite file: PIN throttle kept, logs merged once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from selfcare.core.log_file import LogFile, LoggedSession, read_log_file, write_log_file
from selfcare.store.answers import SqliteAnswerStore
from selfcare.store.clinic import SqliteClinicStore, UnknownPatientError
from selfcare.store.db import OpenedDatabase, open_database
from selfcare.store.sessions import SqliteSessionStore

T0 = datetime(2026, 12, 7, 18, 0, 0, 250000, tzinfo=UTC)


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenedDatabase]:
    opened = open_database(tmp_path / "selfcare.db")
    yield opened
    opened.db.close()


@pytest.fixture
def clinic(opened: OpenedDatabase) -> SqliteClinicStore:
    return SqliteClinicStore(opened.db)


def test_the_pin_is_checked_and_the_wait_survives_a_restart(opened, clinic) -> None:
    assert not clinic.has_clinician_pin()
    assert not clinic.try_clinician_pin("482916", T0).right
    clinic.set_clinician_pin("482916")
    assert clinic.try_clinician_pin("482916", T0).right
    for _ in range(3):
        check = clinic.try_clinician_pin("000111", T0)
    assert not check.right and check.throttle.wait(T0) == timedelta(seconds=2)
    reopened = open_database(opened.path)  # as after a restart
    try:
        again = SqliteClinicStore(reopened.db)
        assert again.throttle().wait(T0) == timedelta(seconds=2)
        assert not again.try_clinician_pin("482916", T0).right  # even the right PIN waits
        assert again.try_clinician_pin("482916", T0 + timedelta(seconds=2)).right
        assert again.throttle().failures == 0
    finally:
        reopened.db.close()
    stored = next(iter(opened.db.query("SELECT pin_hash FROM clinician")))["pin_hash"]
    assert "482916" not in stored


def test_patients_are_listed_by_name_and_found_by_code(clinic) -> None:
    clinic.add_patient("P-2", "Tom", "en", T0)
    ana = clinic.add_patient("P-1", "ana", "es", T0)
    clinic.set_safety(ana, {"pregnancy": True, "lymphoedema": ["arm-left"]})
    assert [p.code for p in clinic.patients()] == ["P-1", "P-2"]
    assert clinic.patient("P-1").safety == {"lymphoedema": ["arm-left"], "pregnancy": True}
    with pytest.raises(UnknownPatientError, match="P-9"):
        clinic.patient("P-9")


def logged(days: int, **changes) -> LoggedSession:
    fields = {"started_at": T0 + timedelta(days=days), "script_id": "acupressure-relaxing",
              "status": "completed", "step_reached": 40, "steps_total": 40,
              "ended_at": T0 + timedelta(days=days, minutes=14), "kind": "acupressure",
              "lang": "es", "before": {"pain": 6}, "after": {"pain": None, "tension": 3},
              "soreness": "mild", "note": "left hand sore"}
    fields.update(changes)
    return LoggedSession(**fields)


def test_a_log_imported_twice_adds_its_sessions_once_with_their_answers(opened, clinic) -> None:
    patient = clinic.add_patient("P-1", "Ana", "es", T0)
    log = read_log_file(write_log_file(LogFile("P-1", T0 + timedelta(days=9), (
        logged(0), logged(7, soreness="skipped", note=None)))))
    assert clinic.import_log(patient, log) == 2
    assert clinic.import_log(patient, log) == 0
    longer = LogFile("P-1", T0 + timedelta(days=20), (*log.sessions, logged(14)))
    assert clinic.import_log(patient, longer) == 1
    sessions = SqliteSessionStore(opened.db, pid=1, host="h")
    assert sessions.history() == []  # the home user's history shows no patient's sessions
    records = sorted(sessions.history(patient_id=patient), key=lambda r: r.started_at)
    assert [(r.pre, r.post, r.post_skipped) for r in records] == [(6, None, True)] * 3
    assert records[0].started_at == T0
    others = sessions.other_ratings()
    assert others[records[0].id] == {("post", "tension"): 3}
    notes = SqliteAnswerStore(opened.db).after_notes()
    assert (notes[records[0].id].soreness, notes[records[0].id].note) == ("mild",
                                                                           "left hand sore")
    assert notes[records[1].id].soreness is None and notes[records[1].id].soreness_asked


def test_a_log_that_fails_halfway_adds_nothing(opened, clinic, monkeypatch) -> None:
    patient = clinic.add_patient("P-1", "Ana", "es", T0)
    log = LogFile("P-1", T0, (logged(0), logged(1)))
    calls = []
    original = SqliteClinicStore._insert

    def fail_second(self, patient_id, session):
        calls.append(session)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        original(self, patient_id, session)

    monkeypatch.setattr(SqliteClinicStore, "_insert", fail_second)
    with pytest.raises(RuntimeError):
        clinic.import_log(patient, log)
    assert next(iter(opened.db.query("SELECT COUNT(*) AS n FROM sessions")))["n"] == 0
