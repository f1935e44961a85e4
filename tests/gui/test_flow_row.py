"""Button rows wrap instead of clipping when the text is large or the window narrow."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from selfcare.ui.widgets.flow_row import FlowRow


def _row(qtbot, width: int) -> tuple[QWidget, list[QPushButton], QPushButton]:
    host = QWidget()
    qtbot.addWidget(host)
    outer = QVBoxLayout(host)
    row = FlowRow()
    buttons = [QPushButton(f"A fairly long button label {n}") for n in range(3)]
    for b in buttons:
        b.setMinimumWidth(220)
        row.add(b)
    last = QPushButton("End")
    last.setMinimumWidth(220)
    row.add_trailing(last)
    outer.addLayout(row)
    host.resize(width, 400)
    host.show()
    qtbot.waitExposed(host)
    return host, buttons, last


def test_everything_fits_on_one_line_when_there_is_room(qtbot):
    host, buttons, last = _row(qtbot, 1400)
    assert len({b.y() for b in [*buttons, last]}) == 1
    assert last.geometry().right() <= host.width()
    assert last.x() > buttons[-1].geometry().right()  # pushed to the right end


def test_a_narrow_window_wraps_the_row_and_clips_nothing(qtbot):
    host, buttons, last = _row(qtbot, 520)
    rows = {b.y() for b in [*buttons, last]}
    assert len(rows) >= 2
    for b in [*buttons, last]:
        assert b.x() >= 0 and b.geometry().right() <= host.width()
        assert b.width() >= 220
    tops = [b.y() for b in [*buttons, last]]
    assert tops == sorted(tops)  # order kept
