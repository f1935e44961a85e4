"""Session records as the store's `history()` returns them, made up for history tests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from selfcare.store.sessions import SessionRecord, SessionStatus

TITLES = {"imagery": "A walk on the shore", "pmr": "Short muscle relaxation",
          "acupressure": "Hand point LI4", "breathing": "Slow, easy breathing"}


def record(days_ago: int, kind: str | None = "pmr", pre: int | None = 6,
           post: int | None = 4, *, status: str = "completed", script_id: str | None = None,
           hour: int = 11, number: int = 1) -> SessionRecord:
    """One session `days_ago` days before today, at `hour` local time."""
    started = datetime.combine(date.today() - timedelta(days=days_ago), time(hour)).astimezone()
    return SessionRecord(
        id=number, script_id=script_id or f"{kind}-one", title=TITLES.get(kind or "", "Other"),
        kind=kind, lang="en", started_at=started, ended_at=started + timedelta(minutes=12),
        status=SessionStatus(status), step_reached=12 if status == "completed" else 4,
        steps_total=12, audio="device", pre=pre, post=post, pre_skipped=pre is None,
        post_skipped=post is None)


def newest_first(records: list[SessionRecord]) -> list[SessionRecord]:
    return sorted(records, key=lambda r: r.started_at, reverse=True)


def changes(kind: str, pairs: list[tuple[int, int]], first_day: int = 1) -> list[SessionRecord]:
    """One session a day of `kind` with the given (before, after) ratings."""
    return [record(first_day + n, kind, before, after, number=n + 1)
            for n, (before, after) in enumerate(pairs)]
