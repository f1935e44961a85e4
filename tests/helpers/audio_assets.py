"""A tiny assets folder made for measuring: cues with sharp onsets, a never-silent bed.

The bed is a small constant offset plus faint noise, so any run of exact zeros in
a captured stream can only be a pause or an underrun; the cue starts at full
amplitude on its first sample, so its onset can be found to the frame.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile

RATE = 48_000

TINY_SCRIPT = """
format = 1
id = "{id}"
kind = "breathing"
ambience = "test-bed"
title = {{ en = "Timing test" }}

[[steps]]
cue = "click"
pause = 0.75

[[steps]]
cue = "click"
pause = 1.25

[[steps]]
cue = "click"
say = {{ en = "Breathe." }}
hold = 0.5
pause = 0.5

[[steps]]
cue = "click"
pause = 1.0
"""


def make_assets(root: Path, script_id: str = "timing-test") -> Path:
    """Write assets/{scripts,audio} under root; returns the script's path."""
    (root / "audio" / "cues").mkdir(parents=True)
    (root / "audio" / "ambience").mkdir(parents=True)
    (root / "audio" / "narration" / "en" / script_id).mkdir(parents=True)
    (root / "scripts").mkdir()
    t = np.arange(int(0.12 * RATE)) / RATE
    click = (0.5 * np.cos(2 * np.pi * 1000 * t) * np.exp(-t * 30)).astype(np.float32)
    soundfile.write(root / "audio" / "cues" / "click.ogg", click, RATE)
    rng = np.random.default_rng(7)
    bed = (0.05 + 0.01 * rng.standard_normal((RATE * 2, 2))).astype(np.float32)
    soundfile.write(root / "audio" / "ambience" / "test-bed.ogg", bed, RATE)
    voice = (0.3 * np.sin(2 * np.pi * 220 * np.arange(int(0.6 * 22_050)) / 22_050))
    soundfile.write(root / "audio" / "narration" / "en" / script_id / "003.ogg",
                    voice.astype(np.float32), 22_050)  # another rate: resampled on load
    script = root / "scripts" / f"{script_id}.toml"
    script.write_text(TINY_SCRIPT.format(id=script_id), encoding="utf-8")
    return script


def read_capture(path: Path) -> np.ndarray:
    """A raw s16 stereo capture as an (n, 2) int16 array."""
    return np.frombuffer(path.read_bytes(), dtype=np.int16).reshape(-1, 2)


def find(haystack: np.ndarray, needle: np.ndarray) -> int:
    """Index where `needle` (n, 2) occurs exactly in `haystack`, or -1."""
    first = needle[0]
    candidates = np.flatnonzero((haystack[:, 0] == first[0]) & (haystack[:, 1] == first[1]))
    for index in candidates:
        window = haystack[index:index + len(needle)]
        if len(window) == len(needle) and np.array_equal(window, needle):
            return int(index)
    return -1


def zero_runs(frames: np.ndarray, minimum: int) -> list[tuple[int, int]]:
    """(start, length) of runs of all-zero frames at least `minimum` long."""
    silent = np.all(frames == 0, axis=1).astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], silent, [0]])))
    runs = list(zip(edges[::2], edges[1::2] - edges[::2], strict=True))
    return [(int(s), int(n)) for s, n in runs if n >= minimum]
