"""The schema: applied once, idempotent, and strict about what it stores."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from selfcare.store.db import open_database
from selfcare.store.migrations import (
    MIGRATION_SET,
    apply_migrations,
    migrations,
    pending_migrations,
)
from selfcare.store.sessions import SqliteSessionStore

DATA = Path(__file__).parents[2] / "data" / "db"
RELEASED = ["m001_sessions_and_ratings", "m002_soreness_notes_weekly",
            "m003_patients_and_plans", "m004_weekly_answers_per_person",
            "m005_patient_pin_throttle"]
NOW = "2026-03-01T09:00:00.000000+00:00"


@pytest.fixture
def memory_db() -> Iterator[Database]:
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys=ON")
    yield db
    db.close()


@pytest.fixture
def migrated(memory_db: Database) -> Database:
    apply_migrations(memory_db)
    return memory_db


def applied_rows(db: Database) -> list[dict[str, object]]:
    return list(db.query("SELECT migration_set, name FROM _sqlite_migrations ORDER BY id"))


def test_released_migrations_are_never_renamed_or_reordered(memory_db: Database) -> None:
    names = [migration.name for migration in migrations.pending(memory_db)]
    assert names[: len(RELEASED)] == RELEASED


def test_pending_reads_only(memory_db: Database) -> None:
    assert pending_migrations(memory_db) == RELEASED
    assert memory_db.table_names() == []


def test_first_apply_creates_the_tables_and_records_itself(memory_db: Database) -> None:
    assert apply_migrations(memory_db) == RELEASED
    assert {"sessions", "ratings", "soreness", "notes", "weekly_answers",
            "_sqlite_migrations"} <= set(memory_db.table_names())
    assert applied_rows(memory_db) == [{"migration_set": MIGRATION_SET, "name": name}
                                       for name in RELEASED]


def test_second_apply_changes_nothing(migrated: Database) -> None:
    schema = migrated.schema
    assert apply_migrations(migrated) == []
    assert migrated.schema == schema
    assert len(applied_rows(migrated)) == len(RELEASED)


def test_open_database_migrates_only_the_first_time(tmp_path: Path) -> None:
    first = open_database(tmp_path / "selfcare.db")
    first.db.close()
    second = open_database(tmp_path / "selfcare.db")
    second.db.close()
    assert first.migrated == tuple(RELEASED)
    assert second.migrated == ()


def test_sessions_and_ratings_columns(migrated: Database) -> None:
    assert list(migrated["sessions"].columns_dict) == [
        "id", "script_id", "title", "kind", "lang", "started_at", "ended_at", "status",
        "step_reached", "steps_total", "audio", "pid", "host", "patient_id",
    ]
    assert list(migrated["ratings"].columns_dict) == [
        "id", "session_id", "moment", "item", "value", "recorded_at",
    ]
    assert migrated.table("sessions").pks == ["id"]
    assert [fk.other_table for fk in migrated.table("ratings").foreign_keys] == ["sessions"]


def test_indexes_on_started_at_and_status(migrated: Database) -> None:
    indexed = {tuple(index.columns) for index in migrated.table("sessions").indexes}
    assert {("started_at",), ("status",)} <= indexed
    unique = {tuple(i.columns) for i in migrated.table("ratings").indexes if i.unique}
    assert ("session_id", "moment", "item") in unique


def insert_session(db: Database, **overrides: object) -> int:
    row: dict[str, object] = {
        "script_id": "s", "started_at": NOW, "status": "running",
        "step_reached": 1, "steps_total": 5, "audio": "device",
    }
    row.update(overrides)
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO sessions ({columns}) VALUES ({marks})", list(row.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": "paused"},
        {"audio": "speaker"},
        {"step_reached": 6},
        {"step_reached": -1},
        {"status": "completed"},  # a closed session needs its end time
        {"ended_at": NOW},  # a running one has none
        {"script_id": None},
        {"started_at": None},
    ],
    ids=str,
)
def test_sessions_refuse_impossible_rows(migrated: Database, overrides: dict[str, object]) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        insert_session(migrated, **overrides)
    assert migrated["sessions"].count == 0


def insert_rating(db: Database, session_id: int, moment: str, value: object) -> None:
    db.execute(
        "INSERT INTO ratings (session_id, moment, value, recorded_at) VALUES (?, ?, ?, ?)",
        [session_id, moment, value, NOW],
    )


@pytest.mark.parametrize(("moment", "value"), [("pre", 11), ("pre", -1), ("during", 3)])
def test_ratings_refuse_out_of_range_values_and_moments(
    migrated: Database, moment: str, value: int
) -> None:
    session_id = insert_session(migrated)
    with pytest.raises(sqlite3.IntegrityError):
        insert_rating(migrated, session_id, moment, value)


def test_ratings_allow_null_default_to_pain_and_are_unique(migrated: Database) -> None:
    session_id = insert_session(migrated)
    insert_rating(migrated, session_id, "pre", None)
    assert list(migrated.query("SELECT item, value FROM ratings")) == [
        {"item": "pain", "value": None}
    ]
    with pytest.raises(sqlite3.IntegrityError):
        insert_rating(migrated, session_id, "pre", 4)


def test_ratings_need_an_existing_session(migrated: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        insert_rating(migrated, 99, "pre", 4)


def test_a_database_from_release_one_opens_with_its_records(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    shutil.copyfile(DATA / "valid_m001.db", path)
    opened = open_database(path)
    try:
        records = SqliteSessionStore(opened.db, pid=1, host="h").history()
        assert opened.moved_aside is None
        assert opened.migrated == tuple(RELEASED[1:])
        assert len(records) == 4
        assert list((tmp_path / "backups").glob("*pre-migration*"))
        assert {record.status for record in records} == {"completed", "interrupted"}
    finally:
        opened.db.close()


@pytest.mark.parametrize("value", ["bruised", "", "NONE"])
def test_soreness_is_none_mild_or_more_or_null_for_skipped(migrated: Database, value: str) -> None:
    session_id = insert_session(migrated)
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute("INSERT INTO soreness VALUES (?, ?, ?)", [session_id, value, NOW])
    migrated.execute("INSERT INTO soreness VALUES (?, NULL, ?)", [session_id, NOW])
    assert migrated["soreness"].count == 1


@pytest.mark.parametrize("text", ["", "x" * 2001])
def test_a_note_is_never_empty_nor_longer_than_2000(migrated: Database, text: str) -> None:
    session_id = insert_session(migrated)
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute("INSERT INTO notes VALUES (?, ?, ?)", [session_id, text, NOW])


def test_a_weekly_item_is_answered_once_a_week_within_0_to_10(migrated: Database) -> None:
    insert = ("INSERT INTO weekly_answers (week_start, instrument, instrument_version, item,"
              " value, recorded_at) VALUES ('2026-11-30', 'weekly-check', '1', 'enjoyment', ?, ?)")
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute(insert, [11, NOW])
    migrated.execute(insert, [None, NOW])
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute(insert, [3, NOW])


def test_one_clinician_pin_per_installation_and_patient_codes_are_unique(migrated) -> None:
    migrated.execute("INSERT INTO clinician (id, pin_hash) VALUES (1, 'scrypt$x')")
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute("INSERT INTO clinician (id, pin_hash) VALUES (2, 'scrypt$y')")
    insert = ("INSERT INTO patients (code, display_name, language, created_at)"
              " VALUES ('P-1', 'Ana', ?, ?)")
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute(insert, ["fr", NOW])
    migrated.execute(insert, ["es", NOW])
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute(insert, ["en", NOW])


def test_weekly_answers_given_before_m004_belong_to_the_person_at_home(
        memory_db: Database) -> None:
    from selfcare.store.migrations import migrations

    migrations.apply(memory_db, stop_before="m004_weekly_answers_per_person")
    memory_db.execute(
        "INSERT INTO weekly_answers (week_start, instrument, instrument_version, item, value,"
        " recorded_at) VALUES ('2026-11-30', 'weekly-check', '1', 'enjoyment', 4, ?)", [NOW])
    apply_migrations(memory_db)
    rows = list(memory_db.query("SELECT person, item, value FROM weekly_answers"))
    assert rows == [{"person": 0, "item": "enjoyment", "value": 4}]
