"""The clinic overview read from the record file: every patient's row in a few queries.

The number of queries is the same for 5 patients or 500 (none is asked per patient):
the patients; their active plans; for each patient with a plan, the local days on which
a session of the plan counted, within the plan's days; each patient's last session;
and the pre-session pain ratings of the last four weeks. SQLite does the heavy lifting
(a year of 500 patients is 130,000 sessions, too many to turn into Python objects in
the 300 ms a clinician should wait), so two rules are stated here in SQL as well as in
the core, and the tests hold them equal:

* the local day of a stored time is `date(started_at, 'localtime')`, which asks the C
  library's `localtime` just as `datetime.astimezone()` does;
* a session counts for a plan as `Practice.counts` says: completed, or carried at least
  `HALFWAY` (the same division, in floating point).

A plan that no longer reads is left out, as `SqlitePlanStore.active` leaves it out.
"""

from __future__ import annotations

import json
from collections import defaultdict
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

_PATIENTS_SQL = """
SELECT id, code, display_name, language FROM patients
ORDER BY display_name COLLATE NOCASE, code
"""

_PLANS_SQL = """
SELECT patient_id, body FROM plans WHERE active = 1 AND patient_id IS NOT NULL ORDER BY id
"""

# For each patient with a plan ([id, from, to] in :spans), each script's local days with
# a session that counts, as 'YYYY-MM-DD,YYYY-MM-DD,...'.
_DAYS_SQL = """
WITH span (patient_id, low, high) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
           json_extract(value, '$[2]')
    FROM json_each(:spans)
)
SELECT s.patient_id, s.script_id, group_concat(DISTINCT date(s.started_at, 'localtime'))
FROM span CROSS JOIN sessions AS s
    ON s.patient_id = span.patient_id AND s.started_at >= span.low AND s.started_at < span.high
WHERE s.status = :completed
   OR (s.steps_total > 0 AND CAST(s.step_reached AS REAL) / s.steps_total >= :halfway)
GROUP BY s.patient_id, s.script_id
"""

_LAST_SQL = """
SELECT patient_id, MAX(started_at) FROM sessions WHERE patient_id IS NOT NULL
GROUP BY patient_id
"""

# Sessions first (by their start), then each one's rating: the other way round reads
# every pain rating ever given.
_PAIN_SQL = """
SELECT s.patient_id, date(s.started_at, 'localtime'), r.value
FROM sessions AS s CROSS JOIN ratings AS r
    ON r.session_id = s.id AND r.moment = :pre AND r.item = :pain
WHERE s.started_at >= :low AND s.started_at < :high AND s.patient_id IS NOT NULL
  AND r.value IS NOT NULL
"""


def clinic_overview(db: Database, today: date) -> list[OverviewRow]:
    """Every patient's row for `today` (a local day), ordered by name as the patient list
    is; adherence is None for a patient without a plan."""
    with environment_errors(database_file(db)):
        patients = db.execute(_PATIENTS_SQL).fetchall()
        plans = _active_plans(db)
        kept = _days_kept(db, plans)
        last = {person: from_text(at) for person, at in db.execute(_LAST_SQL).fetchall()}
        pain = _recent_ratings(db, today)
    return [OverviewRow(
        person, code, name, language,
        None if person not in plans else adherence_on_days(plans[person], kept[person], today),
        last.get(person), recent_pain(pain[person], today))
        for person, code, name, language in patients]


def _active_plans(db: Database) -> dict[int, Plan]:
    """Each patient's newest active plan that reads."""
    bodies = {person: body for person, body in db.execute(_PLANS_SQL).fetchall()}
    plans = {}
    for person, body in bodies.items():
        try:
            plans[person] = read_plan_file(body.encode("utf-8")).plan
        except PlanFileError:
            continue
    return plans


def _days_kept(db: Database, plans: dict[int, Plan]) -> defaultdict[int, set[date]]:
    spans = [[person, _stored(plan.start - _MARGIN), _stored(plan.end + 2 * _MARGIN)]
             for person, plan in plans.items()]
    found: defaultdict[int, set[date]] = defaultdict(set)
    rows = db.execute(_DAYS_SQL, {"spans": json.dumps(spans), "halfway": HALFWAY,
                                  "completed": SessionStatus.COMPLETED.value}).fetchall()
    for person, script_id, days in rows:
        if script_id in plans[person].sessions:
            found[person].update(map(date.fromisoformat, days.split(",")))
    return found


def _recent_ratings(db: Database, today: date) -> defaultdict[int, list[tuple[date, int]]]:
    """Each patient's pre-session pain ratings (not skipped) around the last four weeks;
    `recent_pain` keeps those of the window's local days."""
    low = _stored(today - timedelta(days=WINDOW_DAYS - 1) - _MARGIN)
    high = _stored(today + 2 * _MARGIN)
    found: defaultdict[int, list[tuple[date, int]]] = defaultdict(list)
    for person, day, value in db.execute(_PAIN_SQL, {
            "pre": Moment.PRE.value, "pain": Item.PAIN.value, "low": low, "high": high}):
        found[person].append((date.fromisoformat(day), value))
    return found


def _stored(day: date) -> str:
    """The stored form of the first moment of `day` in UTC, for comparing stored times."""
    return to_text(datetime.combine(day, time(), tzinfo=UTC))
