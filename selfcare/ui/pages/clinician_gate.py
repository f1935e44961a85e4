"""The way into clinician mode: set a PIN the first time, enter it after that.

A wrong PIN is said plainly; after a few, the field waits (the wait comes from the
stored throttle, so closing the app does not reset it) with a countdown. The PIN is
never shown, never kept by this page after it is handed over, and the fields are
cleared whenever the page is left.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from selfcare.core.clinician_pin import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PinError, check_new_pin
from selfcare.ui.pages.common import button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.pin_wait import PinWait


class ClinicianGate(QWidget):
    """Signals: `pin_chosen(str)` a new, acceptable PIN; `pin_entered(str)` a PIN to
    check; `cancelled` back to where the person was."""

    pin_chosen = Signal(str)
    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = False
        layout = page_layout(self)
        self.heading = label("", "pageTitle", self)
        layout.addWidget(self.heading)
        self.intro = label("", "pageIntro", self)
        layout.addWidget(self.intro)
        frame, inner = card(self)
        self.first = self._pin_field(frame, self.tr("PIN"))
        self.second = self._pin_field(frame, self.tr("The same PIN again"))
        self.second_label = label(self.tr("The same PIN again"), "groupHeading", frame)
        inner.addWidget(label(self.tr("PIN"), "groupHeading", frame))
        inner.addWidget(self.first)
        inner.addWidget(self.second_label)
        inner.addWidget(self.second)
        self.message = label("", "notice", frame)
        self.message.hide()
        inner.addWidget(self.message)
        row = FlowRow()
        self.confirm = button(self.tr("Enter"), frame, name="primary")
        self.confirm.clicked.connect(self._confirm)
        self.cancel = button(self.tr("Cancel"), frame)
        self.cancel.clicked.connect(self._cancel)
        row.add(self.confirm)
        row.add(self.cancel)
        inner.addLayout(row)
        layout.addWidget(frame)
        layout.addStretch(1)
        self._wait = PinWait(self.message, (self.first, self.confirm), self)
        self._wait.over.connect(self.first.setFocus)

    def _pin_field(self, parent: QWidget, name: str) -> QLineEdit:
        field = QLineEdit(parent)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(PIN_MAX_DIGITS)
        field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), field))
        field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                  | Qt.InputMethodHint.ImhSensitiveData)
        field.setAccessibleName(name)
        field.setMinimumHeight(44)
        field.returnPressed.connect(self._confirm)
        return field

    # -- what the window asks of it ---------------------------------------------------------

    def ask_new_pin(self) -> None:
        """First use: choose the PIN, twice."""
        self._setting = True
        self.heading.setText(self.tr("Set a clinician PIN"))
        self.intro.setText(self.tr(
            "Clinician mode is where patients, safety settings and plans are managed. Choose "
            "a PIN of %1 to %2 digits that only the clinical team knows. It is kept only in "
            "a scrambled form that cannot be turned back into the PIN.")
            .replace("%1", str(PIN_MIN_DIGITS)).replace("%2", str(PIN_MAX_DIGITS)))
        self.confirm.setText(self.tr("Save the PIN"))
        self.second.show()
        self.second_label.show()
        self._reset()

    def ask_pin(self, wait_seconds: int = 0) -> None:
        """Enter the PIN; `wait_seconds` still to wait after earlier wrong tries."""
        self._setting = False
        self.heading.setText(self.tr("Clinician mode"))
        self.intro.setText(self.tr("For the clinical team. Enter the clinician PIN."))
        self.confirm.setText(self.tr("Enter"))
        self.second.hide()
        self.second_label.hide()
        self._reset()
        if wait_seconds > 0:
            self.wait(wait_seconds, wrong=False)

    def wrong(self, wait_seconds: int) -> None:
        """The PIN was not right; wait `wait_seconds` before the next try (0: none)."""
        self.first.clear()
        if wait_seconds > 0:
            self.wait(wait_seconds, wrong=True)
        else:
            self._say(self.tr("That PIN is not right. Please try again."))
            self.first.setFocus()

    def wait(self, seconds: int, *, wrong: bool) -> None:
        self._wait.start(seconds, wrong=wrong)

    @property
    def waiting(self) -> bool:
        return self._wait.waiting

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    # -- inside ------------------------------------------------------------------------------

    def _reset(self) -> None:
        self._wait.stop()
        self.clear()
        self.message.hide()
        self.first.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _confirm(self) -> None:
        if self.waiting:
            return
        pin = self.first.text()
        if not self._setting:
            if pin:
                self.first.clear()
                self.pin_entered.emit(pin)
            return
        problem = pin_problem(pin)
        if problem is None and pin != self.second.text():
            problem = self.tr("The two PINs are not the same. Please type them again.")
        if problem is not None:
            self.clear()
            self._say(problem)
            self.first.setFocus()
            return
        self.clear()
        self.pin_chosen.emit(pin)

    def _cancel(self) -> None:
        self._reset()
        self.cancelled.emit()


def pin_problem(pin: str) -> str | None:
    """Why a new PIN cannot be used, in the interface language; None when it can."""
    from selfcare.ui.i18n import tr

    try:
        check_new_pin(pin)
    except PinError:
        if not pin.isdigit():
            return tr("A PIN is made of digits only.")
        if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
            return tr("A PIN has %1 to %2 digits.").replace("%1", str(PIN_MIN_DIGITS)) \
                .replace("%2", str(PIN_MAX_DIGITS))
        return tr("That PIN is too easy to guess (one digit repeated, or a run like 1234).")
    return None
