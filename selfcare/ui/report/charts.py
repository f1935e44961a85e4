"""The report's two charts, drawn as vectors with QPainter: pain before and after each
session, and the weekly check's score, on the same time axis.

Print charts, not the history page's interactive one: fixed 0-10 axes, one page's
geometry in points, and nothing that depends on a screen's resolution. The kinds keep
the colours and shapes the patient sees in their history (`kind_colours`); before is
hollow, after filled, as there. A skipped rating is simply not drawn.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from selfcare.core.measures import WeekScore
from selfcare.core.report import SessionRow
from selfcare.ui.kind_colours import COLOURS, KINDS, OTHER, OTHER_COLOUR, SHAPES

INK = QColor("#1a1a1a")
GRID = QColor("#d0d0d0")
AXIS_TEXT = QColor("#444444")
MEAN_BEFORE = QColor("#1a1a1a")
MEAN_AFTER = QColor("#6a6a6a")
AXIS_FONT_PX = 7


class TimeAxis:
    """Days from `first` to `last` across `left`..`right` points, with readable ticks."""

    def __init__(self, first: date, last: date, left: float, right: float) -> None:
        self.first, self.last = first, max(last, first + timedelta(days=1))
        self.left, self.right = left, right
        self.days = (self.last - self.first).days

    @property
    def week_width(self) -> float:
        return 7 / self.days * (self.right - self.left)

    def x(self, day: date) -> float:
        return self.left + (day - self.first).days / self.days * (self.right - self.left)

    def ticks(self, locale: QLocale) -> list[tuple[date, str]]:
        """Mondays for a few weeks, month starts for months, every few months for years."""
        if self.days <= 42:
            step = 7 if self.days > 14 else 1
            first = self.first + timedelta(days=(7 - self.first.weekday()) % 7) \
                if step == 7 else self.first
            days = [first + timedelta(days=n) for n in range(0, self.days + 1, step)]
            return [(d, locale.toString(_qdate(d), "d MMM")) for d in days if d <= self.last]
        every = 1 if self.days <= 200 else 2 if self.days <= 400 else 6
        ticks: list[tuple[date, str]] = []
        month = date(self.first.year, self.first.month, 1)
        while month <= self.last:
            if month >= self.first and (month.month - 1) % every == 0:
                text = locale.toString(_qdate(month), "MMM")
                if month.month == 1 or not ticks:
                    text += " " + str(month.year)
                ticks.append((month, text))
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return ticks


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pain_scale(painter: QPainter, area: QRectF, axis: TimeAxis, locale: QLocale,
               font: QFont) -> None:
    """Grid lines at 0, 2 .. 10, their numbers, and the time ticks under `area`."""
    small = QFont(font)
    small.setPixelSize(AXIS_FONT_PX)
    painter.setFont(small)
    painter.setPen(QPen(GRID, 0.4))
    for value in range(0, 11, 2):
        y = _y(area, value)
        painter.setPen(QPen(GRID, 0.4))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(AXIS_TEXT)
        painter.drawText(QRectF(area.left() - 16, y - 5, 13, 10),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         str(value))
    for day, text in axis.ticks(locale):
        x = axis.x(day)
        painter.setPen(QPen(GRID, 0.4))
        painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 2.5))
        painter.setPen(AXIS_TEXT)
        painter.drawText(QRectF(x - 30, area.bottom() + 3, 60, 10),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)


def _y(area: QRectF, value: float) -> float:
    """0 at the bottom, 10 at the top, with half a point of room at each end."""
    return area.bottom() - (value + 0.5) / 11 * area.height()


def draw_pain(painter: QPainter, area: QRectF, axis: TimeAxis, rows: Sequence[SessionRow]
              ) -> dict[str, int]:
    """Each session's before (hollow) and after (filled), and the weekly means as lines;
    returns how many points each kind drew, for the legend."""
    size = 2.2 if len(rows) > 120 else 3.0
    drawn: dict[str, int] = defaultdict(int)
    painter.save()
    painter.setClipRect(area.adjusted(-4, -4, 4, 4))
    for row in rows:
        kind = row.kind if row.kind in KINDS else OTHER
        colour = QColor(COLOURS.get(kind, OTHER_COLOUR))
        x = axis.x(row.day) + 0.5 / axis.days * (axis.right - axis.left)
        for value, filled in ((row.before, False), (row.after, True)):
            if value is None:
                continue
            marker(painter, QPointF(x, _y(area, value)), SHAPES[kind], size, colour, filled)
            drawn[kind] += 1
    for moment, colour, style in (("before", MEAN_BEFORE, Qt.PenStyle.SolidLine),
                                  ("after", MEAN_AFTER, Qt.PenStyle.DashLine)):
        means = weekly_means(rows, moment)
        pen = QPen(colour, 1.1, style)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        _polyline(painter, [(axis.x(monday + timedelta(days=3)), _y(area, mean))
                            for monday, mean in means], pen, gap=axis.week_width)
    painter.restore()
    return dict(drawn)


def weekly_means(rows: Sequence[SessionRow], moment: str) -> list[tuple[date, float]]:
    """(Monday, mean) for each week with a rating at `moment` ("before" or "after")."""
    weeks: dict[date, list[int]] = defaultdict(list)
    for row in rows:
        value = row.before if moment == "before" else row.after
        if value is not None:
            weeks[row.day - timedelta(days=row.day.weekday())].append(value)
    return [(monday, math.fsum(v) / len(v)) for monday, v in sorted(weeks.items())]


def draw_weekly(painter: QPainter, area: QRectF, axis: TimeAxis,
                weeks: Sequence[WeekScore]) -> int:
    """The weekly check's score (the mean of its items) week by week; returns the count."""
    points = [(axis.x(w.week_start + timedelta(days=3)), _y(area, w.score))
              for w in sorted(weeks, key=lambda w: w.week_start) if w.score is not None]
    painter.save()
    painter.setClipRect(area.adjusted(-4, -4, 4, 4))
    _polyline(painter, points, QPen(QColor("#0072B2"), 1.1), gap=None)
    for x, y in points:
        marker(painter, QPointF(x, y), "circle", 2.2, QColor("#0072B2"), True)
    painter.restore()
    return len(points)


