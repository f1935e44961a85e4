"""The built-in ambience and cue sounds, synthesised deterministically at build time.

`selfcare synth-sounds` writes them to assets/audio/; running it again gives the
same audio (fixed seeds, no wall clock), and a file whose decoded audio would not
change is left untouched, so a rebuild does not churn the repository.

Ambiences (60 s stereo loops, assets/audio/ambience/<name>.ogg):

* `soft-drone`: a warm open chord on D with a breath of shaped noise, every note
  and the noise swelling and fading on its own slow cycle. It is synthesised in
  the frequency domain on a grid of 1/LOOP_SECONDS Hz, so every partial, every
  beat between detuned partials, every envelope and the noise are exactly
  periodic over the loop.
* `sea`: slow waves on a shore. Seven waves a minute at irregular intervals
  (6-11 s apart), each 7-11.5 s long: a swell of low roar (noise around 330 Hz)
  that builds to 40 % of the wave, a wash (400 Hz-2 kHz) that peaks about half
  way, and foam (0.9-2.6 kHz) fizzing as the water draws back, the image
  drifting a little along the shore; under them a low rumble (25-160 Hz) that
  swells with the waves, and a faint distant surf.
* `rain`: steady soft rain: dense pinkish noise (180 Hz-2 kHz, strongest near
  900 Hz) that moves by about 1 dB over tens of seconds, a little low drumming
  (70-350 Hz), and a faint patter of tiny drops (18 a second: 2-6 ms decaying
  sines at 1.3-2.8 kHz that glide up a little, with soft attacks), no thunder.
* `forest`: a soft breeze in leaves: one noise through overlapping bands whose
  balance follows a centre drifting between 500 and 1400 Hz, in gusts of +/- 4 dB
  that reach one ear 0.3 s after the other, the upper bands fluttering like
  leaves, over a low wind; and five far-off bird calls a minute (simple sine
  sweeps at 1.8-3.8 kHz with soft attacks and two faint echoes), 6-11 dB under
  the breeze.

They all loop without a seam because they are periodic by construction: partials
and envelopes have whole numbers of cycles per loop, noise is shaped in the FFT
domain over the whole loop (one period of a periodic noise), events are placed on
a circular timeline (a wave or a call that runs past the end goes on at the
start), and the final tone shaping is again one FFT over the loop. Each is
normalised to AMBIENCE_LUFS and rolls off above a few kHz (24 dB/octave from
2.4-4 kHz; the drone has no highs at all), so none is hissy and none has a moment
much louder than its average (the sea's crests, the loudest, about 5 dB over the
median 100 ms).

Cues (mono, assets/audio/cues/<name>.ogg):

* `chime`: a soft bell, inharmonic partials with exponential decay and a crisp
  1.5 ms attack (onsets are easy to find, and it cuts gently through the bed).
* `bell`: a deeper singing-bowl-like tone, split partial pairs beating slowly.
* `tick`: a very soft, short wooden tick.

Levels (see docs/narration.md): the beds sit at about -30 LUFS, 12-15 LU under
the voice as played; chime and bell peak at about -20 LUFS momentary, never above
-3 dBTP; the tick peaks at -15 dBFS.
"""
from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
Spectrum = npt.NDArray[np.complex128]


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
    with _encoded(path.parent, samples, rate, compression) as temp:
        return _install(temp, path, keep_same=keep_same)


