"""A person's own report, saved as a PDF to print or show their care team.

The same page a clinician files, in the person's interface language, from their plan's
start (or their first session) to today. What happened is said in words on the page
that asked; nothing here raises to the person.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from selfcare.core.ports import StoreUnavailable
from selfcare.session_setup import OpenedStore
from selfcare.ui import i18n
from selfcare.ui.i18n import tr


def save_my_report(opened: OpenedStore, patient_code: str | None, chosen: str) -> str:
    """Write the report to `chosen`; returns the sentence to show."""
    from selfcare.exchange import save_bytes
    from selfcare.records import person_records
    from selfcare.ui.report.pdf import default_paper, report_for, report_pdf

    try:
        records = person_records(opened.db, opened.store, opened.answers,
                                 patient_code=patient_code, since=None, until=None,
                                 now=datetime.now(UTC))
    except (StoreUnavailable, LookupError) as error:
        return tr("Could not read your records: %1").replace("%1", str(error))
    today = date.today()
    report = report_for(records, first=None, last=today, today=today)
    data = report_pdf(report, records, lang=i18n.current_language(), paper=default_paper())
    try:
        save_bytes(data, Path(chosen))
    except OSError as error:
        return tr("Could not save %1: %2").replace("%1", chosen).replace(
            "%2", error.strerror or str(error))
    return tr("Saved in %1: your report from %2 to %3 (sessions: %4).").replace(
        "%1", chosen).replace("%2", report.first.isoformat()).replace(
        "%3", report.last.isoformat()).replace("%4", str(len(report.rows)))
