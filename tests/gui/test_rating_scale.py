"""The 0-10 scale: no default, mouse and keyboard, anchors shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from selfcare.ui.widgets.rating_scale import RatingScale


def make(qtbot):
    scale = RatingScale()
    qtbot.addWidget(scale)
    scale.show()
    return scale


def test_nothing_is_chosen_until_the_person_chooses(qtbot):
    scale = make(qtbot)
    assert scale.value() is None
    assert "No pain" in scale.low_anchor.text()
    assert "Worst pain you can imagine" in scale.high_anchor.text()


def test_arrow_keys_move_and_enter_confirms(qtbot):
    scale = make(qtbot)
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.value() == 0
    for _ in range(3):
        qtbot.keyClick(scale, Qt.Key.Key_Right)
    qtbot.keyClick(scale, Qt.Key.Key_Left)
    assert scale.value() == 2
    with qtbot.waitSignal(scale.confirmed) as blocker:
        qtbot.keyClick(scale, Qt.Key.Key_Return)
    assert blocker.args == [2]


def test_digits_jump_and_one_zero_types_ten(qtbot):
    scale = make(qtbot)
    qtbot.keyClick(scale, Qt.Key.Key_7)
    assert scale.value() == 7
    qtbot.keyClick(scale, Qt.Key.Key_1)
    qtbot.keyClick(scale, Qt.Key.Key_0)
    assert scale.value() == 10
    qtbot.keyClick(scale, Qt.Key.Key_End)
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.value() == 10


def test_a_click_chooses_and_announces_the_value(qtbot):
    scale = make(qtbot)
    with qtbot.waitSignal(scale.chosen) as blocker:
        qtbot.mouseClick(scale.button(0), Qt.MouseButton.LeftButton)
    assert blocker.args == [0]
    assert scale.accessibleName() == "Pain rating: 0, no pain"


def test_every_button_is_a_large_target(qtbot):
    scale = make(qtbot)
    scale.resize(800, 160)
    for value in range(11):
        size = scale.button(value).size()
        assert size.width() >= 44 and size.height() >= 44
