"""The shipped audio, measured (nobody here can listen): loudness, peaks, pauses, seams, size.

* Every narration clip: integrated loudness (BS.1770, pyloudnorm) and true peak,
  against -18 LUFS +/- 1 and <= -1 dBTP.
* Pause structure: each session's voice layer rendered by the real mixer (no bed, no
  cues) and the silence heard between spoken steps compared with the script's hold
  and pause. The extra is the clips' own silent edges; goal under 0.4 s everywhere.
  Quick runs measure one session per kind and language; full runs all of them.
* Every ambience bed: loudness, true peak, and the loop seam (level step and click).
* Sizes: assets/audio in all, narration, and its average bit rate.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import soundfile

from benchmarks.harness import REPO, Section

NAME = "audio_assets"
AUDIO = REPO / "assets" / "audio"
GAP_EXTRA_GOAL_S = 0.4


def run(quick: bool, workdir: Path) -> Section:
    section = Section(NAME)
    _clips(section)
    _gaps(section, quick)
    _beds(section)
    _sizes(section)
    return section


def _clips(section: Section) -> None:
    from selfcare.audio import loudness

    per_lang: dict[str, list[tuple[float, float]]] = {}
    for clip in sorted((AUDIO / "narration").glob("*/*/*.ogg")):
        data, rate = soundfile.read(str(clip), dtype="float64")
        lang = clip.parent.parent.name
        per_lang.setdefault(lang, []).append(
            (loudness.integrated_lufs(data, rate), loudness.true_peak_dbtp(data, rate)))
    for lang, measured in sorted(per_lang.items()):
        lufs = [m[0] for m in measured]
        peaks = [m[1] for m in measured]
        section.add(f"{lang}: clips", len(measured))
        worst = max(abs(value + 18.0) for value in lufs)
        section.add(f"{lang}: loudness range", f"{min(lufs):.2f} .. {max(lufs):.2f}", "LUFS",
                    "-18 +/- 1", worst <= 1.0)
        section.add(f"{lang}: highest true peak", max(peaks), "dBTP", "<= -1", max(peaks) <= -1.0)
        section.data[f"clips_{lang}"] = measured


def _gaps(section: Section, quick: bool) -> None:
    from selfcare import library, paths
    from selfcare.audio.decode import read_mono
    from selfcare.audio.mixer import Mixer
    from selfcare.audio.structure import measure_gaps
    from selfcare.session_setup import build_timeline

    scripts = library.load_library().sorted_scripts()
    if quick:
        first_of_kind = {}
        for script in scripts:
            first_of_kind.setdefault(script.kind, script)
        scripts = list(first_of_kind.values())
    extras: list[float] = []
    worst = (0.0, "")
    for script in scripts:
        for lang in script.languages:
            timeline = build_timeline(script, lang)

            def load(number: int, frames: int, lang: str = lang, sid: str = script.id,
                     rate: int = timeline.rate) -> Any:
                return read_mono(paths.narration_clip(lang, sid, number), rate, frames)

            for gap in measure_gaps(Mixer(timeline, load, {}, None)):
                extras.append(gap.extra_s)
                if abs(gap.extra_s) > abs(worst[0]):
                    worst = (gap.extra_s, f"{script.id} ({lang}) steps {gap.after_step}-"
                                          f"{gap.before_step}: scripted {gap.scripted_s:.2f} s, "
                                          f"heard {gap.heard_s:.2f} s")
    section.add("pauses measured", len(extras), note=f"{len(scripts)} session(s), all languages")
    if extras:
        section.add("pause: median extra silence", statistics.median(extras), "s")
        section.add("pause: largest difference", worst[0], "s", f"< {GAP_EXTRA_GOAL_S} s",
                    min(extras) >= 0.0 and max(extras) < GAP_EXTRA_GOAL_S)
        section.details.append(f"largest: {worst[1]}")
    section.data["gap_extras"] = extras


def _beds(section: Section) -> None:
    from selfcare.audio import loudness, synth

    for bed in sorted((AUDIO / "ambience").glob("*.ogg")):
        data, rate = soundfile.read(str(bed), dtype="float32")
        lufs = loudness.integrated_lufs(data.astype("float64"), rate)
        ratio, click = synth.seam_ratio(data), synth.seam_click_db(data, rate)
        section.add(f"{bed.stem}: loudness", lufs, "LUFS", "-30 +/- 1", abs(lufs + 30) <= 1)
        section.add(f"{bed.stem}: seam step", ratio, "", f"< {synth.SEAM_LIMIT}",
                    ratio < synth.SEAM_LIMIT)
        section.add(f"{bed.stem}: seam click", click, "dB", f"< {synth.SEAM_CLICK_LIMIT_DB}",
                    click < synth.SEAM_CLICK_LIMIT_DB)


def _sizes(section: Section) -> None:
    def mib(folder: Path) -> float:
        return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20

    narration = AUDIO / "narration"
    seconds = sum(soundfile.info(str(c)).duration for c in narration.glob("*/*/*.ogg"))
    section.add("assets/audio size", mib(AUDIO), "MiB")
    section.add("narration size", mib(narration), "MiB", note=f"{seconds / 60:.0f} min of speech")
    if seconds:
        section.add("narration bit rate", mib(narration) * 2**20 * 8 / seconds / 1000, "kbit/s")
    section.add("diagrams size", mib(REPO / "assets" / "diagrams"), "MiB")


if __name__ == "__main__":
    import sys

    from benchmarks.run import main

    raise SystemExit(main(["--only", NAME, *sys.argv[1:]]))
