"""Sorting storage failures into the environment's fault and ours.

A full disk, a read-only folder, a damaged or locked file is nobody's bug: it
becomes `StorageUnavailable`, carrying a code the UI turns into words and the
file it concerns. Everything else (a constraint we broke, bad SQL) is a bug and
propagates unchanged, so it is logged with its traceback.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

from selfcare.core.ports import StoreUnavailable


class StorageProblem(StrEnum):
    CORRUPT = "corrupt"
    NOT_A_DATABASE = "not-a-database"
    DISK_FULL = "disk-full"
    IO_ERROR = "io-error"
    READ_ONLY = "read-only"
    CANNOT_OPEN = "cannot-open"
    BUSY = "busy"


_BY_PRIMARY_CODE = {
    sqlite3.SQLITE_CORRUPT: StorageProblem.CORRUPT,
    sqlite3.SQLITE_NOTADB: StorageProblem.NOT_A_DATABASE,
    sqlite3.SQLITE_FULL: StorageProblem.DISK_FULL,
    sqlite3.SQLITE_IOERR: StorageProblem.IO_ERROR,
    sqlite3.SQLITE_READONLY: StorageProblem.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: StorageProblem.CANNOT_OPEN,
    sqlite3.SQLITE_BUSY: StorageProblem.BUSY,
}

_PLAIN_WORDS = {
    StorageProblem.CORRUPT: "is damaged",
    StorageProblem.NOT_A_DATABASE: "is not a Selfcare database",
    StorageProblem.DISK_FULL: "cannot be written because the disk is full",
    StorageProblem.IO_ERROR: "could not be read or written (a disk or device error)",
    StorageProblem.READ_ONLY: "cannot be written (the file or its folder is read-only)",
    StorageProblem.CANNOT_OPEN: "cannot be opened",
    StorageProblem.BUSY: "is locked by another program",
}


class StorageUnavailable(StoreUnavailable):
    """The record file cannot be used right now, through no fault of the program."""

    def __init__(self, problem: StorageProblem, path: Path, detail: str = "") -> None:
        self.problem = problem
        self.path = path
        self.detail = detail
        message = f"The record file {path} {_PLAIN_WORDS[problem]}."
        super().__init__(f"{message} ({detail})" if detail else message)


class UnknownSessionError(LookupError):
    """A session id that this database never issued: a bug in the caller."""


def problem_of(error: sqlite3.Error) -> StorageProblem | None:
    """The environment's fault behind `error`, or None when it is our bug."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    # Extended codes (SQLITE_IOERR_SHORT_READ, SQLITE_READONLY_DBMOVED, ...) keep
    # their primary code in the low byte.
    return _BY_PRIMARY_CODE.get(code & 0xFF)


def unavailable_from(error: sqlite3.Error, path: Path) -> StorageUnavailable | None:
    problem = problem_of(error)
    if problem is None:
        return None
    name = getattr(error, "sqlite_errorname", "")
    return StorageUnavailable(problem, path, f"{name}: {error}" if name else str(error))


def unavailable_from_os(error: OSError, path: Path) -> StorageUnavailable:
    """A file-system failure (mkdir, rename) before SQLite gets to the file."""
    if isinstance(error, PermissionError):
        problem = StorageProblem.READ_ONLY
    elif error.errno == errno.ENOSPC:
        problem = StorageProblem.DISK_FULL
    else:
        problem = StorageProblem.CANNOT_OPEN
    return StorageUnavailable(problem, path, f"{type(error).__name__}: {error}")


@contextmanager
def environment_errors(path: Path) -> Iterator[None]:
    """Turn the environment's sqlite3 errors into `StorageUnavailable`; re-raise bugs."""
    try:
        yield
    except sqlite3.Error as error:
        unavailable = unavailable_from(error, path)
        if unavailable is None:
            raise
        raise unavailable from error
