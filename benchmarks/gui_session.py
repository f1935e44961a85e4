"""The GUI under a playing session, measured from inside its own process.

Run by `benchmarks.session_load` (or by hand):

    QT_QPA_PLATFORM=offscreen SDL_AUDIODRIVER=dummy \\
        python -m benchmarks.gui_session --session pmr-short --seconds 20 --data-dir /tmp/x

It calls `selfcare.app.run` itself, so the window, services and controller are
built exactly as `selfcare` builds them. Once `MainWindow.loaded` fires it picks
the session (`window.choose_session`), answers the pain question
(`window.rating.answered.emit(5)`), which starts it, and lets it play. It prints
`playing` when the session starts and, at the end, `result {json}` with its peak
RSS (getrusage ru_maxrss) and its CPU time over wall time during play. Then it
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

    def __init__(self, qapp: Any, session: str, seconds: float, pre: int, post: int) -> None:
        self.qapp = qapp
        self.session = session
        self.seconds = seconds
        self.pre = pre
        self.post = post
        self.window: Any = None
        self.result: dict[str, Any] = {}
        self.error: str | None = None
        self._wall = 0.0
        self._cpu = 0.0

    def attach(self) -> None:
        """First turn of the event loop: find the window `run` built, wait for `loaded`."""
        from PySide6.QtCore import QTimer

        from selfcare.ui.main_window import MainWindow

        windows = [w for w in self.qapp.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            self.fail("selfcare.app.run did not build a MainWindow")
            return
        self.window = windows[0]
        if self.window.services is not None:
            self.start()
        else:
            self.window.loaded.connect(self.start)
            QTimer.singleShot(LOAD_TIMEOUT_MS, self._load_timeout)

    def _load_timeout(self) -> None:
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
        self.result = {
            "wall_s": round(wall, 3),
            "cpu_s": round(cpu, 3),
            "cpu_percent": round(100 * cpu / wall, 3),
            "ru_maxrss_mib": round(max_rss_kib() / 1024, 1),
            "position_s": round(output.position() / SAMPLE_RATE, 3),
            "still_playing": self.window.mode is Mode.PLAYING,
            "underruns": getattr(output, "underruns", None),
            "silent_reason": output.silent_reason,
        }
        self.window.player.stop_requested.emit()  # the Stop button
        if self.window.mode is Mode.RATING_AFTER:
            self.window.rating.answered.emit(self.post)
        self.result["ended_on"] = self.window.stack.currentWidget().__class__.__name__
        self.window.close()
        self.qapp.quit()

    def fail(self, message: str) -> None:
        self.error = message
        if self.window is not None:
            self.window.close()
        self.qapp.exit(2)


def max_rss_kib() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


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
    from PySide6.QtWidgets import QApplication

    import selfcare.cli  # noqa: F401 - as `selfcare` does: SDL_NO_SIGNAL_HANDLERS before pygame
    from selfcare.app import run

    qapp = QApplication(sys.argv[:1])  # run() reuses it
    driver = Driver(qapp, args.session, args.seconds, args.pre, args.post)
    QTimer.singleShot(0, driver.attach)  # fires once run() has shown the window
    code = run(data_dir=str(args.data_dir))
    if driver.error or not driver.result:
        print(f"gui_session: {driver.error or 'the session never ran'} (exit {code})",
              file=sys.stderr)
        return 1
    print("result " + json.dumps(driver.result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
