"""After a session: before and after, said plainly and honestly, and a place for a note.

The note is optional and never a question to get past: it waits on this page, and
what was typed is saved when the person leaves the page, even without pressing Save.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from selfcare.core.questions import NOTE_LONGEST
from selfcare.core.session_run import Outcome
from selfcare.ui.pages.common import button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow


class SummaryPage(QWidget):
    """Signals: `done` (back to the sessions), `history_requested`, and
    `note_written(str)` with the text when a note should be saved."""

    done = Signal()
    history_requested = Signal()
    note_written = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved_text = ""
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
        self.note_card, inner = card(self)
        inner.addWidget(label(self.tr("A note about this session (optional)"), "cardTitle",
                              self.note_card))
        inner.addWidget(label(self.tr("How it went, or anything your care team should know. "
                                      "Kept on this computer with your sessions."), "muted",
                              self.note_card))
        self.note = QPlainTextEdit(self.note_card)
        self.note.setTabChangesFocus(True)  # Tab leaves the box, as in a form
        self.note.setMinimumHeight(96)
        self.note.setAccessibleName(self.tr("A note about this session"))
        self.note.textChanged.connect(self._note_changed)
        inner.addWidget(self.note)
        note_row = FlowRow()
        self.save_note_button = button(self.tr("Save the note"), self.note_card)
        self.save_note_button.setEnabled(False)
        self.save_note_button.clicked.connect(self.save_note)
        note_row.add(self.save_note_button)
        inner.addLayout(note_row)
        self.note_status = label("", "muted", self.note_card)
        inner.addWidget(self.note_status)
        layout.addWidget(self.note_card)
        row = FlowRow()
        self.history_button = button(self.tr("See my history"), self)
        self.history_button.clicked.connect(self._leave_for_history)
        row.add_trailing(self.history_button)
        self.done_button = button(self.tr("Back to sessions"), self, name="primary")
        self.done_button.clicked.connect(self._leave)
        row.add_trailing(self.done_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_outcome(self, outcome: Outcome, *, note: bool = True) -> None:
        self.heading.setText(self.tr("Well done") if outcome.completed else
                             self.tr("Session ended early"))
        before = self.tr("skipped") if outcome.before is None else str(outcome.before)
        after = self.tr("skipped") if outcome.after is None else str(outcome.after)
        self.result.setText(self.tr("Pain before %1 \u2192 after %2").replace("%1", before)
                            .replace("%2", after))
        self.result.setAccessibleName(self.result.text())
        self.meaning.setText(self._meaning(outcome))
        self.note_card.setVisible(note)
        self.note.blockSignals(True)
        self.note.clear()
        self.note.blockSignals(False)
        self._saved_text = ""
        self.note_status.setText("")
        self.save_note_button.setEnabled(False)
        self.done_button.setFocus()

    def save_note(self) -> None:
        text = self.note.toPlainText().strip()
        if text and text != self._saved_text:
            self.note_written.emit(text)

    def note_saved(self, text: str) -> None:
        self._saved_text = text
        self.note_status.setText(self.tr("Note saved."))
        self.save_note_button.setEnabled(False)

    def note_not_saved(self, why: str) -> None:
        self.note_status.setText(self.tr("The note could not be saved just now (%1). It is "
                                         "still here; please try again.").replace("%1", why))

    def _note_changed(self) -> None:
        text = self.note.toPlainText()
        if len(text) > NOTE_LONGEST:
            self.note.setPlainText(text[:NOTE_LONGEST])
            self.note.moveCursor(QTextCursor.MoveOperation.End)
        self.save_note_button.setEnabled(
            bool(self.note.toPlainText().strip()) and self.note.toPlainText().strip()
            != self._saved_text)
        self.note_status.setText("")

    def unsaved_note(self) -> bool:
        text = self.note.toPlainText().strip()
        return bool(text) and text != self._saved_text

    def _leave(self) -> None:
        self.save_note()
        if not self.unsaved_note():
            self.done.emit()

    def _leave_for_history(self) -> None:
        self.save_note()
        if not self.unsaved_note():
            self.history_requested.emit()

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
