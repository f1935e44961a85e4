"""My history: pain before and after each session as a chart and a table, over the last
4 weeks, 3 months or all time, and what the person's own ratings say helps.

The chart (pyqtgraph, with numpy) is made the first time there are sessions to draw,
never when the page is built: the window's start-up and memory stay as they were for
someone who never opens it. Insights are computed once per `set_records`; changing the
range only filters what is already there.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QPushButton, QWidget

from selfcare.core.insights import (
    RatedSession,
    Trend,
    insights,
    pre_session_trend,
    week_start,
)
from selfcare.ui import style
from selfcare.ui.pages.common import button, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.history_table import HistoryTable
from selfcare.ui.widgets.weekly_panel import WeeklyCheckPanel
from selfcare.ui.widgets.what_helps import WhatHelpsPanel

if TYPE_CHECKING:
    from selfcare.ui.widgets.pain_chart import PainChart

WEEKS, MONTHS, ALL = "4-weeks", "3-months", "all"
RANGES = (WEEKS, MONTHS, ALL)
DAY = 86400.0
BESIDE_FROM = 1400  # px of page width at 100 % text: chart and table side by side from here
MONTHLY_FROM = 190  # days shown beyond which the lines join monthly means (weekly ones over
# years are a scribble of 500 points)


class HistoryPage(QWidget):
    """Signals: `export_requested` when the person asks for a CSV file of their records,
    `report_requested` for the one-page report to show their care team."""

    export_requested = Signal()
    report_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        layout.addWidget(label(self.tr("My history"), "pageTitle", self))
        layout.addWidget(label(self.tr("Your pain before and after each session, from 0 (no "
                                       "pain) to 10, as you rated it. A dash means a rating "
                                       "was skipped."), "pageIntro", self))
        self.empty = label(self.tr("No sessions yet. When you finish one, it appears here."),
                           "muted", self)
        layout.addWidget(self.empty)
        self.content = QWidget(self)
        inner = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(16)
        inner.addLayout(self._range_row())
        self.range_summary = label("", "where", self.content)
        inner.addWidget(self.range_summary)
        self.split = BesideOrBelow(self.content)
        self.table = HistoryTable(self.split)
        self.split.add(self.table, 1)
        inner.addWidget(self.split)
        self.what_helps = WhatHelpsPanel(self.content)
        inner.addWidget(self.what_helps)
        layout.addWidget(self.content)
        self.weekly = WeeklyCheckPanel(self)
        self.weekly.hide()
        layout.addWidget(self.weekly)
        row = FlowRow()
        self.export_button = button(
            self.tr("Save as a spreadsheet file (CSV)"), self,
            description=self.tr("A copy of every session and rating, for you to keep or share"))
        self.export_button.clicked.connect(self.export_requested.emit)
        row.add(self.export_button)
        self.report_button = button(
            self.tr("Report for my care team (PDF)"), self,
            description=self.tr("One page to print or show your care team: your plan, your "
                                "ratings and what seems to help"))
        self.report_button.clicked.connect(self.report_requested.emit)
        row.add(self.report_button)
        self.export_result = label("", "muted", self)
        layout.addLayout(row)
        layout.addWidget(self.export_result)
        layout.addStretch(1)
        self.chart: PainChart | None = None
        self.range = MONTHS
        self._chosen: str | None = None  # the range the person picked, kept while the app runs
        self._records: list[Any] = []
        self._rated: list[RatedSession] = []
        self._trend: Trend | None = None  # over every rated session, from the insights
        self._stamps: list[float] = []  # minus each record's time: ascending, for bisect
        self.content.hide()

    def _range_row(self) -> FlowRow:
        row = FlowRow()
        group = QButtonGroup(self)
        group.setExclusive(True)
        self.range_buttons: dict[str, QPushButton] = {}
        names = {WEEKS: (self.tr("4 weeks"), self.tr("Show the last 4 weeks")),
                 MONTHS: (self.tr("3 months"), self.tr("Show the last 3 months")),
                 ALL: (self.tr("All"), self.tr("Show every session"))}
        for key in RANGES:
            text, description = names[key]
            chip = button(text, self, name="filter", description=description)
            chip.setCheckable(True)
            chip.clicked.connect(lambda _checked=False, chosen=key: self.choose_range(chosen))
            group.addButton(chip)
            row.add(chip)
            self.range_buttons[key] = chip
        return row

    # -- data ---------------------------------------------------------------------------

    def set_records(self, records: list[Any]) -> None:
        """Show SessionRecord objects from the store (newest first)."""
        self._records = sorted(records, key=lambda r: r.started_at, reverse=True)
        self._stamps = [-r.started_at.timestamp() for r in self._records]
        self.empty.setVisible(not records)
        self.content.setVisible(bool(records))
        if not records:
            self._rated = []
            self.table.set_records([], 0)
            return
        self._rated = rated_sessions(self._records)
        found = insights(self._rated)
        self._trend = found.trend
        titles = {r.script_id: r.title for r in reversed(self._records) if r.title}
        self.what_helps.show_insights(found, titles)
        self.table.setMinimumHeight(round(420 * min(style.current_text_scale(), 1.6)))
        chart = self._ensure_chart()
        chart.set_sessions(self._records)
        self.range = self._chosen or self._default_range()
        self.table.set_records(self._records, self._count_from(self._range_start()))
        self._show_range()

    def choose_range(self, key: str) -> None:
        """The person picked a range: it applies to the chart and the table."""
        self._chosen = key
        self.range = key
        if self._records:
            self.table.show_newest(self._count_from(self._range_start()))
            self._show_range()
        else:
            self.range_buttons[key].setChecked(True)

    def _ensure_chart(self) -> PainChart:
        from selfcare.ui.widgets.pain_chart import PainChart

        theme, scale = style.current_theme(), style.current_text_scale()
        if self.chart is None:
            self.chart = PainChart(theme, scale, self.split)
            self.chart.setMinimumWidth(320)
            self.split.insert(0, self.chart, 1)
        else:
            self.chart.apply_look(theme, scale)
        return self.chart

    def _default_range(self) -> str:
        earliest = self._records[-1].started_at
        return ALL if earliest.timestamp() >= self._range_start(MONTHS) else MONTHS

    def _range_start(self, key: str | None = None) -> float:
        """Where the range begins (epoch seconds, local midnight); it ends today."""
        today = date.today()
        key = key or self.range
        if key == WEEKS:
            first = today - timedelta(days=27)
        elif key == MONTHS:
            first = months_before(today, 3)
        else:
            earliest = self._records[-1].started_at.astimezone().date() if self._records \
                else today
            first = min(earliest, today - timedelta(days=6))
        return local_midnight(first)

    def _count_from(self, start: float) -> int:
        return bisect.bisect_right(self._stamps, -start)

    def _show_range(self) -> None:
        self.range_buttons[self.range].setChecked(True)
        start = self._range_start()
        end = local_midnight(date.today() + timedelta(days=1))
        shown = [s for s in self._rated if s.started_at.timestamp() >= start]
        trend = self._trend if self._trend is not None and len(shown) == len(self._rated) \
            else pre_session_trend(shown)
        now = datetime.now().timestamp()
        monthly = end - start > MONTHLY_FROM * DAY
        if monthly:
            means = {moment: monthly_means(shown, moment, now) for moment in ("before", "after")}
        else:
            means = {
                "before": [(mid_week(w.week_start, now), w.mean_before) for w in trend.weeks],
                "after": [(mid_week(monday, now), mean) for monday, mean in weekly_after(shown)],
            }
        assert self.chart is not None
        self.chart.show_range(start, end, means, monthly)
        self._describe(start, end, trend, monthly)

    def _describe(self, start: float, end: float, trend: Trend, monthly: bool) -> None:
        """Say in words what the chart shows: for everyone, and for a screen reader."""
        count = self._count_from(start)
        shown = self._records[:count]
        locale = QLocale()
        first = locale.toString(qdate(datetime.fromtimestamp(start).date()), "d MMM yyyy")
        last = locale.toString(qdate(datetime.fromtimestamp(end - DAY).date()), "d MMM yyyy")
        summary = self.tr("Sessions from %1 to %2: %3.").replace("%1", first).replace(
            "%2", last).replace("%3", str(count))
        self.range_summary.setText(summary)
        rated = self.tr("Pain rated before: %1; after: %2.").replace(
            "%1", str(sum(r.pre is not None for r in shown))).replace(
            "%2", str(sum(r.post is not None for r in shown)))
        assert self.chart is not None
        self.chart.describe(
            self.tr("Chart of your pain before and after each session"),
            " ".join([summary, rated, self.what_helps.trend_text(trend),
                      self.tr("Two lines show your average pain before and after, month by "
                              "month.") if monthly else
                      self.tr("Two lines show your average pain before and after, week by "
                              "week."),
                      self.tr("The table lists the same sessions.")]))


class BesideOrBelow(QWidget):
    """The chart and the table side by side when the page is wide enough for both at the
    current text size, one above the other when it is not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(16)

    def add(self, widget: QWidget, stretch: int) -> None:
        self.box.addWidget(widget, stretch)

    def insert(self, index: int, widget: QWidget, stretch: int) -> None:
        self.box.insertWidget(index, widget, stretch)

    def beside(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        wide = event.size().width() >= BESIDE_FROM * style.current_text_scale()
        direction = QBoxLayout.Direction.LeftToRight if wide else \
            QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)


