"""The composition root of the window: Qt and the window first, then everything else.

Order matters for how fast the app appears: the window is shown and painted
first; the database (sqlite-utils), the scripts (msgspec) and the sound device
(pygame, numpy) are loaded just after the first paint, one logged step each.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from selfcare import APP_ID, APP_NAME, __version__
from selfcare.ui import i18n
from selfcare.ui.errors import ErrorReporter
from selfcare.ui.main_window import Display, MainWindow
from selfcare.ui.style import apply_style

if TYPE_CHECKING:
    from pathlib import Path

    from selfcare.settings import Settings

log = logging.getLogger(__name__)
STARTED = time.perf_counter()
SIGNAL_CHECK_MS = 250


class _FirstPaint(QObject):
    """Runs `then` once, right after the watched widget's first paint."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self._then = then
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._done and event.type() == QEvent.Type.Paint:
            if os.environ.get("SELFCARE_REPORT_FIRST_PAINT"):  # for benchmarks/startup.py
                print(f"first-paint-epoch {time.time():.6f}", flush=True)
            self.fire()
        return False

    def fire(self) -> None:
        """Run `then` soon, once, painted or not (a start in the tray paints nothing)."""
        if not self._done:
            self._done = True
            QTimer.singleShot(0, self._then)


def run(data_dir: str | None = None, session: str | None = None, lang: str | None = None,
        in_tray: bool = False) -> int:
    """Open the window, load everything else after it is painted, run until closed.

    `in_tray` (start at login): load without showing the window and stay in the system
    tray when the plan has reminders to give there; otherwise open the window as usual."""
    app, window = start_window(data_dir, session, lang, in_tray)
    if os.environ.get("SELFCARE_QUIT_AFTER_LOAD"):
        window.loaded.connect(app.quit)
    code = app.exec()
    shutdown(window)
    return code


def start_window(data_dir: str | None = None, session: str | None = None,
                 lang: str | None = None,
                 in_tray: bool = False) -> tuple[QApplication, MainWindow]:
    """Everything up to the event loop: logging, Qt, the window shown, SIGTERM handled."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    folder, settings = read_settings(data_dir)
    i18n.install_language(settings.choice("language") or i18n.system_language())
    display = Display.from_settings(settings)
    apply_style(app, display.theme, display.text_scale)
    window = MainWindow(display)
    reporter = ErrorReporter(window, None,
                             dialogs=not os.environ.get("SELFCARE_NO_ERROR_DIALOGS"))
    reporter.install()
    def load() -> None:
        load_into(window, reporter, folder, settings, session, lang)
        if in_tray and not window.isVisible() and not window.keeps_reminding():
            log.info("started for the tray, but there is nothing to remind: window shown")
            window.show()

    painted = _FirstPaint(load)
    window.installEventFilter(painted)
    window.painted_filter = painted  # kept alive as long as the window
    if in_tray:
        painted.fire()
    else:
        window.show()
    _end_cleanly_on_sigterm(app, window)
    return app, window


def read_settings(data_dir: str | None) -> tuple[Path, Settings]:
    """The data folder and the person's settings: language, text size and contrast must
    be right in the very first frame (a small JSON file, read before the window)."""
    from pathlib import Path

    from selfcare import paths
    from selfcare.settings import Settings

    folder = Path(data_dir) if data_dir else paths.default_data_dir()
    return folder, Settings(folder)


def load_into(window: MainWindow, reporter: ErrorReporter, folder: Path, settings: Settings,
              session: str | None, lang: str | None) -> None:
    """The slow part of start-up, after the window is on screen: icon, logs, store, sound."""
    from selfcare.core.ports import StoreUnavailable
    from selfcare.logs import setup_logging
    from selfcare.services import load_services  # sqlite-utils, msgspec, numpy, pygame
    from selfcare.ui.tray import bundled_icon

    # The window and the tray (made with the services) share it. Set after the first
    # paint: the desktop shows the entry's icon until then, and the paint waits for nothing.
    QApplication.setWindowIcon(bundled_icon())
    reporter.log_file = setup_logging(folder)
    log.info("Selfcare %s; data in %s; first paint after %.0f ms", __version__, folder,
             (time.perf_counter() - STARTED) * 1000)
    try:
        services = load_services(window, folder, settings)
    except StoreUnavailable as exc:
        log.error("cannot open the record file: %s", exc)
        window.cannot_record(str(exc))
        window.loaded.emit()
        return
    window.attach(services)
    if session is not None:
        window.open_session(session, lang)
    window.loaded.emit()


def shutdown(window: MainWindow) -> None:
    services = window.services
    if services is None:
        return
    if services.controller.active:
        services.controller.stop()
    services.close()
    log.info("closed")


def _end_cleanly_on_sigterm(app: QApplication, window: MainWindow) -> None:
    """A logout sends SIGTERM: close the window, which records the session as interrupted."""

    def on_signal(signum: int, frame: object) -> None:
        log.info("signal %d received: closing", signum)
        window.quit_app()

    signal.signal(signal.SIGTERM, on_signal)
    # Python runs signal handlers only when it gets control; give it that regularly.
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(SIGNAL_CHECK_MS)
