"""CSV export: one row per session, ratings as columns, skipped never written as 0."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

from selfcare.core.questions import Soreness
from selfcare.measures_files import load_measures
from selfcare.store.answers import SqliteAnswerStore
from selfcare.store.clinic import SqliteClinicStore
from selfcare.store.db import open_database
from selfcare.store.export import (
    COLUMNS,
    KNOWN_ITEMS,
    person_sessions,
    safe_row,
    session_details,
    spreadsheet_safe,
    write_sessions_csv,
    write_weekly_csv,
)
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
    assert tuple(rows[0])[:len(COLUMNS)] == COLUMNS
    assert tuple(rows[0])[len(COLUMNS):] == (
        *(f"{item}_{moment}{status}" for item in KNOWN_ITEMS for moment in ("before", "after")
          for status in ("", "_status")), "soreness", "soreness_status", "note")
    assert [r["session_id"] for r in rows] == [str(first), str(second)]  # oldest first
    assert (rows[0]["pain_before"], rows[0]["pain_after"], rows[0]["pain_change"]) == \
        ("6", "4", "-2")
    assert rows[0]["started_at"] == T0.isoformat()
    assert (rows[1]["pain_before"], rows[1]["pain_before_status"]) == ("", "skipped")
    assert (rows[1]["pain_after"], rows[1]["pain_after_status"]) == ("", "not asked")
    assert rows[1]["pain_change"] == "" and rows[1]["status"] == "interrupted"


def test_other_items_soreness_and_notes_have_their_columns(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "selfcare.db", now=T0)
    store = SqliteSessionStore(opened.db, pid=1, host="h")
    answers = SqliteAnswerStore(opened.db)
    first = store.begin_session(start_at(T0, pre=6))
    store.record_rating(first, "post", 2, T0, item="tension")
    store.record_rating(first, "post", None, T0, item="anxiety")
    store.record_rating(first, "post", 9, T0, item="clinic-item")  # a clinic's own file
    answers.record_soreness(first, Soreness.MORE, T0)
    answers.record_note(first, 'bruise, "small"\nby the thumb', T0)
    second = store.begin_session(start_at(T0 + timedelta(days=1), pre=3))
    answers.record_soreness(second, None, T0)
    out = io.StringIO()
    write_sessions_csv(store.history(), out, details=session_details(store, answers))
    opened.db.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    first_row, second_row = rows
    assert (first_row["tension_after"], first_row["tension_after_status"]) == ("2", "given")
    assert (first_row["anxiety_after"], first_row["anxiety_after_status"]) == ("", "skipped")
    assert (first_row["tension_before"], first_row["tension_before_status"]) == \
        ("", "not asked")
    assert first_row["clinic_item_after"] == "9"
    assert (first_row["soreness"], first_row["note"]) == ("more", 'bruise, "small"\nby the thumb')
    assert (second_row["soreness"], second_row["soreness_status"]) == ("", "skipped")
    assert second_row["note"] == ""


def test_the_weekly_check_is_one_row_a_week_with_its_mean_score(tmp_path: Path) -> None:
    from datetime import date

    opened = open_database(tmp_path / "selfcare.db", now=T0)
    answers = SqliteAnswerStore(opened.db)
    for week, values in ((date(2026, 11, 23), (6, 5, 4)), (date(2026, 11, 30), (7, None, 5))):
        for item, value in zip(("average-pain", "enjoyment", "activity"), values, strict=True):
            answers.record_weekly(week, "weekly-check", "1", item, value, T0)
    out = io.StringIO()
    assert write_weekly_csv(answers.weekly_answers(), load_measures().instruments, out) == 2
    opened.db.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert [(r["week_start"], r["average_pain"], r["enjoyment"], r["enjoyment_status"],
             r["score"]) for r in rows] == [
        ("2026-11-23", "6", "5", "given", "5.00"),
        ("2026-11-30", "7", "", "skipped", ""),  # no score with an item skipped
    ]


def test_text_a_spreadsheet_would_run_as_a_formula_gets_a_quote_in_front() -> None:
    for risky in ("=1+1", "+44 20 7946 0000", "-2 better", "@SUM(A1)", "\tx", "\rx"):
        assert spreadsheet_safe(risky) == "'" + risky
    assert spreadsheet_safe("Dormí mejor; =later") == "Dormí mejor; =later"
    assert safe_row({"note": "-1", "pain_change": -2, "started_at": "-x", "score": "-1.00"}
                    ) == {"note": "'-1", "pain_change": -2, "started_at": "-x", "score": "-1.00"}


def test_a_note_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "selfcare.db", now=T0)
    store = SqliteSessionStore(opened.db, pid=1, host="h")
    answers = SqliteAnswerStore(opened.db)
    first = store.begin_session(start_at(T0, pre=6))
    store.record_rating(first, "post", 4, T0)
    answers.record_note(first, '=HYPERLINK("http://example.com","x")', T0)
    out = io.StringIO()
    write_sessions_csv(store.history(), out, details=session_details(store, answers))
    opened.db.close()
    row = next(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert row["note"] == '\'=HYPERLINK("http://example.com","x")'
    assert (row["pain_change"], row["started_at"]) == ("-2", T0.isoformat())


def test_one_persons_file_names_only_the_items_they_were_asked(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "selfcare.db", now=T0)
    store = SqliteSessionStore(opened.db, pid=1, host="h")
    mine = store.begin_session(start_at(T0, pre=6))
    store.person = SqliteClinicStore(opened.db).add_patient("P-1", "Ana", "en", T0)
    theirs = store.begin_session(start_at(T0, pre=5))
    store.record_rating(theirs, "post", 3, T0, item="clinic-item")
    out = io.StringIO()
    details = session_details(store, SqliteAnswerStore(opened.db))
    assert write_sessions_csv(person_sessions(store, None), out, details=details) == 1
    opened.db.close()
    header = out.getvalue().lstrip("\ufeff").splitlines()[0]
    assert "clinic_item" not in header and str(mine) in out.getvalue()
