"""A looped ambient bed, streamed from disk a block at a time, never decoded whole.

Any span of the loop can be read (the mixer renders arbitrary spans after a seek),
so reads are positioned modulo the loop's length. A file at another rate than the
output is resampled as a continuous stream and re-primed after a jump.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import soundfile
import soxr

from selfcare.audio.decode import AudioFileError, Frames


class LoopStream:
    """Reads stereo float32 frames of a seamless loop at the output rate."""

    def __init__(self, path: Path, rate: int) -> None:
        self.path = path
        self.rate = rate
        try:
            self._file = soundfile.SoundFile(str(path))
        except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
            raise AudioFileError(path, f"not a sound file that can be read ({exc})") from exc
        if self._file.frames <= 0:
            self._file.close()
            raise AudioFileError(path, "contains no sound")
        self._source_rate: int = self._file.samplerate
        self._channels = self._file.channels
        self._lock = threading.Lock()
        self._resampler: soxr.ResampleStream | None = None
        self._next_frame: int | None = None  # output frame the resampler expects next
        self._source_pos = 0
        self._pending: Frames = np.zeros((0, 2), dtype=np.float32)

    @property
    def loop_frames(self) -> int:
        """Length of one loop at the output rate."""
        frames: int = self._file.frames
        return round(frames * self.rate / self._source_rate)

    def read(self, start: int, count: int) -> Frames:
        """`count` frames of the endless loop, from output frame `start`."""
        with self._lock:
            if self._source_rate == self.rate:
                return self._read_source(start % self._file.frames, count)
            return self._read_resampled(start, count)

    def close(self) -> None:
        with self._lock:
            self._file.close()

    def _read_source(self, position: int, count: int) -> Frames:
        out = np.empty((count, 2), dtype=np.float32)
        filled = 0
        while filled < count:
            self._seek(position)
            block = self._file.read(min(count - filled, self._file.frames - position),
                                    dtype="float32", always_2d=True)
            if block.shape[0] == 0:
                raise AudioFileError(self.path, "ended early while looping")
            out[filled:filled + block.shape[0]] = _as_stereo(block)
            filled += block.shape[0]
            position = (position + block.shape[0]) % self._file.frames
        return out

    def _seek(self, position: int) -> None:
        """Seek exactly; decode forward from the start where the codec's seek misses.

        WORKAROUND: libsndfile 1.2.2 lands short of the target when seeking into the
        last Ogg page after reading elsewhere (tell() says 95552 for 95900, and the
        read returns nothing). Sequential reads never seek, so this path is rare.
        """
        if self._file.tell() == position:
            return
        self._file.seek(position)
        if self._file.tell() != position:
            _discard_until(self._file, position)

    def _read_resampled(self, start: int, count: int) -> Frames:
        if self._resampler is None or self._next_frame != start:
            self._resampler = soxr.ResampleStream(self._source_rate, self.rate, 2,
                                                  dtype="float32")
            self._source_pos = round(start * self._source_rate / self.rate) % self._file.frames
            self._pending = np.zeros((0, 2), dtype=np.float32)
        while self._pending.shape[0] < count:
            need = max(4096, count * self._source_rate // self.rate + 64)
            block = self._read_source(self._source_pos, need)
            self._source_pos = (self._source_pos + need) % self._file.frames
            produced = self._resampler.resample_chunk(block)
            self._pending = np.concatenate([self._pending, produced])
        out, self._pending = self._pending[:count], self._pending[count:]
        self._next_frame = start + count
        return np.ascontiguousarray(out)


def _discard_until(file: soundfile.SoundFile, position: int) -> None:
    file.seek(0)
    while file.tell() < position:
        if file.read(min(65_536, position - file.tell()), dtype="float32").shape[0] == 0:
            break


def _as_stereo(block: Frames) -> Frames:
    if block.shape[1] == 2:
        return block
    if block.shape[1] == 1:
        return np.repeat(block, 2, axis=1)
    return np.stack([block[:, 0], block[:, 1]], axis=1)
