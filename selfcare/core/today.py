"""What a person with a plan sees first: what is due, what is done, what was missed, and
which session to do next.

Computed from the plan and the sessions done (`plans.adherence`), for a local calendar
day. The suggestion rotates through the plan's sessions: one never done comes first (in
the plan's order), then the one done longest ago, so a plan of several sessions is
practised evenly without the person having to choose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from selfcare.core.plans import Adherence, Plan, Practice, Slot, adherence


@dataclass(frozen=True, slots=True)
class Today:
    plan: Plan
    adherence: Adherence
    next_session: str  # the script id suggested now
    done_today: int  # sessions of the plan that count, done today
    finished: bool  # every slot is behind us

    @property
    def due_now(self) -> bool:
        """A practice is due in the slot holding today and has not been done."""
        return self.adherence.current is not None and not self.adherence.current_done

    @property
    def slot(self) -> Slot | None:
        """The slot holding today, else the next one."""
        return self.adherence.current or self.adherence.next_slot


def today(plan: Plan, practices: Sequence[Practice], day: date) -> Today:
    kept = adherence(plan, practices, day)
    done_today = sum(1 for p in practices
                     if p.day == day and p.counts and p.script_id in plan.sessions)
    finished = kept.current is None and kept.next_slot is None
    return Today(plan, kept, suggest_session(plan, practices), done_today, finished)


def suggest_session(plan: Plan, practices: Sequence[Practice]) -> str:
    """The plan's session never done yet, else the one done longest ago."""
    last_done: dict[str, date] = {}
    for practice in practices:
        if practice.counts and practice.script_id in plan.sessions:
            previous = last_done.get(practice.script_id)
            if previous is None or practice.day > previous:
                last_done[practice.script_id] = practice.day
    for script_id in plan.sessions:
        if script_id not in last_done:
            return script_id
    return min(plan.sessions, key=lambda script_id: (last_done[script_id],
                                                     plan.sessions.index(script_id)))


def reminder_due(reminders: Sequence[time], now: datetime, last_check: datetime,
                 view: Today) -> time | None:
    """The reminder time passed since `last_check` (local, naive or aware alike) while
    a practice is still due today, or None: a reminder never nags about a done slot."""
    if not view.due_now or now <= last_check:
        return None
    for moment in sorted(reminders):
        at = datetime.combine(now.date(), moment, tzinfo=now.tzinfo)
        if last_check < at <= now:
            return moment
    return None
