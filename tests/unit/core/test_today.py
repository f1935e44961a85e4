"""The Today screen's facts: due, done, missed, the next session, and when to remind."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from selfcare.core.plans import Practice, Template, make_plan
from selfcare.core.today import reminder_due, suggest_session, today

MONDAY = date(2026, 12, 7)
PLAN = make_plan(Template.WEEKLY_12, ["pmr-short", "imagery-garden"], MONDAY)


def done(day: date, script_id: str = "pmr-short", fraction: float = 1.0) -> Practice:
    return Practice(day, script_id, fraction >= 1.0, fraction)


def test_a_new_plan_is_due_this_week_and_suggests_its_first_session() -> None:
    view = today(PLAN, [], MONDAY + timedelta(days=2))
    assert view.due_now and view.done_today == 0 and not view.finished
    assert view.next_session == "pmr-short"
    assert view.slot is not None and view.slot.first == MONDAY


def test_a_week_done_is_not_due_and_the_other_session_comes_next() -> None:
    view = today(PLAN, [done(MONDAY)], MONDAY)
    assert not view.due_now and view.done_today == 1
    assert view.next_session == "imagery-garden"


def test_the_session_done_longest_ago_comes_next() -> None:
    practices = [done(MONDAY, "imagery-garden"), done(MONDAY + timedelta(days=8))]
    assert suggest_session(PLAN, practices) == "imagery-garden"


def test_a_session_stopped_early_counts_from_halfway() -> None:
    assert today(PLAN, [done(MONDAY, fraction=0.4)], MONDAY).due_now
    assert not today(PLAN, [done(MONDAY, fraction=0.6)], MONDAY).due_now


def test_missed_weeks_are_counted_and_a_plan_ends() -> None:
    view = today(PLAN, [done(MONDAY)], MONDAY + timedelta(weeks=3))
    assert (view.adherence.done, view.adherence.missed) == (1, 2)
    assert today(PLAN, [], MONDAY + timedelta(weeks=20)).finished


def test_a_reminder_comes_once_when_its_time_passes_and_only_while_due() -> None:
    view = today(PLAN, [], MONDAY)
    six = time(18, 0)
    before = datetime.combine(MONDAY, time(17, 59))
    after = datetime.combine(MONDAY, time(18, 0, 30))
    assert reminder_due([six], after, before, view) == six
    assert reminder_due([six], after + timedelta(minutes=1), after, view) is None
    kept = today(PLAN, [done(MONDAY)], MONDAY)
    assert reminder_due([six], after, before, kept) is None
