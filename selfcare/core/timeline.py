"""Compile a script, for one language, into events at exact sample frames.

The stream is the clock: a cue scripted at 12.000 s lands at frame 12.000 x rate.
Steps run one after another; each lasts its narration clip + hold + pause, and a
cue is instant at the step's start. Where a clip is missing, the words are timed
from a calm reading speed and shown as captions only.

In acupressure sessions a soft tick marks the rhythm of the circles during every
hold: one slow circle every CIRCLE_SECONDS, the first at the hold's start. It is
a rule of the player rather than something each script spells out, so every
acupressure script, a clinic's own too, gets the same steady rhythm.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from selfcare.core.scripts import SessionScript, Step


SAMPLE_RATE = 48_000
READING_WORDS_PER_MINUTE = 120  # calm narration pace; used only when a clip is missing
READING_MARGIN_S = 0.6

RHYTHM_KINDS = frozenset({"acupressure"})
RHYTHM_CUE = "tick"
CIRCLE_SECONDS = 2.0  # one slow circle per tick: 30 a minute, as in the self-massage trials
LAST_TICK_BEFORE_END_S = 0.5  # no tick in the last half second of a hold


class EventKind(StrEnum):
    STEP = "step"
    CUE = "cue"
    SAY = "say"
    HOLD = "hold"
    PAUSE = "pause"
    END = "end"


@dataclass(frozen=True, slots=True)
class Event:
    frame: int
    kind: EventKind
    step: int | None = None  # 1-based step number
    frames: int = 0  # duration, for say / hold / pause / step
    text: str | None = None
    cue: str | None = None
    focus: str | None = None
    estimated: bool = False  # say timed from reading speed: no clip to play

    @property
    def end(self) -> int:
        return self.frame + self.frames

    def to_json(self, rate: int) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if v is not None and v is not False}
        data["kind"] = self.kind.value
        if not self.frames:
            del data["frames"]  # instants (cue, end) have no length
        return {"t": round(self.frame / rate, 6), **data}


@dataclass(frozen=True, slots=True)
class Timeline:
    script_id: str
    lang: str
    rate: int
    events: tuple[Event, ...]
    total_frames: int

    @property
    def steps(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.kind is EventKind.STEP)

    @property
    def duration(self) -> float:
        return self.total_frames / self.rate

    def step_starts(self) -> list[int]:
        return [e.frame for e in self.steps]

    def step_index_at(self, frame: int) -> int:
        """0-based index of the step playing at `frame` (the last step once past the end)."""
        starts = self.step_starts()
        return max(0, bisect.bisect_right(starts, frame) - 1)

    def events_between(self, start: int, stop: int) -> list[Event]:
        return [e for e in self.events if start <= e.frame < stop]

    def to_json(self) -> list[dict[str, Any]]:
        return [event.to_json(self.rate) for event in self.events]


def seconds_to_frames(seconds: float, rate: int = SAMPLE_RATE) -> int:
    return round(seconds * rate)


def reading_frames(words: str, rate: int = SAMPLE_RATE) -> int:
    """How long calm speech of `words` would take: the stand-in for a missing clip."""
    count = max(1, len(words.split()))
    return seconds_to_frames(count * 60 / READING_WORDS_PER_MINUTE + READING_MARGIN_S, rate)


def compile_timeline(
    script: SessionScript,
    lang: str,
    clip_frames: Sequence[int | None],
    rate: int = SAMPLE_RATE,
) -> Timeline:
    """Lay the steps end to end; `clip_frames[i]` is step i+1's clip length or None."""
    if lang not in script.languages:
        raise ValueError(f"script {script.id} has no language {lang!r}")
    if len(clip_frames) != len(script.steps):
        raise ValueError("one clip length (or None) is needed per step")
    events: list[Event] = []
    cursor = 0
    ticking = script.kind in RHYTHM_KINDS
    for step, clip in zip(script.steps, clip_frames, strict=True):
        step_events, length = _step_events(step.number, step, lang, clip, cursor, rate)
        if ticking:  # in time order, each tick after the hold it marks
            step_events = sorted([*step_events, *_rhythm_ticks(step_events, rate)],
                                 key=lambda event: event.frame)
        events.extend(step_events)
        cursor += length
    events.append(Event(cursor, EventKind.END))
    return Timeline(script.id, lang, rate, tuple(events), cursor)


def _step_events(
    number: int, step: Step, lang: str, clip: int | None, start: int, rate: int
) -> tuple[list[Event], int]:
    words = step.say.get(lang)
    say_frames = 0
    if words:
        say_frames = clip if clip is not None else reading_frames(words, rate)
    hold_frames = seconds_to_frames(step.hold, rate)
    pause_frames = seconds_to_frames(step.pause, rate)
    length = say_frames + hold_frames + pause_frames
    events = [Event(start, EventKind.STEP, number, length, focus=step.focus)]
    if step.cue:
        events.append(Event(start, EventKind.CUE, number, cue=step.cue))
    at = start
    if words:
        events.append(Event(at, EventKind.SAY, number, say_frames, text=words,
                            estimated=clip is None))
        at += say_frames
    if hold_frames:
        events.append(Event(at, EventKind.HOLD, number, hold_frames, focus=step.focus))
        at += hold_frames
    if pause_frames:
        events.append(Event(at, EventKind.PAUSE, number, pause_frames))
    return events, length


def _rhythm_ticks(step_events: Sequence[Event], rate: int) -> list[Event]:
    """Ticks every CIRCLE_SECONDS through a step's hold, if it has one."""
    ticks: list[Event] = []
    interval = seconds_to_frames(CIRCLE_SECONDS, rate)
    margin = seconds_to_frames(LAST_TICK_BEFORE_END_S, rate)
    for hold in (e for e in step_events if e.kind is EventKind.HOLD):
        ticks.extend(Event(at, EventKind.CUE, hold.step, cue=RHYTHM_CUE)
                     for at in range(hold.frame, hold.end - margin, interval))
    return ticks
