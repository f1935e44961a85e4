"""CSV export: one row per session, ratings as columns, skipped never written as 0."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

from selfcare.store.db import open_database
from selfcare.store.export import COLUMNS, write_sessions_csv
from selfcare.store.sessions import SqliteSessionStore
from tests.unit.store.test_sessions import T0, start_at


def test_rows_hold_the_ratings_and_skips_are_empty_not_zero(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "selfcare.db", now=T0)
    store = SqliteSessionStore(opened.db, pid=1, host="h")
    first = store.begin_session(start_at(T0, pre=6))
    store.record_rating(first, "post", 4, T0 + timedelta(minutes=8))
    store.complete_session(first, T0 + timedelta(minutes=8), 5)
    second = store.begin_session(start_at(T0 + timedelta(days=1), pre=None))
    store.interrupt_session(second, T0 + timedelta(days=1, minutes=2), 1)
    out = io.StringIO()
    assert write_sessions_csv(store.history(), out) == 2
    opened.db.close()
    text = out.getvalue()
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert tuple(rows[0]) == COLUMNS
    assert [r["session_id"] for r in rows] == [str(first), str(second)]  # oldest first
    assert (rows[0]["pain_before"], rows[0]["pain_after"], rows[0]["pain_change"]) == \
        ("6", "4", "-2")
    assert rows[0]["started_at"] == T0.isoformat()
    assert (rows[1]["pain_before"], rows[1]["pain_before_status"]) == ("", "skipped")
    assert (rows[1]["pain_after"], rows[1]["pain_after_status"]) == ("", "not asked")
    assert rows[1]["pain_change"] == "" and rows[1]["status"] == "interrupted"
