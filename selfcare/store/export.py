"""One's own records as CSV: one row per session, ratings as columns; and the weekly
check, one row per week.

For a spreadsheet or a research file: UTF-8 with a byte-order mark (so spreadsheet
programs read accents right), ISO 8601 times with their UTC offset, one header row with
the column names of `COLUMNS`, `item_columns` and `AFTER_COLUMNS` (documented in
docs/export-csv.md). A skipped rating is an empty cell with `skipped` in its status
column; never 0. One person's rows only (a clinic patient's, or the person's at home), from
a range of local days; text that a spreadsheet would run as a formula is written so that
it shows as text.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from selfcare.core.measures import Instrument, mean_score
from selfcare.store.answers import AfterNotes, SqliteAnswerStore, WeeklyAnswer
from selfcare.store.sessions import SessionRecord, SqliteSessionStore

COLUMNS = (
    "session_id", "started_at", "ended_at", "script_id", "title", "kind", "lang", "status",
    "step_reached", "steps_total", "sound", "pain_before", "pain_before_status",
    "pain_after", "pain_after_status", "pain_change",
)
KNOWN_ITEMS = ("tension", "tiredness", "anxiety", "wellbeing")  # always given columns
AFTER_COLUMNS = ("soreness", "soreness_status", "note")
# Cells that hold a time or a number written as text: never given the formula guard.
NOT_TEXT = frozenset({"started_at", "ended_at", "week_start", "recorded_at", "score"})
# What makes Excel or LibreOffice read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def patient_id(db: Database, code: str | None) -> int | None:
    """The id of the clinic patient with `code`, or None (the person at home) without one;
    raises `UnknownPatientError` for a code not on this computer."""
    from selfcare.store.clinic import SqliteClinicStore

    return None if code is None else SqliteClinicStore(db).patient(code).id


def on_days(day: date, since: date | None, until: date | None) -> bool:
    """Whether a local day is in the range (both ends included; None is open-ended)."""
    return (since is None or day >= since) and (until is None or day <= until)


def person_sessions(sessions: SqliteSessionStore, person: int | None, *,
                    since: date | None = None, until: date | None = None
                    ) -> list[SessionRecord]:
    """One person's sessions that started on a local day in the range, newest first."""
    return [record for record in sessions.history(patient_id=person)
            if on_days(record.started_at.astimezone().date(), since, until)]


def person_weeks(answers: SqliteAnswerStore, person: int | None, *,
                 since: date | None = None, until: date | None = None) -> list[WeeklyAnswer]:
    """One person's weekly check answers for the weeks whose Monday is in the range, as
    the PDF and FHIR exports count them."""
    return [answer for answer in answers.weekly_answers(person=person)
            if on_days(answer.week_start, since, until)]


def spreadsheet_safe(text: str) -> str:
    """Text that a spreadsheet shows, never runs: a cell starting with `=`, `+`, `-`, `@`,
    tab or carriage return gets a single quote in front, as OWASP advises."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(row: dict[str, str | int]) -> dict[str, str | int]:
    """The row with every text cell guarded; numbers and ISO times stay as they are."""
    return {column: spreadsheet_safe(value)
            if isinstance(value, str) and column not in NOT_TEXT else value
            for column, value in row.items()}


@dataclass(frozen=True)
class SessionDetails:
    """What else was said about each session: other 0-10 items, soreness, notes."""

    other_ratings: dict[int, dict[tuple[str, str], int | None]] = field(default_factory=dict)
    after_notes: dict[int, AfterNotes] = field(default_factory=dict)

    def items(self, session_ids: Iterable[int] | None = None) -> list[str]:
        """The known items, then any other item rated in these sessions (default: all), so
        one person's file never names an item only someone else was asked."""
        chosen = (self.other_ratings.values() if session_ids is None else
                  (self.other_ratings.get(number, {}) for number in session_ids))
        seen = {item for ratings in chosen for _moment, item in ratings}
        return [*KNOWN_ITEMS, *sorted(seen - set(KNOWN_ITEMS))]


def session_details(sessions: SqliteSessionStore, answers: SqliteAnswerStore) -> SessionDetails:
    return SessionDetails(sessions.other_ratings(), answers.after_notes())


def item_columns(item: str) -> list[str]:
    column = item.replace("-", "_")
    return [f"{column}_before", f"{column}_before_status",
            f"{column}_after", f"{column}_after_status"]


def _status(value: object, skipped: bool) -> str:
    """'given', or for an empty cell whether it was 'skipped' or 'not asked'."""
    if value is not None:
        return "given"
    return "skipped" if skipped else "not asked"


