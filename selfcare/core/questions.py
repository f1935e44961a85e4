"""Which questions come before and after a session, and in what order.

Pain now, 0-10, is always first and always offered; everything else is switched on
by the person or their clinician (`QuestionChoices`). Soreness is asked only after
acupressure or reflexology, since pressing can bruise or leave soreness (IMPACT
reported both); the weekly check only once in each week, Monday to Sunday, counted
from the week it was last answered or skipped. Every question may be skipped, and a
skip is recorded as skipped, never as 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from selfcare.core.measures import ESAS_R, TENSION, WEEKLY_CHECK, Instrument, ScaleItem
from selfcare.core.ratings import Item

PRESSING_KINDS = frozenset({"acupressure"})
NOTE_LONGEST = 2000  # characters; a note is a few lines for the clinician, not a diary


class Answer(StrEnum):
    SCALE = "scale"  # 0-10
    SORENESS = "soreness"  # none / mild / more


class Soreness(StrEnum):
    NONE = "none"
    MILD = "mild"
    MORE = "more"


@dataclass(frozen=True, slots=True)
class QuestionChoices:
    """What to ask besides pain; the defaults are what a new person gets."""

    tension: bool = False
    tiredness: bool = False
    anxiety: bool = False
    wellbeing: bool = False
    weekly_check: bool = True
    soreness: bool = True
    note: bool = True  # a place for a note on the summary, not a question

    def esas_items(self) -> tuple[str, ...]:
        wanted = (("tiredness", self.tiredness), ("anxiety", self.anxiety),
                  ("wellbeing", self.wellbeing))
        return tuple(name for name, on in wanted if on)


@dataclass(frozen=True, slots=True)
class Question:
    """One screen of the questions: `key` is what it is stored under.

    For a 0-10 item the key is the rating item ("pain", "tension", "anxiety", ...), or
    the weekly check's item id; `instrument` is None for the pain question.
    """

    key: str
    answer: Answer
    instrument: Instrument | None = None
    item: ScaleItem | None = None

    @property
    def is_pain(self) -> bool:
        return self.key == Item.PAIN.value and self.instrument is None

    @property
    def weekly(self) -> bool:
        return self.instrument is not None and self.instrument.id == WEEKLY_CHECK


PAIN = Question(Item.PAIN.value, Answer.SCALE)


def before_session(choices: QuestionChoices, instruments: dict[str, Instrument]
                   ) -> list[Question]:
    """Pain first, then the symptom items switched on, all rated for now."""
    return [PAIN, *_symptom_items(choices, instruments)]


def after_session(choices: QuestionChoices, instruments: dict[str, Instrument], *, kind: str,
                  weekly_due: bool) -> list[Question]:
    """Pain, the same symptom items as before, soreness, then the weekly check.

    The note is not a question: the summary offers a place for it (`choices.note`).
    """
    questions = [PAIN, *_symptom_items(choices, instruments)]
    if choices.soreness and kind in PRESSING_KINDS:
        questions.append(Question("soreness", Answer.SORENESS))
    weekly = instruments.get(WEEKLY_CHECK)
    if choices.weekly_check and weekly_due and weekly is not None:
        questions.extend(Question(item.id, Answer.SCALE, weekly, item) for item in weekly.items)
    return questions


def _symptom_items(choices: QuestionChoices, instruments: dict[str, Instrument]
                   ) -> list[Question]:
    questions: list[Question] = []
    tension = instruments.get(TENSION)
    if choices.tension and tension is not None:
        questions.extend(Question(item.id, Answer.SCALE, tension, item) for item in tension.items)
    esas = instruments.get(ESAS_R)
    if esas is not None:
        for item in esas.items:
            if item.id in choices.esas_items():
                questions.append(Question(item.id, Answer.SCALE, esas, item))
    return questions


def week_of(day: date) -> date:
    """The Monday that starts `day`'s week."""
    return day - timedelta(days=day.weekday())


def weekly_due(last_week: date | None, today: date) -> bool:
    """True when the weekly check was neither answered nor skipped this week."""
    return last_week is None or last_week < week_of(today)


def check_note(text: str) -> str | None:
    """The note as stored: trimmed, None when empty; too long is an error, not a cut."""
    trimmed = text.strip()
    if not trimmed:
        return None
    if len(trimmed) > NOTE_LONGEST:
        raise ValueError(f"a note is at most {NOTE_LONGEST} characters, not {len(trimmed)}")
    return trimmed


@dataclass(slots=True)
class QuestionList:
    """The questions before or after one session, and which one is being asked."""

    questions: list[Question]
    index: int = 0

    @property
    def current(self) -> Question:
        return self.questions[self.index]

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def is_last(self) -> bool:
        return self.index == len(self.questions) - 1

    def advance(self) -> bool:
        """Move to the next question; False (staying put) after the last."""
        if self.is_last:
            return False
        self.index += 1
        return True

    def back(self) -> bool:
        """Move to the previous question; False (staying put) at the first."""
        if self.index == 0:
            return False
        self.index -= 1
        return True
