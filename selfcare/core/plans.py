"""Plans of practice a clinician assigns, and how closely they were followed.

A plan is a list of sessions to choose from and a schedule: `slots`, each a stretch of
days in which one practice is due (a day for daily practice, a week for weekly
practice). Templates follow published programmes: weekly for 10 weeks and then monthly
boosters to week 26 (as in the IMPACT trial), 12 weekly group-visit weeks (as in IPMP),
daily practice for 4 weeks; or chosen weekdays between two dates.

Adherence is computed from the slots and the sessions done: a slot counts as done when
a session of the plan was completed in it, or carried at least halfway (a person in
pain who stops early has still practised). Dates are local calendar days; the caller
turns stored times into them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

HALFWAY = 0.5
LONGEST_PLAN_DAYS = 366 * 2


class Template(StrEnum):
    WEEKLY_THEN_MONTHLY = "weekly-10-then-monthly-to-26"  # IMPACT
    WEEKLY_12 = "weekly-12"  # IPMP group visits
    DAILY_4_WEEKS = "daily-4-weeks"
    CUSTOM = "custom"  # chosen weekdays from a start to an end


@dataclass(frozen=True, slots=True)
class Slot:
    """Days `first` to `last` (inclusive) in which one practice is due."""

    first: date
    last: date

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class Plan:
    template: Template
    sessions: tuple[str, ...]  # script ids; any of them counts
    start: date
    slots: tuple[Slot, ...]

    @property
    def end(self) -> date:
        return self.slots[-1].last


def make_plan(template: Template, sessions: Sequence[str], start: date, *,
              end: date | None = None, weekdays: Iterable[int] = ()) -> Plan:
    """A plan from a template; CUSTOM needs `end` and `weekdays` (0 = Monday)."""
    if not sessions:
        raise ValueError("a plan needs at least one session")
    if template is Template.WEEKLY_THEN_MONTHLY:
        weekly = [_week(start, n) for n in range(10)]
        boosters = [_week(start, n) for n in (13, 17, 21, 25)]  # weeks 14, 18, 22 and 26
        slots = weekly + boosters
    elif template is Template.WEEKLY_12:
        slots = [_week(start, n) for n in range(12)]
    elif template is Template.DAILY_4_WEEKS:
        slots = [Slot(day, day) for day in _days(start, start + timedelta(days=27))]
    else:
        chosen = set(weekdays)
        if end is None or not chosen:
            raise ValueError("a custom plan needs an end date and at least one weekday")
        if not chosen <= set(range(7)):
            raise ValueError(f"weekdays are 0 (Monday) to 6 (Sunday), not {sorted(chosen)}")
        if end < start:
            raise ValueError("a plan ends on or after its start")
        if (end - start).days > LONGEST_PLAN_DAYS:
            raise ValueError("a plan lasts at most two years")
        # date.fromordinal(1) is a Monday: an ordinal's weekday is (ordinal - 1) % 7, so
        # only the chosen days are made (a clinic overview reads hundreds of plans)
        slots = [Slot(day, day) for day in map(date.fromordinal, (
            n for n in range(start.toordinal(), end.toordinal() + 1) if (n - 1) % 7 in chosen))]
        if not slots:
            raise ValueError("none of the chosen weekdays falls between the start and end")
    return Plan(template, tuple(dict.fromkeys(sessions)), start, tuple(slots))


def _week(start: date, n: int) -> Slot:
    first = start + timedelta(weeks=n)
    return Slot(first, first + timedelta(days=6))


def _days(first: date, last: date) -> list[date]:
    return list(map(date.fromordinal, range(first.toordinal(), last.toordinal() + 1)))


@dataclass(frozen=True, slots=True)
class Practice:
    """A session as adherence sees it: its local day, which script, how far it got."""

    day: date
    script_id: str
    completed: bool
    fraction: float  # steps reached / steps total

    @property
    def counts(self) -> bool:
        return self.completed or self.fraction >= HALFWAY

    @classmethod
    def of(cls, started_at: datetime, script_id: str, completed: bool, step_reached: int,
           steps_total: int) -> Practice:
        """A recorded session as adherence sees it: its local day and how far it got."""
        return cls(started_at.astimezone().date(), script_id, completed,
                   step_reached / steps_total if steps_total else 0.0)


@dataclass(frozen=True, slots=True)
class Adherence:
    done: int  # past and current slots with a practice
    missed: int  # past slots without one
    due_so_far: int  # past slots, and the current one if done
    remaining: int  # slots not yet reached
    current: Slot | None  # the slot holding today
    current_done: bool
    next_slot: Slot | None  # the first slot after today

    @property
    def share(self) -> float | None:
        """Done out of due so far, 0..1; None before anything was due."""
        return None if self.due_so_far == 0 else self.done / self.due_so_far


def adherence(plan: Plan, practices: Iterable[Practice], today: date) -> Adherence:
    """How the plan has gone up to `today`: a slot still open is never counted as missed."""
    return adherence_on_days(
        plan, {p.day for p in practices if p.counts and p.script_id in plan.sessions}, today)


def adherence_on_days(plan: Plan, days_kept: Iterable[date], today: date) -> Adherence:
    """`adherence` from the local days on which a session of the plan counted, for a
    caller that has picked those days out already (the clinic overview does, in SQL).
    Each slot is one bisection into the sorted days, not a scan of them: a year of daily
    slots against a year of practice, for every patient of a clinic, stays quick."""
    days = sorted(set(days_kept))
    done = missed = remaining = 0
    current: Slot | None = None
    current_done = False
    next_slot: Slot | None = None
    count = len(days)
    for slot in plan.slots:
        at = bisect_left(days, slot.first)  # the first day kept on or after the slot's first
        kept = at < count and days[at] <= slot.last
        if slot.last < today:
            done += kept
            missed += not kept
        elif slot.first <= today:
            current, current_done = slot, kept
            done += kept
        else:
            remaining += 1
            next_slot = next_slot or slot
    due = done + missed
    return Adherence(done, missed, due, remaining, current, current_done, next_slot)