@contextmanager
def _encoded(folder: Path, samples: Audio, rate: int, compression: float) -> Iterator[Path]:
    """A temporary OGG Vorbis file of `samples` in `folder`, removed afterwards if left there."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(suffix=".ogg", prefix=".tmp-", dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        _encode(temp, samples, rate, compression)
        temp.chmod(0o644)  # mkstemp makes files private; assets are for everyone
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def _install(temp: Path, path: Path, *, keep_same: bool) -> bool:
    """Move `temp` to `path`, unless `keep_same` and `path` already sounds the same."""
    if keep_same and path.is_file() and _same_audio(path, temp):
        return False
    temp.replace(path)
    return True


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


# --------------------------------------------------------------------------- nature beds
#
# Sea, rain and forest are made of noise, so they loop by being circular rather than by
# holding whole numbers of cycles of a few partials: every noise is shaped in the FFT
# domain over the whole loop (one period of a periodic noise), every slow movement is a
# sum of cosines on the 1/seconds grid, every event (a wave, a drop, a chirp) is added at
# its place modulo the loop, so one that runs past the end goes on at the start, and the
# final tone shaping is again one FFT over the whole loop. The raw loop is exactly periodic.

BED_TOP_ORDER = 4  # the soft top: a 4th-order (24 dB/octave) roll-off above each bed's corner


def _frequencies(frames: int, rate: int) -> Signal:
    """The loop's FFT grid in Hz: multiples of 1/seconds, up to Nyquist."""
    return np.asarray(np.fft.rfftfreq(frames, 1.0 / rate), dtype=np.float64)


def _lowpass(freqs: Signal, corner: float, order: int) -> Signal:
    """Butterworth-like magnitude response, 1 well below `corner`, falling 6*order dB/octave."""
    result: Signal = 1.0 / np.sqrt(1.0 + (freqs / corner) ** (2 * order))
    return result


def _highpass(freqs: Signal, corner: float, order: int) -> Signal:
    ratio = corner / np.maximum(freqs, 1.0)
    result: Signal = 1.0 / np.sqrt(1.0 + ratio ** (2 * order))
    return result


def _band(freqs: Signal, low: float, high: float, order: int = 2) -> Signal:
    return _highpass(freqs, low, order) * _lowpass(freqs, high, order)


def _pink(freqs: Signal) -> Signal:
    """Equal energy per octave (magnitude 1/sqrt(f)), flat below 20 Hz."""
    result: Signal = 1.0 / np.sqrt(np.maximum(freqs, 20.0))
    return result


def _log_bell(freqs: Signal, centre: float, octaves: float) -> Signal:
    """A bell on a log-frequency axis: 1 at `centre`, standard deviation `octaves`."""
    distance = np.log2(np.maximum(freqs, 1.0) / centre) / octaves
    result: Signal = np.exp(-0.5 * distance**2)
    return result


def _white(rng: np.random.Generator, bins: int) -> Spectrum:
    """A complex Gaussian spectrum: white noise on the loop's frequency grid, no DC."""
    spectrum: Spectrum = rng.standard_normal(2 * bins).view(np.complex128)
    spectrum[0] = 0.0
    return spectrum


def _shaped(white: Spectrum, shape: Signal, frames: int) -> Signal:
    """One period of a periodic noise: `white` through the magnitude `shape`, at unit RMS."""
    noise = np.fft.irfft(white * shape, n=frames)
    result: Signal = noise / max(float(np.sqrt(np.mean(noise**2))), 1e-12)
    return result


def _noise(rng: np.random.Generator, frames: int, shape: Signal) -> Signal:
    """One period of a periodic noise with magnitude spectrum `shape`, at unit RMS."""
    return _shaped(_white(rng, shape.shape[0]), shape, frames)


def _stereo_whites(rng: np.random.Generator, bins: int, correlation: float) -> list[Spectrum]:
    """White spectra for (left, right) that share `correlation` of their power."""
    common = _white(rng, bins)
    shared, own = math.sqrt(correlation), math.sqrt(1.0 - correlation)
    return [shared * common + own * _white(rng, bins) for _ in range(2)]


def _stereo_noise(rng: np.random.Generator, frames: int, shape: Signal,
                  correlation: float) -> Signal:
    """(frames, 2) noise shaped by `shape` whose channels share `correlation` of their power."""
    whites = _stereo_whites(rng, shape.shape[0], correlation)
    return np.stack([_shaped(white, shape, frames) for white in whites], axis=1)


