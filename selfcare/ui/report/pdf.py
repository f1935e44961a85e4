"""The report as a PDF (Qt's own QPdfWriter) and as an image, from a person's records.

Qt writes the PDF: it is already here (no new dependency, nothing more to freeze), it
embeds the subset of the font it used so accents print right on any computer, and the
same QPainter calls draw the on-screen report. A4 or Letter; vectors throughout, so the
chart prints sharp.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from selfcare import __version__
from selfcare.core.report import Report, build_report
from selfcare.records import PersonRecords
from selfcare.ui import i18n
from selfcare.ui.report.page import A4, LETTER, ReportContext, ReportPage

PDF_DPI = 1200
PAPERS = {"a4": (QPageSize.PageSizeId.A4, A4), "letter": (QPageSize.PageSizeId.Letter, LETTER)}


def default_paper() -> str:
    """Letter where the system measures in US units, A4 everywhere else."""
    from PySide6.QtCore import QLocale

    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if us else "a4"


def report_for(records: PersonRecords, *, first: date | None, last: date | None,
               today: date) -> Report:
    """The report from `first` (default: the plan's start, else the first session) to
    `last` (default: today); ValueError for a backwards range."""
    from selfcare.measures_files import load_measures

    sessions = records.log.sessions
    if first is None:
        starts = [records.plan.plan.start] if records.plan is not None else []
        starts += [s.started_at.astimezone().date() for s in sessions[:1]]
        first = min(starts) if starts else today
    last = last or max(today, first)
    if last < first:
        raise ValueError(f"the report's last day ({last}) is before its first ({first})")
    return build_report(records.log, records.plan, first=first, last=last, today=today,
                        weekly_check=load_measures().instruments.get("weekly-check"),
                        safety=records.safety)


def report_context(report: Report, records: PersonRecords, lang: str,
                   generated_at: datetime | None = None,
                   titles: Mapping[str, str] | None = None) -> ReportContext:
    """Titles (the library's, unless given), item names and credits in `lang`."""
    from selfcare.library import library_titles
    from selfcare.measures_files import load_measures

    titles = library_titles(lang) if titles is None else titles
    instruments = load_measures().instruments
    names: dict[str, str] = {}
    credits: list[str] = []
    shown = {other.item for other in report.others}
    for instrument in instruments.values():
        for item in instrument.items:
            if item.id in shown:
                short = item.short or (instrument.name if len(instrument.items) == 1
                                       else item.text)
                names[item.id] = instrument.in_language(short, lang)
                credit = instrument.in_language(instrument.credit, lang)
                if credit not in credits:
                    credits.append(credit)
    weekly = instruments.get("weekly-check")
    weekly_name = None
    if weekly is not None:
        weekly_name = weekly.in_language(weekly.name, lang)
        if report.weekly:
            credits.append(weekly.in_language(weekly.credit, lang))
    return ReportContext(records.display_name, lang, titles, names, tuple(credits),
                         weekly_name, generated_at or datetime.now(UTC), __version__)


def report_page(report: Report, records: PersonRecords, lang: str, paper: str = "a4",
                generated_at: datetime | None = None,
                titles: Mapping[str, str] | None = None) -> ReportPage:
    return ReportPage(report, report_context(report, records, lang, generated_at, titles),
                      PAPERS[paper][1])


def report_pdf(report: Report, records: PersonRecords, *, lang: str, paper: str = "a4",
               generated_at: datetime | None = None,
               titles: Mapping[str, str] | None = None) -> bytes:
    """The PDF's bytes: one page in `lang` on `paper` ("a4" or "letter")."""
    page = report_page(report, records, lang, paper, generated_at, titles)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPdfVersion(QPdfWriter.PdfVersion.PdfVersion_A1b)  # archival, for the chart
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper][0]),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(f"Selfcare report {report.patient_code} {report.first} {report.last}")
    writer.setCreator(f"Selfcare {__version__}")
    painter = QPainter(writer)
    try:
        painter.scale(PDF_DPI / 72, PDF_DPI / 72)
        with i18n.speaking(lang):
            page.draw(painter)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def report_image(page: ReportPage, width_px: int) -> QImage:
    """The page as an image `width_px` wide (for a preview or a test)."""
    width, height = page.size
    scale = width_px / width
    image = QImage(QSizeF(width * scale, height * scale).toSize(),
                   QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        with i18n.speaking(page.context.lang):
            page.draw(painter)
    finally:
        painter.end()
    return image
