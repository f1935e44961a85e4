"""What a clinician's one-page report says, for one person and a range of days.

Pure content, no layout: the PDF (and any on-screen view) draws these figures. Built
from the same `LogFile` and `PlanFile` that travel between home and clinic, so a report
made at the clinic from an imported log says what the patient's own computer would.
Dates are local calendar days, both ends included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from selfcare.core.insights import Insights, RatedSession, insights
from selfcare.core.log_file import LogFile, LoggedSession
from selfcare.core.measures import Instrument, WeekScore, week_scores
from selfcare.core.plan_file import PlanFile
from selfcare.core.plans import Adherence, Practice, adherence
from selfcare.core.safety import SafetyProfile


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

    @property
    def soreness_reported(self) -> tuple[SessionRow, ...]:
        """Sessions after which soreness or bruising was reported (a safety signal)."""
        return tuple(row for row in self.rows if row.soreness in ("mild", "more"))

    @property
    def notes(self) -> tuple[SessionRow, ...]:
        return tuple(row for row in self.rows if row.note)


def build_report(log: LogFile, plan: PlanFile | None, *, first: date, last: date,
                 today: date, weekly_check: Instrument | None = None) -> Report:
    """The report of `log` from `first` to `last`; ValueError when the range is backwards."""
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
                  kept, None if plan is None else plan.safety)


def _day(session: LoggedSession) -> date:
    return session.started_at.astimezone().date()


def _row(session: LoggedSession) -> SessionRow:
    return SessionRow(_day(session), session.script_id, session.kind,
                      session.status == "completed", session.before.get("pain"),
                      session.after.get("pain"), session.soreness, session.note)
