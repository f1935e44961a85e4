"""What helps me: honest about uncertainty, never counting a skipped rating as 0."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from scipy import stats

from selfcare.core.insights import (
    MIN_SESSIONS,
    Direction,
    RatedSession,
    Verdict,
    group_insight,
    insights,
    pre_session_trend,
)

MONDAY = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def session(day: int, before: int | None, after: int | None, kind: str = "pmr",
            script: str = "pmr-short") -> RatedSession:
    return RatedSession(MONDAY + timedelta(days=day), script, kind, before, after)


def test_with_fewer_than_five_rated_sessions_it_says_there_is_not_enough_yet():
    four = [session(d, 6, 3) for d in range(MIN_SESSIONS - 1)]
    result = group_insight("pmr", four)
    assert result.rated == 4 and result.verdict is Verdict.NOT_ENOUGH
    assert result.change is not None and result.change.value == -3  # shown, not claimed


def test_a_consistent_drop_is_called_lower_after_with_the_share_of_meaningful_drops():
    befores = [6, 7, 5, 6, 8, 6]
    afters = [4, 5, 4, 3, 6, 6]
    result = group_insight("pmr", [session(d, b, a) for d, (b, a)
                                   in enumerate(zip(befores, afters, strict=True))])
    differences = [a - b for b, a in zip(befores, afters, strict=True)]
    low, high = stats.t.interval(0.95, 5, loc=stats.tmean(differences),
                                 scale=stats.sem(differences))
    assert result.change.value == pytest.approx(-10 / 6)
    assert (result.change.low, result.change.high) == pytest.approx((low, high))
    assert result.verdict is Verdict.LOWER_AFTER
    # meaningful: 6->4, 7->5, 6->3, 8->6 (2 points); 5->4 is 20 %, 6->6 nothing: 4 of 6
    assert result.meaningful_share == pytest.approx(4 / 6)


def test_a_difference_whose_interval_includes_zero_is_never_claimed():
    pairs = [(5, 3), (4, 6), (6, 6), (5, 4), (3, 5), (6, 5)]
    result = group_insight("imagery", [session(d, b, a) for d, (b, a) in enumerate(pairs)])
    assert result.change.low < 0 < result.change.high
    assert result.verdict is Verdict.NO_CLEAR_CHANGE


def test_pain_that_is_higher_after_is_said_plainly():
    result = group_insight("pmr", [session(d, 3, 5) for d in range(6)])
    assert result.verdict is Verdict.HIGHER_AFTER


def test_skipped_ratings_are_counted_as_skipped_not_as_zero():
    sessions = [session(0, None, 2), session(1, 6, None), session(2, 6, 4)]
    result = group_insight("pmr", sessions)
    assert (result.rated, result.skipped) == (1, 2)
    assert result.change.value == -2  # only the complete pair; no 0 stood in for a skip
    assert group_insight("pmr", [session(0, None, None)]).change is None


def test_results_come_by_kind_and_by_session():
    sessions = [session(d, 6, 4, "pmr", "pmr-short") for d in range(3)]
    sessions += [session(d, 6, 5, "acupressure", "acupressure-li4") for d in range(2)]
    sessions += [session(d, 5, 5, "pmr", "pmr-7-groups") for d in range(2)]
    result = insights(sessions)
    assert set(result.by_kind) == {"pmr", "acupressure"}
    assert result.by_kind["pmr"].rated == 5
    assert set(result.by_session) == {"pmr-short", "acupressure-li4", "pmr-7-groups"}


def test_pre_session_pain_falling_week_by_week_is_called_going_down():
    weekly = [7, 7, 6, 6, 5, 5]  # two sessions a week, the second one point higher
    sessions = []
    for week, level in enumerate(weekly):
        sessions += [session(7 * week, level, None), session(7 * week + 3, level + 1, None)]
    trend = pre_session_trend(sessions)
    assert [w.mean_before for w in trend.weeks] == [7.5, 7.5, 6.5, 6.5, 5.5, 5.5]
    fit = stats.linregress(range(6), [w.mean_before for w in trend.weeks])
    assert trend.slope.value == pytest.approx(fit.slope)
    assert trend.direction is Direction.GOING_DOWN


def test_a_trend_needs_four_weeks_and_counts_gaps_as_time():
    three = [session(0, 7, None), session(14, 6, None), session(28, 5, None)]
    trend = pre_session_trend(three)
    assert trend.direction is Direction.NOT_ENOUGH
    assert trend.slope.value == pytest.approx(-0.5)  # per week: the gaps count
    flat = [session(7 * w, 5 + (w % 2), None) for w in range(8)]
    assert pre_session_trend(flat).direction is Direction.NO_CLEAR_TREND
    assert pre_session_trend([]).direction is Direction.NOT_ENOUGH
