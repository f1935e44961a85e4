"""The log file that comes back to the clinic: a patient's sessions and answers.

Same envelope as the plan file (`plan_file.py`): versioned JSON, a sha256 checksum over
its canonical form, read whole or refused in one line. Each session is identified by
its start time (to the microsecond, with offset) and its script id, so importing the
same log twice, or two logs that overlap, adds each session once (`new_sessions`).
A rating of null was skipped; a rating not present was not asked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

import msgspec

from selfcare.core.plan_file import (
    LARGEST_FILE,
    LOG_FORMAT,
    Code,
    PlanFileError,
    ScriptId,
    checksum,
    in_range,
    one_line,
    open_envelope,
    plain_name,
    plain_text,
    schema_of,
)

VERSION = 1
MOST_SESSIONS = 20_000  # ten years of twice-daily practice fits well inside

Rating = Annotated[int, msgspec.Meta(ge=0, le=10)] | None
ItemId = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]


class LogFileError(PlanFileError):
    """Why a log file cannot be used, in one line."""


class _Session(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    started_at: datetime
    ended_at: datetime | None = None
    script_id: ScriptId
    kind: Literal["imagery", "pmr", "acupressure", "breathing"] | None = None
    lang: Annotated[str, msgspec.Meta(pattern=r"^[a-z]{2,3}$")] | None = None
    status: Literal["completed", "interrupted"]
    step_reached: Annotated[int, msgspec.Meta(ge=0, le=10_000)]
    steps_total: Annotated[int, msgspec.Meta(ge=0, le=10_000)]
    before: dict[ItemId, Rating] = {}
    after: dict[ItemId, Rating] = {}
    soreness: Literal["none", "mild", "more", "skipped"] | None = None  # None: not asked
    note: Annotated[str, msgspec.Meta(max_length=2000)] | None = None


class _Weekly(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    week_start: date
    instrument: ItemId
    version: Annotated[str, msgspec.Meta(max_length=40)]
    item: ItemId
    value: Rating


class _LogFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    format: Literal["selfcare-log"]
    version: Literal[1]
    saved_at: datetime
    patient_code: Code
    sessions: Annotated[list[_Session], msgspec.Meta(max_length=MOST_SESSIONS)]
    weekly: Annotated[list[_Weekly], msgspec.Meta(max_length=MOST_SESSIONS)] = []
    checksum: str


@dataclass(frozen=True, slots=True)
class LoggedSession:
    started_at: datetime
    script_id: str
    status: str
    step_reached: int
    steps_total: int
    ended_at: datetime | None = None
    kind: str | None = None
    lang: str | None = None
    before: dict[str, int | None] = field(default_factory=dict)
    after: dict[str, int | None] = field(default_factory=dict)
    soreness: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """What makes a session the same one in two files: its start in UTC (the same
        moment written with another offset is the same session) and its script."""
        return (self.started_at.astimezone(UTC).isoformat(timespec="microseconds"),
                self.script_id)


@dataclass(frozen=True, slots=True)
class LoggedWeek:
    week_start: date
    instrument: str
    version: str
    item: str
    value: int | None


@dataclass(frozen=True, slots=True)
class LogFile:
    patient_code: str
    saved_at: datetime
    sessions: tuple[LoggedSession, ...]
    weekly: tuple[LoggedWeek, ...] = ()


def write_log_file(log: LogFile) -> bytes:
    body: dict[str, Any] = {
        "format": LOG_FORMAT, "version": VERSION, "saved_at": log.saved_at.isoformat(),
        "patient_code": log.patient_code,
        "sessions": [_session_json(s) for s in sorted(log.sessions, key=lambda s: s.key)],
        "weekly": [{"week_start": w.week_start.isoformat(), "instrument": w.instrument,
                    "version": w.version, "item": w.item, "value": w.value}
                   for w in log.weekly],
    }
    body["checksum"] = checksum(body)
    return (json.dumps(body, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _session_json(session: LoggedSession) -> dict[str, Any]:
    found: dict[str, Any] = {
        "started_at": session.started_at.isoformat(timespec="microseconds"),
        "ended_at": None if session.ended_at is None
        else session.ended_at.isoformat(timespec="microseconds"),
        "script_id": session.script_id, "kind": session.kind, "lang": session.lang,
        "status": session.status, "step_reached": session.step_reached,
        "steps_total": session.steps_total, "before": dict(session.before),
        "after": dict(session.after), "soreness": session.soreness, "note": session.note,
    }
    return found


def read_log_file(data: bytes) -> LogFile:
    """The checked content of a log file, or `LogFileError` with one line; never partial."""
    raw = open_envelope(data, LOG_FORMAT, largest=LARGEST_FILE * 20, newest=VERSION,
                        error=LogFileError)
    try:
        model = msgspec.convert(raw, _LogFile)
    except msgspec.ValidationError as exc:
        raise LogFileError(f"not a valid log: {one_line(exc)}") from None
    names = [model.patient_code, *(w.instrument for w in model.weekly),
             *(w.item for w in model.weekly), *(w.version for w in model.weekly)]
    for s in model.sessions:
        names += [s.script_id, s.lang or "", *s.before, *s.after]
    if not all(plain_name(name) for name in names):
        raise LogFileError("not a valid log: a code or name holds a line break or control "
                           "character")
    sessions = []
    for number, s in enumerate(model.sessions, 1):
        times = [s.started_at, *([s.ended_at] if s.ended_at else [])]
        if any(moment.tzinfo is None for moment in times):
            raise LogFileError(f"not a valid log: session {number} has a time without its "
                               "UTC offset")
        if not all(in_range(moment) for moment in times):
            raise LogFileError(f"not a valid log: session {number} has a time out of range")
        if s.note is not None and not plain_text(s.note):
            raise LogFileError(f"not a valid log: the note of session {number} holds a "
                               "control character")
        if s.step_reached > s.steps_total:
            raise LogFileError(f"not a valid log: session {number} reached step "
                               f"{s.step_reached} of {s.steps_total}")
        sessions.append(LoggedSession(s.started_at, s.script_id, s.status, s.step_reached,
                                      s.steps_total, s.ended_at, s.kind, s.lang,
                                      dict(s.before), dict(s.after), s.soreness, s.note))
    keys = [session.key for session in sessions]
    if len(set(keys)) != len(keys):
        raise LogFileError("not a valid log: the same session is listed twice")
    if model.saved_at.tzinfo is None:
        raise LogFileError("not a valid log: saved_at needs its UTC offset")
    if not in_range(model.saved_at):
        raise LogFileError("not a valid log: saved_at is out of range")
    if any(w.week_start.weekday() != 0 for w in model.weekly):
        raise LogFileError("not a valid log: a weekly answer's week does not start on a "
                           "Monday")
    weekly = tuple(LoggedWeek(w.week_start, w.instrument, w.version, w.item, w.value)
                   for w in model.weekly)
    return LogFile(model.patient_code, model.saved_at, tuple(sessions), weekly)


def new_sessions(log: LogFile, known: Iterable[tuple[str, str]]) -> list[LoggedSession]:
    """The sessions in `log` not already among the `known` keys: importing twice adds none."""
    seen = set(known)
    fresh = []
    for session in log.sessions:
        if session.key not in seen:
            seen.add(session.key)
            fresh.append(session)
    return fresh


def json_schema() -> dict[str, Any]:
    """The JSON Schema of log file version 1 (docs/log-file.schema.json)."""
    return schema_of(_LogFile, "Selfcare log file, version 1")


if __name__ == "__main__":  # python -m selfcare.core.log_file > docs/log-file.schema.json
    import sys

    json.dump(json_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
