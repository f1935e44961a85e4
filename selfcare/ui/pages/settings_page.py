"""Settings a person may need to use the app at all: language, text size, contrast,
motion and captions. Each change applies at once and is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfcare.ui.i18n import LANGUAGES
from selfcare.ui.pages.common import Button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


class SettingsPage(QWidget):
    """Signals: `changed(name, value)` for one setting, as stored in `selfcare.settings`."""

    changed = Signal(str, object)

    def __init__(self, language: str, text_scale: float, high_contrast: bool,
                 reduced_motion: bool, captions: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        layout.addWidget(label(self.tr("Settings"), "pageTitle", self))
        layout.addWidget(label(self.tr("Changes apply at once and are remembered on this "
                                       "computer."), "pageIntro", self))

        frame, inner = card(self)
        inner.addWidget(label(self.tr("Language"), "cardTitle", frame))
        inner.addWidget(label(self.tr("The words on screen and the spoken sessions."),
                              "muted", frame))
        self.language_buttons: dict[str, QPushButton] = {}
        languages = QButtonGroup(self)
        row = FlowRow()
        for code, name in LANGUAGES.items():
            choice = self._chip(name, frame)  # each language named in its own words
            choice.setAccessibleDescription(self.tr("Use this language"))
            choice.setChecked(code == language)
            choice.clicked.connect(lambda _on=False, picked=code: self._pick_language(picked))
            languages.addButton(choice)
            self.language_buttons[code] = choice
            row.add(choice)
        inner.addLayout(row)
        layout.addWidget(frame)

        frame, inner = card(self)
        inner.addWidget(label(self.tr("Text size"), "cardTitle", frame))
        self.scale_buttons: dict[float, QPushButton] = {}
        sizes = QButtonGroup(self)
        row = FlowRow()
        for scale in TEXT_SCALES:
            percent = self.tr("%1 %").replace("%1", str(round(scale * 100)))
            choice = self._chip(percent, frame)
            choice.setAccessibleName(self.tr("Text size %1").replace("%1", percent))
            choice.setChecked(abs(scale - text_scale) < 0.01)
            choice.clicked.connect(
                lambda _on=False, picked=scale: self.changed.emit("text_scale", picked))
            sizes.addButton(choice)
            self.scale_buttons[scale] = choice
            row.add(choice)
        inner.addLayout(row)
        layout.addWidget(frame)

        frame, inner = card(self)
        inner.addWidget(label(self.tr("Seeing and reading"), "cardTitle", frame))
        self.high_contrast = self._check(
            inner, frame, self.tr("High contrast"), high_contrast, "high_contrast",
            self.tr("Light text on black, with strong outlines"))
        self.reduced_motion = self._check(
            inner, frame, self.tr("Less motion"), reduced_motion, "reduced_motion",
            self.tr("The breathing circle stays still; the words say when to breathe"))
        self.captions = self._check(
            inner, frame, self.tr("Show the words being spoken"), captions, "captions",
            self.tr("Captions during sessions"))
        layout.addWidget(frame)
        layout.addStretch(1)

    def _pick_language(self, code: str) -> None:
        self.changed.emit("language", code)

    @staticmethod
    def _chip(text: str, parent: QWidget) -> QPushButton:
        chip = Button(text, parent)
        chip.setObjectName("filter")
        chip.setCheckable(True)
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        return chip

    def _check(self, layout: QVBoxLayout, parent: QWidget, text: str, on: bool, name: str,
               description: str) -> QCheckBox:
        box = QCheckBox(text, parent)
        box.setChecked(on)
        box.setAccessibleDescription(description)
        box.toggled.connect(lambda value: self.changed.emit(name, bool(value)))
        layout.addWidget(box)
        layout.addWidget(label(description, "muted", parent))
        return box

    def focus_first(self) -> None:
        checked = [b for b in self.language_buttons.values() if b.isChecked()]
        (checked or list(self.language_buttons.values()))[0].setFocus()
