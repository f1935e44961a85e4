"""The main window: a top bar and one page at a time, wired to the session controller.

It is shown before anything slow is loaded (`attach` brings the services in once
the first frame is painted), so the person sees the app at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from selfcare import APP_NAME
from selfcare.ui.pages.common import button, label
from selfcare.ui.pages.library_page import LibraryPage, SessionEntry

if TYPE_CHECKING:
    from selfcare.audio.output import OutputStream
    from selfcare.core.scripts import SessionScript
    from selfcare.session_setup import OpenedStore
    from selfcare.ui.session_controller import SessionController

log = logging.getLogger(__name__)


@dataclass
class Services:
    """What the window needs once loaded; built by the composition root."""

    controller: SessionController
    opened: OpenedStore
    output: OutputStream
    scripts: dict[str, SessionScript]
    entries: list[SessionEntry]
    notices: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.output.close()
        self.opened.close()


class Mode(Enum):
    BROWSING = auto()
    RATING_BEFORE = auto()
    PLAYING = auto()
    RATING_AFTER = auto()


class MainWindow(QMainWindow):
    """Signals: `loaded` once the services are attached."""

    loaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.resize(1040, 760)
        self.setMinimumSize(760, 560)
        self.services: Services | None = None
        self.painted_filter: object | None = None
        self.mode = Mode.BROWSING
        self._script: SessionScript | None = None
        self._lang = "en"
        central = QWidget(self)
        central.setObjectName("page")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._top_bar(central))
        self.stack = QStackedWidget(central)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.library = LibraryPage(self)
        self.stack.addWidget(self.library)
        self._show(self.library)

    def _build_pages(self) -> None:
        """The pages behind the library, made after the first paint to keep start-up fast."""
        from selfcare.ui.pages.history_page import HistoryPage
        from selfcare.ui.pages.player_page import PlayerPage
        from selfcare.ui.pages.rating_page import RatingPage
        from selfcare.ui.pages.summary_page import SummaryPage

        self.rating = RatingPage(self)
        self.player = PlayerPage(self)
        self.summary = SummaryPage(self)
        self.history = HistoryPage(self)
        for page in (self.rating, self.player, self.summary, self.history):
            self.stack.addWidget(page)
        self._connect_pages()

    def _top_bar(self, parent: QWidget) -> QWidget:
        bar = QWidget(parent)
        bar.setObjectName("page")
        row = QHBoxLayout(bar)
        row.setContentsMargins(36, 18, 36, 0)
        row.addWidget(label(APP_NAME, "appName", bar, wrap=False))
        row.addStretch(1)
        self.nav_sessions = button(self.tr("Sessions"), bar, name="nav")
        self.nav_history = button(self.tr("My history"), bar, name="nav")
        for nav in (self.nav_sessions, self.nav_history):
            nav.setCheckable(True)
            row.addWidget(nav)
        self.nav_sessions.clicked.connect(lambda: self._show(self.library))
        self.nav_history.clicked.connect(self.show_history)
        return bar

    def _connect_pages(self) -> None:
        self.library.chosen.connect(self.choose_session)
        self.rating.answered.connect(self._on_rating)
        self.rating.back.clicked.connect(self._back_to_library)
        self.summary.done.connect(self._back_to_library)
        self.summary.history_requested.connect(self.show_history)

    def attach(self, services: Services) -> None:
        """Bring in the loaded services: sessions to list, a controller to play them."""
        self.services = services
        self._build_pages()
        controller = services.controller
        self.player.pause_toggled.connect(controller.toggle_pause)
        self.player.next_step.connect(controller.next_step)
        self.player.previous_step.connect(controller.previous_step)
        self.player.stop_requested.connect(self._stop_early)
        self.player.volumes_changed.connect(controller.set_volumes)
        controller.view_changed.connect(self.player.show_view)
        controller.paused_changed.connect(self.player.set_paused)
        controller.finished.connect(self._ask_after)
        controller.store_failed.connect(self._show_store_problem)
        self.player.set_volumes(controller.voice, controller.background)
        self.library.set_entries(services.entries)
        self.library.show_notice("\n".join(services.notices))

    def cannot_record(self, detail: str) -> None:
        """Without a record file no rating could be kept: say so instead of pretending."""
        self.library.show_notice(self.tr(
            "Selfcare cannot keep your records right now, so sessions are not available. "
            "Please ask whoever looks after this computer to check the data folder. "
            "Details: %1").replace("%1", detail))
        self.library.loading.setText(self.tr("Sessions are not available."))

    # -- the flow -----------------------------------------------------------------------

    def choose_session(self, script_id: str) -> None:
        if self.services is None or script_id not in self.services.scripts:
            return
        self._script = self.services.scripts[script_id]
        self._lang = session_language(self._script)
        self.mode = Mode.RATING_BEFORE
        self.rating.ask_before(self._script.title_in(self._lang))
        self._show(self.rating)

    def open_session(self, id_or_path: str, lang: str | None = None) -> None:
        """Go straight to a session (`selfcare play ID`), built-in or from a file."""
        from selfcare.library import resolve_script

        if self.services is None:
            return
        result = resolve_script(id_or_path)
        if result.script is None:
            self.library.show_notice(self.tr("This session could not be opened: %1").replace(
                "%1", "; ".join(str(p) for p in result.problems[:3])))
            return
        self.services.scripts[result.script.id] = result.script
        self.choose_session(result.script.id)
        if lang in result.script.languages:
            self._lang = lang
            self.rating.ask_before(result.script.title_in(lang))

    def _on_rating(self, value: int | None) -> None:
        if self.mode is Mode.RATING_BEFORE:
            self._start(value)
        elif self.mode is Mode.RATING_AFTER:
            self._finish(value)

    def _start(self, pre: int | None) -> None:
        assert self.services is not None and self._script is not None
        reason = self.services.controller.start(self._script, self._lang, pre)
        notice = None
        if reason:
            notice = self.tr("No sound is playing: %1. The session runs silently; follow "
                             "the words on screen.").replace("%1", reason)
        self.mode = Mode.PLAYING
        self.player.begin(self._script.title_in(self._lang), notice, self._script.kind,
                          self._lang)
        self._show(self.player)

    def _show_store_problem(self, detail: str) -> None:
        self.player.show_notice(self.tr(
            "Your progress could not be saved just now (%1). The session goes on; the "
            "ratings you gave before it started are safe.").replace("%1", detail))

    def _stop_early(self) -> None:
        if self.services is not None and self.mode is Mode.PLAYING:
            self.services.controller.stop()
            self._ask_after()

    def _ask_after(self) -> None:
        assert self.services is not None and self._script is not None
        self.mode = Mode.RATING_AFTER
        self.rating.ask_after(self._script.title_in(self._lang))
        self._show(self.rating)

    def _finish(self, post: int | None) -> None:
        assert self.services is not None
        outcome = self.services.controller.give_post_rating(post)
        self.mode = Mode.BROWSING
        if outcome is not None:
            self.summary.show_outcome(outcome)
        self._show(self.summary)

    def _back_to_library(self) -> None:
        self.mode = Mode.BROWSING
        self._show(self.library)

    def show_history(self) -> None:
        if self.services is None:
            return
        self.history.set_records(self.services.opened.store.history())
        self._show(self.history)

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        browsing = self.mode is Mode.BROWSING
        self.nav_sessions.setEnabled(browsing)
        self.nav_history.setEnabled(browsing and self.services is not None)
        self.nav_sessions.setChecked(page is self.library)
        self.nav_history.setChecked(page is getattr(self, "history", None))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing mid-session records it as interrupted; nothing already given is lost."""
        if self.services is not None and self.services.controller.active:
            log.info("window closed during a session: recording it as interrupted")
            self.services.controller.stop()
        event.accept()


def session_language(script: SessionScript) -> str:
    """The interface language if the script has it, else the script's first language."""
    wanted = QLocale().name().split("_")[0]
    return wanted if wanted in script.languages else script.languages[0]
