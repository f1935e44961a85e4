"""Plan reminders: once when the time passes, only while a practice is due, never twice."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from selfcare.core.plans import Practice, Template, make_plan
from selfcare.core.ports import StoreUnavailable
from selfcare.core.today import Today, today
from selfcare.ui.tray import CHECK_MS, Reminders, app_icon
from tests.helpers.fakes import FakeClock

MONDAY = date(2026, 12, 7)
PLAN = make_plan(Template.WEEKLY_12, ["pmr-short", "imagery-garden"], MONDAY)
SIX_PM = time(18, 0)
BODY = "Your plan has a session for today. Open Selfcare when you are ready."


class Person:
    """What the window would pass: today's view of the plan, from a clock and a record."""

    def __init__(self, clock: FakeClock, *, has_plan: bool = True) -> None:
        self.clock = clock
        self.has_plan = has_plan
        self.practices: list[Practice] = []
        self.store_down = False

    def view(self) -> tuple[Today | None, tuple[time, ...]]:
        if self.store_down:
            raise StoreUnavailable("locked")
        if not self.has_plan:
            return None, ()
        return today(PLAN, self.practices, self.clock.now().date()), (SIX_PM,)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime.combine(MONDAY, time(17, 59)))


@pytest.fixture
def person(clock) -> Person:
    return Person(clock)


@pytest.fixture
def reminders(qtbot, qapp, clock, person):
    made = Reminders(person.view, clock.now, parent=qapp)
    yield made
    made.stop()
    made.setParent(None)


def test_the_reminder_comes_once_when_its_time_passes(qtbot, reminders, clock):
    assert reminders.check() is None
    clock.advance(60)
    with qtbot.waitSignal(reminders.reminded, timeout=0) as heard:
        assert reminders.check() == SIX_PM
    assert heard.args == [BODY]
    for _ in range(3):
        clock.advance(30)
        with qtbot.assertNotEmitted(reminders.reminded):
            assert reminders.check() is None


def test_no_reminder_when_this_weeks_practice_is_done(qtbot, reminders, clock, person):
    person.practices.append(Practice(MONDAY, "imagery-garden", True, 1.0))
    clock.advance(60)
    with qtbot.assertNotEmitted(reminders.reminded):
        assert reminders.check() is None


def test_no_reminder_without_a_plan(qtbot, reminders, clock, person):
    person.has_plan = False
    clock.advance(60)
    with qtbot.assertNotEmitted(reminders.reminded):
        assert reminders.check() is None


def test_a_clock_set_back_does_not_remind_twice(qtbot, reminders, clock):
    clock.advance(60)
    with qtbot.waitSignal(reminders.reminded, timeout=0):
        reminders.check()
    clock.advance(-3600)  # daylight saving ends: 18:00 comes round again
    reminders.check()
    clock.advance(3600)
    with qtbot.assertNotEmitted(reminders.reminded):
        assert reminders.check() is None


def test_a_computer_that_slept_through_the_time_is_reminded_on_waking(qtbot, reminders, clock):
    clock.advance(3 * 3600)
    with qtbot.waitSignal(reminders.reminded, timeout=0):
        assert reminders.check() == SIX_PM


def test_a_record_that_cannot_be_read_delays_the_reminder_without_losing_it(
        qtbot, reminders, clock, person, caplog):
    person.store_down = True
    clock.advance(60)
    with qtbot.assertNotEmitted(reminders.reminded):
        assert reminders.check() is None
    assert "cannot be read" in caplog.text
    person.store_down = False
    clock.advance(30)
    with qtbot.waitSignal(reminders.reminded, timeout=0):
        assert reminders.check() == SIX_PM


def test_the_next_day_reminds_again(qtbot, reminders, clock):
    clock.advance(60)
    reminders.check()
    clock.advance(timedelta(days=1).total_seconds() - 60)
    reminders.check()
    clock.advance(60)
    with qtbot.waitSignal(reminders.reminded, timeout=0):
        assert reminders.check() == SIX_PM


def test_times_that_passed_while_stopped_are_not_reminded(qtbot, reminders, clock):
    reminders.stop()
    assert not reminders.timer.isActive()
    clock.advance(3600)
    reminders.start()
    assert reminders.timer.isActive() and reminders.timer.interval() == CHECK_MS
    with qtbot.assertNotEmitted(reminders.reminded):
        assert reminders.check() is None


def test_without_a_system_tray_there_is_no_icon_but_reminders_still_come(reminders):
    # The offscreen platform has no tray; `reminded` is the window's way to show it.
    assert reminders.tray is None


def test_the_fallback_icon_is_drawn(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).toImage().isNull()


# Offscreen has no tray, so the icon is made by hand; the platform warns it cannot watch
# for a tray window, which is true and harmless here.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_the_tray_menu_and_a_click_on_the_message_open_the_app(qtbot, reminders):
    reminders.tray = reminders._make_tray()
    assert reminders.tray.toolTip() == "Selfcare"
    actions = reminders.tray.contextMenu().actions()
    assert [action.text() for action in actions] == ["Open Selfcare", "Quit Selfcare"]
    with qtbot.waitSignal(reminders.open_requested, timeout=0):
        actions[0].trigger()
    with qtbot.waitSignal(reminders.quit_requested, timeout=0):
        actions[1].trigger()
    with qtbot.waitSignal(reminders.open_requested, timeout=0):
        reminders.tray.messageClicked.emit()
    reminders.stop()
    assert not reminders.tray.isVisible()


# -- the window: closing into the tray keeps the reminders coming ------------------------


def give_home_plan(window, reminders: tuple[time, ...] = (SIX_PM,)) -> None:
    from selfcare.core.plan_file import PlanFile
    from selfcare.core.safety import SafetyProfile

    plan = make_plan(Template.WEEKLY_12, ["pmr-short"], date.today())
    now = datetime.now().astimezone()
    window.clinician.plans.assign(
        None, PlanFile("P-1", "Ana", "en", plan, reminders, SafetyProfile(), now), now)


@pytest.fixture
def with_tray(window):
    """The window's reminders with a tray icon (offscreen has no tray of its own)."""
    window.reminders.tray = window.reminders._make_tray()
    return window


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_closing_the_window_leaves_selfcare_in_the_tray_when_the_plan_reminds(
        qtbot, with_tray):
    window = with_tray
    give_home_plan(window)
    assert window.keeps_reminding()

    window.close()

    assert not window.isVisible()
    assert window.reminders.timer.isActive()  # the reminders go on
    window.reminders.open_requested.emit()  # the tray's Open Selfcare
    assert window.isVisible()


def test_the_tray_menu_quits_for_good(qtbot, qapp, with_tray, monkeypatch):
    window = with_tray
    give_home_plan(window)
    quits = []
    monkeypatch.setattr(qapp, "quit", lambda: quits.append(True))

    window.reminders.quit_requested.emit()

    assert quits == [True]
    assert not window.isVisible() and not window.reminders.timer.isActive()


def test_without_reminder_times_or_on_a_shared_computer_closing_quits(with_tray):
    window = with_tray
    give_home_plan(window, reminders=())
    assert not window.keeps_reminding()
    give_home_plan(window)
    window.clinician.clinic.add_patient("P-9", "Ana", "en", datetime.now().astimezone())
    assert not window.keeps_reminding()  # the next person would get these reminders


def test_without_a_tray_closing_quits(window):
    window.reminders.tray = None
    give_home_plan(window)
    assert not window.keeps_reminding()
