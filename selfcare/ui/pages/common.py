"""Small building blocks shared by the pages: page frame, titles, cards, buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
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


class EnterClicks(QObject):
    """Enter or Return on a focused button presses it, as Space does: people expect
    Enter to confirm, and Qt only gives buttons Space outside dialogs."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QAbstractButton) \
                and isinstance(event, QKeyEvent) and not event.isAutoRepeat() \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and watched.isEnabled() and watched.hasFocus():
            watched.animateClick()
            return True
        return False


def label(text: str, name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text, parent)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def button(text: str, parent: QWidget, *, name: str | None = None,
           description: str | None = None) -> QPushButton:
    widget = QPushButton(text, parent)
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
