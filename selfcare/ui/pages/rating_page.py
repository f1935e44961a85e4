"""Asking for pain now, 0-10, before or after a session; a choice is required."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from selfcare.ui.pages.common import button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.rating_scale import RatingScale


class RatingPage(QWidget):
    """Signals: `answered(object)` with the rating, or None when skipped."""

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        self.context = label("", "muted", self)
        layout.addWidget(self.context)
        self.problem = label("", "notice", self)
        self.problem.hide()
        layout.addWidget(self.problem)
        frame, inner = card(self)
        self.question = label("", "question", frame)
        inner.addWidget(self.question)
        self.hint = label(self.tr("Choose the number that fits best. There is no right "
                                  "answer."), "muted", frame)
        inner.addWidget(self.hint)
        inner.addSpacing(8)
        self.scale = RatingScale(frame)
        inner.addWidget(self.scale)
        layout.addWidget(frame)
        row = FlowRow()
        self.skip = button(self.tr("Skip this question"), self, name="link",
                           description=self.tr("Saved as skipped, not as 0"))
        self.skip.clicked.connect(lambda: self.answered.emit(None))
        row.add(self.skip)
        self.back = button(self.tr("Back"), self)
        row.add_trailing(self.back)
        self.confirm = button(self.tr("Continue"), self, name="primary")
        self.confirm.setEnabled(False)
        self.confirm.setMinimumWidth(180)
        self.confirm.clicked.connect(self._confirm)
        row.add_trailing(self.confirm)
        layout.addLayout(row)
        layout.addStretch(1)
        self.scale.chosen.connect(lambda _value: self.confirm.setEnabled(True))
        self.scale.confirmed.connect(lambda _value: self._confirm())

    def ask_before(self, title: str) -> None:
        self.context.setText(self.tr("Before: %1").replace("%1", title))
        self.question.setText(self.tr("How much pain do you have right now?"))
        self.confirm.setText(self.tr("Start the session"))
        self.back.show()
        self._reset()

    def ask_after(self, title: str) -> None:
        """The before-rating is not shown here: seeing it would pull the answer toward it."""
        self.context.setText(self.tr("After: %1").replace("%1", title))
        self.question.setText(self.tr("And now, how much pain do you have?"))
        self.confirm.setText(self.tr("Save"))
        self.back.hide()
        self._reset()

    def show_problem(self, text: str) -> None:
        """Say why the answer was not saved; the chosen number stays, ready to try again."""
        self.problem.setText(text)
        self.problem.show()
        self.scale.setFocus()

    def _reset(self) -> None:
        self.problem.hide()
        self.scale.clear()
        self.confirm.setEnabled(False)
        self.scale.setFocus()

    def _confirm(self) -> None:
        value = self.scale.value()
        if value is not None:
            self.answered.emit(value)
