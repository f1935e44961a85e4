"""Render any span of a timeline into stereo frames: voice, cues and ambience.

This is what makes timing exact: the stream is produced from the timeline frame
by frame, so a cue scripted at frame n is at frame n of the output, whatever a
timer or the GUI was doing. The same function feeds the device and `render`.

Layers: narration clips (decoded when first needed, released when passed), cue
sounds (small, kept), and the ambient bed (streamed), which fades in at the
start, fades out at the end and ducks under the voice. Per-layer gains apply to
spans rendered after they change.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from selfcare.audio.ambience import LoopStream
from selfcare.audio.decode import AudioFileError, Frames
from selfcare.core.timeline import Event, EventKind, Timeline

log = logging.getLogger(__name__)

AMBIENCE_FADE_IN_S = 4.0
AMBIENCE_FADE_OUT_S = 6.0
DUCK_GAIN = 0.45  # about -7 dB under speech
DUCK_ATTACK_S = 0.4  # starts before the words, so the voice enters a quieter bed
DUCK_RELEASE_S = 0.9
CUE_GAIN = 0.6
LIMIT_KNEE = 0.89  # about -1 dBFS; above it, peaks are rounded off rather than clipped
CLIP_CACHE = 2  # the clip being spoken and the next: clips never overlap

ClipLoader = Callable[[int, int], Frames]  # (step number, frames) -> mono clip


@dataclass
class Gains:
    """Linear gains a person sets: voice (with its chimes) and background."""

    voice: float = 1.0
    background: float = 1.0


class Mixer:
    """Renders frames of one session's stream; safe to call from one feeder thread."""

    def __init__(
        self,
        timeline: Timeline,
        load_clip: ClipLoader | None,
        cues: dict[str, Frames],
        ambience: LoopStream | None,
        gains: Gains | None = None,
    ) -> None:
        self.timeline = timeline
        self.rate = timeline.rate
        self.gains = gains or Gains()
        self._load_clip = load_clip
        self._cues = cues
        self.ambience = ambience
        self._says = [e for e in timeline.events if e.kind is EventKind.SAY and not e.estimated]
        self._cue_events = [e for e in timeline.events if e.kind is EventKind.CUE]
        self._clips: OrderedDict[int, Frames] = OrderedDict()
        self._failed_clips: set[int] = set()
        self._lock = threading.Lock()

    @property
    def length(self) -> int:
        return self.timeline.total_frames

    def render(self, start: int, count: int) -> Frames:
        """Stereo float32 frames [start, start + count) of the session's stream."""
        with self._lock:
            voice = np.zeros(count, dtype=np.float32)
            self._add_voice(voice, start)
            self._add_cues(voice, start)
            out = np.repeat((voice * self.gains.voice)[:, None], 2, axis=1)
            if self.ambience is not None and self.gains.background > 0:
                bed = self.ambience.read(start, count)
                envelope = self._bed_envelope(start, count) * self.gains.background
                out += bed * envelope[:, None]
            return soft_limit(out)

    def _add_voice(self, voice: Frames, start: int) -> None:
        stop = start + voice.shape[0]
        for event in self._says:
            if event.frame < stop and event.end > start:
                clip = self._clip(event)
                if clip is not None:
                    _add_span(voice, start, clip, event.frame)

    def _add_cues(self, voice: Frames, start: int) -> None:
        stop = start + voice.shape[0]
        for event in self._cue_events:
            sound = self._cues.get(event.cue or "")
            if sound is not None and event.frame < stop and event.frame + len(sound) > start:
                _add_span(voice, start, sound * CUE_GAIN, event.frame)

    def _clip(self, event: Event) -> Frames | None:
        number = event.step or 0
        if number in self._clips:
            self._clips.move_to_end(number)
            return self._clips[number]
        if self._load_clip is None or number in self._failed_clips:
            return None
        try:
            clip = self._load_clip(number, event.frames)
        except AudioFileError as exc:
            log.warning("narration for step %s is silent: %s", number, exc)
            self._failed_clips.add(number)
            return None
        self._clips[number] = clip
        while len(self._clips) > CLIP_CACHE:
            self._clips.popitem(last=False)
        return clip

    def _bed_envelope(self, start: int, count: int) -> Frames:
        frames = np.arange(start, start + count, dtype=np.float64)
        fade_in = np.clip(frames / (AMBIENCE_FADE_IN_S * self.rate), 0.0, 1.0)
        fade_out = np.clip((self.length - frames) / (AMBIENCE_FADE_OUT_S * self.rate), 0.0, 1.0)
        duck = np.zeros(count, dtype=np.float64)
        attack, release = DUCK_ATTACK_S * self.rate, DUCK_RELEASE_S * self.rate
        for event in self._says:
            if event.frame - attack < start + count and event.end + release > start:
                rise = np.clip((frames - (event.frame - attack)) / attack, 0.0, 1.0)
                fall = np.clip((event.end + release - frames) / release, 0.0, 1.0)
                np.maximum(duck, np.minimum(rise, fall), out=duck)
        gain = 1.0 - (1.0 - DUCK_GAIN) * duck
        return (fade_in * fade_out * gain).astype(np.float32)


def _add_span(target: Frames, target_start: int, source: Frames, source_start: int) -> None:
    """Add `source` (placed at timeline frame `source_start`) into `target`."""
    begin = max(target_start, source_start)
    end = min(target_start + target.shape[0], source_start + source.shape[0])
    if begin < end:
        target[begin - target_start:end - target_start] += source[begin - source_start:
                                                                  end - source_start]


def soft_limit(frames: Frames) -> Frames:
    """Round off the rare peak above the knee instead of clipping it harshly."""
    magnitude = np.abs(frames)
    over = magnitude > LIMIT_KNEE
    if np.any(over):
        room = 1.0 - LIMIT_KNEE
        limited = LIMIT_KNEE + room * np.tanh((magnitude[over] - LIMIT_KNEE) / room)
        frames[over] = np.sign(frames[over]) * limited
    return frames


def to_int16(frames: Frames) -> np.ndarray:
    return np.round(np.clip(frames, -1.0, 1.0) * 32767.0).astype(np.int16)
