"""The history page on ten years of daily sessions: from `set_records` to the chart drawn.

Generates 3,650 session records (one a day up to today, four kinds, nine sessions, some
ratings skipped, some sessions stopped early) with a fixed seed. A child process
(offscreen Qt) shows a real `HistoryPage` at 1040 x 760 and times `set_records(records)`
until the chart's viewport has had a real paint event from the event loop, which
includes insights, the table model, the chart's arrays and the first paint of the
whole page. Measured four ways: the page's first visit (the chart is made then) and a
later visit (the chart is reused), each with the default range (3 months) and "All".
Goal from issue 5: under 150 ms (median). Also reported, without a goal: the very
first visit in a process, which imports pyqtgraph, and switching the range to "All".
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.harness import Section, offscreen_child

NAME = "history_page"
GOAL_MS = 150.0
DAYS = 3650
RUNS_QUICK = 5
RUNS_FULL = 15
TIMEOUT_S = 300.0
SESSIONS = [("pmr", "pmr-short", "Short muscle relaxation"),
            ("pmr", "pmr-16-groups", "Muscle relaxation, sixteen groups"),
            ("imagery", "imagery-shore", "A walk on the shore"),
            ("imagery", "imagery-garden", "A quiet garden"),
            ("acupressure", "acupressure-li4", "Hand point LI4 for pain"),
            ("acupressure", "acupressure-relaxing", "Relaxing points"),
            ("acupressure", "reflexology-feet", "Foot reflexology"),
            ("breathing", "breathing-slow", "Slow, easy breathing"),
            ("imagery", "imagery-safe-place", "A safe place")]


def ten_years(days: int = DAYS, seed: int = 2026) -> list[Any]:
    """Daily records up to today, newest first, as the store's `history()` returns them."""
    from selfcare.store.sessions import SessionRecord, SessionStatus

    rng = random.Random(seed)
    today = datetime.now(UTC).replace(hour=17, minute=30, second=0, microsecond=0)
    records = []
    for day in range(days):
        kind, script, title = rng.choice(SESSIONS)
        level = max(0, min(10, round(7 - 3 * day / days + rng.gauss(0, 1.2))))
        pre = None if rng.random() < 0.05 else level
        post = None if rng.random() < 0.08 else max(0, level - max(0, round(rng.gauss(1.2, 1))))
        stopped = rng.random() < 0.1
        started = today - timedelta(days=days - 1 - day)
        records.append(SessionRecord(
            day + 1, script, title, kind, "en", started, started + timedelta(minutes=14),
            SessionStatus.INTERRUPTED if stopped else SessionStatus.COMPLETED,
            4 if stopped else 12, 12, "device", pre, post, pre is None, post is None))
    return records[::-1]


# -- the child: a real page in an offscreen Qt ------------------------------------------


def measure(runs: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benchmarks.paint_watch import Painted
    from selfcare.ui.pages.history_page import ALL, HistoryPage
    from selfcare.ui.style import apply_style

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_style(app)
    records = ten_years()

    def until_drawn(page: HistoryPage, began: float, action: Any) -> float:
        action()
        assert page.chart is not None
        painted = Painted()
        page.chart.plot.viewport().installEventFilter(painted)
        while not painted.seen:
            app.processEvents()
            if time.perf_counter() - began > 5:
                raise RuntimeError("the chart was never painted")
        elapsed = (time.perf_counter() - began) * 1000
        page.chart.plot.viewport().removeEventFilter(painted)
        return elapsed

    def shown_page(chosen: str | None = None) -> HistoryPage:
        page = HistoryPage()
        page.resize(1040, 760)
        page.show()
        if chosen:
            page.choose_range(chosen)
        for _ in range(5):
            app.processEvents()
        return page

    def visit(page: HistoryPage) -> float:
        began = time.perf_counter()
        return until_drawn(page, began, lambda: page.set_records(records))

    def done(page: HistoryPage) -> None:
        page.close()
        page.deleteLater()
        app.processEvents()

    page = shown_page()
    imported_before = "pyqtgraph" in sys.modules
    results: dict[str, Any] = {"cold": visit(page), "imported_before": imported_before,
                               "shown": page.table.model().rowCount()}
    done(page)
    for key, chosen in (("first", None), ("first_all", ALL)):
        times = []
        for _ in range(runs):
            page = shown_page(chosen)
            times.append(visit(page))
            done(page)
        results[key] = times
    page = shown_page()
    visit(page)
    results["again"] = [visit(page) for _ in range(runs)]
    switches = []
    for _ in range(runs):
        page.choose_range("3-months")
        app.processEvents()
        began = time.perf_counter()
        switches.append(until_drawn(page, began, lambda: page.choose_range(ALL)))
    results["switch_all"] = switches
    results["again_all"] = [visit(page) for _ in range(runs)]
    results["records"] = len(records)
    done(page)
    return results


# -- the parent: figures ------------------------------------------------------------------


def run(quick: bool, workdir: Path) -> Section:
    section = Section(NAME)
    runs = RUNS_QUICK if quick else RUNS_FULL
    results = offscreen_child("benchmarks.history_page", ["--runs", str(runs)], TIMEOUT_S,
                              "the history page benchmark")
    section.data = results
    for key, name in (("first", "first visit, 3 months (default)"),
                      ("first_all", "first visit, All"),
                      ("again", "later visit, 3 months (default)"),
                      ("again_all", "later visit, All")):
        times = results[key]
        median = statistics.median(times)
        section.add(f"{name}, median", round(median, 1), "ms", goal=f"< {GOAL_MS:.0f} ms",
                    ok=median < GOAL_MS, note=f"{len(times)} runs, max {max(times):.1f} ms")
    switch = results["switch_all"]
    section.add("switch 3 months -> All, median", round(statistics.median(switch), 1), "ms",
                note=f"{len(switch)} runs, max {max(switch):.1f} ms")
    section.add("very first visit (imports pyqtgraph)", round(results["cold"], 1), "ms",
                note="once per process")
    if results["imported_before"]:
        section.details.append("pyqtgraph was imported before the first visit: a start-up leak")
    section.details.append(
        f"{results['records']} sessions; the default range shows {results['shown']} of them")
    return section


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.history_page")
    parser.add_argument("--runs", type=int, default=RUNS_QUICK)
    args = parser.parse_args()
    print(json.dumps(measure(args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
