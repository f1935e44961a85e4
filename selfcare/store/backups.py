"""Rotating backups of the record file, and finding the newest good one.

A backup is a consistent copy made with SQLite's online backup API (safe while the app
writes), written under a temporary name, checked with `PRAGMA quick_check`, and only
then given its final name in `backups/` beside the database:
`selfcare-<UTC time>-<reason>.db`. Reasons: `daily` (the first open of a day) and
`pre-migration` (before the schema changes). The newest `KEEP[reason]` of each reason
are kept; older ones are removed (they are our own copies, never the person's file).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from selfcare.store.errors import unavailable_from_os

log = logging.getLogger(__name__)

FOLDER = "backups"
KEEP = {"daily": 7, "pre-migration": 3}
_NAME = re.compile(r"^selfcare-(\d{8}T\d{6}Z)(?:-\d+)?-(daily|pre-migration)\.db$")


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / FOLDER


def backups(db_path: Path) -> list[tuple[datetime, str, Path]]:
    """(taken at, reason, path) of every backup, newest first."""
    folder = backups_folder(db_path)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                taken = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
                found.append((taken, match.group(2), path))
    return sorted(found, key=lambda item: (item[0], item[2].name), reverse=True)


def daily_backup_due(db_path: Path, now: datetime) -> bool:
    today = now.astimezone(UTC).date()
    return not any(reason == "daily" and taken.date() == today
                   for taken, reason, _ in backups(db_path))


def back_up(source: sqlite3.Connection, db_path: Path, reason: str, now: datetime) -> Path | None:
    """Copy the open database to a checked backup; None (logged) if it could not be made."""
    if reason not in KEEP:
        raise ValueError(f"unknown backup reason {reason!r}")
    folder = backups_folder(db_path)
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"selfcare-{stamp}-{reason}.db"
    attempt = 0
    while target.exists():
        attempt += 1
        target = folder / f"selfcare-{stamp}-{attempt}-{reason}.db"
    draft = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(draft)
        try:
            source.backup(copy)
            ok = [str(row[0]) for row in copy.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            copy.close()
        if not ok:
            log.warning("backup %s failed its check; not kept", draft)
            draft.unlink(missing_ok=True)
            return None
        draft.replace(target)
    except (OSError, sqlite3.Error) as error:
        log.warning("backup (%s) not made: %s", reason, error)
        draft.unlink(missing_ok=True)
        return None
    log.info("backup (%s): %s", reason, target)
    _rotate(db_path, reason)
    return target


def _rotate(db_path: Path, reason: str) -> None:
    kept = [path for _, why, path in backups(db_path) if why == reason]
    for old in kept[KEEP[reason]:]:
        try:
            old.unlink()
        except OSError as error:
            log.warning("old backup %s not removed: %s", old, error)


def quick_check(path: Path, *, read_only: bool = True) -> list[str]:
    """What `PRAGMA quick_check` says of the file at `path` (["ok"] when sound)."""
    uri = path.absolute().as_uri() + ("?mode=ro" if read_only else "")
    conn = sqlite3.connect(uri, uri=True)
    try:
        return [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    finally:
        conn.close()


def is_sound(path: Path) -> bool:
    """True if `path` opens read-only and passes `PRAGMA quick_check`."""
    try:
        return quick_check(path) == ["ok"]
    except sqlite3.Error:
        return False


def newest_sound_backup(db_path: Path) -> tuple[datetime, Path] | None:
    for taken, _, path in backups(db_path):
        if is_sound(path):
            return taken, path
        log.warning("backup %s is damaged too; trying an older one", path)
    return None


def restore(backup: Path, db_path: Path) -> None:
    """Put a copy of `backup` where the database belongs (which must be free)."""
    if db_path.exists():
        raise FileExistsError(db_path)  # the damaged file is moved aside first, never replaced
    draft = db_path.with_name(db_path.name + ".restoring")
    try:
        source = sqlite3.connect(backup.absolute().as_uri() + "?mode=ro", uri=True)
        copy = sqlite3.connect(draft)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        draft.replace(db_path)
    except OSError as error:
        draft.unlink(missing_ok=True)
        raise unavailable_from_os(error, db_path) from error