def _polyline(painter: QPainter, points: list[tuple[float, float]], pen: QPen,
              gap: float | None) -> None:
    """A line through `points`, broken where two are more than `gap` points apart in x
    (weeks without ratings are not bridged as if nothing happened)."""
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    previous: tuple[float, float] | None = None
    for x, y in points:
        if previous is None or (gap is not None and x - previous[0] > gap * 1.6):
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
        previous = (x, y)
    painter.drawPath(path)


def marker(painter: QPainter, at: QPointF, shape: str, size: float, colour: QColor,
           filled: bool) -> None:
    painter.setPen(QPen(colour, 0.7))
    painter.setBrush(QBrush(colour) if filled else QBrush(QColor("white")))
    x, y, r = at.x(), at.y(), size
    if shape == "circle":
        painter.drawEllipse(at, r, r)
    elif shape == "square":
        painter.drawRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8))
    elif shape == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.1), QPointF(x + r, y + r * 0.8),
                                       QPointF(x - r, y + r * 0.8)]))
    elif shape == "diamond":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r, y),
                                       QPointF(x, y + r * 1.2), QPointF(x - r, y)]))
    else:
        painter.drawPolygon(QPolygonF([
            QPointF(x + r * math.sin(a), y - r * math.cos(a))
            for a in (2 * math.pi * n / 5 for n in range(5))]))


def sparkline(painter: QPainter, area: QRectF, points: Sequence[tuple[date, float]],
              first: date, last: date) -> None:
    """Weekly means (monthly over more than four months, so the line stays readable) on
    0-10 across `area`, on the report's time axis, each a dot joined by a line."""
    if not points:
        return
    axis = TimeAxis(first, last, area.left(), area.right())
    shown = [(monday + timedelta(days=3), mean) for monday, mean in points]
    gap = axis.week_width
    if axis.days > 120:
        months: dict[date, list[float]] = defaultdict(list)
        for day, mean in shown:
            months[date(day.year, day.month, 15)].append(mean)
        shown = [(middle, math.fsum(v) / len(v)) for middle, v in sorted(months.items())]
        gap = 31 / axis.days * (axis.right - axis.left)
    painter.save()
    painter.setPen(QPen(GRID, 0.4))
    painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
    at = [(axis.x(day), area.bottom() - mean / 10 * area.height()) for day, mean in shown]
    _polyline(painter, at, QPen(INK, 0.8), gap=gap)
    for x, y in at:
        marker(painter, QPointF(x, y), "circle", 0.9, INK, True)
    painter.restore()
