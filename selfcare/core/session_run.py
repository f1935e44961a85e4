"""One session from the first rating to the last: the logic both GUI and CLI drive.

It commits the pre-rating before the first sound, follows the stream to record
the step reached, records completion or interruption, and takes the post-rating.
The GUI calls `poll()` from a timer and the terminal player from a loop; neither
holds any rule of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from selfcare.core.clock import Clock
from selfcare.core.player_view import PlayerView, view_at
from selfcare.core.ports import SessionAudio, SessionStart, SessionStore, StoreUnavailable
from selfcare.core.ratings import Change, Moment, change_between, check_rating
from selfcare.core.timeline import Timeline

if TYPE_CHECKING:
    from selfcare.core.scripts import SessionScript

log = logging.getLogger(__name__)

RESTART_STEP_WITHIN_S = 3.0  # "previous" restarts the step unless it only just began


class RunState(StrEnum):
    PLAYING = "playing"
    PAUSED = "paused"
    FINISHED = "finished"  # played to the end; waiting for the after-rating
    STOPPED = "stopped"  # ended early by the person or the system
    CLOSED = "closed"  # after-rating given or skipped


@dataclass(frozen=True, slots=True)
class Outcome:
    session_id: int
    completed: bool
    step_reached: int
    steps_total: int
    before: int | None
    after: int | None

    @property
    def change(self) -> Change | None:
        return change_between(self.before, self.after)


class SessionRun:
    """A running session. Create it with `SessionRun.begin`, which saves the pre-rating."""

    def __init__(
        self,
        script: SessionScript,
        timeline: Timeline,
        store: SessionStore,
        audio: SessionAudio,
        clock: Clock,
        session_id: int,
        pre_rating: int | None,
    ) -> None:
        self.script = script
        self.timeline = timeline
        self._store = store
        self._audio = audio
        self._clock = clock
        self.session_id = session_id
        self.pre_rating = pre_rating
        self.post_rating: int | None = None
        self.step_reached = 1
        self.completed = False
        self.state = RunState.PLAYING
        self.store_problem: StoreUnavailable | None = None  # set when a write failed

    @classmethod
    def begin(
        cls,
        script: SessionScript,
        timeline: Timeline,
        store: SessionStore,
        audio: SessionAudio,
        clock: Clock,
        pre_rating: int | None,
        pre_extras: Mapping[str, int | None] | None = None,
    ) -> SessionRun:
        """Commit the record with its pre-ratings, then start the sound."""
        start = SessionStart(
            script_id=script.id,
            title=script.title_in(timeline.lang),
            kind=script.kind,
            lang=timeline.lang,
            started_at=clock.now(),
            steps_total=len(script.steps),
            pre_rating=check_rating(pre_rating),
            audio="silent" if audio.silent_reason else "device",
            pre_extras=tuple((item, check_rating(value))
                             for item, value in (pre_extras or {}).items()),
        )
        session_id = store.begin_session(start)
        run = cls(script, timeline, store, audio, clock, session_id, start.pre_rating)
        audio.start()
        return run

    @property
    def active(self) -> bool:
        return self.state in (RunState.PLAYING, RunState.PAUSED)

    def poll(self) -> PlayerView:
        """Read the stream position, record progress, notice the end."""
        view = view_at(self.timeline, self._audio.position())
        if self.active and view.step > self.step_reached:
            self.step_reached = view.step
            self._write(self._store.record_progress, self.session_id, self.step_reached)
        if self.state is RunState.PLAYING and self._audio.finished():
            self.step_reached = len(self.script.steps)
            self._write(self._store.complete_session, self.session_id, self._clock.now(),
                        self.step_reached)
            self.completed = True
            self.state = RunState.FINISHED
        return view

    def pause(self) -> None:
        if self.state is RunState.PLAYING:
            self._audio.pause()
            self.state = RunState.PAUSED

    def resume(self) -> None:
        if self.state is RunState.PAUSED:
            self._audio.resume()
            self.state = RunState.PLAYING

    def toggle_pause(self) -> None:
        if self.state is RunState.PLAYING:
            self.pause()
        else:
            self.resume()

    def next_step(self) -> None:
        self._go_to(self.timeline.step_index_at(self._audio.position()) + 1)

    def previous_step(self) -> None:
        position = self._audio.position()
        index = self.timeline.step_index_at(position)
        into_step = (position - self.timeline.step_starts()[index]) / self.timeline.rate
        self._go_to(index if into_step > RESTART_STEP_WITHIN_S else index - 1)

    def _go_to(self, index: int) -> None:
        if not self.active:
            return
        starts = self.timeline.step_starts()
        if index >= len(starts):
            self._audio.seek(self.timeline.total_frames)
        else:
            self._audio.seek(starts[max(0, index)])

    def stop(self) -> None:
        """End early (the person, a logout, a closed window): recorded as interrupted."""
        if not self.active:
            return
        self._audio.stop()
        self.state = RunState.STOPPED
        self._write(self._store.interrupt_session, self.session_id, self._clock.now(),
                    self.step_reached)

    def give_post_rating(self, value: int | None) -> Outcome:
        """Save the after-rating (None = skipped) and close the run."""
        if self.active:
            self.stop()
        if self.state is not RunState.CLOSED:
            self.post_rating = check_rating(value)
            self._store.record_rating(self.session_id, Moment.POST, self.post_rating,
                                      self._clock.now())
            self.state = RunState.CLOSED
        return self.outcome()

    def _write(self, write: Callable[..., None], *args: object) -> None:
        """Progress writes must not end a session: the person keeps listening."""
        try:
            write(*args)
        except StoreUnavailable as exc:
            log.error("could not record session progress: %s", exc)
            self.store_problem = exc

    def outcome(self) -> Outcome:
        return Outcome(self.session_id, self.completed, self.step_reached,
                       len(self.script.steps), self.pre_rating, self.post_rating)
