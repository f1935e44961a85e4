"""The report page under the worst a clinic can give it: every session in the plan, every
safety setting with a long note, a year of notes, Letter paper. Nothing runs into the
footer, and nothing about safety is cut without saying so."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from selfcare.core.plans import Template, make_plan
from selfcare.core.safety import Limb, SafetyProfile
from selfcare.library import load_library
from selfcare.records import PersonRecords
from selfcare.ui import i18n
from selfcare.ui.report.pdf import report_for, report_image, report_page, report_pdf
from tests.helpers.year_of_data import YEAR_END, YEAR_START, a_plan, a_year

EVERYTHING = SafetyProfile(
    pregnancy=True, lymphoedema=frozenset({Limb.ARM_LEFT, Limb.LEG_RIGHT}),
    low_platelets=True, bone_metastases=frozenset({"spine", "pelvis-hips"}),
    line_or_port=frozenset({"chest"}), neuropathy_hands=True, neuropathy_feet=True,
    recent_surgery=frozenset({"abdomen"}),
    note="Check with the oncology team before any pressure near the port. " * 30)


def crowded() -> PersonRecords:
    every_session = sorted(load_library().scripts)
    plan = dataclasses.replace(a_plan(), plan=make_plan(
        Template.CUSTOM, every_session, YEAR_START, end=YEAR_END, weekdays=range(7)))
    log = a_year(seed=4)
    log = dataclasses.replace(log, sessions=tuple(
        dataclasses.replace(s, note=s.note or "A long note about how the session went. " * 5)
        for s in log.sessions))
    return PersonRecords("P-0005", "Patient with a very long display name indeed", "en", log,
                         plan, EVERYTHING)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_crowded_page_still_fits_above_its_footer(qapp, paper: str) -> None:
    records = crowded()
    report = report_for(records, first=YEAR_START, last=YEAR_END, today=date(2026, 12, 1))
    page = report_page(report, records, "en", paper)
    report_image(page, 600)
    assert page.room_for_notes >= 40
    assert page.hidden_notes > 0  # a year of notes cannot fit: they are counted, not lost


def test_a_long_safety_list_goes_across_the_page_and_says_where_it_was_cut(
        qapp, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    records = crowded()
    report = report_for(records, first=YEAR_START, last=YEAR_END, today=date(2026, 12, 1))
    out = tmp_path / "crowded.pdf"
    out.write_bytes(report_pdf(report, records, lang="en", paper="letter"))
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "Listed below, across the page." in text
    assert "Safety settings in force: Pregnancy · Lymphoedema:" in text
    assert "Bone metastases:" in text and "Note: Check with the oncology team" in text
    assert "\u2026" in text


def test_drawing_a_spanish_page_leaves_the_interface_in_english(qapp) -> None:
    i18n.install_language("en")
    records = crowded()
    report = report_for(records, first=None, last=None, today=date(2026, 12, 1))
    assert report.first == YEAR_START  # the plan's start
    report_image(report_page(report, records, "es"), 300)
    assert i18n.current_language() == "en"
    assert i18n.tr("Self-care practice report") == "Self-care practice report"


def test_the_view_keeps_the_pages_shape_and_forgets_it(qtbot) -> None:
    from selfcare.ui.report.view import ReportView

    records = crowded()
    report = report_for(records, first=YEAR_START, last=YEAR_END, today=date(2026, 12, 1))
    view = ReportView()
    qtbot.addWidget(view)
    view.resize(700, 100)
    view.set_page(report_page(report, records, "en", "letter"))
    view.show()
    assert abs(view.height() - 700 * 792 / 612) <= 1
    assert "Self-care practice report" in view.accessibleDescription()
    assert view.grab().toImage().pixelColor(350, 300).isValid()
    view.set_page(None)
    assert view.height() == 0
