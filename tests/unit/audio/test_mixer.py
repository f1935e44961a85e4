"""The mixer: the same frames however the stream is chunked, each sound at its frame."""

from __future__ import annotations

import numpy as np
import pytest

from selfcare.audio.ambience import LoopStream
from selfcare.audio.mixer import DUCK_GAIN, Mixer, to_int16
from selfcare.audio.session_audio import build_mixer
from selfcare.core.timeline import EventKind
from selfcare.library import load_script_file
from selfcare.session_setup import build_timeline
from tests.helpers.audio_assets import RATE, make_assets


@pytest.fixture
def assets(tmp_path, monkeypatch):
    script_path = make_assets(tmp_path / "assets")
    monkeypatch.setenv("SELFCARE_ASSETS_DIR", str(tmp_path / "assets"))
    script = load_script_file(script_path).script
    assert script is not None
    timeline = build_timeline(script, "en")
    mixer, problems = build_mixer(script, timeline)
    assert problems == []
    return script, timeline, mixer


def render_all(mixer: Mixer, chunk: int) -> np.ndarray:
    parts = [mixer.render(s, min(chunk, mixer.length - s)) for s in range(0, mixer.length, chunk)]
    return to_int16(np.concatenate(parts))


def test_the_stream_is_identical_whatever_the_chunk_size(assets):
    *_, mixer = assets
    whole = to_int16(mixer.render(0, mixer.length))
    for chunk in (1024, 24_000, 7_919):
        assert np.array_equal(render_all(mixer, chunk), whole)


def test_each_cue_starts_exactly_at_its_timeline_frame(assets):
    _, timeline, mixer = assets
    mixer.gains.background = 0.0
    stream = mixer.render(0, mixer.length)[:, 0]
    cues = [e.frame for e in timeline.events if e.kind is EventKind.CUE]
    assert len(cues) == 4
    for frame in cues:
        assert stream[frame - 1] == 0.0 if frame else True
        assert abs(stream[frame]) > 0.25  # the click starts at full amplitude


def test_a_clip_at_another_rate_is_resampled_to_the_length_the_timeline_gave(assets):
    _, timeline, _mixer = assets
    say = next(e for e in timeline.events if e.kind is EventKind.SAY)
    assert not say.estimated
    assert say.frames == round(int(0.6 * 22_050) * RATE / 22_050)


def test_the_bed_fades_in_and_ducks_under_the_voice(assets):
    _, timeline, mixer = assets
    envelope = mixer._bed_envelope(0, mixer.length)
    say = next(e for e in timeline.events if e.kind is EventKind.SAY)
    assert envelope[0] == 0.0
    middle = say.frame + say.frames // 2
    assert envelope[middle] == pytest.approx(DUCK_GAIN * envelope[say.frame - RATE], rel=0.02) \
        or envelope[middle] < envelope[say.frame - RATE]
    assert envelope[-1] < 0.01


def test_the_loop_wraps_seamlessly_to_its_own_start(tmp_path, assets):
    from selfcare import paths

    loop = LoopStream(paths.ambience_path("test-bed"), RATE)
    length = loop.loop_frames
    across = loop.read(length - 100, 200)
    assert np.array_equal(across[:100], loop.read(length - 100, 100))
    assert np.array_equal(across[100:], loop.read(0, 100))
    assert np.array_equal(loop.read(5 * length + 17, 50), loop.read(17, 50))
    loop.close()


def test_a_bed_at_another_rate_streams_resampled_and_continuous(tmp_path):
    import soundfile

    path = tmp_path / "slow.ogg"
    t = np.arange(44_100) / 44_100
    soundfile.write(path, (0.3 * np.sin(2 * np.pi * 441 * t)).astype(np.float32), 44_100)
    loop = LoopStream(path, RATE)
    a = loop.read(0, 30_000)
    b = loop.read(30_000, 30_000)
    joined = np.concatenate([a, b])[:, 0]
    assert np.max(np.abs(np.diff(joined))) < 0.05  # no click at the chunk boundary
    loop.close()


def test_gain_changes_apply_to_what_is_rendered_next(assets):
    *_, mixer = assets
    loud = mixer.render(RATE, 1000).copy()
    mixer.gains.background = 0.5
    mixer.gains.voice = 0.0
    quieter = mixer.render(RATE, 1000)
    assert np.max(np.abs(quieter)) < np.max(np.abs(loud))


def test_an_unreadable_clip_is_left_silent_and_the_session_goes_on(assets, tmp_path):
    from selfcare import paths

    script, timeline, _mixer = assets
    paths.narration_clip("en", script.id, 3).write_bytes(b"not audio at all")
    fresh, _ = build_mixer(script, timeline)
    out = fresh.render(0, fresh.length)
    assert out.shape == (fresh.length, 2)


def test_a_clip_that_stops_mid_sound_starts_and_ends_at_zero(tmp_path, assets):
    import soundfile

    from selfcare import paths

    script, timeline, _ = assets
    say = next(e for e in timeline.events if e.kind is EventKind.SAY)
    clip = paths.narration_clip("en", script.id, say.step)
    info = soundfile.info(str(clip))
    steady = np.full(info.frames, 0.3, dtype=np.float32)  # a recording cut off mid-sound
    soundfile.write(str(clip), steady, info.samplerate, format="OGG", subtype="VORBIS")
    mixer, _ = build_mixer(script, timeline)
    voice = mixer._clip(say)  # as the mixer will play it (cues and bed are added later)
    assert voice is not None and len(voice) == say.frames
    assert voice[0] == 0.0 and voice[-1] == 0.0
    fade = round(0.005 * RATE)
    assert np.all(np.abs(np.diff(voice[:fade + 1])) < 0.01)  # a ramp, not a step
    assert np.all(np.abs(np.diff(voice[-fade - 1:])) < 0.01)
    assert voice[say.frames // 2] == pytest.approx(0.3, abs=0.03)  # the middle untouched
