"""The whole flow by keyboard alone: choose, rate, play, pause, resume, end, rate,
read the summary. No mouse and no calls into the window; only keys to what has focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from selfcare.core.session_run import RunState


def press(qtbot, key: Qt.Key, text: str = "") -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key)
    qtbot.wait(150 if key == Qt.Key.Key_Return else 20)  # Enter animates the press first


def tab_to(qtbot, wanted, limit: int = 120) -> None:
    """Press Tab until `wanted` (a widget, or a test on the focused widget) has focus."""
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if (focused is wanted) if not callable(wanted) else wanted(focused):
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the control")


def test_a_whole_session_by_keyboard_only(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None or window.isActiveWindow(),
                    timeout=2000)
    if QApplication.focusWidget() is None:
        window.nav_sessions.setFocus()  # the window's first focus, as the platform gives it
    controller = window.services.controller

    # choose: Tab to the kinds, arrows to "Breathing" (a group of choices), Enter picks it
    tab_to(qtbot, lambda w: isinstance(w, QPushButton) and w.text() == "All")
    for _ in range(6):
        if QApplication.focusWidget().text() == "Breathing":
            break
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Return)
    assert window.library.filter_buttons["breathing"].isChecked()
    assert window.library.cards["pmr-short"][1].isHidden()
    tab_to(qtbot, window.library.start_buttons["breathing-slow"])
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.rating

    # rate before: the scale has the focus; a digit, then Enter
    assert QApplication.focusWidget() is window.rating.scale
    press(qtbot, Qt.Key.Key_6)
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.player
    assert controller.active

    # pause and resume with Space
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.run.state is RunState.PAUSED, timeout=2000)
    assert window.player.pause_button.text() == "Resume"
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.run.state is RunState.PLAYING, timeout=2000)

    # end the session from its button, reached by Tab
    tab_to(qtbot, window.player.stop_button)
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.rating

    # rate after with the arrow keys, confirm with Enter
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right)
    assert window.rating.scale.value() == 2
    press(qtbot, Qt.Key.Key_Return)

    # the weekly check, first time this week: digits then Enter, "1" "0" is ten
    for typed in ([Qt.Key.Key_5], [Qt.Key.Key_1, Qt.Key.Key_0], [Qt.Key.Key_0]):
        assert window.rating.question_now.weekly
        assert QApplication.focusWidget() is window.rating.scale
        for key in typed:
            press(qtbot, key)
        press(qtbot, Qt.Key.Key_Return)
    weekly = window.services.opened.answers.weekly_answers()
    assert [(a.item, a.value) for a in weekly] == [
        ("average-pain", 5), ("enjoyment", 10), ("activity", 0)]

    # the summary says what was given, and its main button has the focus
    assert window.stack.currentWidget() is window.summary
    assert window.summary.result.text() == "Pain before 6 \u2192 after 2"
    assert QApplication.focusWidget() is window.summary.done_button
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.library
