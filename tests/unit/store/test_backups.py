"""Backups: checked copies made daily and before migrations, rotated, and the newest
sound one put back when the record file is found damaged (the damaged file kept)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from selfcare.store import db as db_module
from selfcare.store.backups import KEEP, backups, is_sound, newest_sound_backup
from selfcare.store.db import open_database
from selfcare.store.sessions import SqliteSessionStore
from tests.unit.store.test_sessions import start_at

DAY1 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def record_session(path: Path, when: datetime, pre: int) -> None:
    opened = open_database(path, now=when)
    try:
        SqliteSessionStore(opened.db, pid=1, host="h").begin_session(start_at(when, pre=pre))
    finally:
        opened.db.close()


def sessions_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
    finally:
        conn.close()


def scribble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\x5a" * 3900  # over the header's end and the schema page
    path.write_bytes(bytes(data))


def test_the_first_open_of_a_day_makes_one_checked_daily_backup(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    record_session(path, DAY1, 6)
    record_session(path, DAY1 + timedelta(hours=3), 5)
    made = backups(path)
    assert [reason for _, reason, _ in made] == ["daily"]
    assert is_sound(made[0][2])
    record_session(path, DAY1 + timedelta(days=1), 4)
    assert [reason for _, reason, _ in backups(path)] == ["daily", "daily"]
    assert sessions_in(backups(path)[0][2]) == 2  # the backup made on day two holds day one


def test_old_daily_backups_are_rotated_out(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    for day in range(KEEP["daily"] + 3):
        record_session(path, DAY1 + timedelta(days=day), 5)
    kept = backups(path)
    assert len(kept) == KEEP["daily"]
    assert kept[0][0].date() == (DAY1 + timedelta(days=KEEP["daily"] + 2)).date()


def test_a_scribbled_file_is_kept_aside_and_the_newest_good_backup_restored(
        tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    record_session(path, DAY1, 6)
    record_session(path, DAY1 + timedelta(days=1), 5)  # backup holds the first session
    scribble(path)
    damaged = path.read_bytes()
    opened = open_database(path, now=DAY1 + timedelta(days=1, hours=2))
    try:
        assert opened.moved_aside is not None and opened.moved_aside.read_bytes() == damaged
        newest_taken, _, newest = backups(path)[0]
        assert (opened.restored_from, opened.restored_taken) == (newest, newest_taken)
        assert opened.db["sessions"].count == 1  # day one's; day two's came after the backup
        assert opened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        opened.db.close()


def test_a_truncated_file_is_restored_too(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    record_session(path, DAY1, 6)
    record_session(path, DAY1 + timedelta(days=1), 5)
    path.write_bytes(path.read_bytes()[:1000])
    opened = open_database(path, now=DAY1 + timedelta(days=2))
    try:
        assert opened.moved_aside is not None and opened.restored_from is not None
        assert opened.db["sessions"].count >= 1
    finally:
        opened.db.close()


def test_a_damaged_newest_backup_is_passed_over_for_an_older_sound_one(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    for day in range(3):
        record_session(path, DAY1 + timedelta(days=day), 5)
    newest = backups(path)[0][2]
    scribble(newest)
    taken, chosen = newest_sound_backup(path)
    assert chosen == backups(path)[1][2] and taken == backups(path)[1][0]


def test_without_a_sound_backup_a_fresh_file_is_started(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    path.write_bytes(b"not a database at all" * 100)
    opened = open_database(path, now=DAY1)
    try:
        assert opened.moved_aside is not None and opened.restored_from is None
        assert opened.db["sessions"].count == 0
    finally:
        opened.db.close()


def test_a_backup_is_taken_before_a_migration(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "selfcare.db"
    record_session(path, DAY1, 6)
    monkeypatch.setattr(db_module, "pending_migrations", lambda db: ["m999_next"])
    opened = open_database(path, now=DAY1 + timedelta(hours=1))
    opened.db.close()
    reasons = [reason for _, reason, _ in backups(path)]
    assert reasons.count("pre-migration") == 1
    assert sessions_in(next(p for _, r, p in backups(path) if r == "pre-migration")) == 1


def test_no_pre_migration_backup_for_a_brand_new_file(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    open_database(path, now=DAY1).db.close()
    assert [reason for _, reason, _ in backups(path)] == ["daily"]
