"""Small building blocks shared by the pages: page frame, titles, cards, buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

PAGE_MARGIN = 36
MAX_TEXT_WIDTH = 900


def page_layout(page: QWidget) -> QVBoxLayout:
    page.setObjectName("page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(PAGE_MARGIN, 24, PAGE_MARGIN, PAGE_MARGIN)
    layout.setSpacing(16)
    return layout


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
