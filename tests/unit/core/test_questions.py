"""What is asked before and after a session, and when the weekly check is due."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from selfcare.core.measures import ESAS_R, TENSION, WEEKLY_CHECK, Instrument, parse_instrument
from selfcare.core.questions import (
    NOTE_LONGEST,
    Answer,
    QuestionChoices,
    after_session,
    before_session,
    check_note,
    week_of,
    weekly_due,
)

SHIPPED = Path(__file__).parents[3] / "assets" / "measures"


@pytest.fixture(scope="module")
def measures() -> dict[str, Instrument]:
    return {name: parse_instrument((SHIPPED / f"{name}.toml").read_bytes(), name)
            for name in (WEEKLY_CHECK, ESAS_R, TENSION)}


def keys(questions) -> list[str]:
    return [question.key for question in questions]


def test_by_default_only_pain_is_asked_before(measures) -> None:
    questions = before_session(QuestionChoices(), measures)
    assert keys(questions) == ["pain"] and questions[0].is_pain


def test_switched_on_items_follow_pain_before_and_after(measures) -> None:
    choices = QuestionChoices(tension=True, anxiety=True, wellbeing=True)
    assert keys(before_session(choices, measures)) == ["pain", "tension", "anxiety", "wellbeing"]
    after = after_session(choices, measures, kind="pmr", weekly_due=False)
    assert keys(after) == ["pain", "tension", "anxiety", "wellbeing"]


def test_soreness_only_after_acupressure_and_only_when_on(measures) -> None:
    after = after_session(QuestionChoices(), measures, kind="acupressure", weekly_due=False)
    assert keys(after) == ["pain", "soreness"] and after[1].answer is Answer.SORENESS
    assert "soreness" not in keys(after_session(QuestionChoices(), measures, kind="imagery",
                                                weekly_due=False))
    off = QuestionChoices(soreness=False)
    assert "soreness" not in keys(after_session(off, measures, kind="acupressure",
                                                weekly_due=False))


def test_the_weekly_check_comes_last_when_due(measures) -> None:
    after = after_session(QuestionChoices(), measures, kind="acupressure", weekly_due=True)
    assert keys(after) == ["pain", "soreness", "average-pain", "enjoyment", "activity"]
    assert all(question.weekly for question in after[2:])
    assert not any(question.weekly for question in after[:2])
    off = QuestionChoices(weekly_check=False)
    assert keys(after_session(off, measures, kind="pmr", weekly_due=True)) == ["pain"]


def test_a_missing_questionnaire_file_drops_only_its_questions(measures) -> None:
    without = {name: m for name, m in measures.items() if name != WEEKLY_CHECK}
    choices = QuestionChoices(tension=True)
    assert keys(after_session(choices, without, kind="pmr", weekly_due=True)) == \
        ["pain", "tension"]


@pytest.mark.parametrize(("last", "today", "due"), [
    (None, date(2026, 12, 6), True),  # never answered
    (date(2026, 11, 30), date(2026, 12, 6), False),  # Monday..Sunday of the same week
    (date(2026, 11, 30), date(2026, 11, 30), False),
    (date(2026, 11, 30), date(2026, 12, 7), True),  # next Monday
    (date(2026, 11, 23), date(2026, 12, 1), True),
    (date(2027, 1, 4), date(2026, 12, 6), False),  # the clock went back: do not ask twice
])
def test_the_weekly_check_is_due_once_each_monday_to_sunday(last, today, due) -> None:
    assert weekly_due(last, today) is due


def test_a_week_starts_on_monday() -> None:
    assert week_of(date(2026, 12, 6)) == date(2026, 11, 30)  # a Sunday
    assert week_of(date(2026, 11, 30)) == date(2026, 11, 30)


def test_a_note_is_trimmed_empty_is_none_and_too_long_is_refused() -> None:
    assert check_note("  sore shoulder \n") == "sore shoulder"
    assert check_note(" \n ") is None
    assert check_note("x" * NOTE_LONGEST) == "x" * NOTE_LONGEST
    with pytest.raises(ValueError):
        check_note("x" * (NOTE_LONGEST + 1))


def test_a_question_list_moves_forward_and_back_within_its_ends(measures) -> None:
    from selfcare.core.questions import QuestionList

    asking = QuestionList(before_session(QuestionChoices(tension=True, anxiety=True), measures))
    assert (asking.current.key, asking.number, asking.count, asking.is_last) == \
        ("pain", 1, 3, False)
    assert not asking.back() and asking.current.is_pain
    assert asking.advance() and asking.advance()
    assert (asking.current.key, asking.is_last) == ("anxiety", True)
    assert not asking.advance() and asking.number == 3
    assert asking.back() and asking.current.key == "tension"
