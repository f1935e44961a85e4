"""Measuring a rendered session's pauses against its script (nobody here can listen).

The voice layer is rendered alone, exactly as the mixer would play it, and reduced
to a 10 ms peak envelope. Between two spoken steps the silence heard should be what
the script asks for (the hold and pause in between) plus only the short silent
edges every clip keeps; `measure_gaps` reports how much longer each gap really is.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from selfcare.audio.mixer import Mixer
from selfcare.core.timeline import EventKind

WINDOW_S = 0.010
SOUND_DBFS = -50.0  # a 10 ms window peaking above this is sound
BLOCK_FRAMES = 480_000


@dataclass(frozen=True)
class Gap:
    """The quiet between one spoken step and the next."""

    after_step: int
    before_step: int
    scripted_s: float  # hold + pause (+ silent steps) between the two clips' slots
    heard_s: float  # from the last sound of the first to the first sound of the second

    @property
    def extra_s(self) -> float:
        return self.heard_s - self.scripted_s


def peak_envelope(mixer: Mixer) -> np.ndarray:
    """Peak level of each 10 ms window of the voice layer, in dBFS (-inf for silence)."""
    window = round(WINDOW_S * mixer.rate)
    peaks: list[np.ndarray] = []
    for start in range(0, mixer.length, BLOCK_FRAMES):
        count = min(BLOCK_FRAMES, mixer.length - start)
        block = np.abs(mixer.render(start, count)[:, 0])
        usable = count - count % window
        if usable:
            peaks.append(block[:usable].reshape(-1, window).max(axis=1))
        if usable < count:
            peaks.append(np.array([block[usable:].max()]))
    level = np.concatenate(peaks) if peaks else np.zeros(0)
    with np.errstate(divide="ignore"):
        return 20.0 * np.log10(level)


def measure_gaps(mixer: Mixer) -> list[Gap]:
    """Each gap between spoken steps: scripted silence versus silence heard."""
    rate = mixer.rate
    window = round(WINDOW_S * rate)
    loud = peak_envelope(mixer) > SOUND_DBFS
    says = [e for e in mixer.timeline.events if e.kind is EventKind.SAY and not e.estimated]
    gaps = []
    for first, second in itertools.pairwise(says):
        end = _last_sound(loud, first.frame // window, math.ceil(first.end / window))
        begin = _first_sound(loud, second.frame // window, math.ceil(second.end / window))
        if end is None or begin is None:
            continue
        gaps.append(Gap(first.step or 0, second.step or 0, (second.frame - first.end) / rate,
                        (begin - end) * WINDOW_S))
    return gaps


def _first_sound(loud: np.ndarray, start: int, stop: int) -> int | None:
    found = np.flatnonzero(loud[start:stop])
    return None if found.size == 0 else start + int(found[0])


def _last_sound(loud: np.ndarray, start: int, stop: int) -> int | None:
    found = np.flatnonzero(loud[start:stop])
    return None if found.size == 0 else start + int(found[-1]) + 1
