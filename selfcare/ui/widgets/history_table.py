"""The table of past sessions: when, what, how far, and pain before and after.

A model over the records as they are, formatting a cell only when the view asks
for it, so ten years of daily sessions fill the table at once. Every row has the
same height: that of the tallest wrapped title, measured on one row of each kind
of text (a handful), never row by row. Text wraps and is never cut short with "...".
Its words keep the "HistoryPage" context they had when the page drew the table itself,
so their translations carry over.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFontMetrics, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QTableView,
    QWidget,
)

DASH = "\u2013"
WHEN, SESSION, HOW_FAR, BEFORE, AFTER = range(5)
Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class HistoryModel(QAbstractTableModel):
    """SessionRecord objects, newest first; only the newest `shown` are rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []
        self._shown = 0
        self._this_year = datetime.now().astimezone().year
        self._locale = QLocale()
        self._headers = [translate("HistoryPage", "When"), translate("HistoryPage", "Session"),
                         translate("HistoryPage", "How far"), translate("HistoryPage", "Before"),
                         translate("HistoryPage", "After")]
        self._header_tips = {BEFORE: translate("HistoryPage", "Pain before the session, 0 to 10"),
                             AFTER: translate("HistoryPage", "Pain after the session, 0 to 10")}
        self._skipped = translate("HistoryPage", "skipped")

    def set_records(self, records: list[Any], shown: int) -> None:
        self.beginResetModel()
        self._records = records
        self._shown = min(shown, len(records))
        self._this_year = datetime.now().astimezone().year
        self._locale = QLocale()
        self.endResetModel()

    def show_newest(self, shown: int) -> None:
        """Show the newest `shown` records (a range ending today is always a prefix)."""
        shown = min(shown, len(self._records))
        if shown > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, shown - 1)
            self._shown = shown
            self.endInsertRows()
        elif shown < self._shown:
            self.beginRemoveRows(QModelIndex(), shown, self._shown - 1)
            self._shown = shown
            self.endRemoveRows()

    def oldest_year(self) -> int:
        if not self._records:
            return self._this_year
        return int(self._records[-1].started_at.astimezone().year)

    def record(self, row: int) -> Any:
        return self._records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 5:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._header_tips.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= BEFORE:
            return Qt.AlignmentFlag.AlignCenter
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        record = self._records[index.row()]
        if column >= BEFORE:
            value = record.pre if column == BEFORE else record.post
            if value is None:
                return DASH if role == Qt.ItemDataRole.DisplayRole else self._skipped
            return str(value) if role != Qt.ItemDataRole.ToolTipRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        if column == WHEN:
            return self.when(record.started_at)
        if column == SESSION:
            return record.title or record.script_id
        return self.how_far(record)

    def when(self, started_at: datetime) -> str:
        started = QDateTime.fromSecsSinceEpoch(int(started_at.timestamp()))
        shape = "d MMM, HH:mm" if started.date().year() == self._this_year \
            else "d MMM yyyy, HH:mm"
        return self._locale.toString(started, shape)

    def how_far(self, record: Any) -> str:
        if record.status == "completed":
            return translate("HistoryPage", "Completed")
        if record.status == "running":
            return translate("HistoryPage", "In progress")
        return translate("HistoryPage", "Stopped at step %1 of %2").replace(
            "%1", str(record.step_reached)).replace("%2", str(record.steps_total))

    def sample_rows(self) -> list[int]:
        """One row for each distinct title and progress text: together they have the
        tallest wrapped cells of the table (a few rows, however many sessions)."""
        seen: dict[tuple[Any, ...], int] = {}
        for row, record in enumerate(self._records[:self._shown]):
            key = (record.title, record.script_id, record.status, record.step_reached,
                   record.steps_total)
            seen.setdefault(key, row)
        return list(seen.values())


