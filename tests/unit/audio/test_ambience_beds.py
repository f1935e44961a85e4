"""The ambient beds (soft-drone, sea, rain, forest): seamless loops, calm, all at one level.

Each bed is built in memory straight from its synth function and checked as a loop:
its wrap must be no more of a jump than any ordinary moment, sample by sample
(`seam_ratio`), as a click (`seam_click_db`) and in the level and spectrum of the
200 ms either side. The same checks are shown to fail on deliberately broken
loops. The files shipped in assets/audio/ambience are checked the same way after
decoding, since they are what plays. Rebuild them with `selfcare synth-sounds`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
import soundfile

from selfcare import paths
from selfcare.audio import loudness, synth

RATE = synth.RATE
LOOP = synth.LOOP_SECONDS * RATE
BEDS: dict[str, Callable[..., np.ndarray]] = {
    "soft-drone": synth.soft_drone, "sea": synth.sea, "rain": synth.rain, "forest": synth.forest,
}
SHIPPED = Path(__file__).resolve().parents[3] / "assets" / "audio" / "ambience"
WRAP_WINDOW_S = 0.2
STARTLE_WINDOW_S = 0.1
STARTLE_LIMIT_DB = 8.0
PEAK_LIMIT_DBTP = -6.0


@cache
def bed(name: str) -> np.ndarray:
    """The full loop as the synth function makes it (built once per test run)."""
    return BEDS[name]()


@cache
def shipped(name: str) -> tuple[np.ndarray, int]:
    data, rate = soundfile.read(str(SHIPPED / f"{name}.ogg"), dtype="float32")
    return data, rate


# --------------------------------------------------------------------------- measures


def window_levels(data: np.ndarray, rate: int, seconds: float) -> np.ndarray:
    """dB of the mean power (all channels) of consecutive windows of `seconds`."""
    size = round(seconds * rate)
    count = data.shape[0] // size
    frames = np.asarray(data[: count * size], dtype=np.float64).reshape(count, size, -1)
    return 10 * np.log10(np.maximum(np.mean(frames**2, axis=(1, 2)), 1e-20))


def window_bands(data: np.ndarray, rate: int, seconds: float) -> np.ndarray:
    """The spectral balance of consecutive windows of `seconds`: third-octave band levels
    (dB, 50 Hz to 8 kHz) less their mean, so a change of level alone does not count.

    Bands the bed hardly uses (over the whole loop, 30 dB or more under its
    strongest band) are left out: there the numbers are leakage, codec noise or rounding.
    """
    size = round(seconds * rate)
    count = data.shape[0] // size
    frames = np.asarray(data[: count * size], dtype=np.float64).reshape(count, size, -1)
    power = (np.abs(np.fft.rfft(frames, axis=1)) ** 2).sum(axis=2)
    freqs = np.fft.rfftfreq(size, 1 / rate)
    edges = 50.0 * 2.0 ** (np.arange(23) / 3)  # 50 Hz .. 8 kHz
    bands = np.stack([power[:, (freqs >= low) & (freqs < high)].sum(axis=1)
                      for low, high in pairwise(edges)], axis=1)
    average = bands.mean(axis=0)
    used = average > average.max() * 1e-3
    levels = 10 * np.log10(np.maximum(bands[:, used], 1e-30))
    return levels - levels.mean(axis=1, keepdims=True)


def adjacent_jumps(data: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Level and spectrum change between each 200 ms window and the next, around the loop.

    The last entry is the wrap (the loop's last 200 ms against its first); the
    spectrum change is the RMS over bands of the change in dB.
    """
    levels = window_levels(data, rate, WRAP_WINDOW_S)
    bands = window_bands(data, rate, WRAP_WINDOW_S)
    level_jumps = np.abs(np.roll(levels, -1) - levels)
    spectrum_jumps = np.sqrt(np.mean((np.roll(bands, -1, axis=0) - bands) ** 2, axis=1))
    return level_jumps, spectrum_jumps


