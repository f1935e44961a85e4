"""`selfcare export csv` and `weekly-csv` for one person and a range of days: a real
process writes the file, and it is read back with the csv module and compared, cell by
cell, with the year of practice that was generated and imported for a clinic patient."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from selfcare.core.log_file import LogFile, LoggedSession
from selfcare.core.ports import SessionStart
from selfcare.store.answers import SqliteAnswerStore
from selfcare.store.db import open_database
from selfcare.store.sessions import SqliteSessionStore
from tests.helpers.cli import run_selfcare
from tests.helpers.year_of_data import YEAR_START, a_year, fill_clinic

# Sessions in the generated year start at 17:xx UTC, on the next day here: a range of
# days that is read in UTC instead of local time picks the wrong sessions.
LOCAL = timezone(timedelta(hours=13))
TZ = "XXX-13"  # the same zone for the process (POSIX: hours west of UTC, so UTC+13)
HOME_NOTE = "=HYPERLINK(\"http://example.com\",\"click\")"


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three clinic patients with a year each, and one session of the person at home."""
    data_dir = tmp_path_factory.mktemp("clinic")
    assert fill_clinic(data_dir, 3) == ["P-0001", "P-0002", "P-0003"]
    opened = open_database(data_dir / "selfcare.db")
    store = SqliteSessionStore(opened.db, pid=1, host="test")
    began = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    session = store.begin_session(SessionStart("pmr-short", "+ Short PMR", "pmr", "en", began,
                                               17, 6, "device"))
    store.record_rating(session, "post", 4, began + timedelta(minutes=14))
    store.complete_session(session, began + timedelta(minutes=14), 17)
    SqliteAnswerStore(opened.db).record_note(session, HOME_NOTE, began)
    opened.db.close()
    return data_dir


def year(code: str) -> LogFile:
    """The year `fill_clinic` generated for the patient with this code."""
    return a_year(code, seed=int(code.removeprefix("P-")) - 1)


def export(data_dir: Path, out: Path, *args: str) -> list[dict[str, str]]:
    done = run_selfcare(data_dir, "export", *args, "--out", str(out), TZ=TZ)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:3] == b"\xef\xbb\xbf"  # the BOM a spreadsheet looks for
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def rated(said: dict[str, int | None], item: str) -> tuple[str, str]:
    """The value and status cells a rating should have."""
    if item not in said:
        return "", "not asked"
    value = said[item]
    return ("", "skipped") if value is None else (str(value), "given")


def soreness(session: LoggedSession) -> tuple[str, str]:
    if session.soreness is None:
        return "", "not asked"
    return ("", "skipped") if session.soreness == "skipped" else (session.soreness, "given")


def expected_row(session: LoggedSession) -> dict[str, object]:
    pre, post = session.before.get("pain"), session.after.get("pain")
    cells: dict[str, object] = {
        "started_at": session.started_at, "ended_at": session.ended_at,
        "script_id": session.script_id, "kind": session.kind, "lang": session.lang,
        "status": session.status, "step_reached": str(session.step_reached),
        "steps_total": str(session.steps_total),
        "pain_change": "" if pre is None or post is None else str(post - pre),
        "soreness": soreness(session), "note": session.note or ""}
    for item in ("pain", "tension", "tiredness", "anxiety", "wellbeing"):
        cells[f"{item}_before"] = rated(session.before, item)
        cells[f"{item}_after"] = rated(session.after, item)
    return cells


def read_row(row: dict[str, str]) -> dict[str, object]:
    """A CSV row in the shape of `expected_row`: times parsed back, value-status pairs."""
    cells: dict[str, object] = {
        "started_at": datetime.fromisoformat(row["started_at"]),
        "ended_at": datetime.fromisoformat(row["ended_at"]),
        "soreness": (row["soreness"], row["soreness_status"])}
    for name in ("script_id", "kind", "lang", "status", "step_reached", "steps_total",
                 "pain_change", "note"):
        cells[name] = row[name]
    for item in ("pain", "tension", "tiredness", "anxiety", "wellbeing"):
        for moment in ("before", "after"):
            name = f"{item}_{moment}"
            cells[name] = (row[name], row[f"{name}_status"])
    return cells


def local_day(session: LoggedSession) -> date:
    return session.started_at.astimezone(LOCAL).date()


