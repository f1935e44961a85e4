"""The look: a calm, warm, high-contrast palette and large type for tired eyes.

Colours were chosen for contrast first (body text on the page background is
above 12:1; the accent on white above 5:1, WCAG AA for normal text) and calm
second: warm paper, deep slate ink, a muted teal accent, no alarming reds.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

PAGE = "#F5F2EC"
CARD = "#FFFFFF"
INK = "#1E2933"
MUTED = "#4A5663"
LINE = "#D9D3C7"
ACCENT = "#2C6A6E"
ACCENT_DARK = "#1F4F52"
ACCENT_SOFT = "#DCEBEA"
NOTICE = "#FFF4D6"
NOTICE_LINE = "#C9A43A"
FOCUS_RING = "#B5651D"

BASE_POINT_SIZE = 13

STYLESHEET = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QStackedWidget, QWidget#page {{ background: {PAGE}; }}
QLabel#appName {{ font-size: 15pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#pageTitle {{ font-size: 22pt; font-weight: 600; }}
QLabel#pageIntro, QLabel#muted {{ color: {MUTED}; font-size: 13pt; }}
QLabel#cardTitle {{ font-size: 15pt; font-weight: 600; }}
QLabel#kindBadge {{
    color: {ACCENT_DARK}; background: {ACCENT_SOFT}; border-radius: 10px;
    padding: 3px 10px; font-size: 11pt; font-weight: 600;
}}
QLabel#caption {{ font-size: 20pt; line-height: 140%; }}
QLabel#focusName {{ font-size: 16pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#countdown {{ font-size: 40pt; font-weight: 300; color: {ACCENT_DARK}; }}
QLabel#bigResult {{ font-size: 30pt; font-weight: 600; }}
QLabel#question {{ font-size: 20pt; font-weight: 600; }}
QLabel#anchor {{ color: {MUTED}; font-size: 12pt; }}
QLabel#where {{ font-size: 13pt; }}
QLabel#evidence {{ color: {MUTED}; font-size: 11pt; font-style: italic; }}
QLabel#detailHeading {{ font-size: 12pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#detail {{ font-size: 12pt; }}
QLabel#citation {{ color: {MUTED}; font-size: 10pt; }}
QLabel#diagramCaption {{ color: {MUTED}; font-size: 11pt; }}
QLabel#notice {{
    background: {NOTICE}; border: 1px solid {NOTICE_LINE}; border-radius: 8px;
    padding: 10px 14px; font-size: 12pt;
}}
QFrame#card {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 14px; }}
QFrame#doNow {{ background: {ACCENT_SOFT}; border-radius: 14px; }}
QPushButton {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 10px;
    padding: 10px 18px; font-size: 13pt; min-height: 28px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 3px solid {FOCUS_RING}; }}
QPushButton:disabled {{ color: #8A929A; background: #EEEAE3; }}
QPushButton#primary {{
    background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: 600;
}}
QPushButton#primary:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:focus {{ border: 3px solid {FOCUS_RING}; }}
QPushButton#primary:disabled {{ background: #9DB7B8; color: #F4F7F7; }}
QPushButton#link {{ background: transparent; border: none; color: {ACCENT_DARK};
    text-decoration: underline; }}
QPushButton#link:focus {{ border: 3px solid {FOCUS_RING}; }}
QPushButton#nav {{ background: transparent; border: 1px solid transparent; }}
QPushButton#nav:checked {{ background: {ACCENT_SOFT}; border-color: {ACCENT}; }}
QPushButton#filter {{ border-radius: 18px; padding: 6px 16px; font-size: 12pt; }}
QPushButton#filter:checked {{ background: {ACCENT}; color: white; border-color: {ACCENT_DARK}; }}
QPushButton#filter:focus {{ border: 3px solid {FOCUS_RING}; }}
QPushButton#scaleButton {{
    font-size: 18pt; font-weight: 600; min-width: 52px; min-height: 52px; padding: 4px;
    border-radius: 12px;
}}
QPushButton#scaleButton:checked {{
    background: {ACCENT}; color: white; border: 2px solid {ACCENT_DARK};
}}
QProgressBar {{
    background: {LINE}; border: none; border-radius: 5px; height: 10px; text-align: center;
}}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 5px; }}
QSlider::groove:horizontal {{ height: 8px; background: {LINE}; border-radius: 4px; }}
QSlider::sub-page:horizontal {{ background: {ACCENT}; border-radius: 4px; }}
QSlider::handle:horizontal {{
    background: white; border: 2px solid {ACCENT}; width: 22px; margin: -9px 0;
    border-radius: 11px;
}}
QSlider {{ border: 2px solid transparent; border-radius: 8px; padding: 0 4px; }}
QSlider:focus {{ border: 2px solid {FOCUS_RING}; }}
QTableWidget {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 10px;
    gridline-color: {LINE}; font-size: 12pt; }}
QTableWidget::item {{ padding: 6px 10px; }}
QHeaderView::section {{ background: {PAGE}; border: none; border-bottom: 1px solid {LINE};
    padding: 8px; font-weight: 600; }}
QScrollArea {{ border: none; background: transparent; }}
"""


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
