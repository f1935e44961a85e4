"""The session as it plays: the words being spoken, what to do now, and controls.

It paints a `PlayerView` the controller hands it and sends intents back; it does
not know about audio or storage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from selfcare.core.player_view import Phase, PlayerView
from selfcare.ui.names import focus_name, point_location, point_title
from selfcare.ui.pages.common import button, card, label, page_layout, scroll_area
from selfcare.ui.widgets.breath_pacer import BreathPacer
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.focus_diagram import FocusDiagram

if TYPE_CHECKING:
    from selfcare.ui.widgets.transcript import TranscriptDialog


def clock_text(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def countdown_text(seconds: float) -> str:
    """Whole seconds still to go, counted as a person counts: 3, 2, 1 (never 0)."""
    left = int(seconds) + 1 if seconds > 0 else 0
    return str(left) if left < 60 else clock_text(left)


class PlayerPage(QWidget):
    """Signals: pause_toggled, next_step, previous_step, stop_requested,
    volumes_changed(voice: float, background: float)."""

    pause_toggled = Signal()
    next_step = Signal()
    previous_step = Signal()
    stop_requested = Signal()
    volumes_changed = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._lang = "en"
        self._title = ""
        self._transcript: list[tuple[int, str]] = []
        self._step: int | None = None
        self._reduced_motion = False
        self._captions = True
        self.announcement = ""  # the last step change told to screen readers
        page = page_layout(self, scroll=False)
        # What is said and what to do scroll (large text can make them tall); the progress,
        # the buttons and the volumes stay in view below, always within reach.
        area, layout = scroll_area(self)
        layout.setSpacing(16)
        page.addWidget(area, 1)
        self.title = label("", "pageTitle", self)
        layout.addWidget(self.title)
        self.notice = label("", "notice", self)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.step_label = label("", "muted", self)
        layout.addWidget(self.step_label)

        words, words_layout = card(self)
        self.caption = label("", "caption", words)
        self.caption.setAccessibleName(self.tr("Words being spoken"))
        self.caption.setMinimumHeight(110)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        words_layout.addWidget(self.caption)
        self.words_card = words
        layout.addWidget(words, 1)

        self.do_now, card_layout = card(self, "doNow")
        columns = QHBoxLayout()
        columns.setSpacing(18)
        do_layout = QVBoxLayout()
        do_layout.setSpacing(8)
        columns.addLayout(do_layout, 1)
        self.diagram = FocusDiagram(self.do_now)
        self.pacer = BreathPacer(self.do_now)
        columns.addWidget(self.diagram)
        columns.addWidget(self.pacer)
        card_layout.addLayout(columns)
        self.do_heading = label(self.tr("What to do now"), "muted", self.do_now)
        do_layout.addWidget(self.do_heading)
        row = QHBoxLayout()
        self.focus_label = label("", "focusName", self.do_now)
        row.addWidget(self.focus_label, 1)
        self.countdown = label("", "countdown", self.do_now, wrap=False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.countdown.setAccessibleName(self.tr("Seconds left to hold"))
        row.addWidget(self.countdown)
        do_layout.addLayout(row)
        self.where_label = label("", "where", self.do_now)
        self.where_label.setAccessibleName(self.tr("Where to find the point"))
        do_layout.addWidget(self.where_label)
        self.phase_label = label("", "muted", self.do_now)
        do_layout.addWidget(self.phase_label)
        do_layout.addStretch(1)
        layout.addWidget(self.do_now)
        layout = page

        progress_row = QHBoxLayout()
        self.elapsed = label("0:00", "muted", self, wrap=False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Session progress"))
        self.remaining = label("", "muted", self, wrap=False)
        progress_row.addWidget(self.elapsed)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.remaining)
        layout.addLayout(progress_row)

        layout.addLayout(self._controls())
        layout.addLayout(self._volumes())
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.pause_toggled.emit)

    def _controls(self) -> FlowRow:
        row = FlowRow()
        self.previous_button = button(self.tr("Previous step"), self)
        self.pause_button = button(self.tr("Pause"), self, name="primary",
                                   description=self.tr("Pause or resume (Space)"))
        self.pause_button.setMinimumWidth(180)
        self.next_button = button(self.tr("Next step"), self)
        self.transcript_button = button(self.tr("Transcript"), self,
                                        description=self.tr("Read every step's words"))
        self.stop_button = button(self.tr("End session"), self,
                                  description=self.tr("End now and rate your pain"))
        self.previous_button.clicked.connect(self.previous_step.emit)
        self.pause_button.clicked.connect(self.pause_toggled.emit)
        self.next_button.clicked.connect(self.next_step.emit)
        self.transcript_button.clicked.connect(self.open_transcript)
        self.stop_button.clicked.connect(self.stop_requested.emit)
        for control in (self.previous_button, self.pause_button, self.next_button,
                        self.transcript_button):
            row.add(control)
        row.add_trailing(self.stop_button)
        return row

    def _volumes(self) -> QGridLayout:
        grid = QGridLayout()
        self.voice_volume = self._slider(self.tr("Voice volume"))
        self.background_volume = self._slider(self.tr("Background volume"))
        grid.addWidget(label(self.tr("Voice"), "muted", self, wrap=False), 0, 0)
        grid.addWidget(self.voice_volume, 0, 1)
        grid.addWidget(label(self.tr("Background"), "muted", self, wrap=False), 0, 2)
        grid.addWidget(self.background_volume, 0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(14)
        return grid

    def _slider(self, name: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setRange(0, 100)
        slider.setPageStep(10)
        slider.setMinimumHeight(44)
        slider.setAccessibleName(name)
        slider.valueChanged.connect(self._emit_volumes)
        return slider

    def set_volumes(self, voice: float, background: float) -> None:
        for slider, value in ((self.voice_volume, voice), (self.background_volume, background)):
            slider.blockSignals(True)
            slider.setValue(round(value * 100))
            slider.blockSignals(False)

    def _emit_volumes(self) -> None:
        self.volumes_changed.emit(self.voice_volume.value() / 100,
                                  self.background_volume.value() / 100)

    def set_display(self, *, reduced_motion: bool, captions: bool) -> None:
        """Less motion keeps the breathing circle still; captions off hides the words."""
        self._reduced_motion = reduced_motion
        self._captions = captions
        self.words_card.setVisible(captions)

    def begin(self, title: str, notice: str | None, kind: str = "", lang: str = "en",
              transcript: list[tuple[int, str]] | None = None) -> None:
        self._kind = kind
        self._lang = lang
        self._title = title
        self._transcript = transcript or []
        self._step = None
        self.transcript_button.setEnabled(bool(self._transcript))
        self.title.setText(title)
        self.show_notice(notice or "")
        self.caption.setText("")
        self.set_paused(False)
        self.pause_button.setFocus()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

    def transcript_dialog(self) -> TranscriptDialog:
        from selfcare.ui.widgets.transcript import TranscriptDialog

        return TranscriptDialog(self._title, self._transcript, self._step, self)

    def open_transcript(self) -> None:
        self.transcript_dialog().exec()

    def show_view(self, view: PlayerView) -> None:
        """Paint a view; only what changed is touched, so an idle second costs little."""
        self._set(self.step_label, self.tr("Step %1 of %2").replace("%1", str(view.step))
                  .replace("%2", str(view.step_count)))
        if view.step != self._step:
            self._step = view.step
            self._announce(view)
        breathing = view.breath is not None
        wordless = self.tr("Follow the circle: breathe in as it grows, and out as it gets "
                           "smaller.") if breathing else ""
        self._set(self.caption, view.caption or wordless)
        self._set(self.focus_label, self._focus_text(view))
        self._set(self.where_label, point_location(view.focus, self._lang))
        self._set(self.phase_label, self._phase_text(view) if view.focus and not breathing
                  else "")
        self.pacer.show_size(None if self._reduced_motion else view.breath)
        self.diagram.show_focus(None if breathing else view.focus, self._focus_text(view))
        left = view.hold_remaining
        self._set(self.countdown, "" if left is None else countdown_text(left))
        self.progress.setValue(round(view.progress * 1000))
        self._set(self.elapsed, clock_text(view.elapsed))
        self._set(self.remaining, "\u2212" + clock_text(view.remaining))

    def _announce(self, view: PlayerView) -> None:
        """Tell a screen reader that a new step began, and what it is about."""
        about = self._focus_text(view) if view.focus else (view.caption or "")
        self.announcement = self.tr("Step %1 of %2").replace("%1", str(view.step)).replace(
            "%2", str(view.step_count)) + (f": {about}" if about else "")
        self.step_label.setAccessibleName(self.announcement)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self.step_label, QAccessible.Event.Alert))

    @staticmethod
    def _set(widget: QLabel, text: str) -> None:
        if widget.text() != text:
            widget.setText(text)

    def _focus_text(self, view: PlayerView) -> str:
        if not view.focus:
            return self._phase_text(view)
        return point_title(view.focus, self._lang) or focus_name(view.focus)

    def _hold_text(self) -> str:
        if self._kind == "acupressure":
            return self.tr("Keep pressing in small, slow circles \u2014 firm, never painful")
        return self.tr("Hold gently \u2014 never to the point of pain")

    def _phase_text(self, view: PlayerView) -> str:
        return {
            Phase.SAY: self.tr("Listen"),
            Phase.HOLD: self._hold_text(),
            Phase.PAUSE: self.tr("Rest and breathe easily"),
            Phase.CUE: self.tr("Listen"),
            Phase.DONE: self.tr("The session has ended"),
        }[view.phase]
