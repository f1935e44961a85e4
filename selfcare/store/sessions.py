"""The `SessionStore` port on SQLite: session records and their 0-10 ratings.

Every call commits before it returns, so what the person told us survives a
crash the moment after. A session begins as 'running' together with its
pre-rating in one transaction; it ends exactly once, as 'completed' or
'interrupted', and a closed record is never reopened or relabelled. The step
reached only ever grows. Sessions left 'running' by a process that died are
closed as interrupted by `recover_abandoned`, following `core.recovery`.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from selfcare.core.plans import Practice
from selfcare.core.ports import SessionStart
from selfcare.core.ratings import Item, Moment, check_rating
from selfcare.core.recovery import is_abandoned
from selfcare.store.errors import UnknownSessionError, environment_errors
from selfcare.store.transactions import writing


class SessionStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    INTERRUPTED = "interrupted"


AUDIO_MODES = ("device", "silent")


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session as history shows it; a skipped rating is None with `*_skipped` set."""

    id: int
    script_id: str
    title: str | None
    kind: str | None
    lang: str | None
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    step_reached: int
    steps_total: int
    audio: str | None
    pre: int | None
    post: int | None
    pre_skipped: bool
    post_skipped: bool

    @property
    def practice(self) -> Practice:
        """This session as a plan's adherence counts it."""
        return Practice.of(self.started_at, self.script_id,
                           self.status is SessionStatus.COMPLETED, self.step_reached,
                           self.steps_total)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "script_id": self.script_id,
            "title": self.title,
            "kind": self.kind,
            "lang": self.lang,
            "started_at": self.started_at.isoformat(),
            "ended_at": None if self.ended_at is None else self.ended_at.isoformat(),
            "status": self.status.value,
            "step_reached": self.step_reached,
            "steps_total": self.steps_total,
            "audio": self.audio,
            "pre": self.pre,
            "post": self.post,
            "pre_skipped": self.pre_skipped,
            "post_skipped": self.post_skipped,
        }


_HISTORY_SQL = """
SELECT s.*,
       pre.value AS pre, pre.id IS NOT NULL AND pre.value IS NULL AS pre_skipped,
       post.value AS post, post.id IS NOT NULL AND post.value IS NULL AS post_skipped
FROM sessions AS s
LEFT JOIN ratings AS pre
       ON pre.session_id = s.id AND pre.moment = 'pre' AND pre.item = :item
LEFT JOIN ratings AS post
       ON post.session_id = s.id AND post.moment = 'post' AND post.item = :item
"""


class Current(Enum):
    """The person the store is set to (`SqliteSessionStore.person`), as a default."""

    PERSON = "current"


CURRENT = Current.PERSON


class Everyone(Enum):
    """Every person's records at once (a whole-file export or check), as a default."""

    ALL = "everyone"


EVERYONE = Everyone.ALL


