"""What every benchmark needs: paths, figures, the app as a child process, the DAC emulator.

Child processes are always waited for (killed first if they overran), and the
emulator is stopped and its FIFO removed even when a benchmark fails, so a run
never leaves processes or pipes behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EMULATOR_REL = "../shared/tools/dac_emulator.py"  # relative to the repository root
EMULATOR = (REPO / EMULATOR_REL).resolve()

RATE = 48_000
CHUNK_FRAMES = 1024  # the app's device buffer (selfcare.audio.output.DEVICE_BUFFER_FRAMES)
BYTES_PER_FRAME = 4  # s16 stereo
MIB = 1024 * 1024


class BenchmarkError(Exception):
    """An expected failure (something missing or broken): shown as one message."""


# -- results -----------------------------------------------------------------------------


@dataclass
class Figure:
    """One measured number (or yes/no) with the goal it is judged against, if any."""

    name: str
    value: float | int | str | None
    unit: str = ""
    goal: str = ""
    ok: bool | None = None  # None: no goal, for information
    note: str = ""

    def shown(self) -> str:
        if self.value is None:
            return "-"
        if isinstance(self.value, float):
            text = f"{self.value:.3f}" if abs(self.value) < 10 else f"{self.value:.1f}"
        else:
            text = str(self.value)
        return f"{text} {self.unit}".strip()


@dataclass
class Section:
    """The figures of one benchmark, details worth printing, and how long it took."""

    name: str
    figures: list[Figure] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)  # raw numbers for --json

    def add(self, name: str, value: float | int | str | None, unit: str = "", goal: str = "",
            ok: bool | None = None, note: str = "") -> Figure:
        figure = Figure(name, value, unit, goal, ok, note)
        self.figures.append(figure)
        return figure


# -- the app as a child process ---------------------------------------------------------


def selfcare_command() -> list[str]:
    """The `selfcare` entry point of this interpreter's environment, as a user runs it."""
    script = Path(sys.executable).parent / ("selfcare.exe" if os.name == "nt" else "selfcare")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "selfcare"]


