"""Memory and CPU while a session plays, in the terminal player and in the GUI.

(a) `selfcare play pmr-short --no-gui --pre 5` plays through SDL's disk driver into
    the DAC emulator (so it is paced in real time, like a sound card). From the
    moment it starts the session, psutil samples it every 0.5 s for 60 s (quick:
    20 s); VmHWM is read from /proc before "s" (stop) and the after-rating "4" are
    typed. CPU = process CPU time over wall time (100 % = one core).
(b) `python -m benchmarks.gui_session` builds the real window offscreen, starts the
    same session from the window's own signals and reports its ru_maxrss and
    process_time over wall time during play; psutil samples it from outside too.

Memory growth is the slope of RSS over the window (after its first 5 s).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.harness import (
    MIB,
    BenchmarkError,
    Child,
    DacEmulator,
    EmulatorLog,
    Section,
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
SETTLE_S = 5.0


@dataclass
class Usage:
    wall_s: float = 0.0
    cpu_s: float = 0.0
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds in, bytes)

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu_s / self.wall_s if self.wall_s else 0.0

    @property
    def peak_mib(self) -> float:
        return max((r for _, r in self.rss), default=0) / MIB

    def growth_mib_per_min(self) -> float | None:
        """Least-squares slope of RSS after the first seconds, in MiB per minute."""
        points = [(t, r / MIB) for t, r in self.rss if t >= SETTLE_S]
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


def require_psutil() -> None:
    try:
        import psutil  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        raise BenchmarkError("psutil is not installed (pip install psutil)") from None


def check_session_length(seconds: float, data_dir: Path) -> float:
    events = json.loads(run_selfcare(["timeline", SESSION, "--json"], data_dir, 60))
    length = max(float(e["t"]) for e in events)
    if length < seconds + 10:
        raise BenchmarkError(f"session {SESSION} lasts {length:.0f} s, too short for "
                             f"{seconds:.0f} s of measurement")
    return length


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
        log = dac.finish()
    return usage, result, log


def run(quick: bool, workdir: Path) -> Section:
    require_psutil()
    DacEmulator.check_available()
    section = Section(NAME)
    seconds = SECONDS_QUICK if quick else SECONDS_FULL
    length = check_session_length(seconds, workdir / "terminal-data")
    section.details.append(f"session {SESSION} ({length:.0f} s), measured for {seconds:.0f} s "
                           f"each, sampled every {SAMPLE_S} s; load {load_average()}")
    usage, status, log = terminal(seconds, workdir)
    report(section, "terminal", usage, log)
    hwm = status.get("VmHWM")
    if hwm is not None:
        section.add("terminal: VmHWM (lifetime peak)", hwm / 1024, "MiB",
                    goal=f"< {GOAL_RSS_MIB:.0f} MiB", ok=hwm / 1024 < GOAL_RSS_MIB)
    gui_usage, result, gui_log = gui(seconds, workdir)
    report(section, "GUI", gui_usage, gui_log, result)
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
        peak = float(result["ru_maxrss_mib"])
        cpu = float(result["cpu_percent"])
        section.add(f"{who}: peak RSS (ru_maxrss)", peak, "MiB", goal=rss_goal,
                    ok=peak < GOAL_RSS_MIB,
                    note=f"lifetime peak; psutil while playing: {usage.peak_mib:.1f} MiB")
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
    growth = usage.growth_mib_per_min()
    if growth is not None:
        first = usage.rss[0][1] / MIB
        last = usage.rss[-1][1] / MIB
        section.add(f"{who}: RSS growth while playing", growth, "MiB/min",
                    note=f"{first:.1f} -> {last:.1f} MiB")
    count = len(log.underruns)
    section.add(f"{who}: underruns (emulator log)", count, goal="0", ok=count == 0,
                note=f"emulator worst lateness {log.max_lateness_ms:.0f} ms")


if __name__ == "__main__":
    from benchmarks.run import main

    raise SystemExit(main(["--only", NAME]))
