"""A row of buttons that wraps onto the next line when it runs out of width.

At 200 % text, or in Spanish, a row of four buttons can be wider than the window;
wrapping keeps every button whole and on screen instead of clipping or forcing the
window wider. Items keep their order; `trailing` items are pushed to the right.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowRow(QLayout):
    """Left to right, wrapping; items added with `add_trailing` sit at the right end."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._trailing: set[int] = set()  # ids of items pushed right
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def add(self, widget: QWidget) -> None:
        self.addWidget(widget)

    def add_trailing(self, widget: QWidget) -> None:
        self.addWidget(widget)
        self._trailing.add(id(self._items[-1]))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._trailing.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = sum(self._size(item).width() for item in self._visible())
        width += self._spacing * max(0, len(self._visible()) - 1)
        height = max((self._size(item).height() for item in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    @staticmethod
    def _size(item: QLayoutItem) -> QSize:
        return item.sizeHint().expandedTo(item.minimumSize())

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Lay out lines within rect's width; returns the height used."""
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = self._size(item).width()
            if lines[-1] and used + self._spacing + width > rect.width():
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + width
            lines[-1].append(item)
        y = rect.y()
        for line in lines:
            if not line:
                continue
            height = max(self._size(item).height() for item in line)
            if place:
                self._place_line(line, rect, y, height)
            y += height + self._spacing
        return max(0, y - rect.y() - self._spacing)

    def _place_line(self, line: list[QLayoutItem], rect: QRect, y: int, height: int) -> None:
        leading = [item for item in line if id(item) not in self._trailing]
        trailing = [item for item in line if id(item) in self._trailing]
        x = rect.x()
        for item in leading:
            size = self._size(item)
            item.setGeometry(QRect(QPoint(x, y), QSize(size.width(), height)))
            x += size.width() + self._spacing
        x = rect.right() + 1
        for item in reversed(trailing):
            size = self._size(item)
            x -= size.width()
            item.setGeometry(QRect(QPoint(x, y), QSize(size.width(), height)))
            x -= self._spacing
