"""Answers that are not 0-10 session ratings: soreness, notes and the weekly check.

Each call commits before it returns, like the session store, so an answer given is
an answer kept. A skipped soreness question or weekly item is stored with a NULL
value, so history can tell "skipped" from "never asked".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from selfcare.core.questions import Soreness, check_note
from selfcare.core.ratings import check_rating
from selfcare.store.errors import environment_errors
from selfcare.store.sessions import (
    CURRENT,
    EVERYONE,
    Current,
    Everyone,
    check_item,
    database_file,
    from_text,
    require_session,
    to_text,
)
from selfcare.store.transactions import writing


@dataclass(frozen=True, slots=True)
class WeeklyAnswer:
    week_start: date
    instrument: str
    instrument_version: str
    item: str
    value: int | None  # None: skipped
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class AfterNotes:
    """What was said after a session besides ratings; `soreness_asked` tells a skip."""

    soreness: Soreness | None = None
    soreness_asked: bool = False
    note: str | None = None


class SqliteAnswerStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._path = database_file(db)
        self.person: int | None = None  # whose weekly check: a patient's id, None at home

    @property
    def _person_key(self) -> int:
        return 0 if self.person is None else self.person

    def record_soreness(self, session_id: int, value: Soreness | None, at: datetime) -> None:
        """None records that the person skipped the question."""
        stored = None if value is None else Soreness(value).value
        with environment_errors(self._path), writing(self._db):
            require_session(self._db, session_id)
            self._db.execute(
                "INSERT INTO soreness (session_id, value, recorded_at) VALUES (?, ?, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET value = excluded.value,"
                " recorded_at = excluded.recorded_at",
                [session_id, stored, to_text(at)])

    def record_note(self, session_id: int, text: str, at: datetime) -> bool:
        """Keep a note; an empty one keeps nothing (returns False)."""
        note = check_note(text)
        if note is None:
            return False
        with environment_errors(self._path), writing(self._db):
            require_session(self._db, session_id)
            self._db.execute(
                "INSERT INTO notes (session_id, text, recorded_at) VALUES (?, ?, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET text = excluded.text,"
                " recorded_at = excluded.recorded_at",
                [session_id, note, to_text(at)])
        return True

    def record_weekly(self, week_start: date, instrument: str, version: str, item: str,
                      value: int | None, at: datetime) -> None:
        if week_start.weekday() != 0:
            raise ValueError(f"a week starts on a Monday, not on {week_start}")
        checked = check_rating(value)
        with environment_errors(self._path), writing(self._db):
            self._db.execute(
                "INSERT INTO weekly_answers (person, week_start, instrument,"
                " instrument_version, item, value, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (person, week_start, instrument, item) DO UPDATE SET"
                " value = excluded.value, recorded_at = excluded.recorded_at,"
                " instrument_version = excluded.instrument_version",
                [self._person_key, week_start.isoformat(), check_item(instrument), version,
                 check_item(item),
                 checked, to_text(at)])

    def last_weekly_week(self, instrument: str) -> date | None:
        """The latest week in which the weekly check was answered or skipped."""
        with environment_errors(self._path):
            rows = list(self._db.query(
                "SELECT MAX(week_start) AS week FROM weekly_answers"
                " WHERE instrument = ? AND person = ?", [instrument, self._person_key]))
        week = rows[0]["week"] if rows else None
        return None if week is None else date.fromisoformat(week)

    def weekly_answers(self, instrument: str | None = None, *,
                       person: int | Current | None = CURRENT) -> list[WeeklyAnswer]:
        """Oldest week first: the current `person`'s, or the person given (None: at home)."""
        who = self.person if isinstance(person, Current) else person
        sql = "SELECT * FROM weekly_answers WHERE person = ?"
        params: list[Any] = [0 if who is None else who]
        if instrument is not None:
            sql += " AND instrument = ?"
            params.append(instrument)
        sql += " ORDER BY week_start, id"
        with environment_errors(self._path):
            return [WeeklyAnswer(date.fromisoformat(row["week_start"]), row["instrument"],
                                 row["instrument_version"], row["item"], row["value"],
                                 from_text(row["recorded_at"]))
                    for row in self._db.query(sql, params)]

    def after_notes(self, patient_id: int | Everyone | None = EVERYONE
                    ) -> dict[int, AfterNotes]:
        """Soreness and notes by session id, for history and export; of one person's
        sessions only when `patient_id` is given (None: the person at home)."""
        found: dict[int, AfterNotes] = {}
        soreness, notes = "SELECT session_id, value FROM soreness", \
            "SELECT session_id, text FROM notes"
        params: dict[str, Any] = {}
        if not isinstance(patient_id, Everyone):
            soreness, notes = (
                f"SELECT t.session_id, t.{column} FROM sessions AS s CROSS JOIN {table} AS t"
                " ON t.session_id = s.id WHERE s.patient_id IS :patient"
                for table, column in (("soreness", "value"), ("notes", "text")))
            params = {"patient": patient_id}
        with environment_errors(self._path):
            for row in self._db.query(soreness, params):
                value = row["value"]
                found[row["session_id"]] = AfterNotes(
                    None if value is None else Soreness(value), True)
            for row in self._db.query(notes, params):
                before = found.get(row["session_id"], AfterNotes())
                found[row["session_id"]] = AfterNotes(before.soreness, before.soreness_asked,
                                                      row["text"])
        return found
