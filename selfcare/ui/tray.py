"""Plan reminders: a thin Qt controller around the pure `reminder_due` rule.

A timer asks every half minute whether one of the plan's reminder times has passed
since the last look while a practice is still due; if so it says so once, gently,
through the system tray when there is one and always through `reminded` so the
window can show the same words in the app. Comparing clock times (never counting
ticks) means a computer that slept through 18:00 is reminded when it wakes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from selfcare import APP_NAME, paths
from selfcare.core.ports import StoreUnavailable
from selfcare.core.today import Today, reminder_due
from selfcare.ui.style import STANDARD

log = logging.getLogger(__name__)

CHECK_MS = 30_000  # a reminder comes at most half a minute late
ICON_SIZE = 64
APP_ICON_SIZES = (16, 32, 48, 256)  # the PNGs in assets/icons (packaging/icons.py makes them)

ReminderView = Callable[[], tuple[Today | None, tuple[time, ...]]]


class Reminders(QObject):
    """Signals: reminded(str) with the words of a reminder, open_requested(),
    quit_requested() (the menu's Quit: the window may only be hidden in the tray).

    `view` returns the current person's Today (for today's date; None without a plan)
    and the plan's reminder times; it is called at every check, so it stays current
    as sessions are done and plans change. `now` returns local time.
    """

    reminded = Signal(str)
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, view: ReminderView, now: Callable[[], datetime] = datetime.now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._now = now
        self._last_check: datetime  # set by start()
        self._last_reminder: tuple[date, time] | None = None
        self._menu: QMenu | None = None
        self._open_action: QAction | None = None
        self._quit_action: QAction | None = None
        self._told_still_running = False
        self.tray = self._make_tray() if QSystemTrayIcon.isSystemTrayAvailable() else None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.start()

    def start(self) -> None:
        """Check from now on; times that passed while stopped are not reminded."""
        self._last_check = self._now()
        self.timer.start()
        if self.tray is not None:
            self.tray.show()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check(self) -> time | None:
        """Remind if a reminder time passed since the last check; the time reminded, or None."""
        now = self._now()
        try:
            view, reminders = self._view()
        except StoreUnavailable:
            # The window tells the person about the record file; try again next time.
            log.warning("reminders: the record file cannot be read now", exc_info=True)
            return None
        last, self._last_check = self._last_check, now
        if view is None:
            return None
        due = reminder_due(reminders, now, last, view)
        # A clock set back (daylight saving ends) would pass the same time twice.
        if due is None or (now.date(), due) == self._last_reminder:
            return None
        self._last_reminder = (now.date(), due)
        self._remind()
        return due

    def retranslate(self) -> None:
        """Words of the tray menu in the language just installed."""
        if self._open_action is not None:
            self._open_action.setText(self.tr("Open Selfcare"))
        if self._quit_action is not None:
            self._quit_action.setText(self.tr("Quit Selfcare"))

    def say_still_running(self) -> None:
        """Once per run, when the window closes into the tray: where Selfcare went, and
        how to quit it for good."""
        if self._told_still_running or self.tray is None:
            return
        self._told_still_running = True
        if QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(
                self.tr("Selfcare is still here"),
                self.tr("It stays in this corner to remind you of your plan. To close it "
                        "completely, choose Quit Selfcare from this icon's menu."))

    def _remind(self) -> None:
        title = self.tr("Time for your practice")
        body = self.tr("Your plan has a session for today. Open Selfcare when you are ready.")
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, body)
        self.reminded.emit(body)

    def _make_tray(self) -> QSystemTrayIcon:
        tray = QSystemTrayIcon(app_icon(), self)
        tray.setToolTip(APP_NAME)
        # QMenu is a widget and cannot have a QObject parent: kept alive here.
        self._menu = QMenu()
        self._open_action = self._menu.addAction(self.tr("Open Selfcare"))
        self._open_action.triggered.connect(self.open_requested)
        self._quit_action = self._menu.addAction(self.tr("Quit Selfcare"))
        self._quit_action.triggered.connect(self.quit_requested)
        tray.setContextMenu(self._menu)
        tray.activated.connect(self._activated)
        tray.messageClicked.connect(self.open_requested)
        return tray

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        """A click on the icon opens the app, as on every desktop; the menu has the rest."""
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()


def app_icon() -> QIcon:
    """The application's icon: the window's, else the bundled PNGs, else (a file lost
    from an install) a plain circle in the accent colour, so the tray is never blank."""
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = bundled_icon()
    if not icon.isNull():
        return icon
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STANDARD.accent))
    margin = ICON_SIZE // 16
    painter.drawEllipse(margin, margin, ICON_SIZE - 2 * margin, ICON_SIZE - 2 * margin)
    painter.end()
    return QIcon(pixmap)


def bundled_icon() -> QIcon:
    """The app's icon from assets/icons, in every size found there; null if none is.

    Each file is read only when a size near it is first drawn (Qt's icon engine), so
    this costs a few file checks, not a decode.
    """
    icon = QIcon()
    for size in APP_ICON_SIZES:
        path = paths.icon_path(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