class SqliteSessionStore:
    """Session records in an open `Database`; see `selfcare.store.db.open_database`."""

    def __init__(self, db: Database, *, pid: int, host: str) -> None:
        self._db = db
        self._pid = pid
        self._host = host
        self._path = database_file(db)
        self._begun_here: set[int] = set()
        # Whose sessions are recorded and listed: a clinic patient's id, or None for the
        # person using this computer at home. The window sets it when a patient signs in.
        self.person: int | None = None

    def begin_session(self, start: SessionStart) -> int:
        """Insert the running session and its pre-rating in one transaction."""
        started_at = to_text(start.started_at)
        pre = check_rating(start.pre_rating)
        extras = [(check_item(item), check_rating(value)) for item, value in start.pre_extras]
        if start.audio not in AUDIO_MODES:
            raise ValueError(f"audio is 'device' or 'silent', not {start.audio!r}")
        _check_step(start.steps_total, "steps_total")
        with environment_errors(self._path), writing(self._db):
            cursor = self._db.execute(
                "INSERT INTO sessions (script_id, title, kind, lang, started_at, status,"
                " step_reached, steps_total, audio, pid, host, patient_id)"
                " VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)",
                [start.script_id, start.title, start.kind, start.lang, started_at,
                 min(1, start.steps_total), start.steps_total, start.audio,
                 self._pid, self._host, self.person],
            )
            session_id = cursor.lastrowid
            assert session_id is not None
            self._upsert_rating(session_id, Moment.PRE, pre, started_at)
            for item, value in extras:
                self._upsert_rating(session_id, Moment.PRE, value, started_at, item)
        self._begun_here.add(session_id)
        return session_id

    def record_progress(self, session_id: int, step_reached: int) -> None:
        """Raise the step reached of a running session; a lower step changes nothing."""
        _check_step(step_reached, "step_reached")
        with environment_errors(self._path), writing(self._db):
            self._require(session_id)
            self._db.execute(
                "UPDATE sessions SET step_reached = ?"
                " WHERE id = ? AND status = 'running' AND step_reached < ?",
                [step_reached, session_id, step_reached],
            )

    def complete_session(self, session_id: int, ended_at: datetime, step_reached: int) -> None:
        self._close(session_id, SessionStatus.COMPLETED, ended_at, step_reached)

    def interrupt_session(self, session_id: int, ended_at: datetime, step_reached: int) -> None:
        self._close(session_id, SessionStatus.INTERRUPTED, ended_at, step_reached)

    def record_rating(
        self, session_id: int, moment: Moment, value: int | None, at: datetime,
        item: str = Item.PAIN.value,
    ) -> None:
        """Store (or replace) a rating; None records that the person skipped it."""
        checked = check_rating(value)
        moment = Moment(moment)
        recorded_at = to_text(at)
        item = check_item(item)
        with environment_errors(self._path), writing(self._db):
            self._require(session_id)
            self._upsert_rating(session_id, moment, checked, recorded_at, item)

    def other_ratings(self, patient_id: int | Everyone | None = EVERYONE
                      ) -> dict[int, dict[tuple[str, str], int | None]]:
        """Every rating but pain, by session: {(moment, item): value or None if skipped};
        of one person's sessions only when `patient_id` is given (None: the person at
        home), which in a clinic's file is a small part of it."""
        found: dict[int, dict[tuple[str, str], int | None]] = {}
        sql = "SELECT session_id, moment, item, value FROM ratings WHERE item != :item"
        if not isinstance(patient_id, Everyone):
            sql = ("SELECT r.session_id, r.moment, r.item, r.value FROM sessions AS s"
                   " CROSS JOIN ratings AS r ON r.session_id = s.id"
                   " WHERE s.patient_id IS :patient AND r.item != :item")
        with environment_errors(self._path):
            for row in self._db.query(sql, {"item": Item.PAIN.value,
                                            "patient": None if isinstance(patient_id, Everyone)
                                            else patient_id}):
                found.setdefault(row["session_id"], {})[(row["moment"], row["item"])] = \
                    row["value"]
        return found

    def recover_abandoned(self, now: datetime, is_alive: Callable[[int], bool]) -> list[int]:
        """Close as interrupted the running sessions nobody can still be playing."""
        ended_at = to_text(now)
        with environment_errors(self._path), writing(self._db):
            rows = list(self._db.query(
                "SELECT id, pid, host, started_at FROM sessions"
                " WHERE status = 'running' ORDER BY id"
            ))
            abandoned = [row["id"] for row in rows if self._abandoned(row, now, is_alive)]
            for session_id in abandoned:
                self._db.execute(
                    "UPDATE sessions SET status = 'interrupted', ended_at = ?"
                    " WHERE id = ? AND status = 'running'",
                    [ended_at, session_id],
                )
        return abandoned

    def history(self, limit: int | None = None, patient_id: int | Current | None = CURRENT
                ) -> list[SessionRecord]:
        """One person's sessions, newest first: by default the current `person`; patient
        None is the person using this computer at home. Each sees only their own."""
        person = self.person if isinstance(patient_id, Current) else patient_id
        sql = _HISTORY_SQL + " WHERE s.patient_id IS :patient ORDER BY s.started_at DESC, s.id DESC"
        params: dict[str, Any] = {"item": Item.PAIN.value, "patient": person}
        if limit is not None:
            if limit < 0:
                raise ValueError(f"limit is not negative, not {limit}")
            sql += " LIMIT :limit"
            params["limit"] = limit
        with environment_errors(self._path):
            return [_record(row) for row in self._db.query(sql, params)]

    def get(self, session_id: int) -> SessionRecord:
        """One session's record; `UnknownSessionError` if there is none."""
        with environment_errors(self._path):
            rows = list(self._db.query(
                _HISTORY_SQL + " WHERE s.id = :id", {"item": Item.PAIN.value, "id": session_id}
            ))
        if not rows:
            raise UnknownSessionError(f"no session {session_id}")
        return _record(rows[0])

    def _close(self, session_id: int, status: SessionStatus, ended_at: datetime, step: int) -> None:
        """End a running session; one already closed keeps its first ending."""
        _check_step(step, "step_reached")
        ended = to_text(ended_at)
        with environment_errors(self._path), writing(self._db):
            self._require(session_id)
            self._db.execute(
                "UPDATE sessions SET status = ?, ended_at = ?, step_reached = MAX(step_reached, ?)"
                " WHERE id = ? AND status = 'running'",
                [status.value, ended, step, session_id],
            )

    def _upsert_rating(
        self, session_id: int, moment: Moment, value: int | None, recorded_at: str,
        item: str = Item.PAIN.value,
    ) -> None:
        self._db.execute(
            "INSERT INTO ratings (session_id, moment, item, value, recorded_at)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (session_id, moment, item)"
            " DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at",
            [session_id, moment.value, item, value, recorded_at],
        )

    def _require(self, session_id: int) -> None:
        require_session(self._db, session_id)

    def _abandoned(
        self, row: dict[str, Any], now: datetime, is_alive: Callable[[int], bool]
    ) -> bool:
        if row["id"] in self._begun_here:
            return False  # ours, and we are alive; recovery runs before we begin any
        return is_abandoned(
            pid=row["pid"], host=row["host"], started_at=from_text(row["started_at"]),
            this_host=self._host, this_pid=self._pid, now=now, is_alive=is_alive,
        )


