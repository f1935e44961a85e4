"""The thin Qt driver of a session: a timer that polls the core and emits what changed.

All rules live in `selfcare.core.session_run`; this class only turns them into
signals for the pages and turns button presses into calls.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from selfcare.audio.output import OutputStream
from selfcare.audio.session_audio import TimelineAudio
from selfcare.core.clock import Clock
from selfcare.core.ports import SessionStore, StoreUnavailable
from selfcare.core.scripts import SessionScript
from selfcare.core.session_run import Outcome, RunState, SessionRun
from selfcare.session_setup import build_audio, build_timeline
from selfcare.settings import Settings

log = logging.getLogger(__name__)

POLL_MS = 200  # the countdown changes once a second; captions at step changes
PACER_POLL_MS = 40  # while the breathing pacer moves: 25 frames a second look smooth


class SessionController(QObject):
    """Signals: view_changed(PlayerView), paused_changed(bool), finished()."""

    view_changed = Signal(object)
    paused_changed = Signal(bool)
    finished = Signal()
    store_failed = Signal(str)

    def __init__(self, store: SessionStore, output: OutputStream, clock: Clock,
                 settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._output = output
        self._clock = clock
        self._run: SessionRun | None = None
        self._audio: TimelineAudio | None = None
        self._store_problem_shown = False
        self.post_rating_problem: str | None = None
        self._settings = settings
        self.voice = settings.get("voice_volume")
        self.background = settings.get("background_volume")
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def run(self) -> SessionRun | None:
        return self._run

    @property
    def active(self) -> bool:
        return self._run is not None and self._run.active

    def start(self, script: SessionScript, lang: str, pre: int | None,
              extras: dict[str, int | None] | None = None) -> str | None:
        """Save the pre-ratings, start the sound; returns a notice for the person, if any."""
        timeline = build_timeline(script, lang)
        audio = build_audio(script, timeline, self._output)
        audio.set_gains(self.voice, self.background)
        self._audio = audio
        self._run = SessionRun.begin(script, timeline, self._store, audio, self._clock, pre,
                                     extras)
        self._store_problem_shown = False
        self._timer.start()
        self.poll()
        return audio.silent_reason

    def poll(self) -> None:
        if self._run is None:
            return
        view = self._run.poll()
        interval = PACER_POLL_MS if view.breath is not None else POLL_MS
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)
        self.view_changed.emit(view)
        if self._run.store_problem is not None and not self._store_problem_shown:
            self._store_problem_shown = True
            self.store_failed.emit(str(self._run.store_problem))
        if self._run.state is RunState.FINISHED:
            self._timer.stop()
            self.finished.emit()

    def toggle_pause(self) -> None:
        if self._run is not None and self._run.active:
            self._run.toggle_pause()
            self.paused_changed.emit(self._run.state is RunState.PAUSED)

    def next_step(self) -> None:
        if self._run is not None:
            self._run.next_step()
            self.poll()

    def previous_step(self) -> None:
        if self._run is not None:
            self._run.previous_step()
            self.poll()

    def set_volumes(self, voice: float, background: float) -> None:
        self.voice, self.background = voice, background
        self._settings.set("voice_volume", voice)
        self._settings.set("background_volume", background)
        if self._audio is not None:
            self._audio.set_gains(voice, background)

    def stop(self) -> None:
        """End early; the record says interrupted, at the step reached."""
        self._timer.stop()
        if self._run is not None:
            self._run.stop()

    def give_post_rating(self, value: int | None) -> Outcome | None:
        """Save the after-rating; None if there is no run, or if it could not be saved (the
        run stays, so the person can try again; `post_rating_problem` says why)."""
        self.post_rating_problem = None
        if self._run is None:
            return None
        try:
            outcome = self._run.give_post_rating(value)
        except StoreUnavailable as exc:
            log.error("after-rating not saved: %s", exc)
            self.post_rating_problem = str(exc)
            return None
        self._close_audio()
        self._run = None
        return outcome

    def _close_audio(self) -> None:
        if self._audio is not None:
            self._audio.close()
            self._audio = None
