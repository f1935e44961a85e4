"""Settings a person may need to use the app at all: language, text size, contrast,
motion and captions; and which questions come with each session. Each change applies
at once and is remembered."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfcare.settings import Value
from selfcare.ui.i18n import LANGUAGES
from selfcare.ui.pages.common import Button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


class SettingsPage(QWidget):
    """Signals: `changed(name, value)` for one setting, as stored in `selfcare.settings`;
    `open_plan_file`, `save_log_file` and `clinician_requested` from the care team card."""

    changed = Signal(str, object)
    open_plan_file = Signal()
    save_log_file = Signal()
    clinician_requested = Signal()

    def __init__(self, language: str, text_scale: float, high_contrast: bool,
                 reduced_motion: bool, captions: bool, parent: QWidget | None = None,
                 *, questions: dict[str, bool] | None = None,
                 start_at_login: bool = False) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        layout.addWidget(label(self.tr("Settings"), "pageTitle", self))
        layout.addWidget(label(self.tr("Changes apply at once and are remembered on this "
                                       "computer."), "pageIntro", self))

        frame, inner = card(self)
        inner.addWidget(label(self.tr("Language"), "cardTitle", frame))
        inner.addWidget(label(self.tr("The words on screen and the spoken sessions."),
                              "muted", frame))
        # each language named in its own words, so it is recognised whatever is shown now
        self.language_buttons = self._choices(
            inner, frame, "language", language,
            [(code, name, name) for code, name in LANGUAGES.items()],
            self.tr("Use this language"))
        layout.addWidget(frame)

        frame, inner = card(self)
        inner.addWidget(label(self.tr("Text size"), "cardTitle", frame))
        sizes: list[tuple[Value, str, str]] = []
        for scale in TEXT_SCALES:
            percent = self.tr("%1 %").replace("%1", str(round(scale * 100)))
            sizes.append((scale, percent, self.tr("Text size %1").replace("%1", percent)))
        closest = min(TEXT_SCALES, key=lambda scale: abs(scale - text_scale))
        self.scale_buttons = self._choices(inner, frame, "text_scale", closest, sizes,
                                           self.tr("Make all text this size"))
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
        self.question_boxes = self._questions_card(layout, questions or {})
        self._care_team_card(layout, start_at_login)
        layout.addStretch(1)

    def _care_team_card(self, layout: QVBoxLayout, start_at_login: bool) -> None:
        """Plans and logs travel by file between the care team and home; no cloud."""
        frame, inner = card(self)
        inner.addWidget(label(self.tr("Your care team"), "cardTitle", frame))
        inner.addWidget(label(self.tr(
            "Your care team may give you a plan file to open here, and ask for your log "
            "file, which holds your sessions and ratings since the plan began. Nothing is "
            "sent anywhere: you carry the files."), "muted", frame))
        row = FlowRow()
        self.open_plan_button = Button(self.tr("Open a plan file\u2026"), frame)
        self.open_plan_button.clicked.connect(self.open_plan_file)
        self.save_log_button = Button(self.tr("Save my log for the care team\u2026"), frame)
        self.save_log_button.clicked.connect(self.save_log_file)
        for widget in (self.open_plan_button, self.save_log_button):
            widget.setMinimumHeight(48)
            row.add(widget)
        inner.addLayout(row)
        self.care_message = label("", "notice", frame)
        self.care_message.hide()
        inner.addWidget(self.care_message)
        self.start_at_login = self._check(
            inner, frame, self.tr("Start Selfcare when I log in"), start_at_login,
            "start_at_login", self.tr("So that plan reminders can appear; off unless you "
                                      "turn it on"))
        self.clinician_button = Button(self.tr("Clinician mode\u2026"), frame)
        self.clinician_button.setObjectName("link")
        self.clinician_button.setAccessibleDescription(self.tr("For the clinical team; "
                                                               "needs the clinician PIN"))
        self.clinician_button.clicked.connect(self.clinician_requested)
        inner.addWidget(self.clinician_button)
        layout.addWidget(frame)

    def say(self, text: str) -> None:
        """The outcome of opening a plan or saving a log, in the care team card."""
        self.care_message.setText(text)
        self.care_message.setVisible(bool(text))

    def _questions_card(self, layout: QVBoxLayout, on: dict[str, bool]) -> dict[str, QCheckBox]:
        """Which questions come with a session; pain before and after is always asked."""
        frame, inner = card(self)
        inner.addWidget(label(self.tr("Questions with each session"), "cardTitle", frame))
        inner.addWidget(label(self.tr("Pain before and after is always asked, and any "
                                      "question can be skipped. Your care team may suggest "
                                      "which of these to use."), "muted", frame))
        boxes = {}
        for name, text, description in (
            ("ask_tension", self.tr("Muscle tension, before and after"),
             self.tr("How tense your muscles feel, 0 to 10")),
            ("ask_tiredness", self.tr("Tiredness, before and after (ESAS-r)"),
             self.tr("From the Edmonton Symptom Assessment System, revised")),
            ("ask_anxiety", self.tr("Anxiety, before and after (ESAS-r)"),
             self.tr("From the Edmonton Symptom Assessment System, revised")),
            ("ask_wellbeing", self.tr("Wellbeing, before and after (ESAS-r)"),
             self.tr("From the Edmonton Symptom Assessment System, revised")),
            ("ask_soreness", self.tr("After acupressure: any soreness or bruising"),
             self.tr("A safety question for your care team")),
            ("ask_weekly_check", self.tr("Once a week: three questions about the past week"),
             self.tr("Pain, and how it got in the way of enjoying life and daily activity")),
            ("ask_note", self.tr("A place for a note after each session"),
             self.tr("Optional; kept with your sessions and in the CSV file")),
        ):
            boxes[name] = self._check(inner, frame, text, on.get(name, False), name,
                                      description)
        layout.addWidget(frame)
        return boxes

    def _choices(self, layout: QVBoxLayout, parent: QWidget, name: str, current: Value,
                 options: Sequence[tuple[Value, str, str]], description: str,
                 ) -> dict[Any, QPushButton]:
        """One exclusive row of choices for a setting: (value, text, accessible name)."""
        group = QButtonGroup(self)
        row = FlowRow()
        buttons: dict[Any, QPushButton] = {}
        for value, text, spoken in options:
            chip = Button(text, parent)
            chip.setObjectName("filter")
            chip.setCheckable(True)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setAccessibleName(spoken)
            chip.setAccessibleDescription(description)
            chip.setChecked(value == current)
            chip.clicked.connect(
                lambda _on=False, picked=value: self.changed.emit(name, picked))
            group.addButton(chip)
            buttons[value] = chip
            row.add(chip)
        layout.addLayout(row)
        return buttons

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
