"""A session's sound: the mixer for its timeline playing through an output stream.

Implements the core's `SessionAudio` port, so the session logic never knows
whether it is heard through a device or timed silently.
"""

from __future__ import annotations

import logging
from pathlib import Path

from selfcare import paths
from selfcare.audio.ambience import LoopStream
from selfcare.audio.decode import AudioFileError, Frames, fade_edges, fit_length, read_mono
from selfcare.audio.mixer import Gains, Mixer
from selfcare.audio.output import OutputStream
from selfcare.core.scripts import SessionScript
from selfcare.core.timeline import EventKind, Timeline

log = logging.getLogger(__name__)


class TimelineAudio:
    """Start, pause, seek and stop one session's stream; the stream is the clock."""

    def __init__(self, mixer: Mixer, stream: OutputStream,
                 problems: list[str] | None = None) -> None:
        self.mixer = mixer
        self._stream = stream
        self.problems = problems or []  # sounds that could not be used, for the notice
        self._paused = False

    @property
    def silent_reason(self) -> str | None:
        return self._stream.silent_reason

    def start(self) -> None:
        self._paused = False
        self._stream.play(self.mixer.render, 0, self.mixer.length)

    def pause(self) -> None:
        self._paused = True
        self._stream.pause()

    def resume(self) -> None:
        self._paused = False
        self._stream.resume()

    def seek(self, frame: int) -> None:
        """Jump to a frame; a paused session stays paused there."""
        self._stream.play(self.mixer.render, max(0, min(frame, self.mixer.length)),
                          self.mixer.length)
        if self._paused:
            self._stream.pause()

    def stop(self) -> None:
        self._stream.stop()

    def position(self) -> int:
        return min(self._stream.position(), self.mixer.length)

    def finished(self) -> bool:
        return self._stream.finished()

    def set_gains(self, voice: float, background: float) -> None:
        self.mixer.gains = Gains(voice=voice, background=background)

    def close(self) -> None:
        ambience = self.mixer.ambience
        if ambience is not None:
            ambience.close()


def build_mixer(script: SessionScript, timeline: Timeline,
                gains: Gains | None = None) -> tuple[Mixer, list[str]]:
    """The mixer for a timeline, with every sound it can load; problems are listed."""
    problems: list[str] = []
    rate = timeline.rate
    cues: dict[str, Frames] = {}
    for name in {e.cue for e in timeline.events if e.kind is EventKind.CUE and e.cue}:
        try:
            cues[name] = read_mono(paths.cue_path(name), rate)
        except (AudioFileError, ValueError) as exc:
            problems.append(str(exc))
    ambience = None
    if script.ambience:
        try:
            ambience = LoopStream(paths.ambience_path(script.ambience), rate)
        except (AudioFileError, ValueError) as exc:
            problems.append(str(exc))
    for problem in problems:
        log.warning("sound left out: %s", problem)

    def load_clip(number: int, frames: int) -> Frames:
        path: Path = paths.narration_clip(timeline.lang, script.id, number)
        spoken = read_mono(path, rate)[:frames]  # the timeline's length is the clip's own
        return fit_length(fade_edges(spoken, rate), frames)

    return Mixer(timeline, load_clip, cues, ambience, gains), problems
