"""The reproducible narration build: script words -> offline TTS -> mastered OGG clips.

For one validated script and one language, every step with words becomes
`assets/audio/narration/<lang>/<id>/NNN.ogg` (NNN = the step number), and a
`manifest.json` beside the clips records, per clip, the fingerprint of the words
it speaks (see `selfcare.core.assets.words_fingerprint`), so `selfcare validate`
can tell when a script has changed since its narration was built.

Chain, the same for every clip (docs/narration.md says why):
  TTS (festival HTS voice for English, espeak-ng for Spanish, both offline)
  -> 48 kHz mono (soxr, very high quality)
  -> edge silence trimmed to EDGE_SECONDS, FADE_SECONDS fade in/out
  -> -18 LUFS integrated, true peak <= -1 dBTP (gain + look-ahead limiter)
  -> Opus in an Ogg file (.ogg), decoded again and measured: the manifest holds what plays.

Building is incremental: a clip whose recorded fingerprint matches its words,
made with the same engine settings, and whose file exists, is kept.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import soundfile

from selfcare import paths
from selfcare.audio import loudness
from selfcare.audio.synth import read_audio
from selfcare.core.assets import words_fingerprint
from selfcare.core.scripts import SessionScript
from selfcare.library import MANIFEST_NAME

MANIFEST_FORMAT = 1
RATE = 48000
TARGET_LUFS = -18.0
CEILING_DBTP = -1.0
LUFS_TOLERANCE = 1.0  # a clip outside target +/- this is an error (we aim for +/- 0.1)
EDGE_SECONDS = 0.080  # silence kept before the first and after the last sound
FADE_SECONDS = 0.030
MIN_SECONDS = 0.5  # shorter clips are padded with silence (loudness needs 400 ms)
SILENCE_BELOW_PEAK_DB = 50.0  # quieter than this under the loudest 10 ms counts as silence
# Opus (in Ogg) for speech: libsndfile's compression level 0.93 is about 24 kbit/s mono,
# enough for these voices' super-wideband speech (docs/narration.md says why). Opus keeps
# the exact length.
CLIP_SUBTYPE = "OPUS"
CLIP_COMPRESSION = 0.93
WRITE_BLOCK = 16384  # frames per write call
TTS_TIMEOUT_S = 120
TEXT_RULES = 2  # version of `spoken_text`; part of the settings, so a change rebuilds

Audio = npt.NDArray[np.float32]


class NarrationError(Exception):
    """A clip could not be made; the message names script, step and language."""


# --------------------------------------------------------------------------- voices


@dataclass(frozen=True)
class Voice:
    """One offline TTS engine and its settings for a language."""

    engine: str  # "festival" or "espeak-ng"
    voice: str
    params: Mapping[str, Any]

    def settings(self) -> dict[str, Any]:
        """What decides the sound of a clip (a change rebuilds every clip of the language)."""
        return {
            "engine": self.engine,
            "voice": self.voice,
            "params": dict(self.params),
            "processing": {
                "rate": RATE,
                "target_lufs": TARGET_LUFS,
                "ceiling_dbtp": CEILING_DBTP,
                "edge_seconds": EDGE_SECONDS,
                "fade_seconds": FADE_SECONDS,
                "codec": CLIP_SUBTYPE.lower(),
                "compression": CLIP_COMPRESSION,
                "text_rules": TEXT_RULES,
            },
        }

    def render(self, text: str, workdir: Path) -> tuple[Audio, int]:
        """Speak `text` into a WAV in `workdir`; return mono samples and their rate."""
        if self.engine == "festival":
            return _festival(self, text, workdir)
        if self.engine == "espeak-ng":
            return _espeak(self, text, workdir)
        raise NarrationError(f"unknown TTS engine '{self.engine}'")


VOICES: dict[str, Voice] = {
    # HTS voices ignore Duration_Stretch; the engine's own rate (-r < 1) slows them.
    "en": Voice("festival", "voice_cmu_us_slt_arctic_hts", {"hts_rate": 0.8}),
    # espeak-ng: words per minute, gap between words (10 ms units), base pitch (0-99).
    "es": Voice("espeak-ng", "es-419", {"speed_wpm": 125, "word_gap": 6, "pitch": 40}),
}


def voice_for(lang: str) -> Voice:
    try:
        return VOICES[lang]
    except KeyError:
        known = ", ".join(sorted(VOICES))
        raise NarrationError(f"no offline voice for language '{lang}' (have: {known})") from None


_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "`": "'",
    "\u201c": "", "\u201d": "", "\u201e": "", "\u00ab": "", "\u00bb": "", '"': "",
    "\u2013": ", ", "\u2014": ", ", "\u2026": "...", "\u00a0": " ",
})


# Acupressure point codes (LI4, PC6, ST36, GB20): spelt out, "L I 4", or festival
# reads "LI" as a word ("lee four").
_POINT_CODE = re.compile(r"\b([A-Z]{1,3})-?(\d{1,2})\b")


def spoken_text(words: str, lang: str) -> str:
    """The words as the engine should read them: one line, plain quotes and dashes.

    Double quotes are dropped (they only mark speech) and apostrophes kept
    ("don't"); point codes are spelt out. Festival reads bytes, not Unicode, so
    English is folded to ASCII. Change TEXT_RULES when this changes what is
    spoken: every clip is then rebuilt.
    """
    text = " ".join(words.translate(_QUOTES).split())
    text = _POINT_CODE.sub(lambda m: " ".join(m.group(1)) + " " + m.group(2), text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(\s*,)+", ",", text)
    if VOICES.get(lang) is not None and VOICES[lang].engine == "festival":
        folded = unicodedata.normalize("NFKD", text)
        text = folded.encode("ascii", "ignore").decode("ascii")
    return text


def _run(command: list[str], what: str) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TTS_TIMEOUT_S,
                              check=False)
    except FileNotFoundError:
        raise NarrationError(
            f"{what} is not installed (Debian: apt-get install festival festvox-us-slt-hts "
            "espeak-ng)") from None
    except subprocess.TimeoutExpired:
        raise NarrationError(f"{what} took longer than {TTS_TIMEOUT_S} s") from None
    errors = (done.stderr or "").strip()
    if done.returncode != 0 or "SIOD ERROR" in errors or errors.startswith("Error"):
        last = errors.splitlines()[-1] if errors else f"exit status {done.returncode}"
        raise NarrationError(f"{what} failed: {last}")


def _read_wav(path: Path, what: str) -> tuple[Audio, int]:
    if not path.is_file() or path.stat().st_size <= 44:
        raise NarrationError(f"{what} produced no audio")
    samples, rate = read_audio(path)
    if samples.ndim == 2:
        samples = samples.mean(axis=1).astype(np.float32)
    if not np.any(samples):
        raise NarrationError(f"{what} produced only silence")
    return samples, rate


def _festival(voice: Voice, text: str, workdir: Path) -> tuple[Audio, int]:
    source = workdir / "words.txt"
    source.write_text(text + "\n", encoding="ascii")
    out = workdir / "speech.wav"
    rate = float(voice.params["hts_rate"])
    command = [
        "text2wave",
        "-eval", f"({voice.voice})",
        "-eval", f'(set! hts_engine_params (append hts_engine_params (list (list "-r" {rate}))))',
        str(source), "-o", str(out),
    ]
    _run(command, "festival (text2wave)")
    return _read_wav(out, "festival (text2wave)")


def _espeak(voice: Voice, text: str, workdir: Path) -> tuple[Audio, int]:
    source = workdir / "words.txt"
    source.write_text(text + "\n", encoding="utf-8")
    out = workdir / "speech.wav"
    command = [
        "espeak-ng", "-b", "1", "-v", voice.voice,
        "-s", str(voice.params["speed_wpm"]),
        "-g", str(voice.params["word_gap"]),
        "-p", str(voice.params["pitch"]),
        "-f", str(source), "-w", str(out),
    ]
    _run(command, "espeak-ng")
    return _read_wav(out, "espeak-ng")


def program_version(engine: str) -> str:
    """The installed engine's version line, for the record (not part of the settings)."""
    command = {"festival": ["festival", "--version"], "espeak-ng": ["espeak-ng", "--version"]}
    try:
        done = subprocess.run(command[engine], capture_output=True, text=True, timeout=30,
                              check=False)
    except (KeyError, OSError, subprocess.TimeoutExpired):
        return "unknown"
    line = (done.stdout or done.stderr).strip().splitlines()
    return re.sub(r"\s+Data at:.*$", "", line[0]) if line else "unknown"


