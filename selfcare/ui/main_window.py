"""The main window: a top bar and one page at a time, wired to the session controller.

It is shown before anything slow is loaded (`attach` brings the services in once
the first frame is painted), so the person sees the app at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selfcare import APP_NAME
from selfcare.core.ports import StoreUnavailable
from selfcare.ui import i18n, style
from selfcare.ui.pages.common import button, label
from selfcare.ui.pages.library_page import LibraryPage, SessionEntry
from selfcare.ui.person_idle import PersonIdle
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.pin_wait import whole_seconds

if TYPE_CHECKING:
    from datetime import time

    from selfcare.audio.output import OutputStream
    from selfcare.core.measures import Instrument
    from selfcare.core.plan_file import PlanFile
    from selfcare.core.player_view import PlayerView
    from selfcare.core.questions import QuestionList
    from selfcare.core.safety import SafetyProfile
    from selfcare.core.scripts import SessionScript
    from selfcare.core.session_run import Outcome
    from selfcare.core.tailoring import Change, TailoredSession
    from selfcare.core.today import Today
    from selfcare.session_setup import OpenedStore
    from selfcare.settings import Settings
    from selfcare.ui.clinician_mode import ClinicianMode
    from selfcare.ui.session_controller import SessionController
    from selfcare.ui.tray import Reminders

log = logging.getLogger(__name__)

QUESTION_OPTIONS = ("ask_tension", "ask_tiredness", "ask_anxiety", "ask_wellbeing",
                    "ask_soreness", "ask_weekly_check", "ask_note")


@dataclass
class Services:
    """What the window needs once loaded; built by the composition root.

    `entries` makes the library's cards in the current interface language, so a
    change of language can make them again.
    """

    controller: SessionController
    opened: OpenedStore
    output: OutputStream
    scripts: dict[str, SessionScript]
    entries: Callable[[], list[SessionEntry]]
    settings: Settings
    notices: Callable[[], list[str]] = list
    measures: dict[str, Instrument] = field(default_factory=dict)  # questionnaires by id
    closed: bool = False

    def close(self) -> None:
        self.output.close()
        self.opened.close()
        self.closed = True


@dataclass(frozen=True)
class Display:
    """How the interface looks and moves; read from the settings before the first paint."""

    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
    captions: bool = True

    @property
    def theme(self) -> style.Theme:
        return style.HIGH_CONTRAST if self.high_contrast else style.STANDARD

    @classmethod
    def from_settings(cls, settings: Settings) -> Display:
        return cls(settings.get("text_scale"), settings.flag("high_contrast"),
                   settings.flag("reduced_motion"), settings.flag("captions"))


class Mode(Enum):
    BROWSING = auto()
    RATING_BEFORE = auto()
    PLAYING = auto()
    RATING_AFTER = auto()


class MainWindow(QMainWindow):
    """Signals: `loaded` once the services are attached."""

    loaded = Signal()

    def __init__(self, display: Display | None = None) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.resize(1040, 760)
        self.setMinimumSize(760, 560)
        self.display = display or Display()
        self.services: Services | None = None
        self.painted_filter: object | None = None
        self.mode = Mode.BROWSING
        self._script: SessionScript | None = None
        self._lang = "en"
        self._fallback = False  # the session plays in another language than the interface
        self._asking: QuestionList  # the questions before or after the session, once chosen
        self._pre_answers: dict[str, int | None] = {}
        self._outcome: Outcome | None = None
        self.reminders: Reminders | None = None
        self.person: int | None = None  # a clinic patient's id; None is the person at home
        self.person_name = ""
        self._person_chosen = False  # on a clinic computer, someone said who is practising
        self._changes: tuple[Change, ...] = ()  # what safety changed in the session now
        self._pending_plan: PlanFile | None = None  # a plan file waiting for Apply
        self.clinician: ClinicianMode | None = None
        self._quitting = False  # closing now ends the app even with reminders in the tray
        self.person_idle = PersonIdle(self)
        self.person_idle.timed_out.connect(self.sign_out_idle_person)
        self._build_frame()

    def _build_frame(self) -> None:
        """Top bar, page stack and the library; made again when the language changes."""
        central = QWidget(self)
        central.setObjectName("page")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._top_bar(central))
        self.stack = QStackedWidget(central)
        outer.addWidget(self.stack, 1)
        old = self.centralWidget()
        self.setCentralWidget(central)
        if old is not None:
            old.deleteLater()
        self.library = LibraryPage(self.stack)
        self.stack.addWidget(self.library)
        self._show(self.library)

    def _build_pages(self) -> None:
        """The pages behind the library, made after the first paint to keep start-up fast."""
        from selfcare.ui.clinician_mode import ClinicianMode
        from selfcare.ui.pages.history_page import HistoryPage
        from selfcare.ui.pages.import_page import ImportPage
        from selfcare.ui.pages.people_page import PeoplePage
        from selfcare.ui.pages.player_page import PlayerPage
        from selfcare.ui.pages.rating_page import RatingPage
        from selfcare.ui.pages.settings_page import SettingsPage
        from selfcare.ui.pages.summary_page import SummaryPage
        from selfcare.ui.pages.today_page import TodayPage

        assert self.services is not None
        shown = self.display
        self.rating = RatingPage(self.stack)
        self.player = PlayerPage(self.stack)
        self.player.set_display(reduced_motion=shown.reduced_motion, captions=shown.captions)
        self.summary = SummaryPage(self.stack)
        self.history = HistoryPage(self.stack)
        self.settings_page = SettingsPage(
            i18n.current_language(), shown.text_scale, shown.high_contrast,
            shown.reduced_motion, shown.captions, self.stack,
            questions={name: self.services.settings.flag(name) for name in QUESTION_OPTIONS},
            start_at_login=_starts_at_login())
        self.today = TodayPage(self.stack)
        self.people = PeoplePage(self.stack)
        self.import_page = ImportPage(self.stack)
        for page in (self.rating, self.player, self.summary, self.history, self.settings_page,
                     self.today, self.people, self.import_page):
            self.stack.addWidget(page)
        if self.clinician is not None:
            self.clinician.leave()
        self.clinician = ClinicianMode(self.stack, self.services.opened.db,
                                       self.services.entries, self.services.scripts)
        self._connect_pages()

    def _top_bar(self, parent: QWidget) -> QWidget:
        bar = QWidget(parent)
        bar.setObjectName("page")
        # never squeezed: at 200 % text, in Spanish, with a name and Today, the buttons wrap
        # onto a second line instead of being clipped
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        bar.setSizePolicy(policy)
        frame = QVBoxLayout(bar)
        frame.setContentsMargins(36, 18, 36, 0)
        row = FlowRow()
        frame.addLayout(row)
        row.add(label(APP_NAME, "appName", bar, wrap=False))
        self.person_button = button("", bar, name="link",
                                    description=self.tr("Choose who is practising"))
        self.person_button.hide()
        self.person_button.clicked.connect(self.choose_person)
        row.add(self.person_button)
        self.nav_today = button(self.tr("Today"), bar, name="nav")
        self.nav_today.hide()
        self.nav_today.setCheckable(True)
        self.nav_today.clicked.connect(self.show_today)
        row.add_trailing(self.nav_today)
        self.nav_sessions = button(self.tr("Sessions"), bar, name="nav")
        self.nav_history = button(self.tr("My history"), bar, name="nav")
        self.nav_settings = button(self.tr("Settings"), bar, name="nav",
                                   description=self.tr("Language, text size, contrast"))
        for nav in (self.nav_sessions, self.nav_history, self.nav_settings):
            nav.setCheckable(True)
            row.add_trailing(nav)
        self.nav_sessions.clicked.connect(lambda: self._show(self.library))
        self.nav_history.clicked.connect(self.show_history)
        self.nav_settings.clicked.connect(self.show_settings)
        return bar

    def _connect_pages(self) -> None:
        self.library.chosen.connect(self.choose_session)
        self.rating.answered.connect(self._on_rating)
        self.rating.skip_rest.connect(self._skip_weekly)
        self.rating.back.clicked.connect(self._question_back)
        self.summary.done.connect(self._back_to_library)
        self.summary.history_requested.connect(self.show_history)
        self.summary.note_written.connect(self._save_note)
        self.settings_page.changed.connect(self.change_setting)
        self.history.export_requested.connect(self.export_csv)
        self.history.report_requested.connect(self.export_report)
        self.settings_page.open_plan_file.connect(self.open_plan_file)
        self.settings_page.save_log_file.connect(self.save_log_file)
        self.settings_page.clinician_requested.connect(self.enter_clinician_mode)
        self.today.start.connect(self.choose_session)
        self.today.browse.connect(lambda: self._show(self.library))
        self.people.chosen.connect(self._person_picked)
        self.people.pin_given.connect(self._person_pin)
        self.people.pin_asked.connect(self._person_pin_asked)
        self.import_page.apply.connect(self._apply_plan)
        self.import_page.cancel.connect(self._cancel_plan)
        assert self.clinician is not None
        self.clinician.left.connect(self.go_home)
        self.clinician.practise.connect(self.set_person)
        self.clinician.patients_changed.connect(self._show_person)

    def attach(self, services: Services) -> None:
        """Bring in the loaded services: sessions to list, a controller to play them."""
        self.services = services
        self._build_pages()
        controller = services.controller
        controller.view_changed.connect(self._show_view)
        controller.paused_changed.connect(self._set_paused)
        controller.finished.connect(self._ask_after)
        controller.store_failed.connect(self._show_store_problem)
        self._wire_player()
        self.library.set_entries(services.entries())
        self.library.show_notice("\n".join(services.notices()))
        self._start_reminders()
        self.go_home()  # history and settings can be reached now

    def _start_reminders(self) -> None:
        from selfcare.ui.tray import Reminders

        self.reminders = Reminders(self._reminder_view, parent=self)
        self.reminders.reminded.connect(self._show_reminder)
        self.reminders.open_requested.connect(self._bring_to_front)
        self.reminders.quit_requested.connect(self.quit_app)

    def _reminder_view(self) -> tuple[Today | None, tuple[time, ...]]:
        """The current person's Today and their plan's reminder times, for the tray. Nothing
        while a session runs: the person is practising, and the GUI thread does no record
        file reads then."""
        if self.services is None or self.clinician is None or self.mode is not Mode.BROWSING:
            return None, ()
        content = self._active_plan()
        if content is None:
            return None, ()
        return self.today_view(content), content.reminders

    def _show_reminder(self, text: str) -> None:
        self.library.show_notice(text)
        if self.mode is Mode.BROWSING and self.stack.currentWidget() is self.library:
            self.show_today()

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _wire_player(self) -> None:
        assert self.services is not None
        controller = self.services.controller
        self.player.pause_toggled.connect(controller.toggle_pause)
        self.player.next_step.connect(controller.next_step)
        self.player.previous_step.connect(controller.previous_step)
        self.player.stop_requested.connect(self._stop_early)
        self.player.volumes_changed.connect(controller.set_volumes)
        self.player.set_volumes(controller.voice, controller.background)

    def _show_view(self, view: PlayerView) -> None:
        # Through the window, not connected to the page: a change of language makes a new
        # player page, and the controller's signals must reach whichever one is current.
        self.player.show_view(view)

    def _set_paused(self, paused: bool) -> None:
        self.player.set_paused(paused)

    def export_csv(self) -> None:
        """Ask where, then save every session as CSV; say plainly what happened."""
        from datetime import date
        from pathlib import Path

        from selfcare.store.export import save_sessions_csv, session_details
        from selfcare.ui.file_dialogs import ask_save_path

        if self.services is None:
            return
        chosen = ask_save_path(self, self.tr("Save my sessions"),
                               f"selfcare-sessions-{date.today().isoformat()}.csv",
                               self.tr("Spreadsheet file (CSV) (*.csv)"))
        if not chosen:
            return
        try:
            opened = self.services.opened
            count = save_sessions_csv(opened.store.history(), Path(chosen),
                                      session_details(opened.store, opened.answers))
        except StoreUnavailable as error:
            message = self.tr("Could not read your records: %1").replace("%1", str(error))
        except OSError as error:
            message = self.tr("Could not save %1: %2").replace("%1", chosen).replace(
                "%2", error.strerror or str(error))
        else:
            message = self.tr("Saved in %1. Sessions in the file: %2.").replace(
                "%1", chosen).replace("%2", str(count))
        self.history.export_result.setText(message)

    def export_report(self) -> None:
        """The person's own one-page report, in their language, for their care team."""
        from datetime import date

        from selfcare.ui.file_dialogs import ask_save_path
        from selfcare.ui.my_report import save_my_report

        if self.services is None:
            return
        chosen = ask_save_path(self, self.tr("Save my report"),
                               f"selfcare-report-{date.today().isoformat()}.pdf",
                               self.tr("PDF document (*.pdf)"))
        if not chosen:
            return
        code = None if self.person is None else self._person_code()
        self.history.export_result.setText(save_my_report(self.services.opened, code, chosen))

    # -- settings -----------------------------------------------------------------------

    def show_settings(self) -> None:
        if self.services is None or self.mode is not Mode.BROWSING:
            return
        self._show(self.settings_page)
        self.settings_page.focus_first()

    def change_setting(self, name: str, value: object) -> None:
        """Save one setting and apply it now; the language rebuilds the pages in it."""
        if self.services is None or self.mode is not Mode.BROWSING:
            return
        self.services.settings.set(name, value)  # type: ignore[arg-type]
        self.display = Display.from_settings(self.services.settings)
        if name == "language":
            self.set_language(str(value) or i18n.system_language())
        elif name in ("text_scale", "high_contrast"):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                style.apply_style(app, self.display.theme, self.display.text_scale)
        elif name == "start_at_login":
            self._set_start_at_login(bool(value))
        elif name in ("reduced_motion", "captions"):
            self.player.set_display(reduced_motion=self.display.reduced_motion,
                                    captions=self.display.captions)

    def _set_start_at_login(self, on: bool) -> None:
        """Opt-in: an entry in the system's own start-up list, removed when turned off."""
        from selfcare import autostart

        try:
            if on:
                # in the tray when there are reminders to give, else the window
                autostart.enable([*autostart.launch_command(), "--in-tray"])
            else:
                autostart.disable()
        except (OSError, ValueError) as exc:
            log.error("start at login not changed: %s", exc)
            self.settings_page.say(self.tr("Could not change starting at login: %1")
                                   .replace("%1", str(exc)))

    def set_language(self, lang: str) -> None:
        """Switch the interface and sessions to `lang` without restarting."""
        if not i18n.install_language(lang):
            log.warning("interface language %s unavailable", lang)
        if self.services is None:
            self._build_frame()
            return
        self._build_frame()
        self._build_pages()
        self._wire_player()
        self.library.set_entries(self.services.entries())
        self.library.show_notice("\n".join(self.services.notices()))
        self._show_person()
        if self.reminders is not None:
            self.reminders.retranslate()
        self.show_settings()

    def cannot_record(self, detail: str) -> None:
        """Without a record file no rating could be kept: say so instead of pretending."""
        self.library.show_notice(self.tr(
            "Selfcare cannot keep your records right now, so sessions are not available. "
            "Please ask whoever looks after this computer to check the data folder. "
            "Details: %1").replace("%1", detail))
        self.library.loading.setText(self.tr("Sessions are not available."))

    # -- the flow -----------------------------------------------------------------------

    def choose_session(self, script_id: str) -> None:
        from selfcare.core.questions import QuestionList, before_session
        from selfcare.settings import question_choices

        if self.services is None or script_id not in self.services.scripts:
            return
        self._script = self.services.scripts[script_id]
        self._lang = session_language(self._script)
        self._fallback = self._lang != i18n.current_language()
        self.mode = Mode.RATING_BEFORE
        self._asking = QuestionList(before_session(question_choices(self.services.settings),
                                                   self.services.measures))
        self._pre_answers = {}
        self._ask_current()
        self._show(self.rating)

    def _ask_current(self) -> None:
        assert self._script is not None
        asking = self._asking
        self.rating.ask(asking.current, before=self.mode is Mode.RATING_BEFORE,
                        title=self._script.title_in(self._lang), number=asking.number,
                        count=asking.count, last=asking.is_last)

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
            self._ask_current()

    def _on_rating(self, value: object) -> None:
        if self.mode is Mode.RATING_BEFORE:
            self._pre_answers[self._asking.current.key] = value  # type: ignore[assignment]
            if self._asking.advance():
                self._ask_current()
                return
            answers = dict(self._pre_answers)
            pain = answers.pop("pain", None)
            self._start(pain, answers)
        elif self.mode is Mode.RATING_AFTER:
            self._answer_after(value)

    def _question_back(self) -> None:
        """Before a session: back one question, or to the library from the first."""
        if self.mode is Mode.RATING_BEFORE and self._asking.back():
            self._ask_current()
        else:
            self._back_to_library()

    def _start(self, pre: int | None, extras: dict[str, int | None] | None = None) -> None:
        from selfcare.ui.safety_words import change_text

        assert self.services is not None and self._script is not None
        tailored = self._tailored(self._script)
        self._script, self._changes = tailored.script, tailored.changes
        reason = self.services.controller.start(self._script, self._lang, pre, extras)
        notices = []
        if self._changes:
            notices.append(self.tr("Changed for you by your care team:") + "\n" + "\n".join(
                "\u2022 " + change_text(change) for change in self._changes))
        if self._fallback:
            notices.append(self.tr("This session is not available in your language yet, so "
                                   "it plays in %1.").replace("%1", i18n.LANGUAGES.get(
                                       self._lang, self._lang)))
        if reason:
            notices.append(self.tr("No sound is playing: %1. The session runs silently; "
                                   "follow the words on screen.").replace("%1", reason))
        notice = "\n".join(notices) or None
        self.mode = Mode.PLAYING
        self.player.begin(self._script.title_in(self._lang), notice, self._script.kind,
                          self._lang, self._transcript())
        self._show(self.player)

    def _transcript(self) -> list[tuple[int, str]]:
        """Every spoken step's number and words in the session's language."""
        assert self._script is not None
        return [(step.number, step.say[self._lang]) for step in self._script.steps
                if self._lang in step.say]

    def _show_store_problem(self, detail: str) -> None:
        self.player.show_notice(self.tr(
            "Your progress could not be saved just now (%1). The session goes on; the "
            "ratings you gave before it started are safe.").replace("%1", detail))

    def _stop_early(self) -> None:
        if self.services is not None and self.mode is Mode.PLAYING:
            self.services.controller.stop()
            self._ask_after()

    def _ask_after(self) -> None:
        from datetime import date

        from selfcare.core.measures import WEEKLY_CHECK
        from selfcare.core.questions import QuestionList, after_session, weekly_due
        from selfcare.settings import question_choices

        assert self.services is not None and self._script is not None
        try:
            last_week = self.services.opened.answers.last_weekly_week(WEEKLY_CHECK)
        except StoreUnavailable as exc:
            log.warning("weekly check not offered: %s", exc)
            last_week = date.max  # cannot tell, so do not ask twice
        self._asking = QuestionList(after_session(
            question_choices(self.services.settings), self.services.measures,
            kind=self._script.kind, weekly_due=weekly_due(last_week, date.today())))
        self._outcome = None
        self.mode = Mode.RATING_AFTER
        self._ask_current()
        self._show(self.rating)

    def _answer_after(self, value: object) -> bool:
        """Save one answer after the session at once; on failure stay on the question
        (and return False)."""
        from datetime import UTC, date, datetime

        from selfcare.core.answers import save_after

        assert self.services is not None
        question = self._asking.current
        if question.is_pain:
            if not self._finish_pain(value):  # type: ignore[arg-type]
                return False
        elif self._outcome is not None:
            try:
                save_after(question, value, session_id=self._outcome.session_id,
                           at=datetime.now(UTC), today=date.today(),
                           sessions=self.services.opened.store,
                           answers=self.services.opened.answers)
            except StoreUnavailable as exc:
                log.error("answer after the session not saved: %s", exc)
                self.rating.show_problem(self.tr(
                    "Your answer could not be saved just now (%1). Please try again, or "
                    "skip it.").replace("%1", str(exc)))
                return False
        self._next_after()
        return True

    def _next_after(self) -> None:
        if self._asking.advance():
            self._ask_current()
            return
        from selfcare.settings import question_choices

        assert self.services is not None
        self.mode = Mode.BROWSING
        if self._outcome is not None:
            self.summary.show_outcome(
                self._outcome, note=question_choices(self.services.settings).note)
        self._show(self.summary)

    def _save_note(self, text: str) -> None:
        """Keep the note written on the summary page for the session just ended."""
        from datetime import UTC, datetime

        if self.services is None or self._outcome is None:
            return
        try:
            self.services.opened.answers.record_note(self._outcome.session_id, text,
                                                     datetime.now(UTC))
        except StoreUnavailable as exc:
            log.error("note not saved: %s", exc)
            self.summary.note_not_saved(str(exc))
            return
        self.summary.note_saved(text)

    def _skip_weekly(self) -> None:
        """"Not this week": the weekly questions left are saved as skipped."""
        while self.mode is Mode.RATING_AFTER and self._asking.current.weekly:
            if not self._answer_after(None):
                return  # not saved: the problem is on screen

    def _finish_pain(self, post: int | None) -> bool:
        """Save the pain rating after the session, closing it; False if it failed."""
        assert self.services is not None
        controller = self.services.controller
        outcome = controller.give_post_rating(post)
        if outcome is None and controller.post_rating_problem:
            self.rating.show_problem(self.tr(
                "Your rating could not be saved just now (%1). Please try again, or skip "
                "it.").replace("%1", controller.post_rating_problem))
            return False
        self._outcome = outcome
        return True

    def _back_to_library(self) -> None:
        self.mode = Mode.BROWSING
        self.go_home()

    def show_history(self) -> None:
        if self.services is None:
            return
        self.history.set_records(self.services.opened.store.history())
        self._show_weekly_checks()
        self._show(self.history)

    def _show_weekly_checks(self) -> None:
        from selfcare.core.measures import WEEKLY_CHECK, week_scores

        assert self.services is not None
        weekly = self.services.measures.get(WEEKLY_CHECK)
        if weekly is None:
            self.history.weekly.hide()
            return
        try:
            answers = self.services.opened.answers.weekly_answers(WEEKLY_CHECK)
        except StoreUnavailable as exc:
            log.warning("weekly checks not shown: %s", exc)
            self.history.weekly.hide()
            return
        self.history.weekly.show_weeks(weekly, week_scores(
            weekly, [(a.week_start, a.item, a.value) for a in answers]))

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        browsing = self.mode is Mode.BROWSING
        loaded = self.services is not None
        clinician = self.clinician is not None and self.clinician.owns(page)
        browsing = browsing and not clinician
        choosing = page is getattr(self, "people", None)  # no one's records until chosen
        self.nav_today.setEnabled(browsing and not choosing)
        self.nav_today.setChecked(page is getattr(self, "today", None))
        self.person_button.setEnabled(browsing)
        self.nav_sessions.setEnabled(browsing)
        self.nav_history.setEnabled(browsing and loaded and not choosing)
        self.nav_settings.setEnabled(browsing and loaded)
        self.nav_sessions.setChecked(page is self.library)
        self.nav_history.setChecked(page is getattr(self, "history", None))
        self.nav_settings.setChecked(page is getattr(self, "settings_page", None))

    # -- who is practising, their plan and their safety settings ------------------------------

    def _patients(self) -> list:  # type: ignore[type-arg]
        assert self.clinician is not None
        try:
            return self.clinician.clinic.patients()
        except StoreUnavailable as exc:
            log.warning("patients not listed: %s", exc)
            return []

    def go_home(self) -> None:
        """Where a person starts: who is practising (on a clinic computer), else Today when
        there is a plan, else every session."""
        if self.services is None:
            return
        self.mode = Mode.BROWSING
        self._show_person()
        if not self._person_chosen and self._patients():
            self.choose_person()
            return
        if not self.show_today():
            self._show(self.library)

    def choose_person(self) -> None:
        """Who is practising? Whoever was chosen before is signed out first, so nothing of
        theirs (history, Today, where a session's ratings go) is left open meanwhile."""
        if self.services is None or self.mode is not Mode.BROWSING:
            return
        if self._person_chosen:
            self._become(None)
            self._person_chosen = False
        self.person_idle.watch(False)
        self.people.set_people(self._patients())
        self.person_button.setText(self.tr("Who is practising?"))
        self._show(self.people)

    def _person_picked(self, patient_id: int) -> None:
        from selfcare.ui.pages.people_page import GUEST

        self.set_person(None if patient_id == GUEST else patient_id)

    def _person_pin_asked(self, patient_id: int) -> None:
        """A patient who must still wait after earlier wrong tries sees the wait at once."""
        assert self.clinician is not None
        try:
            wait = self.clinician.clinic.patient_pin_throttle(patient_id).wait(
                self.clinician.now())
        except StoreUnavailable as exc:
            log.error("patient PIN throttle not read: %s", exc)
            return
        if wait.total_seconds() > 0:
            self.people.wait(whole_seconds(wait.total_seconds()), wrong=False)

    def _person_pin(self, patient_id: int, pin: str) -> None:
        assert self.clinician is not None
        now = self.clinician.now()
        try:
            check = self.clinician.clinic.try_patient_pin(patient_id, pin, now)
        except StoreUnavailable as exc:
            log.error("patient PIN not checked: %s", exc)
            self.people.wrong_pin()
            return
        if check.right:
            self.set_person(patient_id)
        else:
            self.people.wrong_pin(whole_seconds(check.throttle.wait(now).total_seconds()))

    def set_person(self, patient_id: int | None) -> None:
        """From now on sessions, ratings and history are this person's own."""
        self._become(patient_id)
        self.person_idle.watch(bool(self._patients()))
        self.go_home()

    def sign_out_idle_person(self) -> None:
        """Back to "Who is practising?" after the person chosen left the app idle; not in
        a session, a rating, clinician mode or a dialog (asked again later then)."""
        busy = QApplication.activeModalWidget() is not None \
            or (self.clinician is not None and self.clinician.active)
        if busy or not self._person_chosen or self.mode is not Mode.BROWSING:
            return
        log.info("the person chosen was signed out after being left idle")
        self.choose_person()  # which itself does nothing without services

    def _become(self, patient_id: int | None) -> None:
        assert self.services is not None and self.clinician is not None
        self.person = patient_id
        self._person_chosen = True
        opened = self.services.opened
        opened.store.person = patient_id
        opened.answers.person = patient_id
        self.person_name = ""
        if patient_id is not None:
            try:
                patient = self.clinician.clinic.patient_by_id(patient_id)
            except (StoreUnavailable, LookupError) as exc:
                log.error("patient not opened: %s", exc)
            else:
                self.person_name = patient.display_name
                if patient.language != i18n.current_language():
                    self.set_language(patient.language)

    def _show_person(self) -> None:
        """The name button in the top bar, on computers with patients."""
        if self.services is None or self.clinician is None:
            return
        shared = bool(self._patients())
        self.person_button.setVisible(shared)
        who = self.person_name or self.tr("Guest")
        self.person_button.setText(self.tr("%1 \u00b7 Switch").replace("%1", who))

    def _active_plan(self) -> PlanFile | None:
        assert self.clinician is not None
        try:
            assigned = self.clinician.plans.active(self.person)
        except StoreUnavailable as exc:
            log.warning("plan not read: %s", exc)
            return None
        return None if assigned is None else assigned.content

    def _profile(self) -> SafetyProfile | None:
        from selfcare.exchange import safety_for

        assert self.services is not None
        try:
            return safety_for(self.services.opened.db, self.person)
        except (StoreUnavailable, LookupError) as exc:
            log.error("safety settings not read: %s", exc)
            return None

    def _tailored(self, script: SessionScript) -> TailoredSession:
        from selfcare.core.tailoring import tailor

        return tailor(script, self._profile())

    def today_view(self, content: PlanFile | None = None) -> Today | None:
        """The current person's Today (from their plan, read unless given), or None
        without a plan."""
        from datetime import date

        from selfcare.core.today import today

        assert self.services is not None
        content = content or self._active_plan()
        if content is None:
            return None
        try:
            records = self.services.opened.store.history()
        except StoreUnavailable as exc:
            log.warning("history not read for Today: %s", exc)
            records = []
        practices = [record.practice for record in records]
        return today(content.plan, practices, date.today())

    def show_today(self) -> bool:
        """Show Today if the person has a plan; False (and nothing shown) otherwise."""
        from datetime import date

        from selfcare.core.tailoring import tailor

        if self.services is None:
            return False
        content = self._active_plan()
        view = None if content is None else self.today_view(content)
        self.nav_today.setVisible(view is not None)
        if view is None or content is None:
            return False
        entries = {entry.script_id: entry for entry in self.services.entries()}
        profile = self._profile()
        changes = {script_id: tailor(self.services.scripts[script_id], profile).changes
                   for script_id in view.plan.sessions if script_id in self.services.scripts}
        name = self.person_name or content.display_name
        self.today.show_today(view, entries, name, changes, date.today())
        self._show(self.today)
        return True

    # -- files from and for the care team --------------------------------------------------------

    def open_plan_file(self, path: str | None = None) -> None:
        """Read a plan file and show what it would change; nothing is applied yet."""
        from pathlib import Path

        from selfcare.core.log_file import LogFile
        from selfcare.exchange import ExchangeError, read_exchange_file
        from selfcare.ui.plan_words import plan_lines

        if self.services is None:
            return
        chosen = path if path is not None else self._ask_open_path()
        if not chosen:
            return
        try:
            content = read_exchange_file(Path(chosen))
        except ExchangeError as exc:
            self.settings_page.say(self.tr("This file cannot be used: %1").replace(
                "%1", str(exc)))
            return
        if isinstance(content, LogFile):
            self.settings_page.say(self.tr("This is a log file. Logs are brought in by the "
                                           "care team, in clinician mode."))
            return
        refused = self._not_this_persons_plan(content)
        if refused is not None:
            self.settings_page.say(refused)
            return
        titles = {entry.script_id: entry.title for entry in self.services.entries()}
        current = self._active_plan()
        self._pending_plan = content
        self.import_page.show_change(plan_lines(current, titles) if current else [],
                                     plan_lines(content, titles))
        self._show(self.import_page)

    def _not_this_persons_plan(self, content: PlanFile) -> str | None:
        """On a computer with patients a plan file goes only to the patient it names, who
        must be the one chosen: another patient's plan, or a guest's, would be wrong.
        None when it may be previewed (and always on a home computer)."""
        patients = self._patients()
        if not patients:
            return None
        chosen = next((p for p in patients if p.id == self.person), None)
        if chosen is not None and chosen.code == content.patient_code:
            return None
        named = f"{content.display_name} ({content.patient_code})"
        if chosen is None:
            return self.tr("This plan file is for %1. On a computer with patients, choose "
                           "that patient's name first, then open the file again. Nothing "
                           "was changed.").replace("%1", named)
        return self.tr("This plan file is for %1, not for %2. Nothing was changed.") \
            .replace("%1", named).replace("%2", f"{chosen.display_name} ({chosen.code})")

    def _apply_plan(self) -> None:
        from datetime import UTC, datetime

        assert self.services is not None and self.clinician is not None
        content, self._pending_plan = self._pending_plan, None
        if content is None:
            return
        try:
            self.clinician.plans.assign(self.person, content, datetime.now(UTC))
        except StoreUnavailable as exc:
            self._show(self.settings_page)
            self.settings_page.say(self.tr("The plan was not applied: %1").replace(
                "%1", str(exc)))
            return
        if self.person is None and content.language != i18n.current_language():
            self.services.settings.set("language", content.language)
            self.set_language(content.language)
        self.go_home()

    def _cancel_plan(self) -> None:
        self._pending_plan = None
        self.show_settings()
        self.settings_page.say(self.tr("Nothing was changed."))

    def save_log_file(self, path: str | None = None) -> None:
        """Save the person's log since their plan began, for the care team."""
        from datetime import UTC, datetime
        from pathlib import Path

        from selfcare.exchange import ExchangeError, log_for_home, save_bytes

        if self.services is None:
            return
        content = self._active_plan()
        if content is None:
            self.settings_page.say(self.tr("There is no plan from a care team on this "
                                           "computer yet, so there is no log to give back. "
                                           "Open the plan file first."))
            return
        chosen = path if path is not None else self._ask_save_path(
            f"selfcare-log-{content.patient_code}.json")
        if not chosen:
            return
        opened = self.services.opened
        code = content.patient_code if self.person is None else None
        try:
            data, logged = log_for_home(opened.store, opened.answers, opened.db,
                                        datetime.now(UTC), None if code else
                                        self._person_code())
            save_bytes(data, Path(chosen))
        except (ExchangeError, StoreUnavailable) as exc:
            self.settings_page.say(self.tr("The log was not saved: %1").replace("%1", str(exc)))
            return
        except OSError as exc:
            self.settings_page.say(self.tr("Could not save %1: %2").replace("%1", chosen)
                                   .replace("%2", exc.strerror or str(exc)))
            return
        self.settings_page.say(self.tr("Saved in %1. Sessions in the file: %2. Give this file "
                                       "to your care team.").replace("%1", chosen)
                               .replace("%2", str(len(logged.sessions))))

    def _person_code(self) -> str | None:
        assert self.clinician is not None
        if self.person is None:
            return None
        return self.clinician.clinic.patient_by_id(self.person).code

    def _ask_open_path(self) -> str:
        from selfcare.ui.file_dialogs import ask_open_path

        return ask_open_path(self, self.tr("Open a plan file"),
                             self.tr("Selfcare plan (*.json)"))

    def _ask_save_path(self, suggested: str) -> str:
        from selfcare.ui.file_dialogs import ask_save_path

        return ask_save_path(self, self.tr("Save my log"), suggested,
                             self.tr("Selfcare log (*.json)"))

    def enter_clinician_mode(self) -> None:
        if self.services is None or self.clinician is None or self.mode is not Mode.BROWSING:
            return
        self._show(self.clinician.enter())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing mid-session records it as interrupted; nothing already given is lost.

        On a home computer whose plan has reminder times, closing only hides the window
        in the system tray (saying so once), so the reminders still come; the tray's
        menu quits. Elsewhere, or without a tray, closing quits."""
        if self.services is not None and self.services.controller.active:
            log.info("window closed during a session: recording it as interrupted")
            self.services.controller.stop()
        if getattr(self, "summary", None) is not None and self.summary.unsaved_note():
            self.summary.save_note()  # typed but not saved: keep it rather than lose it
        if not self._quitting and self.keeps_reminding():
            assert self.reminders is not None
            log.info("window closed into the tray: the plan's reminders go on")
            event.ignore()
            self.go_home()
            self.hide()
            self.reminders.say_still_running()
            return
        if self.reminders is not None:
            self.reminders.stop()
        event.accept()

    def keeps_reminding(self) -> bool:
        """Whether closing the window leaves Selfcare in the tray: a tray to stay in, a
        home computer (never a shared one: the next person would get this one's
        reminders), and a plan with reminder times."""
        if self.services is None or self.services.closed:
            return False
        if self.reminders is None or self.reminders.tray is None or self._patients():
            return False
        try:
            return bool(self._reminder_view()[1])
        except StoreUnavailable:
            return False

    def quit_app(self) -> None:
        """Quit for good (the tray's menu, a logout's SIGTERM): close, then end the loop."""
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def _starts_at_login() -> bool:
    from selfcare import autostart

    try:
        return autostart.is_enabled()
    except OSError:
        return False


def session_language(script: SessionScript) -> str:
    """The interface language if the script has it, else English, else its first language."""
    wanted = QLocale().name().split("_")[0]
    for lang in (wanted, i18n.SOURCE_LANGUAGE):
        if lang in script.languages:
            return lang
    return script.languages[0]