def to_text(moment: datetime) -> str:
    """The stored form of a time: ISO-8601 in UTC with its offset, fixed width."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a stored time needs a timezone, not {moment!r}")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def process_is_alive(pid: int) -> bool:
    """True when process `pid` exists and, where /proc shows it, looks like us.

    Checking the command line guards against the pid having been reused by an
    unrelated program since the session's process died.
    """
    if pid <= 0:
        return False  # 0 and negatives address process groups, not a process
    if sys.platform == "win32":
        return _windows_process_exists(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    except OSError:
        return False
    return _looks_like_us(pid)


def _looks_like_us(pid: int) -> bool:
    proc = Path("/proc")
    if not proc.is_dir():
        return True
    try:
        cmdline = (proc / str(pid) / "cmdline").read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return True  # exists but hidden from us; assume alive rather than steal it
    # A zombie has an empty command line: it is dead for our purposes.
    text = cmdline.replace(b"\0", b" ").decode(errors="replace").lower()
    return "selfcare" in text or "python" in text


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes

    def _windows_process_exists(pid: int) -> bool:
        # os.kill(pid, 0) would terminate the process on Windows.
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)


def require_session(db: Database, session_id: int) -> None:
    """`UnknownSessionError` unless session `session_id` exists."""
    found = list(db.query("SELECT 1 AS found FROM sessions WHERE id = ?", [session_id]))
    if not found:
        raise UnknownSessionError(f"no session {session_id}")


def check_item(item: str) -> str:
    """A rating item's name: lower-case words joined by hyphens, as in the measure files."""
    if not isinstance(item, str) or not _ITEM.fullmatch(item):
        raise ValueError(f"a rating item is a short lower-case name, not {item!r}")
    return item


_ITEM = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _check_step(step: int, name: str) -> None:
    if isinstance(step, bool) or not isinstance(step, int) or step < 0:
        raise ValueError(f"{name} is a whole number from 0, not {step!r}")


def _record(row: dict[str, Any]) -> SessionRecord:
    ended = row["ended_at"]
    return SessionRecord(
        id=row["id"], script_id=row["script_id"], title=row["title"], kind=row["kind"],
        lang=row["lang"], started_at=from_text(row["started_at"]),
        ended_at=None if ended is None else from_text(ended),
        status=SessionStatus(row["status"]),
        step_reached=row["step_reached"], steps_total=row["steps_total"], audio=row["audio"],
        pre=row["pre"], post=row["post"],
        pre_skipped=bool(row["pre_skipped"]), post_skipped=bool(row["post_skipped"]),
    )


def database_file(db: Database) -> Path:
    for row in db.query("PRAGMA database_list"):
        if row["name"] == "main":
            return Path(row["file"]) if row["file"] else Path(":memory:")
    return Path(":memory:")  # pragma: no cover