def wrap_is_ordinary(data: np.ndarray, rate: int) -> bool:
    """The wrap changes level and spectrum no more than some ordinary 200 ms step does."""
    level, spectrum = adjacent_jumps(data, rate)
    return bool(level[-1] <= level[:-1].max() and spectrum[-1] <= spectrum[:-1].max())


def seam_faults(data: np.ndarray, rate: int) -> list[str]:
    """Every way the loop's wrap stands out; empty for a seamless loop."""
    audio = np.asarray(data, dtype=np.float32)
    faults = []
    if synth.seam_ratio(audio) > synth.SEAM_LIMIT:
        faults.append(f"step {synth.seam_ratio(audio):.1f}x the usual")
    if synth.seam_click_db(audio, rate) > synth.SEAM_CLICK_LIMIT_DB:
        faults.append(f"click {synth.seam_click_db(audio, rate):.1f} dB")
    if not wrap_is_ordinary(audio, rate):
        level, spectrum = adjacent_jumps(audio, rate)
        faults.append(f"level/spectrum jump {level[-1]:.2f} dB / {spectrum[-1]:.2f} dB "
                      f"(inside at most {level[:-1].max():.2f} / {spectrum[:-1].max():.2f})")
    return faults


def startle_db(data: np.ndarray, rate: int) -> float:
    """How far the loudest 100 ms stands above the bed's median 100 ms (dB)."""
    levels = window_levels(data, rate, STARTLE_WINDOW_S)
    return float(levels.max() - np.median(levels))


def energy_above_db(data: np.ndarray, rate: int, frequency: float) -> float:
    power = (np.abs(np.fft.rfft(np.asarray(data, dtype=np.float64), axis=0)) ** 2).sum(axis=1)
    freqs = np.fft.rfftfreq(data.shape[0], 1 / rate)
    return 10 * math.log10(power[freqs >= frequency].sum() / power.sum())


# --------------------------------------------------------------------------- in memory


@pytest.mark.parametrize("name", BEDS)
def test_a_bed_is_one_stereo_loop(name):
    data = bed(name)
    assert data.shape == (LOOP, 2)
    assert data.dtype == np.float32
    assert np.all(np.isfinite(data))
    assert synth.AMBIENCES[name] is BEDS[name]  # `synth-sounds` builds it


@pytest.mark.parametrize("name", BEDS)
def test_a_bed_is_deterministic(name):
    make = BEDS[name]
    first, second = make(seconds=10), make(seconds=10)
    np.testing.assert_array_equal(first, second)
    assert first.shape == (10 * RATE, 2)
    assert not np.array_equal(first, make(seconds=10, seed=1))  # the seed is what fixes it


@pytest.mark.parametrize("name", BEDS)
def test_a_bed_joins_up_at_the_wrap(name):
    data = bed(name)
    assert synth.seam_ratio(data) < 1.0  # the wrap is an ordinary step...
    assert synth.seam_click_db(data, RATE) < synth.SEAM_CLICK_LIMIT_DB - 10.0  # ...no click
    level, spectrum = adjacent_jumps(data, RATE)
    assert level[-1] <= level[:-1].max()  # ...and no more change than any other moment
    assert spectrum[-1] <= spectrum[:-1].max()
    assert seam_faults(data, RATE) == []


@pytest.mark.parametrize("name", BEDS)
def test_a_bed_joins_up_wherever_the_file_starts(name):
    """The build may start the file elsewhere in the loop (LOOP_STARTS): still one loop."""
    for fraction in synth.LOOP_STARTS:
        rotated = np.roll(bed(name), -round(fraction * LOOP), axis=0)
        assert seam_faults(rotated, RATE) == [], fraction


@pytest.mark.parametrize("name", BEDS)
def test_a_bed_sits_at_the_ambience_level(name):
    data = bed(name)
    assert loudness.integrated_lufs(data, RATE) == pytest.approx(synth.AMBIENCE_LUFS, abs=1.0)
    assert loudness.true_peak_dbtp(data, RATE) < PEAK_LIMIT_DBTP


