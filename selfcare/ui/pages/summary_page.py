"""After a session: before and after, said plainly and honestly."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from selfcare.core.session_run import Outcome
from selfcare.ui.pages.common import button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow


class SummaryPage(QWidget):
    """Signals: `done` (back to the sessions), `history_requested`."""

    done = Signal()
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        self.heading = label("", "pageTitle", self)
        layout.addWidget(self.heading)
        frame, inner = card(self)
        self.result = label("", "bigResult", frame)
        inner.addWidget(self.result)
        self.meaning = label("", "muted", frame)
        inner.addWidget(self.meaning)
        layout.addWidget(frame)
        self.care = label(
            self.tr("If your pain is new, much worse, or not controlled by your usual "
                    "treatment, contact your care team."), "muted", self)
        layout.addWidget(self.care)
        row = FlowRow()
        self.history_button = button(self.tr("See my history"), self)
        self.history_button.clicked.connect(self.history_requested.emit)
        row.add_trailing(self.history_button)
        self.done_button = button(self.tr("Back to sessions"), self, name="primary")
        self.done_button.clicked.connect(self.done.emit)
        row.add_trailing(self.done_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_outcome(self, outcome: Outcome) -> None:
        self.heading.setText(self.tr("Well done") if outcome.completed else
                             self.tr("Session ended early"))
        before = self.tr("skipped") if outcome.before is None else str(outcome.before)
        after = self.tr("skipped") if outcome.after is None else str(outcome.after)
        self.result.setText(self.tr("Pain before %1 \u2192 after %2").replace("%1", before)
                            .replace("%2", after))
        self.result.setAccessibleName(self.result.text())
        self.meaning.setText(self._meaning(outcome))
        self.done_button.setFocus()

    def _meaning(self, outcome: Outcome) -> str:
        change = outcome.change
        if change is None:
            return self.tr("Thank you. Your session has been saved.")
        if change.meaningful:
            return self.tr("That is a noticeable drop. One session is a snapshot; your "
                           "history shows the pattern over time.")
        if change.points > 0:
            return self.tr("A small drop. Changes from one session vary; your history shows "
                           "the pattern over time.")
        if change.points == 0:
            return self.tr("About the same as before. That is common; some sessions help more "
                           "on other days.")
        return self.tr("Your pain is higher than before. Rest, and if it keeps rising, "
                       "contact your care team.")
