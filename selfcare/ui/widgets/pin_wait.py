"""The wait after several wrong PINs, shown the same way for the clinician and patients.

While it lasts, the PIN field and its button are disabled and the message counts the
seconds down; then both come back with "You can try again now." The length comes from
the stored throttle (`core.clinician_pin.Throttle`), so it survives closing the app;
this only shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget


class PinWait(QObject):
    """Signals: `over` when the wait has ended and a try is allowed again."""

    over = Signal()

    def __init__(self, message: QLabel, blocked: Sequence[QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self._message = message
        self._blocked = tuple(blocked)
        self._left = 0
        self._after_wrong = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)  # never opens a moment early
        self._countdown.timeout.connect(self._tick)

    @property
    def waiting(self) -> bool:
        return self._left > 0

    def start(self, seconds: int, *, wrong: bool) -> None:
        """Wait `seconds`; `wrong` says the PIN just typed was not right."""
        self._left = seconds
        self._after_wrong = wrong
        self._enable(False)
        self._show()
        self._countdown.start()

    def stop(self) -> None:
        """Forget the wait on screen (the stored throttle still holds it)."""
        self._countdown.stop()
        self._left = 0
        self._enable(True)

    def _tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            self._show()
            return
        self.stop()
        self._say(self.tr("You can try again now."))
        self.over.emit()

    def _show(self) -> None:
        start = self.tr("That PIN is not right.") + " " if self._after_wrong else ""
        wait = self.tr("Please wait 1 second.") if self._left == 1 else \
            self.tr("Please wait %1 seconds.").replace("%1", str(self._left))
        self._say(start + self.tr("After several wrong tries, Selfcare waits before the "
                                  "next one.") + " " + wait)

    def _say(self, text: str) -> None:
        self._message.setText(text)
        self._message.show()

    def _enable(self, enabled: bool) -> None:
        for widget in self._blocked:
            widget.setEnabled(enabled)


def whole_seconds(total: float) -> int:
    """Whole seconds to wait, rounded up so the field never opens a moment early."""
    whole = int(total)
    return whole + (1 if total > whole else 0)
