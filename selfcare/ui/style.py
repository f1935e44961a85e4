"""The look: a calm, warm, high-contrast palette and large type for tired eyes.

Colours were chosen for contrast first (body text on the page background is
above 12:1; the accent on white above 5:1, WCAG AA for normal text) and calm
second: warm paper, deep slate ink, a muted teal accent, no alarming reds.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Theme:
    """The colours of one look; every colour the stylesheet or a widget paints is here."""

    page: str
    card: str
    ink: str
    muted: str
    line: str
    accent: str
    accent_dark: str
    accent_soft: str
    on_accent: str
    notice: str
    notice_line: str
    focus_ring: str
    disabled: str
    disabled_ink: str
    primary_disabled: str
    primary_disabled_ink: str
    panel_line: str
    border_width: int = 1


STANDARD = Theme(
    page="#F5F2EC", card="#FFFFFF", ink="#1E2933", muted="#4A5663", line="#D9D3C7",
    accent="#2C6A6E", accent_dark="#1F4F52", accent_soft="#DCEBEA", on_accent="#FFFFFF",
    notice="#FFF4D6", notice_line="#C9A43A", focus_ring="#B5651D", disabled="#EEEAE3",
    disabled_ink="#5F6870", primary_disabled="#9DB7B8", primary_disabled_ink="#1E2933",
    panel_line="#DCEBEA",
)
# High contrast: white and yellow on black (21:1 and 19:1), every edge drawn, no tints
# that carry meaning on their own; the focus ring is a cyan no other element uses.
HIGH_CONTRAST = Theme(
    page="#000000", card="#000000", ink="#FFFFFF", muted="#FFFFFF", line="#FFFFFF",
    accent="#FFE14D", accent_dark="#FFE14D", accent_soft="#1A1A1A", on_accent="#000000",
    notice="#000000", notice_line="#FFE14D", focus_ring="#3FE0FF", disabled="#000000",
    disabled_ink="#BFBFBF", primary_disabled="#3A3A3A", primary_disabled_ink="#FFFFFF",
    panel_line="#FFFFFF",
    border_width=2,
)

# Kept for code that draws with the standard palette outside the app (diagram previews).
PAGE = STANDARD.page
ACCENT_SOFT = STANDARD.accent_soft
BASE_POINT_SIZE = 13
_current = STANDARD
_current_scale = 1.0


def current_theme() -> Theme:
    """The theme in force, for widgets that paint themselves (the breathing circle)."""
    return _current


def current_text_scale() -> float:
    """The text scale in force (1 to 2), for widgets that size what they paint (the chart)."""
    return _current_scale


def stylesheet(t: Theme = STANDARD, scale: float = 1.0) -> str:
    """The whole stylesheet, every font size multiplied by `scale` (1 to 2)."""

    b = t.border_width

    def pt(size: int) -> str:
        return f"{size * scale:.1f}".rstrip("0").rstrip(".")

    return f"""
QWidget {{ color: {t.ink}; }}
QMainWindow, QStackedWidget, QWidget#page {{ background: {t.page}; }}
QLabel#appName {{ font-size: {pt(15)}pt; font-weight: 600; color: {t.accent_dark}; }}
QLabel#pageTitle {{ font-size: {pt(22)}pt; font-weight: 600; }}
QLabel#pageIntro, QLabel#muted {{ color: {t.muted}; font-size: {pt(13)}pt; }}
QLabel#cardTitle {{ font-size: {pt(15)}pt; font-weight: 600; }}
QLabel#groupHeading {{ font-size: {pt(13)}pt; font-weight: 600; }}
QLabel#kindBadge {{
    color: {t.accent_dark}; background: {t.accent_soft}; border-radius: 10px;
    padding: 3px 10px; font-size: {pt(11)}pt; font-weight: 600;
}}
QLabel#caption {{ font-size: {pt(20)}pt; line-height: 140%; }}
QLabel#focusName {{ font-size: {pt(16)}pt; font-weight: 600; color: {t.accent_dark}; }}
QLabel#countdown {{ font-size: {pt(40)}pt; font-weight: 300; color: {t.accent_dark}; }}
QLabel#bigResult {{ font-size: {pt(30)}pt; font-weight: 600; }}
QLabel#question {{ font-size: {pt(20)}pt; font-weight: 600; }}
QLabel#anchor {{ color: {t.muted}; font-size: {pt(12)}pt; }}
QLabel#where {{ font-size: {pt(13)}pt; }}
QLabel#evidence {{ color: {t.muted}; font-size: {pt(11)}pt; font-style: italic; }}
QLabel#detailHeading {{ font-size: {pt(12)}pt; font-weight: 600; color: {t.accent_dark}; }}
QLabel#detail {{ font-size: {pt(12)}pt; }}
QLabel#citation {{ color: {t.muted}; font-size: {pt(10)}pt; }}
QLabel#diagramCaption {{ color: {t.muted}; font-size: {pt(11)}pt; }}
QLabel#notice {{
    background: {t.notice}; border: {b}px solid {t.notice_line}; border-radius: 8px;
    padding: 10px 14px; font-size: {pt(12)}pt;
}}
QFrame#card {{ background: {t.card}; border: {b}px solid {t.line}; border-radius: 14px; }}
QFrame#doNow {{ background: {t.accent_soft}; border: {b}px solid {t.panel_line};
    border-radius: 14px; }}
