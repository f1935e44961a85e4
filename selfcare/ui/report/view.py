"""The report on screen: the very page the PDF holds, scaled to the width it is given.

The page is recorded once into a QPicture (vector drawing commands) in the report's
language, then replayed at whatever size the window has: sharp at any zoom, and the
interface's own language is switched only while recording, never while painting. A
screen reader gets the page's main lines as the widget's description.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPicture, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfcare.ui import i18n
from selfcare.ui.report.page import ReportPage


class ReportView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page: ReportPage | None = None
        self._picture = QPicture()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Report"))

    def set_page(self, page: ReportPage | None) -> None:
        self.page = page
        self._picture = QPicture()
        if page is not None:
            painter = QPainter(self._picture)
            try:
                with i18n.speaking(page.context.lang):
                    page.draw(painter)
                    self.setAccessibleDescription(page.summary())
            finally:
                painter.end()
        self._fit(self.width())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(640, self._height_for(640))

    def _height_for(self, width: int) -> int:
        if self.page is None:
            return 0
        page_width, page_height = self.page.size
        return round(width * page_height / page_width)

    def _fit(self, width: int) -> None:
        self.setFixedHeight(self._height_for(max(width, 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit(event.size().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.page is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        scale = self.width() / self.page.size[0]
        painter.scale(scale, scale)
        painter.drawPicture(0, 0, self._picture)
        painter.end()