def rated_sessions(records: Sequence[Any]) -> list[RatedSession]:
    """What the insights weigh: finished or stopped sessions of a known kind, in local
    time (weeks begin on the person's Monday)."""
    return [RatedSession(r.started_at.astimezone(), r.script_id, r.kind, r.pre, r.post)
            for r in records if r.kind and r.status in ("completed", "interrupted")]


def weekly_after(sessions: Sequence[RatedSession]) -> list[tuple[date, float]]:
    """Mean pain after sessions per week (Monday start), as `pre_session_trend` does for
    before; skipped ratings are left out, never counted as 0."""
    by_week: dict[date, list[int]] = defaultdict(list)
    for session in sessions:
        if session.after is not None:
            by_week[week_start(session.started_at)].append(session.after)
    return [(monday, math.fsum(values) / len(values))
            for monday, values in sorted(by_week.items())]


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier, or that month's last day if it is shorter."""
    shifted = QDate(day.year, day.month, day.day).addMonths(-months)
    return date(shifted.year(), shifted.month(), shifted.day())


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def monthly_means(sessions: Sequence[RatedSession], moment: str, now: float
                  ) -> list[tuple[float, float]]:
    """Mean pain before (or after) sessions per calendar month, drawn mid-month."""
    by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
    for session in sessions:
        value = session.before if moment == "before" else session.after
        if value is not None:
            by_month[(session.started_at.year, session.started_at.month)].append(value)
    return [(min(local_midnight(date(year, month, 15)), now), math.fsum(values) / len(values))
            for (year, month), values in sorted(by_month.items())]


@functools.lru_cache(maxsize=4096)
def local_midnight(day: date) -> float:
    return datetime.combine(day, time()).astimezone().timestamp()


def mid_week(monday: date, now: float) -> float:
    """Where a week's mean is drawn: the middle of the week, or now for this week."""
    return min(local_midnight(monday) + 3.5 * DAY, now)
