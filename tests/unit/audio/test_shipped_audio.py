"""The audio that ships in assets/audio meets its targets and matches the scripts.

Every narration clip listed in a manifest exists, decodes as 48 kHz mono, reads
-18 +/- 1 LUFS with a true peak at or under -1 dBTP, and speaks the words its
script says now (captions and voice must never disagree). Rebuild with
`selfcare narrate` / `selfcare synth-sounds` (docs/narration.md) when one fails.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import soundfile

from selfcare import library
from selfcare.audio import loudness, synth
from selfcare.core.assets import words_fingerprint
from selfcare.core.scripts import SessionScript, parse_script

ASSETS = Path(__file__).resolve().parents[3] / "assets"
NARRATION = ASSETS / "audio" / "narration"
MANIFESTS = sorted(NARRATION.glob("*/*/manifest.json"))
RATE = 48_000


@cache
def builtin_scripts() -> dict[str, SessionScript]:
    """The scripts in this checkout, parsed without asking which files exist."""
    scripts = {}
    for file in library.script_files(ASSETS / "scripts"):
        result = parse_script(file.read_text(encoding="utf-8"), str(file), expected_id=file.stem)
        if result.script is not None:
            scripts[result.script.id] = result.script
    return scripts


def manifest_id(manifest: Path) -> str:
    return f"{manifest.parent.parent.name}/{manifest.parent.name}"


def clips_of(manifest: Path) -> dict[str, dict]:
    return json.loads(manifest.read_text(encoding="utf-8"))["clips"]


needs_narration = pytest.mark.skipif(not MANIFESTS, reason="no narration has been built yet")


@needs_narration
@pytest.mark.parametrize("manifest", MANIFESTS, ids=manifest_id)
def test_every_listed_clip_is_mastered(manifest):
    folder = manifest.parent
    faults = []
    for key, entry in sorted(clips_of(manifest).items()):
        clip = folder / f"{key}.ogg"
        if not clip.is_file():
            faults.append(f"{key}: listed but missing")
            continue
        data, rate = soundfile.read(str(clip), dtype="float64")
        if soundfile.info(str(clip)).subtype != "OPUS":
            faults.append(f"{key}: not Opus (speech is shipped as Opus, about 24 kbit/s)")
        lufs = loudness.integrated_lufs(data, rate)
        peak = loudness.true_peak_dbtp(data, rate)
        if rate != RATE or data.ndim != 1:
            faults.append(f"{key}: {rate} Hz, shape {data.shape} (want {RATE} Hz mono)")
        if abs(lufs + 18.0) > 1.0:
            faults.append(f"{key}: {lufs:.2f} LUFS (want -18 +/- 1)")
        if peak > -1.0:
            faults.append(f"{key}: true peak {peak:.2f} dBTP (want <= -1)")
        if abs(entry["seconds"] - data.shape[0] / rate) > 0.002:
            faults.append(f"{key}: manifest says {entry['seconds']} s, file has "
                          f"{data.shape[0] / rate:.3f} s")
    assert faults == []


@needs_narration
@pytest.mark.parametrize("manifest", MANIFESTS, ids=manifest_id)
def test_every_clip_speaks_the_current_words(manifest):
    lang, script_id = manifest.parent.parent.name, manifest.parent.name
    script = builtin_scripts().get(script_id)
    assert script is not None, f"narration for '{script_id}', which is no built-in session"
    words = {f"{step.number:03d}": step.say[lang] for step in script.steps
             if step.say.get(lang, "").strip()}
    recorded = library.read_manifest(manifest.parent)
    stale = [key for key, words_now in words.items()
             if key in recorded and recorded[key] != words_fingerprint(words_now)]
    orphans = sorted(set(recorded) - set(words))
    missing = sorted(set(words) - set(recorded))
    assert stale == [], "clips speak older words; run `selfcare narrate`"
    assert orphans == [], "clips for steps without words"
    assert missing == [], "a narrated session is missing clips; run `selfcare narrate`"
    stray = sorted(p.name for p in manifest.parent.glob("*.ogg")
                   if p.stem not in recorded)
    assert stray == [], "clips the manifest does not list"


@needs_narration
def test_fingerprints_in_manifests_are_those_of_their_words():
    for manifest in MANIFESTS:
        for key, entry in clips_of(manifest).items():
            assert entry["words_sha256"] == words_fingerprint(entry["words"]), \
                f"{manifest_id(manifest)}/{key}"


def referenced_sounds() -> set[tuple[str, str]]:
    sounds = set()
    for script in builtin_scripts().values():
        if script.ambience:
            sounds.add(("ambience", script.ambience))
        sounds.update(("cues", step.cue) for step in script.steps if step.cue)
    return sounds


@pytest.mark.parametrize(("kind", "name"), [
    ("ambience", "soft-drone"), ("cues", "chime"), ("cues", "bell"), ("cues", "tick"),
])
def test_shipped_sounds_decode_at_48k(kind, name):
    info = soundfile.info(str(ASSETS / "audio" / kind / f"{name}.ogg"))
    assert info.samplerate == RATE
    assert info.frames > 0


def test_every_sound_a_script_uses_ships():
    missing = [f"{kind}/{name}.ogg" for kind, name in sorted(referenced_sounds())
               if not (ASSETS / "audio" / kind / f"{name}.ogg").is_file()]
    assert missing == []


def test_the_shipped_drone_loops_without_a_click():
    data, rate = soundfile.read(str(ASSETS / "audio" / "ambience" / "soft-drone.ogg"),
                                dtype="float32")
    assert synth.seam_ratio(data) < synth.SEAM_LIMIT
    assert synth.seam_click_db(data, rate) < synth.SEAM_CLICK_LIMIT_DB


@needs_narration
def test_the_narration_stays_small_enough_for_the_installable_bundle():
    """About 24 kbit/s on average; at 32 kbit/s the bundle grew past its 200 MB goal."""
    seconds = size = 0.0
    for manifest in MANIFESTS:
        for key, entry in clips_of(manifest).items():
            seconds += entry["seconds"]
            size += (manifest.parent / f"{key}.ogg").stat().st_size
    assert size * 8 / seconds / 1000 < 27.0
