"""The chart of pain before and after each session, over time (pyqtgraph).

Imported only once the history page has sessions to draw: pyqtgraph and numpy
take a few hundred milliseconds to import, which start-up must not pay. Each
kind of session has its own colour and its own shape (Okabe-Ito colours, safe
for colour-blind eyes, and a shape so colour is never the only clue); before is
hollow, after filled; a skipped rating is simply not drawn. One scatter item per
kind and moment holds its points as arrays, so ten years draw in one pass. The
mouse neither pans nor zooms: a shaky hand must not lose the picture.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_SPACING,
    MONTH_SPACING,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeMStepper,
    makeSStepper,
    makeYStepper,
)
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QDateTime, QLocale, QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from selfcare.ui.kind_colours import COLOURS, COLOURS_ON_BLACK, KINDS, OTHER
from selfcare.ui.names import kind_name
from selfcare.ui.pages.common import label
from selfcare.ui.style import HIGH_CONTRAST, Theme
from selfcare.ui.widgets.flow_row import FlowRow

SYMBOLS = {"imagery": "o", "pmr": "s", "acupressure": "t1", "breathing": "d", OTHER: "p"}
CODES = {kind: code for code, kind in enumerate(KINDS)}
MOMENTS = ("before", "after")
CROWDED = 600  # points in view beyond which they shrink, so the average lines stand out
CROWDED_SIZE = 0.6
PAIN_TICKS = [[(value, str(value)) for value in range(0, 11, 2)],
              [(value, "") for value in range(1, 11, 2)]]


class LocaleDateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Dates in the interface language (pyqtgraph's own use English month names), and
    a day's ticks say the month too ("6 Jun", not "6")."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.zoomLevels = OrderedDict([
            (np.inf, ZoomLevel([TickSpec(YEAR_SPACING, makeYStepper(1), "yyyy",
                                         autoSkip=[1, 2, 5, 10]),
                                TickSpec(MONTH_SPACING, makeMStepper(1), "MMM")], "0000")),
            (5 * DAY_SPACING, ZoomLevel([TickSpec(MONTH_SPACING, makeMStepper(1), "MMM"),
                                         TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING),
                                                  "d MMM", autoSkip=[1, 2, 7])],
                                        "00 MMM")),
            (6 * 3600, ZoomLevel([TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "d MMM"),
                                  TickSpec(3600, makeSStepper(3600), "HH:mm",
                                           autoSkip=[1, 6])], "00 MMM")),
        ])

    def tickStrings(self, values: list[float], scale: float,  # noqa: N802 - pyqtgraph API
                    spacing: float) -> list[str]:
        shape = next((spec.format for spec in self.zoomLevel.tickSpecs
                      if spec.spacing == spacing), "d MMM")
        locale = QLocale()
        return [locale.toString(QDateTime.fromSecsSinceEpoch(round(value)), shape)
                for value in values]


class PainChart(QFrame):
    """A card: what the axes mean, the plot, and a legend in words under it."""

    def __init__(self, theme: Theme, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        inner = QVBoxLayout(self)
        inner.setContentsMargins(22, 18, 22, 18)
        inner.setSpacing(10)
        self.axis_label = label(self.tr("Pain from 0 (none) to 10 (worst), by date"),
                                "muted", self)
        inner.addWidget(self.axis_label)
        self.plot = pg.PlotWidget(self, axisItems={"bottom": LocaleDateAxis()})
        self.plot.setObjectName("painPlot")
        self.plot.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reads its summary
        item = self.plot.getPlotItem()
        item.setMouseEnabled(False, False)
        item.hideButtons()
        item.setMenuEnabled(False)
        item.getViewBox().enableAutoRange(enable=False)
        item.getAxis("left").setTicks(PAIN_TICKS)
        item.setYRange(-0.6, 10.6, padding=0)
        inner.addWidget(self.plot, 1)
        self.legend = FlowRow(spacing=18)
        inner.addLayout(self.legend)
        self.scatter: dict[tuple[str, str], pg.ScatterPlotItem] = {}
        self.means = {moment: pg.PlotDataItem(connect="finite", antialias=True)
                      for moment in MOMENTS}
        self._monthly = False
        for line in self.means.values():
            line.setZValue(3)  # above the points: where they crowd, the weekly mean still shows
            item.addItem(line)
        self._times = np.empty(0)
        self._ratings = {moment: np.empty(0) for moment in MOMENTS}
        self._kinds: dict[str, np.ndarray] = {}
        self._theme = theme
        self._scale = scale
        self._styled: tuple[Theme, float] | None = None
        self.apply_look(theme, scale)

    # -- data ---------------------------------------------------------------------------

    def set_sessions(self, records: Sequence[Any]) -> None:
        """Every session once: times and ratings as arrays (NaN for skipped), by kind."""
        count = len(records)
        self._times = np.fromiter((r.started_at.timestamp() for r in records), float, count)
        self._ratings = {
            "before": np.fromiter((math.nan if r.pre is None else r.pre for r in records),
                                  float, count),
            "after": np.fromiter((math.nan if r.post is None else r.post for r in records),
                                 float, count),
        }
        codes = np.fromiter((CODES.get(r.kind, len(KINDS)) for r in records), np.int8, count)
        shown_before = list(self._kinds)
        self._kinds = {kind: codes == code for code, kind in enumerate((*KINDS, OTHER))
                       if (codes == code).any()}
        for key in [key for key in self.scatter if key[0] not in self._kinds]:
            self.plot.getPlotItem().removeItem(self.scatter.pop(key))
        for kind in self._kinds:
            for moment in MOMENTS:
                if (kind, moment) not in self.scatter:
                    spot = pg.ScatterPlotItem(pxMode=True, antialias=True, symbol=SYMBOLS[kind])
                    self._style_point(spot, kind, moment)  # while empty: styling is free
                    self.scatter[(kind, moment)] = spot
                    self.plot.getPlotItem().addItem(spot)
        if sorted(self._kinds) != sorted(shown_before):
            self._fill_legend()

    def show_range(self, start: float, end: float,
                   means: Mapping[str, Sequence[tuple[float, float]]], monthly: bool = False
                   ) -> None:
        """Points from `start` to `end` (epoch seconds), and lines through the weekly (or
        monthly) means given as (time, mean) pairs; a missing week or month breaks them."""
        shown = (self._times >= start) & (self._times < end)
        crowded = int(shown.sum()) > CROWDED
        for (kind, moment), spot in self.scatter.items():
            values = self._ratings[moment]
            chosen = shown & self._kinds[kind] & ~np.isnan(values)
            if crowded != (spot.opts["size"] < self.symbol_size()):
                spot.clear()  # resized while empty: nothing to redraw twice
                spot.setSize(self.symbol_size() * (CROWDED_SIZE if crowded else 1))
            spot.setData(x=self._times[chosen], y=values[chosen])
        for moment, line in self.means.items():
            x, y = mean_line(means.get(moment, ()), (35 if monthly else 8) * DAY_SPACING)
            line.setData(x=x, y=y)
        if monthly != self._monthly:
            self._monthly = monthly
            self._fill_legend()
        margin = (end - start) * 0.015
        self.plot.getPlotItem().setXRange(start - margin, end + margin, padding=0)

    def counts(self) -> dict[tuple[str, str], int]:
        """How many points each kind and moment shows now."""
        return {key: len(spot.data) for key, spot in self.scatter.items()}

    def describe(self, name: str, description: str) -> None:
        self.plot.setAccessibleName(name)
        self.plot.setAccessibleDescription(description)

    # -- looks --------------------------------------------------------------------------

    def apply_look(self, theme: Theme, scale: float) -> None:
        """Colours, line widths, fonts and symbol sizes for the theme and text scale."""
        if self._styled == (theme, scale):
            return
        self._styled = (theme, scale)
        self._theme, self._scale = theme, scale
        strong = theme is HIGH_CONTRAST
        self.plot.setBackground(theme.card)
        font = QFont(QApplication.font())
        metrics = QFontMetrics(font)
        axis_pen = pg.mkPen(theme.ink if strong else theme.muted, width=2 if strong else 1)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(axis_pen)
            axis.setTextPen(pg.mkPen(theme.ink))
            axis.setStyle(tickFont=font, tickLength=-round(6 * scale), tickTextOffset=6)
        item.getAxis("bottom").setHeight(metrics.height() + round(6 * scale) + 12)
        item.getAxis("left").setWidth(metrics.horizontalAdvance("10") + round(6 * scale) + 16)
        item.showGrid(x=False, y=True, alpha=0.55 if strong else 0.3)
        for moment, line in self.means.items():
            line.setPen(self._line_pen(moment))
        self.plot.setMinimumHeight(round(300 + 80 * (scale - 1)))
        self.plot.setStyleSheet(
            f"QGraphicsView#painPlot {{ border: 3px solid transparent; }}"
            f"QGraphicsView#painPlot:focus {{ border: 3px solid {theme.focus_ring}; }}")
        self._style_points()
        self._fill_legend()

    def symbol_size(self) -> float:
        return 12 + 6 * (self._scale - 1)

    def _colour(self, kind: str) -> str:
        colours = COLOURS_ON_BLACK if self._theme is HIGH_CONTRAST else COLOURS
        return colours.get(kind, self._theme.ink)

    def _pen_and_brush(self, colour: str, moment: str) -> tuple[QPen, QBrush]:
        if moment == "before":  # hollow: a thick ring, the background showing through
            width = 3.0 if self._theme is HIGH_CONTRAST else 2.2
            return pg.mkPen(colour, width=width), QBrush(QColor(self._theme.card))
        return pg.mkPen(colour, width=1), QBrush(QColor(colour))

    def _line_pen(self, moment: str) -> QPen:
        width = (4.5 if self._theme is HIGH_CONTRAST else 3.0) * max(1.0, self._scale * 0.75)
        pen = QPen(pg.mkPen(self._theme.ink, width=width))
        if moment == "after":
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _style_points(self) -> None:
        for (kind, moment), spot in self.scatter.items():
            self._style_point(spot, kind, moment)

    def _style_point(self, spot: pg.ScatterPlotItem, kind: str, moment: str) -> None:
        pen, brush = self._pen_and_brush(self._colour(kind), moment)
        spot.setPen(pen)
        spot.setBrush(brush)
        spot.setSize(self.symbol_size())
        spot.setZValue(2 if moment == "after" else 1)

    # -- legend -------------------------------------------------------------------------

    def _fill_legend(self) -> None:
        while (old := self.legend.takeAt(0)) is not None:
            widget = old.widget()
            if widget is not None:
                widget.hide()  # deleted later, in the event loop; never seen until then
                widget.deleteLater()
        if not self._kinds:
            return
        ink = self._theme.ink
        self.legend.add(self._entry(self._icon([("o", "before", ink)]),
                                    self.tr("Before the session (hollow)")))
        self.legend.add(self._entry(self._icon([("o", "after", ink)]),
                                    self.tr("After the session (filled)")))
        for kind in self._kinds:
            name = self.tr("Other sessions") if kind == OTHER else kind_name(kind)
            colour = self._colour(kind)
            self.legend.add(self._entry(
                self._icon([(SYMBOLS[kind], "before", colour), (SYMBOLS[kind], "after", colour)]),
                name))
        if self._monthly:
            before, after = self.tr("Monthly average before"), self.tr("Monthly average after")
        else:
            before, after = self.tr("Weekly average before"), self.tr("Weekly average after")
        self.legend.add(self._entry(self._line_icon("before"), before))
        self.legend.add(self._entry(self._line_icon("after"), after))

    def _entry(self, icon: QPixmap, text: str) -> QWidget:
        entry = QWidget(self)
        row = QHBoxLayout(entry)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        picture = QLabel(entry)
        picture.setPixmap(icon)
        row.addWidget(picture)
        row.addWidget(label(text, "legend", entry, wrap=False))
        entry.show()  # now, not when the event loop gets to it
        return entry

    def _canvas(self, width: float, height: float) -> tuple[QPixmap, QPainter]:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(QSize(round(width * ratio), round(height * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        return pixmap, painter

    def _legend_size(self) -> float:
        """A legend symbol: as big as on the plot, and never small beside its words."""
        return max(self.symbol_size(), QFontMetrics(QApplication.font()).height() * 0.6)

    def _icon(self, symbols: list[tuple[str, str, str]]) -> QPixmap:
        """(symbol, moment, colour) side by side, drawn as the plot draws its points."""
        symbol_size = self._legend_size()
        size = symbol_size + 6
        pixmap, painter = self._canvas(size * len(symbols), size)
        for n, (symbol, moment, colour) in enumerate(symbols):
            pen, brush = self._pen_and_brush(colour, moment)
            painter.save()
            painter.translate(QPointF(size * n + size / 2, size / 2))
            drawSymbol(painter, symbol, symbol_size, pen, brush)
            painter.restore()
        painter.end()
        return pixmap

    def _line_icon(self, moment: str) -> QPixmap:
        height = self._legend_size() + 6
        width = 2.2 * height
        pixmap, painter = self._canvas(width, height)
        painter.setPen(self._line_pen(moment))
        painter.drawLine(QPointF(2, height / 2), QPointF(width - 2, height / 2))
        painter.end()
        return pixmap


def mean_line(means: Sequence[tuple[float, float]], gap: float
              ) -> tuple[np.ndarray, np.ndarray]:
    """x and y for a line through (time, mean) pairs, broken wherever two are more than
    `gap` seconds apart, so it never bridges weeks or months without a rating."""
    if not means:
        return np.empty(0), np.empty(0)
    x = np.array([m[0] for m in means], dtype=float)
    y = np.array([m[1] for m in means], dtype=float)
    gaps = np.nonzero(np.diff(x) > gap)[0] + 1
    # pyqtgraph breaks a `connect="finite"` line at a NaN y; x stays finite for its bounds
    return np.insert(x, gaps, x[gaps - 1] + DAY_SPACING), np.insert(y, gaps, np.nan)
