"""Saving one answer given after a session, wherever it belongs.

The after-session questions are a list (`core.questions.after_session`); each answer
is committed the moment it is given, so stopping halfway keeps what was said. (A note
is saved straight through `AnswerStore.record_note`.)
"""

from __future__ import annotations

from datetime import date, datetime

from selfcare.core.ports import AnswerStore, SessionStore
from selfcare.core.questions import Answer, Question, Soreness, week_of
from selfcare.core.ratings import Moment, check_rating


def save_after(question: Question, value: object, *, session_id: int, at: datetime,
               today: date, sessions: SessionStore, answers: AnswerStore) -> None:
    """Store `value` (None: skipped) for `question`; pain after goes through the run."""
    if question.is_pain:
        raise ValueError("the pain rating after a session is saved by its SessionRun")
    if question.answer is Answer.SORENESS:
        answers.record_soreness(session_id, None if value is None else Soreness(str(value)), at)
    elif question.weekly:
        assert question.instrument is not None
        answers.record_weekly(week_of(today), question.instrument.id,
                              question.instrument.version, question.key,
                              check_rating(_rating(value)), at)
    else:
        sessions.record_rating(session_id, Moment.POST, check_rating(_rating(value)), at,
                               item=question.key)


def _rating(value: object) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise ValueError(f"a 0-10 answer is a whole number, not {value!r}")
