"""The clinic overview read in a few queries says what each patient's own records say,
read one patient at a time through the stores the rest of the app uses."""

from __future__ import annotations

import os
import time as clock
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from selfcare.core.insights import Direction
from selfcare.core.overview import OverviewRow, recent_pain
from selfcare.core.plan_file import PlanFile
from selfcare.core.plans import Plan, Template, adherence, make_plan
from selfcare.core.ports import SessionStart
from selfcare.core.safety import SafetyProfile
from selfcare.store.clinic import SqliteClinicStore
from selfcare.store.db import open_database
from selfcare.store.overview import ClinicOverview, clinic_overview
from selfcare.store.plans import SqlitePlanStore
from selfcare.store.sessions import SqliteSessionStore
from tests.helpers.year_of_data import YEAR_START, fill_clinic

DAYS = 120
LAST_DAY = YEAR_START + timedelta(days=DAYS - 1)  # 2026-03-30, the last day of practice
SAVED = datetime.combine(YEAR_START, time(9), tzinfo=UTC)
NEW_YORK = "EST5EDT,M3.2.0,M11.1.0"  # POSIX rules, so no tz database is needed
AUCKLAND = "NZST-12NZDT,M9.5.0,M4.1.0/3"  # 17:00 UTC is the next morning there


def assign(db: Database, person: int, plan: Plan, *, end: date | None = None,
           weekdays: tuple[int, ...] = ()) -> None:
    SqlitePlanStore(db).assign(person, PlanFile(
        f"P-{person}", "Someone", "en", plan, (), SafetyProfile(), SAVED, end, weekdays), SAVED)


@pytest.fixture(scope="module")
def clinic_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four generated patients with 120 days each, on different plans, and three more."""
    folder = tmp_path_factory.mktemp("clinic")
    fill_clinic(folder, 4, DAYS)
    opened = open_database(folder / "selfcare.db")
    db = opened.db
    try:
        clinic, plans = SqliteClinicStore(db), SqlitePlanStore(db)
        ids = {p.code: p.id for p in clinic.patients()}  # P-0001 keeps `a_plan`'s plan
        assign(db, ids["P-0002"], make_plan(Template.WEEKLY_THEN_MONTHLY,
                                            ["pmr-short", "imagery-garden"], date(2026, 1, 5)))
        assign(db, ids["P-0003"], make_plan(Template.DAILY_4_WEEKS, ["breathing-slow"],
                                            date(2026, 3, 10)))
        plans.end(ids["P-0004"])
        with_plan = clinic.add_patient("P-0005", "Eva, plan but no sessions", "es", SAVED)
        assign(db, with_plan, make_plan(Template.WEEKLY_12, ["pmr-short"], date(2026, 2, 2)))
        clinic.add_patient("P-0006", "Fay, nothing yet", "en", SAVED)
        damaged = clinic.add_patient("P-0007", "Gil, a plan that no longer reads", "en", SAVED)
        assign(db, damaged, make_plan(Template.WEEKLY_12, ["pmr-short"], date(2026, 2, 2)))
        db.execute("UPDATE plans SET body = replace(body, 'weekly-12', 'weekly-99')"
                   " WHERE patient_id = ?", [damaged])
        db.conn.commit()
    finally:
        db.close()
    return folder / "selfcare.db"


@pytest.fixture
def db(clinic_file: Path) -> Iterator[Database]:
    found = Database(clinic_file)
    yield found
    found.close()


@pytest.fixture
def local_time() -> Iterator[None]:
    """Lets a test set the local time zone, and puts the one before back."""
    if not hasattr(clock, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    before = os.environ.get("TZ")
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    clock.tzset()


def set_zone(zone: str) -> None:
    os.environ["TZ"] = zone
    clock.tzset()


def one_at_a_time(db: Database, patient_id: int, today: date) -> OverviewRow:
    """The row built the slow way: the patient's plan and every session of theirs."""
    patient = SqliteClinicStore(db).patient_by_id(patient_id)
    assigned = SqlitePlanStore(db).active(patient_id)
    history = SqliteSessionStore(db, pid=0, host="").history(patient_id=patient_id)
    kept = None if assigned is None else adherence(
        assigned.content.plan, [r.practice for r in history], today)
    pain = [(r.started_at.astimezone().date(), r.pre) for r in history if r.pre is not None]
    return OverviewRow(patient.id, patient.code, patient.display_name, patient.language, kept,
                       max((r.started_at for r in history), default=None),
                       recent_pain(pain, today))


