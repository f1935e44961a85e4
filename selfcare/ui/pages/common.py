"""Small building blocks shared by the pages: page frame, titles, cards, buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

PAGE_MARGIN = 36
MAX_TEXT_WIDTH = 900


def page_layout(page: QWidget, *, scroll: bool = True) -> QVBoxLayout:
    """The page's content layout; inside a scroll area unless the page scrolls itself,
    so large text or a small screen scroll the page instead of clipping it."""
    page.setObjectName("page")
    if not scroll:
        layout = QVBoxLayout(page)
    else:
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        area, layout = scroll_area(page)
        outer.addWidget(area)
    layout.setContentsMargins(PAGE_MARGIN, 24, PAGE_MARGIN, PAGE_MARGIN)
    layout.setSpacing(16)
    return layout


def scroll_area(parent: QWidget) -> tuple[QScrollArea, QVBoxLayout]:
    """A frameless vertical scroll area and the layout of what it holds."""
    area = QScrollArea(parent)
    area.setObjectName("pageScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it follows the focus; no stop of its own
    content = QWidget(area)
    content.setObjectName("page")
    area.setWidget(content)
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    return area, layout


class Button(QPushButton):
    """A push button that Enter or Return presses too, as Space does: people expect Enter
    to confirm, and Qt gives buttons only Space outside dialogs. (A key handler on the
    button itself: an application-wide event filter would run Python on every event.)"""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.animateClick()
            return
        super().keyPressEvent(event)


def label(text: str, name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text, parent)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def button(text: str, parent: QWidget, *, name: str | None = None,
           description: str | None = None) -> QPushButton:
    widget = Button(text, parent)
    if name:
        widget.setObjectName(name)
    widget.setMinimumHeight(48)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def card(parent: QWidget, name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(22, 18, 22, 18)
    layout.setSpacing(8)
    return frame, layout
