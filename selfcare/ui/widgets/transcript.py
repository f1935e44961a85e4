"""The whole session's words in one readable page, the current step marked.

For people who read rather than listen, or who want to read ahead or back; captions
show one step at a time, this shows them all, wrapped to the window at any text size.
Esc or Close returns to the player.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from selfcare.ui import style
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
        self.text = QTextBrowser(self)
        self.text.setObjectName("transcript")
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Every step's words"))
        self.text.setHtml(self._html(steps, current))
        self.current = current if any(n == current for n, _ in steps) else None
        layout.addWidget(self.text, 1)
        row = FlowRow()
        close = button(self.tr("Close"), self, name="primary")
        close.clicked.connect(self.accept)
        row.add_trailing(close)
        layout.addLayout(row)
        if self.current is not None:
            self.text.scrollToAnchor(f"step{self.current}")
        self.text.setFocus()

    def _html(self, steps: list[tuple[int, str]], current: int | None) -> str:
        theme = style.current_theme()
        now = html.escape(self.tr("Now:"))
        parts = []
        for number, words in steps:
            text = html.escape(words).replace("\n", "<br>")
            if number == current:
                parts.append(
                    f'<a name="step{number}"></a><p style="background:{theme.accent_soft}; '
                    f'border-left: 4px solid {theme.accent};"><b>'
                    f'{now}</b> {text}</p>')
            else:
                parts.append(f'<a name="step{number}"></a><p>{text}</p>')
        return "".join(parts)

    def plain_text(self) -> str:
        return self.text.toPlainText()