def test_each_row_says_what_the_patient_s_own_records_say(db: Database) -> None:
    rows = clinic_overview(db, LAST_DAY)
    assert rows == [one_at_a_time(db, row.patient_id, LAST_DAY) for row in rows]
    assert [row.code for row in rows] == [p.code for p in SqliteClinicStore(db).patients()]
    by_code = {row.code: row for row in rows}
    assert all(by_code[code].adherence is not None for code in ("P-0001", "P-0002", "P-0003"))
    assert by_code["P-0001"].adherence.done > 30  # so the comparison compares something
    assert by_code["P-0003"].adherence.current is not None  # its four weeks are running
    assert all(by_code[f"P-000{n}"].recent.direction is not Direction.NOT_ENOUGH
               for n in range(1, 5))


def test_a_patient_without_a_plan_or_sessions_has_a_row_with_nothing_claimed(db) -> None:
    by_code = {row.code: row for row in clinic_overview(db, LAST_DAY)}
    assert by_code["P-0004"].adherence is None  # plan ended; sessions and pain still shown
    assert by_code["P-0004"].last_session is not None and by_code["P-0004"].recent.ratings
    eva = by_code["P-0005"]
    assert eva.adherence is not None and eva.adherence.done == 0 and eva.adherence.missed > 0
    assert (eva.last_session, eva.recent.ratings, eva.recent.direction) == (
        None, 0, Direction.NOT_ENOUGH)
    fay = by_code["P-0006"]
    assert (fay.adherence, fay.last_session, fay.recent.ratings) == (None, None, 0)
    assert by_code["P-0007"].adherence is None  # as `SqlitePlanStore.active` skips it


@pytest.mark.parametrize("days_later", [-40, 10, 400])
def test_other_days_agree_too_before_during_and_after_the_plans(db, days_later) -> None:
    today = LAST_DAY + timedelta(days=days_later)
    rows = clinic_overview(db, today)
    assert rows == [one_at_a_time(db, row.patient_id, today) for row in rows]


@pytest.mark.parametrize("zone", [NEW_YORK, AUCKLAND])
def test_local_days_are_the_computer_s_own_as_everywhere_else(db, local_time, zone) -> None:
    set_zone("UTC0")
    in_utc = clinic_overview(db, LAST_DAY)
    set_zone(zone)
    rows = clinic_overview(db, LAST_DAY)
    assert rows == [one_at_a_time(db, row.patient_id, LAST_DAY) for row in rows]
    if zone == AUCKLAND:  # each session falls on the next day there: M/W/F slots change
        first = [r for r in rows if r.code == "P-0001"] + [r for r in in_utc if r.code == "P-0001"]
        assert first[0].adherence != first[1].adherence


def test_a_session_counts_when_completed_or_carried_at_least_halfway(tmp_path) -> None:
    opened = open_database(tmp_path / "selfcare.db")
    db = opened.db
    try:
        person = SqliteClinicStore(db).add_patient("P-1", "Ana", "en", SAVED)
        first = date(2026, 3, 2)
        assign(db, person, make_plan(Template.DAILY_4_WEEKS, ["pmr-short"], first))
        store = SqliteSessionStore(db, pid=1, host="h")
        store.person = person
        for offset, script, total, reached, ending in [
                (0, "pmr-short", 12, 6, "interrupted"),  # exactly halfway: counts
                (1, "pmr-short", 12, 5, "interrupted"),  # not quite
                (2, "pmr-short", 0, 0, "completed"),  # completed counts, however short
                (3, "pmr-short", 0, 0, "interrupted"),  # nothing to carry: no
                (4, "pmr-short", 12, 12, "running"),  # still open but all the way through
                (5, "imagery-garden", 12, 12, "completed")]:  # not in the plan
            at = datetime.combine(first + timedelta(days=offset), time(12), tzinfo=UTC)
            session = store.begin_session(SessionStart(script, "T", "pmr", "en", at, total,
                                                       5, "silent"))
            store.record_progress(session, reached)
            if ending == "completed":
                store.complete_session(session, at + timedelta(minutes=9), reached)
            elif ending == "interrupted":
                store.interrupt_session(session, at + timedelta(minutes=9), reached)
        [row] = clinic_overview(db, first + timedelta(days=6))
        assert row == one_at_a_time(db, person, first + timedelta(days=6))
        assert row.adherence is not None
        assert (row.adherence.done, row.adherence.missed) == (3, 3)
    finally:
        db.close()


