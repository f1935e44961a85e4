"""Timelines: steps laid end to end at exact frames; cues instant; reading-time fallback."""

from __future__ import annotations

import pytest

from selfcare.core.scripts import parse_script
from selfcare.core.timeline import EventKind, compile_timeline, reading_frames

SCRIPT = """
format = 1
id = "t"
kind = "pmr"
title = { en = "T", es = "T" }

[[steps]]
pause = 2

[[steps]]
cue = "chime"
say = { en = "Make a fist.", es = "Cierra el puño." }
focus = "hand-right"
hold = 5
pause = 20

[[steps]]
cue = "bell"
pause = 1.5
"""


@pytest.fixture
def script():
    result = parse_script(SCRIPT, "t.toml", expected_id="t")
    assert result.script is not None
    return result.script


def test_steps_are_sequential_clip_plus_hold_plus_pause(script):
    timeline = compile_timeline(script, "en", [None, 72_000, None], rate=48_000)
    steps = timeline.steps
    assert [s.frame for s in steps] == [0, 96_000, 96_000 + 72_000 + 240_000 + 960_000]
    assert timeline.total_frames == steps[2].frame + 72_000


def test_events_within_a_step_follow_say_hold_pause(script):
    timeline = compile_timeline(script, "en", [None, 72_000, None], rate=48_000)
    step2 = [e for e in timeline.events if e.step == 2]
    assert [(e.kind, e.frame, e.frames) for e in step2] == [
        (EventKind.STEP, 96_000, 1_272_000),
        (EventKind.CUE, 96_000, 0),
        (EventKind.SAY, 96_000, 72_000),
        (EventKind.HOLD, 168_000, 240_000),
        (EventKind.PAUSE, 408_000, 960_000),
    ]
    assert timeline.events[-1].kind is EventKind.END


def test_a_missing_clip_is_timed_by_reading_speed_and_marked_estimated(script):
    timeline = compile_timeline(script, "es", [None, None, None], rate=48_000)
    say = next(e for e in timeline.events if e.kind is EventKind.SAY)
    assert say.estimated
    assert say.frames == reading_frames("Cierra el puño.", 48_000)


def test_json_gives_seconds_and_frames(script):
    data = compile_timeline(script, "en", [None, 48_000, None], rate=48_000).to_json()
    cue = [d for d in data if d["kind"] == "cue"]
    assert cue[0] == {"t": 2.0, "frame": 96_000, "kind": "cue", "step": 2, "cue": "chime"}
    assert cue[1]["t"] == pytest.approx(2 + 1 + 5 + 20)


def test_odd_times_round_to_the_nearest_frame(script):
    import dataclasses

    odd = dataclasses.replace(script, steps=(dataclasses.replace(script.steps[0],
                                                                 pause=1 / 3),))
    timeline = compile_timeline(odd, "en", [None], rate=44_100)
    assert timeline.total_frames == 14_700


def test_unknown_language_and_wrong_clip_count_are_refused(script):
    with pytest.raises(ValueError):
        compile_timeline(script, "fr", [None, None, None])
    with pytest.raises(ValueError):
        compile_timeline(script, "en", [None])


def test_step_index_at_frames(script):
    timeline = compile_timeline(script, "en", [None, 48_000, None], rate=48_000)
    starts = timeline.step_starts()
    assert timeline.step_index_at(0) == 0
    assert timeline.step_index_at(starts[1] - 1) == 0
    assert timeline.step_index_at(starts[1]) == 1
    assert timeline.step_index_at(timeline.total_frames + 10) == 2


ACUPRESSURE = """
format = 1
id = "a"
kind = "acupressure"
title = { en = "A" }

[[steps]]
say = { en = "Find the point." }
pause = 1

[[steps]]
focus = "LI4"
say = { en = "Press in small circles." }
hold = 7
pause = 3
"""


def _acupressure_timeline(kind: str = "acupressure"):
    result = parse_script(ACUPRESSURE.replace('"acupressure"', f'"{kind}"'), "a.toml",
                          expected_id="a")
    assert result.script is not None
    return compile_timeline(result.script, "en", [48_000, 96_000], rate=48_000)


def test_acupressure_holds_tick_every_two_seconds_from_the_start_of_the_hold():
    timeline = _acupressure_timeline()
    hold = next(e for e in timeline.events if e.kind is EventKind.HOLD)
    ticks = [e.frame for e in timeline.events if e.kind is EventKind.CUE and e.cue == "tick"]
    # hold starts after step 1 (1 s words + 1 s pause) and step 2's 2 s of words: 4 s
    assert hold.frame == 4 * 48_000
    assert ticks == [hold.frame + k * 2 * 48_000 for k in range(4)]  # 0, 2, 4, 6 s of 7 s
    assert all(hold.frame <= t < hold.end for t in ticks)


def test_no_tick_in_the_last_half_second_of_a_hold():
    timeline = _acupressure_timeline()
    hold = next(e for e in timeline.events if e.kind is EventKind.HOLD)
    ticks = [e.frame for e in timeline.events if e.cue == "tick"]
    assert hold.end - ticks[-1] > 24_000


def test_other_kinds_get_no_rhythm_ticks():
    timeline = _acupressure_timeline("pmr")
    assert not [e for e in timeline.events if e.cue == "tick"]


def test_events_stay_in_time_order_with_ticks():
    timeline = _acupressure_timeline()
    frames = [e.frame for e in timeline.events]
    assert frames == sorted(frames)
    step_2 = [e for e in timeline.events if e.step == 2]
    assert step_2[0].kind is EventKind.STEP  # the step event still opens its step
