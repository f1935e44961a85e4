"""Soreness, notes, the weekly check and other 0-10 items, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from selfcare.core.answers import save_after
from selfcare.core.measures import ESAS_R, WEEKLY_CHECK, parse_instrument
from selfcare.core.ports import SessionStart
from selfcare.core.questions import PAIN, Answer, Question, QuestionChoices, Soreness, after_session
from selfcare.core.ratings import Moment
from selfcare.store.answers import SqliteAnswerStore
from selfcare.store.db import OpenedDatabase, open_database
from selfcare.store.errors import UnknownSessionError
from selfcare.store.sessions import SqliteSessionStore

T0 = datetime(2026, 12, 3, 18, 0, tzinfo=UTC)  # a Thursday
MEASURES = Path(__file__).parents[3] / "assets" / "measures"


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenedDatabase]:
    opened = open_database(tmp_path / "selfcare.db")
    yield opened
    opened.db.close()


@pytest.fixture
def sessions(opened: OpenedDatabase) -> SqliteSessionStore:
    return SqliteSessionStore(opened.db, pid=1, host="h")


@pytest.fixture
def answers(opened: OpenedDatabase) -> SqliteAnswerStore:
    return SqliteAnswerStore(opened.db)


def begin(sessions: SqliteSessionStore, kind: str = "acupressure",
          extras: tuple[tuple[str, int | None], ...] = ()) -> int:
    return sessions.begin_session(SessionStart(
        "acupressure-li4-short", "LI4", kind, "en", T0, 5, 6, "silent", extras))


def reopened(path: Path) -> tuple[SqliteSessionStore, SqliteAnswerStore, OpenedDatabase]:
    again = open_database(path)
    return SqliteSessionStore(again.db, pid=2, host="h"), SqliteAnswerStore(again.db), again


def test_items_rated_before_are_saved_with_the_pain_rating(sessions, opened) -> None:
    session_id = begin(sessions, extras=(("tension", 7), ("anxiety", None)))
    _, _, again = reopened(opened.path)
    try:
        store = SqliteSessionStore(again.db, pid=2, host="h")
        assert store.other_ratings() == {
            session_id: {("pre", "tension"): 7, ("pre", "anxiety"): None}}
        assert store.get(session_id).pre == 6  # pain is still pain
    finally:
        again.db.close()


def test_an_item_name_that_is_not_a_plain_id_is_refused(sessions) -> None:
    with pytest.raises(ValueError):
        begin(sessions, extras=(("Tension; DROP", 3),))
    session_id = begin(sessions)
    with pytest.raises(ValueError):
        sessions.record_rating(session_id, Moment.POST, 3, T0, item="")


def test_soreness_none_mild_more_or_skipped(sessions, answers) -> None:
    ids = [begin(sessions) for _ in range(4)]
    for session_id, value in zip(ids, [Soreness.NONE, Soreness.MILD, Soreness.MORE, None],
                                 strict=True):
        answers.record_soreness(session_id, value, T0)
    notes = answers.after_notes()
    assert [notes[i].soreness for i in ids] == [Soreness.NONE, Soreness.MILD, Soreness.MORE,
                                                None]
    assert all(notes[i].soreness_asked for i in ids)


def test_a_note_is_kept_trimmed_and_an_empty_one_keeps_nothing(sessions, answers) -> None:
    first, second = begin(sessions), begin(sessions)
    assert answers.record_note(first, "  bruise on the left hand \n", T0)
    assert not answers.record_note(second, "   ", T0)
    notes = answers.after_notes()
    assert notes[first].note == "bruise on the left hand"
    assert not notes[first].soreness_asked  # a note alone is not a soreness answer
    assert second not in notes


def test_answers_need_an_existing_session(answers) -> None:
    with pytest.raises(UnknownSessionError):
        answers.record_soreness(41, Soreness.MILD, T0)
    with pytest.raises(UnknownSessionError):
        answers.record_note(41, "hello", T0)


def test_the_weekly_check_is_kept_by_week_and_a_skip_is_null(answers) -> None:
    monday = date(2026, 11, 30)
    answers.record_weekly(monday, WEEKLY_CHECK, "1", "average-pain", 6, T0)
    answers.record_weekly(monday, WEEKLY_CHECK, "1", "enjoyment", None, T0)
    answers.record_weekly(monday, WEEKLY_CHECK, "1", "enjoyment", 4, T0)  # answered again
    assert answers.last_weekly_week(WEEKLY_CHECK) == monday
    assert [(a.item, a.value) for a in answers.weekly_answers(WEEKLY_CHECK)] == [
        ("average-pain", 6), ("enjoyment", 4)]
    with pytest.raises(ValueError):
        answers.record_weekly(date(2026, 12, 1), WEEKLY_CHECK, "1", "enjoyment", 4, T0)
    assert answers.last_weekly_week("other") is None


def test_every_answer_after_a_session_goes_where_it_belongs(sessions, answers, opened) -> None:
    measures = {name: parse_instrument((MEASURES / f"{name}.toml").read_bytes(), name)
                for name in (WEEKLY_CHECK, ESAS_R)}
    questions = after_session(QuestionChoices(anxiety=True), measures, kind="acupressure",
                              weekly_due=True)
    session_id = begin(sessions)
    given: dict[str, object] = {"anxiety": 3, "soreness": Soreness.MILD, "average-pain": 5,
                                "enjoyment": None, "activity": 7}
    for question in questions[1:]:
        save_after(question, given[question.key], session_id=session_id, at=T0,
                   today=date(2026, 12, 6), sessions=sessions, answers=answers)
    store, answer_store, again = reopened(opened.path)
    try:
        assert store.other_ratings()[session_id] == {("post", "anxiety"): 3}
        assert answer_store.after_notes()[session_id].soreness is Soreness.MILD
        weekly = {(a.week_start, a.item): a.value for a in answer_store.weekly_answers()}
        assert weekly == {(date(2026, 11, 30), "average-pain"): 5,
                          (date(2026, 11, 30), "enjoyment"): None,
                          (date(2026, 11, 30), "activity"): 7}
    finally:
        again.db.close()


def test_pain_after_is_not_saved_here_and_a_bad_answer_is_refused(sessions, answers) -> None:
    session_id = begin(sessions)
    kwargs = {"session_id": session_id, "at": T0, "today": date(2026, 12, 6),
              "sessions": sessions, "answers": answers}
    with pytest.raises(ValueError):
        save_after(PAIN, 3, **kwargs)
    tension = Question("tension", Answer.SCALE, parse_instrument(
        (MEASURES / "tension.toml").read_bytes(), "tension"))
    for bad in (11, "4", True, 2.5):
        with pytest.raises(ValueError):
            save_after(tension, bad, **kwargs)
