"""The GUI under a playing session, measured from inside its own process.

Run by `benchmarks.session_load` (or by hand):

    QT_QPA_PLATFORM=offscreen SDL_AUDIODRIVER=dummy \\
        python -m benchmarks.gui_session --session pmr-short --seconds 20 --data-dir /tmp/x

It does what `selfcare.app.run` does (`start_window`, the event loop, `shutdown`),
so the window, services and controller are built exactly as `selfcare` builds
them. Once `MainWindow.loaded` fires it picks
the session (`window.choose_session`), answers the pain question
(`window.rating.answered.emit(5)`), which starts it, and lets it play. It prints
`playing` when the session starts and, at the end, `result {json}` with its peak
RSS (getrusage ru_maxrss, and VmHWM, which unlike ru_maxrss never includes the
launching process's peak) and its CPU time over wall time during play. Then it
stops the session, answers the after-question and quits like a person would.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LOAD_TIMEOUT_MS = 60_000


class Driver:
    """Steps through the window's flow from the Qt event loop and measures the play."""

    def __init__(self, qapp: Any, window: Any, session: str, seconds: float, pre: int,
                 post: int) -> None:
        self.qapp = qapp
        self.window = window
        self.session = session
        self.seconds = seconds
        self.pre = pre
        self.post = post
        self.result: dict[str, Any] = {}
        self.error: str | None = None
        self._wall = 0.0
        self._cpu = 0.0

    def load_timeout(self) -> None:
        if not self._wall and self.error is None:
            self.fail(f"the window did not finish loading in {LOAD_TIMEOUT_MS // 1000} s")

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        from selfcare.ui.main_window import Mode

        services = self.window.services
        if self.session not in services.scripts:
            self.fail(f"no session '{self.session}' (have: {', '.join(services.scripts)})")
            return
        self.window.choose_session(self.session)
        if self.window.mode is not Mode.RATING_BEFORE:
            self.fail(f"choosing the session led to {self.window.mode}, not the pain question")
            return
        self.result["ru_maxrss_before_play_mib"] = round(max_rss_kib() / 1024, 1)
        self.result["vmhwm_before_play_mib"] = vmhwm_mib()
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        print("playing", flush=True)
        self.window.rating.answered.emit(self.pre)
        if self.mode() is not Mode.PLAYING:
            self.fail(f"answering the pain question led to {self.window.mode}, not playing")
            return
        QTimer.singleShot(round(self.seconds * 1000), self.finish)

    def mode(self) -> Any:
        """The window's mode now (a method, so a type checker does not assume it is fixed)."""
        return self.window.mode

    def finish(self) -> None:
        from selfcare.core.timeline import SAMPLE_RATE
        from selfcare.ui.main_window import Mode

        wall = time.perf_counter() - self._wall
        cpu = time.process_time() - self._cpu
        services = self.window.services
        output = services.output
        self.result |= {
            "wall_s": round(wall, 3),
            "cpu_s": round(cpu, 3),
            "cpu_percent": round(100 * cpu / wall, 3),
            "ru_maxrss_mib": round(max_rss_kib() / 1024, 1),
            "vmhwm_mib": vmhwm_mib(),
            "position_s": round(output.position() / SAMPLE_RATE, 3),
            "still_playing": self.window.mode is Mode.PLAYING,
            "underruns": getattr(output, "underruns", None),
            "silent_reason": output.silent_reason,
        }
        self.window.player.stop_requested.emit()  # the Stop button
        if self.window.mode is Mode.RATING_AFTER:
            self.window.rating.answered.emit(self.post)
        self.result["ended_on"] = self.window.stack.currentWidget().__class__.__name__
        self.result |= unique_memory()  # after stopping: reading smaps can stall a player
        self.window.close()
        self.qapp.quit()

    def fail(self, message: str) -> None:
        self.error = message
        if self.window is not None:
            self.window.close()
        self.qapp.exit(2)


def unique_memory() -> dict[str, int]:
    """USS (private pages) and PSS in bytes from /proc/self/smaps_rollup, where it exists."""
    try:
        text = Path("/proc/self/smaps_rollup").read_text(encoding="utf-8")
    except OSError:
        return {}
    kib = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB":
            kib[key] = int(parts[0])
    if "Pss" not in kib:
        return {}
    private = kib.get("Private_Clean", 0) + kib.get("Private_Dirty", 0)
    return {"uss_bytes": private * 1024, "pss_bytes": kib["Pss"] * 1024}


def max_rss_kib() -> int:
    """getrusage's peak RSS in KiB.

    On Linux it also counts the peak of the process that spawned this one (the
    kernel carries the old memory map's high-water mark across vfork + exec), so
    it is only this process's own peak when the launcher was smaller; VmHWM is not
    affected."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


def vmhwm_mib() -> float | None:
    """This process's own peak RSS (VmHWM in /proc/self/status), where there is one."""
    try:
        text = Path("/proc/self/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gui_session",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--session", default="pmr-short", help="a built-in session id")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to let it play")
    parser.add_argument("--data-dir", required=True, type=Path, help="a throw-away data folder")
    parser.add_argument("--pre", type=int, default=5)
    parser.add_argument("--post", type=int, default=4)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("SELFCARE_NO_ERROR_DIALOGS", "1")
    os.environ.pop("SELFCARE_QUIT_AFTER_LOAD", None)
    from PySide6.QtCore import QTimer

    import selfcare.cli  # noqa: F401 - as `selfcare` does: SDL_NO_SIGNAL_HANDLERS before pygame

    try:  # selfcare.app.run is exactly: start_window, (quit-after-load hook), exec, shutdown
        from selfcare.app import shutdown, start_window
    except ImportError as exc:
        print(f"gui_session: selfcare.app no longer offers start_window/shutdown ({exc}); "
              "this driver must follow selfcare.app.run", file=sys.stderr)
        return 1
    qapp, window = start_window(data_dir=str(args.data_dir))
    driver = Driver(qapp, window, args.session, args.seconds, args.pre, args.post)
    window.loaded.connect(driver.start)
    QTimer.singleShot(LOAD_TIMEOUT_MS, driver.load_timeout)
    code = qapp.exec()
    shutdown(window)
    if driver.error or "cpu_percent" not in driver.result:
        print(f"gui_session: {driver.error or 'the session never ran'} (exit {code})",
              file=sys.stderr)
        return 1
    print("result " + json.dumps(driver.result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
