"""Plans assigned to a person, kept as the plan file's own text.

Keeping the whole file (not columns) means what the clinic assigned, what went home and
what the home computer applied are the same checked document; `read_plan_file` turns it
back into a plan. One plan is active per person: assigning a new one retires the old.
A person is a clinic patient's id, or None for the person using this computer at home.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from selfcare.core.plan_file import PlanFile, PlanFileError, read_plan_file, write_plan_file
from selfcare.store.errors import environment_errors
from selfcare.store.sessions import database_file, from_text, to_text
from selfcare.store.transactions import writing


@dataclass(frozen=True, slots=True)
class AssignedPlan:
    id: int
    content: PlanFile
    assigned_at: datetime


class SqlitePlanStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._path = database_file(db)

    def assign(self, person: int | None, content: PlanFile, at: datetime) -> int:
        """Make `content` the person's plan, retiring the one before, in one transaction."""
        body = write_plan_file(content).decode("utf-8")
        with environment_errors(self._path), writing(self._db):
            self._db.execute("UPDATE plans SET active = 0 WHERE patient_id IS ? AND active = 1",
                             [person])
            cursor = self._db.execute(
                "INSERT INTO plans (patient_id, body, assigned_at, active) VALUES (?, ?, ?, 1)",
                [person, body, to_text(at)])
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def active(self, person: int | None) -> AssignedPlan | None:
        """The person's plan now, or None; a stored plan that no longer reads is skipped."""
        with environment_errors(self._path):
            rows = list(self._db.query(
                "SELECT id, body, assigned_at FROM plans WHERE patient_id IS ? AND active = 1"
                " ORDER BY id DESC LIMIT 1", [person]))
        if not rows:
            return None
        try:
            content = read_plan_file(rows[0]["body"].encode("utf-8"))
        except PlanFileError:
            return None
        return AssignedPlan(rows[0]["id"], content, from_text(rows[0]["assigned_at"]))

    def end(self, person: int | None) -> None:
        """The person has no plan any more (their sessions and ratings stay)."""
        with environment_errors(self._path), writing(self._db):
            self._db.execute("UPDATE plans SET active = 0 WHERE patient_id IS ?", [person])
