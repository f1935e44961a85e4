"""Loudness, true peak and normalising, checked against signals whose levels are known."""

from __future__ import annotations

import math

import numpy as np
import pytest

from selfcare.audio import loudness

RATE = 48_000


def sine(frequency: float, amplitude: float, seconds: float = 5.0, phase: float = 0.0,
         rate: int = RATE) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return amplitude * np.sin(2 * math.pi * frequency * t + phase)


def test_full_scale_997_hz_sine_reads_minus_3_lufs():
    # BS.1770: a 0 dBFS 997 Hz sine in one channel reads -3.01 LKFS.
    assert loudness.integrated_lufs(sine(997, 1.0), RATE) == pytest.approx(-3.01, abs=0.1)


def test_halving_the_amplitude_takes_6_02_lu_off():
    full = loudness.integrated_lufs(sine(997, 1.0), RATE)
    half = loudness.integrated_lufs(sine(997, 0.5), RATE)
    assert full - half == pytest.approx(20 * math.log10(2), abs=0.01)


def test_the_same_signal_on_two_channels_reads_3_lu_louder():
    mono = sine(997, 0.25)
    stereo = np.stack([mono, mono], axis=1)
    difference = loudness.integrated_lufs(stereo, RATE) - loudness.integrated_lufs(mono, RATE)
    assert difference == pytest.approx(10 * math.log10(2), abs=0.01)


def test_gating_ignores_silence_around_the_sound():
    tone = sine(997, 0.5, seconds=20.0)
    padded = np.concatenate([np.zeros(RATE * 5), tone, np.zeros(RATE * 5)])
    assert loudness.integrated_lufs(padded, RATE) == pytest.approx(
        loudness.integrated_lufs(tone, RATE), abs=0.2)


def test_silence_has_no_loudness_and_too_short_is_an_error():
    assert loudness.integrated_lufs(np.zeros(RATE), RATE) == -math.inf
    with pytest.raises(ValueError, match="too short"):
        loudness.integrated_lufs(np.ones(RATE // 10) * 0.1, RATE)


def test_true_peak_of_a_sine_is_its_amplitude():
    assert loudness.true_peak_dbtp(sine(997, 0.5), RATE) == pytest.approx(-6.02, abs=0.05)


def test_true_peak_finds_the_peak_between_samples():
    # A quarter-rate sine at 45 degrees: every sample is at 0.707 (-3.01 dBFS),
    # the waveform between them reaches 1.0 (0 dBTP).
    tone = sine(RATE / 4, 1.0, seconds=1.0, phase=math.pi / 4)
    sample_peak = 20 * math.log10(float(np.max(np.abs(tone))))
    assert sample_peak == pytest.approx(-3.01, abs=0.01)
    assert loudness.true_peak_dbtp(tone, RATE) == pytest.approx(0.0, abs=0.2)


def test_true_peak_of_silence():
    assert loudness.true_peak_dbtp(np.zeros(1000), RATE) == -math.inf


def peaky_signal(seed: int = 3) -> np.ndarray:
    """Quiet noise with sharp spikes: gained to -18 LUFS, the spikes would pass 0 dBTP."""
    rng = np.random.default_rng(seed)
    signal = 0.03 * rng.standard_normal(RATE * 6)
    signal[RATE // 3 :: RATE // 2] += 0.9
    signal[RATE // 5 :: RATE] -= 0.8
    return signal


def test_the_peaky_signal_needs_limiting():
    signal = peaky_signal()
    gain = loudness.db_to_gain(-18.0 - loudness.integrated_lufs(signal, RATE))
    assert loudness.true_peak_dbtp(signal * gain, RATE) > 0.0


@pytest.mark.parametrize(("target", "ceiling"), [(-18.0, -1.0), (-16.0, -1.0), (-20.0, -3.0)])
def test_normalise_hits_the_target_under_the_ceiling(target, ceiling):
    result = loudness.normalise(peaky_signal(), RATE, target_lufs=target, ceiling_dbtp=ceiling)
    assert result.dtype == np.float32
    assert result.shape == peaky_signal().shape
    assert loudness.integrated_lufs(result, RATE) == pytest.approx(target, abs=0.5)
    assert loudness.true_peak_dbtp(result, RATE) <= ceiling


def test_normalise_only_gains_a_signal_that_needs_no_limiting():
    tone = sine(440, 0.01)
    result = loudness.normalise(tone, RATE, target_lufs=-18.0)
    gain = loudness.db_to_gain(-18.0 - loudness.integrated_lufs(tone, RATE))
    np.testing.assert_allclose(result, tone * gain, rtol=1e-4, atol=1e-6)


def test_the_limiter_leaves_sound_far_from_a_peak_alone():
    rng = np.random.default_rng(11)
    signal = 0.03 * rng.standard_normal(RATE * 6)
    signal[RATE // 2] += 0.9  # one spike; the 5 s after it must only be gained
    result = loudness.normalise(signal, RATE)
    ratio = np.abs(result) / np.maximum(np.abs(signal), 1e-9)
    spikes = np.flatnonzero(np.abs(signal) > 0.5)
    near = np.zeros(signal.shape[0], dtype=bool)
    reach = round(1.5 * RATE)  # hold + ten release time constants
    for index in spikes:
        near[max(0, index - reach) : index + reach] = True
    far = ratio[~near & (np.abs(signal) > 0.01)]
    assert far.size > RATE
    assert np.ptp(far) / np.median(far) < 1e-3  # one constant gain


def test_the_gain_curve_is_smooth_and_never_above_one():
    signal = peaky_signal() * 5
    curve = loudness.limiter_gain(signal, RATE, ceiling=loudness.db_to_gain(-1.0))
    assert curve.max() <= 1.0
    assert np.max(np.abs(np.diff(curve))) < 0.01  # ramps, not steps


def test_normalise_works_on_stereo():
    rng = np.random.default_rng(5)
    stereo = 0.05 * rng.standard_normal((RATE * 3, 2))
    stereo[RATE, 0] = 0.95
    result = loudness.normalise(stereo, RATE, target_lufs=-18.0)
    assert result.shape == stereo.shape
    assert loudness.integrated_lufs(result, RATE) == pytest.approx(-18.0, abs=0.5)
    assert loudness.true_peak_dbtp(result, RATE) <= -1.0


def test_normalise_refuses_silence():
    with pytest.raises(ValueError, match="silence"):
        loudness.normalise(np.zeros(RATE), RATE)
