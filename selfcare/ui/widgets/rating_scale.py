"""A 0-10 scale: eleven large buttons with their anchor words, no default.

Pain by default; `set_subject` makes it ask about something else (tension, the
weekly check, an ESAS-r item) with that item's own anchors.

A deliberate choice is required: nothing is selected until the person picks a
number by mouse, touch or keyboard (arrows move, digits jump, Enter confirms).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from selfcare.core.ratings import NRS_MAX, NRS_MIN


class RatingScale(QWidget):
    """Signals: `chosen(int)` when a value is picked; `confirmed(int)` on Enter."""

    chosen = Signal(int)
    confirmed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingScale")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # draws its focus ring
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: list[QPushButton] = []
        self._last_digit: int | None = None  # "1" then "0" types 10
        self._subject = ""  # what is rated, for the accessible name; "" is pain
        self._low = ""
        self._high = ""
        row = QHBoxLayout()
        row.setSpacing(8)
        for value in range(NRS_MIN, NRS_MAX + 1):
            button = QPushButton(str(value), self)
            button.setObjectName("scaleButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scale itself takes focus
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumSize(52, 60)
            self._group.addButton(button, value)
            self._buttons.append(button)
            row.addWidget(button)
        self._group.idClicked.connect(self._on_clicked)
        self.low_anchor = QLabel(self.tr("0 = No pain"), self)
        self.high_anchor = QLabel(self.tr("10 = Worst pain you can imagine"), self)
        for label in (self.low_anchor, self.high_anchor):
            label.setObjectName("anchor")
            label.setWordWrap(True)
        self.high_anchor.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addLayout(row, 0, 0, 1, 2)
        grid.addWidget(self.low_anchor, 1, 0)
        grid.addWidget(self.high_anchor, 1, 1)
        self.set_subject("", "", "")

    def set_subject(self, subject: str, low: str, high: str) -> None:
        """Rate `subject` from `low` (0) to `high` (10); empty strings mean pain."""
        self._subject, self._low, self._high = subject, low, high
        if not subject:
            self.low_anchor.setText(self.tr("0 = No pain"))
            self.high_anchor.setText(self.tr("10 = Worst pain you can imagine"))
            self.setAccessibleDescription(
                self.tr("0 means no pain, 10 means the worst pain you can imagine. "
                        "Use the arrow keys or type a number, then press Enter."))
        else:
            self.low_anchor.setText(self.tr("0 = %1").replace("%1", low))
            self.high_anchor.setText(self.tr("10 = %1").replace("%1", high))
            self.setAccessibleDescription(
                self.tr("0 means %1, 10 means %2. Use the arrow keys or type a number, "
                        "then press Enter.").replace("%1", low).replace("%2", high))
        for value, button in enumerate(self._buttons):
            button.setAccessibleName(self._spoken(value))
        self.clear()

    def value(self) -> int | None:
        checked = self._group.checkedId()
        return None if checked < 0 else checked

    def clear(self) -> None:
        self._group.setExclusive(False)
        for button in self._buttons:
            button.setChecked(False)
        self._group.setExclusive(True)
        if self._subject:
            self.setAccessibleName(self.tr("%1, from 0 to 10, nothing chosen yet").replace(
                "%1", self._subject))
        else:
            self.setAccessibleName(self.tr("Pain rating from 0 to 10, nothing chosen yet"))

    def set_value(self, value: int) -> None:
        self._buttons[value].setChecked(True)
        if self._subject:
            self.setAccessibleName(self.tr("%1: %2").replace("%1", self._subject).replace(
                "%2", self._spoken(value)))
        else:
            self.setAccessibleName(self.tr("Pain rating: %1").replace(
                "%1", self._spoken(value)))
        self.chosen.emit(value)

    def button(self, value: int) -> QPushButton:
        return self._buttons[value]

    def _on_clicked(self, value: int) -> None:
        self.set_value(value)
        self.setFocus()

    def _spoken(self, value: int) -> str:
        if self._subject and value in (NRS_MIN, NRS_MAX):
            return self.tr("%1, %2").replace("%1", str(value)).replace(
                "%2", self._low if value == NRS_MIN else self._high)
        if value == NRS_MIN:
            return self.tr("0, no pain")
        if value == NRS_MAX:
            return self.tr("10, worst pain you can imagine")
        return str(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        current = self.value()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.set_value(NRS_MIN if current is None else min(NRS_MAX, current + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self.set_value(NRS_MAX if current is None else max(NRS_MIN, current - 1))
        elif key == Qt.Key.Key_Home:
            self.set_value(NRS_MIN)
        elif key == Qt.Key.Key_End:
            self.set_value(NRS_MAX)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = key - Qt.Key.Key_0
            typed_ten = digit == 0 and self._last_digit == 1 and current == 1
            self.set_value(NRS_MAX if typed_ten else digit)
            self._last_digit = None if typed_ten else digit
            return
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self.confirmed.emit(current)
        else:
            super().keyPressEvent(event)
        self._last_digit = None
