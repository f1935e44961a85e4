"""On a shared machine each person's records stay theirs, and each person has one plan."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from selfcare.core.clinician_pin import FIRST_WAIT, FREE_TRIES, Throttle
from selfcare.core.plan_file import PlanFile
from selfcare.core.plans import Template, make_plan
from selfcare.core.ports import SessionStart
from selfcare.core.safety import Limb, SafetyProfile
from selfcare.store.answers import SqliteAnswerStore
from selfcare.store.clinic import SqliteClinicStore
from selfcare.store.db import OpenedDatabase, open_database
from selfcare.store.plans import SqlitePlanStore
from selfcare.store.sessions import SqliteSessionStore

T0 = datetime(2026, 12, 7, 17, 0, tzinfo=UTC)
PREGNANT_LEFT_ARM = SafetyProfile(pregnancy=True, lymphoedema=frozenset({Limb.ARM_LEFT}),
                                  note="port right chest")


@pytest.fixture
def opened(tmp_path: Path) -> OpenedDatabase:
    found = open_database(tmp_path / "selfcare.db")
    yield found
    found.db.close()


def start(at: datetime) -> SessionStart:
    return SessionStart("pmr-short", "Relax", "pmr", "en", at, 17, 5, "silent")


def plan_file(code: str = "P-1", safety: SafetyProfile = PREGNANT_LEFT_ARM) -> PlanFile:
    plan = make_plan(Template.WEEKLY_THEN_MONTHLY, ["acupressure-relaxing"], date(2026, 12, 7))
    return PlanFile(code, "Ana", "es", plan, (time(18, 0),), safety, T0)


def test_a_patient_sees_only_their_own_sessions(opened: OpenedDatabase) -> None:
    clinic = SqliteClinicStore(opened.db)
    ana = clinic.add_patient("P-1", "Ana", "es", T0)
    ben = clinic.add_patient("P-2", "Ben", "en", T0)
    store = SqliteSessionStore(opened.db, pid=1, host="h")
    store.begin_session(start(T0))  # the person at home (no patient)
    store.person = ana
    store.begin_session(start(T0 + timedelta(hours=1)))
    store.begin_session(start(T0 + timedelta(hours=2)))
    store.person = ben
    store.begin_session(start(T0 + timedelta(hours=3)))
    assert len(store.history()) == 1
    store.person = ana
    assert len(store.history()) == 2
    assert len(store.history(patient_id=None)) == 1


def test_each_person_answers_the_weekly_check_once_a_week(opened: OpenedDatabase) -> None:
    clinic = SqliteClinicStore(opened.db)
    ana = clinic.add_patient("P-1", "Ana", "es", T0)
    answers = SqliteAnswerStore(opened.db)
    week = date(2026, 12, 7)
    answers.record_weekly(week, "weekly-check", "1", "average-pain", 3, T0)
    answers.person = ana
    assert answers.last_weekly_week("weekly-check") is None  # home's week is not Ana's
    answers.record_weekly(week, "weekly-check", "1", "average-pain", 8, T0)
    answers.record_weekly(week, "weekly-check", "1", "average-pain", 7, T0)  # corrected
    assert [a.value for a in answers.weekly_answers()] == [7]
    answers.person = None
    assert [a.value for a in answers.weekly_answers()] == [3]


def test_assigning_a_plan_retires_the_one_before(opened: OpenedDatabase) -> None:
    plans = SqlitePlanStore(opened.db)
    clinic = SqliteClinicStore(opened.db)
    ana = clinic.add_patient("P-1", "Ana", "es", T0)
    assert plans.active(ana) is None
    plans.assign(ana, plan_file(), T0)
    second = plan_file(safety=SafetyProfile())
    plans.assign(ana, second, T0 + timedelta(days=1))
    active = plans.active(ana)
    assert active is not None and active.content == second
    assert plans.active(None) is None  # the home person has no plan
    assert opened.db["plans"].count == 2
    plans.end(ana)
    assert plans.active(ana) is None


def test_a_home_plan_keeps_the_safety_settings_it_came_with(opened: OpenedDatabase) -> None:
    plans = SqlitePlanStore(opened.db)
    plans.assign(None, plan_file(), T0)
    active = plans.active(None)
    assert active is not None
    assert active.content.safety == PREGNANT_LEFT_ARM
    assert active.content.reminders == (time(18, 0),)


def test_a_stored_plan_that_no_longer_reads_is_not_used(opened: OpenedDatabase) -> None:
    plans = SqlitePlanStore(opened.db)
    plans.assign(None, plan_file(), T0)
    opened.db.execute("UPDATE plans SET body = replace(body, 'Ana', 'Eve')")
    assert plans.active(None) is None


def test_a_patients_safety_profile_and_pin_are_kept(opened: OpenedDatabase) -> None:
    clinic = SqliteClinicStore(opened.db)
    ana = clinic.add_patient("P-1", "Ana", "es", T0)
    clinic.set_safety(ana, PREGNANT_LEFT_ARM)
    assert clinic.patient("P-1").profile == PREGNANT_LEFT_ARM
    assert clinic.try_patient_pin(ana, "anything", T0).right  # no PIN: none needed
    clinic.set_patient_pin(ana, "4817")
    assert clinic.patient("P-1").has_pin
    assert clinic.try_patient_pin(ana, "4817", T0).right
    assert not clinic.try_patient_pin(ana, "4818", T0).right
    stored = next(iter(opened.db.query("SELECT pin_hash FROM patients")))["pin_hash"]
    assert "4817" not in stored


def test_wrong_patient_pins_slow_down_and_the_wait_is_kept_in_the_file(
        tmp_path: Path) -> None:
    opened = open_database(tmp_path / "selfcare.db")
    clinic = SqliteClinicStore(opened.db)
    ana = clinic.add_patient("P-1", "Ana", "es", T0)
    ben = clinic.add_patient("P-2", "Ben", "en", T0)
    clinic.set_patient_pin(ana, "4817")
    clinic.set_patient_pin(ben, "5926")
    for _ in range(FREE_TRIES - 1):
        assert clinic.try_patient_pin(ana, "0000", T0).throttle.wait(T0) == timedelta(0)
    third = clinic.try_patient_pin(ana, "0000", T0)
    assert third.throttle.wait(T0) == FIRST_WAIT
    # while it says wait, even the right PIN is refused without being looked at
    assert not clinic.try_patient_pin(ana, "4817", T0 + FIRST_WAIT / 2).right
    opened.db.close()

    reopened = SqliteClinicStore(open_database(tmp_path / "selfcare.db").db)
    assert reopened.patient_pin_throttle(ana).wait(T0) == FIRST_WAIT
    assert reopened.patient_pin_throttle(ben).wait(T0) == timedelta(0)  # each their own
    fourth = reopened.try_patient_pin(ana, "0000", T0 + FIRST_WAIT)
    assert fourth.throttle.wait(T0 + FIRST_WAIT) == FIRST_WAIT * 2
    later = T0 + FIRST_WAIT * 3
    assert reopened.try_patient_pin(ana, "4817", later).right
    assert reopened.patient_pin_throttle(ana) == Throttle()


def test_a_new_patient_pin_forgets_the_wrong_tries(opened: OpenedDatabase) -> None:
    clinic = SqliteClinicStore(opened.db)
    ana = clinic.add_patient("P-1", "Ana", "es", T0)
    clinic.set_patient_pin(ana, "4817")
    for _ in range(FREE_TRIES + 2):
        clinic.try_patient_pin(ana, "0000", T0)
    assert clinic.patient_pin_throttle(ana).wait(T0) > timedelta(0)

    clinic.set_patient_pin(ana, "7391")  # the clinic team sets a new one

    assert clinic.patient_pin_throttle(ana) == Throttle()
    assert clinic.try_patient_pin(ana, "7391", T0).right


def test_a_safety_profile_with_an_unknown_area_keeps_everything_it_knows(
        opened: OpenedDatabase) -> None:
    clinic = SqliteClinicStore(opened.db)
    ana = clinic.add_patient("P-1", "Ana", "es", T0)
    clinic.set_safety(ana, {"pregnancy": True, "lymphoedema": ["arm-left", "tail"],
                            "bone_metastases": ["spine", "elsewhere"]})
    profile = clinic.patient("P-1").profile
    assert profile.pregnancy
    assert profile.lymphoedema == frozenset({Limb.ARM_LEFT})
    assert profile.bone_metastases == frozenset({"spine"})
