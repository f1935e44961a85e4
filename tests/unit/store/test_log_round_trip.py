"""Home to clinic: sessions done at home come back in a log and merge once into the profile."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from selfcare.core.log_file import read_log_file, write_log_file
from selfcare.core.ports import SessionStart
from selfcare.core.questions import Soreness
from selfcare.core.ratings import Moment
from selfcare.store.answers import SqliteAnswerStore
from selfcare.store.clinic import SqliteClinicStore
from selfcare.store.db import open_database
from selfcare.store.log_export import log_from_store
from selfcare.store.sessions import SqliteSessionStore

T0 = datetime(2026, 12, 7, 17, 0, tzinfo=UTC)


def test_a_home_log_merges_into_the_clinic_once_with_every_answer(tmp_path: Path) -> None:
    home = open_database(tmp_path / "home" / "selfcare.db")
    sessions = SqliteSessionStore(home.db, pid=1, host="home")
    answers = SqliteAnswerStore(home.db)
    first = sessions.begin_session(SessionStart(
        "acupressure-relaxing", "Rutina", "acupressure", "es", T0, 40, 7, "device",
        (("tension", 6),)))
    sessions.complete_session(first, T0 + timedelta(minutes=14), 40)
    sessions.record_rating(first, Moment.POST, 4, T0 + timedelta(minutes=14))
    sessions.record_rating(first, Moment.POST, None, T0 + timedelta(minutes=14), item="tension")
    answers.record_soreness(first, Soreness.MILD, T0 + timedelta(minutes=15))
    answers.record_note(first, "mano izquierda sensible", T0 + timedelta(minutes=15))
    second = sessions.begin_session(SessionStart(
        "pmr-short", "Relajación", "pmr", "es", T0 + timedelta(days=2), 17, None, "silent"))
    sessions.interrupt_session(second, T0 + timedelta(days=2, minutes=3), 5)
    sessions.begin_session(SessionStart(  # still running: not in the log
        "pmr-short", "Relajación", "pmr", "es", T0 + timedelta(days=3), 17, 5, "silent"))
    answers.record_weekly(date(2026, 12, 7), "weekly-check", "1", "average-pain", 6, T0)
    data = write_log_file(log_from_store(sessions, answers, patient_code="P-1",
                                         saved_at=T0 + timedelta(days=4)))
    home.db.close()

    clinic_db = open_database(tmp_path / "clinic" / "selfcare.db")
    clinic = SqliteClinicStore(clinic_db.db)
    patient = clinic.add_patient("P-1", "Ana", "es", T0)
    log = read_log_file(data)
    assert len(log.weekly) == 1
    assert clinic.import_log(patient, log) == 2
    assert clinic.import_log(patient, read_log_file(data)) == 0  # twice: nothing new
    store = SqliteSessionStore(clinic_db.db, pid=2, host="clinic")
    records = sorted(store.history(patient_id=patient), key=lambda r: r.started_at)
    assert [(r.script_id, r.status.value, r.pre, r.post, r.pre_skipped) for r in records] == [
        ("acupressure-relaxing", "completed", 7, 4, False),
        ("pmr-short", "interrupted", None, None, True)]
    assert records[1].step_reached == 5
    others = store.other_ratings()
    assert others[records[0].id] == {("pre", "tension"): 6, ("post", "tension"): None}
    clinic_answers = SqliteAnswerStore(clinic_db.db)
    said = clinic_answers.after_notes()[records[0].id]
    assert (said.soreness, said.note) == (Soreness.MILD, "mano izquierda sensible")
    assert clinic_answers.weekly_answers() == []  # the clinic's own week is not the patient's
    clinic_answers.person = patient
    weeks = clinic_answers.weekly_answers()
    assert [(w.week_start, w.item, w.value) for w in weeks] == [
        (date(2026, 12, 7), "average-pain", 6)]
    clinic_db.db.close()


def test_a_log_can_start_from_the_plan_start(tmp_path: Path) -> None:
    home = open_database(tmp_path / "selfcare.db")
    sessions = SqliteSessionStore(home.db, pid=1, host="home")
    answers = SqliteAnswerStore(home.db)
    for days in (0, 10):
        started = T0 + timedelta(days=days)
        sid = sessions.begin_session(SessionStart("pmr-short", "PMR", "pmr", "en", started, 17,
                                                  5, "silent"))
        sessions.complete_session(sid, started + timedelta(minutes=8), 17)
    since = (T0 + timedelta(days=5)).astimezone().date()
    log = log_from_store(sessions, answers, patient_code="P-1", saved_at=T0, since=since)
    assert [s.started_at for s in log.sessions] == [T0 + timedelta(days=10)]
    home.db.close()
