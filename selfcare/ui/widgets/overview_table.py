"""The clinic overview: every patient's adherence, last session and the direction of
their pain before sessions over the last four weeks, in a sortable table.

Sorting is the core's (`core.overview.sort_rows`): a row with nothing to show in the
sorted column (no plan, no session, too few ratings) always goes last, whichever way
the column is sorted, so "who is struggling" stays at the top. Directions are words
with an arrow, never colour alone. Activating a row (double-click or Enter) opens that
patient's report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from selfcare.core.insights import Direction
from selfcare.core.overview import Column, OverviewRow, sort_rows

COLUMNS = (Column.NAME, Column.CODE, Column.ADHERENCE, Column.LAST_SESSION, Column.PAIN)
Index = QModelIndex | QPersistentModelIndex


class OverviewModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OverviewRow] = []
        self._sorted: tuple[Column, bool] = (Column.NAME, False)

    def set_rows(self, rows: Sequence[OverviewRow]) -> None:
        self.beginResetModel()
        column, descending = self._sorted
        self.rows = sort_rows(rows, column, descending=descending)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.NAME: self.tr("Patient"), Column.CODE: self.tr("Code"),
            Column.ADHERENCE: self.tr("Done of due"),
            Column.LAST_SESSION: self.tr("Last session"),
            Column.PAIN: self.tr("Pain before sessions, 4 weeks"),
        }[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.patient_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.PAIN \
                and row.recent.direction is Direction.GOING_UP:
            from PySide6.QtGui import QColor

            return QColor("#9a3412")
        return None

    def text(self, row: OverviewRow, column: Column) -> str:
        if column is Column.NAME:
            return row.display_name
        if column is Column.CODE:
            return row.code
        if column is Column.ADHERENCE:
            kept = row.adherence
            if kept is None:
                return self.tr("No plan")
            if kept.due_so_far == 0:
                return self.tr("Nothing due yet")
            return self.tr("%3 % (%1 of %2)").replace("%1", str(kept.done)) \
                .replace("%2", str(kept.due_so_far)) \
                .replace("%3", str(round(100 * (kept.share or 0.0))))
        if column is Column.LAST_SESSION:
            if row.last_session is None:
                return self.tr("None yet")
            return _day(row.last_session.astimezone().date())
        return self.pain_text(row)

    def pain_text(self, row: OverviewRow) -> str:
        recent = row.recent
        if recent.direction is Direction.NOT_ENOUGH or recent.mean_before is None:
            return self.tr("\u2013 too few ratings")
        words = {
            Direction.GOING_DOWN: self.tr("\u2198 going down"),
            Direction.GOING_UP: self.tr("\u2197 going up"),
            Direction.NO_CLEAR_TREND: self.tr("\u2192 no clear trend"),
        }[recent.direction]
        return words + self.tr(", mean %1").replace(
            "%1", QLocale().toString(recent.mean_before, "f", 1))

    def tip(self, row: OverviewRow, column: Column) -> str | None:
        """The figures behind a cell, for whoever hovers over it."""
        if column is Column.ADHERENCE and row.adherence is not None:
            kept = row.adherence
            return self.tr("Done %1, missed %2, still to come %3").replace(
                "%1", str(kept.done)).replace("%2", str(kept.missed)).replace(
                "%3", str(kept.remaining))
        if column is Column.PAIN:
            recent = row.recent
            text = self.tr("%1 pain ratings before sessions in the last 4 weeks.").replace(
                "%1", str(recent.ratings))
            slope = recent.slope
            if slope is not None and slope.low is not None and slope.high is not None:
                locale = QLocale()
                text += " " + self.tr("Slope %1 points a week (95 % interval %2 to %3).") \
                    .replace("%1", locale.toString(slope.value, "f", 2)) \
                    .replace("%2", locale.toString(slope.low, "f", 2)) \
                    .replace("%3", locale.toString(slope.high, "f", 2))
            return text
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sorted = (COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        self.rows = sort_rows(self.rows, self._sorted[0], descending=self._sorted[1])
        self.layoutChanged.emit()


def _day(day: date) -> str:
    """Unambiguous in every language: "30 Nov 2026", never 11/30/26."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


class OverviewTable(QTableView):
    """Signal: `opened(int)` with the patient id of the row activated."""

    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = OverviewModel(self)
        self.setModel(self.overview)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(200)  # a big clinic: size columns from 200 rows
        self.setAccessibleName(self.tr("All patients"))
        self.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        self.opened.emit(int(self.overview.data(index, Qt.ItemDataRole.UserRole)))
