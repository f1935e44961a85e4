"""Clinic to home and back by file, from the command line, with real processes and files:
the plan goes home, sessions are done there, the log comes back and merges once."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from selfcare.core.plan_file import PlanFile, write_plan_file
from selfcare.core.plans import Practice, Template, adherence, make_plan
from selfcare.core.safety import Limb, SafetyProfile
from selfcare.store.clinic import SqliteClinicStore
from selfcare.store.db import open_database
from selfcare.store.plans import SqlitePlanStore
from selfcare.store.sessions import SqliteSessionStore
from tests.conftest import DATA
from tests.helpers.cli import history, run_selfcare

TINY = str(DATA / "scripts" / "tiny-cues.toml")
SAFETY = SafetyProfile(pregnancy=True, lymphoedema=frozenset({Limb.ARM_LEFT}))


def make_clinic(folder: Path, start: date) -> int:
    opened = open_database(folder / "selfcare.db")
    clinic = SqliteClinicStore(opened.db)
    patient = clinic.add_patient("P-17", "Ana", "es", datetime.now(UTC))
    clinic.set_safety(patient, SAFETY)
    plan = make_plan(Template.WEEKLY_THEN_MONTHLY, ["tiny-cues"], start)
    SqlitePlanStore(opened.db).assign(patient, PlanFile(
        "P-17", "Ana", "es", plan, (time(18, 0),), SafetyProfile(), datetime.now(UTC)),
        datetime.now(UTC))
    opened.db.close()
    return patient


def test_plan_home_sessions_there_log_back_twice_without_duplicates(tmp_path: Path) -> None:
    clinic_dir, home_dir = tmp_path / "clinic", tmp_path / "home"
    today = date.today()
    patient = make_clinic(clinic_dir, today)
    plan_path, log_path = tmp_path / "plan.json", tmp_path / "log.json"

    done = run_selfcare(clinic_dir, "export", "plan", "--patient", "P-17", "--out",
                        str(plan_path))
    assert done.returncode == 0, done.stderr
    body = json.loads(plan_path.read_text(encoding="utf-8"))
    assert body["safety"]["pregnancy"] and body["safety"]["lymphoedema"] == ["arm-left"]

    done = run_selfcare(home_dir, "import", str(plan_path))
    assert done.returncode == 0, done.stderr
    assert "Plan for Ana (P-17) applied." in done.stdout
    assert "pregnancy" in done.stdout and "arm-left" in done.stdout
    settings = json.loads((home_dir / "settings.json").read_text(encoding="utf-8"))
    assert settings["values"]["language"] == "es"

    for pre, post in (("6", "4"), ("7", "3")):
        played = run_selfcare(home_dir, "play", TINY, "--no-gui", "--pre", pre, "--post", post)
        assert played.returncode == 0, played.stderr
    assert len(history(home_dir)) == 2

    done = run_selfcare(home_dir, "export", "log", "--out", str(log_path))
    assert done.returncode == 0, done.stderr
    assert "2 session(s)" in done.stderr and "P-17" in done.stderr

    first = run_selfcare(clinic_dir, "import", str(log_path))
    assert first.returncode == 0, first.stderr
    assert "2 new session(s) added to P-17" in first.stdout
    again = run_selfcare(clinic_dir, "import", str(log_path))
    assert again.returncode == 0, again.stderr
    assert "0 new session(s) added to P-17 (2 already here)" in again.stdout

    opened = open_database(clinic_dir / "selfcare.db")
    store = SqliteSessionStore(opened.db, pid=1, host="test")
    records = sorted(store.history(patient_id=patient), key=lambda r: r.started_at)
    assigned = SqlitePlanStore(opened.db).active(patient)
    opened.db.close()
    assert [(r.pre, r.post, r.status.value) for r in records] == [
        (6, 4, "completed"), (7, 3, "completed")]
    assert assigned is not None
    kept = adherence(assigned.content.plan, [
        Practice(r.started_at.astimezone().date(), r.script_id, True, 1.0) for r in records],
        today)
    assert (kept.done, kept.missed, kept.current_done, kept.remaining) == (1, 0, True, 13)
    assert history(clinic_dir) == []  # the clinic's own person saw none of Ana's sessions


@pytest.mark.parametrize(("damage", "says"), [
    (lambda text: text.replace('"Ana"', '"Eva"'), "checksum does not match"),
    (lambda text: text[: len(text) // 2], "cut short"),
    (lambda text: text.replace('"version": 1', '"version": 7'), "newer Selfcare"),
    (lambda text: '{"hello": "world"}', "not a Selfcare plan or log file"),
])
def test_a_damaged_or_foreign_file_is_refused_in_one_line_and_changes_nothing(
        tmp_path: Path, damage, says: str) -> None:
    clinic_dir, home_dir = tmp_path / "clinic", tmp_path / "home"
    make_clinic(clinic_dir, date.today())
    plan_path = tmp_path / "plan.json"
    assert run_selfcare(clinic_dir, "export", "plan", "--patient", "P-17", "--out",
                        str(plan_path)).returncode == 0
    plan_path.write_text(damage(plan_path.read_text(encoding="utf-8")), encoding="utf-8")
    done = run_selfcare(home_dir, "import", str(plan_path))
    assert done.returncode == 1
    assert says in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not (home_dir / "selfcare.db").exists() or _no_plan(home_dir)


def _no_plan(folder: Path) -> bool:
    opened = open_database(folder / "selfcare.db")
    try:
        return SqlitePlanStore(opened.db).active(None) is None
    finally:
        opened.db.close()


def test_a_log_for_a_patient_the_clinic_does_not_know_is_refused(tmp_path: Path) -> None:
    home_dir, clinic_dir = tmp_path / "home", tmp_path / "clinic"
    make_clinic(tmp_path / "other-clinic", date.today())
    plan_path, log_path = tmp_path / "plan.json", tmp_path / "log.json"
    run_selfcare(tmp_path / "other-clinic", "export", "plan", "--patient", "P-17", "--out",
                 str(plan_path))
    assert run_selfcare(home_dir, "import", str(plan_path)).returncode == 0
    assert run_selfcare(home_dir, "export", "log", "--out", str(log_path)).returncode == 0
    done = run_selfcare(clinic_dir, "import", str(log_path))
    assert done.returncode == 1
    assert "no patient with the code P-17" in done.stderr


def test_a_log_needs_a_plan_to_know_whose_it_is(tmp_path: Path) -> None:
    done = run_selfcare(tmp_path / "home", "export", "log", "--out", str(tmp_path / "l.json"))
    assert done.returncode == 1
    assert "import the plan file first" in done.stderr
    assert not (tmp_path / "l.json").exists()


def test_exporting_a_plan_for_an_unknown_patient_says_so(tmp_path: Path) -> None:
    done = run_selfcare(tmp_path / "clinic", "export", "plan", "--patient", "NOPE",
                        "--out", str(tmp_path / "p.json"))
    assert done.returncode == 1
    assert "no patient with the code NOPE" in done.stderr


def test_on_a_clinic_computer_import_gives_the_plan_to_the_patient_it_names(
        tmp_path: Path) -> None:
    clinic_dir = tmp_path / "clinic"
    patient = make_clinic(clinic_dir, date.today())
    plan = make_plan(Template.DAILY_4_WEEKS, ["tiny-cues"], date.today())
    for_ana = tmp_path / "ana.json"
    for_ana.write_bytes(write_plan_file(PlanFile(
        "P-17", "Ana", "es", plan, (), SafetyProfile(), datetime.now(UTC))))
    for_nobody = tmp_path / "nobody.json"
    for_nobody.write_bytes(write_plan_file(PlanFile(
        "P-99", "Eve", "en", plan, (), SafetyProfile(), datetime.now(UTC))))

    refused = run_selfcare(clinic_dir, "import", str(for_nobody))
    assert refused.returncode == 1
    assert refused.stderr.strip() == ("selfcare: this computer has patients, and none with "
                                      "the code P-99: nothing was changed")
    done = run_selfcare(clinic_dir, "import", str(for_ana))
    assert done.returncode == 0, done.stderr
    assert "applied to patient P-17 (Ana)" in done.stdout

    opened = open_database(clinic_dir / "selfcare.db")
    plans = SqlitePlanStore(opened.db)
    active = plans.active(patient)
    assert active is not None and active.content.plan.template is Template.DAILY_4_WEEKS
    assert plans.active(None) is None  # never the clinic's guest
    opened.db.close()
    assert not (clinic_dir / "settings.json").exists()  # the clinic's language unchanged
