"""Clinician mode with real widgets and a real record file: the PIN, its slowdown, a
patient, their safety settings and plan, and the patient's tailored session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from selfcare.core.idle import IDLE_LIMIT, PERSON_IDLE_LIMIT

PIN = "4817"


def click(qtbot, widget) -> None:
    """A click where a person would click: on a check box's box and words, not beyond."""
    if isinstance(widget, QCheckBox) and widget.text():
        where = QPoint(min(40, widget.width() - 1), widget.height() // 2)
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)
        return
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_pin(qtbot, field, pin: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, pin)


def set_up_pin(window, qtbot) -> None:
    window.show_settings()
    click(qtbot, window.settings_page.clinician_button)
    gate = window.clinician.gate
    assert window.stack.currentWidget() is gate
    type_pin(qtbot, gate.first, PIN)
    type_pin(qtbot, gate.second, PIN)
    click(qtbot, gate.confirm)
    assert window.stack.currentWidget() is window.clinician.page


def add_patient(window, qtbot, code: str = "P-17", name: str = "Ana") -> None:
    page = window.clinician.page
    click(qtbot, page.add_button)
    qtbot.keyClicks(page.new_code, code)
    qtbot.keyClicks(page.new_name, name)
    click(qtbot, page.create_button)
    assert page.panels.currentWidget() is page.detail


def test_the_first_visit_sets_a_pin_refusing_an_easy_one(window, qtbot):
    window.show_settings()
    click(qtbot, window.settings_page.clinician_button)
    gate = window.clinician.gate
    assert gate.heading.text() == "Set a clinician PIN"
    type_pin(qtbot, gate.first, "1111")
    type_pin(qtbot, gate.second, "1111")
    click(qtbot, gate.confirm)
    assert "too easy" in gate.message.text()
    assert window.stack.currentWidget() is gate
    type_pin(qtbot, gate.first, PIN)
    type_pin(qtbot, gate.second, "4818")
    click(qtbot, gate.confirm)
    assert "not the same" in gate.message.text()
    type_pin(qtbot, gate.first, PIN)
    type_pin(qtbot, gate.second, PIN)
    click(qtbot, gate.confirm)
    assert window.stack.currentWidget() is window.clinician.page
    stored = next(iter(window.services.opened.db.query("SELECT pin_hash FROM clinician")))
    assert PIN not in stored["pin_hash"] and stored["pin_hash"].startswith("scrypt$")


def test_wrong_pins_slow_down_and_the_wait_survives_leaving(window, qtbot):
    set_up_pin(window, qtbot)
    click(qtbot, window.clinician.page.leave_button)
    assert window.stack.currentWidget() is not window.clinician.page
    gate = window.clinician.gate
    window.enter_clinician_mode()
    for _ in range(2):
        type_pin(qtbot, gate.first, "9999")
        click(qtbot, gate.confirm)
        assert "not right" in gate.message.text() and gate.first.isEnabled()
    type_pin(qtbot, gate.first, "9999")
    click(qtbot, gate.confirm)
    assert not gate.first.isEnabled() and not gate.confirm.isEnabled()
    assert "wait 2 seconds" in gate.message.text()
    window.enter_clinician_mode()  # coming back does not reset the wait
    assert not gate.first.isEnabled()
    qtbot.waitUntil(gate.first.isEnabled, timeout=4000)
    type_pin(qtbot, gate.first, "9999")
    click(qtbot, gate.confirm)
    assert "wait 4 seconds" in gate.message.text()  # each further wrong PIN doubles it
    failures = next(iter(window.services.opened.db.query("SELECT failures FROM clinician")))
    assert failures["failures"] == 4


def test_clinician_mode_closes_itself_when_left_idle(window, qtbot):
    set_up_pin(window, qtbot)
    mode = window.clinician
    later = datetime.now(UTC) + IDLE_LIMIT + timedelta(seconds=1)
    mode._now = lambda: later
    mode.check_idle()
    assert not mode.active
    assert window.stack.currentWidget() not in (mode.page, mode.gate)
    assert window.nav_sessions.isEnabled()


