"""The report's content: a year of generated practice, a range of days, and what it says."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest

from selfcare.core.insights import Verdict
from selfcare.core.log_file import LogFile, LoggedSession, LoggedWeek
from selfcare.core.plan_file import PlanFile
from selfcare.core.plans import Template, make_plan
from selfcare.core.report import build_report
from selfcare.core.safety import SafetyProfile
from selfcare.measures_files import load_measures

START = date(2025, 12, 1)  # a Monday
PLAN = PlanFile("P-17", "Ana", "en", make_plan(Template.WEEKLY_THEN_MONTHLY,
                                               ["pmr-short", "imagery-garden"], START),
                (time(18, 0),), SafetyProfile(pregnancy=True), datetime(2025, 12, 1, tzinfo=UTC))


def a_year() -> LogFile:
    """Two sessions most weeks for a year; pain falls about 2 points in each session."""
    rng = random.Random(7)
    sessions, weeks = [], []
    for week in range(52):
        monday = START + timedelta(weeks=week)
        if week not in (3, 4):  # two weeks missed
            for offset in (0, 3):
                at = datetime.combine(monday + timedelta(days=offset), time(18, 0), tzinfo=UTC)
                before = rng.randint(5, 8)
                sessions.append(LoggedSession(
                    at, rng.choice(["pmr-short", "imagery-garden"]), "completed", 10, 10,
                    at + timedelta(minutes=12), "pmr", "en", {"pain": before},
                    {"pain": max(0, before - rng.randint(1, 3))},
                    "mild" if week == 10 and offset == 0 else None,
                    "sore calf" if week == 10 and offset == 0 else None))
        for item in ("average-pain", "enjoyment", "activity"):
            weeks.append(LoggedWeek(monday, "weekly-check", "1", item, rng.randint(3, 7)))
    return LogFile("P-17", datetime(2026, 12, 1, tzinfo=UTC), tuple(sessions), tuple(weeks))


def test_a_quarter_of_a_year_keeps_only_its_days() -> None:
    weekly = load_measures().instruments["weekly-check"]
    report = build_report(a_year(), PLAN, first=START, last=START + timedelta(weeks=13, days=-1),
                          today=date(2026, 12, 1), weekly_check=weekly)
    assert all(START <= row.day < START + timedelta(weeks=13) for row in report.rows)
    assert len(report.rows) == 2 * 11  # 13 weeks, two missed
    assert len(report.weekly) == 13 and report.weekly[0].week_start > report.weekly[-1].week_start
    assert all(score.score is not None for score in report.weekly)


def test_adherence_counts_the_missed_weeks_up_to_the_last_day() -> None:
    report = build_report(a_year(), PLAN, first=START, last=START + timedelta(weeks=13, days=-1),
                          today=date(2026, 12, 1))
    assert report.adherence is not None
    assert (report.adherence.done, report.adherence.missed) == (8, 2)
    assert report.safety == PLAN.safety


def test_what_helps_finds_the_clear_drop_and_soreness_and_notes_are_listed() -> None:
    report = build_report(a_year(), PLAN, first=START, last=date(2026, 11, 30),
                          today=date(2026, 12, 1))
    helps = report.insights.by_kind["pmr"]
    assert helps.verdict is Verdict.LOWER_AFTER
    assert helps.change is not None and helps.change.value < -1
    assert helps.rated == len(report.rows)
    assert [(row.day, row.note) for row in report.notes] == [
        (START + timedelta(weeks=10), "sore calf")]
    assert report.soreness_reported == report.notes


def test_a_backwards_range_is_refused() -> None:
    with pytest.raises(ValueError, match="ends on or after"):
        build_report(a_year(), None, first=date(2026, 2, 1), last=date(2026, 1, 1),
                     today=date(2026, 12, 1))


def test_other_items_are_summarised_before_and_after_with_an_interval() -> None:
    from tests.helpers.year_of_data import a_year as generated

    log = generated(seed=11)
    report = build_report(log, None, first=date(2025, 12, 1), last=date(2026, 11, 30),
                          today=date(2026, 12, 1))
    tension = next(other for other in report.others if other.item == "tension")
    rated = [s for s in log.sessions if "tension" in s.before]
    assert tension.before == len(rated) and tension.after == len(rated)
    assert tension.mean_before == pytest.approx(
        sum(s.before["tension"] for s in rated) / len(rated))
    assert tension.change is not None and tension.change.value < 0
    weeks: dict[date, list[int]] = {}
    for s in rated:
        day = s.started_at.astimezone().date()
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(s.before["tension"])
    assert tension.weekly_before == tuple(
        (monday, pytest.approx(sum(v) / len(v))) for monday, v in sorted(weeks.items()))
    tiredness = next(other for other in report.others if other.item == "tiredness")
    assert tiredness.after == 0 and tiredness.mean_after is None and tiredness.change is None
    assert "pain" not in {other.item for other in report.others}
    assert report.completed == sum(s.status == "completed" for s in log.sessions)


def test_the_safety_in_force_replaces_the_plans_own() -> None:
    marked = SafetyProfile(low_platelets=True)
    report = build_report(a_year(), PLAN, first=START, last=START, today=START, safety=marked)
    assert report.safety == marked
