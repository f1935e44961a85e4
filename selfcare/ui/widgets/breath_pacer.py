"""A circle that fills as you breathe in and empties as you breathe out."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfcare.ui import style

SMALLEST = 0.28  # share of the full radius when the lungs are "empty": never a dot


class BreathPacer(QWidget):
    """Paints `size` (0 empty .. 1 full) as a soft disc inside a fixed ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = 0.0
        self.setMinimumSize(QSize(200, 200))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Breathing guide"))
        self.hide()

    @property
    def size_now(self) -> float:
        return self._size

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(260, 260)

    def show_size(self, size: float | None) -> None:
        if size is None:
            self.hide()
            return
        size = min(1.0, max(0.0, size))
        if self.isHidden():
            self.show()
        if abs(size - self._size) >= 0.002:
            self._size = size
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        theme = style.current_theme()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        full = min(self.width(), self.height()) / 2 - 6
        painter.setPen(QPen(QColor(theme.accent), 3, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, full, full)
        radius = full * (SMALLEST + (1 - SMALLEST) * self._size)
        painter.setPen(QPen(QColor(theme.accent_dark), 2))
        painter.setBrush(QColor(theme.accent))
        painter.setOpacity(0.35 + 0.4 * self._size)
        painter.drawEllipse(centre, radius, radius)
        painter.end()