class HistoryTable(QTableView):
    """The view: wraps, never elides, no editing, one height for every row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = HistoryModel(self)
        self.setModel(self.history)
        self.setAccessibleName(translate("HistoryPage", "Session history"))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrap, never cut with "..."
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(SESSION, QHeaderView.ResizeMode.Stretch)  # wraps if need be
        header.sectionResized.connect(self._schedule_rows)
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.timeout.connect(self.fit_rows)

    def set_records(self, records: list[Any], shown: int) -> None:
        self.history.set_records(records, shown)
        self.fit_columns()
        self.fit_rows()

    def show_newest(self, shown: int) -> None:
        self.history.show_newest(shown)
        self.fit_rows()

    def fit_columns(self) -> None:
        """Widths from the texts themselves (dates measured on the longest month names,
        titles and progress on one row of each kind, never row by row): the ratings fit
        their headings, the title keeps about a third and wraps, and when room is short
        (large text, a narrow window) the date and the progress wrap onto two lines."""
        self.ensurePolished()
        metrics = self.fontMetrics()
        pad = 2 * 10 + 8  # the stylesheet's cell padding, and room for the grid
        year = self.history.oldest_year()  # this year's dates leave the year out
        dates = [self.history.when(datetime(year, month, 28, 23, 59).astimezone())
                 for month in range(1, 13)]
        samples = [self.history.record(row) for row in self.history.sample_rows()]
        progress = [self.history.how_far(record) for record in samples]
        titles = [record.title or record.script_id for record in samples]
        header = self.horizontalHeader()
        ratings = 0
        for column in (BEFORE, AFTER):
            width = max(self._header_width(column), metrics.horizontalAdvance("10")) + pad
            header.resizeSection(column, width)
            ratings += width
        room = self.viewport().width() - ratings - max(
            widest(metrics, titles, words=True) + pad, round(self.viewport().width() * 0.34))
        when_min = max(widest(metrics, [d.split(", ")[0] + "," for d in dates]),
                       widest(metrics, [d.split(", ")[-1] for d in dates]))
        when = max(widest(metrics, dates), self._header_width(WHEN)) + pad
        progress_min = max(widest(metrics, progress, words=True),
                           self._header_width(HOW_FAR)) + pad
        if when + progress_min > room:
            when = max(when_min, self._header_width(WHEN)) + pad
        progress_full = max(widest(metrics, progress), self._header_width(HOW_FAR)) + pad
        header.resizeSection(WHEN, when)
        header.resizeSection(HOW_FAR, max(progress_min, min(progress_full, room - when)))

    def _header_width(self, column: int) -> int:
        text = str(self.history.headerData(column, Qt.Orientation.Horizontal))
        return self.horizontalHeader().fontMetrics().horizontalAdvance(text) + 2 * 8

    def fit_rows(self) -> None:
        """Every row as tall as the tallest sample row at the current column widths."""
        rows = self.history.sample_rows()
        tallest = max((self.sizeHintForRow(row) for row in rows), default=0)
        minimum = self.fontMetrics().height() + 2 * 6 + 8
        self.verticalHeader().setDefaultSectionSize(max(tallest, minimum))

    def _schedule_rows(self, column: int, _old: int, _new: int) -> None:
        if column in (SESSION, HOW_FAR):
            self._rows_timer.start(0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.history.rowCount() and event.size().width() != event.oldSize().width():
            self.fit_columns()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        """The wheel scrolls the page until the person clicks or tabs into the table:
        scrolling down the page, nobody gets caught in years of rows."""
        if self.hasFocus():
            super().wheelEvent(event)
            return
        outer = self.parentWidget()
        while outer is not None and not isinstance(outer, QAbstractScrollArea):
            outer = outer.parentWidget()
        if outer is None:
            event.ignore()
            return
        QCoreApplication.sendEvent(outer.verticalScrollBar(), event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and self.history.rowCount():
            self.fit_columns()
            self._rows_timer.start(0)


def widest(metrics: QFontMetrics, texts: list[str], *, words: bool = False) -> int:
    """The width of the widest text, or of its widest word (where it could wrap)."""
    if words:
        texts = [word for text in texts for word in text.split()]
    return max((metrics.horizontalAdvance(text) for text in texts), default=0)
