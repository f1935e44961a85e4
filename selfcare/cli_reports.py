"""`selfcare export pdf` and `selfcare export fhir`: one person's records for a range of
days, as a one-page report a clinician files or as a Bundle a health record reads.

Both take `--patient CODE` (a clinic patient; default: this computer's person),
`--from DATE` and `--to DATE` (local days, both included) and `--lang` (the words of the
report and the session titles; default: the patient's language, else the app's).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcare.cli import EXIT_OK, CommandError

if TYPE_CHECKING:
    from datetime import date

    from selfcare.records import PersonRecords

LANGUAGES = ("en", "es")
PAPERS = ("a4", "letter")


def day_arg(text: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-12-07") from None


def add_range_args(parser: argparse.ArgumentParser) -> None:
    """`--patient`, `--from` and `--to`, the same for every export of one person's days."""
    parser.add_argument("--patient", metavar="CODE",
                        help="a clinic patient (default: this computer's person)")
    parser.add_argument("--from", dest="since", type=day_arg, metavar="DATE",
                        help="sessions from this day on (YYYY-MM-DD)")
    parser.add_argument("--to", dest="until", type=day_arg, metavar="DATE",
                        help="sessions up to and including this day (YYYY-MM-DD)")


def add_report_formats(formats: Any) -> None:
    fhir_parser = formats.add_parser(
        "fhir", help="a FHIR R4 Bundle of the plan, sessions and ratings (JSON)")
    fhir_parser.add_argument("--out", required=True, metavar="FILE",
                             help="the file to write ('-' for standard output)")
    add_range_args(fhir_parser)
    fhir_parser.add_argument("--lang", choices=LANGUAGES,
                             help="language of the session titles (default: the patient's)")
    fhir_parser.set_defaults(run=run_export_fhir)
    pdf_parser = formats.add_parser(
        "pdf", help="a one-page report for the chart: plan, adherence, pain, what helps")
    pdf_parser.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    add_range_args(pdf_parser)
    pdf_parser.add_argument("--lang", choices=LANGUAGES,
                            help="language of the report (default: the patient's, else the "
                                 "app's)")
    pdf_parser.add_argument("--paper", choices=PAPERS,
                            help="paper size (default: Letter where the system uses US "
                                 "measures, else A4)")
    pdf_parser.set_defaults(run=run_export_pdf)


def read_records(args: argparse.Namespace, *, whole_log: bool = False) -> PersonRecords:
    """The chosen person's records; `whole_log` keeps days outside the range (a report's
    adherence counts the plan from its start)."""
    from datetime import UTC, datetime

    from selfcare import paths
    from selfcare.cli_commands import _open_store_or_fail
    from selfcare.core.clock import SystemClock
    from selfcare.records import UnknownPersonError, person_records

    if args.since and args.until and args.until < args.since:
        raise CommandError("--to is before --from")
    opened = _open_store_or_fail(paths.default_data_dir(), SystemClock())
    try:
        return person_records(opened.db, opened.store, opened.answers,
                              patient_code=args.patient,
                              since=None if whole_log else args.since,
                              until=None if whole_log else args.until,
                              now=datetime.now(UTC))
    except UnknownPersonError as exc:
        raise CommandError(str(exc)) from None
    finally:
        opened.close()


def report_language(args: argparse.Namespace, records: PersonRecords) -> str:
    if args.lang:
        return str(args.lang)
    if records.language in LANGUAGES:
        return str(records.language)
    from selfcare import paths
    from selfcare.settings import Settings
    from selfcare.ui.i18n import system_language

    chosen = Settings(paths.default_data_dir()).choice("language")
    return chosen if chosen in LANGUAGES else system_language()


def run_export_fhir(args: argparse.Namespace) -> int:
    """The person's records in a range as a FHIR R4 Bundle, for a health record."""
    from datetime import UTC, datetime

    from selfcare.library import library_titles
    from selfcare.records import fhir_bundle_json

    records = read_records(args)
    data = fhir_bundle_json(records, first=None, last=None,
                            titles=library_titles(report_language(args, records)),
                            now=datetime.now(UTC))
    if args.out == "-":
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_OK
    out = save_file(data, args.out)
    print(f"{len(records.log.sessions)} session(s) written to {out} as a FHIR R4 Bundle",
          file=sys.stderr)
    return EXIT_OK


def run_export_pdf(args: argparse.Namespace) -> int:
    """The one-page report of a person's range of days, as a PDF for the chart."""
    import os
    from datetime import date

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs no screen
    from PySide6.QtGui import QGuiApplication

    from selfcare.ui.report.pdf import default_paper, report_for, report_pdf

    records = read_records(args, whole_log=True)
    lang = report_language(args, records)
    app = QGuiApplication.instance() or QGuiApplication(["selfcare"])  # fonts, translators
    try:
        report = report_for(records, first=args.since, last=args.until, today=date.today())
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    data = report_pdf(report, records, lang=lang, paper=args.paper or default_paper())
    del app
    out = save_file(data, args.out)
    print(f"report of {report.first} to {report.last} ({len(report.rows)} session(s)) "
          f"written to {out}", file=sys.stderr)
    return EXIT_OK


def save_file(data: bytes, out: str) -> Path:
    from selfcare.exchange import save_bytes

    path = Path(out)
    try:
        save_bytes(data, path)
    except OSError as exc:
        raise CommandError(f"{out}: cannot write ({exc.strerror or exc})") from exc
    return path