@pytest.mark.parametrize("code", ["P-0001", "P-0002"])
def test_a_patients_year_round_trips_through_the_csv(clinic: Path, tmp_path: Path,
                                                     code: str) -> None:
    generated = year(code).sessions
    rows = export(clinic, tmp_path / "year.csv", "csv", "--patient", code)
    assert len(rows) == len(generated) > 250  # one row per session, oldest first
    assert [read_row(row) for row in rows] == [expected_row(s) for s in generated]
    assert len({row["session_id"] for row in rows}) == len(rows)
    statuses = {row[name] for row in rows
                for name in ("pain_after_status", "tension_before_status")}
    assert statuses == {"given", "skipped", "not asked"}
    assert "Dormí mejor después" in {row["note"] for row in rows}
    assert {row["title"] for row in rows} == {""}  # imported sessions carry no title


def test_from_and_to_pick_whole_local_days(clinic: Path, tmp_path: Path) -> None:
    since, until = YEAR_START + timedelta(days=40), YEAR_START + timedelta(days=70)
    generated = year("P-0001").sessions
    wanted = [s.started_at for s in generated if since <= local_day(s) <= until]
    in_utc = [s.started_at for s in generated if since <= s.started_at.date() <= until]
    assert wanted != in_utc  # the range is read as local days, both ends included
    rows = export(clinic, tmp_path / "range.csv", "csv", "--patient", "P-0001",
                  "--from", since.isoformat(), "--to", until.isoformat())
    assert [datetime.fromisoformat(row["started_at"]) for row in rows] == wanted
    only = export(clinic, tmp_path / "day.csv", "csv", "--patient", "P-0001",
                  "--from", since.isoformat(), "--to", since.isoformat())
    assert [datetime.fromisoformat(row["started_at"]) for row in only] == [
        s.started_at for s in generated if local_day(s) == since]


def test_weekly_csv_gives_one_patients_weeks_in_the_range(clinic: Path,
                                                          tmp_path: Path) -> None:
    since, until = YEAR_START + timedelta(days=28), YEAR_START + timedelta(days=90)
    weeks: dict[str, dict[str, int | None]] = {}
    for answer in year("P-0003").weekly:
        if since <= answer.week_start <= until:
            weeks.setdefault(answer.week_start.isoformat(), {})[answer.item] = answer.value
    rows = export(clinic, tmp_path / "weeks.csv", "weekly-csv", "--patient", "P-0003",
                  "--from", since.isoformat(), "--to", until.isoformat())
    assert len(rows) == len(weeks) > 5
    for row in rows:
        items = weeks[row["week_start"]]
        assert (int(row["average_pain"]), int(row["enjoyment"]), int(row["activity"])) == (
            items["average-pain"], items["enjoyment"], items["activity"])
        assert row["score"] == f"{sum(filter(None, items.values())) / 3:.2f}"
        assert row["instrument"] == "weekly-check"


def test_no_one_sees_anyone_elses_sessions(clinic: Path, tmp_path: Path) -> None:
    ids = {code: {row["session_id"] for row in export(clinic, tmp_path / f"{code}.csv", "csv",
                                                      "--patient", code)}
           for code in ("P-0001", "P-0002", "P-0003")}
    everyone = set().union(*ids.values())
    assert len(everyone) == sum(len(mine) for mine in ids.values())  # no row twice
    home = export(clinic, tmp_path / "home.csv", "csv")
    assert len(home) == 1 and home[0]["session_id"] not in everyone
    assert export(clinic, tmp_path / "home-weeks.csv", "weekly-csv") == []


def test_text_that_a_spreadsheet_would_run_is_written_as_text(clinic: Path,
                                                              tmp_path: Path) -> None:
    home = export(clinic, tmp_path / "home.csv", "csv")[0]
    assert home["note"] == "'" + HOME_NOTE  # shown as typed, never run as a formula
    assert home["title"] == "'+ Short PMR"
    assert (home["pain_change"], home["started_at"]) == ("-2", "2026-03-02T08:00:00+00:00")


@pytest.mark.parametrize("what", ["csv", "weekly-csv"])
def test_a_wrong_patient_or_range_is_one_line(clinic: Path, tmp_path: Path,
                                              what: str) -> None:
    out = tmp_path / "x.csv"
    unknown = run_selfcare(clinic, "export", what, "--out", str(out), "--patient", "NOPE")
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "selfcare: no patient with the code NOPE on this computer"
    backwards = run_selfcare(clinic, "export", what, "--out", str(out),
                             "--from", "2026-12-07", "--to", "2026-12-01")
    assert backwards.returncode == 1
    assert backwards.stderr.strip() == "selfcare: --to is before --from"
    assert not out.exists()
