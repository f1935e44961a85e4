"""Questionnaires kept as data: the weekly check, the ESAS-r items, tension.

Their wording lives in `assets/measures/*.toml`, not in code, because it is licensed
or credited text a clinic may need to replace (the issue: PEG wording may need
permission; ESAS-r may not be modified). This module only reads and checks that text;
the caller reads the file. A broken file is a `MeasureError` naming the file and the
fault, and the app goes on without that questionnaire.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Literal

import msgspec

from selfcare.core.ratings import NRS_MAX, NRS_MIN

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SOURCE_LANGUAGE = "en"

WEEKLY_CHECK = "weekly-check"
ESAS_R = "esas-r"
TENSION = "tension"

Words = Annotated[str, msgspec.Meta(min_length=1, max_length=400)]
LangCode = Annotated[str, msgspec.Meta(pattern=r"^[a-z]{2,3}$")]
Localized = dict[LangCode, Words]
Identifier = Annotated[str, msgspec.Meta(pattern=ID_PATTERN, max_length=60)]


class MeasureError(ValueError):
    """A questionnaire file that cannot be used, with the file and the fault."""


class _Item(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: Identifier
    text: Localized
    low: Localized
    high: Localized
    short: Localized = msgspec.field(default_factory=dict)  # a few words, for history
    code: str | None = None


class _Instrument(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    format: Literal[1]
    id: Identifier
    version: Words
    timeframe: Literal["now", "past-week"]
    name: Localized
    credit: Localized
    items: Annotated[list[_Item], msgspec.Meta(min_length=1, max_length=12)]
    intro: Localized = msgspec.field(default_factory=dict)
    score: Literal["mean"] | None = None
    codes: dict[str, str] = msgspec.field(default_factory=dict)
    # "original": the instrument's own published words, so its codes (LOINC) may be
    # claimed in exports; "own": Selfcare's (or a clinic's) wording, so they may not.
    wording: Literal["original", "own"] = "own"


@dataclass(frozen=True, slots=True)
class ScaleItem:
    """One 0-10 question with its two anchors, in every language the file gives."""

    id: str
    text: dict[str, str]
    low: dict[str, str]
    high: dict[str, str]
    code: str | None = None
    short: dict[str, str] = field(default_factory=dict)

    def has(self, lang: str) -> bool:
        return all(lang in words for words in (self.text, self.low, self.high))

    def lang_for(self, wanted: str) -> str:
        """`wanted` if the item has all its words in it, else the source language."""
        return wanted if self.has(wanted) else SOURCE_LANGUAGE


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    version: str
    timeframe: str
    name: dict[str, str]
    credit: dict[str, str]
    intro: dict[str, str]
    items: tuple[ScaleItem, ...]
    score: str | None
    codes: dict[str, str]
    wording: str = "own"  # "original" when the codes in the file may be claimed

    @property
    def original_wording(self) -> bool:
        return self.wording == "original"

    def item(self, item_id: str) -> ScaleItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def in_language(self, words: dict[str, str], lang: str) -> str:
        return words.get(lang) or words[SOURCE_LANGUAGE]


def parse_instrument(data: bytes, source: str) -> Instrument:
    """The questionnaire in a TOML file's bytes; `source` names the file in errors."""
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise MeasureError(f"{source}: not UTF-8 text ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise MeasureError(f"{source}: not valid TOML: {exc}") from None
    try:
        model = msgspec.convert(raw, _Instrument)
    except msgspec.ValidationError as exc:
        raise MeasureError(f"{source}: {exc}") from None
    problems = _problems(model)
    if problems:
        raise MeasureError(f"{source}: " + "; ".join(problems))
    return Instrument(
        model.id, model.version, model.timeframe, model.name, model.credit, model.intro,
        tuple(ScaleItem(i.id, i.text, i.low, i.high, i.code, i.short) for i in model.items),
        model.score, model.codes, model.wording)


def _problems(model: _Instrument) -> list[str]:
    problems = []
    for field_name in ("name", "credit"):
        if SOURCE_LANGUAGE not in getattr(model, field_name):
            problems.append(f"{field_name} needs English ({SOURCE_LANGUAGE}) words")
    seen: set[str] = set()
    for item in model.items:
        if item.id in seen:
            problems.append(f"item id {item.id!r} is used twice")
        seen.add(item.id)
        if not all(SOURCE_LANGUAGE in words for words in (item.text, item.low, item.high)):
            problems.append(f"item {item.id!r} needs English text, low and high anchors")
        partial = {lang for words in (item.text, item.low, item.high) for lang in words}
        for lang in sorted(partial):
            if not all(lang in words for words in (item.text, item.low, item.high)):
                problems.append(f"item {item.id!r} has only some of its words in {lang!r}")
    return problems


def mean_score(instrument: Instrument, answers: dict[str, int | None]) -> float | None:
    """The instrument's score: the mean of every item, or None if any was skipped."""
    if instrument.score != "mean":
        return None
    values = [answers.get(item.id) for item in instrument.items]
    given = [value for value in values if value is not None]
    if len(given) != len(values):
        return None
    for value in given:
        if not NRS_MIN <= value <= NRS_MAX:
            raise ValueError(f"an answer is from 0 to 10, not {value}")
    return math.fsum(given) / len(given)


@dataclass(frozen=True, slots=True)
class WeekScore:
    """One week of a weekly questionnaire: its answers (None: skipped) and score."""

    week_start: date
    answers: dict[str, int | None]
    score: float | None

    @property
    def skipped(self) -> bool:
        return all(value is None for value in self.answers.values())


def week_scores(instrument: Instrument, answers: Sequence[tuple[date, str, int | None]]
                ) -> list[WeekScore]:
    """Each week's answers to `instrument` and its score, newest week first."""
    weeks: dict[date, dict[str, int | None]] = {}
    for week, item, value in answers:
        weeks.setdefault(week, {})[item] = value
    return [WeekScore(week, given, mean_score(instrument, given))
            for week, given in sorted(weeks.items(), reverse=True)]


def by_id(instruments: Sequence[Instrument]) -> dict[str, Instrument]:
    return {instrument.id: instrument for instrument in instruments}
