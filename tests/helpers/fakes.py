"""Fakes for the core's ports: a clock you move by hand, an audio stream driven by it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)
        self._mono += seconds


class FakeAudio:
    """Plays a timeline of `length` frames against a FakeClock; records calls."""

    def __init__(self, clock: FakeClock, length: int, rate: int = 48_000,
                 silent_reason: str | None = None) -> None:
        self.clock = clock
        self.length = length
        self.rate = rate
        self.silent_reason = silent_reason
        self.calls: list[str] = []
        self._frame = 0
        self._since: float | None = None

    def _sync(self) -> None:
        if self._since is not None:
            self._frame = min(self.length,
                              self._frame + int((self.clock.monotonic() - self._since) * self.rate))
            self._since = self.clock.monotonic()

    def start(self) -> None:
        self.calls.append("start")
        self._since = self.clock.monotonic()

    def pause(self) -> None:
        self._sync()
        self._since = None
        self.calls.append("pause")

    def resume(self) -> None:
        self._since = self.clock.monotonic()
        self.calls.append("resume")

    def seek(self, frame: int) -> None:
        self._sync()
        self._frame = frame
        self.calls.append(f"seek {frame}")

    def stop(self) -> None:
        self._sync()
        self._since = None
        self.calls.append("stop")

    def position(self) -> int:
        self._sync()
        return self._frame

    def finished(self) -> bool:
        return self.position() >= self.length and "stop" not in self.calls
