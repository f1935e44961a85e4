"""`python -m benchmarks.run [--quick] [--json FILE]`: every benchmark, one table of figures.

Each benchmark runs in a fresh temporary folder (its own --data-dir, capture
files, logs), removed afterwards unless --keep is given. A benchmark that cannot
run says why in one line and the others still run; the exit code is 1 then.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import (
    audio_assets,
    clinic,
    clinic_overview,
    cue_timing,
    history_page,
    insights,
    overview_screen,
    report_pdf,
    session_load,
    startup,
)
from benchmarks.harness import BenchmarkError, Section, load_average, selfcare_command

Benchmark = Callable[[bool, Path], Section]
BENCHMARKS: dict[str, tuple[Benchmark, str, str]] = {
    # name: (function, quick duration, full duration)
    cue_timing.NAME: (cue_timing.run, "~35 s", "~75 s"),
    startup.NAME: (startup.run, "~10 s", "~15 s"),
    session_load.NAME: (session_load.run, "~45 s", "~2 min"),
    audio_assets.NAME: (audio_assets.run, "~30 s", "~2 min"),
    insights.NAME: (insights.run, "~1 s", "~2 s"),
    history_page.NAME: (history_page.run, "~5 s", "~10 s"),
    clinic.NAME: (clinic.run, "~3 s", "~6 s"),
    clinic_overview.NAME: (clinic_overview.run, "~20 s", "~30 s"),
    report_pdf.NAME: (report_pdf.run, "~10 s", "~20 s"),
    overview_screen.NAME: (overview_screen.run, "~15 s", "~30 s"),
}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    names = args.only or list(BENCHMARKS)
    workdir = Path(tempfile.mkdtemp(prefix="selfcare-bench-"))
    print(f"Selfcare benchmarks ({'quick' if args.quick else 'full'} run): "
          f"{' '.join(selfcare_command())}")
    print(f"python {platform.python_version()} on {platform.platform()}; "
          f"load {load_average()}\n", flush=True)
    sections: list[Section] = []
    began = time.perf_counter()
    try:
        for name in names:
            sections.append(run_one(name, args.quick, workdir / name, args.verbose))
            print_section(sections[-1])
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    finally:
        if args.keep:
            print(f"work files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    total = time.perf_counter() - began
    print_summary(sections, total)
    if args.json:
        write_json(Path(args.json), sections, args.quick, total)
    return 1 if any(s.error for s in sections) else 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="CI-sized runs: shorter sessions, fewer start-ups (~3 min)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--only", action="append", choices=list(BENCHMARKS), metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}")
    parser.add_argument("--keep", action="store_true",
                        help="keep the work folder (captures, renders, logs) for inspection")
    parser.add_argument("--verbose", action="store_true",
                        help="show the traceback of an unexpected failure")
    return parser.parse_args(argv)


def run_one(name: str, quick: bool, workdir: Path, verbose: bool) -> Section:
    function, quick_time, full_time = BENCHMARKS[name]
    print(f"== {name} (takes {quick_time if quick else full_time}) ...", flush=True)
    workdir.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    try:
        section = function(quick, workdir)
    except BenchmarkError as exc:
        section = Section(name, error=str(exc))
    except Exception as exc:  # one broken benchmark must not hide the others
        section = Section(name, error=f"unexpected {type(exc).__name__}: {exc} "
                                      "(run with --verbose for the traceback)")
        if verbose:
            traceback.print_exc()
    section.seconds = time.perf_counter() - began
    return section


def status(ok: bool | None) -> str:
    return {True: "ok", False: "MISSED", None: ""}[ok]


def table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def print_section(section: Section) -> None:
    if section.error:
        print(f"   could not run: {section.error}  [{section.seconds:.1f} s]\n", flush=True)
        return
    rows = [["figure", "value", "goal", "status", "note"]]
    rows += [[f.name, f.shown(), f.goal, status(f.ok), f.note] for f in section.figures]
    for line in table(rows):
        print(f"   {line}")
    for line in section.details:
        print(f"   . {line}")
    print(f"   [{section.name} took {section.seconds:.1f} s]\n", flush=True)


def print_summary(sections: list[Section], total: float) -> None:
    rows = [["benchmark", "figure", "value", "goal", "status"]]
    for section in sections:
        if section.error:
            rows.append([section.name, "(could not run)", "-", "", "ERROR"])
            continue
        rows += [[section.name, f.name, f.shown(), f.goal, status(f.ok)]
                 for f in section.figures if f.goal]
    print("== summary: figures with a goal")
    for line in table(rows):
        print(f"   {line}")
    took = ", ".join(f"{s.name} {s.seconds:.0f} s" for s in sections)
    missed = sum(1 for s in sections for f in s.figures if f.ok is False)
    errors = sum(1 for s in sections if s.error)
    print(f"   time: {took}; total {total:.0f} s.  goals missed: {missed}; "
          f"benchmarks that could not run: {errors}")


def write_json(path: Path, sections: list[Section], quick: bool, total: float) -> None:
    report = {
        "quick": quick,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "seconds": round(total, 1),
        "benchmarks": [
            {"name": s.name, "seconds": round(s.seconds, 1), "error": s.error,
             "figures": [f.__dict__ for f in s.figures], "details": s.details, "data": s.data}
            for s in sections
        ],
    }
    try:
        path.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    except OSError as exc:
        print(f"cannot write {path}: {exc}", file=sys.stderr)
    else:
        print(f"   results written to {path}")


if __name__ == "__main__":
    raise SystemExit(main())
