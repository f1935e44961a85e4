"""The clinic overview's pain direction claims a trend only when its interval says so; its
rows sort with the patients lacking a value last; adherence stays what it always was."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from scipy import stats

from selfcare.core.insights import Direction
from selfcare.core.overview import (
    Column,
    OverviewRow,
    RecentPain,
    recent_pain,
    sort_rows,
)
from selfcare.core.plans import (
    Adherence,
    Plan,
    Practice,
    Slot,
    Template,
    adherence,
    adherence_on_days,
    make_plan,
)
from selfcare.core.statistics import slope_with_interval

TODAY = date(2026, 3, 1)


def day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def test_a_clear_fall_over_four_weeks_is_called_going_down_with_its_slope_a_week():
    ratings = [(day(27), 8), (day(24), 7), (day(20), 7), (day(17), 6), (day(13), 5),
               (day(10), 5), (day(6), 4), (day(3), 3), (day(0), 3)]
    result = recent_pain(ratings, TODAY)
    fit = stats.linregress([(27 - n) / 7 for n in (27, 24, 20, 17, 13, 10, 6, 3, 0)],
                           [v for _, v in ratings])
    half = stats.t.ppf(0.975, len(ratings) - 2) * fit.stderr
    assert result.direction is Direction.GOING_DOWN
    assert result.ratings == 9 and result.mean_before == pytest.approx(48 / 9)
    assert result.slope is not None and result.slope.value == pytest.approx(fit.slope)
    assert (result.slope.low, result.slope.high) == pytest.approx(
        (fit.slope - half, fit.slope + half))


def test_a_clear_rise_is_called_going_up():
    ratings = [(day(n), 2 + (27 - n) // 5) for n in range(27, -1, -3)]
    assert recent_pain(ratings, TODAY).direction is Direction.GOING_UP


def test_flat_noise_is_no_clear_trend_whatever_the_sign_of_its_slope():
    ratings = [(day(n), v) for n, v in zip(range(27, -1, -2),
                                           [5, 7, 4, 6, 5, 3, 6, 7, 4, 5, 6, 4, 5, 6],
                                           strict=True)]
    result = recent_pain(ratings, TODAY)
    assert result.slope is not None and result.slope.value != 0
    assert not result.slope.excludes_zero
    assert result.direction is Direction.NO_CLEAR_TREND


def test_fewer_than_five_ratings_are_not_enough_even_when_they_fall_steeply():
    ratings = [(day(27), 9), (day(18), 7), (day(9), 4), (day(0), 1)]
    result = recent_pain(ratings, TODAY)
    assert result.direction is Direction.NOT_ENOUGH
    assert result.slope is not None and result.slope.value < 0  # shown, not claimed


def test_ratings_spanning_fewer_than_fourteen_days_are_not_enough():
    falling = [(day(13 - n), 9 - n // 2) for n in range(14)]  # 13 days apart at most
    assert recent_pain(falling, TODAY).direction is Direction.NOT_ENOUGH
    longer = [(day(14 - n), 9 - n // 2) for n in range(15)]  # 14 days: enough
    assert recent_pain(longer, TODAY).direction is Direction.GOING_DOWN


def test_ratings_outside_the_four_weeks_are_ignored():
    inside = [(day(n), 5) for n in (27, 20, 13, 6, 0)]
    outside = [(day(28), 10), (day(60), 10), (TODAY + timedelta(days=1), 0)]
    result = recent_pain(inside + outside, TODAY)
    assert result.ratings == 5 and result.mean_before == 5
    assert result.slope is not None and result.slope.value == 0
    assert result.direction is Direction.NO_CLEAR_TREND


def test_no_ratings_or_all_on_one_day_give_no_slope():
    assert recent_pain([], TODAY) == RecentPain(0, None, None, Direction.NOT_ENOUGH)
    one_day = recent_pain([(TODAY, 4), (TODAY, 6)], TODAY)
    assert (one_day.ratings, one_day.mean_before, one_day.slope) == (2, 5, None)
    with pytest.raises(ValueError, match="at least one day"):
        recent_pain([], TODAY, days=0)


def row(name: str, share: tuple[int, int] | None = None, last: int | None = None,
        direction: Direction = Direction.NOT_ENOUGH, slope: float = 0.0) -> OverviewRow:
    kept = None if share is None else Adherence(share[0], share[1] - share[0], share[1], 0,
                                                None, False, None)
    estimate = None if direction is Direction.NOT_ENOUGH else slope_with_interval(
        [0.0, 1.0], [0.0, slope])
    return OverviewRow(ord(name[0]), f"P-{name}", name, "en", kept,
                       None if last is None else datetime(2026, 2, last, 17, tzinfo=UTC),
                       RecentPain(6, 5.0, estimate, direction))


def names(rows: list[OverviewRow]) -> list[str]:
    return [r.display_name for r in rows]


def test_rows_sort_by_each_column_with_those_lacking_a_value_last_either_way():
    rows = [row("cleo", (3, 4), 9), row("Ana", (1, 4), 2), row("bea"), row("Dan", (0, 0), 5)]
    assert names(sort_rows(rows, Column.NAME)) == ["Ana", "bea", "cleo", "Dan"]
    assert names(sort_rows(rows, Column.ADHERENCE)) == ["Ana", "cleo", "bea", "Dan"]
    assert names(sort_rows(rows, Column.ADHERENCE, descending=True)) == [
        "cleo", "Ana", "bea", "Dan"]  # nothing due yet (Dan) is not 0 %
    assert names(sort_rows(rows, Column.LAST_SESSION, descending=True)) == [
        "cleo", "Dan", "Ana", "bea"]


def test_pain_sorts_the_steepest_rise_first_and_not_enough_last():
    rows = [row("a", direction=Direction.GOING_DOWN, slope=-1),
            row("b", direction=Direction.GOING_UP, slope=0.5),
            row("c"),
            row("d", direction=Direction.NO_CLEAR_TREND, slope=0.2),
            row("e", direction=Direction.GOING_UP, slope=2)]
    assert names(sort_rows(rows, Column.PAIN)) == ["e", "b", "d", "a", "c"]
    assert names(sort_rows(rows, Column.PAIN, descending=True)) == ["a", "d", "b", "e", "c"]


def reference_adherence(plan: Plan, practices: list[Practice], today: date) -> Adherence:
    """Adherence as it was written first: every slot scanned against every day."""
    days = {p.day for p in practices if p.counts and p.script_id in plan.sessions}
    done = missed = remaining = 0
    current: Slot | None = None
    current_done = False
    next_slot: Slot | None = None
    for slot in plan.slots:
        kept = any(slot.holds(d) for d in days)
        if slot.last < today:
            done, missed = done + kept, missed + (not kept)
        elif slot.first <= today:
            current, current_done, done = slot, kept, done + kept
        else:
            remaining += 1
            next_slot = next_slot or slot
    return Adherence(done, missed, done + missed, remaining, current, current_done, next_slot)


@pytest.mark.parametrize("seed", range(40))
def test_adherence_by_bisection_is_the_same_as_scanning_every_day(seed):
    rng = random.Random(seed)
    start = date(2026, 1, 1) + timedelta(days=rng.randrange(60))
    template = rng.choice(list(Template))
    plan = make_plan(template, ["pmr-short", "imagery-garden"], start,
                     end=start + timedelta(days=rng.randrange(6, 400)),
                     weekdays=rng.sample(range(7), rng.randint(1, 7))) \
        if template is Template.CUSTOM else make_plan(template, ["pmr-short"], start)
    practices = [Practice(start + timedelta(days=rng.randrange(-20, 420)),
                          rng.choice(["pmr-short", "imagery-garden", "breathing-slow"]),
                          rng.random() < 0.8, rng.choice([0.0, 0.4, 0.5, 1.0]))
                 for _ in range(rng.randrange(0, 300))]
    for today in (start - timedelta(days=1), start + timedelta(days=rng.randrange(400))):
        assert adherence(plan, practices, today) == reference_adherence(plan, practices, today)
    assert adherence_on_days(plan, [], start) == reference_adherence(plan, [], start)
