"""Synthesised sounds (ambience, cues) and synthesised speech (the narration build).

Everything here writes and decodes real OGG files in a temporary assets folder;
the narration tests run the real offline TTS programs.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import numpy as np
import pytest
import soundfile

from selfcare import library, paths
from selfcare.audio import loudness, narration, synth
from selfcare.core.assets import ClipState, words_fingerprint

RATE = 48_000


# --------------------------------------------------------------------------- helpers


def decode(path: Path) -> tuple[np.ndarray, int]:
    data, rate = soundfile.read(str(path), dtype="float64")
    return data, rate


def wrap_jump_ratio(data: np.ndarray) -> float:
    """Jump across the loop's wrap, over the 99.9th percentile of jumps inside it."""
    frames = data if data.ndim == 2 else data[:, None]
    inside = np.abs(np.diff(frames, axis=0)).max(axis=1)
    wrap = np.abs(frames[0] - frames[-1]).max()
    return float(wrap / np.percentile(inside, 99.9))


def high_band_energy(frames: np.ndarray, rate: int, above: float = 6000.0) -> float:
    """Energy above `above` Hz of one Hann-windowed frame (all channels)."""
    window = np.hanning(frames.shape[0])[:, None]
    spectrum = np.abs(np.fft.rfft(frames * window, axis=0)) ** 2
    freqs = np.fft.rfftfreq(frames.shape[0], 1 / rate)
    return float(spectrum[freqs >= above].sum())


