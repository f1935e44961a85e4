"""The clinic overview and a patient's report on screen, with real widgets and a real
record file holding generated years of practice."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from selfcare.core.clock import SystemClock
from selfcare.session_setup import open_store
from selfcare.store.clinic import SqliteClinicStore
from tests.gui.test_clinician_mode import click, set_up_pin
from tests.helpers.year_of_data import YEAR_START, fill_clinic

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)  # the day after the generated years end


@pytest.fixture
def clinic(data_dir: Path) -> Path:
    """Four patients with a year each, and one just added (no plan, no sessions)."""
    fill_clinic(data_dir, 4)
    opened = open_store(data_dir, SystemClock())
    SqliteClinicStore(opened.db).add_patient("Z-NEW", "Zoe", "es",
                                             datetime.combine(YEAR_START, time(9), tzinfo=UTC))
    opened.close()
    return data_dir


def open_overview(window, qtbot):
    window.clinician._now = lambda: NOW
    set_up_pin(window, qtbot)
    page = window.clinician.page
    assert page.panels.currentWidget() is page.overview_panel
    return page


def column_texts(table, column: int) -> list[str]:
    model = table.model()
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_overview_lists_every_patient_with_adherence_last_session_and_pain(
        clinic, window, qtbot):
    from selfcare.core.overview import recent_pain
    from selfcare.core.plans import adherence
    from tests.helpers.year_of_data import a_plan, a_year

    page = open_overview(window, qtbot)
    table = page.overview
    assert column_texts(table, 0) == ["Patient 1", "Patient 2", "Patient 3", "Patient 4",
                                      "Zoe"]
    year = a_year("P-0002", seed=1)
    today = NOW.date()
    kept = adherence(a_plan("P-0002").plan, [_practice(s) for s in year.sessions], today)
    assert column_texts(table, 2)[1] == (
        f"{round(100 * (kept.share or 0))} % ({kept.done} of {kept.due_so_far})")
    tip = table.model().data(table.model().index(1, 2), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Done {kept.done}, missed {kept.missed}, still to come {kept.remaining}"
    recent = recent_pain([(s.started_at.astimezone().date(), s.before["pain"])
                          for s in year.sessions if s.before.get("pain") is not None], today)
    pain = column_texts(table, 4)[1]
    words = {"going-down": "\u2198 going down", "going-up": "\u2197 going up",
             "no-clear-trend": "\u2192 no clear trend"}[recent.direction.value]
    assert pain == f"{words}, mean {recent.mean_before:.1f}"
    tip = table.model().data(table.model().index(1, 4), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"{recent.ratings} pain ratings before sessions")
    assert column_texts(table, 2)[4] == "No plan"
    assert column_texts(table, 3)[4] == "None yet"
    assert column_texts(table, 4)[4] == "\u2013 too few ratings"


def _practice(session):
    from selfcare.core.plans import Practice

    return Practice.of(session.started_at, session.script_id, session.status == "completed",
                       session.step_reached, session.steps_total)


def test_sorting_by_a_column_keeps_patients_without_figures_last(clinic, window, qtbot):
    page = open_overview(window, qtbot)
    table = page.overview
    header = table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(2) + 8, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert header.sortIndicatorSection() == 2
    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    shares = [row.adherence.share for row in table.overview.rows if row.adherence]
    assert shares == sorted(shares) and table.overview.rows[-1].code == "Z-NEW"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    shares = [row.adherence.share for row in table.overview.rows if row.adherence]
    assert shares == sorted(shares, reverse=True) and table.overview.rows[-1].code == "Z-NEW"


def test_opening_a_patient_shows_their_report_and_saves_it(clinic, window, qtbot, tmp_path):
    page = open_overview(window, qtbot)
    table = page.overview
    table.setFocus()
    table.selectRow(1)
    table.setCurrentIndex(table.model().index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    report = page.report
    assert page.panels.currentWidget() is report
    view = report.view
    assert view.page is not None and view.page.report.patient_code == "P-0002"
    assert view.page.report.first == YEAR_START  # since the plan began
    said = view.accessibleDescription()
    assert "practices due were done" in said and "Lymphoedema: left arm" in said
    assert abs(view.height() - view.width() * 842 / 595) <= 1
    image = view.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 3).isValid()

    report.language.setCurrentIndex(report.language.findData("es"))
    assert view.page.context.lang == "es"
    assert "Informe de pr\u00e1ctica de autocuidado" in view.accessibleDescription()
    assert page.leave_button.text() == "Leave clinician mode"

    window.clinician.choose_save_path = lambda suggested: str(tmp_path / suggested)
    click(qtbot, report.pdf_button)
    saved = list(tmp_path.glob("selfcare-report-P-0002-*.pdf"))
    assert len(saved) == 1 and saved[0].read_bytes().startswith(b"%PDF-")
    assert report.message.text().startswith("Report saved in")

    click(qtbot, report.fhir_button)
    bundle = json.loads(next(tmp_path.glob("selfcare-P-0002-*.fhir.json")).read_text())
    procedures = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "Procedure"]
    assert len(procedures) == len(view.page.report.rows)


def test_leaving_forgets_the_overview_and_the_report(clinic, window, qtbot):
    page = open_overview(window, qtbot)
    window.clinician.show_report(page.overview.overview.rows[0].patient_id)
    assert page.report.view.page is not None
    click(qtbot, page.leave_button)
    assert page.overview.model().rowCount() == 0
    assert page.report.view.page is None
    assert page.patient_list.count() == 0


def test_the_overview_is_read_while_the_pin_is_typed(clinic, window, qtbot):
    from tests.gui.test_clinician_mode import PIN, type_pin

    open_overview(window, qtbot)
    click(qtbot, window.clinician.page.leave_button)
    window.enter_clinician_mode()
    ahead = window.clinician._prefetch
    assert ahead is not None  # started as soon as the PIN was asked for
    gate = window.clinician.gate
    type_pin(qtbot, gate.first, "9999")
    click(qtbot, gate.confirm)
    page = window.clinician.page
    assert window.stack.currentWidget() is gate  # a wrong PIN shows nothing
    assert window.clinician._prefetch is ahead
    type_pin(qtbot, gate.first, PIN)
    click(qtbot, gate.confirm)
    assert window.clinician._prefetch is None
    assert [row.code for row in page.overview.overview.rows] == [
        "P-0001", "P-0002", "P-0003", "P-0004", "Z-NEW"]
    assert ahead._rows is not None and len(ahead._rows) == 5  # these were the rows shown
