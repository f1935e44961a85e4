"""Clinician mode's costs a person waits for: the PIN check, tailoring a session to a
safety profile, Today for a year of practice, and a year's log file read and merged.

Goals (issue 6, ours): PIN check under 250 ms (scrypt is slow on purpose, but a
clinician waits for it at every entry); tailoring any session under 5 ms; Today under
20 ms for a year of daily practice; a year's log read under 200 ms and merged into a
real record file under 1 s, and again (nothing new) under 500 ms.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from benchmarks.harness import Section

NAME = "clinic"


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def run(quick: bool, workdir: Path) -> Section:
    from selfcare.core.clinician_pin import hash_pin, pin_matches
    from selfcare.core.log_file import LogFile, LoggedSession, read_log_file, write_log_file
    from selfcare.core.plans import Practice, Template, make_plan
    from selfcare.core.safety import Limb, SafetyProfile
    from selfcare.core.tailoring import tailor
    from selfcare.core.today import today
    from selfcare.library import load_library
    from selfcare.store.clinic import SqliteClinicStore
    from selfcare.store.db import open_database

    section = Section(NAME)
    runs = 3 if quick else 11
    stored = hash_pin("4817")
    pin_ms = _median_ms(lambda: pin_matches("4817", stored), runs)
    section.add("clinician PIN check (scrypt)", round(pin_ms, 1), "ms", goal="< 250 ms",
                ok=pin_ms < 250)

    scripts = list(load_library().scripts.values())
    everything = SafetyProfile(pregnancy=True, lymphoedema=frozenset({Limb.ARM_LEFT}),
                               low_platelets=True, bone_metastases=frozenset({"spine"}),
                               neuropathy_feet=True)
    worst = max(_median_ms(lambda s=script: tailor(s, everything), runs * 3)
                for script in scripts)
    section.add("tailor the slowest session to a full profile", round(worst, 2), "ms",
                goal="< 5 ms", ok=worst < 5, note=f"{len(scripts)} sessions")

    start = date(2025, 12, 1)
    plan = make_plan(Template.CUSTOM, ["pmr-short", "imagery-garden"], start,
                     end=start + timedelta(days=365), weekdays=range(7))
    practices = [Practice(start + timedelta(days=n), "pmr-short", True, 1.0)
                 for n in range(0, 365, 1)]
    today_ms = _median_ms(lambda: today(plan, practices, start + timedelta(days=364)),
                          runs * 3)
    section.add("Today for a year of daily practice", round(today_ms, 2), "ms",
                goal="< 20 ms", ok=today_ms < 20)

    begun = datetime(2025, 12, 1, 18, 0, tzinfo=UTC)
    sessions = tuple(LoggedSession(begun + timedelta(days=n), "pmr-short", "completed", 17, 17,
                                   begun + timedelta(days=n, minutes=14), "pmr", "en",
                                   {"pain": 6, "tension": 5}, {"pain": 4, "tension": 3},
                                   None, "felt calmer" if n % 7 == 0 else None)
                     for n in range(365))
    data = write_log_file(LogFile("P-1", begun + timedelta(days=366), sessions))
    read_ms = _median_ms(lambda: read_log_file(data), runs)
    section.add("read a year's log file (365 sessions)", round(read_ms, 1), "ms",
                goal="< 200 ms", ok=read_ms < 200, note=f"{len(data) // 1024} KiB")

    opened = open_database(workdir / "clinic" / "selfcare.db")
    try:
        clinic = SqliteClinicStore(opened.db)
        patient = clinic.add_patient("P-1", "Ana", "en", begun)
        log = read_log_file(data)
        began = time.perf_counter()
        added = clinic.import_log(patient, log)
        first_ms = (time.perf_counter() - began) * 1000
        began = time.perf_counter()
        again = clinic.import_log(patient, log)
        again_ms = (time.perf_counter() - began) * 1000
    finally:
        opened.db.close()
    section.add("merge it into the clinic's record file", round(first_ms, 1), "ms",
                goal="< 1000 ms", ok=first_ms < 1000 and added == 365,
                note=f"{added} sessions added")
    section.add("merge it again (nothing new)", round(again_ms, 1), "ms", goal="< 500 ms",
                ok=again_ms < 500 and again == 0, note=f"{again} added")
    return section
