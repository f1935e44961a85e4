"""Making the log file from this computer's records: one person's sessions and answers.

The counterpart of `SqliteClinicStore.import_log`: what one writes, the other merges.
Only closed sessions go in (a running one has no ending yet), from `since` on.
"""

from __future__ import annotations

from datetime import date, datetime

from selfcare.core.log_file import LogFile, LoggedSession, LoggedWeek
from selfcare.store.answers import SqliteAnswerStore
from selfcare.store.sessions import SessionStatus, SqliteSessionStore


def log_from_store(sessions: SqliteSessionStore, answers: SqliteAnswerStore, *,
                   patient_code: str, saved_at: datetime, since: date | None = None,
                   patient_id: int | None = None) -> LogFile:
    """The person's closed sessions started on or after `since` (local day), oldest first."""
    others = sessions.other_ratings(patient_id)
    notes = answers.after_notes(patient_id)
    logged = []
    for record in sorted(sessions.history(patient_id=patient_id), key=lambda r: r.started_at):
        if record.status is SessionStatus.RUNNING:
            continue
        if since is not None and record.started_at.astimezone().date() < since:
            continue
        before: dict[str, int | None] = {}
        after: dict[str, int | None] = {}
        if record.pre is not None or record.pre_skipped:
            before["pain"] = record.pre
        if record.post is not None or record.post_skipped:
            after["pain"] = record.post
        for (moment, item), value in sorted(others.get(record.id, {}).items()):
            (before if moment == "pre" else after)[item] = value
        said = notes.get(record.id)
        soreness = None
        if said is not None and said.soreness_asked:
            soreness = "skipped" if said.soreness is None else said.soreness.value
        logged.append(LoggedSession(
            record.started_at, record.script_id, record.status.value, record.step_reached,
            record.steps_total, record.ended_at, record.kind, record.lang, before, after,
            soreness, None if said is None else said.note))
    weekly = tuple(LoggedWeek(a.week_start, a.instrument, a.instrument_version, a.item, a.value)
                   for a in answers.weekly_answers(person=patient_id)
                   if since is None or a.week_start >= since)
    return LogFile(patient_code, saved_at, tuple(logged), weekly)
