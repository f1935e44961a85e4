"""The clinic overview for a clinic of 500 patients with a year of practice each.

The clinic is a real record file made by `tests.helpers.year_of_data.fill_clinic`: 500
patients, each with a plan on chosen weekdays for the year, safety settings, and a
generated year of sessions (about 130,000 sessions and 350,000 ratings, 78 MiB). It is
built once into the work folder and reused while the file is there at the size it was
built at (`clinic_dir`), so further measurements on the same clinic (one patient's
report, say) can be added to this section without building it again. Quick runs use the
same clinic: building it takes about 10 s.

`store.overview` is timed three ways, on the last day of the year:

* **first open**: the record file opened, the overview read, the file closed: what a
  clinician waits for the first time the overview is shown;
* **shown again**: the same open file and the same `ClinicOverview`, as when the
  clinician comes back to the list (SQLite's cache is warm and the plans already read);
* `clinic_overview(db, today)` on the open file, for information: warm, but every plan
  file read again.

Goal from issue 7: the overview list ready in under 300 ms (median).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.harness import Section

NAME = "clinic_overview"
GOAL_MS = 300.0
PATIENTS = 500
DAYS = 365
RUNS_QUICK = 5
RUNS_FULL = 15
BUILT = "built.json"  # beside the record file: what was built, its size, how long it took


def clinic_dir(workdir: Path, quick: bool) -> Path:
    """The data folder of the 500-patient clinic (its record file is `selfcare.db`),
    built there unless it already is. `quick` makes the same clinic."""
    folder = workdir / f"clinic-{PATIENTS}x{DAYS}"
    record, marker = folder / "selfcare.db", folder / BUILT
    built = built_clinic(folder)
    if built is not None and record.is_file() and built["bytes"] == record.stat().st_size:
        return folder
    from tests.helpers.year_of_data import fill_clinic

    for stale in (record, marker):
        stale.unlink(missing_ok=True)
    began = time.perf_counter()
    fill_clinic(folder, PATIENTS, DAYS)
    seconds = time.perf_counter() - began
    marker.write_text(json.dumps({"patients": PATIENTS, "days": DAYS, "seconds": seconds,
                                  "bytes": record.stat().st_size}), encoding="utf-8")
    return folder


def built_clinic(folder: Path) -> dict[str, Any] | None:
    """What `clinic_dir` built in `folder`, if it is this clinic."""
    try:
        built = json.loads((folder / BUILT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    same = isinstance(built, dict) and (built.get("patients"), built.get("days")) == (
        PATIENTS, DAYS)
    return built if same else None


def _median_ms(action: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), times


def run(quick: bool, workdir: Path) -> Section:
    from sqlite_utils import Database

    from selfcare.core.overview import OverviewRow
    from selfcare.store.overview import ClinicOverview, clinic_overview
    from tests.helpers.year_of_data import YEAR_END

    section = Section(NAME)
    began = time.perf_counter()
    folder = clinic_dir(workdir, quick)
    waited = time.perf_counter() - began
    record = folder / "selfcare.db"
    runs = RUNS_QUICK if quick else RUNS_FULL
    goal = f"< {GOAL_MS:.0f} ms"
    rows: list[OverviewRow] = []

    def first_open() -> None:
        nonlocal rows
        db = Database(record, execute_plugins=False)
        try:
            rows = ClinicOverview(db).rows(YEAR_END)
        finally:
            db.close()

    first_ms, first_times = _median_ms(first_open, runs)
    section.add("overview, first open", round(first_ms, 1), "ms", goal=goal,
                ok=first_ms < GOAL_MS,
                note=f"{PATIENTS} patients x {DAYS} days, {record.stat().st_size / 2**20:.0f} "
                     f"MiB; open, read, close; {runs} runs, max {max(first_times):.0f} ms")
    db = Database(record, execute_plugins=False)
    try:
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        overview = ClinicOverview(db)
        overview.rows(YEAR_END)
        db.conn.set_trace_callback(None)
        again_ms, again_times = _median_ms(lambda: overview.rows(YEAR_END), runs)
        fresh_ms, fresh_times = _median_ms(lambda: clinic_overview(db, YEAR_END), runs)
    finally:
        db.close()
    section.add("overview, shown again", round(again_ms, 1), "ms", goal=goal,
                ok=again_ms < GOAL_MS,
                note=f"the same ClinicOverview; max {max(again_times):.0f} ms")
    section.add("clinic_overview() on the open file", round(fresh_ms, 1), "ms",
                note=f"warm, every plan file read again; max {max(fresh_times):.0f} ms")
    section.add("SQL statements per overview", len(statements),
                note="the same for any number of patients")
    built = built_clinic(folder) or {}
    section.details.append(
        f"clinic built by fill_clinic in {built.get('seconds', waited):.1f} s"
        + (" (reused)" if waited < 1 else ""))
    section.details.append(_summary(rows))
    section.data.update(first_open_ms=first_times, shown_again_ms=again_times,
                        clinic_overview_ms=fresh_times)
    return section


def _summary(rows: list[Any]) -> str:
    planned = [row.adherence for row in rows if row.adherence is not None]
    shares = [kept.share for kept in planned if kept.share is not None]
    directions = Counter(row.recent.direction.value for row in rows)
    return (f"{len(rows)} rows, {len(planned)} with a plan (adherence median "
            f"{statistics.median(shares) if shares else 0:.0%}); pain over four weeks: "
            + ", ".join(f"{name} {count}" for name, count in sorted(directions.items())))


if __name__ == "__main__":
    from benchmarks.run import main

    raise SystemExit(main(["--only", NAME, *sys.argv[1:]]))
