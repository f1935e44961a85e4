"""Clinician mode: behind a PIN, out of the way of patients, and closed when left idle.

It owns the gate and the clinician page, does what the page asks against the clinic's
records, and leaves by itself after `IDLE_LIMIT` without a key press or click (an event
filter notes activity only while the mode is open). File choices go through two
replaceable callables so tests need no dialog.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from selfcare.core.idle import idle_too_long
from selfcare.core.ports import StoreUnavailable
from selfcare.ui.file_dialogs import ask_open_path, ask_save_path
from selfcare.ui.pages.clinician_gate import ClinicianGate, pin_problem
from selfcare.ui.pages.clinician_page import ClinicianPage
from selfcare.ui.pages.report_panel import EVERYTHING
from selfcare.ui.pages.report_panel import PLAN as PLAN_DAYS
from selfcare.ui.person_idle import ACTIVITY_EVENTS
from selfcare.ui.widgets.pin_wait import whole_seconds
from selfcare.ui.widgets.plan_builder import PlanChoice

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlite_utils import Database

    from selfcare.core.report import Report
    from selfcare.core.safety import SafetyProfile
    from selfcare.core.scripts import SessionScript
    from selfcare.records import PersonRecords
    from selfcare.store.clinic import Patient
    from selfcare.store.overview import ClinicOverview
    from selfcare.ui.overview_prefetch import OverviewPrefetch
    from selfcare.ui.pages.library_page import SessionEntry
    from selfcare.ui.report.page import ReportPage

log = logging.getLogger(__name__)

PREFETCH_WAIT = 10.0  # seconds: past this, the overview is read again on the spot


class ClinicianMode(QObject):
    """Signals: `left` when the mode closes (by the button or idle); `practise(int)` to
    hand the app to a patient."""

    left = Signal()
    practise = Signal(int)
    patients_changed = Signal()

    def __init__(self, stack: QStackedWidget, db: Database,
                 entries: Callable[[], list[SessionEntry]],
                 scripts: Mapping[str, SessionScript],
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(stack)
        from selfcare.store.clinic import SqliteClinicStore
        from selfcare.store.plans import SqlitePlanStore

        self._stack = stack
        self._db = db
        self._now = now
        self.clinic = SqliteClinicStore(db)
        self.plans = SqlitePlanStore(db)
        self.active = False
        self._last_activity = now()
        self._entries = entries
        self._scripts = scripts
        self._gate: ClinicianGate | None = None  # made on first use: most people never come
        self._page: ClinicianPage | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(5000)
        self.idle_timer.timeout.connect(self.check_idle)
        self.choose_save_path: Callable[[str], str] = self._ask_save_path
        self.choose_open_path: Callable[[], str] = self._ask_open_path
        self._reported: int | None = None  # the patient whose report is on the page
        self._overview: ClinicOverview | None = None
        self._prefetch: OverviewPrefetch | None = None  # read while the PIN is typed

    @property
    def gate(self) -> ClinicianGate:
        if self._gate is None:
            self._make_pages()
        assert self._gate is not None
        return self._gate

    @property
    def page(self) -> ClinicianPage:
        if self._page is None:
            self._make_pages()
        assert self._page is not None
        return self._page

    def owns(self, widget: QWidget) -> bool:
        """Whether `widget` is one of clinician mode's pages (without making them)."""
        return widget is not None and widget in (self._gate, self._page)

    def _make_pages(self) -> None:
        self._gate = gate = ClinicianGate(self._stack)
        self._page = page = ClinicianPage(self._entries(), self._scripts, self._stack)
        self._stack.addWidget(gate)
        self._stack.addWidget(page)
        gate.pin_chosen.connect(self._pin_chosen)
        gate.pin_entered.connect(self._pin_entered)
        gate.cancelled.connect(self.left)
        page.leave.connect(self.leave)
        page.patient_chosen.connect(self.show_patient)
        page.add_requested.connect(self._add_patient)
        page.save_requested.connect(self._save)
        page.export_requested.connect(self._export)
        page.import_requested.connect(self._import_log)
        page.practise_requested.connect(self._practise)
        page.report_requested.connect(self.show_report)
        page.overview_requested.connect(self.show_overview)
        page.report.changed.connect(self._redraw_report)
        page.report.save_pdf.connect(self._save_pdf)
        page.report.save_fhir.connect(self._save_fhir)

    # -- entering and leaving ------------------------------------------------------------------

    def enter(self) -> QWidget:
        """The page to show: set the PIN on first use, else enter it."""
        try:
            if not self.clinic.has_clinician_pin():
                self.gate.ask_new_pin()
            else:
                wait = self.clinic.throttle().wait(self._now())
                self.gate.ask_pin(whole_seconds(wait.total_seconds()))
                self._read_overview_ahead()
        except StoreUnavailable as exc:
            self.gate.ask_pin()
            self.gate.wrong(0)
            self.gate.message.setText(self.tr("The clinic's records cannot be read now: %1")
                                      .replace("%1", str(exc)))
        return self.gate

    def _read_overview_ahead(self) -> None:
        from selfcare.store.sessions import database_file
        from selfcare.ui.overview_prefetch import OverviewPrefetch

        path = database_file(self._db)
        if path.name != ":memory:":
            self._prefetch = OverviewPrefetch(path, self._now().astimezone().date())

    def _pin_chosen(self, pin: str) -> None:
        try:
            self.clinic.set_clinician_pin(pin)
        except StoreUnavailable as exc:
            self.gate.message.setText(str(exc))
            self.gate.message.show()
            return
        self._open()

    def _pin_entered(self, pin: str) -> None:
        now = self._now()
        try:
            early = self.clinic.throttle().wait(now)
            if early.total_seconds() > 0:  # not tried, so not counted: still waiting
                self.gate.wait(whole_seconds(early.total_seconds()), wrong=False)
                return
            check = self.clinic.try_clinician_pin(pin, now)
        except StoreUnavailable as exc:
            self.gate.message.setText(str(exc))
            self.gate.message.show()
            return
        if check.right:
            self._open()
        else:
            self.gate.wrong(whole_seconds(check.throttle.wait(now).total_seconds()))

    def _open(self) -> None:
        self.active = True
        self._last_activity = self._now()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.idle_timer.start()
        self.refresh()
        self.show_overview()
        self._stack.setCurrentWidget(self.page)

    def leave(self) -> None:
        """Close the mode: forget the page's contents and hand the app back."""
        was_active = self.active
        self.active = False
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self._gate is not None and self._page is not None:
            self._gate.clear()
            self._page.forget()
        self._reported = None
        self._overview = None  # it holds plan files, which name patients
        self._prefetch = None
        if was_active:
            self.left.emit()

    def now(self) -> datetime:
        """The time now, from the clock this mode was given (tests give their own)."""
        return self._now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.active and event.type() in ACTIVITY_EVENTS:
            self._last_activity = self._now()
        return False

    def check_idle(self) -> None:
        if self.active and idle_too_long(self._last_activity, self._now()):
            log.info("clinician mode closed after being left idle")
            self.leave()

    # -- patients -----------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.page.set_patients(self.clinic.patients())
        except StoreUnavailable as exc:
            self.page.say(str(exc))

    def _add_patient(self, code: str, name: str, language: str, pin: str) -> None:
        from selfcare.store.clinic import UnknownPatientError

        if pin and (problem := pin_problem(pin)) is not None:
            self.page.add_problem(problem)
            return
        try:
            try:
                self.clinic.patient(code)
            except UnknownPatientError:
                pass
            else:
                self.page.add_problem(self.tr("There is already a patient with the code %1.")
                                      .replace("%1", code))
                return
            patient_id = self.clinic.add_patient(code, name, language, self._now())
            if pin:
                self.clinic.set_patient_pin(patient_id, pin)
        except StoreUnavailable as exc:
            self.page.add_problem(str(exc))
            return
        self.refresh()
        self.patients_changed.emit()
        self.show_patient(patient_id)

    def show_patient(self, patient_id: int) -> None:
        try:
            patient = self.clinic.patient_by_id(patient_id)
            assigned = self.plans.active(patient_id)
        except (StoreUnavailable, LookupError) as exc:
            self.page.say(str(exc))
            return
        choice = None
        progress = self.tr("No plan yet.")
        if assigned is not None:
            content = assigned.content
            choice = PlanChoice(content.plan.template, content.plan.sessions,
                                content.plan.start, content.end, content.weekdays,
                                content.reminders)
            progress = self._progress(patient_id, content.plan)
        self.page.show_patient(patient, choice, progress)

    def _progress(self, patient_id: int, plan: object) -> str:
        from selfcare.core.plans import Plan, adherence
        from selfcare.store.sessions import SqliteSessionStore

        assert isinstance(plan, Plan)
        store = SqliteSessionStore(self._db, pid=0, host="")
        practices = [r.practice for r in store.history(patient_id=patient_id)]
        kept = adherence(plan, practices, date.today())
        last = max((p.day for p in practices), default=None)
        text = self.tr("Plan from %1 to %2. Done: %3 of %4 due so far; missed: %5.") \
            .replace("%1", plan.start.isoformat()).replace("%2", plan.end.isoformat()) \
            .replace("%3", str(kept.done)).replace("%4", str(kept.due_so_far)) \
            .replace("%5", str(kept.missed))
        if last is not None:
            text += " " + self.tr("Last session: %1.").replace("%1", last.isoformat())
        return text

    def _save(self, patient_id: int, profile: SafetyProfile, choice: PlanChoice | None) -> None:
        from selfcare.core.plan_file import PlanFile

        try:
            patient = self.clinic.patient_by_id(patient_id)
            plan = choice.plan() if choice is not None else None
        except ValueError as exc:
            self.page.say(self.tr("The plan is not complete: %1").replace("%1", str(exc)))
            return
        except (StoreUnavailable, LookupError) as exc:
            self.page.say(str(exc))
            return
        try:
            self.clinic.set_safety(patient_id, profile)
            if plan is not None and choice is not None:
                self.plans.assign(patient_id, PlanFile(
                    patient.code, patient.display_name, patient.language, plan,
                    choice.reminders, profile, self._now(), choice.end, choice.weekdays),
                    self._now())
        except StoreUnavailable as exc:
            self.page.say(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        self.show_patient(patient_id)
        self.page.say(self.tr("Saved.") + (" " + self.tr(
            "To give this plan to the patient, save its file with \u201cPlan file for "
            "home\u2026\u201d.")
            if plan is not None else ""))

    def _export(self, patient_id: int) -> None:
        from selfcare.exchange import ExchangeError, plan_for_patient, save_bytes

        try:
            patient = self.clinic.patient_by_id(patient_id)
            data = plan_for_patient(self._db, patient.code, self._now())
        except (ExchangeError, StoreUnavailable, LookupError) as exc:
            self.page.say(str(exc))
            return
        chosen = self.choose_save_path(f"selfcare-plan-{patient.code}.json")
        if not chosen:
            return
        try:
            save_bytes(data, Path(chosen))
        except OSError as exc:
            self.page.say(self.tr("Could not save %1: %2").replace("%1", chosen)
                          .replace("%2", exc.strerror or str(exc)))
            return
        self.page.say(self.tr("Plan file saved in %1. Give it to %2 to open in Selfcare at "
                              "home.").replace("%1", chosen)
                      .replace("%2", patient.display_name))

    def _import_log(self) -> None:
        from selfcare.core.log_file import LogFile
        from selfcare.exchange import ExchangeError, apply_log, read_exchange_file

        chosen = self.choose_open_path()
        if not chosen:
            return
        try:
            content = read_exchange_file(Path(chosen))
            if not isinstance(content, LogFile):
                raise ExchangeError(self.tr("%1 is a plan file; a log file comes back from "
                                            "home.").replace("%1", chosen))
            merged = apply_log(self._db, content)
        except (ExchangeError, StoreUnavailable) as exc:
            self.page.say(self.tr("Not brought in: %1").replace("%1", str(exc)))
            return
        with contextlib.suppress(StoreUnavailable, LookupError):
            self.show_patient(self.clinic.patient(merged.patient_code).id)
        self.page.say(self.tr("%1: new sessions added: %2; already here: %3.")
                      .replace("%1", merged.display_name).replace("%2", str(merged.added))
                      .replace("%3", str(merged.already_here)))

    # -- the overview and reports -------------------------------------------------------------

    def show_overview(self) -> None:
        from selfcare.store.overview import ClinicOverview

        self._reported = None
        today = self._now().astimezone().date()
        ahead, self._prefetch = self._prefetch, None
        rows = None if ahead is None else ahead.rows(PREFETCH_WAIT, today)
        if self._overview is None:  # kept: it remembers the plans it has read
            self._overview = ClinicOverview(self._db)
        try:
            if rows is None:
                rows = self._overview.rows(today)
        except StoreUnavailable as exc:
            self.page.say(str(exc))
            rows = []
        self.page.show_overview(rows)

    def show_report(self, patient_id: int) -> None:
        """The patient's report since their plan began, in their language."""
        from selfcare.ui.report.pdf import default_paper

        try:
            patient = self.clinic.patient_by_id(patient_id)
        except (StoreUnavailable, LookupError) as exc:
            self.page.say(str(exc))
            return
        panel = self.page.report
        panel.choose(panel.days, PLAN_DAYS)
        panel.choose(panel.language, patient.language)
        if self._reported is None:
            panel.choose(panel.paper, default_paper())
        self._reported = patient_id
        self._redraw_report()

    def _report_page(self) -> tuple[Patient, Report, PersonRecords, ReportPage] | None:
        from selfcare.records import person_records
        from selfcare.store.answers import SqliteAnswerStore
        from selfcare.store.sessions import SqliteSessionStore
        from selfcare.ui.report.pdf import report_for, report_page

        if self._reported is None:
            return None
        panel = self.page.report
        try:
            patient = self.clinic.patient_by_id(self._reported)
            records = person_records(self._db, SqliteSessionStore(self._db, pid=0, host=""),
                                     SqliteAnswerStore(self._db), patient_code=patient.code,
                                     since=None, until=None, now=self._now())
            today = self._now().astimezone().date()
            report = report_for(records, first=_first_day(str(panel.days.currentData()),
                                                          records, today),
                                last=today, today=today)
        except (StoreUnavailable, LookupError, ValueError) as exc:
            self.page.say(str(exc))
            return None
        lang = str(panel.language.currentData())
        page = report_page(report, records, lang, str(panel.paper.currentData()), self._now(),
                           {key: script.title_in(lang) for key, script in self._scripts.items()})
        return patient, report, records, page

    def _redraw_report(self) -> None:
        made = self._report_page()
        if made is not None:
            patient, _report, _records, page = made
            self.page.show_report(patient, page)

    def _save_pdf(self) -> None:
        from selfcare.ui.report.pdf import report_pdf

        made = self._report_page()
        if made is None:
            return
        patient, report, records, page = made
        chosen = self.choose_save_path(
            f"selfcare-report-{patient.code}-{report.first}-{report.last}.pdf")
        if not chosen:
            return
        data = report_pdf(report, records, lang=page.context.lang,
                          paper=str(self.page.report.paper.currentData()),
                          generated_at=self._now(), titles=page.context.titles)
        self._save_file(data, chosen, self.tr("Report saved in %1."))

    def _save_fhir(self) -> None:
        from selfcare.records import fhir_bundle_json

        made = self._report_page()
        if made is None:
            return
        patient, report, records, page = made
        chosen = self.choose_save_path(
            f"selfcare-{patient.code}-{report.first}-{report.last}.fhir.json")
        if not chosen:
            return
        data = fhir_bundle_json(records, first=report.first, last=report.last,
                                titles=page.context.titles, now=self._now())
        self._save_file(data, chosen, self.tr("FHIR Bundle saved in %1."))

    def _save_file(self, data: bytes, chosen: str, said: str) -> None:
        from selfcare.exchange import save_bytes

        try:
            save_bytes(data, Path(chosen))
        except OSError as exc:
            self.page.report.say(self.tr("Could not save %1: %2").replace("%1", chosen)
                                 .replace("%2", exc.strerror or str(exc)))
            return
        self.page.report.say(said.replace("%1", chosen))

    def _practise(self, patient_id: int) -> None:
        self.leave()
        self.practise.emit(patient_id)

    def _ask_save_path(self, suggested: str) -> str:
        if suggested.endswith(".pdf"):
            return ask_save_path(self.page, self.tr("Save the report"), suggested,
                                 self.tr("PDF document (*.pdf)"))
        if suggested.endswith(".fhir.json"):
            return ask_save_path(self.page, self.tr("Save for a health record"), suggested,
                                 self.tr("FHIR R4 Bundle (*.json)"))
        return ask_save_path(self.page, self.tr("Save the plan file"), suggested,
                             self.tr("Selfcare plan (*.json)"))

    def _ask_open_path(self) -> str:
        return ask_open_path(self.page, self.tr("Bring in a log file"),
                             self.tr("Selfcare log (*.json)"))


def _first_day(choice: str, records: PersonRecords, today: date) -> date | None:
    """The report's first day for a choice of the panel's "Days" (None: the plan's start)."""
    if choice == PLAN_DAYS:
        return None
    if choice == EVERYTHING:
        days = [s.started_at.astimezone().date() for s in records.log.sessions[:1]]
        return min([*days, today])
    return today - timedelta(days=int(choice) - 1)
