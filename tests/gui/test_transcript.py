"""The transcript shows every spoken step of the session, the current one marked."""

from __future__ import annotations


def test_the_transcript_holds_every_step_and_marks_the_current_one(window, qtbot):
    window.choose_session("pmr-short")
    window.rating.answered.emit(5)
    controller = window.services.controller
    for _ in range(3):
        controller.next_step()
    qtbot.waitUntil(lambda: window.player.step_label.text().startswith("Step 4 of"),
                    timeout=3000)
    dialog = window.player.transcript_dialog()
    qtbot.addWidget(dialog)
    script = window.services.scripts["pmr-short"]
    text = dialog.plain_text()
    for step in script.steps:
        if "en" in step.say:
            assert step.say["en"].split("\n")[0] in text
    assert dialog.current == 4
    assert "Now: " + script.steps[3].say["en"].split("\n")[0] in text


def test_captions_off_hides_the_words_but_not_the_transcript(window, qtbot):
    window.change_setting("captions", False)
    window.choose_session("pmr-short")
    window.rating.answered.emit(5)
    qtbot.wait(50)
    assert window.player.words_card.isHidden()
    assert window.player.transcript_button.isEnabled()


def test_less_motion_keeps_the_breathing_circle_still(window, qtbot):
    from tests.conftest import DATA

    window.change_setting("reduced_motion", True)
    window.open_session(str(DATA / "scripts" / "focus-tour.toml"))
    window.rating.answered.emit(4)
    for _ in range(3):
        window.player.next_step.emit()
    qtbot.waitUntil(lambda: window.player.focus_label.text() == "Breathe in", timeout=3000)
    qtbot.wait(300)
    assert window.player.pacer.isHidden()
