"""The calm list of sessions to choose from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from selfcare.ui.names import kind_name, minutes_text
from selfcare.ui.pages.common import button, card, label, page_layout


@dataclass(frozen=True)
class SessionEntry:
    """What the library shows of one session."""

    script_id: str
    kind: str
    title: str
    summary: str
    seconds: float
    lang: str
    evidence: str = ""  # a sentence on what the guideline says
    citation: str = ""


class LibraryPage(QWidget):
    """Signals: `chosen(str)` with the script id of the session to start."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        layout.addWidget(label(self.tr("Choose a session"), "pageTitle", self))
        intro = label(
            self.tr("Find a comfortable position, sitting or lying down. Each session asks "
                    "how much pain you have before and after, so you can see what helps you. "
                    "These sessions add to your care; they do not replace it."),
            "pageIntro", self)
        layout.addWidget(intro)
        self.notice = label("", "notice", self)
        self.notice.hide()
        layout.addWidget(self.notice)
        self._list = QWidget(self)
        self._list.setObjectName("page")
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 8, 0)
        self._list_layout.setSpacing(14)
        self.loading = label(self.tr("Loading sessions\u2026"), "muted", self._list)
        self._list_layout.addWidget(self.loading)
        self._list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._list)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.start_buttons: dict[str, QWidget] = {}

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_entries(self, entries: list[SessionEntry]) -> None:
        self.loading.hide()
        for entry in entries:
            self._list_layout.insertWidget(self._list_layout.count() - 1, self._card(entry))
        if not entries:
            self.loading.setText(self.tr("No sessions could be loaded."))
            self.loading.show()

    def _card(self, entry: SessionEntry) -> QWidget:
        frame, layout = card(self._list)
        top = QHBoxLayout()
        badge = label(kind_name(entry.kind), "kindBadge", frame, wrap=False)
        top.addWidget(badge)
        top.addStretch(1)
        length = label(minutes_text(entry.seconds), "muted", frame, wrap=False)
        top.addWidget(length)
        layout.addLayout(top)
        layout.addWidget(label(entry.title, "cardTitle", frame))
        summary: QLabel = label(entry.summary, "muted", frame)
        layout.addWidget(summary)
        if entry.evidence:
            evidence = label(entry.evidence, "evidence", frame)
            evidence.setToolTip(entry.citation)
            evidence.setAccessibleDescription(entry.citation)
            layout.addWidget(evidence)
        row = QHBoxLayout()
        row.addStretch(1)
        start = button(self.tr("Start"), frame, name="primary",
                       description=self.tr("Start %1").replace("%1", entry.title))
        start.setAccessibleName(self.tr("Start %1").replace("%1", entry.title))
        start.clicked.connect(lambda: self.chosen.emit(entry.script_id))
        start.setMinimumWidth(140)
        row.addWidget(start, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(row)
        self.start_buttons[entry.script_id] = start
        return frame
