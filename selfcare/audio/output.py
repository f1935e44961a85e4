"""Sending rendered frames to the sound device, or keeping time silently without one.

`PygameStream` feeds pygame a chain of rendered chunks through `Channel.queue()`:
SDL_mixer starts a queued chunk inside its mixing loop the moment the previous
one ends, so the stream is gapless and every frame lands where the mixer put it
(measured sample-exact, including across pause/resume: reference/tech.md §1.2).
A feeder thread, not the GUI thread, renders the next chunk while one plays.

`SilentStream` has the same interface and keeps time with a monotonic clock, so
a session without a sound device still runs, with captions, at the same pace.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from selfcare.audio.decode import Frames
from selfcare.audio.mixer import to_int16
from selfcare.core.clock import Clock

log = logging.getLogger(__name__)

CHUNK_SECONDS = 0.5  # volume changes are heard within about two chunks
FEED_INTERVAL_S = 0.05  # a chunk lasts 0.5 s: ten chances to queue the next
DEVICE_BUFFER_FRAMES = 1024
# What is heard lags what was handed to SDL by about three device buffers (measured
# 45-85 ms from play() to the emulated DAC: reference/tech.md 1.3); the position the
# UI paints is the frame being heard, so it subtracts that.
HEARD_LATENCY_FRAMES = 3 * DEVICE_BUFFER_FRAMES
# When a chunk is seen to start, the clock's estimate is checked against it; a device
# that stalled (or ran fast) moves the estimate by more than this, and it is reset.
RESYNC_FRAMES = 7_200  # 150 ms: three times the feeder's own detection lag

Render = Callable[[int, int], Frames]


class OutputStream(Protocol):
    """Plays the frames [start, end) produced by `render`, and says where it is.

    `play` always starts playing, whatever came before (a stop, a pause); keeping a
    pause across a seek is the caller's business.
    """

    silent_reason: str | None

    def play(self, render: Render, start: int, end: int) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...

    def position(self) -> int: ...

    def finished(self) -> bool: ...

    def close(self) -> None: ...


class _PlayClock:
    """Frames elapsed since an anchor, on a monotonic clock, not counting pauses."""

    def __init__(self, clock: Clock, rate: int) -> None:
        self._clock = clock
        self._rate = rate
        self._anchor_frame = 0
        self._anchor_time = clock.monotonic()
        self._paused_at: float | None = None

    def anchor(self, frame: int, delay_frames: int = 0) -> None:
        self._anchor_frame = frame - delay_frames
        self._anchor_time = self._clock.monotonic()
        if self._paused_at is not None:
            self._paused_at = self._anchor_time

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self._clock.monotonic()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._anchor_time += self._clock.monotonic() - self._paused_at
            self._paused_at = None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def frame(self) -> int:
        now = self._paused_at if self._paused_at is not None else self._clock.monotonic()
        return self._anchor_frame + round((now - self._anchor_time) * self._rate)


class SilentStream:
    """No device: time passes on the monotonic clock and nothing is heard."""

    def __init__(self, clock: Clock, rate: int, reason: str) -> None:
        self.silent_reason: str | None = reason
        self._time = _PlayClock(clock, rate)
        self._end = 0
        self._stopped = True

    def play(self, render: Render, start: int, end: int) -> None:
        self._end = end
        self._stopped = False
        self._time.resume()
        self._time.anchor(start)

    def pause(self) -> None:
        self._time.pause()

    def resume(self) -> None:
        self._time.resume()

    def stop(self) -> None:
        self._stopped = True
        self._time.pause()

    def position(self) -> int:
        return min(self._time.frame(), self._end)

    def finished(self) -> bool:
        return not self._stopped and self._time.frame() >= self._end

    def close(self) -> None:
        self._stopped = True


@dataclass
class _Chunk:
    start: int
    end: int
    sound: Any  # pygame.mixer.Sound
    seen_starting: bool = False


class PygameStream:
    """A gapless chain of rendered chunks on one reserved pygame channel."""

    def __init__(self, pygame: Any, clock: Clock, rate: int) -> None:
        self.silent_reason: str | None = None
        self._pg = pygame
        self._rate = rate
        self._chunk = round(CHUNK_SECONDS * rate)
        self._channel = pygame.mixer.Channel(0)
        self._time = _PlayClock(clock, rate)
        self._lock = threading.RLock()
        self._render: Render | None = None
        self._next = 0
        self._end = 0
        self._chunks: list[_Chunk] = []
        self._generation = 0
        self._stop_feeding = threading.Event()
        self._feeder: threading.Thread | None = None
        self.underruns = 0

    # -- control, called from the GUI or command-line thread --------------------------

    def play(self, render: Render, start: int, end: int) -> None:
        self._halt_feeder()
        with self._lock:
            self._channel.stop()
            self._render, self._next, self._end = render, start, end
            self._chunks.clear()
            self._generation += 1
            self._pg.mixer.unpause()
            self._time.resume()
            self._start_chain()
        self._stop_feeding.clear()
        self._feeder = threading.Thread(target=self._feed, name="selfcare-audio-feeder",
                                        daemon=True)
        self._feeder.start()

    def pause(self) -> None:
        with self._lock:
            self._pg.mixer.pause()
            self._time.pause()

    def resume(self) -> None:
        with self._lock:
            self._pg.mixer.unpause()
            self._time.resume()

    def stop(self) -> None:
        self._halt_feeder()
        with self._lock:
            self._channel.stop()
            self._chunks.clear()
            self._next = self._end
            self._time.pause()

    def position(self) -> int:
        """The frame being heard: the clock's estimate, kept inside the playing chunk."""
        with self._lock:
            estimate = self._time.frame()
            playing = self._playing_chunk()
            if playing is None:
                return min(estimate, self._end)
            # The mixer starts a chunk before it is heard: allow the lag below its start.
            lowest = max(self._chunks[0].start, playing.start - HEARD_LATENCY_FRAMES)
            return max(lowest, min(estimate, playing.end))

    def finished(self) -> bool:
        with self._lock:
            return self._next >= self._end and not self._channel.get_busy()

    def close(self) -> None:
        self.stop()
        self._pg.mixer.quit()

    # -- feeding, on the feeder thread ------------------------------------------------

    def _feed(self) -> None:
        while not self._stop_feeding.wait(self._next_wake()):
            self._feed_once()

    def _next_wake(self) -> float:
        """Sleep until shortly before the queue can take the next chunk, not a fixed tick.

        The queue has room again when the chunk now playing ends; waking 20 times a
        second just to find it full cost a measurable share of the CPU budget.
        """
        with self._lock:
            if self._channel.get_queue() is None or len(self._chunks) < 2:
                return FEED_INTERVAL_S
            ends_in = (self._chunks[-2].end - self._time.frame()) / self._rate
        return min(CHUNK_SECONDS, max(FEED_INTERVAL_S, ends_in - HEARD_LATENCY_FRAMES / self._rate))

    def _feed_once(self) -> None:
        """Queue the next chunk if the channel is ready for it; one tick of the feeder."""
        with self._lock:
            if self._next >= self._end or self._time.paused:
                return
            needs_more = self._channel.get_queue() is None
            busy = self._channel.get_busy()
            if needs_more and busy:
                self._resync_on_start()
            generation = self._generation
            start, count = self._next, min(self._chunk, self._end - self._next)
            render = self._render
        if not needs_more or render is None:
            return
        sound = self._make_sound(render(start, count))  # outside the lock: GUI stays free
        with self._lock:
            if generation != self._generation or self._next != start:
                return  # a seek or stop happened while rendering
            if busy and self._channel.get_busy():
                self._channel.queue(sound)
            else:
                self.underruns += 1
                log.warning("audio underrun before frame %d; restarting the chain", start)
                self._channel.play(sound)
                self._time.anchor(start, HEARD_LATENCY_FRAMES)
            self._chunks.append(_Chunk(start, start + count, sound,
                                       seen_starting=not busy))
            self._next = start + count
            del self._chunks[:-3]

    def _resync_on_start(self) -> None:
        """The newest chunk has just begun: if the clock strayed far from it, reset it.

        In normal play the estimate is within the feeder's lag of the truth and is
        left alone; after a device stall it had run ahead, and captions with it.
        """
        if not self._chunks or self._chunks[-1].seen_starting:
            return
        chunk = self._chunks[-1]
        chunk.seen_starting = True
        drift = self._time.frame() - (chunk.start - HEARD_LATENCY_FRAMES)
        if abs(drift) > RESYNC_FRAMES:
            log.info("audio clock off by %.0f ms at frame %d; resynchronised",
                     drift * 1000 / self._rate, chunk.start)
            self._time.anchor(chunk.start, HEARD_LATENCY_FRAMES)

    def _start_chain(self) -> None:
        if self._render is None or self._next >= self._end:
            return
        count = min(self._chunk, self._end - self._next)
        sound = self._make_sound(self._render(self._next, count))
        self._channel.play(sound)
        self._time.anchor(self._next, HEARD_LATENCY_FRAMES)
        self._chunks.append(_Chunk(self._next, self._next + count, sound, seen_starting=True))
        self._next += count

    def _playing_chunk(self) -> _Chunk | None:
        if not self._chunks:
            return None
        queued = self._channel.get_queue()
        if queued is not None and len(self._chunks) >= 2:
            return self._chunks[-2]
        return self._chunks[-1]

    def _make_sound(self, frames: Frames) -> Any:
        return self._pg.mixer.Sound(buffer=to_int16(frames).tobytes())

    def _halt_feeder(self) -> None:
        self._stop_feeding.set()
        if self._feeder is not None and self._feeder is not threading.current_thread():
            self._feeder.join(timeout=2)
        self._feeder = None


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Keep libasound's own probing messages off the person's terminal; log them instead.

    SDL asks ALSA for a device, and libasound writes its complaints straight to file
    descriptor 2 when there is no sound card. The outcome is reported once, in words.
    """
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            text = captured.read().decode("utf-8", "replace").strip()
            if text:
                log.debug("sound library said: %s", text)


def open_output(clock: Clock, rate: int) -> OutputStream:
    """The sound device if one opens, otherwise a silent stream that says why."""
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")  # let SIGTERM reach us
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame
    except ImportError as exc:  # pragma: no cover - a broken installation
        return SilentStream(clock, rate, f"the sound library is missing ({exc})")
    try:
        with _quiet_native_stderr():
            pygame.mixer.init(frequency=rate, size=-16, channels=2,
                              buffer=DEVICE_BUFFER_FRAMES, allowedchanges=0)
        pygame.mixer.set_reserved(1)
    except pygame.error as exc:
        log.warning("no sound device: %s", exc)
        return SilentStream(clock, rate, f"no sound device could be opened ({exc})")
    log.info("sound device opened: %s", pygame.mixer.get_init())
    return PygameStream(pygame, clock, rate)
