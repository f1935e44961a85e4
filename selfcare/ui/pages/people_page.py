"""On a clinic's shared computer: who is practising? Each patient sees only their own.

Names are the ones the clinic chose to show (a first name, say); a patient with a PIN
types it before their sessions open. After several wrong tries the PIN field waits, as
the clinician's does, so nobody can try PIN after PIN on someone else's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from selfcare.ui.pages.common import button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.pin_wait import PinWait

if TYPE_CHECKING:
    from selfcare.store.clinic import Patient

GUEST = -1


class PeoplePage(QWidget):
    """Signals: `chosen(int)` a patient id (or GUEST) without a PIN; `pin_asked(int)` the
    PIN card opened for a patient (the window says whether they must still wait);
    `pin_given(int, str)` a PIN to check."""

    chosen = Signal(int)
    pin_asked = Signal(int)
    pin_given = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._waiting_for: int | None = None
        layout = page_layout(self)
        layout.addWidget(label(self.tr("Who is practising?"), "pageTitle", self))
        layout.addWidget(label(self.tr("Choose your name. You will see only your own "
                                       "sessions and ratings."), "pageIntro", self))
        self.names_card, inner = card(self)
        self.names = FlowRow()
        inner.addLayout(self.names)
        layout.addWidget(self.names_card)
        self.pin_card, pin = card(self)
        self.pin_label = label("", "cardTitle", self.pin_card)
        pin.addWidget(self.pin_label)
        self.pin = QLineEdit(self.pin_card)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"),
                                                          self.pin))
        self.pin.setAccessibleName(self.tr("Your PIN"))
        self.pin.returnPressed.connect(self._give_pin)
        pin.addWidget(self.pin)
        self.pin_message = label("", "notice", self.pin_card)
        self.pin_message.hide()
        pin.addWidget(self.pin_message)
        self.pin_button = button(self.tr("Open my sessions"), self.pin_card, name="primary")
        self.pin_button.clicked.connect(self._give_pin)
        pin.addWidget(self.pin_button)
        self.pin_card.hide()
        layout.addWidget(self.pin_card)
        layout.addStretch(1)
        self._buttons: list[QWidget] = []
        self._wait = PinWait(self.pin_message, (self.pin, self.pin_button), self)
        self._wait.over.connect(self.pin.setFocus)

    def set_people(self, patients: list[Patient]) -> None:
        for old in self._buttons:
            self.names.removeWidget(old)
            old.deleteLater()
        self._buttons = []
        for patient in patients:
            chooser = button(patient.display_name, self.names_card, name="primary")
            chooser.setMinimumHeight(64)
            chooser.clicked.connect(lambda _=False, who=patient: self._choose(who))
            self.names.add(chooser)
            self._buttons.append(chooser)
        guest = button(self.tr("Guest (not saved to a patient)"), self.names_card)
        guest.clicked.connect(lambda: self.chosen.emit(GUEST))
        self.names.add(guest)
        self._buttons.append(guest)
        self._wait.stop()
        self._waiting_for = None
        self.pin.clear()
        self.pin_card.hide()

    def _choose(self, patient: Patient) -> None:
        if not patient.has_pin:
            self.chosen.emit(patient.id)
            return
        self._waiting_for = patient.id
        self.pin_label.setText(self.tr("%1, please type your PIN.").replace(
            "%1", patient.display_name))
        self.pin.clear()
        self._wait.stop()
        self.pin_message.hide()
        self.pin_card.show()
        self.pin.setFocus()
        self.pin_asked.emit(patient.id)

    def _give_pin(self) -> None:
        if self._waiting_for is not None and self.pin.text() and not self._wait.waiting:
            pin = self.pin.text()
            self.pin.clear()
            self.pin_given.emit(self._waiting_for, pin)

    def wrong_pin(self, wait_seconds: int = 0) -> None:
        """The PIN was not right; wait `wait_seconds` before the next try (0: none)."""
        if wait_seconds > 0:
            self.wait(wait_seconds, wrong=True)
            return
        self.pin_message.setText(self.tr("That PIN is not right. Please try again, or ask "
                                         "the clinic team."))
        self.pin_message.show()
        self.pin.setFocus()

    def wait(self, seconds: int, *, wrong: bool) -> None:
        self.pin.clear()
        self._wait.start(seconds, wrong=wrong)

    @property
    def waiting(self) -> bool:
        return self._wait.waiting
