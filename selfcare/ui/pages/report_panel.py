"""One patient's report in clinician mode: the page itself, which days, which language,
which paper, and the files a clinic takes away (the PDF for the chart, FHIR for a health
record). The panel asks; `ClinicianMode` reads the records and writes the files."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from selfcare.ui.pages.common import button, label, scroll_area
from selfcare.ui.report.page import ReportPage
from selfcare.ui.report.view import ReportView
from selfcare.ui.widgets.flow_row import FlowRow

PLAN = "plan"  # since the plan began (or the first session)
EVERYTHING = "all"


class ReportPanel(QWidget):
    """Signals: `changed()` when the days, language or paper change; `save_pdf()`,
    `save_fhir()`, `back()` to the overview, `edit()` the patient's plan and safety."""

    changed = Signal()
    save_pdf = Signal()
    save_fhir = Signal()
    back = Signal()
    edit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # One scroll for the choices and the page: at 200 % text the page is not squeezed
        # into what the buttons leave.
        self.page_area, layout = scroll_area(self)
        self.page_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        outer.addWidget(self.page_area)
        self.title = label("", "cardTitle", self)
        layout.addWidget(self.title)
        choices = FlowRow()
        self.days = self._combo(self.tr("Days"), [
            (self.tr("Since the plan began"), PLAN), (self.tr("Last 4 weeks"), "28"),
            (self.tr("Last 3 months"), "91"), (self.tr("Last 12 months"), "365"),
            (self.tr("Everything"), EVERYTHING)], choices)
        self.language = self._combo(self.tr("Report language"),
                                    [("English", "en"), ("Espa\u00f1ol", "es")], choices)
        self.paper = self._combo(self.tr("Paper"), [("A4", "a4"), ("Letter", "letter")],
                                 choices)
        layout.addLayout(choices)
        actions = FlowRow()
        self.pdf_button = button(self.tr("Save as PDF\u2026"), self, name="primary")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.fhir_button = button(self.tr("Save for a health record (FHIR)\u2026"), self)
        self.fhir_button.clicked.connect(self.save_fhir)
        self.edit_button = button(self.tr("Plan and safety"), self)
        self.edit_button.clicked.connect(self.edit)
        self.back_button = button(self.tr("All patients"), self)
        self.back_button.clicked.connect(self.back)
        for widget in (self.pdf_button, self.fhir_button, self.edit_button, self.back_button):
            actions.add(widget)
        layout.addLayout(actions)
        self.message = label("", "notice", self)
        self.message.hide()
        layout.addWidget(self.message)
        self.view = ReportView(self)
        layout.addWidget(self.view)
        layout.addStretch(1)

    def _combo(self, name: str, items: list[tuple[str, str]], row: FlowRow) -> QComboBox:
        box = QWidget(self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        heading: QLabel = label(name, "groupHeading", box)
        inner.addWidget(heading)
        combo = QComboBox(box)
        combo.setAccessibleName(name)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        inner.addWidget(combo)
        row.add(box)
        return combo

    def choose(self, combo: QComboBox, value: str) -> None:
        """Select `value` without announcing a change (the caller draws once after)."""
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.blockSignals(False)

    def show_page(self, title: str, page: ReportPage) -> None:
        self.title.setText(title)
        self.message.hide()
        self.view.set_page(page)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
