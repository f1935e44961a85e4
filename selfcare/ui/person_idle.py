"""Signing a patient out of a shared computer when they walk away.

On a clinic computer each patient sees only their own sessions, ratings and history;
a patient who leaves without pressing **Switch** would leave them open to the next
person. While someone is chosen, this watches for key presses, clicks, wheel and touch
anywhere in the app and says `timed_out` once `PERSON_IDLE_LIMIT` has passed without
any. The window decides whether it is a moment to sign out (never in a session or a
rating) and asks again later if not. A home computer (no patients) is never watched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from selfcare.core.idle import PERSON_IDLE_LIMIT, idle_too_long

CHECK_EVERY_MS = 15_000
# What counts as someone using the app (clinician mode's idle rule uses the same).
ACTIVITY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                             QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class PersonIdle(QObject):
    """Signals: `timed_out` when the person chosen has been idle for `limit`."""

    timed_out = Signal()

    def __init__(self, parent: QObject | None = None, limit: timedelta = PERSON_IDLE_LIMIT,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self._now = now
        self.limit = limit
        self.watching = False
        self._last_activity = now()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    def watch(self, on: bool) -> None:
        """Start (from now) or stop watching; the event filter is there only meanwhile."""
        app = QApplication.instance()
        if on and not self.watching:
            self._last_activity = self._now()
            if app is not None:
                app.installEventFilter(self)
            self._timer.start()
        elif not on and self.watching:
            if app is not None:
                app.removeEventFilter(self)
            self._timer.stop()
        self.watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in ACTIVITY_EVENTS:
            self._last_activity = self._now()
        return False

    def check(self) -> None:
        if self.watching and idle_too_long(self._last_activity, self._now(), self.limit):
            self.timed_out.emit()
