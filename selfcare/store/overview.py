"""The clinic overview read from the record file: every patient's row in a few queries.

The number of queries is the same for 5 patients or 500 (none is asked per patient):
the patients; their active plans; for each patient with a plan, the local days on which
a session of the plan counted, within the plan's days; each patient's last session;
and the pre-session pain ratings of the last four weeks. SQLite does the heavy lifting
(a year of 500 patients is 130,000 sessions, too many to turn into Python objects in
the 300 ms a clinician should wait), so two rules are stated here in SQL as well as in
the core, and the tests hold them equal:

* the local day of a stored time is `date(substr(started_at, 1, 19), 'localtime')`,
  which asks the C library's `localtime` just as `datetime.astimezone()` does. Stored
  times are UTC, so their first 19 characters are the UTC time to the second; leaving
  out the fraction matters, since newer SQLite rounds it to the millisecond, which would
  move 23:59:59.9996 to the next day;
* a session counts for a plan as `Practice.counts` says: completed, or carried at least
  `HALFWAY` (the same division, in floating point).

A plan that no longer reads is left out, as `SqlitePlanStore.active` leaves it out. A
`ClinicOverview` kept while the overview is on screen reads the plans only once. Needs
SQLite 3.35 or later (a MATERIALIZED common table expression).
"""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta

from sqlite_utils import Database

from selfcare.core.overview import WINDOW_DAYS, OverviewRow, recent_pain
from selfcare.core.plan_file import PlanFileError, read_plan_file
from selfcare.core.plans import HALFWAY, Plan, adherence_on_days
from selfcare.core.ratings import Item, Moment
from selfcare.store.errors import environment_errors
from selfcare.store.sessions import SessionStatus, database_file, from_text, to_text

# A local day lies within a day of the UTC day of the same date (offsets are under 15
# hours), so ranges of stored times are widened by this much and the day checked after.
_MARGIN = timedelta(days=1)
_UNIT, _RECORD = "\x1f", "\x1e"  # ASCII separators: never in a script id or a date

# Each patient, with the start of their last session (the index finds it at once).
_PATIENTS_SQL = """
SELECT p.id, p.code, p.display_name, p.language,
       (SELECT MAX(s.started_at) FROM sessions AS s WHERE s.patient_id = p.id)
FROM patients AS p
ORDER BY p.display_name COLLATE NOCASE, p.code
"""

_PLANS_SQL = """
SELECT patient_id, body FROM plans WHERE active = 1 AND patient_id IS NOT NULL ORDER BY id
"""

# For each patient with a plan ([id, from, to] in :spans, a stored-time range), the
# sessions in the range that count, as 'script<unit>local day' joined by <record>. One
# subquery a patient reads their stretch of the (patient_id, started_at) index in order,
# where a GROUP BY would sort all the sessions of the clinic first.
_DAYS_SQL = """
WITH span (patient_id, low, high) AS MATERIALIZED (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
           json_extract(value, '$[2]')
    FROM json_each(:spans)
)
SELECT span.patient_id, (
    SELECT group_concat(
        s.script_id || :unit || date(substr(s.started_at, 1, 19), 'localtime'), :record)
    FROM sessions AS s
    WHERE s.patient_id = span.patient_id AND s.started_at >= span.low
      AND s.started_at < span.high
      AND (s.status = :completed
           OR (s.steps_total > 0 AND CAST(s.step_reached AS REAL) / s.steps_total >= :halfway))
)
FROM span
"""

# Pre-session pain ratings given (not skipped) in a range of stored times, found patient
# by patient through the same index; through the ratings instead, SQLite would read
# every pain rating ever given.
_PAIN_SQL = """
SELECT s.patient_id, date(substr(s.started_at, 1, 19), 'localtime'), r.value
FROM patients AS p
CROSS JOIN sessions AS s
    ON s.patient_id = p.id AND s.started_at >= :low AND s.started_at < :high
CROSS JOIN ratings AS r ON r.session_id = s.id AND r.moment = :pre AND r.item = :pain
WHERE r.value IS NOT NULL
"""