QPushButton {{
    background: {t.card}; border: {b}px solid {t.line}; border-radius: 10px;
    padding: 10px 18px; font-size: {pt(13)}pt; min-height: 28px;
}}
QPushButton:hover {{ border-color: {t.accent}; }}
QPushButton:focus {{ border: 3px solid {t.focus_ring}; }}
QPushButton:disabled {{ color: {t.disabled_ink}; background: {t.disabled}; }}
QPushButton#primary {{
    background: {t.accent}; color: {t.on_accent}; border: {b}px solid
    {t.accent_dark}; font-weight: 600;
}}
QPushButton#primary:hover {{ background: {t.accent_dark}; }}
QPushButton#primary:focus {{ border: 3px solid {t.focus_ring}; }}
QPushButton#primary:disabled {{ background: {t.primary_disabled};
    color: {t.primary_disabled_ink}; }}
QPushButton#link {{ background: transparent; border: none; color: {t.accent_dark};
    text-decoration: underline; }}
QPushButton#link:focus {{ border: 3px solid {t.focus_ring}; }}
QPushButton#nav {{ background: transparent; border: {b}px solid transparent; }}
QPushButton#nav:checked {{ background: {t.accent_soft}; border-color: {t.accent}; }}
QPushButton#filter {{ border-radius: 18px; padding: 8px 16px; font-size: {pt(12)}pt; }}
QPushButton#filter:checked {{ background: {t.accent}; color: {t.on_accent};
    border-color: {t.accent_dark}; }}
QPushButton#filter:focus {{ border: 3px solid {t.focus_ring}; }}
QPushButton#answerChoice {{ border-radius: 12px; padding: 10px 22px; font-size: {pt(16)}pt;
    font-weight: 600; }}
QPushButton#answerChoice:checked {{ background: {t.accent}; color: {t.on_accent};
    border: 2px solid {t.accent_dark}; }}
QPushButton#answerChoice:focus {{ border: 3px solid {t.focus_ring}; }}
QPushButton#scaleButton {{
    font-size: {pt(18)}pt; font-weight: 600; min-width: 52px; min-height: 52px; padding: 4px;
    border-radius: 12px;
}}
QPushButton#scaleButton:checked {{
    background: {t.accent}; color: {t.on_accent}; border: 2px solid {t.accent_dark};
}}
QProgressBar {{
    background: {t.line}; border: none; border-radius: 5px; height: 10px; text-align: center;
}}
QProgressBar::chunk {{ background: {t.accent}; border-radius: 5px; }}
QSlider::groove:horizontal {{ height: 8px; background: {t.line}; border-radius: 4px; }}
QSlider::sub-page:horizontal {{ background: {t.accent}; border-radius: 4px; }}
QSlider::handle:horizontal {{
    background: {t.card}; border: 2px solid {t.accent}; width: 22px; margin: -9px 0;
    border-radius: 11px;
}}
QSlider {{ border: 2px solid transparent; border-radius: 8px; padding: 0 4px; }}
QSlider:focus {{ border: 2px solid {t.focus_ring}; }}
QTableView {{ background: {t.card}; border: {b}px solid {t.line}; border-radius: 10px;
    gridline-color: {t.line}; font-size: {pt(12)}pt; alternate-background-color: {t.page}; }}
QTableView::item {{ padding: 6px 10px; }}
QHeaderView::section {{ background: {t.page}; border: none; border-bottom: 1px solid {t.line};
    padding: 8px; font-weight: 600; }}
QWidget#ratingScale {{ border: 3px solid transparent; border-radius: 14px; }}
QWidget#ratingScale:focus {{ border: 3px solid {t.focus_ring}; }}
QCheckBox, QRadioButton {{ font-size: {pt(13)}pt; spacing: 12px; min-height: 44px;
    padding: 0 6px; border: 3px solid transparent; border-radius: 8px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 3px solid {t.focus_ring}; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 22px; height: 22px;
    border: {max(2, b)}px solid {t.ink}; border-radius: 5px; background: {t.card}; }}
QCheckBox::indicator:checked {{ background: {t.accent}; border-color: {t.accent_dark};
    image: url({check_mark(t)}); }}
QPlainTextEdit {{ background: {t.card}; color: {t.ink}; border: {b}px solid {t.line};
    border-radius: 8px; padding: 6px; font-size: {pt(14)}pt;
    selection-background-color: {t.accent}; selection-color: {t.on_accent}; }}
QPlainTextEdit:focus {{ border: 3px solid {t.focus_ring}; }}
QTableView:focus {{ border: 3px solid {t.focus_ring}; }}
QTextBrowser#transcript {{ background: {t.card}; border: {b}px solid {t.line};
    border-radius: 10px; font-size: {pt(14)}pt; padding: 8px; }}
QTextBrowser#transcript:focus {{ border: 3px solid {t.focus_ring}; }}
QScrollArea {{ border: none; background: transparent; }}
"""


def apply_style(app: QApplication, theme: Theme = STANDARD, scale: float = 1.0) -> None:
    global _current, _current_scale
    _current = theme
    _current_scale = scale
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    app.setFont(font)
    app.setPalette(palette(theme))  # what the style sheet leaves to the palette
    app.setStyleSheet(stylesheet(theme, scale))


def check_mark(theme: Theme) -> str:
    """The check mark drawn in a ticked box, in the colour that reads on the accent."""
    from selfcare.paths import assets_dir

    return (assets_dir() / "ui" / f"check-{theme.on_accent.lstrip('#').upper()}.svg").as_posix()


def palette(theme: Theme) -> QPalette:
    """The theme's colours for what Qt draws from the palette (text boxes, selections)."""
    colours = QPalette(QApplication.style().standardPalette())
    for role, colour in ((QPalette.ColorRole.Base, theme.card),
                         (QPalette.ColorRole.Text, theme.ink),
                         (QPalette.ColorRole.Highlight, theme.accent),
                         (QPalette.ColorRole.HighlightedText, theme.on_accent)):
        colours.setColor(role, QColor(colour))
    return colours
