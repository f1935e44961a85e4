"""The schema, as a numbered list of migrations that only ever grows.

Each migration runs in one transaction together with its record in
`_sqlite_migrations`, so a failing one leaves the file as it was. A released
migration is never edited: change the schema by appending `m002_...`.
Timestamps are ISO-8601 text in UTC with an explicit offset; a rating value of
NULL means the person chose to skip it.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "selfcare"

migrations = Migrations(MIGRATION_SET)

_M001 = [
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        script_id TEXT NOT NULL,
        title TEXT,
        kind TEXT,
        lang TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
        step_reached INTEGER NOT NULL CHECK (step_reached >= 0),
        steps_total INTEGER NOT NULL CHECK (steps_total >= 0),
        audio TEXT CHECK (audio IN ('device', 'silent')),
        pid INTEGER,
        host TEXT,
        CHECK (step_reached <= steps_total),
        CHECK ((status = 'running') = (ended_at IS NULL))
    )
    """,
    """
    CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        moment TEXT NOT NULL CHECK (moment IN ('pre', 'post')),
        item TEXT NOT NULL DEFAULT 'pain',
        value INTEGER CHECK (value BETWEEN 0 AND 10),
        recorded_at TEXT NOT NULL,
        UNIQUE (session_id, moment, item)
    )
    """,
    "CREATE INDEX idx_sessions_started_at ON sessions(started_at)",
    "CREATE INDEX idx_sessions_status ON sessions(status)",
]


@migrations()
def m001_sessions_and_ratings(db: Database) -> None:
    for statement in _M001:
        db.execute(statement)


_M002 = [
    # After acupressure: soreness or bruising. A NULL value is a skipped question.
    """
    CREATE TABLE soreness (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        value TEXT CHECK (value IN ('none', 'mild', 'more')),
        recorded_at TEXT NOT NULL
    )
    """,
    # A free-text note after any session; no row when none was written.
    """
    CREATE TABLE notes (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        recorded_at TEXT NOT NULL
    )
    """,
    # The weekly check, one row per item; week_start is the local Monday (YYYY-MM-DD).
    """
    CREATE TABLE weekly_answers (
        id INTEGER PRIMARY KEY,
        week_start TEXT NOT NULL,
        instrument TEXT NOT NULL,
        instrument_version TEXT NOT NULL,
        item TEXT NOT NULL,
        value INTEGER CHECK (value BETWEEN 0 AND 10),
        recorded_at TEXT NOT NULL,
        UNIQUE (week_start, instrument, item)
    )
    """,
    "CREATE INDEX idx_ratings_item ON ratings(item)",
]


@migrations()
def m002_soreness_notes_weekly(db: Database) -> None:
    for statement in _M002:
        db.execute(statement)


_M003 = [
    # One clinician PIN per installation: its scrypt hash and the wrong-try throttle.
    """
    CREATE TABLE clinician (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pin_hash TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        next_try_at TEXT
    )
    """,
    # Patients on a shared clinic machine: a pseudonymous code, never a record number.
    """
    CREATE TABLE patients (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('en', 'es')),
        pin_hash TEXT,
        safety TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
    )
    """,
    # A patient's plan, as the body of a plan file; the newest active one applies.
    """
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER REFERENCES patients(id),
        body TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    )
    """,
    # Whose session: NULL is the person using this computer at home.
    "ALTER TABLE sessions ADD COLUMN patient_id INTEGER REFERENCES patients(id)",
    "CREATE INDEX idx_sessions_patient_start ON sessions(patient_id, started_at, script_id)",
]


@migrations()
def m003_patients_and_plans(db: Database) -> None:
    for statement in _M003:
        db.execute(statement)


_M004 = [
    # Each person's weekly check: a clinic's patients answer it each week too. `person`
    # is the patient's id, or 0 for the person using this computer at home (not NULL,
    # because NULLs never collide in a UNIQUE constraint).
    """
    CREATE TABLE weekly_answers_new (
        id INTEGER PRIMARY KEY,
        person INTEGER NOT NULL DEFAULT 0 CHECK (person >= 0),
        week_start TEXT NOT NULL,
        instrument TEXT NOT NULL,
        instrument_version TEXT NOT NULL,
        item TEXT NOT NULL,
        value INTEGER CHECK (value BETWEEN 0 AND 10),
        recorded_at TEXT NOT NULL,
        UNIQUE (person, week_start, instrument, item)
    )
    """,
    "INSERT INTO weekly_answers_new (id, person, week_start, instrument, instrument_version,"
    " item, value, recorded_at) SELECT id, 0, week_start, instrument, instrument_version,"
    " item, value, recorded_at FROM weekly_answers",
    "DROP TABLE weekly_answers",
    "ALTER TABLE weekly_answers_new RENAME TO weekly_answers",
    "CREATE INDEX idx_plans_patient ON plans(patient_id, active)",
]


@migrations()
def m004_weekly_answers_per_person(db: Database) -> None:
    for statement in _M004:
        db.execute(statement)


_M005 = [
    # A patient's PIN is slowed down after wrong tries as the clinician's is, and the
    # throttle is kept in the file so closing the app does not reset it.
    "ALTER TABLE patients ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0"
    " CHECK (pin_failures >= 0)",
    "ALTER TABLE patients ADD COLUMN pin_next_try_at TEXT",
]


@migrations()
def m005_patient_pin_throttle(db: Database) -> None:
    for statement in _M005:
        db.execute(statement)


def apply_migrations(db: Database) -> list[str]:
    """Apply what is pending; returns the names applied, oldest first."""
    pending = [migration.name for migration in migrations.pending(db)]
    migrations.apply(db)
    return pending


def pending_migrations(db: Database) -> list[str]:
    """Names not yet applied; reads only, so callers can back up first."""
    return [migration.name for migration in migrations.pending(db)]
