"""Opening the record file: crash-safe settings, damaged files moved aside, errors sorted."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from selfcare.store.db import OpenedDatabase, open_database
from selfcare.store.errors import (
    StorageProblem,
    StorageUnavailable,
    environment_errors,
    problem_of,
)

DATA = Path(__file__).parents[2] / "data" / "db"
NOW = datetime(2026, 3, 1, 9, 0, 5, tzinfo=UTC)
STAMP = "20260301T090005Z"
DAMAGED = ["random_bytes.db", "truncated_mid_page.db", "header_scribbled.db",
           "page_scribbled.db"]


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenedDatabase]:
    result = open_database(tmp_path / "records" / "selfcare.db")
    yield result
    result.db.close()


def pragma(opened: OpenedDatabase, name: str) -> object:
    return opened.db.execute(f"PRAGMA {name}").fetchone()[0]


def test_creates_the_folder_and_a_fresh_file(opened: OpenedDatabase) -> None:
    assert opened.path.is_file()
    assert opened.moved_aside is None
    assert opened.damage is None


def test_wal_and_full_sync_and_foreign_keys_and_busy_timeout(opened: OpenedDatabase) -> None:
    assert pragma(opened, "journal_mode") == "wal"
    assert pragma(opened, "synchronous") == 2  # FULL
    assert pragma(opened, "foreign_keys") == 1
    assert pragma(opened, "busy_timeout") == 5000


def test_wal_mode_is_seen_by_other_connections(opened: OpenedDatabase) -> None:
    other = sqlite3.connect(opened.path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


def test_a_database_belongs_to_the_thread_that_opened_it(opened: OpenedDatabase) -> None:
    errors: list[BaseException] = []

    def use() -> None:
        try:
            opened.db.execute("SELECT 1")
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    assert len(errors) == 1
    assert isinstance(errors[0], sqlite3.ProgrammingError)


@pytest.mark.parametrize("fixture", DAMAGED)
def test_a_damaged_file_is_moved_aside_intact_and_replaced(tmp_path: Path, fixture: str) -> None:
    path = tmp_path / "selfcare.db"
    shutil.copyfile(DATA / fixture, path)
    original = path.read_bytes()

    opened = open_database(path, now=NOW)
    try:
        assert opened.moved_aside == tmp_path / f"selfcare.db.damaged-{STAMP}"
        assert opened.moved_aside.read_bytes() == original
        assert opened.damage
        assert opened.db["sessions"].count == 0
        assert opened.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        opened.db.close()


def test_companion_files_travel_with_the_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    shutil.copyfile(DATA / "random_bytes.db", path)
    (tmp_path / "selfcare.db-wal").write_bytes(b"old wal")
    (tmp_path / "selfcare.db-shm").write_bytes(b"old shm")

    opened = open_database(path, now=NOW)
    opened.db.close()

    assert (tmp_path / f"selfcare.db.damaged-{STAMP}-wal").read_bytes() == b"old wal"
    # The -shm is SQLite's scratch index, rebuilt from the -wal: it moves, but the
    # check may have rewritten it.
    assert (tmp_path / f"selfcare.db.damaged-{STAMP}-shm").exists()


def test_a_wal_without_its_database_is_moved_aside_not_replayed(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    (tmp_path / "selfcare.db-wal").write_bytes(b"orphan wal")

    opened = open_database(path, now=NOW)
    opened.db.close()

    assert opened.damage
    assert opened.moved_aside == tmp_path / f"selfcare.db.damaged-{STAMP}-wal"
    assert opened.moved_aside.read_bytes() == b"orphan wal"
    assert not (tmp_path / f"selfcare.db.damaged-{STAMP}").exists()


def test_an_earlier_damaged_copy_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    earlier = tmp_path / f"selfcare.db.damaged-{STAMP}"
    earlier.write_bytes(b"the first damaged file")
    shutil.copyfile(DATA / "header_scribbled.db", path)

    opened = open_database(path, now=NOW)
    opened.db.close()

    assert earlier.read_bytes() == b"the first damaged file"
    assert opened.moved_aside == tmp_path / f"selfcare.db.damaged-{STAMP}-1"
    assert opened.moved_aside.read_bytes() == (DATA / "header_scribbled.db").read_bytes()


def test_a_sound_file_stays_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    shutil.copyfile(DATA / "valid_m001.db", path)
    opened = open_database(path, now=NOW)
    try:
        assert opened.moved_aside is None
        assert opened.db["sessions"].count == 4
        assert sorted(p.name for p in tmp_path.iterdir() if ".damaged-" in p.name) == []
    finally:
        opened.db.close()


def test_a_folder_in_place_of_the_file_is_unavailable_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    with pytest.raises(StorageUnavailable, match=str(path)) as caught:
        open_database(path)
    assert caught.value.problem is StorageProblem.CANNOT_OPEN
    assert caught.value.path == path
    assert (path / "keep.txt").read_text() == "mine"


def test_a_file_in_place_of_the_folder_is_unavailable(tmp_path: Path) -> None:
    (tmp_path / "records").write_text("not a folder")
    path = tmp_path / "records" / "selfcare.db"
    with pytest.raises(StorageUnavailable, match=str(path)):
        open_database(path)


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """No files can be added to `folder`; root needs the immutable flag for that."""
    as_root = os.geteuid() == 0
    if as_root:
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if made.returncode != 0:
            pytest.skip("running as root where the immutable flag is not available")
    else:
        folder.chmod(0o555)
    try:
        yield
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o755)


def assert_cannot_create_files_in(folder: Path) -> None:
    with pytest.raises(PermissionError):
        (folder / "probe").write_bytes(b"")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_new_file_in_a_read_only_folder_is_unavailable(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    path = folder / "selfcare.db"
    with read_only(folder):
        assert_cannot_create_files_in(folder)
        with pytest.raises(StorageUnavailable, match=str(path)) as caught:
            open_database(path)

    assert caught.value.problem in {StorageProblem.CANNOT_OPEN, StorageProblem.READ_ONLY}
    assert not path.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_sound_file_in_a_read_only_folder_is_unavailable_not_moved(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    path = folder / "selfcare.db"
    shutil.copyfile(DATA / "valid_m001.db", path)
    with read_only(folder):
        assert_cannot_create_files_in(folder)
        with pytest.raises(StorageUnavailable, match=str(path)) as caught:
            open_database(path, now=NOW)

    assert caught.value.problem in {StorageProblem.CANNOT_OPEN, StorageProblem.READ_ONLY}
    assert path.read_bytes() == (DATA / "valid_m001.db").read_bytes()
    assert [p.name for p in folder.iterdir()] == ["selfcare.db"]


def test_a_locked_file_is_unavailable_not_a_bug(opened: OpenedDatabase) -> None:
    opened.db.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(opened.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageUnavailable, match=str(opened.path)) as caught:  # noqa: SIM117
            with environment_errors(opened.path):
                opened.db.execute("INSERT INTO sessions (script_id) VALUES ('x')")
        assert caught.value.problem is StorageProblem.BUSY
    finally:
        other.close()


def test_our_own_sql_mistakes_propagate_unchanged(opened: OpenedDatabase) -> None:
    with pytest.raises(sqlite3.OperationalError, match="no such table"):  # noqa: SIM117
        with environment_errors(opened.path):
            opened.db.execute("SELECT * FROM no_such_table")


def error_with_code(code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError("simulated")
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        (sqlite3.SQLITE_FULL, StorageProblem.DISK_FULL),
        (sqlite3.SQLITE_IOERR, StorageProblem.IO_ERROR),
        (sqlite3.SQLITE_IOERR | (2 << 8), StorageProblem.IO_ERROR),  # IOERR_SHORT_READ
        (sqlite3.SQLITE_READONLY | (4 << 8), StorageProblem.READ_ONLY),  # READONLY_DBMOVED
        (sqlite3.SQLITE_CORRUPT, StorageProblem.CORRUPT),
        (sqlite3.SQLITE_NOTADB, StorageProblem.NOT_A_DATABASE),
        (sqlite3.SQLITE_CANTOPEN, StorageProblem.CANNOT_OPEN),
        (sqlite3.SQLITE_BUSY, StorageProblem.BUSY),
        (sqlite3.SQLITE_ERROR, None),
        (sqlite3.SQLITE_CONSTRAINT, None),
        (sqlite3.SQLITE_MISUSE, None),
    ],
)
def test_errors_are_sorted_by_their_primary_code(
    code: int, problem: StorageProblem | None
) -> None:
    assert problem_of(error_with_code(code)) is problem


def test_an_error_without_a_code_is_a_bug() -> None:
    assert problem_of(sqlite3.ProgrammingError("closed database")) is None


CHILD_CRASH_MID_WRITE = """
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA cache_size=1")  # spill to the file, so the journal is hot
conn.execute("BEGIN")
for n in range(3000):
    conn.execute(
        "INSERT INTO sessions (script_id, title, started_at, status, step_reached,"
        " steps_total) VALUES ('s', ?, '2026-03-01T09:00:00+00:00', 'running', 0, 1)",
        ["x" * 200],
    )
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_hot_rollback_journal_is_rolled_back_not_taken_for_damage(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    shutil.copyfile(DATA / "valid_m001.db", path)  # rollback-journal mode
    subprocess.run([sys.executable, "-c", CHILD_CRASH_MID_WRITE, str(path)], check=False,
                   timeout=60)
    assert (tmp_path / "selfcare.db-journal").stat().st_size > 0

    opened = open_database(path, now=NOW)
    try:
        assert opened.moved_aside is None
        assert opened.db["sessions"].count == 4
        assert opened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        opened.db.close()
