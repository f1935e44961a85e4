"""Opening the record file: check it, set it up for crash safety, back it up, migrate it.

A file that fails `PRAGMA quick_check` (or is not a database at all) is moved aside to
`<name>.damaged-<UTC time>`, with its -wal/-shm/-journal companions, never overwritten
and never deleted, and the newest sound backup (or else a fresh database) takes its
place; the result says so, so the app can tell the person in plain words. The database
runs in WAL mode with `synchronous=FULL`, so a committed rating survives a crash or a
power cut. Failures that are the environment's fault (disk full, read-only folder,
locked file) become `StorageUnavailable`; anything else is a bug and propagates. Thread
policy: a `Database` is used only from the thread that opened it (sqlite3's
`check_same_thread` enforces this); a backup or a worker thread opens its own
connection.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from sqlite_utils import Database

from selfcare.store.backups import (
    back_up,
    daily_backup_due,
    newest_sound_backup,
    quick_check,
    restore,
)
from selfcare.store.errors import (
    StorageProblem,
    StorageUnavailable,
    environment_errors,
    problem_of,
    unavailable_from,
    unavailable_from_os,
)
from selfcare.store.migrations import apply_migrations, pending_migrations
from selfcare.store.transactions import writing

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
COMPANIONS = ("-wal", "-shm", "-journal")
_DAMAGE = (StorageProblem.CORRUPT, StorageProblem.NOT_A_DATABASE)


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """An open, migrated database and what had to happen to get it."""

    db: Database
    path: Path
    moved_aside: Path | None = None  # where a damaged file went
    damage: str | None = None  # what the check found, for the log
    migrated: tuple[str, ...] = ()  # migrations applied on this open
    restored_from: Path | None = None  # the backup put in place of a damaged file
    restored_taken: datetime | None = None  # when that backup was made


def open_database(path: Path, *, now: datetime | None = None) -> OpenedDatabase:
    """Open (creating if needed) the record file at `path`, ready for use.

    A damaged file is moved aside and the newest sound backup restored in its place;
    a backup is taken before any migration and on the first open of each day.
    """
    path = Path(path)
    now = now or datetime.now(UTC)
    _ensure_folder(path)
    moved_aside = None
    restored: tuple[datetime, Path] | None = None
    if path.exists():
        damage = damage_in(path)
    elif any(_companion(path, end).exists() for end in COMPANIONS):
        # A -wal without its database could be replayed into the fresh one.
        damage = "journal files without their database"
    else:
        damage = None
    if damage is not None:
        moved_aside = move_aside(path, now)
        log.warning("record file %s was damaged (%s); moved to %s", path, damage, moved_aside)
        restored = newest_sound_backup(path)
        if restored is not None:
            restore(restored[1], path)
            log.warning("restored %s from the backup %s", path, restored[1])
    db = _connect(path)
    try:
        with environment_errors(path):
            _configure(db, path)
            if "_sqlite_migrations" in db.table_names() and pending_migrations(db):
                back_up(db.conn, path, "pre-migration", now)
            migrated: tuple[str, ...] = ()
            if pending_migrations(db):  # read first: opening must not wait on a writer
                with writing(db):  # two copies starting at once: one migrates, one waits
                    migrated = tuple(apply_migrations(db))
            if daily_backup_due(path, now):
                back_up(db.conn, path, "daily", now)
    except BaseException:
        db.close()
        raise
    return OpenedDatabase(db, path, moved_aside, damage, migrated,
                          restored[1] if restored else None, restored[0] if restored else None)


def damage_in(path: Path) -> str | None:
    """What `PRAGMA quick_check` says is wrong with the file, or None if it is sound.

    The check reads only: a read-write connection would delete a stray -wal on
    closing, and with it the last ratings a damaged file might still hold.
    """
    if path.is_dir():
        raise StorageUnavailable(StorageProblem.CANNOT_OPEN, path, "it is a folder")
    try:
        try:
            messages = quick_check(path, read_only=True)
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_READONLY_ROLLBACK:
                raise
            # A hot rollback journal from a crash mid-write: rolling it back is
            # the normal recovery, and it needs a writable connection.
            messages = quick_check(path, read_only=False)
    except sqlite3.Error as error:
        problem = problem_of(error)
        if problem in _DAMAGE:
            return f"{getattr(error, 'sqlite_errorname', '')}: {error}"
        unavailable = unavailable_from(error, path)
        if unavailable is None:
            raise
        raise unavailable from error
    return None if messages == ["ok"] else "; ".join(messages)


def move_aside(path: Path, now: datetime) -> Path:
    """Move `path` and its companions to a new `.damaged-<UTC time>` name.

    Returns the moved database, or a moved companion when there was no database.

    Companions keep their endings (`<new name>-wal`), so SQLite still pairs them.
    """
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    for attempt in count():
        suffix = f".damaged-{stamp}" + (f"-{attempt}" if attempt else "")
        target = path.with_name(path.name + suffix)
        pairs = [(_companion(path, end), _companion(target, end)) for end in COMPANIONS]
        if target.exists() or any(dst.exists() for _, dst in pairs):
            continue
        # Companions first: a stale -wal left beside a fresh file would be
        # replayed into it. The database itself, if there is one, goes last.
        moves = [(src, dst) for src, dst in pairs if src.exists()]
        if path.exists():
            moves.append((path, target))
        try:
            for src, dst in moves:
                _move_without_overwrite(src, dst)
        except FileExistsError:
            continue
        except OSError as error:
            raise unavailable_from_os(error, path) from error
        return moves[-1][1] if moves else target
    raise AssertionError("unreachable")  # pragma: no cover


def _companion(path: Path, end: str) -> Path:
    return path.with_name(path.name + end)


def _move_without_overwrite(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)  # fails if dst exists, unlike rename on POSIX
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links (FAT, some shares): check, then rename.
        if dst.exists():
            raise FileExistsError(dst) from None
        src.rename(dst)
    else:
        src.unlink()


def _ensure_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise unavailable_from_os(error, path) from error


def _connect(path: Path) -> Database:
    if path.is_dir():
        raise StorageUnavailable(StorageProblem.CANNOT_OPEN, path, "it is a folder")
    try:
        return Database(path, execute_plugins=False)
    except sqlite3.Error as error:
        unavailable = unavailable_from(error, path)
        if unavailable is None:
            raise
        raise unavailable from error


def _configure(db: Database, path: Path) -> None:
    db.enable_wal()
    if db.journal_mode != "wal":
        # Some network file systems cannot share WAL memory; FULL still protects.
        log.warning("record file %s could not use WAL (mode %s)", path, db.journal_mode)
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
