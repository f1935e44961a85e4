"""A year of a patient's practice, generated: what the reports, exports and the clinic
overview are tested and measured on.

Realistic on purpose: four kinds of session, most days but not all, pain before that
drifts down over the year and falls a little in most sessions, a skipped rating now and
then, an interrupted session, tension and ESAS-r items on some sessions, soreness asked
after acupressure (bruising now and then), notes with accents, and the weekly check
most weeks. The same seed gives the same year.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from selfcare.core.log_file import LogFile, LoggedSession, LoggedWeek
from selfcare.core.plan_file import PlanFile
from selfcare.core.plans import Template, make_plan
from selfcare.core.safety import Limb, SafetyProfile

YEAR_START = date(2025, 12, 1)  # a Monday
YEAR_END = YEAR_START + timedelta(days=364)
SESSIONS = {"pmr-short": "pmr", "imagery-garden": "imagery",
            "acupressure-relaxing-short": "acupressure", "breathing-slow": "breathing"}
DROP = {"pmr": 2, "imagery": 1, "acupressure": 2, "breathing": 0}  # typical fall in a session
NOTES = ("Dormí mejor después", "sore thumb", "a bit dizzy after", "Felt calmer", "")


def a_year(code: str = "P-17", seed: int = 7, start: date = YEAR_START,
           days: int = 365) -> LogFile:
    """`days` of practice from `start`: a session on about five days in seven."""
    rng = random.Random(seed)
    sessions: list[LoggedSession] = []
    weeks: list[LoggedWeek] = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        if day.weekday() == 0 and rng.random() < 0.9:
            for item in ("average-pain", "enjoyment", "activity"):
                weeks.append(LoggedWeek(day, "weekly-check", "1", item,
                                        max(0, min(10, 7 - offset // 90 + rng.randint(-1, 1)))))
        if rng.random() > 5 / 7:
            continue
        script_id = rng.choice(list(SESSIONS))
        kind = SESSIONS[script_id]
        at = datetime.combine(day, time(17, rng.randint(0, 59)), tzinfo=UTC)
        base = max(1, 7 - offset // 100)  # pain drifts down over the year
        before = max(0, min(10, base + rng.randint(-1, 2)))
        after = max(0, before - max(0, DROP[kind] + rng.randint(-1, 1)))
        interrupted = rng.random() < 0.04
        pain_before: int | None = None if rng.random() < 0.03 else before
        pain_after: int | None = None if interrupted or rng.random() < 0.03 else after
        said_before: dict[str, int | None] = {"pain": pain_before}
        said_after: dict[str, int | None] = {"pain": pain_after}
        if rng.random() < 0.3:
            tension = rng.randint(3, 8)
            said_before["tension"] = tension
            said_after["tension"] = max(0, tension - rng.randint(0, 3))
        if rng.random() < 0.1:
            said_before["tiredness"] = rng.randint(2, 8)
        soreness = None
        if kind == "acupressure":
            soreness = rng.choices(["none", "mild", "more", "skipped"], [80, 12, 2, 6])[0]
        note = rng.choice(NOTES) if rng.random() < 0.05 else None
        sessions.append(LoggedSession(
            at, script_id, "interrupted" if interrupted else "completed",
            rng.randint(3, 8) if interrupted else 12, 12, at + timedelta(minutes=14), kind,
            "es" if seed % 3 == 0 else "en", said_before, said_after, soreness, note or None))
    saved = datetime.combine(start + timedelta(days=days), time(9), tzinfo=UTC)
    return LogFile(code, saved, tuple(sessions), tuple(weeks))


def a_plan(code: str = "P-17", name: str = "Ana", lang: str = "en",
           start: date = YEAR_START) -> PlanFile:
    """Practice on chosen weekdays for the whole year, with two safety settings marked."""
    plan = make_plan(Template.CUSTOM, list(SESSIONS), start, end=start + timedelta(days=364),
                     weekdays=[0, 2, 4])
    safety = SafetyProfile(lymphoedema=frozenset({Limb.ARM_LEFT}), low_platelets=True,
                           note="Port in right chest")
    return PlanFile(code, name, lang, plan, (time(18, 0),), safety,
                    datetime.combine(start, time(9), tzinfo=UTC), plan.end, (0, 2, 4))


def fill_clinic(data_dir: Path, patients: int, days: int = 365) -> list[str]:
    """A clinic's record file in `data_dir` with `patients` patients, each with a plan, its
    safety settings and `days` of practice; returns their codes."""
    import dataclasses

    from selfcare.core.clock import SystemClock
    from selfcare.session_setup import open_store
    from selfcare.store.clinic import SqliteClinicStore
    from selfcare.store.plans import SqlitePlanStore

    opened = open_store(data_dir, SystemClock())
    try:
        clinic = SqliteClinicStore(opened.db)
        plans = SqlitePlanStore(opened.db)
        codes = []
        for number in range(patients):
            code = f"P-{number + 1:04d}"
            lang = "es" if number % 3 == 0 else "en"
            person = clinic.add_patient(code, f"Patient {number + 1}", lang,
                                        datetime.combine(YEAR_START, time(9), tzinfo=UTC))
            plan = a_plan(code, f"Patient {number + 1}", lang)
            clinic.set_safety(person, plan.safety)
            plans.assign(person, dataclasses.replace(plan, safety=SafetyProfile()),
                         plan.saved_at)
            clinic.import_log(person, a_year(code, seed=number, days=days))
            codes.append(code)
        return codes
    finally:
        opened.close()
