"""The clinician's plan builder: which sessions, on what schedule, from when, with reminders.

Templates follow published programmes (`core.plans.Template`); the schedule they make
is said in words under the choice, and each chosen session shows its evidence card
(what the guideline says, with its citation) while choosing. The builder only edits
values; `choice()` returns them for the page to check with `make_plan` and save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from selfcare.core.plans import Plan, Template, make_plan
from selfcare.ui.names import kind_name
from selfcare.ui.pages.common import card, label
from selfcare.ui.pages.library_page import SessionEntry
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.wrapping_check import wrapping_check, wrapping_radio


@dataclass(frozen=True, slots=True)
class PlanChoice:
    template: Template
    sessions: tuple[str, ...]
    start: date
    end: date | None
    weekdays: tuple[int, ...]
    reminders: tuple[time, ...]

    def plan(self) -> Plan:
        """The plan these values make; ValueError says what is missing."""
        return make_plan(self.template, self.sessions, self.start, end=self.end,
                         weekdays=self.weekdays)


class PlanBuilder(QWidget):
    """Signals: `edited` whenever a value changes."""

    edited = Signal()

    def __init__(self, entries: list[SessionEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries = {entry.script_id: entry for entry in entries}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("How often"), "groupHeading", self))
        self.templates = QButtonGroup(self)
        self._template_buttons: dict[Template, QRadioButton] = {}
        for template, text in (
            (Template.WEEKLY_THEN_MONTHLY, self.tr(
                "Weekly for 10 weeks, then monthly to week 26 (as in the IMPACT trial)")),
            (Template.WEEKLY_12, self.tr("Weekly for 12 weeks (as in 12-week group "
                                         "programmes such as IPMP)")),
            (Template.DAILY_4_WEEKS, self.tr("Every day for 4 weeks")),
            (Template.CUSTOM, self.tr("Chosen days of the week, from a start to an end date")),
        ):
            radio = wrapping_radio(self, layout, text)
            self.templates.addButton(radio)
            self._template_buttons[template] = radio
        self._template_buttons[Template.WEEKLY_THEN_MONTHLY].setChecked(True)

        dates = FlowRow()
        self.start = self._date_edit(self.tr("Start"))
        self.end = self._date_edit(self.tr("End"))
        self.end.setDate(QDate.currentDate().addDays(27))
        self.start.dateChanged.connect(self._changed)
        self.end.dateChanged.connect(self._changed)
        self.start_label = label(self.tr("Start"), "groupHeading", self)
        self.end_label = label(self.tr("End"), "groupHeading", self)
        for widget in (self.start_label, self.start, self.end_label, self.end):
            dates.add(widget)
        layout.addLayout(dates)
        self.weekday_row = FlowRow()
        self.weekdays: list[QCheckBox] = []
        for number in range(7):
            name = QDate(2026, 12, 7).addDays(number).toString("dddd")  # a Monday onwards
            box = QCheckBox(name, self)
            self.weekdays.append(box)
            self.weekday_row.add(box)
        layout.addLayout(self.weekday_row)
        for box in self.weekdays:
            box.toggled.connect(self._changed)

        reminder = FlowRow()
        self.remind = QCheckBox(self.tr("Remind at"), self)
        self.remind.toggled.connect(self._changed)
        self.reminder_time = QTimeEdit(QTime(18, 0), self)
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setAccessibleName(self.tr("Reminder time"))
        self.reminder_time.timeChanged.connect(self._changed)
        reminder.add(self.remind)
        reminder.add(self.reminder_time)
        layout.addLayout(reminder)
        self.schedule = label("", "muted", self)
        layout.addWidget(self.schedule)

        layout.addWidget(label(self.tr("Sessions"), "groupHeading", self))
        layout.addWidget(label(self.tr("Any of the chosen sessions counts as the practice "
                                       "that is due; Today suggests them in turn."), "muted",
                               self))
        self.session_boxes: dict[str, QCheckBox] = {}
        self._cards: dict[str, QWidget] = {}
        for entry in entries:
            box = wrapping_check(self, layout, f"{entry.title} \u2014 {kind_name(entry.kind)}")
            box.toggled.connect(self._changed)
            self.session_boxes[entry.script_id] = box
            frame, inner = card(self, "doNow")
            inner.addWidget(label(entry.evidence, "evidence", frame))
            if entry.citation:
                inner.addWidget(label(entry.citation, "citation", frame))
            frame.hide()
            self._cards[entry.script_id] = frame
            layout.addWidget(frame)
        for radio in self._template_buttons.values():
            radio.toggled.connect(self._changed)
        self._changed()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    @property
    def template(self) -> Template:
        for template, radio in self._template_buttons.items():
            if radio.isChecked():
                return template
        return Template.WEEKLY_THEN_MONTHLY

    def choice(self) -> PlanChoice:
        custom = self.template is Template.CUSTOM
        return PlanChoice(
            self.template,
            tuple(script_id for script_id, box in self.session_boxes.items() if box.isChecked()),
            self.start.date().toPython(),  # type: ignore[arg-type]
            self.end.date().toPython() if custom else None,  # type: ignore[arg-type]
            tuple(n for n, box in enumerate(self.weekdays) if box.isChecked()) if custom else (),
            (self.reminder_time.time().toPython(),) if self.remind.isChecked() else ())  # type: ignore[arg-type]

    def set_choice(self, choice: PlanChoice) -> None:
        self.blockSignals(True)
        try:
            self._template_buttons[choice.template].setChecked(True)
            self.start.setDate(QDate(choice.start.year, choice.start.month, choice.start.day))
            if choice.end is not None:
                self.end.setDate(QDate(choice.end.year, choice.end.month, choice.end.day))
            for number, box in enumerate(self.weekdays):
                box.setChecked(number in choice.weekdays)
            for script_id, box in self.session_boxes.items():
                box.setChecked(script_id in choice.sessions)
            self.remind.setChecked(bool(choice.reminders))
            if choice.reminders:
                first = choice.reminders[0]
                self.reminder_time.setTime(QTime(first.hour, first.minute))
        finally:
            self.blockSignals(False)
        self._changed()

    def _changed(self) -> None:
        custom = self.template is Template.CUSTOM
        for widget in (self.end, self.end_label, *self.weekdays):
            widget.setVisible(custom)
        self.reminder_time.setEnabled(self.remind.isChecked())
        for script_id, box in self.session_boxes.items():
            self._cards[script_id].setVisible(box.isChecked())
        self.schedule.setText(self._schedule_text())
        self.edited.emit()

    def _schedule_text(self) -> str:
        choice = self.choice()
        try:
            plan = make_plan(choice.template, choice.sessions or ("any",), choice.start,
                             end=choice.end, weekdays=choice.weekdays)
        except ValueError:
            return self.tr("Choose at least one day of the week, and an end on or after "
                           "the start.")
        return self.tr("Practices due: %1, from %2 to %3.").replace("%1", str(len(plan.slots))) \
            .replace("%2", plan.start.isoformat()).replace("%3", plan.end.isoformat())
