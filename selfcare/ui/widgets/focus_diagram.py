"""Shows where to press, or which part of the body to relax, for the current step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfcare.diagrams import diagram_for

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer


class FocusDiagram(QWidget):
    """An SVG drawn to fit, kept square; hidden when the step has nothing to show.

    Qt's SVG module is loaded with the first drawing, so sessions without one (imagery,
    breathing) and the start-up never pay its memory.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer: QSvgRenderer | None = None
        self._code: str | None = None
        self.setMinimumSize(QSize(200, 200))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.hide()

    @property
    def code(self) -> str | None:
        """The focus drawn now, or None."""
        return self._code if not self.isHidden() else None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(260, 260)

    def show_focus(self, code: str | None, name: str = "") -> None:
        """Draw the diagram for a focus code (a point or a body region), or hide."""
        if code == self._code:
            return
        self._code = code
        data = diagram_for(code)
        if data is None or not self._renderer_for_drawing().load(QByteArray(data)):
            self.hide()
            return
        self.setAccessibleName(self.tr("Diagram: %1").replace("%1", name))
        self.show()
        self.update()

    def _renderer_for_drawing(self) -> QSvgRenderer:
        if self._renderer is None:
            from PySide6.QtSvg import QSvgRenderer

            self._renderer = QSvgRenderer(self)
        return self._renderer

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._renderer is None or not self._renderer.isValid():
            return
        box = self._renderer.viewBoxF()
        if box.isEmpty():
            return
        scale = min(self.width() / box.width(), self.height() / box.height())
        width, height = box.width() * scale, box.height() * scale
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, target)
        painter.end()