def app_env(**extra: str) -> dict[str, str]:
    """The environment for a child: this one, minus overrides that would change the app."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SELFCARE_", "SDL_", "QT_QPA_"))}
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env.update(extra)
    return env


def run_selfcare(args: Sequence[str], data_dir: Path, timeout: float,
                 env: dict[str, str] | None = None) -> str:
    """Run `selfcare --data-dir DIR ARGS...` to the end; its stdout, or a BenchmarkError."""
    command = [*selfcare_command(), "--data-dir", str(data_dir), *args]
    try:
        done = subprocess.run(command, cwd=REPO, env=env or app_env(), capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BenchmarkError(f"`selfcare {' '.join(args)}` did not finish in {timeout:.0f} s")\
            from exc
    except OSError as exc:
        raise BenchmarkError(f"cannot start selfcare ({exc})") from exc
    if done.returncode != 0:
        raise BenchmarkError(f"`selfcare {' '.join(args)}` failed (exit {done.returncode}): "
                             f"{last_lines(done.stderr)}")
    return done.stdout


def offscreen_child(module: str, args: Sequence[str], timeout: float, what: str
                    ) -> dict[str, Any]:
    """Run `python -m module args` with an offscreen Qt and return the JSON object it
    prints last; a failure or a timeout is a BenchmarkError naming `what`."""
    command = [sys.executable, "-m", module, *args]
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                              timeout=timeout, env=app_env(QT_QPA_PLATFORM="offscreen"))
    except subprocess.TimeoutExpired as exc:
        raise BenchmarkError(f"{what} did not finish in {timeout:.0f} s") from exc
    if done.returncode != 0:
        raise BenchmarkError(f"{what} failed: {done.stderr.strip()[-400:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def last_lines(text: str, count: int = 3) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return " | ".join(lines[-count:]) if lines else "(no message)"


class LineReader:
    """Reads a child's text output on a thread; each line is kept with its arrival time."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self._queue: queue.Queue[tuple[float, str] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        try:
            for line in stream:
                item = (time.perf_counter(), line.rstrip("\n"))
                self.lines.append(item)
                self._queue.put(item)
        except (OSError, ValueError):
            pass
        self._queue.put(None)

    def wait_for(self, match: Callable[[str], bool], timeout: float) -> tuple[float, str] | None:
        """The first new line that matches, or None at the end of output or on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                item = self._queue.get(timeout=left)
            except queue.Empty:
                return None
            if item is None:
                self._queue.put(None)
                return None
            if match(item[1]):
                return item

    def join(self, timeout: float = 5.0) -> None:
        self._thread.join(timeout)


class Child:
    """A child process with its stdout read line by line and stderr kept in a file.

    Leaving the `with` block always ends and reaps it: SIGTERM, then SIGKILL.
    """

    def __init__(self, command: Sequence[str], env: dict[str, str], log_dir: Path, name: str,
                 stdin: bool = False) -> None:
        self.name = name
        self.stderr_path = log_dir / f"{name}.stderr"
        self._stderr = self.stderr_path.open("w", encoding="utf-8")
        try:
            self.proc = subprocess.Popen(
                list(command), cwd=REPO, env=env, text=True, bufsize=1,
                stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=self._stderr)
        except OSError as exc:
            self._stderr.close()
            raise BenchmarkError(f"cannot start {name} ({exc})") from exc
        assert self.proc.stdout is not None
        self.out = LineReader(self.proc.stdout)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def send(self, line: str) -> bool:
        """Type a line on the child's stdin; False if it is gone."""
        if self.proc.stdin is None or self.proc.poll() is not None:
            return False
        try:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            return False
        return True

    def close_stdin(self) -> None:
        if self.proc.stdin is not None:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.proc.stdin.close()

    def wait(self, timeout: float) -> int | None:
        """Exit code, or None if it is still running after `timeout` seconds."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stderr_tail(self) -> str:
        self._stderr.flush()
        try:
            text = self.stderr_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no message)"
        lines = [line for line in text.splitlines() if "SDL disk i/o" not in line
                 and "Writing to file" not in line]
        return last_lines("\n".join(lines))

    def end(self) -> None:
        stop_process(self.proc)
        self.close_stdin()
        self.out.join(2)
        self._stderr.close()

    def __enter__(self) -> Child:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.end()


def stop_process(proc: subprocess.Popen[Any], grace: float = 3.0) -> None:
    """End one child we started (SIGTERM, then SIGKILL) and reap it."""
    if proc.poll() is None:
        try:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
        except OSError:
            pass
    with contextlib.suppress(subprocess.TimeoutExpired):  # SIGKILLed: only reaping is left
        proc.wait(timeout=grace)


# -- the sound-card emulator ----------------------------------------------------------


@dataclass
class EmulatorLog:
    """What the emulator recorded: when each chunk played, and the underruns."""

    t0: float
    period: float
    chunk_bytes: int
    chunks: list[tuple[float, int]]  # (perf_counter when played, byte offset in the capture)
    underruns: list[tuple[float, int]]  # (perf_counter, missing bytes)

    @property
    def max_lateness_ms(self) -> float:
        """How far behind its schedule the emulator itself ran at worst (host load)."""
        late = [t - (self.t0 + k * self.period) for k, (t, _) in enumerate(self.chunks)]
        return max(late, default=0.0) * 1000

    def played_at(self, frame: int) -> float | None:
        """perf_counter time at which capture frame `frame` reached the 'DAC'."""
        chunk = frame * BYTES_PER_FRAME // self.chunk_bytes
        if not 0 <= chunk < len(self.chunks):
            return None
        t, offset = self.chunks[chunk]
        return t + (frame - offset // BYTES_PER_FRAME) / RATE

    def chunk_played_near(self, t: float) -> int:
        """Index of the chunk playing at perf_counter time `t`."""
        times = [c[0] for c in self.chunks]
        lo, hi = 0, len(times)
        while lo < hi:
            mid = (lo + hi) // 2
            if times[mid] <= t:
                lo = mid + 1
            else:
                hi = mid
        return max(0, lo - 1)

    def underrun_slack_ms(self) -> list[float]:
        """For each underrun: how long the app had to deliver, from the emulator's read of
        the chunk before to this chunk's deadline. A real card always gives one period;
        much less means the emulator itself ran late (a host stall), not the app."""
        index = {t: k for k, (t, _) in enumerate(self.chunks)}
        slack = []
        for t, _ in self.underruns:
            k = index.get(t, 0)
            previous = self.chunks[k - 1][0] if k > 0 else self.t0
            slack.append((self.t0 + k * self.period - previous) * 1000)
        return slack

    def underruns_by_cause(self) -> tuple[int, int]:
        """(app late: it had at least half a period, emulator late: it had less)."""
        slack = self.underrun_slack_ms()
        app = sum(1 for s in slack if s >= self.period * 1000 / 2)
        return app, len(slack) - app

    def underrun_frames(self) -> list[tuple[int, int]]:
        """(capture frame, frames of padding) for each underrun: where silence was inserted."""
        at_time = {t: offset for t, offset in self.chunks}
        found = []
        for t, missing in self.underruns:
            offset = at_time.get(t)
            if offset is not None:
                start = (offset + self.chunk_bytes - missing) // BYTES_PER_FRAME
                found.append((start, missing // BYTES_PER_FRAME))
        return found


class DacEmulator:
    """`../shared/tools/dac_emulator.py` draining a FIFO that SDL's disk driver writes.

    Start it before the app (so the app's open of the FIFO finds a reader), and call
    `finish()` after the app exited: the emulator ends at end of input.
    """

    def __init__(self, workdir: Path, name: str = "dac") -> None:
        self.fifo = workdir / f"{name}.fifo"
        self.raw = workdir / f"{name}.raw"
        self.log_path = workdir / f"{name}.json"
        self._stderr_path = workdir / f"{name}.stderr"
        self.proc: subprocess.Popen[bytes] | None = None
        self.priority = "normal"

    @staticmethod
    def check_available() -> None:
        if not EMULATOR.is_file():
            raise BenchmarkError(
                f"the sound-card emulator {EMULATOR_REL} is missing (looked for {EMULATOR}); "
                "it belongs to the shared tools beside the repository and is run, not copied")
        if not hasattr(os, "mkfifo"):
            raise BenchmarkError("the DAC emulator needs a POSIX system (named pipes)")

    def sdl_env(self) -> dict[str, str]:
        """Environment that points the app's SDL output into the emulator."""
        return {"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(self.fifo),
                "SDL_DISKAUDIODELAY": "0"}

    def start(self) -> DacEmulator:
        self.check_available()
        if self.fifo.exists():
            self.fifo.unlink()
        os.mkfifo(self.fifo)
        with self._stderr_path.open("w", encoding="utf-8") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(EMULATOR), str(self.fifo), str(self.raw),
                 str(self.log_path), str(CHUNK_FRAMES), str(RATE), str(BYTES_PER_FRAME)],
                cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        self._raise_priority()
        deadline = time.monotonic() + 5
        while not self._has_fifo_open():  # so the app's open() never waits for it
            if self.proc.poll() is not None:
                raise BenchmarkError(f"the DAC emulator stopped at once: {self._stderr()}")
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        return self

    def _raise_priority(self) -> None:
        """A sound card is never late: run the emulator ahead of the app when allowed."""
        assert self.proc is not None
        try:
            import psutil  # type: ignore[import-untyped, unused-ignore]

            psutil.Process(self.proc.pid).nice(-10)
            self.priority = "nice -10"
        except Exception:  # no permission (or no psutil): keep the default priority
            self.priority = "normal (could not raise)"

    def _has_fifo_open(self) -> bool:
        assert self.proc is not None
        fd_dir = Path(f"/proc/{self.proc.pid}/fd")
        if not fd_dir.is_dir():
            return True  # cannot tell; the FIFO open below would wait anyway
        try:
            return any(fd.readlink() == self.fifo.resolve() for fd in fd_dir.iterdir())
        except OSError:
            return False

    def finish(self, timeout: float = 10.0) -> EmulatorLog:
        """Wait for the end of the stream and read the log; stops the emulator if stuck."""
        assert self.proc is not None
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop_process(self.proc)
            raise BenchmarkError(
                "the DAC emulator did not see the end of the stream (did the app ever open "
                f"the audio device?): {self._stderr()}") from None
        if self.proc.returncode != 0 or not self.log_path.is_file():
            raise BenchmarkError(f"the DAC emulator failed (exit {self.proc.returncode}): "
                                 f"{self._stderr()}")
        data = json.loads(self.log_path.read_text(encoding="utf-8"))
        return EmulatorLog(float(data["t0"]), float(data["period"]), int(data["chunk_bytes"]),
                           [(float(t), int(o)) for t, o in data["log"]],
                           [(float(t), int(m)) for t, m in data["underruns"]])

    def _stderr(self) -> str:
        try:
            return last_lines(self._stderr_path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return "(no message)"

    def close(self) -> None:
        if self.proc is not None:
            stop_process(self.proc, grace=2)
        if self.fifo.exists():
            self.fifo.unlink()

    def __enter__(self) -> DacEmulator:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def add_underruns(section: Section, who: str, log: EmulatorLog) -> None:
    """Underruns split by cause: the app late (goal 0) or the emulator itself late."""
    app, emulator = log.underruns_by_cause()
    missing_ms = sum(m for _, m in log.underruns) / BYTES_PER_FRAME * 1000 / RATE
    section.add(f"{who}underruns, app late", app, goal="0", ok=app == 0,
                note=f"{len(log.underruns)} in the emulator log, {missing_ms:.1f} ms padded"
                if log.underruns else "emulator log")
    section.add(f"{who}underruns, emulator late", emulator,
                note=f"host stalls; the emulator's worst lateness {log.max_lateness_ms:.0f} ms")


def read_proc_status(pid: int) -> dict[str, int]:
    """VmRSS/VmHWM/VmPeak... (in KiB) from /proc/<pid>/status; empty where unavailable."""
    values: dict[str, int] = {}
    try:
        text = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return values
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        parts = rest.split()
        if key.startswith("Vm") and len(parts) == 2 and parts[1] == "kB":
            values[key] = int(parts[0])
    return values


class StealMeter:
    """Share of CPU time the hypervisor took from this (virtual) machine since `start`.

    On a VM, 'steal' stalls every process at once; hundreds of milliseconds of it
    make the emulator late and cause underruns that are nobody's fault here.
    """

    def __init__(self) -> None:
        self._start = self._read()

    @staticmethod
    def _read() -> tuple[int, int] | None:
        try:
            fields = Path("/proc/stat").read_text(encoding="utf-8").splitlines()[0].split()
        except (OSError, IndexError):
            return None
        values = [int(v) for v in fields[1:9]]
        if len(values) < 8:
            return None
        return values[7], sum(values)

    def percent(self) -> float | None:
        now = self._read()
        if now is None or self._start is None or now[1] <= self._start[1]:
            return None
        return 100 * (now[0] - self._start[0]) / (now[1] - self._start[1])

    def describe(self) -> str:
        value = self.percent()
        return "unknown" if value is None else f"{value:.1f} %"


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"
