"""One's own records as CSV: one row per session, ratings as columns.

For a spreadsheet or a research file: UTF-8 with a byte-order mark (so spreadsheet
programs read accents right), ISO 8601 times with their UTC offset, one header row with
the column names of `COLUMNS` (documented in docs/export-csv.md). A skipped rating is
an empty cell with `skipped` in its status column; never 0.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from selfcare.store.sessions import SessionRecord

COLUMNS = (
    "session_id", "started_at", "ended_at", "script_id", "title", "kind", "lang", "status",
    "step_reached", "steps_total", "sound", "pain_before", "pain_before_status",
    "pain_after", "pain_after_status", "pain_change",
)


def _status(value: int | None, skipped: bool) -> str:
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


def write_sessions_csv(records: Iterable[SessionRecord], out: TextIO, *, bom: bool = True) -> int:
    """Write the header and a row per record, oldest first; returns the rows written."""
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    rows = sorted(records, key=lambda record: (record.started_at, record.id))
    for record in rows:
        writer.writerow(session_row(record))
    return len(rows)


def save_sessions_csv(records: Iterable[SessionRecord], path: Path) -> int:
    """Write the CSV under a temporary name, then rename: never half a file at `path`."""
    draft = path.with_name(path.name + ".part")
    try:
        with draft.open("w", encoding="utf-8", newline="") as handle:
            count = write_sessions_csv(records, handle)
        draft.replace(path)
    except OSError:
        draft.unlink(missing_ok=True)
        raise
    return count
