"""The breathing pacer: fills through a breath-in step, empties through a breath-out step."""

from __future__ import annotations

import pytest

from selfcare.core.player_view import breath_size, view_at
from selfcare.core.scripts import parse_script
from selfcare.core.timeline import compile_timeline

RATE = 48_000
SCRIPT = """
format = 1
id = "b"
kind = "breathing"
title = { en = "B" }

[[steps]]
cue = "tick"
focus = "breath-in"
pause = 4

[[steps]]
focus = "breath-out"
pause = 6

[[steps]]
focus = "face"
pause = 2
"""


@pytest.fixture
def timeline():
    result = parse_script(SCRIPT, "b.toml", expected_id="b")
    assert result.script is not None
    return compile_timeline(result.script, "en", [None, None, None], rate=RATE)


def test_pacer_fills_from_empty_to_full_through_the_breath_in(timeline):
    sizes = [view_at(timeline, round(t * RATE)).breath for t in (0.0, 1.0, 2.0, 3.0, 3.999)]
    assert sizes[0] == pytest.approx(0.0)
    assert sizes[2] == pytest.approx(0.5)
    assert sizes[-1] == pytest.approx(1.0, abs=1e-3)
    assert sizes == sorted(sizes)


def test_pacer_empties_through_the_breath_out(timeline):
    sizes = [view_at(timeline, round(t * RATE)).breath for t in (4.0, 5.5, 7.0, 8.5, 9.999)]
    assert sizes[0] == pytest.approx(1.0)
    assert sizes[2] == pytest.approx(0.5)
    assert sizes[-1] == pytest.approx(0.0, abs=1e-3)
    assert sizes == sorted(sizes, reverse=True)


def test_pacer_starts_and_ends_each_breath_gently(timeline):
    # eased: the first tenth of the breath moves the pacer far less than a tenth
    assert view_at(timeline, round(0.4 * RATE)).breath < 0.05


def test_no_pacer_outside_breathing_steps(timeline):
    assert view_at(timeline, round(11 * RATE)).breath is None
    step = timeline.steps[2]
    assert breath_size(step, step.frame) is None
