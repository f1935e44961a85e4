"""The whole session's words in one readable list, the current step marked.

For people who read rather than listen, or who want to read ahead or back; captions
show one step at a time, this shows them all. Esc or Close returns to the player.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from selfcare.ui.pages.common import button, label
from selfcare.ui.widgets.flow_row import FlowRow


class TranscriptDialog(QDialog):
    def __init__(self, title: str, steps: list[tuple[int, str]], current: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setWindowTitle(self.tr("Transcript: %1").replace("%1", title))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Transcript"), "pageTitle", self))
        layout.addWidget(label(title, "muted", self))
        self.steps = QListWidget(self)
        self.steps.setWordWrap(True)
        self.steps.setAccessibleName(self.tr("Every step's words"))
        self.steps.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        for number, words in steps:
            item = QListWidgetItem(words)
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("Step %1: %2").replace("%1", str(number)).replace("%2", words))
            self.steps.addItem(item)
            if number == current:
                self.steps.setCurrentItem(item)
        layout.addWidget(self.steps, 1)
        row = FlowRow()
        close = button(self.tr("Close"), self, name="primary")
        close.clicked.connect(self.accept)
        row.add_trailing(close)
        layout.addLayout(row)
        self.steps.setFocus()

    def current_step(self) -> int | None:
        item = self.steps.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))