@pytest.mark.parametrize("name", BEDS)
def test_nothing_in_a_bed_startles(name):
    assert startle_db(bed(name), RATE) <= STARTLE_LIMIT_DB


@pytest.mark.parametrize("name", BEDS)
def test_a_bed_has_a_soft_top(name):
    data = bed(name)
    assert energy_above_db(data, RATE, 3000.0) < -20.0  # rolls off above a few kHz
    assert energy_above_db(data, RATE, 5000.0) < -50.0  # nothing hissy


def test_the_sea_comes_in_slow_waves():
    levels = window_levels(bed("sea"), RATE, 0.5)
    smooth = np.convolve(np.concatenate([levels[-2:], levels, levels[:2]]),
                         np.ones(5) / 5, mode="valid")  # circular, 2.5 s
    crests = [i for i in range(smooth.shape[0])
              if smooth[i] == smooth[np.arange(i - 8, i + 9) % smooth.shape[0]].max()]
    assert 5 <= len(crests) <= 10  # a wave every 6-12 s
    gaps = np.diff(np.concatenate([crests, [crests[0] + smooth.shape[0]]])) * 0.5
    assert gaps.min() >= 4.0
    assert gaps.max() <= 14.0
    assert 6.0 <= smooth.max() - smooth.min() <= 14.0  # they rise and fall, gently


def test_the_rain_is_steady():
    levels = window_levels(bed("rain"), RATE, 1.0)
    assert levels.max() - levels.min() < 3.0
    assert startle_db(bed("rain"), RATE) < 3.0  # no drop stands out