def test_a_patient_marked_pregnant_with_a_left_arm_lymphoedema_gets_a_safe_session(
        window, qtbot):
    set_up_pin(window, qtbot)
    add_patient(window, qtbot)
    page = window.clinician.page
    assert [page.patient_list.item(i).text() for i in range(page.patient_list.count())] == [
        "Ana (P-17)"]
    click(qtbot, page.safety.pregnancy)
    click(qtbot, page.safety.lymphoedema["arm-left"])
    click(qtbot, page.builder.session_boxes["acupressure-relaxing"])
    assert page.builder._cards["acupressure-relaxing"].isVisibleTo(page)  # evidence card
    assert "SP6 left out: pregnancy" in page.changes.text()
    assert "HT7 on your right side only: lymphoedema, left arm" in page.changes.text()
    click(qtbot, page.save_button)
    assert page.saved.text().startswith("Saved.")

    click(qtbot, page.practise_button)  # the clinician hands the computer to Ana
    assert not window.clinician.active
    assert window.stack.currentWidget() is window.today
    assert window.today.greeting.text() == "Hello, Ana."
    assert "A session is due" in window.today.status.text()
    assert "SP6 left out: pregnancy" in window.today.changes.text()
    click(qtbot, window.today.start_button)
    assert window.stack.currentWidget() is window.rating
    window.rating.answered.emit(6)
    assert window.stack.currentWidget() is window.player
    notice = window.player.notice.text()
    assert "SP6 left out: pregnancy" in notice
    assert "HT7 on your right side only: lymphoedema, left arm" in notice
    played = window.services.controller.run.script
    foci = [step.focus for step in played.steps if step.focus]
    assert "SP6" not in foci
    assert foci.count("HT7") == 2  # one wrist only (two pressing steps), not four
    window.services.controller.stop()
    record = window.services.opened.store.history()[0]
    assert record.script_id == "acupressure-relaxing"
    window.services.opened.store.person = None
    assert window.services.opened.store.history() == []  # Ana's session is only Ana's


def test_on_a_clinic_computer_the_app_asks_who_is_practising(window, qtbot):
    set_up_pin(window, qtbot)
    add_patient(window, qtbot, "P-1", "Ana")
    add_patient(window, qtbot, "P-2", "Ben")
    window.clinician.clinic.set_patient_pin(window.clinician.clinic.patient("P-2").id, "5829")
    click(qtbot, window.clinician.page.leave_button)
    window._person_chosen = False
    window.go_home()
    people = window.people
    assert window.stack.currentWidget() is people
    ben = next(b for b in people._buttons if b.text() == "Ben")
    click(qtbot, ben)
    assert people.pin_card.isVisibleTo(people)
    qtbot.keyClicks(people.pin, "1234")
    click(qtbot, people.pin_button)
    assert "not right" in people.pin_message.text() and window.person is None
    qtbot.keyClicks(people.pin, "5829")
    click(qtbot, people.pin_button)
    assert window.person == window.clinician.clinic.patient("P-2").id
    assert window.person_button.text().startswith("Ben")


