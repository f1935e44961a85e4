"""Plans from published programmes, and adherence that never counts an open slot as missed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from selfcare.core.plans import Practice, Slot, Template, adherence, make_plan

MONDAY = date(2026, 12, 7)


def test_the_impact_template_is_weekly_for_10_weeks_then_monthly_to_week_26() -> None:
    plan = make_plan(Template.WEEKLY_THEN_MONTHLY, ["acupressure-relaxing"], MONDAY)
    weeks = [(slot.first - MONDAY).days // 7 + 1 for slot in plan.slots]
    assert weeks == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 18, 22, 26]
    assert all((slot.last - slot.first).days == 6 for slot in plan.slots)
    assert plan.end == MONDAY + timedelta(weeks=26) - timedelta(days=1)


def test_ipmp_is_12_weekly_slots_and_daily_is_28_days() -> None:
    assert len(make_plan(Template.WEEKLY_12, ["pmr-short"], MONDAY).slots) == 12
    daily = make_plan(Template.DAILY_4_WEEKS, ["pmr-short"], MONDAY)
    assert len(daily.slots) == 28 and daily.slots[-1] == Slot(MONDAY + timedelta(days=27),
                                                               MONDAY + timedelta(days=27))


def test_a_custom_plan_keeps_only_the_chosen_weekdays() -> None:
    plan = make_plan(Template.CUSTOM, ["pmr-short"], MONDAY, end=MONDAY + timedelta(days=13),
                     weekdays=[0, 2, 4])
    assert [slot.first.weekday() for slot in plan.slots] == [0, 2, 4, 0, 2, 4]


@pytest.mark.parametrize(("kwargs", "why"), [
    ({}, "end date"),
    ({"end": MONDAY + timedelta(days=3), "weekdays": [7]}, "0 \\(Monday\\) to 6"),
    ({"end": MONDAY - timedelta(days=1), "weekdays": [0]}, "on or after"),
    ({"end": MONDAY + timedelta(days=900), "weekdays": [0]}, "two years"),
    ({"end": MONDAY + timedelta(days=2), "weekdays": [5]}, "none of the chosen"),
])
def test_an_impossible_custom_plan_is_refused_with_the_reason(kwargs, why) -> None:
    with pytest.raises(ValueError, match=why):
        make_plan(Template.CUSTOM, ["pmr-short"], MONDAY, **kwargs)
    with pytest.raises(ValueError, match="at least one session"):
        make_plan(Template.WEEKLY_12, [], MONDAY)


def practice(day_offset: int, script: str = "pmr-short", *, completed: bool = True,
             fraction: float = 1.0) -> Practice:
    return Practice(MONDAY + timedelta(days=day_offset), script, completed, fraction)


def test_weekly_adherence_counts_done_missed_current_and_remaining() -> None:
    plan = make_plan(Template.WEEKLY_12, ["pmr-short", "imagery-shore"], MONDAY)
    done = [practice(1), practice(3),  # two in week 1 count once
            practice(16, "imagery-shore"),  # week 3
            practice(22, completed=False, fraction=0.6),  # week 4, stopped past halfway
            practice(8, completed=False, fraction=0.2),  # week 2: too little to count
            practice(9, "not-in-the-plan")]  # week 2: another session does not count
    today = MONDAY + timedelta(days=30)  # week 5, nothing yet
    result = adherence(plan, done, today)
    assert (result.done, result.missed, result.due_so_far, result.remaining) == (3, 1, 4, 7)
    assert result.current == Slot(MONDAY + timedelta(days=28), MONDAY + timedelta(days=34))
    assert not result.current_done  # open, so not missed
    assert result.share == 3 / 4
    assert result.next_slot == Slot(MONDAY + timedelta(days=35), MONDAY + timedelta(days=41))


def test_a_slot_done_today_counts_and_nothing_is_due_before_the_start() -> None:
    plan = make_plan(Template.DAILY_4_WEEKS, ["pmr-short"], MONDAY)
    today = adherence(plan, [practice(0)], MONDAY)
    assert (today.done, today.missed, today.due_so_far, today.current_done) == (1, 0, 1, True)
    before = adherence(plan, [], MONDAY - timedelta(days=1))
    assert (before.due_so_far, before.share, before.remaining) == (0, None, 28)
    assert before.next_slot == plan.slots[0]
    after = adherence(plan, [], MONDAY + timedelta(days=60))
    assert (after.missed, after.current, after.next_slot) == (28, None, None)
