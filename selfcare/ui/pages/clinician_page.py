"""Clinician mode's one page: the clinic's patients, and one patient's safety settings,
plan and progress.

The page shows and collects; `ClinicianMode` checks and stores. What the safety
settings change in the chosen sessions is shown beside the plan as the patient will see
it ("SP6 left out: pregnancy"), so the clinician sees the consequence of every tick.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selfcare.core.safety import SafetyProfile
from selfcare.core.scripts import SessionScript
from selfcare.core.tailoring import tailor
from selfcare.ui.pages.common import button, card, label, page_layout, scroll_area
from selfcare.ui.pages.library_page import SessionEntry
from selfcare.ui.pages.report_panel import ReportPanel
from selfcare.ui.safety_words import change_text
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.overview_table import OverviewTable
from selfcare.ui.widgets.plan_builder import PlanBuilder, PlanChoice
from selfcare.ui.widgets.safety_form import SafetyForm

if TYPE_CHECKING:
    from selfcare.core.overview import OverviewRow
    from selfcare.store.clinic import Patient
    from selfcare.ui.report.page import ReportPage

CODE_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}"


class ClinicianPage(QWidget):
    """Signals carry what the clinician asked for; the mode does it and reports back."""

    leave = Signal()
    patient_chosen = Signal(int)
    add_requested = Signal(str, str, str, str)  # code, display name, language, PIN or ""
    save_requested = Signal(int, object, object)  # patient id, SafetyProfile, PlanChoice|None
    export_requested = Signal(int)
    import_requested = Signal()
    practise_requested = Signal(int)
    report_requested = Signal(int)  # patient id
    overview_requested = Signal()

    def __init__(self, entries: list[SessionEntry], scripts: Mapping[str, SessionScript],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scripts = scripts
        self._titles = {entry.script_id: entry.title for entry in entries}
        self._patient: Patient | None = None
        layout = page_layout(self, scroll=False)
        top = QHBoxLayout()
        top.addWidget(label(self.tr("Clinician mode"), "pageTitle", self))
        top.addStretch(1)
        self.leave_button = button(self.tr("Leave clinician mode"), self)
        self.leave_button.clicked.connect(self.leave)
        top.addWidget(self.leave_button)
        layout.addLayout(top)
        layout.addWidget(label(self.tr("Clinician mode closes by itself after 3 minutes "
                                       "without a click or key press."), "muted", self))
        columns = QHBoxLayout()
        columns.setSpacing(20)
        layout.addLayout(columns, 1)
        self.patients_box = QWidget(self)
        patients = self._patients_column()
        patients.setContentsMargins(0, 0, 0, 0)
        self.patients_box.setLayout(patients)
        columns.addWidget(self.patients_box, 1)
        self.panels = QStackedWidget(self)
        columns.addWidget(self.panels, 3)
        self.empty = label(self.tr("Choose a patient, or add one."), "pageIntro", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.panels.addWidget(self.empty)
        self.overview_panel = self._overview()
        self.panels.addWidget(self.overview_panel)
        self.report = ReportPanel(self)
        self.report.back.connect(self.overview_requested)
        self.report.edit.connect(self._edit_reported)
        self.panels.addWidget(self.report)
        # The overview and a report are wide, and the overview lists every patient already.
        self.panels.currentChanged.connect(lambda _index: self.patients_box.setVisible(
            self.panels.currentWidget() not in (self.overview_panel, self.report)))
        self.add_form = self._add_form()
        self.panels.addWidget(self.add_form)
        self.detail = self._detail(entries)
        self.panels.addWidget(self.detail)

    # -- the patient list ------------------------------------------------------------------

    def _patients_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(label(self.tr("Patients"), "cardTitle", self))
        self.patient_list = QListWidget(self)
        self.patient_list.setAccessibleName(self.tr("Patients"))
        self.patient_list.itemActivated.connect(self._chosen)
        self.patient_list.itemClicked.connect(self._chosen)
        column.addWidget(self.patient_list, 1)
        self.add_button = button(self.tr("Add a patient"), self)
        self.add_button.clicked.connect(self.show_add_form)
        column.addWidget(self.add_button)
        self.overview_button = button(self.tr("All patients"), self)
        self.overview_button.clicked.connect(self.overview_requested)
        column.addWidget(self.overview_button)
        return column

    # -- the clinic overview and one patient's report ----------------------------------------

    def _overview(self) -> QWidget:
        panel, inner = scroll_area(self)  # at 200 % text the table still gets its rows
        inner.addWidget(label(self.tr("All patients"), "cardTitle", panel))
        inner.addWidget(label(self.tr(
            "Click a column's title to sort by it. Open a patient (double-click or Enter) to "
            "see their report. Pain before sessions counts a direction only when its 95 % "
            "interval excludes no change."), "muted", panel))
        self.overview = OverviewTable(panel)
        self.overview.setMinimumHeight(self.overview.fontMetrics().height() * 16)
        self.overview.opened.connect(self.report_requested)
        inner.addWidget(self.overview, 1)
        return panel

    def show_overview(self, rows: list[OverviewRow]) -> None:
        self.overview.overview.set_rows(rows)
        self.panels.setCurrentWidget(self.overview_panel)

    def show_report(self, patient: Patient, page: ReportPage) -> None:
        self._patient = patient
        self.report.show_page(f"{patient.display_name} ({patient.code})", page)
        self.panels.setCurrentWidget(self.report)

    def forget(self) -> None:
        """Nothing of any patient stays on the page once the mode is left."""
        self.overview.overview.set_rows([])
        self.report.view.set_page(None)
        self.patient_list.clear()
        self._patient = None
        self.panels.setCurrentWidget(self.empty)

    def _edit_reported(self) -> None:
        if self._patient is not None:
            self.patient_chosen.emit(self._patient.id)

    def _report(self) -> None:
        if self._patient is not None:
            self.report_requested.emit(self._patient.id)

    def set_patients(self, patients: list[Patient]) -> None:
        self.patient_list.clear()
        for patient in patients:
            item = QListWidgetItem(f"{patient.display_name} ({patient.code})")
            item.setData(Qt.ItemDataRole.UserRole, patient.id)
            self.patient_list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.patient_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    # -- adding a patient --------------------------------------------------------------------

    def _add_form(self) -> QWidget:
        frame, inner = card(self)
        inner.addWidget(label(self.tr("Add a patient"), "cardTitle", frame))
        inner.addWidget(label(self.tr(
            "Use a code, never a record number or a full name: the code travels in the plan "
            "and log files. The name is what the patient sees, such as a first name."),
            "muted", frame))
        self.new_code = self._field(frame, inner, self.tr("Code (letters, digits, - or _)"))
        self.new_code.setValidator(QRegularExpressionValidator(
            QRegularExpression(CODE_PATTERN), self.new_code))
        self.new_name = self._field(frame, inner, self.tr("Name shown to the patient"))
        self.new_name.setMaxLength(60)
        inner.addWidget(label(self.tr("Language"), "groupHeading", frame))
        self.new_language = QComboBox(frame)
        self.new_language.addItem("English", "en")
        self.new_language.addItem("Espa\u00f1ol", "es")
        self.new_language.setAccessibleName(self.tr("Language"))
        inner.addWidget(self.new_language)
        self.new_pin = self._field(frame, inner, self.tr(
            "Patient PIN (optional, 4 to 12 digits) for a shared computer"))
        self.new_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"),
                                                              self.new_pin))
        self.add_message = label("", "notice", frame)
        self.add_message.hide()
        inner.addWidget(self.add_message)
        row = FlowRow()
        self.create_button = button(self.tr("Add"), frame, name="primary")
        self.create_button.clicked.connect(self._add)
        row.add(self.create_button)
        inner.addLayout(row)
        inner.addStretch(1)
        return frame

    def _field(self, parent: QWidget, layout: QVBoxLayout, name: str) -> QLineEdit:
        layout.addWidget(label(name, "groupHeading", parent))
        field = QLineEdit(parent)
        field.setAccessibleName(name)
        field.setMinimumHeight(40)
        layout.addWidget(field)
        return field

    def show_add_form(self) -> None:
        for field in (self.new_code, self.new_name, self.new_pin):
            field.clear()
        self.add_message.hide()
        self.panels.setCurrentWidget(self.add_form)
        self.new_code.setFocus()

    def add_problem(self, text: str) -> None:
        self.add_message.setText(text)
        self.add_message.show()

    def _add(self) -> None:
        code, name = self.new_code.text().strip(), self.new_name.text().strip()
        if not code or not name:
            self.add_problem(self.tr("A patient needs a code and a name."))
            return
        self.add_requested.emit(code, name, str(self.new_language.currentData()),
                                self.new_pin.text())

    # -- one patient ---------------------------------------------------------------------------

    def _detail(self, entries: list[SessionEntry]) -> QWidget:
        area, inner = scroll_area(self)
        self.patient_title = label("", "cardTitle", area)
        inner.addWidget(self.patient_title)
        self.progress = label("", "muted", area)
        inner.addWidget(self.progress)

        safety_card, safety = card(area)
        safety.addWidget(label(self.tr("Safety"), "cardTitle", safety_card))
        safety.addWidget(label(self.tr(
            "What you mark here changes this patient's sessions: points and areas that are "
            "not safe are left out or done gently, and the patient sees why."), "muted",
            safety_card))
        self.safety = SafetyForm(safety_card)
        self.safety.edited.connect(self._show_changes)
        safety.addWidget(self.safety)
        inner.addWidget(safety_card)

        plan_card, plan = card(area)
        plan.addWidget(label(self.tr("Plan"), "cardTitle", plan_card))
        self.builder = PlanBuilder(entries, plan_card)
        self.builder.edited.connect(self._show_changes)
        plan.addWidget(self.builder)
        inner.addWidget(plan_card)

        changes_card, changes = card(area, "doNow")
        changes.addWidget(label(self.tr("What changes in these sessions for this patient"),
                                "cardTitle", changes_card))
        self.changes = label("", "detail", changes_card)
        changes.addWidget(self.changes)
        inner.addWidget(changes_card)

        self.saved = label("", "notice", area)
        self.saved.hide()
        inner.addWidget(self.saved)
        row = FlowRow()
        self.save_button = button(self.tr("Save"), area, name="primary")
        self.save_button.clicked.connect(self._save)
        self.export_button = button(self.tr("Plan file for home\u2026"), area)
        self.export_button.clicked.connect(self._export)
        self.import_button = button(self.tr("Bring in a log\u2026"), area)
        self.import_button.clicked.connect(self.import_requested)
        self.practise_button = button(self.tr("Practise as this patient"), area)
        self.practise_button.clicked.connect(self._practise)
        self.report_button = button(self.tr("Report"), area)
        self.report_button.clicked.connect(self._report)
        for widget in (self.save_button, self.report_button, self.export_button,
                       self.import_button, self.practise_button):
            row.add(widget)
        inner.addLayout(row)
        inner.addStretch(1)
        return area

    def show_patient(self, patient: Patient, plan: PlanChoice | None, progress: str) -> None:
        self._patient = patient
        self.patient_title.setText(f"{patient.display_name} ({patient.code})")
        self.progress.setText(progress)
        self.safety.set_profile(patient.profile)
        if plan is not None:
            self.builder.set_choice(plan)
        else:
            for box in self.builder.session_boxes.values():
                box.setChecked(False)
        self.saved.hide()
        self.panels.setCurrentWidget(self.detail)
        self._show_changes()

    def say(self, text: str) -> None:
        self.saved.setText(text)
        self.saved.show()

    def _show_changes(self) -> None:
        profile = self.safety.profile()
        lines = []
        for script_id in self.builder.choice().sessions:
            script = self._scripts.get(script_id)
            if script is None:
                continue
            tailored = tailor(script, profile)
            title = self._titles.get(script_id, script_id)
            if tailored.changes:
                lines.append(title + ":")
                lines.extend("  \u2022 " + change_text(change) for change in tailored.changes)
        self.changes.setText("\n".join(lines) or (
            self.tr("Nothing changes: no chosen session touches what is marked.")
            if profile != SafetyProfile() else self.tr("Nothing is marked.")))

    def _save(self) -> None:
        if self._patient is None:
            return
        choice = self.builder.choice()
        self.save_requested.emit(self._patient.id, self.safety.profile(),
                                 choice if choice.sessions else None)

    def _export(self) -> None:
        if self._patient is not None:
            self.export_requested.emit(self._patient.id)

    def _practise(self) -> None:
        if self._patient is not None:
            self.practise_requested.emit(self._patient.id)
