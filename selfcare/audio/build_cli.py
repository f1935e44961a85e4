"""Build commands: `selfcare narrate` and `selfcare synth-sounds` (developer tools).

They need the development extras (pyloudnorm, scipy) and, for narration, the
offline TTS programs festival (+ festvox-us-slt-hts) and espeak-ng.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from selfcare.core.scripts import SessionScript

EXIT_OK = 0
EXIT_PROBLEM = 1


def register(commands: Any) -> None:
    narrate = commands.add_parser(
        "narrate", help="build narration clips with offline TTS (developer tool)")
    narrate.add_argument("ids", nargs="*", metavar="ID-or-PATH",
                         help="sessions to narrate (default: every built-in session)")
    narrate.add_argument("--lang", action="append", metavar="LANG",
                         help="only this language (repeatable; default: every language "
                         "of each session)")
    narrate.add_argument("--force", action="store_true",
                         help="rebuild clips even when their words have not changed")
    narrate.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                         help="clips synthesised at once (default: one per CPU)")
    narrate.set_defaults(run=run_narrate)
    sounds = commands.add_parser(
        "synth-sounds", help="synthesise the ambience and cue sounds (developer tool)")
    sounds.set_defaults(run=run_synth_sounds)


def _fail(message: str) -> int:
    print(f"selfcare: {message}", file=sys.stderr)
    return EXIT_PROBLEM


def _scripts(ids: list[str]) -> list[SessionScript]:
    from selfcare import library, paths  # loaded only when the command runs
    from selfcare.core.problems import errors_in

    if not ids:
        loaded = library.load_library()
        broken = errors_in(loaded.problems)
        if broken:
            raise ValueError(f"{broken[0]} (and {len(broken) - 1} more error(s); "
                             "run `selfcare validate`)" if len(broken) > 1 else str(broken[0]))
        if not loaded.scripts:
            raise ValueError(f"no session scripts in {paths.scripts_dir()}")
        return loaded.sorted_scripts()
    scripts = []
    for given in ids:
        result = library.resolve_script(given)
        if result.script is None:
            errors = errors_in(result.problems) or result.problems
            raise ValueError(str(errors[0]) if errors else f"{given}: cannot be loaded")
        scripts.append(result.script)
    return scripts


def run_narrate(args: argparse.Namespace) -> int:
    from selfcare.audio import narration

    try:
        scripts = _scripts(list(args.ids))
    except ValueError as exc:
        return _fail(str(exc))
    wanted_langs: list[str] | None = args.lang
    for lang in wanted_langs or []:
        if lang not in narration.VOICES:
            return _fail(f"no offline voice for language '{lang}' "
                         f"(have: {', '.join(sorted(narration.VOICES))})")
    missing = [name for name, found in narration.engines_available().items() if not found]
    if missing:
        return _fail(f"not installed: {', '.join(missing)} "
                     "(Debian: apt-get install festival festvox-us-slt-hts espeak-ng)")

    def show(clip: narration.ClipReport) -> None:
        state = "built" if clip.built else "kept "
        print(f"{clip.script_id:<28} {clip.lang}  {clip.number:03d}  {state}  "
              f"{clip.seconds:7.2f} s  {clip.lufs:7.2f} LUFS  {clip.true_peak_dbtp:6.2f} dBTP",
              flush=True)

    reports: list[narration.ClipReport] = []
    removed = 0
    try:
        for script in scripts:
            for lang in script.languages:
                if wanted_langs and lang not in wanted_langs:
                    continue
                result = narration.build_narration(script, lang, force=args.force,
                                                   jobs=args.jobs, progress=show)
                reports.extend(result.clips)
                for path in result.removed:
                    print(f"removed {path}")
                removed += len(result.removed)
    except narration.NarrationError as exc:
        return _fail(str(exc))
    if not args.ids:
        known = {script.id for script in scripts}
        for lang, script_id, folder in narration.narration_folders():
            if script_id not in known:
                print(f"note: {folder} belongs to no built-in session ({lang}); left in place")
    print(_summary(reports, removed))
    return EXIT_OK


def _summary(reports: list[Any], removed: int) -> str:
    if not reports:
        return f"no clips (removed {removed})"
    built = sum(1 for r in reports if r.built)
    seconds = sum(r.seconds for r in reports)
    lufs = [r.lufs for r in reports]
    peaks = [r.true_peak_dbtp for r in reports]
    return (f"total: {len(reports)} clip(s), {built} built, {len(reports) - built} kept, "
            f"{removed} removed; {seconds / 60:.1f} min; "
            f"{min(lufs):.2f} to {max(lufs):.2f} LUFS; max true peak {max(peaks):.2f} dBTP")


def run_synth_sounds(args: argparse.Namespace) -> int:
    del args
    from selfcare.audio import synth

    try:
        reports = synth.build_sounds()
    except (ValueError, OSError, RuntimeError) as exc:
        return _fail(f"synth-sounds: {exc}")
    for report in reports:
        state = "written" if report.written else "same   "
        kind = "LUFS" if report.path.parent.name == "ambience" else "LUFS max 400 ms"
        size = report.path.stat().st_size / 1024
        print(f"{report.path.parent.name}/{report.path.name:<16} {state} {report.seconds:6.2f} s "
              f"{report.channels} ch  {report.lufs:7.2f} {kind}  "
              f"{report.peak_dbtp:6.2f} dBTP  {size:6.1f} KiB"
              + (f"  seam {report.seam_db:.1f} dB" if report.seam_db is not None else ""))
    return EXIT_OK
