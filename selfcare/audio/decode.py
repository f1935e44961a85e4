"""Decoding sound files into float32 frames at the output rate, with clear errors.

A broken or unsupported file must name itself and the problem ("not a sound file
libsndfile can read") rather than surface as a traceback in a patient's session.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile
import soxr

Frames = npt.NDArray[np.float32]


class AudioFileError(Exception):
    """A sound file that cannot be used; the message names the file and why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def read_mono(path: Path, rate: int, length: int | None = None) -> Frames:
    """The whole file as mono float32 at `rate`, padded or trimmed to `length` frames."""
    try:
        data, source_rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError) as exc:
        raise AudioFileError(path, f"not a sound file that can be read ({exc})") from exc
    except OSError as exc:
        raise AudioFileError(path, f"cannot be opened ({exc.strerror or exc})") from exc
    if data.shape[0] == 0:
        raise AudioFileError(path, "contains no sound")
    mono = data.mean(axis=1, dtype=np.float32) if data.shape[1] > 1 else data[:, 0]
    if source_rate != rate:
        mono = soxr.resample(mono, source_rate, rate).astype(np.float32, copy=False)
    if length is not None:
        mono = fit_length(mono, length)
    return np.ascontiguousarray(mono, dtype=np.float32)


EDGE_FADE_S = 0.005


def fade_edges(samples: Frames, rate: int, seconds: float = EDGE_FADE_S) -> Frames:
    """A copy that rises from and falls to exactly zero over a few milliseconds.

    Narration is mastered with fades, but a lossy codec leaves a little noise at the
    ends (Opus: up to about -50 dBFS) and a clip recorded by a person may stop mid-sound;
    either would click when it starts or stops. 5 ms is too short to hear as a fade.
    """
    count = min(round(seconds * rate), samples.shape[0] // 2)
    if count == 0:
        return samples.copy()
    ramp = (np.arange(count, dtype=np.float32) + 0.5) / count
    faded = samples.copy()
    faded[:count] *= ramp
    faded[-count:] *= ramp[::-1]
    faded[0] = 0.0
    faded[-1] = 0.0
    return faded


def fit_length(samples: Frames, length: int) -> Frames:
    """Pad with silence or cut, so a clip lasts exactly what the timeline says."""
    if samples.shape[0] >= length:
        return samples[:length]
    padding = np.zeros((length - samples.shape[0], *samples.shape[1:]), dtype=np.float32)
    return np.concatenate([samples, padding])
