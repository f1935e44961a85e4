"""A check box whose words wrap onto more lines.

A QCheckBox's own text never wraps: a long choice ("Low platelets, bleeds or bruises
easily, ...") or a long session title, in Spanish or at 200 % text, would make its page
wider than the window. Here the box has no text of its own (its accessible name is the
words) and the words are a wrapping label beside it; a click on them ticks the box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class ClickableLabel(QLabel):
    """The wrapping words of a check box: a click on them ticks the box, as on its own."""

    def __init__(self, text: str, box: QAbstractButton, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.click()  # a radio button in a group stays chosen, as when clicked
            self._box.setFocus()
        super().mousePressEvent(event)


def wrapping_check(parent: QWidget, layout: QVBoxLayout, text: str) -> QCheckBox:
    """Add a box with wrapping words to `layout`; returns the box."""
    box = QCheckBox(parent)
    _add(box, parent, layout, text)
    return box


def wrapping_radio(parent: QWidget, layout: QVBoxLayout, text: str) -> QRadioButton:
    """Add a radio button with wrapping words to `layout`; returns the button."""
    radio = QRadioButton(parent)
    _add(radio, parent, layout, text)
    return radio


def _add(box: QAbstractButton, parent: QWidget, layout: QVBoxLayout, text: str) -> None:
    row = QHBoxLayout()
    row.setSpacing(8)
    box.setAccessibleName(text)
    box.setMinimumSize(44, 44)
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(ClickableLabel(text, box, parent), 1)
    layout.addLayout(row)