# --------------------------------------------------------------------------- mastering


def resample(samples: Audio, rate: int, target: int = RATE) -> Audio:
    import soxr

    if rate == target:
        return samples.astype(np.float32)
    result: Audio = soxr.resample(samples.astype(np.float32), rate, target, quality="VHQ")
    return result.astype(np.float32)


def trim_silence(samples: Audio, rate: int, edge: float = EDGE_SECONDS) -> Audio:
    """Keep exactly `edge` seconds before the first and after the last sound.

    Sound is any 10 ms frame within SILENCE_BELOW_PEAK_DB of the loudest frame;
    missing edge silence is added as zeros.
    """
    frame = max(1, rate // 100)
    count = samples.shape[0] // frame
    if count == 0:
        return samples
    power = np.mean(samples[: count * frame].astype(np.float64).reshape(count, frame) ** 2,
                    axis=1)
    threshold = float(power.max()) * 10.0 ** (-SILENCE_BELOW_PEAK_DB / 10.0)
    loud = np.flatnonzero(power > threshold)
    if loud.size == 0:
        return samples
    start = int(loud[0]) * frame
    end = min(samples.shape[0], (int(loud[-1]) + 1) * frame)
    margin = round(edge * rate)
    head = samples[max(0, start - margin):start]
    tail = samples[end:end + margin]
    return np.concatenate([
        np.zeros(margin - head.shape[0], dtype=np.float32), head,
        samples[start:end],
        tail, np.zeros(margin - tail.shape[0], dtype=np.float32),
    ]).astype(np.float32)


def fade(samples: Audio, rate: int, seconds: float = FADE_SECONDS) -> Audio:
    """Raised-cosine fade in and out, so a clip starts and ends at exactly zero."""
    ramp = min(round(seconds * rate), samples.shape[0] // 2)
    if ramp <= 0:
        return samples
    shape = (0.5 - 0.5 * np.cos(np.pi * np.arange(ramp) / ramp)).astype(np.float32)
    out = samples.astype(np.float32).copy()
    out[:ramp] *= shape
    out[-ramp:] *= shape[::-1]
    return out


def prepare(samples: Audio, rate: int) -> Audio:
    """48 kHz mono with exact edge silence and fades, before any gain."""
    audio = trim_silence(resample(samples, rate), RATE)
    shortest = round(MIN_SECONDS * RATE)
    if audio.shape[0] < shortest:
        audio = np.concatenate([audio, np.zeros(shortest - audio.shape[0], dtype=np.float32)])
    return fade(audio, RATE)


def master(samples: Audio, rate: int, target_lufs: float = TARGET_LUFS,
           ceiling_dbtp: float = CEILING_DBTP) -> Audio:
    """Resampled, trimmed, padded, faded and normalised 48 kHz mono."""
    return loudness.normalise(prepare(samples, rate), RATE, target_lufs, ceiling_dbtp)


@dataclass(frozen=True)
class Measured:
    seconds: float
    lufs: float
    true_peak_dbtp: float


def measure(path: Path) -> Measured:
    samples, rate = read_audio(path)
    return Measured(
        seconds=samples.shape[0] / rate,
        lufs=loudness.integrated_lufs(samples, rate),
        true_peak_dbtp=loudness.true_peak_dbtp(samples, rate),
    )


PEAK_MARGIN_DB = 0.05  # the decoded clip must sit this far under the ceiling
LUFS_AIM = 0.1  # re-encode when the decoded clip is further than this from the target


def encode_clip(path: Path, audio: Audio) -> None:
    """Mono speech as Opus in an Ogg file, written in blocks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with soundfile.SoundFile(str(path), "w", RATE, 1, format="OGG", subtype=CLIP_SUBTYPE,
                             compression_level=CLIP_COMPRESSION) as out:
        for start in range(0, audio.shape[0], WRITE_BLOCK):
            out.write(audio[start:start + WRITE_BLOCK])


def write_clip(path: Path, speech: Audio, rate: int) -> Measured:
    """Master, encode, decode and measure, correcting for what the encoder moved.

    The codec shifts loudness by up to a few tenths of an LU (espeak-ng's bright
    voice loses some) and can lift peaks by up to half a dB; each round aims
    off by the error measured on the decoded file. The clip replaces `path`
    only once it meets the targets, so a failed build leaves the old clip.
    """
    prepared = prepare(speech, rate)
    aim = TARGET_LUFS
    ceiling = CEILING_DBTP - 0.2
    limit = CEILING_DBTP - PEAK_MARGIN_DB
    draft = path.with_name(f".tmp-{path.name}")
    try:
        for _ in range(8):
            audio = loudness.normalise(prepared, RATE, aim, ceiling, tolerance_lu=0.05)
            encode_clip(draft, audio)
            measured = measure(draft)
            peak_ok = measured.true_peak_dbtp <= limit
            loudness_ok = abs(measured.lufs - TARGET_LUFS) <= LUFS_AIM
            if peak_ok and loudness_ok:
                break
            if not peak_ok:
                ceiling -= measured.true_peak_dbtp - limit + 0.1
            if not loudness_ok:
                aim += TARGET_LUFS - measured.lufs
        if measured.true_peak_dbtp > CEILING_DBTP or \
                abs(measured.lufs - TARGET_LUFS) > LUFS_TOLERANCE:
            raise ValueError(f"mastering missed the target: {measured.lufs:.2f} LUFS, "
                             f"{measured.true_peak_dbtp:.2f} dBTP")
        draft.replace(path)
        return measured
    finally:
        draft.unlink(missing_ok=True)


# --------------------------------------------------------------------------- building


@dataclass(frozen=True)
class ClipReport:
    script_id: str
    lang: str
    number: int
    seconds: float
    lufs: float
    true_peak_dbtp: float
    built: bool  # False: the clip from an earlier build was still right, and kept
    path: Path


@dataclass
class BuildResult:
    clips: list[ClipReport] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def clip_words(script: SessionScript, lang: str) -> dict[int, str]:
    """Step number -> the words that step speaks in `lang` (steps without words left out)."""
    return {
        step.number: step.say[lang]
        for step in script.steps
        if step.say.get(lang, "").strip()
    }


def read_manifest_data(folder: Path) -> dict[str, Any]:
    """The whole manifest, or an empty one when it is absent or unreadable."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": MANIFEST_FORMAT, "engine": {}, "clips": {}}
    if not isinstance(data, dict) or not isinstance(data.get("clips"), dict):
        return {"format": MANIFEST_FORMAT, "engine": {}, "clips": {}}
    return data


def write_manifest(folder: Path, engine: Mapping[str, Any], clips: Mapping[str, Any]) -> None:
    """Write atomically, keys sorted, so a rebuild that changes nothing changes no bytes."""
    data = {"format": MANIFEST_FORMAT, "engine": dict(engine),
            "clips": {key: clips[key] for key in sorted(clips)}}
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(suffix=".json", prefix=".tmp-", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    Path(temp_name).chmod(0o644)
    Path(temp_name).replace(folder / MANIFEST_NAME)


def _settings_of(engine: Any) -> dict[str, Any]:
    if not isinstance(engine, dict):
        return {}
    return {key: value for key, value in engine.items() if key != "program"}


def _entry_is_current(entry: Any, words: str, clip: Path) -> bool:
    return (
        isinstance(entry, dict)
        and entry.get("words_sha256") == words_fingerprint(words)
        and clip.is_file()
    )


def _entry(words: str, measured: Measured) -> dict[str, Any]:
    return {
        "words_sha256": words_fingerprint(words),
        "words": words,
        "seconds": round(measured.seconds, 3),
        "lufs": round(measured.lufs, 2),
        "true_peak_dbtp": round(measured.true_peak_dbtp, 2),
    }


def _float(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else math.nan


def build_narration(
    script: SessionScript,
    lang: str,
    *,
    force: bool = False,
    jobs: int = 1,
    progress: Callable[[ClipReport], None] | None = None,
) -> BuildResult:
    """Make every missing or out-of-date clip of `script` in `lang`; drop clips without words.

    Raises NarrationError (naming script, step and language) when a clip cannot
    be made; the clips finished before it are kept and recorded.
    """
    if lang not in script.languages:
        raise NarrationError(f"{script.id}: no language '{lang}' "
                             f"(it has: {', '.join(script.languages)})")
    try:
        voice = voice_for(lang)
    except NarrationError as exc:
        raise NarrationError(f"{script.id} ({lang}): {exc}") from None
    folder = paths.narration_dir(lang, script.id)
    manifest = read_manifest_data(folder)
    settings = voice.settings()
    same_engine = _settings_of(manifest.get("engine")) == settings
    entries: dict[str, Any] = dict(manifest["clips"]) if same_engine else {}
    wanted = clip_words(script, lang)
    result = BuildResult(removed=_remove_unwanted(folder, wanted))
    for key in [key for key in entries if not key.isdigit() or int(key) not in wanted]:
        del entries[key]

    todo = [n for n, words in wanted.items()
            if force or not _entry_is_current(entries.get(f"{n:03d}"), words,
                                              paths.narration_clip(lang, script.id, n))]
    if not wanted:
        (folder / MANIFEST_NAME).unlink(missing_ok=True)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        return result
    engine = {**settings, "program": program_version(voice.engine)} if todo \
        else manifest.get("engine", settings)

    def make(number: int) -> Measured:
        clip = paths.narration_clip(lang, script.id, number)
        where = f"{script.id} step {number} ({lang})"
        try:
            with tempfile.TemporaryDirectory(prefix="selfcare-tts-") as work:
                speech, rate = voice.render(spoken_text(wanted[number], lang), Path(work))
            return write_clip(clip, speech, rate)
        except NarrationError as exc:
            raise NarrationError(f"{where}: {exc}") from None
        except (ValueError, OSError, RuntimeError) as exc:
            raise NarrationError(f"{where}: {exc}") from exc

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {number: pool.submit(make, number) for number in todo}
        try:
            for number in sorted(wanted):
                key = f"{number:03d}"
                future = futures.get(number)
                if future is not None:
                    entries[key] = _entry(wanted[number], future.result())
                    write_manifest(folder, engine, entries)
                report = _report(script.id, lang, number, entries[key], built=future is not None)
                result.clips.append(report)
                if progress is not None:
                    progress(report)
        finally:
            for future in futures.values():
                future.cancel()
    write_manifest(folder, engine, entries)
    return result


def _report(script_id: str, lang: str, number: int, entry: Mapping[str, Any],
            *, built: bool) -> ClipReport:
    return ClipReport(
        script_id=script_id,
        lang=lang,
        number=number,
        seconds=_float(entry.get("seconds")),
        lufs=_float(entry.get("lufs")),
        true_peak_dbtp=_float(entry.get("true_peak_dbtp")),
        built=built,
        path=paths.narration_clip(lang, script_id, number),
    )


_CLIP_NAME = re.compile(r"^(\d{3})\.ogg$")


def _remove_unwanted(folder: Path, wanted: Mapping[int, str]) -> list[Path]:
    """Delete clips of steps that no longer have words (and leftover temporary files)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for file in sorted(folder.iterdir()):
        match = _CLIP_NAME.match(file.name)
        stale_temp = file.name.startswith(".tmp-")
        if (match and int(match.group(1)) not in wanted) or stale_temp:
            file.unlink()
            if not stale_temp:
                removed.append(file)
    return removed


def narration_folders() -> Iterator[tuple[str, str, Path]]:
    """(lang, script id, folder) for every narration folder under the assets."""
    root = paths.audio_dir() / "narration"
    if not root.is_dir():
        return
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for folder in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
            yield lang_dir.name, folder.name, folder


def engines_available() -> dict[str, bool]:
    """Which TTS programs are on PATH (for a clear message before a long build)."""
    return {"festival": shutil.which("text2wave") is not None,
            "espeak-ng": shutil.which("espeak-ng") is not None}
