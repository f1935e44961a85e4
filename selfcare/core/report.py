"""What a clinician's one-page report says, for one person and a range of days.

Pure content, no layout: the PDF (and any on-screen view) draws these figures. Built
from the same `LogFile` and `PlanFile` that travel between home and clinic, so a report
made at the clinic from an imported log says what the patient's own computer would.
Dates are local calendar days, both ends included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from selfcare.core.insights import Insights, RatedSession, insights
from selfcare.core.log_file import LogFile, LoggedSession
from selfcare.core.measures import Instrument, WeekScore, week_scores
from selfcare.core.plan_file import PlanFile
from selfcare.core.plans import Adherence, Practice, adherence
from selfcare.core.safety import SafetyProfile
from selfcare.core.statistics import Estimate, mean_with_interval


@dataclass(frozen=True, slots=True)
class SessionRow:
    day: date
    script_id: str
    kind: str | None
    completed: bool
    before: int | None  # pain; None when skipped or not asked
    after: int | None
    soreness: str | None  # "none", "mild", "more", "skipped"; None when not asked
    note: str | None


@dataclass(frozen=True, slots=True)
class OtherRating:
    """A 0-10 item other than pain (tension, an ESAS-r item) over the range's sessions."""

    item: str
    before: int  # sessions rated before
    after: int  # sessions rated after
    mean_before: float | None
    mean_after: float | None
    change: Estimate | None  # after - before over sessions rated both times
    weekly_before: tuple[tuple[date, float], ...] = ()  # (Monday, mean before), oldest first


@dataclass(frozen=True, slots=True)
class Report:
    patient_code: str
    first: date
    last: date
    rows: tuple[SessionRow, ...]  # oldest first
    insights: Insights
    weekly: tuple[WeekScore, ...]  # newest week first
    plan: PlanFile | None
    adherence: Adherence | None  # up to the report's last day (or today, if earlier)
    safety: SafetyProfile | None
    others: tuple[OtherRating, ...] = ()  # by item name

    @property
    def completed(self) -> int:
        return sum(row.completed for row in self.rows)

    @property
    def soreness_reported(self) -> tuple[SessionRow, ...]:
        """Sessions after which soreness or bruising was reported (a safety signal)."""
        return tuple(row for row in self.rows if row.soreness in ("mild", "more"))

    @property
    def notes(self) -> tuple[SessionRow, ...]:
        return tuple(row for row in self.rows if row.note)


def build_report(log: LogFile, plan: PlanFile | None, *, first: date, last: date,
                 today: date, weekly_check: Instrument | None = None,
                 safety: SafetyProfile | None = None) -> Report:
    """The report of `log` from `first` to `last`; ValueError when the range is backwards.
    `safety` is what is in force now (a clinic patient's own); by default the plan's."""
    if last < first:
        raise ValueError(f"a report ends on or after its first day, not {last} < {first}")
    every = sorted(log.sessions, key=lambda s: s.started_at)
    chosen = [s for s in every if first <= _day(s) <= last]
    rows = tuple(_row(s) for s in chosen)
    rated = [RatedSession(s.started_at, s.script_id, s.kind or "", s.before.get("pain"),
                          s.after.get("pain")) for s in chosen]
    weeks: Sequence[WeekScore] = ()
    if weekly_check is not None:
        weeks = week_scores(weekly_check, [
            (w.week_start, w.item, w.value) for w in log.weekly
            if w.instrument == weekly_check.id and first <= w.week_start <= last])
    kept = None
    if plan is not None:
        practices = [Practice.of(s.started_at, s.script_id, s.status == "completed",
                                 s.step_reached, s.steps_total)
                     for s in every if _day(s) <= last]
        kept = adherence(plan.plan, practices, min(today, last))
    return Report(log.patient_code, first, last, rows, insights(rated), tuple(weeks), plan,
                  kept, safety or (None if plan is None else plan.safety), _others(chosen))


def _others(sessions: Sequence[LoggedSession]) -> tuple[OtherRating, ...]:
    items = sorted({item for s in sessions for item in (*s.before, *s.after)} - {"pain"})
    return tuple(_other(item, sessions) for item in items)


def _other(item: str, sessions: Sequence[LoggedSession]) -> OtherRating:
    before = [v for s in sessions if (v := s.before.get(item)) is not None]
    after = [v for s in sessions if (v := s.after.get(item)) is not None]
    pairs = [float(a - b) for s in sessions
             if (b := s.before.get(item)) is not None and (a := s.after.get(item)) is not None]
    weeks: dict[date, list[int]] = {}
    for s in sessions:
        if (value := s.before.get(item)) is not None:
            day = _day(s)
            weeks.setdefault(day - timedelta(days=day.weekday()), []).append(value)
    return OtherRating(item, len(before), len(after),
                       sum(before) / len(before) if before else None,
                       sum(after) / len(after) if after else None,
                       mean_with_interval(pairs) if pairs else None,
                       tuple((monday, sum(v) / len(v)) for monday, v in sorted(weeks.items())))


def _day(session: LoggedSession) -> date:
    return session.started_at.astimezone().date()


def _row(session: LoggedSession) -> SessionRow:
    return SessionRow(_day(session), session.script_id, session.kind,
                      session.status == "completed", session.before.get("pain"),
                      session.after.get("pain"), session.soreness, session.note)
