"""What the screen should show at a given frame of the stream: a pure function.

The UI asks the audio side where the stream is, then asks this module what that
means (which step, which words, how long the hold has left) and only paints it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from selfcare.core.focus import BREATH_IN, BREATH_OUT
from selfcare.core.timeline import Event, EventKind, Timeline


class Phase(StrEnum):
    SAY = "say"
    HOLD = "hold"
    PAUSE = "pause"
    CUE = "cue"  # a step with nothing but a cue: an instant
    DONE = "done"


@dataclass(frozen=True, slots=True)
class PlayerView:
    step: int  # 1-based
    step_count: int
    phase: Phase
    caption: str | None  # the words of the current step, shown while they are spoken and after
    focus: str | None
    hold_remaining: float | None  # seconds left in the hold, while holding
    hold_total: float | None
    elapsed: float
    total: float
    speaking: bool  # the caption is being spoken right now
    breath: float | None = None
    """Size of the breathing pacer, 0 (empty) to 1 (full), on breath-in and breath-out steps."""

    @property
    def progress(self) -> float:
        return 0.0 if self.total <= 0 else min(1.0, self.elapsed / self.total)

    @property
    def remaining(self) -> float:
        return max(0.0, self.total - self.elapsed)


def view_at(timeline: Timeline, frame: int) -> PlayerView:
    """The state of the session `frame` samples into the stream."""
    steps = timeline.steps
    rate = timeline.rate
    frame = max(0, frame)
    total = timeline.total_frames / rate
    if frame >= timeline.total_frames:
        last = steps[-1]
        return PlayerView(len(steps), len(steps), Phase.DONE, _caption(timeline, last.step),
                          last.focus, None, None, total, total, False)
    index = timeline.step_index_at(frame)
    step = steps[index]
    events = [e for e in timeline.events if e.step == step.step and e.kind is not EventKind.STEP]
    current = _current(events, frame)
    phase = Phase(current.kind.value) if current else Phase.CUE
    hold_remaining = hold_total = None
    if current is not None and current.kind is EventKind.HOLD:
        hold_remaining = (current.end - frame) / rate
        hold_total = current.frames / rate
    return PlayerView(
        step=step.step or index + 1,
        step_count=len(steps),
        phase=phase,
        caption=_caption(timeline, step.step),
        focus=step.focus,
        hold_remaining=hold_remaining,
        hold_total=hold_total,
        elapsed=frame / rate,
        total=total,
        speaking=current is not None and current.kind is EventKind.SAY,
        breath=breath_size(step, frame),
    )


def breath_size(step: Event, frame: int) -> float | None:
    """How full the pacer is: it fills through a breath-in step and empties through a
    breath-out step, eased so it starts and ends gently, as a breath does."""
    if step.focus not in (BREATH_IN, BREATH_OUT) or step.frames <= 0:
        return None
    through = min(1.0, max(0.0, (frame - step.frame) / step.frames))
    eased = (1.0 - math.cos(math.pi * through)) / 2.0
    return eased if step.focus == BREATH_IN else 1.0 - eased


def _current(events: list[Event], frame: int) -> Event | None:
    timed = [e for e in events if e.kind in (EventKind.SAY, EventKind.HOLD, EventKind.PAUSE)]
    for event in timed:
        if event.frame <= frame < event.end:
            return event
    return None


def _caption(timeline: Timeline, step: int | None) -> str | None:
    for event in timeline.events:
        if event.step == step and event.kind is EventKind.SAY:
            return event.text
    return None
