"""'What helps me' on ten years of daily sessions: how long the core takes to compute it.

Generates 3,650 sessions (one a day, four kinds, nine sessions, some ratings skipped,
pain drifting down slowly) with a fixed seed and times `core.insights.insights` over
several runs. Goal from issue 5: under 50 ms. Pure Python, so this is the figure an old
laptop's single core sees, give or take its clock.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.harness import Section

NAME = "insights"
GOAL_MS = 50.0
DAYS = 3650
SESSIONS = [("pmr", "pmr-short"), ("pmr", "pmr-16-groups"), ("imagery", "imagery-shore"),
            ("imagery", "imagery-garden"), ("acupressure", "acupressure-li4"),
            ("acupressure", "acupressure-relaxing"), ("acupressure", "reflexology-feet"),
            ("breathing", "breathing-slow"), ("imagery", "imagery-safe-place")]


def ten_years() -> list:
    from selfcare.core.insights import RatedSession

    rng = random.Random(2026)
    start = datetime(2016, 1, 4, 18, 0, tzinfo=UTC)
    sessions = []
    for day in range(DAYS):
        kind, script = rng.choice(SESSIONS)
        level = max(0, min(10, round(7 - 3 * day / DAYS + rng.gauss(0, 1.2))))
        before = None if rng.random() < 0.05 else level
        drop = max(0, round(rng.gauss(1.2, 1.0)))
        after = None if rng.random() < 0.08 else max(0, level - drop)
        sessions.append(RatedSession(start + timedelta(days=day), script, kind, before, after))
    return sessions


def run(quick: bool, workdir: Path) -> Section:
    from selfcare.core.insights import insights

    section = Section(NAME)
    sessions = ten_years()
    times = []
    for _ in range(5 if quick else 21):
        began = time.perf_counter()
        result = insights(sessions)
        times.append((time.perf_counter() - began) * 1000)
    median = statistics.median(times)
    section.add("insights, 10 years daily, median", round(median, 1), "ms",
                goal=f"< {GOAL_MS:.0f} ms", ok=median < GOAL_MS,
                note=f"{len(sessions)} sessions, {len(times)} runs, max {max(times):.1f} ms")
    section.details.append(
        f"{len(result.by_kind)} kinds, {len(result.by_session)} sessions, "
        f"{len(result.trend.weeks)} weeks; trend {result.trend.direction.value}")
    return section
