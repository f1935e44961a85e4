"""A session from first rating to last: what is saved when, whatever happens."""

from __future__ import annotations

from datetime import timedelta

import pytest

from selfcare.core.player_view import Phase, view_at
from selfcare.core.ratings import Moment
from selfcare.core.scripts import parse_script
from selfcare.core.session_run import RunState, SessionRun
from selfcare.core.timeline import compile_timeline
from tests.helpers.fakes import FakeAudio, FakeClock
from tests.helpers.store_fakes import FakeSessionStore

SCRIPT = """
format = 1
id = "s"
kind = "pmr"
title = { en = "Short" }

[[steps]]
pause = 2

[[steps]]
say = { en = "Make a fist." }
focus = "hand-right"
hold = 5
pause = 3

[[steps]]
say = { en = "Rest." }
pause = 4
"""
RATE = 48_000


@pytest.fixture
def parts():
    script = parse_script(SCRIPT, "s.toml").script
    assert script is not None
    timeline = compile_timeline(script, "en", [None, RATE * 2, RATE], rate=RATE)
    clock = FakeClock()
    return script, timeline, clock, FakeAudio(clock, timeline.total_frames), \
        FakeSessionStore()


def begin(parts, pre=6):
    script, timeline, clock, audio, store = parts
    return SessionRun.begin(script, timeline, store, audio, clock, pre)


def test_the_pre_rating_is_saved_before_the_first_sound(parts):
    *_, audio, store = parts
    order = []
    store_begin = store.begin_session
    audio_start = audio.start
    store.begin_session = lambda start: (order.append("saved"), store_begin(start))[1]
    audio.start = lambda: (order.append("sound"), audio_start())[1]
    run = begin(parts)
    assert order == ["saved", "sound"]
    assert store.sessions[run.session_id].rating(Moment.PRE) == 6


def test_progress_is_recorded_as_each_step_is_reached(parts):
    _, _timeline, clock, _, store = parts
    run = begin(parts)
    run.poll()
    assert store.sessions[run.session_id].step_reached == 1
    clock.advance(2.5)
    view = run.poll()
    assert view.step == 2 and view.phase is Phase.SAY and view.caption == "Make a fist."
    assert store.sessions[run.session_id].step_reached == 2


def test_a_session_played_to_the_end_is_completed_then_takes_the_after_rating(parts):
    _, timeline, clock, _, store = parts
    run = begin(parts)
    clock.advance(timeline.duration + 0.1)
    run.poll()
    assert run.state is RunState.FINISHED
    assert store.sessions[run.session_id].status == "completed"
    outcome = run.give_post_rating(4)
    assert (outcome.before, outcome.after, outcome.completed) == (6, 4, True)
    assert outcome.change is not None and outcome.change.points == 2
    assert store.sessions[run.session_id].rating(Moment.POST) == 4


def test_stopping_early_is_recorded_as_interrupted_at_the_step_reached(parts):
    _, _, clock, audio, store = parts
    run = begin(parts)
    clock.advance(3)
    run.poll()
    run.stop()
    record = store.sessions[run.session_id]
    assert (record.status, record.step_reached) == ("interrupted", 2)
    assert "stop" in audio.calls
    outcome = run.give_post_rating(None)
    assert outcome.completed is False and outcome.after is None
    assert store.sessions[run.session_id].skipped(Moment.POST)  # skipped, not 0


def test_pause_freezes_the_session_and_resume_continues(parts):
    _, _, clock, _, _ = parts
    run = begin(parts)
    clock.advance(1)
    run.pause()
    clock.advance(60)
    assert run.poll().elapsed == pytest.approx(1.0)
    run.resume()
    clock.advance(1)
    assert run.poll().elapsed == pytest.approx(2.0)


def test_next_and_previous_move_between_step_starts(parts):
    _, timeline, clock, audio, _ = parts
    starts = timeline.step_starts()
    run = begin(parts)
    run.next_step()
    assert audio.position() == starts[1]
    clock.advance(4)  # more than 3 s into step 2: "previous" restarts it
    run.previous_step()
    assert audio.position() == starts[1]
    run.previous_step()  # at its start: goes back one step
    assert audio.position() == starts[0]


def test_the_hold_countdown_comes_from_the_stream_position(parts):
    _, timeline, _, _, _ = parts
    hold_start = timeline.step_starts()[1] + RATE * 2
    view = view_at(timeline, hold_start + RATE)
    assert view.phase is Phase.HOLD
    assert view.hold_remaining == pytest.approx(4.0)
    assert view.focus == "hand-right"


def test_a_rating_outside_0_to_10_is_refused_before_anything_is_saved(parts):
    *_, store = parts
    with pytest.raises(ValueError):
        begin(parts, pre=11)
    assert store.sessions == {}


def test_silent_sessions_are_recorded_as_silent(parts):
    script, timeline, clock, _, store = parts
    audio = FakeAudio(clock, timeline.total_frames, silent_reason="no device")
    run = SessionRun.begin(script, timeline, store, audio, clock, 5)
    assert store.sessions[run.session_id].start.audio == "silent"
    assert clock.now() - store.sessions[run.session_id].start.started_at == timedelta(0)


def test_a_failing_store_mid_session_does_not_end_the_session(parts):
    from selfcare.core.ports import StoreUnavailable

    _, _, clock, _, store = parts
    run = begin(parts)
    store.fail_next = StoreUnavailable("disk full")
    clock.advance(3)
    view = run.poll()
    assert view.step == 2 and run.state is RunState.PLAYING
    assert isinstance(run.store_problem, StoreUnavailable)