def test_the_queries_are_as_many_for_seven_patients_as_for_seventeen(tmp_path) -> None:
    def statements(path: Path) -> int:
        found = Database(path)
        year = make_plan(Template.CUSTOM, ["pmr-short"], YEAR_START,
                         end=YEAR_START + timedelta(days=29), weekdays=[1, 3])
        for row in found.query("SELECT id FROM patients"):
            assign(found, row["id"], year, end=year.end, weekdays=(1, 3))
        seen: list[str] = []
        found.conn.set_trace_callback(seen.append)
        rows = clinic_overview(found, YEAR_START + timedelta(days=29))
        found.close()
        assert rows and all(row.adherence is not None for row in rows)
        return len(seen)

    small, large = tmp_path / "small", tmp_path / "large"
    fill_clinic(small, 7, 30)
    fill_clinic(large, 17, 30)
    assert statements(small / "selfcare.db") == statements(large / "selfcare.db")


def test_a_rating_just_inside_the_window_at_local_midnight_counts(tmp_path, local_time) -> None:
    set_zone(NEW_YORK)
    opened = open_database(tmp_path / "selfcare.db")
    db = opened.db
    try:
        person = SqliteClinicStore(db).add_patient("P-1", "Ana", "en", SAVED)
        store = SqliteSessionStore(db, pid=1, host="h")
        store.person = person
        today = date(2026, 3, 30)
        first = today - timedelta(days=27)
        local_midnight = datetime.combine(first, time()).astimezone()
        for at in (local_midnight - timedelta(microseconds=1), local_midnight):
            session = store.begin_session(SessionStart("pmr-short", "T", "pmr", "en", at, 12,
                                                       7, "silent"))
            store.complete_session(session, at + timedelta(minutes=9), 12)
        [row] = clinic_overview(db, today)
        assert row.recent.ratings == 1
        assert row == one_at_a_time(db, person, today)
    finally:
        db.close()


def test_an_overview_kept_on_screen_sees_a_new_plan_and_a_new_session(tmp_path) -> None:
    opened = open_database(tmp_path / "selfcare.db")
    db = opened.db
    try:
        person = SqliteClinicStore(db).add_patient("P-1", "Ana", "en", SAVED)
        first = date(2026, 3, 2)
        assign(db, person, make_plan(Template.WEEKLY_12, ["pmr-short"], first))
        overview = ClinicOverview(db)
        today = first + timedelta(days=20)
        [before] = overview.rows(today)
        assert before.adherence is not None and before.adherence.missed == 2
        assign(db, person, make_plan(Template.DAILY_4_WEEKS, ["imagery-garden"], first))
        store = SqliteSessionStore(db, pid=1, host="h")
        store.person = person
        at = datetime.combine(first, time(12), tzinfo=UTC)
        session = store.begin_session(SessionStart("imagery-garden", "T", "imagery", "en", at,
                                                   12, 6, "silent"))
        store.complete_session(session, at + timedelta(minutes=9), 12)
        [after] = overview.rows(today)
        assert after == one_at_a_time(db, person, today) == clinic_overview(db, today)[0]
        assert after.adherence is not None and (after.adherence.done, after.adherence.missed) \
            == (1, 19)
        SqlitePlanStore(db).end(person)
        assert overview.rows(today)[0].adherence is None
    finally:
        db.close()


def test_a_plan_at_the_end_of_the_calendar_is_read_like_any_other(tmp_path) -> None:
    opened = open_database(tmp_path / "selfcare.db")
    try:
        person = SqliteClinicStore(opened.db).add_patient("P-1", "Ana", "en", SAVED)
        last = date(9999, 12, 31)
        assign(opened.db, person, make_plan(Template.CUSTOM, ["pmr-short"], date(9999, 12, 27),
                                            end=last, weekdays=[4]), end=last, weekdays=(4,))
        [row] = clinic_overview(opened.db, date(2026, 3, 1))
        assert row.adherence is not None and row.adherence.remaining == 1
    finally:
        opened.db.close()
