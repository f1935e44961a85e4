"""The clinic's records: the clinician PIN, patients, their plans, and logs brought back.

The PIN is kept only as its scrypt hash (`core.clinician_pin`), and the wrong-try
throttle is stored beside it, so quitting the app does not reset the wait. Importing a
log is one transaction: every new session with its ratings, soreness and note, or
nothing; sessions already present (same start time and script) are left as they are.
The log's weekly checks are added for weeks the clinic does not have yet.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from selfcare.core.clinician_pin import Throttle, hash_pin, try_pin
from selfcare.core.log_file import LogFile, LoggedSession, new_sessions
from selfcare.core.safety import AREAS, Limb, SafetyProfile, safety_from_json, safety_json
from selfcare.store.errors import environment_errors
from selfcare.store.sessions import database_file, from_text, to_text
from selfcare.store.transactions import writing

log = logging.getLogger(__name__)


class UnknownPatientError(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class Patient:
    id: int
    code: str
    display_name: str
    language: str
    has_pin: bool
    safety: dict[str, Any]

    @property
    def profile(self) -> SafetyProfile:
        """The safety profile. One that no longer reads (written by a later Selfcare, or
        damaged) is logged as an error and keeps what can be read of it: every flag and
        every area this version knows, so nothing known is dropped."""
        try:
            return safety_from_json(self.safety)
        except ValueError as exc:
            log.error("patient %s: safety settings partly unreadable (%s)", self.code, exc)
            known = {key: value for key, value in self.safety.items()
                     if key not in ("lymphoedema", "bone_metastases", "line_or_port",
                                    "recent_surgery")}
            known["lymphoedema"] = [limb for limb in self.safety.get("lymphoedema", ())
                                    if limb in {str(v) for v in Limb}]
            for name in ("bone_metastases", "line_or_port", "recent_surgery"):
                known[name] = [a for a in self.safety.get(name, ()) if a in AREAS]
            try:
                return safety_from_json(known)
            except ValueError:
                return SafetyProfile(note=str(self.safety.get("note", "")))


@dataclass(frozen=True, slots=True)
class PinCheck:
    """The outcome of a PIN try: right or not, and how long before the next try."""

    right: bool
    throttle: Throttle


class SqliteClinicStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._path = database_file(db)

    # -- the clinician PIN --------------------------------------------------------------

    def has_clinician_pin(self) -> bool:
        with environment_errors(self._path):
            return bool(list(self._db.query("SELECT 1 AS found FROM clinician")))

    def set_clinician_pin(self, pin: str) -> None:
        """Set or replace the PIN (the caller has checked the old one); resets the throttle."""
        stored = hash_pin(pin)
        with environment_errors(self._path), writing(self._db):
            self._db.execute(
                "INSERT INTO clinician (id, pin_hash, failures, next_try_at)"
                " VALUES (1, ?, 0, NULL) ON CONFLICT (id) DO UPDATE SET"
                " pin_hash = excluded.pin_hash, failures = 0, next_try_at = NULL", [stored])

    def throttle(self) -> Throttle:
        with environment_errors(self._path):
            rows = list(self._db.query("SELECT failures, next_try_at FROM clinician"))
        return _throttle(rows[0]["failures"], rows[0]["next_try_at"]) if rows else Throttle()

    def try_clinician_pin(self, pin: str, now: datetime) -> PinCheck:
        """Check a PIN unless the throttle says wait; the new throttle is saved either way."""
        with environment_errors(self._path), writing(self._db):
            rows = list(self._db.query(
                "SELECT pin_hash, failures, next_try_at FROM clinician"))
            if not rows:
                return PinCheck(False, Throttle())
            row = rows[0]
            right, throttle = try_pin(pin, row["pin_hash"],
                                      _throttle(row["failures"], row["next_try_at"]), now)
            self._db.execute(
                "UPDATE clinician SET failures = ?, next_try_at = ? WHERE id = 1",
                [throttle.failures, _at_text(throttle)])
        return PinCheck(right, throttle)

    # -- patients -------------------------------------------------------------------------

    def add_patient(self, code: str, display_name: str, language: str, now: datetime) -> int:
        with environment_errors(self._path), writing(self._db):
            cursor = self._db.execute(
                "INSERT INTO patients (code, display_name, language, created_at)"
                " VALUES (?, ?, ?, ?)", [code, display_name, language, to_text(now)])
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def patients(self) -> list[Patient]:
        with environment_errors(self._path):
            return [_patient(row) for row in self._db.query(
                "SELECT * FROM patients ORDER BY display_name COLLATE NOCASE, code")]

    def patient(self, code: str) -> Patient:
        with environment_errors(self._path):
            rows = list(self._db.query("SELECT * FROM patients WHERE code = ?", [code]))
        if not rows:
            raise UnknownPatientError(f"no patient with the code {code!r}")
        return _patient(rows[0])

    def patient_by_id(self, patient_id: int) -> Patient:
        with environment_errors(self._path):
            rows = list(self._db.query("SELECT * FROM patients WHERE id = ?", [patient_id]))
        if not rows:
            raise UnknownPatientError(f"no patient number {patient_id}")
        return _patient(rows[0])

    def set_safety(self, patient_id: int, safety: SafetyProfile | dict[str, Any]) -> None:
        raw = safety_json(safety) if isinstance(safety, SafetyProfile) else safety
        with environment_errors(self._path), writing(self._db):
            self._db.execute("UPDATE patients SET safety = ? WHERE id = ?",
                             [json.dumps(raw, sort_keys=True), patient_id])

    def update_patient(self, patient_id: int, display_name: str, language: str) -> None:
        with environment_errors(self._path), writing(self._db):
            self._db.execute("UPDATE patients SET display_name = ?, language = ? WHERE id = ?",
                             [display_name, language, patient_id])

    def set_patient_pin(self, patient_id: int, pin: str | None) -> None:
        """A patient's own PIN on a shared machine, or None to remove it; either way the
        wrong tries so far are forgotten."""
        stored = None if pin is None else hash_pin(pin)
        with environment_errors(self._path), writing(self._db):
            self._db.execute("UPDATE patients SET pin_hash = ?, pin_failures = 0,"
                             " pin_next_try_at = NULL WHERE id = ?", [stored, patient_id])

    def patient_pin_throttle(self, patient_id: int) -> Throttle:
        with environment_errors(self._path):
            rows = list(self._db.query("SELECT pin_failures, pin_next_try_at FROM patients"
                                       " WHERE id = ?", [patient_id]))
        return _throttle(rows[0]["pin_failures"], rows[0]["pin_next_try_at"]) if rows \
            else Throttle()

    def try_patient_pin(self, patient_id: int, pin: str, now: datetime) -> PinCheck:
        """Check a patient's PIN unless their throttle says wait, as for the clinician's;
        a patient without a PIN (or no longer in the file) is simply let in or not."""
        with environment_errors(self._path), writing(self._db):
            rows = list(self._db.query(
                "SELECT pin_hash, pin_failures, pin_next_try_at FROM patients WHERE id = ?",
                [patient_id]))
            if not rows:
                return PinCheck(False, Throttle())
            row = rows[0]
            if row["pin_hash"] is None:
                return PinCheck(True, Throttle())
            right, throttle = try_pin(pin, row["pin_hash"],
                                      _throttle(row["pin_failures"], row["pin_next_try_at"]),
                                      now)
            self._db.execute("UPDATE patients SET pin_failures = ?, pin_next_try_at = ?"
                             " WHERE id = ?", [throttle.failures, _at_text(throttle), patient_id])
        return PinCheck(right, throttle)

    # -- logs brought back ------------------------------------------------------------------

    def import_log(self, patient_id: int, log: LogFile) -> int:
        """Add the log's new sessions to the patient, all or none; returns how many."""
        with environment_errors(self._path), writing(self._db):
            known = [(row["started_at"], row["script_id"]) for row in self._db.query(
                "SELECT started_at, script_id FROM sessions WHERE patient_id = ?",
                [patient_id])]
            known_keys = [(from_text(at).astimezone(UTC).isoformat(timespec="microseconds"), script)
                          for at, script in known]
            fresh = new_sessions(log, known_keys)
            for session in fresh:
                self._insert(patient_id, session)
            for week in log.weekly:  # a week already recorded here stays as it is
                self._db.execute(
                    "INSERT INTO weekly_answers (person, week_start, instrument,"
                    " instrument_version, item, value, recorded_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [patient_id, week.week_start.isoformat(), week.instrument, week.version,
                     week.item, week.value, to_text(log.saved_at)])
        return len(fresh)

    def _insert(self, patient_id: int, session: LoggedSession) -> None:
        ended = session.ended_at or session.started_at
        cursor = self._db.execute(
            "INSERT INTO sessions (script_id, title, kind, lang, started_at, ended_at, status,"
            " step_reached, steps_total, audio, pid, host, patient_id)"
            " VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'imported', ?)",
            [session.script_id, session.kind, session.lang, to_text(session.started_at),
             to_text(ended), session.status, session.step_reached, session.steps_total,
             patient_id])
        session_id = cursor.lastrowid
        recorded = to_text(ended)
        for moment, answers in (("pre", session.before), ("post", session.after)):
            for item, value in answers.items():
                self._db.execute(
                    "INSERT INTO ratings (session_id, moment, item, value, recorded_at)"
                    " VALUES (?, ?, ?, ?, ?)", [session_id, moment, item, value, recorded])
        if session.soreness is not None:
            soreness = None if session.soreness == "skipped" else session.soreness
            self._db.execute("INSERT INTO soreness VALUES (?, ?, ?)",
                             [session_id, soreness, recorded])
        if session.note:
            self._db.execute("INSERT INTO notes VALUES (?, ?, ?)",
                             [session_id, session.note, recorded])


def _patient(row: dict[str, Any]) -> Patient:
    return Patient(row["id"], row["code"], row["display_name"], row["language"],
                   row["pin_hash"] is not None, json.loads(row["safety"] or "{}"))


def _throttle(failures: int, next_try_at: str | None) -> Throttle:
    return Throttle(failures, None if next_try_at is None else from_text(next_try_at))


def _at_text(throttle: Throttle) -> str | None:
    return None if throttle.next_try_at is None else to_text(throttle.next_try_at)
