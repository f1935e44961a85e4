"""Cue timing: where each cue lands in the stream the "sound card" really played.

`selfcare play --no-gui` plays benchmarks/data/cue-bench.toml through SDL's disk
driver into a FIFO that the DAC emulator (../shared/tools/dac_emulator.py) drains
at exactly 48 kHz. At about 40 % of the session the benchmark types "p" (pause)
and, 3 s later, "p" again (resume). Then, in the captured stream:

1. the stream's start is its first non-zero frame, less the leading zero frames of
   the offline render (the ambient bed fades in from exactly 0);
2. gaps are runs of exact zero frames: SDL writes zeros while paused and the
   emulator pads zeros on an underrun, and the bed makes everything else non-zero
   (checked on the render: see "render: zero frames inside");
3. the capture is walked against `selfcare render` of the same script: each
   mismatch that begins on a zero frame is a gap, whose exact length is the zero
   run from there; after removing the gaps the two must be equal frame for frame;
4. independently of the render, each cue's onset is found by matched filtering with
   the cue sound's first 170 ms (decoded with soundfile; both first-differenced),
   searching +-50 ms around its timeline frame, in the stream the app delivered
   (gaps taken out). Each cue found is subtracted before looking for the next
   one, since the bell rings for 7 s over later cues. The same detector run on
   the render shows its own error. "As heard" adds back the dropouts: an
   underrun delays everything after it.

Reported: cues, max/mean error, cues after the pause, underruns, whether the stream
equals the render, and how late the terminal's captions are relative to the sound.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile

from benchmarks.harness import (
    BYTES_PER_FRAME,
    CHUNK_FRAMES,
    DATA,
    RATE,
    BenchmarkError,
    Child,
    DacEmulator,
    EmulatorLog,
    Section,
    StealMeter,
    add_underruns,
    app_env,
    load_average,
    run_selfcare,
    selfcare_command,
)

NAME = "cue_timing"
SCRIPT = DATA / "cue-bench.toml"
SCRIPT_QUICK = DATA / "cue-bench-quick.toml"
CUES_DIR = Path(__file__).resolve().parent.parent / "assets" / "audio" / "cues"
PAUSE_AT = 0.4  # of the session's length
PAUSE_FOR_S = 3.0
GOAL_MS = 1.0
SEARCH_FRAMES = RATE * 50 // 1000  # +-50 ms around the timeline's frame
TEMPLATE_FRAMES = 8192  # ~170 ms of each cue's attack; shorter ones lock onto earlier cues
GAIN_FIT_FRAMES = RATE // 2
MIN_GAP_FRAMES = 256
MAX_GAPS = 64

Int16Frames = npt.NDArray[np.int16]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Cue:
    frame: int
    name: str
    step: int


@dataclass
class Gap:
    """Zeros inserted into the stream: at `render_frame` of the content, `length` frames."""

    capture_frame: int
    render_frame: int
    length: int
    kind: str = "silence"  # "pause", "underrun", or "silence": zeros the app itself sent
    padded: int = 0  # frames of it the emulator padded (underruns, also inside a pause)

    @property
    def dropout(self) -> int:
        """Frames of it that are a dropout (everything but the pause itself)."""
        return self.padded if self.kind == "pause" else self.length


@dataclass
class Alignment:
    gaps: list[Gap] = field(default_factory=list)
    mismatched_frames: int = 0
    first_mismatch: int | None = None  # render frame
    compared_frames: int = 0
    truncated: bool = False


@dataclass
class Onset:
    cue: Cue
    found: int  # stream frame
    score: float  # normalised correlation at the peak, 0..1

    @property
    def error_frames(self) -> int:
        return self.found - self.cue.frame


# -- pure analysis ----------------------------------------------------------------------


def silent_frames(frames: Int16Frames) -> npt.NDArray[np.bool_]:
    return np.asarray(np.all(frames == 0, axis=1), dtype=np.bool_)


def zero_runs(frames: Int16Frames, minimum: int = 1) -> list[tuple[int, int]]:
    """(start, length) of each run of exact-zero frames at least `minimum` long."""
    silent = silent_frames(frames).astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], silent, [0]])))
    return [(int(s), int(e - s)) for s, e in zip(edges[::2], edges[1::2], strict=True)
            if e - s >= minimum]


def first_nonzero(frames: Int16Frames) -> int | None:
    loud = np.flatnonzero(~silent_frames(frames))
    return int(loud[0]) if loud.size else None


def render_zero_check(render: Int16Frames) -> tuple[int, int, int]:
    """In the render between its fade-in and fade-out: (zero frames, longest run, body length).

    The gap detection assumes that only a pause or an underrun makes zero runs;
    natural zeros are the fades' ends and the odd zero crossing of both channels.
    """
    loud = np.flatnonzero(~silent_frames(render))
    if not loud.size:
        return 0, 0, 0
    body = render[loud[0]:loud[-1] + 1]
    runs = zero_runs(body)
    return sum(n for _, n in runs), max((n for _, n in runs), default=0), len(body)


def align_with_render(capture: Int16Frames, render: Int16Frames, start: int) -> Alignment:
    """Walk the capture against the render from `start`, taking out zero gaps as found."""
    result = Alignment()
    c, r = start, 0
    while r < len(render):
        available = min(len(render) - r, len(capture) - c)
        if available <= 0:
            result.truncated = True
            break
        differs = np.any(capture[c:c + available] != render[r:r + available], axis=1)
        if not differs.any():
            result.compared_frames += available
            if available < len(render) - r:
                result.truncated = True
            break
        d = int(np.argmax(differs))
        result.compared_frames += d
        c, r = c + d, r + d
        gap = _zero_run_at(capture, c)
        if gap == 0 or len(result.gaps) >= MAX_GAPS:
            rest = min(len(render) - r, len(capture) - c)
            result.first_mismatch = r
            result.mismatched_frames = int(np.count_nonzero(
                np.any(capture[c:c + rest] != render[r:r + rest], axis=1)))
            result.compared_frames += rest
            result.truncated = rest < len(render) - r
            break
        result.gaps.append(Gap(c, r, gap))
        c += gap
    return result


def _zero_run_at(frames: Int16Frames, at: int) -> int:
    loud = np.flatnonzero(~silent_frames(frames[at:]))
    return int(loud[0]) if loud.size else len(frames) - at


def remove_gaps(capture: Int16Frames, start: int, gaps: list[Gap]) -> Int16Frames:
    """The capture from `start` with the given gaps cut out."""
    pieces, at = [], start
    for gap in sorted(gaps, key=lambda g: g.capture_frame):
        pieces.append(capture[at:gap.capture_frame])
        at = gap.capture_frame + gap.length
    pieces.append(capture[at:])
    return np.concatenate(pieces)


def to_mono(frames: Int16Frames) -> Floats:
    return np.asarray(frames.astype(np.float64).mean(axis=1) / 32768.0, dtype=np.float64)


def find_onsets(mono: Floats, cues: list[Cue], sounds: dict[str, Floats]) -> list[Onset]:
    """Each cue's first frame in `mono`, by matched filtering near its expected frame.

    Both sides are first-differenced (pre-emphasis): that damps the low drone and
    sharpens the correlation peak to one frame. Cues are searched in order; each
    found cue is fitted (gain by least squares over its first half second) and
    subtracted, so a long bell ringing on does not pull the next onset to itself.
    """
    residual = np.diff(mono, prepend=0.0)
    emphasised = {name: np.diff(sound, prepend=0.0) for name, sound in sounds.items()}
    onsets = []
    for index, cue in enumerate(cues):
        sound = emphasised[cue.name]
        template = sound[:TEMPLATE_FRAMES]
        lo = max(0, cue.frame - SEARCH_FRAMES)
        hi = min(len(residual), cue.frame + SEARCH_FRAMES + len(template))
        segment = residual[lo:hi]
        if len(segment) < len(template):
            continue  # the capture ends before this cue
        found, score = _best_match(segment, template)
        found += lo
        following = cues[index + 1].frame - SEARCH_FRAMES if index + 1 < len(cues) else \
            len(residual)
        fit = max(len(template), min(len(sound), GAIN_FIT_FRAMES, following - found))
        fit = min(fit, len(residual) - found)
        gain = float(residual[found:found + fit] @ sound[:fit]) / float(sound[:fit] @ sound[:fit])
        span = min(len(sound), len(residual) - found)
        residual[found:found + span] -= gain * sound[:span]
        onsets.append(Onset(cue, found, score))
    return onsets


def _best_match(segment: Floats, template: Floats) -> tuple[int, float]:
    """Offset in `segment` where `template` fits best (normalised cross-correlation)."""
    n = len(segment) + len(template)
    size = 1 << (n - 1).bit_length()
    spectrum = np.fft.rfft(segment, size) * np.conj(np.fft.rfft(template, size))
    corr = np.fft.irfft(spectrum, size)[:len(segment) - len(template) + 1]
    energy = np.concatenate([[0.0], np.cumsum(segment * segment)])
    local = energy[len(template):] - energy[:-len(template)]
    score = corr / (np.sqrt(np.maximum(local, 1e-18)) * np.sqrt(template @ template))
    best = int(np.argmax(score))
    return best, float(score[best])


# -- running the session ----------------------------------------------------------------


@dataclass
class PlayRun:
    capture: Int16Frames
    log: EmulatorLog
    lines: list[tuple[float, str]]
    pause_sent: float
    resume_sent: float
    priority: str


def load_timeline(script: Path, data_dir: Path) -> tuple[list[Cue], int]:
    events = json.loads(run_selfcare(["timeline", str(script), "--json"], data_dir, 60))
    cues = [Cue(int(e["frame"]), str(e["cue"]), int(e.get("step", 0)))
            for e in events if e["kind"] == "cue"]
    end = [int(e["frame"]) for e in events if e["kind"] == "end"]
    if not cues or not end:
        raise BenchmarkError(f"{script.name}: the timeline has no cues or no end")
    return cues, end[0]


def load_render(script: Path, data_dir: Path, workdir: Path) -> Int16Frames:
    wav = workdir / "render.wav"
    run_selfcare(["render", str(script), "--out", str(wav)], data_dir, 120)
    data, rate = soundfile.read(str(wav), dtype="int16", always_2d=True)
    if rate != RATE or data.shape[1] != 2:
        raise BenchmarkError(f"render is {rate} Hz x {data.shape[1]}, expected {RATE} x 2")
    return np.ascontiguousarray(data)


def load_cue_sounds(names: set[str]) -> dict[str, Floats]:
    sounds = {}
    for name in sorted(names):
        path = CUES_DIR / f"{name}.ogg"
        try:
            data, rate = soundfile.read(str(path), dtype="float64", always_2d=True)
        except (OSError, RuntimeError) as exc:
            raise BenchmarkError(f"cannot decode cue sound {path}: {exc}") from exc
        if rate != RATE:
            raise BenchmarkError(f"{path} is at {rate} Hz; the onset search needs {RATE} Hz")
        sounds[name] = data.mean(axis=1)
    return sounds


def play_with_pause(script: Path, duration_s: float, data_dir: Path, workdir: Path) -> PlayRun:
    command = [*selfcare_command(), "--data-dir", str(data_dir), "play", str(script),
               "--no-gui", "--pre", "5", "--post", "4"]
    with DacEmulator(workdir) as dac:
        env = app_env(**dac.sdl_env(), PYTHONUNBUFFERED="1")
        with Child(command, env, workdir, "play", stdin=True) as app:
            begun = app.out.wait_for(lambda line: line.startswith("While it plays"), 60)
            if begun is None:
                app.wait(2)
                raise BenchmarkError(f"the session did not start: {app.stderr_tail()}")
            time.sleep(max(0.0, begun[0] + PAUSE_AT * duration_s - time.perf_counter()))
            pause_sent = time.perf_counter()
            app.send("p")
            time.sleep(PAUSE_FOR_S)
            resume_sent = time.perf_counter()
            app.send("p")
            code = app.wait(duration_s + 60)
            if code is None:
                raise BenchmarkError("the session did not end in time (killed)")
            if code != 0:
                raise BenchmarkError(f"`selfcare play` exited {code}: {app.stderr_tail()}")
            app.out.join()
            lines = list(app.out.lines)
        log = dac.finish()
        raw = np.fromfile(dac.raw, dtype=np.int16)
    capture = raw[:len(raw) // 2 * 2].reshape(-1, 2)
    return PlayRun(capture, log, lines, pause_sent, resume_sent, dac.priority)


# -- the benchmark ----------------------------------------------------------------------


def run(quick: bool, workdir: Path) -> Section:
    DacEmulator.check_available()
    section = Section(NAME)
    script = SCRIPT_QUICK if quick else SCRIPT
    if not script.is_file():
        raise BenchmarkError(f"the benchmark script {script} is missing")
    data_dir = workdir / "data"
    cues, total = load_timeline(script, data_dir)
    render = load_render(script, data_dir, workdir)
    if len(render) != total:
        raise BenchmarkError(f"render has {len(render)} frames, the timeline {total}")
    sounds = load_cue_sounds({c.name for c in cues})
    load_before = load_average()
    steal = StealMeter()
    played = play_with_pause(script, total / RATE, data_dir, workdir)
    section.details.append(f"script {script.name}: {total / RATE:.1f} s, {len(cues)} cues; "
                           f"emulator priority {played.priority}; load {load_before}; "
                           f"CPU steal by the hypervisor while playing {steal.describe()}")
    analyse(section, played, render, cues, sounds)
    return section


def analyse(section: Section, played: PlayRun, render: Int16Frames, cues: list[Cue],
            sounds: dict[str, Floats]) -> None:
    capture, log = played.capture, played.log
    zeros, longest, body = render_zero_check(render)
    lead = first_nonzero(render)
    first = first_nonzero(capture)
    if lead is None or first is None or first < lead:
        raise BenchmarkError("the captured stream is silent: the app sent no sound")
    start = first - lead
    section.add("render: zero frames inside", f"{zeros} of {body}",
                note=f"longest run {longest} frames (gaps are runs >= {MIN_GAP_FRAMES}), "
                     "so zero runs in the capture are pauses or dropouts")

    alignment = align_with_render(capture, render, start)
    by_runs = gaps_from_zero_runs(capture, start)
    equal = alignment.mismatched_frames == 0 and not alignment.truncated
    gaps = alignment.gaps if equal else by_runs
    label_gaps(gaps, log, played)
    section.data.update(start_frame=start, gaps=[g.__dict__ for g in gaps],
                        gaps_by_zero_runs=[g.__dict__ for g in by_runs])
    agree = [(g.capture_frame, g.length) for g in alignment.gaps] == \
        [(g.capture_frame, g.length) for g in by_runs]
    problem = "" if equal else (
        f"; first mismatch at stream frame {alignment.first_mismatch}"
        if alignment.first_mismatch is not None else "; the capture ended early")
    section.add("stream equals render (gaps removed)", "yes" if equal else "NO",
                goal="equal", ok=equal,
                note=f"{alignment.mismatched_frames} mismatching frames of "
                     f"{alignment.compared_frames}; {len(gaps)} gap(s) removed; zero-run "
                     f"search {'agrees' if agree else 'differs'}{problem}")
    if not equal:
        section.details.append("the stream differs from the render: gaps taken from zero runs "
                               f"(may include up to {longest} natural zero frames each)")

    delivered = remove_gaps(capture, start, gaps)
    onsets = find_onsets(to_mono(delivered), cues, sounds)
    calibration = find_onsets(to_mono(render), cues, sounds)
    report_onsets(section, onsets, calibration, gaps, len(cues))
    report_stream_events(section, played, log, gaps, start)
    report_captions(section, played, onsets, gaps, start, log)


def gaps_from_zero_runs(capture: Int16Frames, start: int) -> list[Gap]:
    """Runs of >= MIN_GAP_FRAMES zero frames after `start`, except the silence at the end."""
    first = first_nonzero(capture[start:]) or 0  # the fade-in's own zeros are not a gap
    gaps, removed = [], 0
    for at, length in zero_runs(capture[start + first:], MIN_GAP_FRAMES):
        if start + first + at + length >= len(capture):
            break  # the device's silence after the session
        gaps.append(Gap(start + first + at, first + at - removed, length))
        removed += length
    return gaps


def label_gaps(gaps: list[Gap], log: EmulatorLog, played: PlayRun) -> None:
    """Underrun: the emulator padded (nearly) all of it; pause: of the others, the one
    nearest the 'p' we typed (it may hold padding too); silence: the app sent zeros."""
    padded = log.underrun_frames()
    for gap in gaps:
        end = gap.capture_frame + gap.length
        gap.padded = sum(max(0, min(end, at + n) - max(gap.capture_frame, at))
                         for at, n in padded)
        if gap.length - gap.padded < MIN_GAP_FRAMES:
            gap.kind = "underrun"
    others = [g for g in gaps if g.kind != "underrun"]
    if others and log.chunks:
        sent_chunk = log.chunk_played_near(played.pause_sent)
        sent_frame = log.chunks[sent_chunk][1] // BYTES_PER_FRAME
        nearest = min(others, key=lambda g: abs(g.capture_frame - sent_frame))
        nearest.kind = "pause"


def report_onsets(section: Section, onsets: list[Onset], calibration: list[Onset],
                  gaps: list[Gap], total: int) -> None:
    section.add("cues measured", len(onsets), goal=f"{total}", ok=len(onsets) == total)
    if not onsets:
        return
    errors_ms = [o.error_frames * 1000 / RATE for o in onsets]
    worst = max(abs(e) for e in errors_ms)
    section.add("cue error, max |e|", worst, "ms", goal=f"<= {GOAL_MS:g} ms",
                ok=worst <= GOAL_MS,
                note=f"{max(abs(o.error_frames) for o in onsets)} frames; in the stream the "
                     "app delivered (pause and dropouts taken out)")
    section.add("cue error, mean", statistics.fmean(errors_ms), "ms",
                note=f"sd {statistics.pstdev(errors_ms):.3f} ms")
    pause = next((g for g in gaps if g.kind == "pause"), None)
    after = [o for o in onsets if pause is not None and o.cue.frame >= pause.render_frame]
    section.add("cues after the pause", len(after), goal=">= 1", ok=bool(after),
                note=f"max |e| {max(abs(o.error_frames) for o in after) * 1000 / RATE:.3f} ms"
                if after else "no pause gap found" if pause is None else "")
    if any(g.dropout for g in gaps):
        heard = [o.error_frames + sum(g.dropout for g in gaps if g.render_frame <= o.found)
                 for o in onsets]
        late = sum(1 for h, o in zip(heard, onsets, strict=True) if h != o.error_frames)
        section.add("cue error as heard, max |e|", max(abs(h) for h in heard) * 1000 / RATE,
                    "ms", note=f"{late} cue(s) came after a dropout, which delays all that "
                               "follows")
    section.add("onset detector on the render", max(abs(c.error_frames) for c in calibration),
                "frames", note="its own error (0 = exact); lowest match score in the capture "
                               f"{min(o.score for o in onsets):.2f}")
    section.data["cues"] = [
        {"step": o.cue.step, "cue": o.cue.name, "t": o.cue.frame / RATE,
         "error_frames": o.error_frames, "score": round(o.score, 4)} for o in onsets]
    for o in [o for o in onsets if abs(o.error_frames) * 1000 / RATE > GOAL_MS][:8]:
        section.details.append(f"cue step {o.cue.step} ({o.cue.name}) at {o.cue.frame / RATE:.3f}"
                               f" s: {o.error_frames:+d} frames, match score {o.score:.2f}")


def report_stream_events(section: Section, played: PlayRun, log: EmulatorLog,
                         gaps: list[Gap], start: int) -> None:
    add_underruns(section, "", log)
    for (_, missing), (at, _), slack in zip(log.underruns[:6], log.underrun_frames(),
                                           log.underrun_slack_ms(), strict=False):
        inside = next((g.render_frame for g in gaps if g.capture_frame < at + missing //
                       BYTES_PER_FRAME and at < g.capture_frame + g.length), None)
        where = f"session {inside / RATE:.2f} s" if inside is not None else \
            f"capture {(at - start) / RATE:.2f} s"
        cause = "app late" if slack >= log.period * 1000 / 2 else "emulator late"
        section.details.append(f"underrun at {where}: {missing} bytes missing; the app had "
                               f"{max(slack, 0):.1f} ms to deliver, a real card gives "
                               f"{log.period * 1000:.1f} ({cause})")
    silences = [g for g in gaps if g.kind == "silence"]
    section.add("silent gaps the app sent", len(silences), goal="0", ok=not silences,
                note="zero runs that are neither the pause nor emulator padding"
                + (f": {sum(g.length for g in silences) * 1000 / RATE:.1f} ms" if silences
                   else ""))
    pause = next((g for g in gaps if g.kind == "pause"), None)
    if pause is None:
        return
    aligned = (pause.capture_frame - start) % CHUNK_FRAMES == 0
    padding = f"; includes {pause.padded} frames of underrun padding" if pause.padded else ""
    section.add("pause gap", (pause.length - pause.padded) * 1000 / RATE, "ms",
                note=f"{pause.length} frames at session {pause.render_frame / RATE:.3f} s; on a "
                     f"{CHUNK_FRAMES}-frame boundary: {'yes' if aligned else 'no'}{padding}")
    silent_at = log.played_at(pause.capture_frame)
    sound_at = log.played_at(pause.capture_frame + pause.length)
    if silent_at is not None and sound_at is not None:
        section.add("pause latency ('p' typed -> silence)",
                    (silent_at - played.pause_sent) * 1000, "ms",
                    note="the terminal reads commands every 50 ms")
        section.add("resume latency ('p' typed -> sound)",
                    (sound_at - played.resume_sent) * 1000, "ms")


CAPTION = re.compile(r"^\[(\d+):(\d+(?:\.\d+)?)\] \(([\w-]+)\)$")


def report_captions(section: Section, played: PlayRun, onsets: list[Onset], gaps: list[Gap],
                    start: int, log: EmulatorLog) -> None:
    """When the terminal printed each cue's caption, against when the DAC played it."""
    captions = [(t, m.group(3)) for t, line in played.lines if (m := CAPTION.match(line))]
    pause = next((g.render_frame for g in gaps if g.kind == "pause"), None)
    before: list[float] = []
    after: list[float] = []
    for onset, (printed, name) in zip(onsets, captions, strict=False):
        if name != onset.cue.name:
            break
        inserted = sum(g.length for g in gaps if g.render_frame <= onset.found)
        sounded = log.played_at(start + onset.found + inserted)
        if sounded is not None:
            late = after if pause is not None and onset.cue.frame >= pause else before
            late.append((printed - sounded) * 1000)
    for lags, when in ((before, "before the pause"), (after, "after the pause")):
        if lags:
            section.add(f"caption - sound, {when}", statistics.median(lags), "ms",
                        note=f"min {min(lags):+.0f}, max {max(lags):+.0f} ms, {len(lags)} cues;"
                             " + = caption after the sound; the terminal polls every 50 ms")
    section.data["caption_lag_ms"] = {"before_pause": [round(x, 1) for x in before],
                                      "after_pause": [round(x, 1) for x in after]}


if __name__ == "__main__":
    import sys

    from benchmarks.run import main

    raise SystemExit(main(["--only", NAME, *sys.argv[1:]]))
