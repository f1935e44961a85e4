"""Plan and log files through the window: a plan is previewed and applied only on Apply,
a damaged one changes nothing, a log merges once; start at login is opt-in."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from selfcare.core.log_file import LogFile, LoggedSession, write_log_file
from selfcare.core.plan_file import PlanFile, write_plan_file
from selfcare.core.plans import Template, make_plan
from selfcare.core.safety import Limb, SafetyProfile

SAFETY = SafetyProfile(pregnancy=True, lymphoedema=frozenset({Limb.ARM_LEFT}))


def plan_file(folder: Path, language: str = "en") -> Path:
    plan = make_plan(Template.WEEKLY_12, ["acupressure-relaxing", "pmr-short"], date.today())
    path = folder / "plan.json"
    path.write_bytes(write_plan_file(PlanFile("P-17", "Ana", language, plan, (time(18, 0),),
                                              SAFETY, datetime.now(UTC))))
    return path


def test_a_plan_file_is_shown_before_it_is_applied_and_cancel_changes_nothing(
        window, tmp_path):
    path = plan_file(tmp_path)
    window.open_plan_file(str(path))
    assert window.stack.currentWidget() is window.import_page
    after = window.import_page.after_text.text()
    assert "Relaxing acupressure routine" in after and "Weekly for 12 weeks" in after
    assert "Pregnancy; Lymphoedema: left arm" in after
    assert window.import_page.now_text.text() == "No plan yet."
    window.import_page.cancel_button.click()
    assert window.clinician.plans.active(None) is None
    assert window.settings_page.care_message.text() == "Nothing was changed."


def test_applying_a_plan_opens_today_with_the_changes_for_this_person(window, tmp_path):
    window.open_plan_file(str(plan_file(tmp_path)))
    window.import_page.apply_button.click()
    assert window.clinician.plans.active(None) is not None
    assert window.stack.currentWidget() is window.today
    assert window.nav_today.isVisible()
    assert "SP6 left out: pregnancy" in window.today.changes.text()
    assert window.today.greeting.text() == "Hello, Ana."


def test_a_changed_plan_file_is_refused_in_plain_words_and_nothing_changes(window, tmp_path):
    path = plan_file(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"Ana"', '"Eva"'),
                    encoding="utf-8")
    window.open_plan_file(str(path))
    assert window.stack.currentWidget() is not window.import_page
    assert "checksum does not match" in window.settings_page.care_message.text()
    assert window.clinician.plans.active(None) is None


def test_a_log_is_saved_for_the_care_team_once_a_plan_is_here(window, tmp_path):
    window.save_log_file(str(tmp_path / "log.json"))
    assert "Open the plan file first" in window.settings_page.care_message.text()
    assert not (tmp_path / "log.json").exists()
    window.open_plan_file(str(plan_file(tmp_path)))
    window.import_page.apply_button.click()
    window.save_log_file(str(tmp_path / "log.json"))
    assert (tmp_path / "log.json").exists()
    assert "Sessions in the file: 0" in window.settings_page.care_message.text()


def test_the_clinic_brings_in_a_log_once(window, tmp_path):
    mode = window.clinician
    mode.clinic.set_clinician_pin("4817")
    patient = mode.clinic.add_patient("P-17", "Ana", "en", datetime.now(UTC))
    begun = datetime.now(UTC) - timedelta(days=1)
    log = tmp_path / "log.json"
    log.write_bytes(write_log_file(LogFile("P-17", datetime.now(UTC), (
        LoggedSession(begun, "pmr-short", "completed", 17, 17, begun + timedelta(minutes=14),
                      "pmr", "en", {"pain": 6}, {"pain": 3}),))))
    mode.choose_open_path = lambda: str(log)
    mode._open()
    mode.page.import_button.click()
    assert "Ana: new sessions added: 1; already here: 0." in mode.page.saved.text()
    mode.page.import_button.click()
    assert "Ana: new sessions added: 0; already here: 1." in mode.page.saved.text()
    store = window.services.opened.store
    assert [(r.pre, r.post) for r in store.history(patient_id=patient)] == [(6, 3)]


def test_start_at_login_is_off_until_turned_on(window, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "org.selfcare.Selfcare.desktop"
    window.show_settings()
    assert not window.settings_page.start_at_login.isChecked()
    window.settings_page.start_at_login.click()
    written = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in written.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" --in-tray")  # in the tray when the plan has reminders
    window.settings_page.start_at_login.click()
    assert not entry.exists()


def test_on_a_clinic_computer_a_plan_file_goes_only_to_the_patient_it_names(
        window, tmp_path):
    clinic = window.clinician.clinic
    now = datetime.now(UTC)
    ana = clinic.add_patient("P-17", "Ana", "en", now)
    ben = clinic.add_patient("P-2", "Ben", "en", now)
    path = plan_file(tmp_path)  # for P-17, Ana

    window.set_person(ben)
    window.open_plan_file(str(path))
    said = window.settings_page.care_message.text()
    assert "for Ana (P-17), not for Ben (P-2)" in said and "Nothing was changed" in said
    assert window.stack.currentWidget() is not window.import_page

    window.set_person(None)  # a guest on a clinic computer
    window.open_plan_file(str(path))
    assert "choose that patient's name first" in window.settings_page.care_message.text()
    assert window.clinician.plans.active(None) is None

    window.set_person(ana)
    window.open_plan_file(str(path))
    assert window.stack.currentWidget() is window.import_page
    window.import_page.apply_button.click()
    assert window.clinician.plans.active(ana) is not None
    assert window.clinician.plans.active(ben) is None
