"""Start-up: from spawning `selfcare` to the main window's first paint, and to loaded.

Each run spawns `selfcare --data-dir TMP` offscreen with the dummy audio driver;
the app prints `first-paint-epoch <time.time()>` on its first paint
(SELFCARE_REPORT_FIRST_PAINT=1) and quits once loading finished
(SELFCARE_QUIT_AFTER_LOAD=1). First paint = that epoch minus time.time() taken just
before Popen; loaded = process exit minus the same. One warm-up run (it also
creates the database) is discarded. A last run under `python -X importtime` lists
the modules imported before the first paint.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.harness import (
    REPO,
    BenchmarkError,
    Section,
    app_env,
    last_lines,
    load_average,
    selfcare_command,
)

NAME = "startup"
RUNS_QUICK = 5
RUNS_FULL = 11
GOAL_MS = 250.0
TIMEOUT_S = 60.0
PAINT_MARK = "first-paint-epoch"
# Imports that reference/tech.md §2 found slow; none belongs before the first paint.
HEAVY = ("pygame", "numpy", "sqlite_utils", "msgspec", "soundfile", "soxr", "scipy",
         "pkg_resources", "platformdirs", "sqlite3", "PySide6.QtNetwork", "pyqtgraph")


@dataclass
class Launch:
    first_paint_ms: float
    loaded_ms: float


@dataclass
class Import:
    module: str
    level: int
    self_us: int
    cumulative_us: int


def startup_env() -> dict[str, str]:
    return app_env(QT_QPA_PLATFORM="offscreen", SDL_AUDIODRIVER="dummy",
                   SELFCARE_REPORT_FIRST_PAINT="1", SELFCARE_QUIT_AFTER_LOAD="1",
                   SELFCARE_NO_ERROR_DIALOGS="1")


def launch(data_dir: Path, workdir: Path) -> Launch:
    command = [*selfcare_command(), "--data-dir", str(data_dir)]
    with (workdir / "startup.stderr").open("w", encoding="utf-8") as err:
        env = startup_env()
        began = time.time()
        try:
            proc = subprocess.Popen(command, cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=err, text=True)
        except OSError as exc:
            raise BenchmarkError(f"cannot start selfcare ({exc})") from exc
        try:
            out, _ = proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise BenchmarkError(f"the app did not quit within {TIMEOUT_S:.0f} s after start "
                                 "(is SELFCARE_QUIT_AFTER_LOAD honoured?)") from None
        ended = time.time()
    if proc.returncode != 0:
        message = last_lines((workdir / "startup.stderr").read_text(encoding="utf-8"))
        raise BenchmarkError(f"the app exited {proc.returncode}: {message}")
    painted = [line for line in out.splitlines() if line.startswith(PAINT_MARK)]
    if not painted:
        raise BenchmarkError(f"the app never printed '{PAINT_MARK}' (is "
                             "SELFCARE_REPORT_FIRST_PAINT honoured?)")
    epoch = float(painted[0].split()[1])
    return Launch((epoch - began) * 1000, (ended - began) * 1000)


def import_profile(data_dir: Path) -> tuple[list[Import], list[Import]]:
    """Imports (before, after) the first paint, from one run under -X importtime."""
    entry = selfcare_command()
    command = [sys.executable, "-X", "importtime",
               *(entry if entry[0] == sys.executable else entry[:1]), "--data-dir", str(data_dir)]
    try:
        done = subprocess.run(command, cwd=REPO, env=startup_env(), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BenchmarkError("the app did not quit under -X importtime") from exc
    before: list[Import] = []
    after: list[Import] = []
    target = before
    for line in done.stdout.splitlines():
        if line.startswith(PAINT_MARK):
            target = after
        parsed = parse_importtime(line)
        if parsed is not None:
            target.append(parsed)
    if target is before:
        raise BenchmarkError(f"no first paint under -X importtime: {last_lines(done.stdout)}")
    return before, after


def parse_importtime(line: str) -> Import | None:
    if not line.startswith("import time:"):
        return None
    parts = line[len("import time:"):].split("|")
    if len(parts) != 3 or not parts[0].strip().isdigit():
        return None  # the header line
    name = parts[2].rstrip()
    level = (len(name) - len(name.lstrip()) - 1) // 2
    return Import(name.strip(), max(level, 0), int(parts[0]), int(parts[1]))


def run(quick: bool, workdir: Path) -> Section:
    section = Section(NAME)
    data_dir = workdir / "data"
    runs = RUNS_QUICK if quick else RUNS_FULL
    launch(data_dir, workdir)  # warm-up: page cache, bytecode, a new database
    launches = [launch(data_dir, workdir) for _ in range(runs)]
    paint = [x.first_paint_ms for x in launches]
    loaded = [x.loaded_ms for x in launches]
    median = statistics.median(paint)
    section.add("first paint, median", median, "ms", goal=f"< {GOAL_MS:.0f} ms",
                ok=median < GOAL_MS, note=f"{runs} runs after 1 warm-up")
    section.add("first paint, min / max", f"{min(paint):.0f} / {max(paint):.0f}", "ms")
    section.add("loaded (process exit), median", statistics.median(loaded), "ms",
                note=f"min {min(loaded):.0f}, max {max(loaded):.0f} ms; includes shutdown")
    section.data.update(first_paint_ms=[round(x, 1) for x in paint],
                        loaded_ms=[round(x, 1) for x in loaded])
    section.details.append(f"load during the runs: {load_average()}")
    before, after = import_profile(data_dir)
    report_imports(section, before, after)
    return section


def report_imports(section: Section, before: list[Import], after: list[Import]) -> None:
    total_ms = sum(i.cumulative_us for i in before if i.level == 0) / 1000
    heavy = sorted({i.module for i in before if i.module.split(".")[0] in HEAVY or
                    i.module in HEAVY})
    section.add("heavy imports before first paint", ", ".join(heavy) or "none", goal="none",
                ok=not heavy, note=f"{len(before)} modules, {total_ms:.0f} ms of imports "
                                   "(under -X importtime)")
    section.details.append("top 10 imports before the first paint (cumulative ms, self ms):")
    for item in sorted(before, key=lambda i: i.cumulative_us, reverse=True)[:10]:
        section.details.append(f"  {item.cumulative_us / 1000:7.1f} {item.self_us / 1000:7.1f}  "
                               f"{'  ' * item.level}{item.module}")
    section.details.append("top 5 imports after it, while loading:")
    for item in sorted(after, key=lambda i: i.cumulative_us, reverse=True)[:5]:
        section.details.append(f"  {item.cumulative_us / 1000:7.1f} {item.self_us / 1000:7.1f}  "
                               f"{'  ' * item.level}{item.module}")
    section.data["imports_before_paint"] = [i.__dict__ for i in before]


if __name__ == "__main__":
    from benchmarks.run import main

    raise SystemExit(main(["--only", NAME, *sys.argv[1:]]))
