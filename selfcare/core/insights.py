"""What helps me: the person's own before/after ratings, summarised honestly.

For each kind of session and each session: how many were rated before and after, the
mean change (after minus before, so negative is less pain) with its 95 % interval, and
the share of sessions with a clinically meaningful drop (2 points or 30 %, as in
`ratings.Change`). And the trend of pre-session pain week by week. Verdicts claim a
difference only when its interval excludes zero, and nothing at all with fewer than
`MIN_SESSIONS` rated sessions (or `MIN_WEEKS` weeks for the trend). A skipped rating
leaves its session out of the change; it is counted as skipped, never as 0.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from selfcare.core.ratings import change_between
from selfcare.core.statistics import Estimate, mean_with_interval, slope_with_interval

MIN_SESSIONS = 5
MIN_WEEKS = 4


@dataclass(frozen=True, slots=True)
class RatedSession:
    """One session as the insights see it; a rating is None when skipped."""

    started_at: datetime
    script_id: str
    kind: str
    before: int | None
    after: int | None


class Verdict(StrEnum):
    NOT_ENOUGH = "not-enough"
    LOWER_AFTER = "lower-after"  # the whole interval is below zero
    NO_CLEAR_CHANGE = "no-clear-change"  # the interval includes zero
    HIGHER_AFTER = "higher-after"  # the whole interval is above zero


class Direction(StrEnum):
    NOT_ENOUGH = "not-enough"
    GOING_DOWN = "going-down"
    NO_CLEAR_TREND = "no-clear-trend"
    GOING_UP = "going-up"


@dataclass(frozen=True, slots=True)
class GroupInsight:
    key: str  # a kind ("pmr") or a session id
    rated: int  # sessions with both ratings
    skipped: int  # sessions with a rating skipped
    change: Estimate | None  # after - before, points
    meaningful_share: float | None  # of the rated sessions, 0..1
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class WeekMean:
    week_start: date  # the Monday
    mean_before: float
    sessions: int


@dataclass(frozen=True, slots=True)
class Trend:
    weeks: list[WeekMean]
    slope: Estimate | None  # points a week
    direction: Direction


@dataclass(frozen=True, slots=True)
class Insights:
    by_kind: dict[str, GroupInsight]
    by_session: dict[str, GroupInsight]
    trend: Trend


def insights(sessions: Iterable[RatedSession]) -> Insights:
    every = list(sessions)
    return Insights(_grouped(every, lambda s: s.kind), _grouped(every, lambda s: s.script_id),
                    pre_session_trend(every))


def _grouped(sessions: list[RatedSession], key: Callable[[RatedSession], str]
             ) -> dict[str, GroupInsight]:
    groups: dict[str, list[RatedSession]] = defaultdict(list)
    for session in sessions:
        groups[key(session)].append(session)
    return {name: group_insight(name, members) for name, members in sorted(groups.items())}


def group_insight(key: str, sessions: list[RatedSession]) -> GroupInsight:
    changes = [c for s in sessions if (c := change_between(s.before, s.after)) is not None]
    skipped = len(sessions) - len(changes)
    if not changes:
        return GroupInsight(key, 0, skipped, None, None, Verdict.NOT_ENOUGH)
    estimate = mean_with_interval([float(c.after - c.before) for c in changes])
    share = sum(c.meaningful for c in changes) / len(changes)
    return GroupInsight(key, len(changes), skipped, estimate, share, _verdict(estimate))


def _verdict(estimate: Estimate) -> Verdict:
    if estimate.n < MIN_SESSIONS:
        return Verdict.NOT_ENOUGH
    if not estimate.excludes_zero:
        return Verdict.NO_CLEAR_CHANGE
    return Verdict.LOWER_AFTER if estimate.value < 0 else Verdict.HIGHER_AFTER


def week_start(moment: datetime) -> date:
    day = moment.date()
    return day - timedelta(days=day.weekday())


def pre_session_trend(sessions: Iterable[RatedSession]) -> Trend:
    """Mean pain before sessions, week by week, and its straight-line slope a week."""
    by_week: dict[date, list[int]] = defaultdict(list)
    for session in sessions:
        if session.before is not None:
            by_week[week_start(session.started_at)].append(session.before)
    weeks = [WeekMean(monday, math.fsum(values) / len(values), len(values))
             for monday, values in sorted(by_week.items())]
    if len(weeks) < 2:
        return Trend(weeks, None, Direction.NOT_ENOUGH)
    first = weeks[0].week_start
    slope = slope_with_interval([(w.week_start - first).days / 7 for w in weeks],
                                [w.mean_before for w in weeks])
    if len(weeks) < MIN_WEEKS:
        direction = Direction.NOT_ENOUGH
    elif not slope.excludes_zero:
        direction = Direction.NO_CLEAR_TREND
    else:
        direction = Direction.GOING_DOWN if slope.value < 0 else Direction.GOING_UP
    return Trend(weeks, slope, direction)