def test_wrong_patient_pins_slow_down_for_that_patient_only(window, qtbot):
    clinic_with_two_patients(window, qtbot)
    clinic = window.clinician.clinic
    clinic.set_patient_pin(clinic.patient("P-1").id, "3920")
    clinic.set_patient_pin(clinic.patient("P-2").id, "5829")
    window.go_home()  # the names again, now with their PINs
    people = window.people

    choose(window, qtbot, "Ben")
    for _ in range(2):
        type_pin(qtbot, people.pin, "1111")
        click(qtbot, people.pin_button)
        assert "not right" in people.pin_message.text() and people.pin.isEnabled()
    type_pin(qtbot, people.pin, "1111")
    click(qtbot, people.pin_button)
    assert not people.pin.isEnabled() and not people.pin_button.isEnabled()
    assert "wait 2 seconds" in people.pin_message.text()

    choose(window, qtbot, "Ana")  # someone else's wrong tries never hold Ana up
    assert people.pin.isEnabled()
    choose(window, qtbot, "Ben")  # choosing again does not reset Ben's wait
    assert not people.pin.isEnabled() and "Please wait" in people.pin_message.text()
    qtbot.waitUntil(people.pin.isEnabled, timeout=4000)
    assert "try again now" in people.pin_message.text()
    type_pin(qtbot, people.pin, "5829")
    click(qtbot, people.pin_button)
    assert window.person == clinic.patient("P-2").id
    assert clinic.patient_pin_throttle(clinic.patient("P-2").id).failures == 0


def clinic_with_two_patients(window, qtbot) -> None:
    set_up_pin(window, qtbot)
    add_patient(window, qtbot, "P-1", "Ana")
    add_patient(window, qtbot, "P-2", "Ben")
    click(qtbot, window.clinician.page.leave_button)
    window._person_chosen = False
    window.go_home()


def choose(window, qtbot, name: str) -> None:
    click(qtbot, next(b for b in window.people._buttons if b.text() == name))


def test_a_patient_who_walks_away_is_signed_out(window, qtbot):
    clinic_with_two_patients(window, qtbot)
    choose(window, qtbot, "Ana")
    ana = window.clinician.clinic.patient("P-1").id
    assert window.person == ana and window.person_idle.watching
    window.show_history()
    idle = window.person_idle
    nearly = datetime.now(UTC) + PERSON_IDLE_LIMIT - timedelta(seconds=5)
    idle._now = lambda: nearly
    idle.check()
    assert window.stack.currentWidget() is window.history  # not yet

    later = datetime.now(UTC) + PERSON_IDLE_LIMIT + timedelta(seconds=1)
    idle._now = lambda: later
    idle.check()

    assert window.stack.currentWidget() is window.people
    assert window.person is None and window.services.opened.store.person is None
    assert not window.nav_history.isEnabled() and not window.nav_today.isEnabled()
    assert not idle.watching


def test_a_key_press_or_click_keeps_the_patient_signed_in(window, qtbot):
    clinic_with_two_patients(window, qtbot)
    choose(window, qtbot, "Ben")
    idle = window.person_idle
    later = datetime.now(UTC) + PERSON_IDLE_LIMIT + timedelta(seconds=1)
    idle._now = lambda: later
    qtbot.keyClick(window.library, Qt.Key.Key_Tab)  # activity "now" (at `later`)
    idle.check()
    assert window.person == window.clinician.clinic.patient("P-2").id


def test_no_one_is_signed_out_during_a_session(window, qtbot):
    clinic_with_two_patients(window, qtbot)
    choose(window, qtbot, "Ana")
    window.choose_session("pmr-short")
    assert window.stack.currentWidget() is window.rating
    idle = window.person_idle
    later = datetime.now(UTC) + PERSON_IDLE_LIMIT + timedelta(seconds=1)
    idle._now = lambda: later
    idle.check()
    assert window.person == window.clinician.clinic.patient("P-1").id
    assert window.stack.currentWidget() is window.rating


def test_switch_signs_the_patient_out_before_asking_who_is_practising(window, qtbot):
    clinic_with_two_patients(window, qtbot)
    choose(window, qtbot, "Ana")
    click(qtbot, window.person_button)  # "Ana · Switch"
    assert window.stack.currentWidget() is window.people
    assert window.person is None and not window.nav_history.isEnabled()
    click(qtbot, window.nav_sessions)  # practising without choosing is as a guest
    assert window.services.opened.store.person is None


def test_a_home_computer_is_never_watched(window, qtbot):
    window.go_home()
    assert not window.person_idle.watching
