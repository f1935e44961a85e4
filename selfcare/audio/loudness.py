"""Loudness (ITU-R BS.1770 / EBU R128), true peak, and normalising with a look-ahead limiter.

Build-time only: `pyloudnorm` and `scipy` are development extras, so they are
imported inside the functions and the running app never loads them.

Conventions: samples are float arrays in [-1, 1], mono `(n,)` or multichannel
`(n, channels)`; levels are in dB (LUFS for loudness, dBTP for true peak).
Mono is measured as mono (one channel, gain 1), as BS.1770 defines it: the
narration target of -18 LUFS refers to that measure.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.floating]

OVERSAMPLE = 4  # BS.1770-4 Annex 2: 4x oversampling for true peak at 48 kHz
BLOCK_SECONDS = 0.4  # BS.1770 gating block; shorter signals have no integrated loudness

# Limiter timing (seconds): look-ahead = attack ramp, hold before release, release time constant.
LOOKAHEAD_S = 0.005
HOLD_S = 0.020
RELEASE_S = 0.120


def integrated_lufs(samples: FloatArray, rate: int) -> float:
    """Integrated, gated loudness in LUFS (BS.1770-4, via pyloudnorm); -inf for silence.

    Raises ValueError for a signal shorter than one 400 ms gating block.
    """
    import pyloudnorm

    data = np.asarray(samples, dtype=np.float64)
    if data.shape[0] < math.ceil(BLOCK_SECONDS * rate) + 1:
        raise ValueError(
            f"{data.shape[0] / rate:.3f} s is too short for integrated loudness "
            f"(at least {BLOCK_SECONDS} s)"
        )
    if not np.any(data):
        return -math.inf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # log10(0) in silent blocks
        value = float(pyloudnorm.Meter(rate).integrated_loudness(data))
    return value if math.isfinite(value) else -math.inf


def oversampled(samples: FloatArray, factor: int = OVERSAMPLE) -> FloatArray:
    """The signal interpolated `factor` times (polyphase FIR), along the first axis."""
    from scipy.signal import resample_poly

    data = np.asarray(samples, dtype=np.float64)
    result: FloatArray = resample_poly(data, factor, 1, axis=0)
    return result


def true_peak_dbtp(samples: FloatArray, rate: int) -> float:
    """Maximum absolute value of the 4x oversampled signal, in dB (dBTP); -inf for silence.

    `rate` is accepted for symmetry with `integrated_lufs`; at 48 kHz 4x is what
    BS.1770 asks for (at lower rates the estimate is slightly optimistic).
    """
    del rate
    data = np.asarray(samples, dtype=np.float64)
    if data.size == 0:
        return -math.inf
    peak = float(np.max(np.abs(oversampled(data))))
    return 20.0 * math.log10(peak) if peak > 0.0 else -math.inf


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def _peak_envelope(samples: FloatArray) -> FloatArray:
    """Per original sample: the largest |value| of its oversampled neighbourhood, all channels."""
    data = np.asarray(samples, dtype=np.float64)
    if data.ndim == 1:
        data = data[:, None]
    frames = data.shape[0]
    fine = np.abs(oversampled(data))[: frames * OVERSAMPLE]
    per_frame = fine.reshape(frames, OVERSAMPLE, data.shape[1]).max(axis=(1, 2))
    # An inter-sample peak lies between this frame and the next: count it for both.
    envelope: FloatArray = np.maximum(per_frame, np.roll(per_frame, 1))
    envelope[0] = per_frame[0]
    return envelope


def limiter_gain(samples: FloatArray, rate: int, ceiling: float) -> FloatArray:
    """A smooth gain curve (one value a frame, <= 1) keeping |true peak| <= `ceiling` (linear).

    Look-ahead limiter built from vectorised filters:
    1. the gain each frame needs on its own, min(1, ceiling / peak);
    2. the smallest of those over the next `look-ahead + hold` frames (the gain is
       already down when a peak arrives, and stays down a little after it);
    3. exponential release (a decaying maximum of the gain reduction);
    4. a moving average over the look-ahead, which turns steps into short ramps.
    Step 4 cannot undo the protection: every frame it averages has already
    looked ahead at least as far as the ramp reaches.
    """
    envelope = _peak_envelope(samples)
    need = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12))
    ahead = max(1, round(LOOKAHEAD_S * rate))
    hold = max(0, round(HOLD_S * rate))
    held = _window_min(need, before=hold, after=ahead - 1)
    released = _decaying_max(1.0 - held, math.exp(-1.0 / (RELEASE_S * rate)))
    smooth = _window_mean(1.0 - released, before=ahead - 1)
    return np.minimum(smooth, 1.0)


def _window_min(values: FloatArray, before: int, after: int) -> FloatArray:
    """out[n] = min(values[n - before : n + after + 1]), edges padded with the edge value."""
    from scipy.ndimage import minimum_filter1d

    size = before + after + 1
    if size == 1:
        return values.copy()
    padded = np.pad(values, (before, after), mode="edge")
    filtered = minimum_filter1d(padded, size=size, mode="nearest")
    # a centred window at index c covers [c - size//2, c - size//2 + size - 1]
    result: FloatArray = filtered[size // 2 : size // 2 + values.shape[0]]
    return result


def _window_mean(values: FloatArray, before: int) -> FloatArray:
    """out[n] = mean(values[n - before : n + 1]), the start padded with the first value."""
    if before == 0:
        return values.copy()
    padded = np.pad(values, (before, 0), mode="edge")
    sums = np.concatenate(([0.0], np.cumsum(padded)))
    result: FloatArray = (sums[before + 1 :] - sums[: -before - 1]) / (before + 1)
    return result


def _decaying_max(values: FloatArray, decay: float) -> FloatArray:
    """y[n] = max(values[n], decay * y[n-1]) for values >= 0, without a Python loop.

    y[n] = max over k <= n of values[k] * decay**(n - k), computed in the log
    domain as a running maximum.
    """
    with np.errstate(divide="ignore"):
        logs = np.log(values)
    step = math.log(decay)
    index = np.arange(values.shape[0], dtype=np.float64)
    running = np.maximum.accumulate(logs - index * step)
    result: FloatArray = np.exp(running + index * step)
    return result


def normalise(
    samples: FloatArray,
    rate: int,
    target_lufs: float = -18.0,
    ceiling_dbtp: float = -1.0,
    *,
    tolerance_lu: float = 0.1,
    rounds: int = 8,
) -> npt.NDArray[np.float32]:
    """Gain to `target_lufs`, limited so the true peak stays <= `ceiling_dbtp`.

    Gain and limiter are applied together and repeated: limiting lowers the
    loudness a little, so the next round raises the gain to make up for it,
    until the loudness is within `tolerance_lu` and the peak under the ceiling.
    Raises ValueError for silence or when the two targets cannot both be met.
    """
    source = np.asarray(samples, dtype=np.float64)
    loudness = integrated_lufs(source, rate)
    if not math.isfinite(loudness):
        raise ValueError("cannot normalise silence")
    gain_db = target_lufs - loudness
    ceiling = db_to_gain(ceiling_dbtp - 0.05)  # a hair of margin for the final float32 rounding
    result = source
    for _ in range(rounds):
        gained = source * db_to_gain(gain_db)
        curve = limiter_gain(gained, rate, ceiling)
        result = gained * (curve[:, None] if gained.ndim == 2 else curve)
        peak = true_peak_dbtp(result, rate)
        if peak > ceiling_dbtp - 0.05:
            # the smoothed gain let a sliver through: pull the ceiling down by the excess
            ceiling *= db_to_gain(ceiling_dbtp - 0.05 - peak - 0.02)
            continue
        error = target_lufs - integrated_lufs(result, rate)
        if abs(error) <= tolerance_lu:
            return result.astype(np.float32)
        gain_db += error
    loudness = integrated_lufs(result, rate)
    peak = true_peak_dbtp(result, rate)
    if abs(loudness - target_lufs) <= 0.5 and peak <= ceiling_dbtp:
        return result.astype(np.float32)
    raise ValueError(
        f"could not reach {target_lufs} LUFS under {ceiling_dbtp} dBTP "
        f"(got {loudness:.2f} LUFS, {peak:.2f} dBTP)"
    )
