"""Cue timing: where each cue lands in the stream the "sound card" really played.

`selfcare play --no-gui` plays benchmarks/data/cue-bench.toml through SDL's disk
driver into a FIFO that the DAC emulator (../shared/tools/dac_emulator.py) drains
at exactly 48 kHz. At about 40 % of the session the benchmark types "p" (pause)
and, 3 s later, "p" again (resume). Then, in the captured stream:

1. the stream's start is its first non-zero frame, less the leading zero frames of
   the offline render (the ambient bed fades in from exactly 0);
2. gaps are runs of exact zero frames: SDL writes zeros while paused and the
   emulator pads zeros on an underrun, and the bed makes everything else non-zero
   (checked on the render: see "render zero frames");
3. the capture is walked against `selfcare render` of the same script: each
   mismatch that begins on a zero frame is a gap, whose exact length is the zero
   run from there; after removing the gaps the two must be equal frame for frame;
4. independently of the render, each cue's onset is found by matched filtering with
   the cue sound's first 170 ms (decoded with soundfile), searching +-50 ms around
   its timeline frame, in the stream with the pause removed ("as heard": an
   underrun delays what follows, so it counts as error). Each cue found is
   subtracted before looking for the next one, since the bell rings for 7 s
   over later cues. The same detector run on the render shows its own error.

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
    kind: str = "unexplained"  # "pause", "underrun" or "unexplained"


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

    Cues are searched in order; each found cue is fitted (gain by least squares over
    its first half second) and subtracted, so a long bell ringing on does not pull
    the next onset towards itself.
    """
    residual = mono.copy()
    onsets = []
    for index, cue in enumerate(cues):
        sound = sounds[cue.name]
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
    played = play_with_pause(script, total / RATE, data_dir, workdir)
    section.details.append(f"script {script.name}: {total / RATE:.1f} s, {len(cues)} cues; "
                           f"emulator priority {played.priority}; load {load_before}")
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
    section.add("render zero frames (fades excepted)", f"{zeros} in {body}",
                note=f"longest run {longest} frames; gaps are zero runs >= {MIN_GAP_FRAMES}")

    alignment = align_with_render(capture, render, start)
    label_gaps(alignment.gaps, log, played)
    runs = [r for r in zero_runs(capture[start:], MIN_GAP_FRAMES) if r[0] + start +
            r[1] < len(capture)]
    section.data.update(start_frame=start, gaps=[g.__dict__ for g in alignment.gaps],
                        zero_runs=runs)
    pauses = [g for g in alignment.gaps if g.kind == "pause"]
    underrun_gaps = [g for g in alignment.gaps if g.kind == "underrun"]
    equal = alignment.mismatched_frames == 0 and not alignment.truncated
    mismatch_note = "" if equal else (
        f"first mismatch at render frame {alignment.first_mismatch}"
        if alignment.first_mismatch is not None else "capture ended early")
    section.add("stream equals render (gaps removed)", "yes" if equal else "NO",
                goal="equal", ok=equal,
                note=f"{alignment.mismatched_frames} mismatching frames of "
                     f"{alignment.compared_frames}; {len(alignment.gaps)} gap(s) removed"
                     + (f"; {mismatch_note}" if mismatch_note else ""))

    heard = remove_gaps(capture, start, pauses)
    onsets = find_onsets(to_mono(heard), cues, sounds)
    content = remove_gaps(capture, start, alignment.gaps)
    content_onsets = find_onsets(to_mono(content), cues, sounds)
    calibration = find_onsets(to_mono(render), cues, sounds)
    report_onsets(section, onsets, content_onsets, calibration, pauses, len(cues))
    report_stream_events(section, played, log, pauses, underrun_gaps, start)
    report_captions(section, played, onsets, alignment.gaps, start, log)


def label_gaps(gaps: list[Gap], log: EmulatorLog, played: PlayRun) -> None:
    """Underrun: where the emulator padded; pause: the other gap nearest the 'p' we typed."""
    padded = log.underrun_frames()
    for gap in gaps:
        if any(gap.capture_frame <= at < gap.capture_frame + gap.length or
               at <= gap.capture_frame < at + n for at, n in padded):
            gap.kind = "underrun"
    others = [g for g in gaps if g.kind != "underrun"]
    if others:
        sent_chunk = log.chunk_played_near(played.pause_sent)
        sent_frame = log.chunks[sent_chunk][1] // BYTES_PER_FRAME if log.chunks else 0
        nearest = min(others, key=lambda g: abs(g.capture_frame - sent_frame))
        nearest.kind = "pause"


