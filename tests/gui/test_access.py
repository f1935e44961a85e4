"""Every control can be found, named and reached: a screen reader hears a name for it,
a finger or a shaky hand can hit it (44 px), and the keyboard can tab to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QHeaderView,
    QLabel,
    QScrollBar,
    QWidget,
)

from selfcare.ui.widgets.rating_scale import RatingScale
from tests.helpers.pages import every_page, visible_widgets

MIN_TARGET = 44


def controls(root: QWidget) -> list[QWidget]:
    """What a person operates: buttons, sliders, lists and tables, the rating scale."""
    found = []
    for widget in visible_widgets(root):
        if isinstance(widget.parent(), RatingScale) or isinstance(widget, QScrollBar
                                                                  | QHeaderView):
            continue  # parts of a larger control: the scale, a scroll area, a table
        if isinstance(widget, QAbstractButton | QAbstractSlider | QAbstractItemView
                      | RatingScale):
            found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_every_control_on_every_page_has_an_accessible_name(window, qtbot):
    unnamed = []
    for page, root in every_page(window, qtbot):
        for widget in controls(root):
            if not accessible_name(widget).strip():
                unnamed.append(f"{page}: {type(widget).__name__} {widget.objectName()!r}")
    assert unnamed == []


def test_every_control_is_a_target_of_at_least_44_px(window, qtbot):
    small = []
    for page, root in every_page(window, qtbot):
        for widget in controls(root):
            if widget.width() < MIN_TARGET or widget.height() < MIN_TARGET:
                small.append(f"{page}: {accessible_name(widget)!r} {widget.size().toTuple()}")
    assert small == []


def tab_reachable(widget: QWidget) -> bool:
    """Tab reaches it, or it is in a group of choices that Tab enters and the arrow keys
    move through (Qt gives only the current choice of an exclusive group the Tab stop)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return True
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    return group is not None and group.exclusive() and any(
        b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in group.buttons())


def test_every_control_can_be_reached_with_the_keyboard(window, qtbot):
    unreachable = []
    for page, root in every_page(window, qtbot):
        for widget in controls(root):
            if not tab_reachable(widget):
                unreachable.append(f"{page}: {accessible_name(widget)!r}")
    assert unreachable == []


def test_labels_that_say_something_are_read_as_they_are_shown(window, qtbot):
    for _page, root in every_page(window, qtbot):
        for widget in visible_widgets(root):
            if isinstance(widget, QLabel) and widget.text().strip():
                assert accessible_name(widget).strip()


def test_the_rating_scale_says_its_value_and_its_anchor_words(window, qtbot):
    window.choose_session("breathing-slow")
    scale = window.rating.scale
    assert "nothing chosen" in accessible_name(scale)
    qtbot.keyClick(scale, Qt.Key.Key_0)
    assert accessible_name(scale) == "Pain rating: 0, no pain"
    qtbot.keyClick(scale, Qt.Key.Key_End)
    assert accessible_name(scale) == "Pain rating: 10, worst pain you can imagine"
    assert "worst pain you can imagine" in scale.accessibleDescription()


def test_the_player_announces_each_new_step(window, qtbot):
    window.choose_session("pmr-short")
    window.rating.answered.emit(4)
    player = window.player
    qtbot.waitUntil(lambda: player.announcement.startswith("Step 1 of"), timeout=3000)
    window.services.controller.next_step()
    qtbot.waitUntil(lambda: player.announcement.startswith("Step 2 of"), timeout=3000)
    assert accessible_name(player.step_label) == player.announcement


def lightness_spread(widget) -> tuple[int, int]:
    """The darkest and lightest grey level in the widget as painted."""
    image = widget.grab().toImage()
    levels = [image.pixelColor(x, y).lightness()
              for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    return min(levels), max(levels)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high-contrast"])
def test_typed_text_and_check_marks_stand_out_in_both_looks(qtbot, qapp, high_contrast):
    """A note typed in high contrast was once white on white; so were check marks."""
    from pathlib import Path

    from PySide6.QtWidgets import QCheckBox, QPlainTextEdit

    from selfcare.ui.style import HIGH_CONTRAST, STANDARD, apply_style, check_mark

    theme = HIGH_CONTRAST if high_contrast else STANDARD
    assert Path(check_mark(theme)).is_file()
    apply_style(qapp, theme)
    box = QPlainTextEdit()
    qtbot.addWidget(box)
    box.resize(300, 80)
    box.setPlainText("\u2588\u2588\u2588\u2588 WWWW")
    box.show()
    check = QCheckBox("")
    qtbot.addWidget(check)
    check.setChecked(True)
    check.show()
    for widget in (box, check):
        darkest, lightest = lightness_spread(widget)
        assert lightest - darkest > 150, type(widget).__name__
