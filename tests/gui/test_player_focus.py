"""The player draws what each step is about: the point, the body region, or a breath pacer."""

from __future__ import annotations

from selfcare.ui.session_controller import PACER_POLL_MS, POLL_MS
from tests.conftest import DATA

TOUR = str(DATA / "scripts" / "focus-tour.toml")


def _go_to_step(window, qtbot, number: int) -> None:
    window.open_session(TOUR)
    window.rating.answered.emit(4)
    for _ in range(number - 1):
        window.player.next_step.emit()
    qtbot.waitUntil(lambda: window.player.step_label.text().startswith(f"Step {number} of"),
                    timeout=3000)


def test_an_acupressure_step_shows_its_point_drawing_and_where_to_find_it(window, qtbot):
    _go_to_step(window, qtbot, 2)
    assert window.player.diagram.code == "PC6"
    assert window.player.pacer.isHidden()
    assert "PC6" in window.player.focus_label.text()
    assert window.player.where_label.text()  # plain words on finding it
    assert window.player.diagram.accessibleName().startswith("Diagram: PC6")


def test_a_relaxation_step_lights_its_body_region(window, qtbot):
    _go_to_step(window, qtbot, 3)
    assert window.player.diagram.code == "arm-left-whole"
    assert window.player.focus_label.text() == "Left arm and hand"
    assert window.player.diagram.accessibleName() == "Diagram: Left arm and hand"


def test_breathing_steps_show_a_pacer_that_fills_while_breathing_in(window, qtbot):
    _go_to_step(window, qtbot, 4)
    pacer = window.player.pacer
    qtbot.waitUntil(lambda: not pacer.isHidden(), timeout=2000)
    assert window.player.diagram.isHidden()
    assert window.player.focus_label.text() == "Breathe in"
    first = pacer.size_now
    qtbot.waitUntil(lambda: pacer.size_now > first + 0.05, timeout=4000)
    assert window.services.controller._timer.interval() == PACER_POLL_MS


def test_the_pacer_goes_away_and_polling_slows_after_the_breaths(window, qtbot):
    _go_to_step(window, qtbot, 6)
    qtbot.waitUntil(lambda: window.player.pacer.isHidden(), timeout=2000)
    assert window.services.controller._timer.interval() == POLL_MS


def test_a_wordless_breath_says_how_to_follow_the_circle(window, qtbot):
    _go_to_step(window, qtbot, 5)
    qtbot.waitUntil(lambda: not window.player.pacer.isHidden(), timeout=2000)
    assert "Follow the circle" in window.player.caption.text()