def clinic_overview(db: Database, today: date) -> list[OverviewRow]:
    """Every patient's row for `today` (a local day), ordered by name as the patient list
    is; adherence is None for a patient without a plan."""
    return ClinicOverview(db).rows(today)


class ClinicOverview:
    """The overview of one open record file, read again whenever it is shown.

    It keeps the plans it read last time, by their text: a stored plan's text never
    changes (assigning a plan adds a row), and reading 500 plan files is nearly half of
    the overview's time. Only the plans in force at the last reading are kept."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._path = database_file(db)
        self._read: dict[str, Plan | None] = {}

    def rows(self, today: date) -> list[OverviewRow]:
        """As `clinic_overview`."""
        db = self._db
        with environment_errors(self._path), _collector_paused():
            patients = db.execute(_PATIENTS_SQL).fetchall()
            plans = self._active_plans()
            kept = _days_kept(db, plans)
            pain = _recent_ratings(db, today)
        return [OverviewRow(
            person, code, name, language,
            None if person not in plans else adherence_on_days(plans[person], kept[person],
                                                               today),
            None if last is None else from_text(last), recent_pain(pain[person], today))
            for person, code, name, language, last in patients]

    def _active_plans(self) -> dict[int, Plan]:
        """Each patient's newest active plan, if it reads (as `SqlitePlanStore.active`)."""
        bodies = {person: body for person, body in self._db.execute(_PLANS_SQL).fetchall()}
        before, self._read = self._read, {}
        for body in bodies.values():
            self._read[body] = before[body] if body in before else _plan_in(body)
        return {person: plan for person, body in bodies.items()
                if (plan := self._read[body]) is not None}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a year of every patient's sessions is read: those
    objects all live until the rows are made, so collecting them is wasted (~30 ms)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _plan_in(body: str) -> Plan | None:
    try:
        return read_plan_file(body.encode("utf-8")).plan
    except PlanFileError:
        return None


def _days_kept(db: Database, plans: dict[int, Plan]) -> dict[int, set[date]]:
    """For each patient with a plan, the local days with a session of it that counts."""
    spans = [[person, _stored(plan.start, -_MARGIN), _stored(plan.end, 2 * _MARGIN)]
             for person, plan in plans.items()]
    found: dict[int, set[date]] = {}
    for person, sessions in db.execute(_DAYS_SQL, {
            "spans": json.dumps(spans), "halfway": HALFWAY, "unit": _UNIT, "record": _RECORD,
            "completed": SessionStatus.COMPLETED.value}).fetchall():
        ours = plans[person].sessions
        days = {item[-10:] for item in (sessions or "").split(_RECORD)  # script, unit, day
                if item[:-11] in ours}
        found[person] = {date.fromisoformat(day) for day in days}
    return found


def _recent_ratings(db: Database, today: date) -> defaultdict[int, list[tuple[date, int]]]:
    """Each patient's pre-session pain ratings (not skipped) around the last four weeks;
    `recent_pain` keeps those of the window's local days."""
    low = _stored(today, -timedelta(days=WINDOW_DAYS - 1) - _MARGIN)
    high = _stored(today, 2 * _MARGIN)
    found: defaultdict[int, list[tuple[date, int]]] = defaultdict(list)
    for person, day, value in db.execute(_PAIN_SQL, {
            "pre": Moment.PRE.value, "pain": Item.PAIN.value, "low": low, "high": high}):
        found[person].append((date.fromisoformat(day), value))
    return found


def _stored(day: date, shift: timedelta) -> str:
    """The stored form of the first moment of `day + shift` in UTC, for comparing with
    stored times; a plan at the very end (or start) of the calendar stops there."""
    try:
        day += shift
    except OverflowError:
        day = date.max if shift > timedelta() else date.min
    return to_text(datetime.combine(day, time(), tzinfo=UTC))