def session_row(record: SessionRecord) -> dict[str, str | int]:
    change = "" if record.pre is None or record.post is None else record.post - record.pre
    return {
        "session_id": record.id,
        "started_at": record.started_at.isoformat(),
        "ended_at": "" if record.ended_at is None else record.ended_at.isoformat(),
        "script_id": record.script_id,
        "title": record.title or "",
        "kind": record.kind or "",
        "lang": record.lang or "",
        "status": record.status.value,
        "step_reached": record.step_reached,
        "steps_total": record.steps_total,
        "sound": record.audio or "",
        "pain_before": "" if record.pre is None else record.pre,
        "pain_before_status": _status(record.pre, record.pre_skipped),
        "pain_after": "" if record.post is None else record.post,
        "pain_after_status": _status(record.post, record.post_skipped),
        "pain_change": change,
    }


def detail_cells(record: SessionRecord, details: SessionDetails, items: list[str]
                 ) -> dict[str, str | int]:
    ratings = details.other_ratings.get(record.id, {})
    cells: dict[str, str | int] = {}
    for item in items:
        names = item_columns(item)
        for moment, value_name, status_name in (("pre", names[0], names[1]),
                                                ("post", names[2], names[3])):
            asked = (moment, item) in ratings
            value = ratings.get((moment, item))
            cells[value_name] = "" if value is None else value
            cells[status_name] = _status(value, asked)
    notes = details.after_notes.get(record.id)
    soreness = None if notes is None else notes.soreness
    cells["soreness"] = "" if soreness is None else soreness.value
    cells["soreness_status"] = _status(soreness, notes is not None and notes.soreness_asked)
    cells["note"] = "" if notes is None or notes.note is None else notes.note
    return cells


def write_sessions_csv(records: Iterable[SessionRecord], out: TextIO, *, bom: bool = True,
                       details: SessionDetails | None = None) -> int:
    """Write the header and a row per record, oldest first; returns the rows written."""
    details = details or SessionDetails()
    rows = sorted(records, key=lambda record: (record.started_at, record.id))
    items = details.items(record.id for record in rows)
    columns = [*COLUMNS, *(name for item in items for name in item_columns(item)),
               *AFTER_COLUMNS]
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for record in rows:
        writer.writerow(safe_row(session_row(record) | detail_cells(record, details, items)))
    return len(rows)


WEEKLY_COLUMNS = ("week_start", "instrument", "instrument_version", "recorded_at")


def write_weekly_csv(answers: Iterable[WeeklyAnswer], instruments: dict[str, Instrument],
                     out: TextIO, *, bom: bool = True) -> int:
    """One row per week and questionnaire: each item and its status, then the score."""
    weeks: dict[tuple[str, str], list[WeeklyAnswer]] = {}
    for answer in answers:
        weeks.setdefault((answer.week_start.isoformat(), answer.instrument), []).append(answer)
    items: list[str] = []
    for group in weeks.values():
        items.extend(a.item for a in group if a.item not in items)
    columns = [*WEEKLY_COLUMNS, *(f"{i.replace('-', '_')}{suffix}" for i in items
                                  for suffix in ("", "_status")), "score"]
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for (week, instrument_id), group in sorted(weeks.items()):
        row: dict[str, str | int] = {
            "week_start": week, "instrument": instrument_id,
            "instrument_version": group[-1].instrument_version,
            "recorded_at": max(a.recorded_at for a in group).isoformat()}
        given = {a.item: a.value for a in group}
        for item in items:
            column = item.replace("-", "_")
            value = given.get(item)
            row[column] = "" if value is None else value
            row[f"{column}_status"] = _status(value, item in given)
        instrument = instruments.get(instrument_id)
        score = None if instrument is None else mean_score(instrument, given)
        row["score"] = "" if score is None else f"{score:.2f}"
        writer.writerow(safe_row(row))
    return len(weeks)


def save_csv(write: Callable[[TextIO], int], path: Path) -> int:
    """Write a CSV under a temporary name, then rename: never half a file at `path`."""
    draft = path.with_name(path.name + ".part")
    try:
        with draft.open("w", encoding="utf-8", newline="") as handle:
            count = write(handle)
        draft.replace(path)
    except OSError:
        draft.unlink(missing_ok=True)
        raise
    return count


def save_sessions_csv(records: Iterable[SessionRecord], path: Path,
                      details: SessionDetails | None = None) -> int:
    return save_csv(lambda handle: write_sessions_csv(records, handle, details=details), path)
