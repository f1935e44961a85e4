"""The record file from the command line: export to CSV, and a damaged file recovered
from the last backup whenever any command opens the store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.helpers.cli import history, run_selfcare


def test_export_csv_writes_one_row_per_session(data_dir: Path, tmp_path: Path) -> None:
    from selfcare.core.clock import SystemClock
    from selfcare.session_setup import open_store

    opened = open_store(data_dir, SystemClock())
    store = opened.store
    from tests.unit.store.test_sessions import start_at

    first = store.begin_session(start_at(pre=5))
    store.record_rating(first, "post", 3, start_at().started_at)
    store.begin_session(start_at(pre=None))
    opened.close()
    out = tmp_path / "mine.csv"
    done = run_selfcare(data_dir, "export", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "2 session(s) written" in done.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["pain_before"], r["pain_after"]) for r in rows] == [("5", "3"), ("", "")]
    assert rows[1]["pain_before_status"] == "skipped"


def test_export_weekly_csv_gives_each_week_and_its_score(data_dir: Path, tmp_path: Path) -> None:
    from datetime import UTC, date, datetime

    from selfcare.core.clock import SystemClock
    from selfcare.session_setup import open_store

    opened = open_store(data_dir, SystemClock())
    for item, value in (("average-pain", 6), ("enjoyment", 5), ("activity", 7)):
        opened.answers.record_weekly(date(2026, 11, 30), "weekly-check", "1", item, value,
                                     datetime.now(UTC))
    opened.close()
    done = run_selfcare(data_dir, "export", "weekly-csv", "--out", "-")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(done.stdout.splitlines()))
    assert [(r["week_start"], r["average_pain"], r["score"]) for r in rows] == [
        ("2026-11-30", "6", "6.00")]


def test_export_to_a_folder_that_cannot_be_written_says_so_in_one_line(data_dir: Path,
                                                                      tmp_path: Path) -> None:
    done = run_selfcare(data_dir, "export", "csv", "--out", str(tmp_path / "no" / "x.csv"))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "cannot write" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_scribbled_record_file_is_kept_aside_and_the_last_backup_restored(
        data_dir: Path) -> None:
    from selfcare.core.clock import SystemClock
    from selfcare.session_setup import open_store
    from tests.unit.store.test_sessions import start_at

    opened = open_store(data_dir, SystemClock())  # the first open backs up the empty file
    opened.store.begin_session(start_at(pre=7))
    opened.close()
    for old in (data_dir / "backups").glob("selfcare-*.db"):
        old.unlink()  # as if a day had passed: the next open makes a backup with the session
    opened = open_store(data_dir, SystemClock())
    opened.close()
    db = data_dir / "selfcare.db"
    data = bytearray(db.read_bytes())
    data[100:4000] = b"\xff" * 3900
    db.write_bytes(bytes(data))
    scribbled = db.read_bytes()
    done = run_selfcare(data_dir, "history", "--json")
    assert done.returncode == 0, done.stderr
    assert "last good backup" in done.stderr and "Traceback" not in done.stderr
    assert [r["pre"] for r in json.loads(done.stdout)] == [7]
    kept = [p for p in data_dir.glob("selfcare.db.damaged-*") if p.name[-4:] not in
            ("-wal", "-shm")]
    assert len(kept) == 1 and kept[0].read_bytes() == scribbled
    assert history(data_dir)[0]["pre"] == 7  # and the restored file stays in use


def test_two_copies_at_once_both_record_their_sessions_and_corrupt_nothing(
        data_dir: Path) -> None:
    """Two copies share the record file safely (WAL, busy timeout, sessions owned by their
    process), so a second copy needs no lock that could be left behind by a crash."""
    import sqlite3
    import subprocess

    from tests.cli.test_kill_loop import TINY
    from tests.conftest import REPO
    from tests.helpers.cli import command, selfcare_env

    copies = [subprocess.Popen(command("play", TINY, "--no-gui", "--pre", str(pre), "--post",
                                       str(pre - 2)),
                               cwd=REPO, env=selfcare_env(data_dir), stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for pre in (8, 6)]
    for copy in copies:
        out, err = copy.communicate(timeout=60)
        assert copy.returncode == 0, err
        assert "completed" in out
    records = history(data_dir)
    assert sorted((r["pre"], r["post"], r["status"]) for r in records) == [
        (6, 4, "completed"), (8, 6, "completed")]
    conn = sqlite3.connect(data_dir / "selfcare.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