def report_onsets(section: Section, onsets: list[Onset], content: list[Onset],
                  calibration: list[Onset], pauses: list[Gap], total: int) -> None:
    if not onsets:
        section.add("cues found", 0, goal=f"{total}", ok=False)
        return
    errors_ms = [o.error_frames * 1000 / RATE for o in onsets]
    worst = max(abs(e) for e in errors_ms)
    section.add("cues measured", len(onsets), goal=f"{total}", ok=len(onsets) == total)
    section.add("cue error, max |e| (as heard)", worst, "ms", goal=f"<= {GOAL_MS:g} ms",
                ok=worst <= GOAL_MS,
                note=f"{max(abs(o.error_frames) for o in onsets)} frames")
    section.add("cue error, mean", statistics.fmean(errors_ms), "ms",
                note=f"sd {statistics.pstdev(errors_ms):.3f} ms")
    pause_frame = pauses[0].render_frame if pauses else None
    after = [o for o in onsets if pause_frame is not None and o.cue.frame >= pause_frame]
    if after:
        worst_after = max(abs(o.error_frames) for o in after) * 1000 / RATE
        section.add("cues after the pause", len(after), goal=">= 1", ok=True,
                    note=f"max |e| {worst_after:.3f} ms")
    else:
        section.add("cues after the pause", 0, goal=">= 1", ok=False,
                    note="no pause gap found" if pause_frame is None else "")
    if any(o.error_frames != c.error_frames for o, c in zip(onsets, content, strict=False)):
        worst_content = max(abs(c.error_frames) for c in content) * 1000 / RATE
        section.add("cue error with underruns removed", worst_content, "ms",
                    note="content timing, if the dropouts were not heard")
    worst_cal = max(abs(c.error_frames) for c in calibration)
    section.add("onset detector on the render", worst_cal, "frames",
                note="its own error (0 = exact); lowest match score "
                     f"{min(o.score for o in onsets):.2f}")
    section.data["cues"] = [
        {"step": o.cue.step, "cue": o.cue.name, "t": o.cue.frame / RATE,
         "error_frames": o.error_frames, "score": round(o.score, 4)} for o in onsets]
    bad = [o for o in onsets if abs(o.error_frames) * 1000 / RATE > GOAL_MS]
    for o in bad[:8]:
        section.details.append(f"cue step {o.cue.step} ({o.cue.name}) at {o.cue.frame / RATE:.3f}"
                               f" s: {o.error_frames:+d} frames, score {o.score:.2f}")


def report_stream_events(section: Section, played: PlayRun, log: EmulatorLog,
                         pauses: list[Gap], underrun_gaps: list[Gap], start: int) -> None:
    count = len(log.underruns)
    missing_ms = sum(m for _, m in log.underruns) / BYTES_PER_FRAME * 1000 / RATE
    section.add("underruns (emulator log)", count, goal="0", ok=count == 0,
                note=f"{missing_ms:.1f} ms of silence padded" if count else "")
    if count:
        chunks = {t: k for k, (t, _) in enumerate(log.chunks)}
        for t, missing in log.underruns[:6]:
            k = chunks.get(t)
            late = (t - (log.t0 + k * log.period)) * 1000 if k is not None else float("nan")
            at = (k * CHUNK_FRAMES - start) / RATE if k is not None else float("nan")
            section.details.append(f"underrun at stream {at:.2f} s: {missing} bytes missing; "
                                   f"emulator itself {late:.1f} ms behind schedule")
    section.add("emulator worst lateness", log.max_lateness_ms, "ms",
                note="host scheduling jitter; > 21 ms can cause underruns by itself")
    if not pauses:
        return
    gap = pauses[0]
    aligned = (gap.capture_frame - start) % CHUNK_FRAMES == 0
    section.add("pause gap", gap.length * 1000 / RATE, "ms",
                note=f"{gap.length} frames at stream frame {gap.render_frame}; "
                     f"at a {CHUNK_FRAMES}-frame boundary: {'yes' if aligned else 'no'}")
    silent_at = log.played_at(gap.capture_frame)
    sound_at = log.played_at(gap.capture_frame + gap.length)
    if silent_at is not None and sound_at is not None:
        section.add("pause latency ('p' typed -> silence)", (silent_at - played.pause_sent) * 1000,
                    "ms", note="terminal polls stdin every 50 ms")
        section.add("resume latency ('p' typed -> sound)",
                    (sound_at - played.resume_sent) * 1000, "ms")


CAPTION = re.compile(r"^\[(\d+):(\d+(?:\.\d+)?)\] \(([\w-]+)\)$")


def report_captions(section: Section, played: PlayRun, onsets: list[Onset], gaps: list[Gap],
                    start: int, log: EmulatorLog) -> None:
    """When the terminal printed each cue's caption, against when the DAC played it."""
    captions = [(t, m.group(3)) for t, line in played.lines if (m := CAPTION.match(line))]
    lags = []
    for onset, (printed, name) in zip(onsets, captions, strict=False):
        if name != onset.cue.name:
            break
        inserted = sum(g.length for g in gaps if g.render_frame <= onset.cue.frame)
        sounded = log.played_at(start + onset.cue.frame + inserted)
        if sounded is not None:
            lags.append((printed - sounded) * 1000)
    if lags:
        section.add("caption - sound (terminal)", statistics.median(lags), "ms",
                    note=f"min {min(lags):+.0f}, max {max(lags):+.0f} ms over {len(lags)} cues;"
                         " + = caption after the sound; includes the 50 ms poll")
        section.data["caption_lag_ms"] = [round(x, 1) for x in lags]


if __name__ == "__main__":
    from benchmarks.run import main

    raise SystemExit(main(["--only", NAME]))
