"""The small interfaces through which session logic reaches audio and storage.

Adapters live in `selfcare.audio` and `selfcare.store`; tests use fakes from
`tests/helpers`. Keeping them small keeps both sides honest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from selfcare.core.ratings import Moment

if TYPE_CHECKING:
    from selfcare.core.questions import Soreness


class StoreUnavailable(Exception):  # noqa: N818 - reads as a state, like the store's subclass
    """The record file cannot be written now (full disk, read-only, locked, damaged).

    Store adapters raise subclasses of this; session logic decides what a person
    sees: the session carries on and they are told their record may be incomplete.
    """


class SessionAudio(Protocol):
    """One session's sound, from its timeline. The stream is the session's clock."""

    @property
    def silent_reason(self) -> str | None:
        """Why there is no sound (no device, ...); None when playing through a device."""
        ...

    def start(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def seek(self, frame: int) -> None: ...

    def stop(self) -> None: ...

    def position(self) -> int:
        """The timeline frame being heard now."""
        ...

    def finished(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class SessionStart:
    script_id: str
    title: str
    kind: str
    lang: str
    started_at: datetime
    steps_total: int
    pre_rating: int | None
    audio: str  # "device" or "silent"
    # other 0-10 items rated before (item, value or None if skipped), saved with pain
    pre_extras: tuple[tuple[str, int | None], ...] = ()


class SessionStore(Protocol):
    """Where a session's record goes; every call commits before it returns."""

    def begin_session(self, start: SessionStart) -> int:
        """Create the record and commit the pre-rating; returns the session id."""
        ...

    def record_progress(self, session_id: int, step_reached: int) -> None: ...

    def complete_session(self, session_id: int, ended_at: datetime, step_reached: int) -> None: ...

    def interrupt_session(
        self, session_id: int, ended_at: datetime, step_reached: int
    ) -> None: ...

    def record_rating(
        self, session_id: int, moment: Moment, value: int | None, at: datetime,
        item: str = "pain",
    ) -> None:
        """Store one 0-10 answer (None: skipped); pain unless `item` says otherwise."""
        ...


class AnswerStore(Protocol):
    """Where the answers that are not session ratings go; every call commits."""

    def record_soreness(self, session_id: int, value: Soreness | None, at: datetime) -> None: ...

    def record_note(self, session_id: int, text: str, at: datetime) -> bool: ...

    def record_weekly(self, week_start: date, instrument: str, version: str, item: str,
                      value: int | None, at: datetime) -> None: ...

    def last_weekly_week(self, instrument: str) -> date | None: ...