def test_the_forest_has_a_few_far_birds():
    """Sine chirps: 50 ms windows where one narrow peak at 2-4 kHz stands over its band."""
    data = bed("forest").mean(axis=1).astype(np.float64)
    size = round(0.05 * RATE)
    frames = data[: data.shape[0] // size * size].reshape(-1, size)
    power = np.abs(np.fft.rfft(frames * np.hanning(size), axis=1)) ** 2
    freqs = np.fft.rfftfreq(size, 1 / RATE)
    band = power[:, (freqs >= 2000) & (freqs <= 4000)]
    band = band / band.mean(axis=0)  # level out the breeze's slope across the band
    tonal = np.flatnonzero(band.max(axis=1) > 30 * np.median(band, axis=1)) * 0.05
    assert 0 < tonal.shape[0] * 0.05 < 0.05 * synth.LOOP_SECONDS  # some birdsong, sparse
    calls = np.split(tonal, np.flatnonzero(np.diff(tonal) > 1.0) + 1)
    assert 3 <= len(calls) <= 8
    assert all(call[-1] - call[0] < 1.0 for call in calls)  # short calls


# --------------------------------------------------------------------------- broken loops


def broken_loops(data: np.ndarray) -> dict[str, np.ndarray]:
    """Loops that are smooth everywhere except at the wrap, each in its own way."""
    ramp = np.linspace(0.0, 1.0, data.shape[0])[:, None]
    rms = float(np.sqrt(np.mean(data.astype(np.float64) ** 2)))
    rotated = np.roll(data, data.shape[0] // 3, axis=0)
    spectrum = np.fft.rfft(data.astype(np.float64), axis=0)
    freqs = np.fft.rfftfreq(data.shape[0], 1 / RATE)
    dark = np.fft.irfft(spectrum / (1 + (freqs / 200.0) ** 2)[:, None], n=data.shape[0],
                        axis=0)
    dark *= rms / float(np.sqrt(np.mean(dark**2)))
    return {
        # fades down 6 dB across the loop, so it jumps back up at the wrap
        "level step": data * (1.0 - 0.5 * ramp),
        # grows duller across the loop (at the same loudness), so it brightens at the wrap
        "colour step": data * (1.0 - ramp) + dark * ramp,
        # drifts away from the start over the loop and ends up on another moment of itself
        "rotated join": data * np.cos(ramp * math.pi / 2) + rotated * np.sin(ramp * math.pi / 2),
        "cut short": data[:-12_345],
        "step inserted": data + 2.0 * rms * ramp,
    }


@pytest.mark.parametrize("name", BEDS)
def test_the_seam_checks_fail_a_broken_loop(name):
    broken = broken_loops(bed(name))
    for kind, loop in broken.items():
        assert seam_faults(loop, RATE) != [], kind
    # the level and spectrum check on its own sees a loop that jumps back in level or colour
    level, _ = adjacent_jumps(broken["level step"], RATE)
    assert level[-1] > level[:-1].max()
    _, colour = adjacent_jumps(broken["colour step"], RATE)
    assert colour[-1] > colour[:-1].max()
    # the click check sees joins of two unrelated moments
    for kind in ("rotated join", "cut short", "step inserted"):
        assert synth.seam_click_db(broken[kind].astype(np.float32), RATE) > \
            synth.SEAM_CLICK_LIMIT_DB, kind


# --------------------------------------------------------------------------- the build


@pytest.fixture
def assets(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ASSETS_ENV, str(tmp_path))
    monkeypatch.setattr(synth, "CUES", {})
    return tmp_path


def test_the_build_refuses_a_loop_that_does_not_join_up(assets, monkeypatch):
    monkeypatch.setattr(synth, "AMBIENCES", {"cut": lambda: synth.rain(seconds=5)[:-777]})
    with pytest.raises(ValueError, match=r"cut\.ogg: the synthesised loop does not join up"):
        synth.build_sounds()
    assert not paths.ambience_path("cut").exists()


def test_the_build_starts_the_file_elsewhere_when_coding_leaves_a_click(assets, monkeypatch):
    loop = synth.rain(seconds=5)
    monkeypatch.setattr(synth, "AMBIENCES", {"rain": lambda: loop})
    measure = synth.seam_click_db
    calls: list[int] = []

    def first_coding_clicks(samples, rate):
        calls.append(1)
        if len(calls) == 1:
            return measure(samples, rate)  # the raw loop, before coding
        return 0.0 if len(calls) == 2 else -100.0  # coded from the first start: a click

    monkeypatch.setattr(synth, "seam_click_db", first_coding_clicks)
    (report,) = synth.build_sounds()
    assert report.written
    assert len(calls) == 3
    decoded, _ = synth.read_audio(paths.ambience_path("rain"))
    start = round(synth.LOOP_STARTS[1] * loop.shape[0])

    def similarity(reference):
        a, b = decoded.astype(np.float64).ravel(), reference.astype(np.float64).ravel()
        return float(np.dot(a, b) / np.sqrt(np.dot(a, a) * np.dot(b, b)))

    assert similarity(np.roll(loop, -start, axis=0)) > 0.9
    assert abs(similarity(loop)) < 0.2


# --------------------------------------------------------------------------- shipped files


@pytest.mark.parametrize("name", BEDS)
def test_the_shipped_bed_is_a_48k_stereo_vorbis_loop(name):
    path = SHIPPED / f"{name}.ogg"
    info = soundfile.info(str(path))
    assert (info.format, info.subtype) == ("OGG", "VORBIS")
    assert (info.samplerate, info.channels, info.frames) == (RATE, 2, LOOP)
    assert path.stat().st_size < 500_000


@pytest.mark.parametrize("name", BEDS)
def test_the_shipped_bed_loops_seamlessly(name):
    data, rate = shipped(name)
    assert seam_faults(data, rate) == []


@pytest.mark.parametrize("name", BEDS)
def test_the_shipped_bed_sits_at_the_ambience_level(name):
    data, rate = shipped(name)
    assert loudness.integrated_lufs(data, rate) == pytest.approx(synth.AMBIENCE_LUFS, abs=1.0)
    assert loudness.true_peak_dbtp(data, rate) < PEAK_LIMIT_DBTP
    assert startle_db(data, rate) <= STARTLE_LIMIT_DB
