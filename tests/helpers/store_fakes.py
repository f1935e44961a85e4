"""An in-memory `SessionStore` for core tests: the same rules as the SQLite one.

It keeps every record in plain dataclasses, logs each call in order (so a test
can check that the pre-rating was saved before the sound started), and can be
told to fail the next call, as a full disk would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from selfcare.core.ports import SessionStart, SessionStore
from selfcare.core.ratings import Moment, check_rating


@dataclass
class FakeRating:
    value: int | None  # None: skipped
    at: datetime


@dataclass
class FakeSession:
    start: SessionStart
    status: str = "running"
    step_reached: int = 1
    ended_at: datetime | None = None
    ratings: dict[Moment, FakeRating] = field(default_factory=dict)  # pain
    other: dict[tuple[Moment, str], FakeRating] = field(default_factory=dict)  # other items

    def rating(self, moment: Moment) -> int | None:
        given = self.ratings.get(moment)
        return None if given is None else given.value

    def skipped(self, moment: Moment) -> bool:
        return moment in self.ratings and self.ratings[moment].value is None


class FakeSessionStore:
    """Implements `SessionStore`; inspect `sessions` and `calls` afterwards."""

    def __init__(self) -> None:
        self.sessions: dict[int, FakeSession] = {}
        self.calls: list[tuple[str, int]] = []  # (method, session id)
        self.fail_next: Exception | None = None

    def begin_session(self, start: SessionStart) -> int:
        self._maybe_fail()
        _require_aware(start.started_at)
        pre = check_rating(start.pre_rating)
        session_id = len(self.sessions) + 1
        session = FakeSession(start, step_reached=min(1, start.steps_total))
        session.ratings[Moment.PRE] = FakeRating(pre, start.started_at)
        for item, value in start.pre_extras:
            session.other[(Moment.PRE, item)] = FakeRating(check_rating(value), start.started_at)
        self.sessions[session_id] = session
        self.calls.append(("begin_session", session_id))
        return session_id

    def record_progress(self, session_id: int, step_reached: int) -> None:
        session = self._get("record_progress", session_id)
        if session.status == "running":
            session.step_reached = max(session.step_reached, step_reached)

    def complete_session(self, session_id: int, ended_at: datetime, step_reached: int) -> None:
        self._close("complete_session", session_id, "completed", ended_at, step_reached)

    def interrupt_session(self, session_id: int, ended_at: datetime, step_reached: int) -> None:
        self._close("interrupt_session", session_id, "interrupted", ended_at, step_reached)

    def record_rating(
        self, session_id: int, moment: Moment, value: int | None, at: datetime,
        item: str = "pain",
    ) -> None:
        session = self._get("record_rating", session_id)
        _require_aware(at)
        if item == "pain":
            session.ratings[Moment(moment)] = FakeRating(check_rating(value), at)
        else:
            session.other[(Moment(moment), item)] = FakeRating(check_rating(value), at)

    def session(self, session_id: int) -> FakeSession:
        return self.sessions[session_id]

    def _close(
        self, call: str, session_id: int, status: str, ended_at: datetime, step: int
    ) -> None:
        session = self._get(call, session_id)
        _require_aware(ended_at)
        if session.status != "running":
            return  # a closed record keeps its first ending
        session.status = status
        session.ended_at = ended_at
        session.step_reached = max(session.step_reached, step)

    def _get(self, call: str, session_id: int) -> FakeSession:
        self._maybe_fail()
        if session_id not in self.sessions:
            raise LookupError(f"no session {session_id}")
        self.calls.append((call, session_id))
        return self.sessions[session_id]

    def _maybe_fail(self) -> None:
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            raise error


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a stored time needs a timezone, not {moment!r}")


def _keeps_to_the_port(store: FakeSessionStore) -> SessionStore:
    return store  # mypy fails here if the fake drifts from the protocol