def _wander(rng: np.random.Generator, frames: int, lowest: int, highest: int) -> Signal:
    """A smooth random movement between -1 and 1 made of whole cycles per loop only."""
    spectrum = np.zeros(frames // 2 + 1, dtype=np.complex128)
    cycles = np.arange(lowest, highest + 1)
    spectrum[cycles] = np.exp(1j * rng.uniform(0, 2 * math.pi, size=cycles.shape[0])) / cycles
    movement = np.fft.irfft(spectrum, n=frames)
    result: Signal = movement / float(np.max(np.abs(movement)))
    return result


def _add_wrapped(track: Signal, start: int, values: Signal) -> None:
    """Add `values` into the loop `track` from frame `start`, wrapping past the end."""
    index = (start + np.arange(values.shape[0])) % track.shape[0]
    track[index] += values


def _spread(rng: np.random.Generator, count: int, frames: int, irregular: float) -> list[int]:
    """`count` event starts around the circular loop, gaps random within +/- `irregular`."""
    gaps = rng.uniform(1.0 - irregular, 1.0 + irregular, size=count)
    gaps *= frames / gaps.sum()
    offset = rng.uniform(0, frames)
    return [int(s) % frames for s in offset + np.cumsum(gaps) - gaps[0]]


def _pan(position: float) -> tuple[float, float]:
    """Constant-power gains (left, right) for -1 (left) .. 1 (right), 1 each at the centre."""
    angle = (position + 1.0) * math.pi / 4.0
    return math.sqrt(2.0) * math.cos(angle), math.sqrt(2.0) * math.sin(angle)


def _bump(x: Signal, rise: float, fall: float) -> Signal:
    """x^rise (1-x)^fall on [0, 1], scaled to peak at 1: a smooth asymmetric swell."""
    x = np.clip(x, 0.0, 1.0)
    peak = rise**rise * fall**fall / (rise + fall) ** (rise + fall)
    result: Signal = x**rise * (1.0 - x) ** fall / peak
    return result


def _finish_bed(stereo: Signal, rate: int, top: float) -> Audio:
    """Roll off above `top` Hz and below 30 Hz (over the whole loop), then set the level."""
    frames = stereo.shape[0]
    freqs = _frequencies(frames, rate)
    shape = _lowpass(freqs, top, BED_TOP_ORDER) * _highpass(freqs, 30.0, 2)
    soft = np.fft.irfft(np.fft.rfft(stereo, axis=0) * shape[:, None], n=frames, axis=0)
    gain = loudness.db_to_gain(AMBIENCE_LUFS - loudness.integrated_lufs(soft, rate))
    return (soft * gain).astype(np.float32)


# .. sea


@dataclass(frozen=True)
class _Wave:
    start: int  # frame in the loop
    frames: int  # 7-11.5 s
    strength: float
    pan_from: float
    pan_to: float  # waves run along the shore: the image drifts a little while one breaks
    brightness: float  # how much wash and foam against the roar of the swell


# Each wave's three layers: (noise, start and end as fractions of the wave, rise, fall).
_WAVE_LAYERS = (
    ("roar", 0.00, 1.00, 2.0, 3.0),  # the swell: builds to 40 %, dies away with the wave
    ("wash", 0.28, 1.00, 1.6, 3.2),  # the break and wash: peaks at about half way
    ("foam", 0.40, 1.00, 1.4, 2.2),  # foam fizzing as the water draws back
)


def sea(seconds: int = LOOP_SECONDS, rate: int = RATE, seed: int = SEED + 4) -> Audio:
    """Stereo loop of slow waves on a shore over a low rumble, normalised to AMBIENCE_LUFS."""
    rng = np.random.default_rng(seed)
    frames = seconds * rate
    freqs = _frequencies(frames, rate)
    noises = {
        "roar": (_stereo_noise(rng, frames, _log_bell(freqs, 330.0, 0.9), 0.8), 1.00),
        "wash": (_stereo_noise(rng, frames, _band(freqs, 400.0, 2000.0) * _pink(freqs), 0.8),
                 0.60),
        "foam": (_stereo_noise(rng, frames, _band(freqs, 900.0, 2600.0) * _pink(freqs), 0.8),
                 0.28),
    }
    envelopes = {name: np.zeros((frames, 2)) for name in noises}
    count = max(1, round(seconds / 8.5))
    for start in _spread(rng, count, frames, 0.25):
        wave = _Wave(start=start, frames=round(rng.uniform(7.0, 11.5) * rate),
                     strength=float(rng.uniform(0.7, 1.0)),
                     pan_from=float(rng.uniform(-0.45, 0.45)),
                     pan_to=float(rng.uniform(-0.45, 0.45)),
                     brightness=float(rng.uniform(0.75, 1.15)))
        x = np.arange(wave.frames, dtype=np.float64) / wave.frames
        position = wave.pan_from + (wave.pan_to - wave.pan_from) * x
        angle = (position + 1.0) * math.pi / 4.0
        image = math.sqrt(2.0) * np.stack([np.cos(angle), np.sin(angle)], axis=1)
        for name, begin, end, rise, fall in _WAVE_LAYERS:
            level = wave.strength * (1.0 if name == "roar" else wave.brightness)
            shape = _bump((x - begin) / (end - begin), rise, fall)
            _add_wrapped(envelopes[name], wave.start, (level * shape)[:, None] * image)
    total = np.zeros((frames, 2))
    for name, (noise, level) in noises.items():
        total += level * envelopes[name] * noise
    swell = envelopes["roar"].mean(axis=1, keepdims=True)
    rumble = _stereo_noise(rng, frames, _band(freqs, 25.0, 160.0) * _pink(freqs), 0.9)
    total += 0.5 * (1.0 + 0.25 * _wander(rng, frames, 1, 3)[:, None] + 0.4 * swell) * rumble
    surf = _stereo_noise(rng, frames, _band(freqs, 250.0, 1400.0) * _pink(freqs), 0.8)
    total += 0.22 * (1.0 + 0.3 * _wander(rng, frames, 2, 6)[:, None]) * surf
    return _finish_bed(total, rate, top=2800.0)


# .. rain


def rain(seconds: int = LOOP_SECONDS, rate: int = RATE, seed: int = SEED + 5) -> Audio:
    """Stereo loop of steady soft rain with a faint patter of drops, at AMBIENCE_LUFS."""
    rng = np.random.default_rng(seed)
    frames = seconds * rate
    freqs = _frequencies(frames, rate)
    hush = _band(freqs, 180.0, 2000.0) * _pink(freqs) * (1.0 + 0.7 * _log_bell(freqs, 900.0, 0.7))
    body = _stereo_noise(rng, frames, hush, 0.8)
    body *= (1.0 + 0.12 * _wander(rng, frames, 1, 5))[:, None]  # about +/- 1 dB, slowly
    roof = _stereo_noise(rng, frames, _band(freqs, 70.0, 350.0) * _pink(freqs), 0.8)
    body += 0.3 * roof
    patter = _patter(rng, frames, rate, per_second=18.0)
    patter *= 0.25 * float(np.sqrt(np.mean(body**2)) / np.sqrt(np.mean(patter**2)))
    return _finish_bed(body + patter, rate, top=2400.0)


def _patter(rng: np.random.Generator, frames: int, rate: int, per_second: float) -> Signal:
    """Tiny soft drops: short decaying sines that glide up a little, placed anywhere."""
    track = np.zeros((frames, 2))
    count = round(per_second * frames / rate)
    for _ in range(count):
        start = int(rng.integers(0, frames))
        pitch = math.exp(rng.uniform(math.log(1300.0), math.log(2800.0)))
        glide = float(rng.uniform(0.05, 0.25))
        tau = float(rng.uniform(0.002, 0.006))
        amplitude = min(2.0, math.exp(rng.normal(0.0, 0.45)))
        left, right = _pan(float(rng.uniform(-0.8, 0.8)))
        length = round(6 * tau * rate)
        t = np.arange(length, dtype=np.float64) / rate
        frequency = pitch * (1.0 + glide * (1.0 - np.exp(-t / tau)))
        phase = 2 * math.pi * np.cumsum(frequency) / rate
        drop = np.sin(phase) * np.exp(-t / tau)
        drop *= _attack(length, rate, 0.0015) * _release(length, rate, 2 * tau)
        _add_wrapped(track, start, amplitude * drop[:, None] * np.array([left, right]))
    return track


# .. forest


# Birds' calls far off: notes as (start s, length s, from Hz, to Hz), sung at a random
# pitch and pace. Simple sine sweeps, kept under 4 kHz like everything else here.
_CALLS = (
    ((0.00, 0.16, 2900.0, 3300.0), (0.23, 0.20, 3000.0, 2400.0)),  # tee-oo
    ((0.00, 0.07, 2800.0, 3400.0), (0.19, 0.07, 2800.0, 3400.0),
     (0.38, 0.07, 2850.0, 3450.0)),  # tsip tsip tsip
    ((0.00, 0.38, 2100.0, 2550.0),),  # a slow rising whistle
    tuple((0.08 * i, 0.045, 3200.0 - 40.0 * i, 3050.0 - 40.0 * i) for i in range(5)),  # trill
)
_ECHOES = ((0.043, 0.30, 1), (0.097, 0.18, 0))  # (delay s, gain, channel): a far-off sound


def forest(seconds: int = LOOP_SECONDS, rate: int = RATE, seed: int = SEED + 6) -> Audio:
    """Stereo loop of a soft breeze in leaves and a few far birds, at AMBIENCE_LUFS."""
    rng = np.random.default_rng(seed)
    frames = seconds * rate
    breeze = _breeze(rng, frames, rate)
    level = float(np.sqrt(np.mean(breeze**2)))
    birds = np.zeros((frames, 2))
    count = max(1, round(seconds * 5 / 60))
    for start in _spread(rng, count, frames, 0.5):
        _add_call(rng, birds, start, rate, level)
    return _finish_bed(breeze + birds, rate, top=4000.0)


def _breeze(rng: np.random.Generator, frames: int, rate: int) -> Signal:
    """Noise through overlapping bands whose balance follows a slowly moving centre.

    One pair of white noises feeds every band, so the bands together are one noise
    through a filter that drifts between about 500 and 1400 Hz, as leaves do when
    the wind comes and goes; the upper bands flutter a little, like leaves.
    """
    freqs = _frequencies(frames, rate)
    centre = np.log2(850.0) + 0.75 * _wander(rng, frames, 2, 10)
    gust = loudness.db_to_gain(4.0) ** _wander(rng, frames, 1, 8)  # +/- 4 dB, 7-60 s
    gusts = (gust, np.roll(gust, round(0.3 * rate)))  # the gust reaches one side later
    flutters = [1.0 + 0.25 * np.tanh(0.6 * _noise(rng, frames, _band(freqs, 2.0, 9.0)))
                for _ in range(2)]
    whites = _stereo_whites(rng, freqs.shape[0], 0.65)
    total = np.zeros((frames, 2))
    for band in range(9):
        middle = 260.0 * 2.0 ** (0.45 * band)  # 260 Hz to 3.1 kHz
        weight = np.exp(-0.5 * ((math.log2(middle) - centre) / 0.85) ** 2)
        for channel in range(2):
            noise = _shaped(whites[channel], _log_bell(freqs, middle, 0.3), frames)
            flutter = flutters[channel] if middle > 1000.0 else 1.0
            total[:, channel] += weight * gusts[channel] * flutter * noise
    air = _stereo_noise(rng, frames, _band(freqs, 45.0, 220.0) * _pink(freqs), 0.8)
    total += 0.8 * gust[:, None] * air
    return total


def _add_call(rng: np.random.Generator, track: Signal, start: int, rate: int,
              bed_rms: float) -> None:
    """One bird's call at `start`, quiet against the bed (RMS `bed_rms`), placed left or right."""
    notes = _CALLS[int(rng.integers(0, len(_CALLS)))]
    pitch = float(rng.uniform(0.88, 1.1))
    pace = float(rng.uniform(0.9, 1.15))
    amplitude = bed_rms * math.sqrt(2.0) * loudness.db_to_gain(float(rng.uniform(-11.0, -6.0)))
    left, right = _pan(float(rng.uniform(-0.6, 0.6)))
    for offset, length, begin, end in notes:
        frames = round(length * pace * rate)
        x = np.arange(frames, dtype=np.float64) / frames
        frequency = pitch * (begin + (end - begin) * (0.5 - 0.5 * np.cos(math.pi * x)))
        tone = np.sin(2 * math.pi * np.cumsum(frequency) / rate)
        tone *= _attack(frames, rate, min(0.015, 0.3 * length)) * _release(
            frames, rate, 0.4 * length * pace)
        at = start + round(offset * pace * rate)
        _add_wrapped(track, at, amplitude * tone[:, None] * np.array([left, right]))
        for delay, gain, channel in _ECHOES:
            echo = np.zeros((frames, 2))
            echo[:, channel] = gain * amplitude * tone
            _add_wrapped(track, at + round(delay * rate), echo)


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


AMBIENCES: dict[str, Callable[[], Audio]] = {
    "soft-drone": soft_drone, "sea": sea, "rain": rain, "forest": forest,
}
CUES: dict[str, Callable[[], Audio]] = {"chime": chime, "bell": bell, "tick": tick}


def build_sounds() -> list[SoundReport]:
    """Write every ambience and cue; report each file as it decodes back."""
    reports = [_build_loop(paths.ambience_path(name), make()) for name, make in AMBIENCES.items()]
    for name, make in CUES.items():
        path = paths.cue_path(name)
        written = write_ogg(path, make(), RATE, CUE_COMPRESSION, keep_same=True)
        decoded, rate = read_audio(path)
        reports.append(_report(path, decoded, rate, written,
                               max_momentary_lufs(decoded.astype(np.float64), rate)))
    return reports


# Where the file starts, as fractions of the loop, tried in turn. Any start of a
# periodic loop is the same loop, but Vorbis codes the first and the last block of
# a stream independently, so its coding noise (about 13 dB under a noise bed) steps
# at the wrap by a random amount; a start whose step reads as a click is passed over.
LOOP_STARTS = (0.0, 0.5, 0.25, 0.75, 0.125)


def _build_loop(path: Path, loop: Audio) -> SoundReport:
    """Encode a loop from the first start whose decoded wrap is clean, keeping an equal file."""
    seam, click = seam_ratio(loop), seam_click_db(loop, RATE)
    if seam > SEAM_LIMIT or click > SEAM_CLICK_LIMIT_DB:
        path.unlink(missing_ok=True)  # a loop that is not periodic must not ship
        raise ValueError(f"{path.name}: the synthesised loop does not join up (a step "
                         f"{seam:.1f}x the usual, high band {click:.1f} dB)")
    for fraction in LOOP_STARTS:
        rotated = np.roll(loop, -round(fraction * loop.shape[0]), axis=0)
        with _encoded(path.parent, rotated, RATE, AMBIENCE_COMPRESSION) as temp:
            decoded, rate = read_audio(temp)
            seam, click = seam_ratio(decoded), seam_click_db(decoded, rate)
            if seam <= SEAM_LIMIT and click <= SEAM_CLICK_LIMIT_DB:
                written = _install(temp, path, keep_same=True)
                return _report(path, decoded, rate, written,
                               loudness.integrated_lufs(decoded, rate), click)
    path.unlink(missing_ok=True)  # a clicking loop must not ship
    raise ValueError(f"{path.name}: the loop seam clicks wherever the file starts (last try: "
                     f"a step {seam:.1f}x the usual, high band {click:.1f} dB)")


def _report(path: Path, decoded: Audio, rate: int, written: bool, level: float,
            seam_db: float | None = None) -> SoundReport:
    return SoundReport(
        path=path,
        seconds=decoded.shape[0] / rate,
        channels=1 if decoded.ndim == 1 else decoded.shape[1],
        peak_dbtp=loudness.true_peak_dbtp(decoded, rate),
        lufs=level,
        written=written,
        seam_db=seam_db,
    )


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
