"""The silence heard between spoken steps is what the script asks for (nobody can listen here).

`measure_gaps` renders the voice layer through the real mixer; on clips with known silent
edges it must find exactly those edges, and on the shipped sessions the extra silence
over the script's hold + pause must stay under 0.4 s.
"""

from __future__ import annotations

import numpy as np
import pytest

from selfcare import library, paths
from selfcare.audio.decode import read_mono
from selfcare.audio.mixer import Mixer
from selfcare.audio.structure import measure_gaps
from selfcare.core.scripts import parse_script
from selfcare.core.timeline import compile_timeline
from selfcare.session_setup import build_timeline

RATE = 48_000
EDGE_S = 0.08
SCRIPT = """
format = 1
id = "g"
kind = "pmr"
title = { en = "G" }

[[steps]]
say = { en = "One." }
hold = 5
pause = 2

[[steps]]
pause = 3

[[steps]]
say = { en = "Two." }
pause = 4

[[steps]]
say = { en = "Three." }
"""


def tone_with_edges(frames: int) -> np.ndarray:
    clip = np.zeros(frames, dtype=np.float32)
    edge = round(EDGE_S * RATE)
    t = np.arange(frames - 2 * edge) / RATE
    clip[edge:frames - edge] = 0.3 * np.sin(2 * np.pi * 220 * t)
    return clip


def test_gaps_are_the_scripted_silence_plus_the_clips_edges():
    script = parse_script(SCRIPT, "g.toml", expected_id="g").script
    timeline = compile_timeline(script, "en", [RATE, None, 2 * RATE, RATE], rate=RATE)
    mixer = Mixer(timeline, lambda number, frames: tone_with_edges(frames), {}, None)
    gaps = measure_gaps(mixer)
    assert [(g.after_step, g.before_step) for g in gaps] == [(1, 3), (3, 4)]
    assert [g.scripted_s for g in gaps] == pytest.approx([5 + 2 + 3, 4])
    for gap in gaps:
        assert gap.extra_s == pytest.approx(2 * EDGE_S, abs=0.011)


def test_a_clip_with_a_long_silent_tail_shows_as_extra_silence():
    script = parse_script(SCRIPT, "g.toml", expected_id="g").script
    timeline = compile_timeline(script, "en", [RATE, None, 2 * RATE, RATE], rate=RATE)

    def late_ending(number: int, frames: int) -> np.ndarray:
        clip = tone_with_edges(frames)
        if number == 3:
            clip[frames // 2:] = 0.0  # the last second of "Two." is silence
        return clip

    gaps = measure_gaps(Mixer(timeline, late_ending, {}, None))
    assert gaps[1].extra_s == pytest.approx(1.0 + EDGE_S, abs=0.011)


def _one_of_each_kind():
    scripts = library.load_library().sorted_scripts()
    chosen: dict[str, object] = {}
    for script in scripts:
        chosen.setdefault(script.kind, script)
    return list(chosen.values())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_shipped_sessions_leave_only_the_clips_short_edges(lang):
    checked = 0
    for script in _one_of_each_kind():
        timeline = build_timeline(script, lang)

        def load(number: int, frames: int, sid: str = script.id) -> np.ndarray:
            return read_mono(paths.narration_clip(lang, sid, number), RATE, frames)

        for gap in measure_gaps(Mixer(timeline, load, {}, None)):
            assert 0.0 <= gap.extra_s < 0.4, (script.id, gap)
            checked += 1
    assert checked > 20
