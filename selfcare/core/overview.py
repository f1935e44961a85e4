"""The clinic overview: one row a patient, with how their plan has gone, when they last
practised, and which way their pain before sessions has gone over the last four weeks.

The direction is as honest as the rest of the insights: NOT_ENOUGH with fewer than
`MIN_RATINGS` ratings or when they span fewer than `MIN_SPAN_DAYS` days; otherwise the
least-squares slope of the individual ratings against the day, in points a week, with
its 95 % interval. Pain is called going down or up only when that interval excludes
zero: a slope's sign alone is noise as often as not with a few weeks of 0-10 ratings,
and a clinician scanning a list of patients should not be sent after noise. Rows sort
by any column with patients lacking a value (no plan, no session, not enough ratings)
always last, whichever way the column is sorted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from selfcare.core.insights import Direction
from selfcare.core.plans import Adherence
from selfcare.core.statistics import Estimate, slope_with_interval

WINDOW_DAYS = 28  # today and the 27 days before
MIN_RATINGS = 5
MIN_SPAN_DAYS = 14


@dataclass(frozen=True, slots=True)
class RecentPain:
    ratings: int  # pre-session pain ratings in the window
    mean_before: float | None
    slope: Estimate | None  # points per week, over the individual ratings
    direction: Direction


def recent_pain(ratings: Iterable[tuple[date, int]], today: date,
                days: int = WINDOW_DAYS) -> RecentPain:
    """Pre-session pain ratings (local day, 0-10; skipped ones left out by the caller) of
    `today` and the `days - 1` days before, summarised; ratings outside are ignored. The
    slope is shown whenever the ratings fall on two days or more, and claimed (a
    direction other than NOT_ENOUGH) only with enough of them over long enough."""
    if days < 1:
        raise ValueError(f"a window is at least one day, not {days}")
    first = today - timedelta(days=days - 1)
    kept = [(day, value) for day, value in ratings if first <= day <= today]
    if not kept:
        return RecentPain(0, None, None, Direction.NOT_ENOUGH)
    values = [float(value) for _, value in kept]
    mean = math.fsum(values) / len(values)
    offsets = [(day - first).days for day, _ in kept]
    span = max(offsets) - min(offsets)
    if span == 0:
        return RecentPain(len(kept), mean, None, Direction.NOT_ENOUGH)
    slope = slope_with_interval([offset / 7 for offset in offsets], values)
    if len(kept) < MIN_RATINGS or span < MIN_SPAN_DAYS:
        direction = Direction.NOT_ENOUGH
    elif not slope.excludes_zero:
        direction = Direction.NO_CLEAR_TREND
    else:
        direction = Direction.GOING_DOWN if slope.value < 0 else Direction.GOING_UP
    return RecentPain(len(kept), mean, slope, direction)


@dataclass(frozen=True, slots=True)
class OverviewRow:
    patient_id: int
    code: str
    display_name: str
    language: str
    adherence: Adherence | None  # None when the patient has no plan
    last_session: datetime | None
    recent: RecentPain


class Column(StrEnum):
    NAME = "name"
    CODE = "code"
    ADHERENCE = "adherence"  # the share done of what was due so far
    LAST_SESSION = "last-session"
    PAIN = "pain"  # going up first, then no clear trend, then going down


_PAIN_ORDER = {Direction.GOING_UP: 0, Direction.NO_CLEAR_TREND: 1, Direction.GOING_DOWN: 2}
_Key = tuple[Any, ...]


def _name(row: OverviewRow) -> tuple[str, str]:
    return row.display_name.casefold(), row.code


def _adherence(row: OverviewRow) -> _Key | None:
    share = None if row.adherence is None else row.adherence.share
    return None if share is None else (share, *_name(row))


def _last_session(row: OverviewRow) -> _Key | None:
    return None if row.last_session is None else (row.last_session, *_name(row))


def _pain(row: OverviewRow) -> _Key | None:
    rank = _PAIN_ORDER.get(row.recent.direction)
    if rank is None or row.recent.slope is None:
        return None
    return rank, -row.recent.slope.value, *_name(row)  # the steepest rise first


_KEYS: dict[Column, Callable[[OverviewRow], _Key | None]] = {
    Column.NAME: lambda row: (*_name(row),),
    Column.CODE: lambda row: (row.code,),
    Column.ADHERENCE: _adherence,
    Column.LAST_SESSION: _last_session,
    Column.PAIN: _pain,
}


def sort_rows(rows: Iterable[OverviewRow], column: Column, *,
              descending: bool = False) -> list[OverviewRow]:
    """The rows ordered by `column`; rows with nothing to show in it come last, by name."""
    key = _KEYS[column]
    keyed = [(key(row), row) for row in rows]
    present = [(k, row) for k, row in keyed if k is not None]
    present.sort(key=lambda pair: pair[0], reverse=descending)
    missing = sorted((row for k, row in keyed if k is None), key=_name)
    return [row for _, row in present] + missing
