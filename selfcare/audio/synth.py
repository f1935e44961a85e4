"""The built-in ambience and cue sounds, synthesised deterministically at build time.

`selfcare synth-sounds` writes them to assets/audio/; running it again gives the
same audio (fixed seeds, no wall clock), and a file whose decoded audio would not
change is left untouched, so a rebuild does not churn the repository.

* `soft-drone` (ambience): a warm open chord on D with a breath of shaped noise,
  every note and the noise swelling and fading on its own slow cycle. It loops
  without a seam: it is synthesised in the frequency domain on a grid of
  1/LOOP_SECONDS Hz, so every partial, every beat between detuned partials,
  every envelope and the noise are exactly periodic over the loop.
* `chime`: a soft bell, inharmonic partials with exponential decay and a crisp
  1.5 ms attack (onsets are easy to find, and it cuts gently through the bed).
* `bell`: a deeper singing-bowl-like tone, split partial pairs beating slowly.
* `tick`: a very soft, short wooden tick.

Levels (see docs/narration.md): the drone sits at about -30 LUFS, 12-15 LU under
the voice as played; chime and bell peak at about -20 LUFS momentary, never above
-3 dBTP; the tick peaks at -15 dBFS.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile

from selfcare import paths
from selfcare.audio import loudness

RATE = 48000
LOOP_SECONDS = 60
AMBIENCE_LUFS = -30.0
CUE_MOMENTARY_LUFS = -20.0
CUE_CEILING_DBTP = -3.0
TICK_PEAK_DBFS = -15.0
SEED = 20240611

# Vorbis quality through libsndfile's compression level (0 = best, 1 = smallest).
AMBIENCE_COMPRESSION = 0.8
CUE_COMPRESSION = 0.5

Signal = npt.NDArray[np.float64]
Audio = npt.NDArray[np.float32]


# --------------------------------------------------------------------------- files


def read_audio(path: Path) -> tuple[Audio, int]:
    """Decoded samples (frames,) for mono or (frames, channels), and the rate."""
    data, rate = soundfile.read(str(path), dtype="float32", always_2d=False)
    return np.asarray(data, dtype=np.float32), int(rate)


def write_ogg(path: Path, samples: Audio, rate: int, compression: float,
              *, keep_same: bool = False) -> bool:
    """Write OGG Vorbis atomically; True when the file was (re)written.

    With `keep_same`, an existing file whose decoded audio equals the new
    encoding's is kept as it is (libsndfile gives every Ogg stream a random
    serial number, so the bytes differ even when the sound does not).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(suffix=".ogg", prefix=".tmp-", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        _encode(temp, samples, rate, compression)
        temp.chmod(0o644)  # mkstemp makes files private; assets are for everyone
        if keep_same and path.is_file() and _same_audio(path, temp):
            return False
        temp.replace(path)
        return True
    finally:
        temp.unlink(missing_ok=True)


WRITE_BLOCK = 16384  # frames per call: libsndfile's Vorbis encoder crashes on very large writes


def _encode(path: Path, samples: Audio, rate: int, compression: float) -> None:
    channels = 1 if samples.ndim == 1 else samples.shape[1]
    with soundfile.SoundFile(str(path), "w", rate, channels, format="OGG", subtype="VORBIS",
                             compression_level=compression) as out:
        for start in range(0, samples.shape[0], WRITE_BLOCK):
            out.write(samples[start:start + WRITE_BLOCK])


def _same_audio(first: Path, second: Path) -> bool:
    try:
        a, rate_a = read_audio(first)
    except (soundfile.LibsndfileError, RuntimeError, OSError):
        return False
    b, rate_b = read_audio(second)
    return rate_a == rate_b and a.shape == b.shape and bool(np.array_equal(a, b))


# --------------------------------------------------------------------------- ambience


def _bin(frequency: float, seconds: int) -> int:
    """The nearest frequency with a whole number of cycles in the loop, as an FFT bin."""
    return round(frequency * seconds)


def _envelope(frames: int, cycles: int, phase: float, depth: float) -> Signal:
    """A slow raised-cosine swell with a whole number of `cycles` per loop (so it loops)."""
    t = np.arange(frames, dtype=np.float64) / frames
    return (1.0 - depth) + depth * 0.5 * (1.0 + np.cos(2.0 * math.pi * cycles * t + phase))


@dataclass(frozen=True)
class _Note:
    frequency: float
    level: float  # linear, relative
    partials: int


# An open D chord (D2 A2 D3 A3 E4 F#4 A4): no third in the low register, a soft
# ninth and third on top; warm, neither sad nor bright.
_CHORD = (
    _Note(73.42, 0.55, 4),
    _Note(110.00, 0.80, 6),
    _Note(146.83, 1.00, 7),
    _Note(220.00, 0.70, 7),
    _Note(329.63, 0.35, 5),
    _Note(369.99, 0.22, 4),
    _Note(440.00, 0.20, 4),
)


def soft_drone(seconds: int = LOOP_SECONDS, rate: int = RATE, seed: int = SEED) -> Audio:
    """Stereo (frames, 2) float32 loop of exactly `seconds`, normalised to AMBIENCE_LUFS."""
    rng = np.random.default_rng(seed)
    frames = seconds * rate
    bins = frames // 2 + 1
    channels: list[Signal] = []
    # One set of random choices per note, shared by both channels, so the image is stable.
    plans = [_plan_note(note, rng) for note in _CHORD]
    noise_plan = rng.integers(0, 2**31 - 1, size=2)
    for channel in range(2):
        total = np.zeros(frames, dtype=np.float64)
        for note, plan in zip(_CHORD, plans, strict=True):
            total += _render_note(note, plan, channel, seconds, frames, bins)
        total += _render_air(int(noise_plan[channel]), seconds, rate, frames, bins)
        channels.append(total)
    stereo = np.stack(channels, axis=1)
    gain = loudness.db_to_gain(AMBIENCE_LUFS - loudness.integrated_lufs(stereo, rate))
    return (stereo * gain).astype(np.float32)


@dataclass(frozen=True)
class _NotePlan:
    body_cycles: int
    body_phase: float
    bright_cycles: int
    bright_phase: float
    detune_bins: tuple[int, ...]  # chorus voices, in 1/seconds Hz steps
    phases: npt.NDArray[np.float64]  # [channel, partial, voice]


def _plan_note(note: _Note, rng: np.random.Generator) -> _NotePlan:
    voices = (0, int(rng.integers(5, 9)), -int(rng.integers(6, 11)))  # 0.08-0.18 Hz beats
    return _NotePlan(
        body_cycles=int(rng.integers(1, 4)),
        body_phase=float(rng.uniform(0, 2 * math.pi)),
        bright_cycles=int(rng.integers(1, 3)),
        bright_phase=float(rng.uniform(0, 2 * math.pi)),
        detune_bins=voices,
        phases=rng.uniform(0, 2 * math.pi, size=(2, note.partials, len(voices))),
    )


def _render_note(note: _Note, plan: _NotePlan, channel: int, seconds: int, frames: int,
                 bins: int) -> Signal:
    """The note's lower partials (body) and upper partials (brightness), each swelling slowly."""
    layers = []
    for lowest, highest, cycles, phase, depth in (
        (1, 2, plan.body_cycles, plan.body_phase, 0.6),
        (3, note.partials, plan.bright_cycles, plan.bright_phase, 0.85),
    ):
        spectrum = np.zeros(bins, dtype=np.complex128)
        for harmonic in range(lowest, highest + 1):
            amplitude = note.level / harmonic**1.7
            centre = _bin(note.frequency * harmonic, seconds)
            for voice, offset in enumerate(plan.detune_bins):
                weight = 1.0 if offset == 0 else 0.45
                # Low fundamentals stay centred (same phase both sides); the rest spreads.
                side = 0 if note.frequency * harmonic < 160 else channel
                phase_value = plan.phases[side, harmonic - 1, voice]
                spectrum[centre + offset] += amplitude * weight * np.exp(1j * phase_value)
        tone = np.fft.irfft(spectrum * (frames / 2), n=frames)
        layers.append(tone * _envelope(frames, cycles, phase, depth))
    result: Signal = np.sum(layers, axis=0)
    return result


def _render_air(seed: int, seconds: int, rate: int, frames: int, bins: int) -> Signal:
    """Two bands of soft, circular (hence looping) noise that rise and fall like breath."""
    rng = np.random.default_rng(seed)
    frequency = np.arange(bins, dtype=np.float64) / seconds
    result = np.zeros(frames, dtype=np.float64)
    for centre, width, level, cycles in ((420.0, 0.55, 0.030, 3), (1500.0, 0.45, 0.012, 5)):
        with np.errstate(divide="ignore"):
            octaves = np.log2(np.maximum(frequency, 1e-9) / centre)
        shape = np.exp(-0.5 * (octaves / width) ** 2) / np.sqrt(np.maximum(frequency, 1.0))
        spectrum = shape * np.exp(1j * rng.uniform(0, 2 * math.pi, size=bins))
        spectrum[0] = 0.0
        noise = np.fft.irfft(spectrum, n=frames)
        noise *= level / max(float(np.std(noise)), 1e-12)
        result += noise * _envelope(frames, cycles, float(rng.uniform(0, 2 * math.pi)), 0.7)
    del rate
    return result


# --------------------------------------------------------------------------- cues


def _attack(frames: int, rate: int, seconds: float) -> Signal:
    """Raised-cosine rise over `seconds` from the very first sample, then 1."""
    ramp = max(1, round(seconds * rate))
    env = np.ones(frames, dtype=np.float64)
    n = np.arange(min(ramp, frames), dtype=np.float64)
    env[: n.shape[0]] = 0.5 - 0.5 * np.cos(math.pi * (n + 1) / ramp)
    return env


def _release(frames: int, rate: int, seconds: float) -> Signal:
    """Cosine fall to exactly zero over the last `seconds`."""
    ramp = max(1, round(seconds * rate))
    env = np.ones(frames, dtype=np.float64)
    n = np.arange(min(ramp, frames), dtype=np.float64)
    env[frames - n.shape[0]:] = 0.5 + 0.5 * np.cos(math.pi * (n + 1) / n.shape[0])
    return env


def _modes(seconds: float, rate: int, modes: list[tuple[float, float, float]],
           rng: np.random.Generator) -> Signal:
    """Sum of exponentially decaying sines: (frequency Hz, amplitude, decay time constant s)."""
    t = np.arange(round(seconds * rate), dtype=np.float64) / rate
    out = np.zeros_like(t)
    for frequency, amplitude, tau in modes:
        phase = float(rng.uniform(-0.3, 0.3))  # near sine phase: starts near zero, no click
        out += amplitude * np.exp(-t / tau) * np.sin(2 * math.pi * frequency * t + phase)
    return out


def _level_cue(signal: Signal, rate: int) -> Audio:
    """Scale so the loudest 400 ms reads CUE_MOMENTARY_LUFS, unless that would pass the ceiling."""
    by_loudness = loudness.db_to_gain(CUE_MOMENTARY_LUFS - max_momentary_lufs(signal, rate))
    by_peak = loudness.db_to_gain(CUE_CEILING_DBTP - 0.5 - loudness.true_peak_dbtp(signal, rate))
    return (signal * min(by_loudness, by_peak)).astype(np.float32)


def max_momentary_lufs(samples: Signal, rate: int, hop_seconds: float = 0.1) -> float:
    """The loudest 400 ms window (BS.1770 momentary loudness), padding short sounds."""
    window = round(loudness.BLOCK_SECONDS * rate) + 1
    data = np.asarray(samples, dtype=np.float64)
    if data.shape[0] < window:
        data = np.concatenate([data, np.zeros(window - data.shape[0])])
    hop = round(hop_seconds * rate)
    starts = range(0, max(1, data.shape[0] - window + 1), hop)
    return max(loudness.integrated_lufs(data[s:s + window], rate) for s in starts)


def chime(rate: int = RATE, seed: int = SEED + 1) -> Audio:
    """A soft bell on D5: a beating doublet, bell-like inharmonic partials, ~2.5 s."""
    rng = np.random.default_rng(seed)
    f0 = 587.33
    modes = [
        (f0, 1.00, 1.10), (f0 + 0.9, 0.55, 1.00),   # the hum pair beats slowly
        (f0 * 2.01, 0.22, 0.75), (f0 * 2.76, 0.30, 0.50),
        (f0 * 4.07, 0.12, 0.30), (f0 * 5.40, 0.07, 0.18), (f0 * 6.98, 0.03, 0.10),
    ]
    seconds = 2.5
    tone = _modes(seconds, rate, modes, rng)
    frames = tone.shape[0]
    tone *= _attack(frames, rate, 0.0015) * _release(frames, rate, 0.35)
    return _level_cue(tone, rate)


def bell(rate: int = RATE, seed: int = SEED + 2) -> Audio:
    """A singing-bowl-like tone on A3: split partial pairs beat slowly as it rings, ~7 s."""
    rng = np.random.default_rng(seed)
    f0 = 220.0
    modes: list[tuple[float, float, float]] = []
    for ratio, amplitude, tau, split in (
        (1.00, 1.00, 3.2, 0.55), (2.71, 0.55, 2.2, 1.10),
        (5.15, 0.22, 1.2, 1.70), (8.32, 0.08, 0.6, 2.30),
    ):
        modes.append((f0 * ratio, amplitude * 0.6, tau))
        modes.append((f0 * ratio + split, amplitude * 0.4, tau * 0.9))
    seconds = 7.0
    tone = _modes(seconds, rate, modes, rng)
    frames = tone.shape[0]
    tone *= _attack(frames, rate, 0.0025) * _release(frames, rate, 1.2)
    return _level_cue(tone, rate)


def tick(rate: int = RATE, seed: int = SEED + 3) -> Audio:
    """A soft wooden tick: three quickly damped modes and a breath of noise, ~60 ms."""
    rng = np.random.default_rng(seed)
    seconds = 0.06
    modes = [(1320.0, 1.0, 0.011), (2180.0, 0.5, 0.007), (3560.0, 0.25, 0.004)]
    tone = _modes(seconds, rate, modes, rng)
    frames = tone.shape[0]
    t = np.arange(frames, dtype=np.float64) / rate
    noise = rng.standard_normal(frames) * np.exp(-t / 0.0025)
    noise = np.convolve(noise, np.array([0.5, -0.5]), mode="same")  # only the crack, no thud
    tone = tone + 0.25 * noise
    tone *= _attack(frames, rate, 0.0004) * _release(frames, rate, 0.015)
    gain = loudness.db_to_gain(TICK_PEAK_DBFS) / float(np.max(np.abs(loudness.oversampled(tone))))
    return (tone * gain).astype(np.float32)


# --------------------------------------------------------------------------- building


@dataclass(frozen=True)
class SoundReport:
    path: Path
    seconds: float
    channels: int
    peak_dbtp: float
    lufs: float  # integrated for the ambience; loudest 400 ms for cues
    written: bool
    seam_db: float | None = None  # loops: high-band energy across the wrap (seam_click_db)


AMBIENCES: dict[str, Callable[[], Audio]] = {"soft-drone": soft_drone}
CUES: dict[str, Callable[[], Audio]] = {"chime": chime, "bell": bell, "tick": tick}


def build_sounds() -> list[SoundReport]:
    """Write every ambience and cue; report each file as it decodes back."""
    jobs: list[tuple[Path, Callable[[], Audio], float, bool]] = [
        (paths.ambience_path(name), make, AMBIENCE_COMPRESSION, True)
        for name, make in AMBIENCES.items()
    ] + [(paths.cue_path(name), make, CUE_COMPRESSION, False) for name, make in CUES.items()]
    reports = []
    for path, make, compression, is_loop in jobs:
        written = write_ogg(path, make(), RATE, compression, keep_same=True)
        decoded, rate = read_audio(path)
        click: float | None = None
        if is_loop:
            seam = seam_ratio(decoded)
            click = seam_click_db(decoded, rate)
            if seam > SEAM_LIMIT or click > SEAM_CLICK_LIMIT_DB:
                path.unlink()  # a clicking loop must not ship
                raise ValueError(f"{path.name}: the loop seam clicks (a step {seam:.1f}x the "
                                 f"usual, high band {click:.1f} dB)")
            level = loudness.integrated_lufs(decoded, rate)
        else:
            level = max_momentary_lufs(decoded.astype(np.float64), rate)
        reports.append(SoundReport(
            path=path,
            seconds=decoded.shape[0] / rate,
            channels=1 if decoded.ndim == 1 else decoded.shape[1],
            peak_dbtp=loudness.true_peak_dbtp(decoded, rate),
            lufs=level,
            written=written,
            seam_db=click,
        ))
    return reports


SEAM_LIMIT = 3.0
SEAM_CLICK_LIMIT_DB = -45.0  # a loop cut at a random point reads about -35 dB


def seam_ratio(samples: Audio) -> float:
    """How the jump from the last sample to the first compares with jumps inside the loop.

    1.0 means the wrap is as smooth as a typical step; a click reads as a large
    multiple of the 99.9th percentile step.
    """
    data = np.asarray(samples, dtype=np.float64)
    if data.ndim == 1:
        data = data[:, None]
    inside = np.abs(np.diff(data, axis=0)).max(axis=1)
    typical = float(np.percentile(inside, 99.9))
    wrap = float(np.max(np.abs(data[0] - data[-1])))
    return wrap / max(typical, 1e-12)


def seam_click_db(samples: Audio, rate: int, size: int = 1024, above: float = 6000.0) -> float:
    """Energy above `above` Hz in a frame straddling the wrap, relative to the frame's total.

    A click is broadband; the drone has almost nothing above 6 kHz, so any
    discontinuity at the wrap shows up here. dB; lower is cleaner.
    """
    data = np.asarray(samples, dtype=np.float64)
    if data.ndim == 1:
        data = data[:, None]
    frame = np.concatenate([data[-size // 2:], data[: size // 2]])
    power = np.abs(np.fft.rfft(frame * np.hanning(size)[:, None], axis=0)) ** 2
    freqs = np.fft.rfftfreq(size, 1 / rate)
    high = float(power[freqs >= above].sum())
    return 10.0 * math.log10(max(high, 1e-30) / max(float(power.sum()), 1e-30))
