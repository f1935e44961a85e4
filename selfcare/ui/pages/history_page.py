"""A plain list of past sessions: when, what, how far, and pain before and after."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from selfcare.ui.pages.common import button, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow


class HistoryPage(QWidget):
    """Signals: `export_requested` when the person asks for a CSV file of their records."""

    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        layout.addWidget(label(self.tr("My sessions"), "pageTitle", self))
        layout.addWidget(label(self.tr("Every session you have done, newest first, with your "
                                       "pain before and after it (0 to 10). A dash means a "
                                       "rating was skipped."), "pageIntro", self))
        self.empty = label(self.tr("No sessions yet. When you finish one, it appears here."),
                           "muted", self)
        layout.addWidget(self.empty)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Session"), self.tr("How far"),
            self.tr("Before"), self.tr("After"),
        ])
        self.table.setAccessibleName(self.tr("Session history"))
        for column, full in ((3, self.tr("Pain before the session, 0 to 10")),
                             (4, self.tr("Pain after the session, 0 to 10"))):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(full)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrap, never cut with "..."
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for wraps in (1, 2):  # session and how far share what is left, wrapping at large text
            header.setSectionResizeMode(wraps, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = FlowRow()
        self.export_button = button(
            self.tr("Save as a spreadsheet file (CSV)"), self,
            description=self.tr("A copy of every session and rating, for you to keep or share"))
        self.export_button.clicked.connect(self.export_requested.emit)
        row.add(self.export_button)
        self.export_result = label("", "muted", self)
        layout.addLayout(row)
        layout.addWidget(self.export_result)

    def set_records(self, records: list[Any]) -> None:
        """Show SessionRecord objects from the store (newest first)."""
        self.table.setRowCount(len(records))
        self.empty.setVisible(not records)
        self.table.setVisible(bool(records))
        locale = QLocale()
        this_year = datetime.now().astimezone().year
        for row, record in enumerate(records):
            started = record.started_at.astimezone()
            shape = "d MMM, HH:mm" if started.year == this_year else "d MMM yyyy, HH:mm"
            when = locale.toString(started, shape)
            cells = [when, record.title, self._how_far(record),
                     self._rating(record.pre), self._rating(record.post)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def _how_far(self, record: Any) -> str:
        if record.status == "completed":
            return self.tr("Completed")
        if record.status == "running":
            return self.tr("In progress")
        return self.tr("Stopped at step %1 of %2").replace("%1", str(record.step_reached)) \
            .replace("%2", str(record.steps_total))

    @staticmethod
    def _rating(value: int | None) -> str:
        return "\u2013" if value is None else str(value)
