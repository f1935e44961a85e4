"""What pygame really sent to the device, captured with SDL's disk driver, frame by frame.

The captured stream must be exactly the offline render: every cue at its timeline
frame. A pause inserts silence at a buffer boundary and nothing else moves.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from selfcare.audio.mixer import to_int16
from selfcare.audio.session_audio import build_mixer
from selfcare.core.timeline import EventKind
from selfcare.library import load_script_file
from selfcare.session_setup import build_timeline
from tests.conftest import REPO
from tests.helpers.audio_assets import find, make_assets, read_capture, zero_runs

pytestmark = pytest.mark.slow


@pytest.fixture
def setup(tmp_path, monkeypatch):
    assets = tmp_path / "assets"
    script_path = make_assets(assets)
    monkeypatch.setenv("SELFCARE_ASSETS_DIR", str(assets))
    script = load_script_file(script_path).script
    assert script is not None
    timeline = build_timeline(script, "en")
    mixer, _ = build_mixer(script, timeline)
    rendered = to_int16(mixer.render(0, mixer.length))
    return script_path, timeline, rendered


def capture(script_path, tmp_path, pause_at: float, pause_for: float) -> tuple[np.ndarray, str]:
    out = tmp_path / "capture.raw"
    env = {**os.environ, "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(out),
           "SELFCARE_ASSETS_DIR": os.environ["SELFCARE_ASSETS_DIR"]}
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.play_with_pause", str(script_path),
         str(pause_at), str(pause_for)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return read_capture(out), done.stdout


def test_the_device_receives_exactly_the_rendered_stream(setup, tmp_path):
    script_path, _timeline, rendered = setup
    captured, report = capture(script_path, tmp_path, pause_at=-1, pause_for=0)
    assert "underruns 0" in report
    start = find(captured, rendered[4800:5056]) - 4800
    assert start >= 0
    assert np.array_equal(captured[start:start + len(rendered)], rendered)


def test_after_pause_and_resume_every_cue_stays_at_its_frame_in_the_resumed_stream(
        setup, tmp_path):
    script_path, timeline, rendered = setup
    captured, report = capture(script_path, tmp_path, pause_at=1.6, pause_for=0.7)
    assert "underruns 0" in report
    start = find(captured, rendered[4800:5056]) - 4800
    body = captured[start:]
    runs = [run for run in zero_runs(body, 256) if run[0] > 4800]
    at, length = runs[0]  # the pause; any later run is the silence after the end
    assert 1.0 * 48_000 < at < 2.0 * 48_000
    assert 0.6 * 48_000 < length < 1.0 * 48_000
    assert at % 1024 == 0  # it took effect at a device-buffer boundary
    resumed = np.concatenate([body[:at], body[at + length:]])[:len(rendered)]
    assert np.array_equal(resumed, rendered)
    cue_frames = [e.frame for e in timeline.events if e.kind is EventKind.CUE]
    assert any(frame > at for frame in cue_frames)  # a cue after the pause was checked