def seam_click_db(data: np.ndarray, rate: int, size: int = 1024) -> float:
    """Energy above 6 kHz of a frame straddling the wrap, in dB under the frame's total.

    A click is broadband; a soft drone has next to nothing above 6 kHz, so a
    discontinuity at the wrap stands out there.
    """
    frames = data if data.ndim == 2 else data[:, None]
    seam = np.concatenate([frames[-size // 2 :], frames[: size // 2]])
    return 10 * math.log10(high_band_energy(seam, rate) / high_band_energy(seam, rate, 0.0))


def onset_ms(samples: np.ndarray, rate: int) -> float:
    """Where a simple energy detector finds the onset: first 1 ms frame over 10 % of the max."""
    frame = rate // 1000
    count = samples.shape[0] // frame
    rms = np.sqrt(np.mean(samples[: count * frame].reshape(count, frame) ** 2, axis=1))
    return float(np.flatnonzero(rms > 0.1 * rms.max())[0])


# --------------------------------------------------------------------------- sounds


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every sound built once into a temporary assets folder."""
    root = tmp_path_factory.mktemp("assets")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(paths.ASSETS_ENV, str(root))
        reports = synth.build_sounds()
        again = synth.build_sounds()
    return root, reports, again


def sound_path(root: Path, kind: str, name: str) -> Path:
    return root / "audio" / kind / f"{name}.ogg"


@pytest.mark.parametrize(("kind", "name", "channels", "seconds"), [
    ("ambience", "soft-drone", 2, 60.0),
    ("cues", "chime", 1, 2.5),
    ("cues", "bell", 1, 7.0),
    ("cues", "tick", 1, 0.06),
])
def test_each_sound_decodes_at_48k(built, kind, name, channels, seconds):
    root, _, _ = built
    info = soundfile.info(str(sound_path(root, kind, name)))
    assert (info.format, info.subtype) == ("OGG", "VORBIS")
    assert info.samplerate == RATE
    assert info.channels == channels
    assert info.frames / RATE == pytest.approx(seconds, abs=0.001)


def test_files_are_small(built):
    root, _, _ = built
    sizes = {p.name: p.stat().st_size for p in (root / "audio").rglob("*.ogg")}
    beds = {p.name for p in (root / "audio" / "ambience").glob("*.ogg")}
    assert "soft-drone.ogg" in beds
    assert all(sizes[name] < 600_000 for name in beds)  # 60 s stereo loops
    assert all(size < 60_000 for name, size in sizes.items() if name not in beds)


def test_rebuilding_keeps_files_whose_sound_is_unchanged(built):
    _, first, again = built
    assert all(report.written for report in first)
    assert not any(report.written for report in again)


def test_the_drone_sits_well_under_the_voice(built):
    root, _, _ = built
    data, rate = decode(sound_path(root, "ambience", "soft-drone"))
    assert loudness.integrated_lufs(data, rate) == pytest.approx(synth.AMBIENCE_LUFS, abs=1.0)
    assert loudness.true_peak_dbtp(data, rate) < -10.0


def test_the_drone_evolves(built):
    root, _, _ = built
    data, rate = decode(sound_path(root, "ambience", "soft-drone"))
    seconds = data.shape[0] // rate
    level = [20 * math.log10(np.sqrt(np.mean(data[s * rate : (s + 1) * rate] ** 2)))
             for s in range(seconds)]
    assert 1.0 < max(level) - min(level) < 12.0  # it moves, gently


def test_the_loop_seam_is_as_smooth_as_the_inside(built):
    root, _, _ = built
    data, _ = decode(sound_path(root, "ambience", "soft-drone"))
    assert wrap_jump_ratio(data) < 2.0
    assert synth.seam_ratio(data.astype(np.float32)) < synth.SEAM_LIMIT


def test_the_loop_seam_has_no_broadband_click(built):
    root, _, _ = built
    data, rate = decode(sound_path(root, "ambience", "soft-drone"))
    # The raw loop reads about -130 dB; after Vorbis coding about -53 to -62 dB
    # (a residue around -90 dBFS); a loop cut at a random point -20 to -40 dB.
    assert seam_click_db(data, rate) < -45.0
    assert synth.seam_click_db(data.astype(np.float32), rate) < synth.SEAM_CLICK_LIMIT_DB


def test_the_seam_checks_catch_a_badly_cut_loop(built):
    root, _, _ = built
    data, rate = decode(sound_path(root, "ambience", "soft-drone"))
    for end in (12_345, 500_000, 1_234_567):
        cut = data[:-end]  # no longer a whole number of cycles
        assert wrap_jump_ratio(cut) > 5.0
        assert seam_click_db(cut, rate) > -40.0


def test_the_raw_drone_is_periodic_and_deterministic():
    first = synth.soft_drone(seconds=4)
    second = synth.soft_drone(seconds=4)
    np.testing.assert_array_equal(first, second)
    assert synth.seam_ratio(first) < 1.0
    # one sample past the end is the first sample again: extend by one period's start
    assert np.max(np.abs(first[0] - first[-1])) < np.max(np.abs(np.diff(first, axis=0)))


@pytest.mark.parametrize("name", ["chime", "bell", "tick"])
def test_cues_start_with_a_fast_attack(built, name):
    root, _, _ = built
    data, rate = decode(sound_path(root, "cues", name))
    peak = np.max(np.abs(data))
    assert np.max(np.abs(data[: round(0.005 * rate)])) >= 0.5 * peak
    assert onset_ms(data, rate) <= 2.0
    assert np.max(np.abs(data[-round(0.005 * rate) :])) < 0.01 * peak  # ends in silence


@pytest.mark.parametrize("name", ["chime", "bell", "tick"])
def test_cues_stay_under_the_ceiling(built, name):
    root, _, _ = built
    data, rate = decode(sound_path(root, "cues", name))
    assert loudness.true_peak_dbtp(data, rate) <= -3.0


def test_chime_and_bell_are_gentler_than_the_voice(built):
    root, _, _ = built
    for name in ("chime", "bell"):
        data, rate = decode(sound_path(root, "cues", name))
        assert synth.max_momentary_lufs(data, rate) == pytest.approx(-20.0, abs=1.0)
    tick, rate = decode(sound_path(root, "cues", "tick"))
    assert synth.max_momentary_lufs(tick, rate) < -30.0


def spectral_centroid(data: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(data))
    freqs = np.fft.rfftfreq(data.shape[0], 1 / rate)
    return float(np.sum(freqs * spectrum) / np.sum(spectrum))


def test_the_bell_is_deeper_and_longer_than_the_chime(built):
    root, _, _ = built
    chime, rate = decode(sound_path(root, "cues", "chime"))
    bell, _ = decode(sound_path(root, "cues", "bell"))
    assert bell.shape[0] > 2 * chime.shape[0]
    assert spectral_centroid(bell, rate) < 0.6 * spectral_centroid(chime, rate)


def test_the_chime_is_inharmonic():
    tone = synth.chime().astype(np.float64)
    spectrum = np.abs(np.fft.rfft(tone * np.hanning(tone.shape[0])))
    freqs = np.fft.rfftfreq(tone.shape[0], 1 / RATE)
    fundamental = freqs[np.argmax(spectrum)]
    upper = (freqs > 1.5 * fundamental) & (freqs < 2.4 * fundamental * 1.5)
    partial = freqs[upper][np.argmax(spectrum[upper])]
    ratio = partial / fundamental
    assert abs(ratio - round(ratio)) > 0.05 or ratio == pytest.approx(2.01, abs=0.01)
    strongest = sorted(freqs[np.argsort(spectrum)[-2000:]] / fundamental)
    assert any(abs(r - 2.76) < 0.02 for r in strongest)  # the bell's non-integer partial


# --------------------------------------------------------------------------- speech


def test_spoken_text_plain_quotes_and_dashes():
    words = "Say \u201chello\u201d \u2014 it\u2019s fine\u2026  caf\u00e9"
    assert narration.spoken_text(words, "en") == "Say hello, it's fine... cafe"
    assert narration.spoken_text("\u00bfLista? \u00abRespira\u00bb", "es") == "\u00bfLista? Respira"


def test_point_codes_are_spelt_out():
    assert narration.spoken_text("a point called LI4.", "en") == "a point called L I 4."
    assert narration.spoken_text("ST36 and PC-6", "es") == "S T 36 and P C 6"
    assert narration.spoken_text("I feel OK", "en") == "I feel OK"


def test_trim_keeps_exactly_the_edge_silence():
    tone = 0.3 * np.sin(2 * np.pi * 300 * np.arange(RATE) / RATE)
    padded = np.concatenate([np.zeros(RATE // 2), tone, np.zeros(RATE // 3)]).astype(np.float32)
    trimmed = narration.trim_silence(padded, RATE)
    assert trimmed.shape[0] / RATE == pytest.approx(1.0 + 2 * narration.EDGE_SECONDS, abs=0.011)
    short = narration.trim_silence(tone.astype(np.float32), RATE)  # no silence: some is added
    assert short.shape[0] == RATE + 2 * round(narration.EDGE_SECONDS * RATE)


def test_fades_start_and_end_at_zero():
    faded = narration.fade(np.ones(RATE, dtype=np.float32), RATE)
    assert faded[0] == 0.0
    assert faded[-1] == 0.0
    ramp = round(narration.FADE_SECONDS * RATE)
    assert np.all(np.diff(faded[:ramp]) >= 0)
    assert faded[ramp] == 1.0


SCRIPT = """
format = 1
id = "narration-test"
kind = "breathing"
title = {{ en = "Test", es = "Prueba" }}

[[steps]]
pause = 1

[[steps]]
pause = 1
say = {{ en = "{two_en}", es = "Respira despacio." }}

[[steps]]
pause = 1
{three}
"""

THREE = 'say = { en = "And let it go.", es = "Y suelta." }'


def tts_installed() -> bool:
    return all(shutil.which(tool) for tool in ("text2wave", "espeak-ng"))


needs_tts = pytest.mark.skipif(not tts_installed(), reason="festival/espeak-ng not installed")


@pytest.fixture
def assets(tmp_path, monkeypatch):
    root = tmp_path / "assets"
    (root / "scripts").mkdir(parents=True)
    monkeypatch.setenv(paths.ASSETS_ENV, str(root))
    return root


def load(root: Path, two_en: str = "Breathe in slowly.", three: str = THREE):
    file = root / "scripts" / "narration-test.toml"
    file.write_text(SCRIPT.format(two_en=two_en, three=three), encoding="utf-8")
    result = library.load_script_file(file)
    assert result.script is not None, result.problems
    return result.script


@pytest.mark.slow
@needs_tts
def test_narration_build_writes_mastered_clips_and_a_manifest(assets):
    script = load(assets)
    for lang in ("en", "es"):
        result = narration.build_narration(script, lang, jobs=2)
        assert [clip.number for clip in result.clips] == [2, 3]
        assert all(clip.built for clip in result.clips)
        for clip in result.clips:
            data, rate = decode(paths.narration_clip(lang, script.id, clip.number))
            assert rate == RATE
            assert data.ndim == 1
            info = soundfile.info(str(paths.narration_clip(lang, script.id, clip.number)))
            assert (info.format, info.subtype) == ("OGG", "OPUS")  # small, for speech
            assert loudness.integrated_lufs(data, rate) == pytest.approx(-18.0, abs=0.5)
            assert loudness.true_peak_dbtp(data, rate) <= -1.0
            assert clip.seconds == pytest.approx(data.shape[0] / rate, abs=0.001)
            edge = round(0.02 * rate)
            # Mastered with fades from and to silence; Opus leaves its own noise at the
            # ends (shipped clips: at most -50 dBFS), which the mixer fades out on playback.
            codec_noise = 10 ** (-45 / 20)
            assert np.max(np.abs(data[:edge])) < codec_noise
            assert np.max(np.abs(data[-edge:])) < codec_noise
        folder = paths.narration_dir(lang, script.id)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["format"] == 1
        assert manifest["engine"]["engine"] == narration.VOICES[lang].engine
        assert sorted(manifest["clips"]) == ["002", "003"]
        entry = manifest["clips"]["002"]
        assert entry["words"] == script.steps[1].say[lang]
        assert library.read_manifest(folder)["002"] == words_fingerprint(entry["words"])
    index = library.FileAssetIndex()
    assert index.clip_state("en", script.id, 2, "Breathe in slowly.") is ClipState.OK


@pytest.mark.slow
@needs_tts
def test_narration_build_is_incremental(assets):
    script = load(assets)
    narration.build_narration(script, "en")
    again = narration.build_narration(script, "en")
    assert not any(clip.built for clip in again.clips)

    changed = load(assets, two_en="Breathe in, slowly and softly.")
    index = library.FileAssetIndex()
    assert index.clip_state("en", script.id, 2, changed.steps[1].say["en"]) is ClipState.STALE
    result = narration.build_narration(changed, "en")
    assert [(c.number, c.built) for c in result.clips] == [(2, True), (3, False)]
    assert library.FileAssetIndex().clip_state(
        "en", script.id, 2, changed.steps[1].say["en"]) is ClipState.OK

    forced = narration.build_narration(changed, "en", force=True)
    assert all(clip.built for clip in forced.clips)


@pytest.mark.slow
@needs_tts
def test_clips_of_steps_without_words_are_removed(assets):
    script = load(assets)
    narration.build_narration(script, "en")
    clip = paths.narration_clip("en", script.id, 3)
    assert clip.is_file()
    shorter = load(assets, three="")
    result = narration.build_narration(shorter, "en")
    assert result.removed == [clip]
    assert not clip.is_file()
    assert sorted(library.read_manifest(paths.narration_dir("en", script.id))) == ["002"]


@pytest.mark.slow
@needs_tts
def test_a_tts_failure_names_script_step_and_language(assets, monkeypatch):
    script = load(assets)
    monkeypatch.setitem(narration.VOICES, "en",
                        narration.Voice("festival", "voice_no_such_voice", {"hts_rate": 0.8}))
    with pytest.raises(narration.NarrationError,
                       match=r"narration-test step 2 \(en\): festival .*voice_no_such_voice"):
        narration.build_narration(script, "en")


def test_a_language_without_a_voice_is_a_clear_error(assets):
    file = assets / "scripts" / "no-voice.toml"
    file.write_text('format = 1\nid = "no-voice"\nkind = "breathing"\n'
                    'title = { fr = "Essai" }\n[[steps]]\nsay = { fr = "Respirez." }\n',
                    encoding="utf-8")
    script = library.load_script_file(file).script
    assert script is not None
    with pytest.raises(narration.NarrationError, match=r"no-voice.*no offline voice.*'fr'"):
        narration.build_narration(script, "fr")
