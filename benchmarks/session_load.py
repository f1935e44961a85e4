"""Memory and CPU while a session plays, in the terminal player and in the GUI.

(a) `selfcare play pmr-short --no-gui --pre 5` plays through SDL's disk driver into
    the DAC emulator (so it is paced in real time, like a sound card). From the
    moment it starts the session, psutil samples it every 0.5 s for 60 s (quick:
    20 s); VmHWM is read from /proc before "s" (stop) and the after-rating "4" are
    typed. CPU = process CPU time over wall time (100 % = one core).
(b) `python -m benchmarks.gui_session` builds the real window offscreen, starts the
    same session from the window's own signals and reports its peak RSS (VmHWM;
    its ru_maxrss also counts this process's peak, a Linux vfork+exec quirk) and
    process_time over wall time during play; psutil samples it from outside too.

Memory growth is the slope of RSS over the second half of the window. USS/PSS
are read once the session is stopped (walking smaps can stall a playing process).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.harness import (
    MIB,
    RATE,
    BenchmarkError,
    Child,
    DacEmulator,
    EmulatorLog,
    Section,
    StealMeter,
    add_underruns,
    app_env,
    load_average,
    read_proc_status,
    run_selfcare,
    selfcare_command,
)

NAME = "session_load"
SESSION = "pmr-short"
SECONDS_QUICK = 20.0
SECONDS_FULL = 60.0
SAMPLE_S = 0.5
GOAL_RSS_MIB = 120.0
GOAL_CPU_PERCENT = 3.0


@dataclass
class Usage:
    wall_s: float = 0.0
    cpu_s: float = 0.0
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds in, bytes)
    # Read once the session is stopped: walking /proc/<pid>/smaps holds the process's
    # memory-map lock, which can stall it while it plays.
    uss: int | None = None  # bytes only this process holds
    pss: int | None = None  # proportional share, shared libraries split between users

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu_s / self.wall_s if self.wall_s else 0.0

    @property
    def peak_mib(self) -> float:
        return max((r for _, r in self.rss), default=0) / MIB

    def growth_mib_per_min(self) -> float | None:
        """Least-squares slope of RSS over the second half of the window, in MiB/min.

        The first tens of seconds fill the narration clip cache (a full 255 s run of
        pmr-short rose 59 -> 70 MiB in 50 s, then stayed at 68-71 MiB)."""
        half = self.wall_s / 2
        points = [(t, r / MIB) for t, r in self.rss if t >= half]
        if len(points) < 4:
            return None
        return statistics.linear_regression([t for t, _ in points],
                                            [r for _, r in points]).slope * 60


def sample(pid: int, seconds: float) -> Usage:
    """Sample RSS every SAMPLE_S and total CPU time over `seconds`."""
    import psutil  # type: ignore[import-untyped, unused-ignore]

    try:
        proc = psutil.Process(pid)
        began = time.perf_counter()
        cpu = proc.cpu_times()
        usage = Usage()
        tick = 0
        while True:
            now = time.perf_counter() - began
            usage.rss.append((now, proc.memory_info().rss))
            if now >= seconds:
                break
            tick += 1
            time.sleep(max(0.0, min(tick * SAMPLE_S, seconds) - (time.perf_counter() - began)))
        after = proc.cpu_times()
        usage.wall_s = time.perf_counter() - began
        usage.cpu_s = (after.user + after.system) - (cpu.user + cpu.system)
    except psutil.NoSuchProcess:
        raise BenchmarkError("the app ended while it was being measured") from None
    return usage


def unique_memory(pid: int) -> tuple[int | None, int | None]:
    """(USS, PSS) in bytes from psutil, or Nones where not available."""
    import psutil  # type: ignore[import-untyped, unused-ignore]

    try:
        full = psutil.Process(pid).memory_full_info()
    except (psutil.AccessDenied, psutil.NoSuchProcess):
        return None, None
    return getattr(full, "uss", None), getattr(full, "pss", None)


def require_psutil() -> None:
    try:
        import psutil  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        raise BenchmarkError("psutil is not installed (pip install psutil)") from None


def session_timeline(seconds: float, data_dir: Path) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = json.loads(
        run_selfcare(["timeline", SESSION, "--json"], data_dir, 60))
    length = max(float(e["t"]) for e in events)
    if length < seconds + 10:
        raise BenchmarkError(f"session {SESSION} lasts {length:.0f} s, too short for "
                             f"{seconds:.0f} s of measurement")
    return events


def underrun_lines(who: str, log: EmulatorLog, raw: Path, events: list[dict[str, Any]],
                   most: int = 8) -> list[str]:
    lines = [f"{who}: {line}" for line in where_underruns(log, raw, events)]
    if len(lines) > most:
        lines[most:] = [f"{who}: ... and {len(lines) - most} more underruns"]
    return lines


def where_underruns(log: EmulatorLog, raw: Path, events: list[dict[str, Any]]) -> list[str]:
    """Each underrun's time in the session (from the bed's first sound) and the event before."""
    if not log.underruns:
        return []
    samples = np.fromfile(raw, dtype=np.int16)
    loud = np.flatnonzero(samples)
    if not loud.size:
        return []
    first = int(loud[0]) // 2
    found = []
    for (at, frames), slack in zip(log.underrun_frames(), log.underrun_slack_ms(), strict=False):
        t = (at - first) / RATE
        before = [e for e in events if float(e["t"]) <= t and e["kind"] != "step"]
        what = ""
        if before:
            e = before[-1]
            what = f", {t - float(e['t']):.2f} s into step {e.get('step')}'s {e['kind']}"
        cause = "app late" if slack >= log.period * 1000 / 2 else "emulator late"
        found.append(f"underrun at session {t:.2f} s ({frames} frames{what}); the app had "
                     f"{max(slack, 0):.0f} ms to deliver ({cause})")
    return found


def terminal(seconds: float, workdir: Path) -> tuple[Usage, dict[str, int], EmulatorLog]:
    data_dir = workdir / "terminal-data"
    command = [*selfcare_command(), "--data-dir", str(data_dir), "play", SESSION, "--no-gui",
               "--pre", "5"]
    with DacEmulator(workdir, "terminal") as dac:
        env = app_env(**dac.sdl_env(), PYTHONUNBUFFERED="1")
        with Child(command, env, workdir, "terminal", stdin=True) as app:
            if app.out.wait_for(lambda line: line.startswith("While it plays"), 60) is None:
                app.wait(2)
                raise BenchmarkError(f"the terminal session did not start: {app.stderr_tail()}")
            usage = sample(app.pid, seconds)
            status = read_proc_status(app.pid)
            app.send("s")
            if app.out.wait_for(lambda line: line == "(stopped)", 10) is not None:
                usage.uss, usage.pss = unique_memory(app.pid)
            app.send("4")
            code = app.wait(30)
            if code is None:
                raise BenchmarkError("the terminal player did not end after 's' and a rating")
            if code != 0:
                raise BenchmarkError(f"the terminal player exited {code}: {app.stderr_tail()}")
            if not any("Pain before 5" in line for _, line in app.out.lines):
                raise BenchmarkError("the terminal player ended without its summary line")
        log = dac.finish()
    return usage, status, log


def gui(seconds: float, workdir: Path) -> tuple[Usage, dict[str, Any], EmulatorLog]:
    data_dir = workdir / "gui-data"
    command = [sys.executable, "-m", "benchmarks.gui_session", "--session", SESSION,
               "--seconds", str(seconds), "--data-dir", str(data_dir)]
    with DacEmulator(workdir, "gui") as dac:
        env = app_env(**dac.sdl_env(), QT_QPA_PLATFORM="offscreen",
                      SELFCARE_NO_ERROR_DIALOGS="1")
        with Child(command, env, workdir, "gui", stdin=False) as driver:
            if driver.out.wait_for(lambda line: line == "playing", 90) is None:
                driver.wait(5)
                raise BenchmarkError(f"the GUI session did not start: {driver.stderr_tail()}")
            usage = sample(driver.pid, max(1.0, seconds - 0.5))
            found = driver.out.wait_for(lambda line: line.startswith("result "), 60)
            code = driver.wait(30)
            if found is None or code != 0:
                raise BenchmarkError(f"the GUI driver failed (exit {code}): "
                                     f"{driver.stderr_tail()}")
            result: dict[str, Any] = json.loads(found[1][len("result "):])
            usage.uss, usage.pss = result.get("uss_bytes"), result.get("pss_bytes")
        log = dac.finish()
    return usage, result, log


def run(quick: bool, workdir: Path) -> Section:
    require_psutil()
    DacEmulator.check_available()
    section = Section(NAME)
    seconds = SECONDS_QUICK if quick else SECONDS_FULL
    events = session_timeline(seconds, workdir / "terminal-data")
    length = max(float(e["t"]) for e in events)
    section.details.append(f"session {SESSION} ({length:.0f} s), measured for {seconds:.0f} s "
                           f"each, sampled every {SAMPLE_S} s; load {load_average()}")
    steal = StealMeter()
    usage, status, log = terminal(seconds, workdir)
    section.details.append(f"terminal: CPU steal by the hypervisor {steal.describe()}")
    report(section, "terminal", usage, log)
    section.details += underrun_lines("terminal", log, workdir / "terminal.raw", events)
    hwm = status.get("VmHWM")
    if hwm is not None:
        section.add("terminal: VmHWM (lifetime peak)", hwm / 1024, "MiB",
                    goal=f"< {GOAL_RSS_MIB:.0f} MiB", ok=hwm / 1024 < GOAL_RSS_MIB)
    steal = StealMeter()
    gui_usage, result, gui_log = gui(seconds, workdir)
    section.details.append(f"GUI: CPU steal by the hypervisor {steal.describe()}")
    report(section, "GUI", gui_usage, gui_log, result)
    section.details += underrun_lines("GUI", gui_log, workdir / "gui.raw", events)
    section.data.update(terminal_rss=[(round(t, 2), r) for t, r in usage.rss],
                        gui_rss=[(round(t, 2), r) for t, r in gui_usage.rss], gui_result=result,
                        terminal_status=status)
    return section


def report(section: Section, who: str, usage: Usage, log: EmulatorLog,
           result: dict[str, Any] | None = None) -> None:
    rss_goal = f"< {GOAL_RSS_MIB:.0f} MiB"
    cpu_goal = f"< {GOAL_CPU_PERCENT:g} %"
    if result is None:
        section.add(f"{who}: peak RSS while playing", usage.peak_mib, "MiB", goal=rss_goal,
                    ok=usage.peak_mib < GOAL_RSS_MIB, note="psutil, every 0.5 s")
        section.add(f"{who}: CPU while playing", usage.cpu_percent, "% of a core",
                    goal=cpu_goal, ok=usage.cpu_percent < GOAL_CPU_PERCENT,
                    note=f"{usage.cpu_s:.2f} s CPU in {usage.wall_s:.1f} s")
    else:
        cpu = float(result["cpu_percent"])
        ru_note = (f"ru_maxrss {result['ru_maxrss_mib']:.1f} MiB (on Linux it includes the "
                   "launcher's peak)")
        if result.get("vmhwm_mib") is not None:
            peak = float(result["vmhwm_mib"])
            section.add(f"{who}: peak RSS (VmHWM)", peak, "MiB", goal=rss_goal,
                        ok=peak < GOAL_RSS_MIB,
                        note=f"lifetime peak; {result['vmhwm_before_play_mib']:.1f} MiB before "
                             f"the session; psutil while playing {usage.peak_mib:.1f} MiB; "
                             + ru_note)
        else:
            peak = float(result["ru_maxrss_mib"])
            section.add(f"{who}: peak RSS (ru_maxrss)", peak, "MiB", goal=rss_goal,
                        ok=peak < GOAL_RSS_MIB,
                        note=f"lifetime peak; {result['ru_maxrss_before_play_mib']:.1f} MiB "
                             f"before the session; psutil while playing {usage.peak_mib:.1f} MiB")
        section.add(f"{who}: CPU while playing", cpu, "% of a core", goal=cpu_goal,
                    ok=cpu < GOAL_CPU_PERCENT,
                    note=f"process_time/wall over {result['wall_s']:.1f} s; psutil "
                         f"{usage.cpu_percent:.2f} %")
        played = float(result["position_s"])
        section.add(f"{who}: position reached", played, "s",
                    note=f"after {result['wall_s']:.1f} s of play; app underruns "
                         f"{result['underruns']}; ended on {result.get('ended_on')}"
                         + (f"; silent: {result['silent_reason']}"
                            if result.get("silent_reason") else ""))
    if usage.uss is not None:
        pss = f", PSS {usage.pss / MIB:.1f} MiB" if usage.pss is not None else ""
        section.add(f"{who}: USS after stopping", usage.uss / MIB, "MiB",
                    note=f"memory only this process holds{pss} (RSS counts shared libraries)")
    growth = usage.growth_mib_per_min()
    if growth is not None:
        first = usage.rss[0][1] / MIB
        last = usage.rss[-1][1] / MIB
        section.add(f"{who}: RSS growth, 2nd half", growth, "MiB/min",
                    note=f"whole window {first:.1f} -> {last:.1f} MiB")
    add_underruns(section, f"{who}: ", log)


if __name__ == "__main__":
    from benchmarks.run import main

    raise SystemExit(main(["--only", NAME, *sys.argv[1:]]))
