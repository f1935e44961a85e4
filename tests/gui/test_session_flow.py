"""The whole flow with real widgets: library, rating, player, rating, summary, history."""

from __future__ import annotations

from PySide6.QtCore import Qt

from selfcare.core.session_run import RunState
from tests.conftest import DATA

TINY = str(DATA / "scripts" / "tiny-cues.toml")


def test_the_library_lists_every_shipped_session_with_kind_and_length(window):
    starts = window.library.start_buttons
    assert {"imagery-warm-light", "pmr-short", "acupressure-li4-short"} <= set(starts)
    assert window.library.loading.isHidden()


def test_a_whole_session_by_mouse_saves_both_ratings(window, qtbot):
    window.open_session(TINY)
    assert window.stack.currentWidget() is window.rating
    assert not window.rating.confirm.isEnabled()  # no default: a choice is required
    qtbot.mouseClick(window.rating.scale.button(6), Qt.MouseButton.LeftButton)
    assert window.rating.confirm.isEnabled()
    qtbot.mouseClick(window.rating.confirm, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.player
    run = window.services.controller.run
    history = window.services.opened.store.history()
    assert history[0].pre == 6 and history[0].status == "running"  # saved before the sound
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.rating, timeout=15_000)
    assert run.state is RunState.FINISHED
    qtbot.mouseClick(window.rating.scale.button(4), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.rating.confirm, Qt.MouseButton.LeftButton)
    # the weekly check, once this week, by mouse too
    for value in (5, 3, 4):
        assert window.rating.question_now.weekly
        assert not window.rating.confirm.isEnabled()
        qtbot.mouseClick(window.rating.scale.button(value), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.rating.confirm, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary
    assert window.summary.result.text() == "Pain before 6 \u2192 after 4"
    record = window.services.opened.store.history()[0]
    assert (record.status, record.pre, record.post) == ("completed", 6, 4)


def test_the_player_shows_the_step_words_and_progress(window, qtbot):
    window.open_session("pmr-short")
    window.rating.answered.emit(5)
    qtbot.waitUntil(lambda: window.player.step_label.text().startswith("Step 1 of"), timeout=3000)
    window.player.next_step.emit()
    window.player.next_step.emit()
    qtbot.waitUntil(lambda: window.player.caption.text() != "", timeout=3000)
    assert window.player.step_label.text().startswith("Step 3 of")
    assert window.player.progress.value() > 0


def test_pause_and_resume_from_the_player(window, qtbot):
    window.open_session("imagery-warm-light")
    window.rating.answered.emit(3)
    controller = window.services.controller
    qtbot.mouseClick(window.player.pause_button, Qt.MouseButton.LeftButton)
    assert controller.run.state is RunState.PAUSED
    assert window.player.pause_button.text() == "Resume"
    qtbot.mouseClick(window.player.pause_button, Qt.MouseButton.LeftButton)
    assert controller.run.state is RunState.PLAYING
    assert window.player.pause_button.text() == "Pause"


def test_ending_early_asks_the_after_rating_and_records_an_interruption(window, qtbot):
    window.open_session("pmr-short")
    window.rating.answered.emit(7)
    window.player.next_step.emit()
    qtbot.mouseClick(window.player.stop_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.rating
    assert window.rating.question.text() == "And now, how much pain do you have?"
    assert "7" not in window.rating.question.text()  # no anchoring on the first answer
    qtbot.mouseClick(window.rating.skip, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.rating.skip_week, Qt.MouseButton.LeftButton)
    assert window.summary.heading.text() == "Session ended early"
    record = window.services.opened.store.history()[0]
    assert (record.status, record.pre, record.post, record.post_skipped) == \
        ("interrupted", 7, None, True)
    assert record.step_reached == 2


def test_history_lists_sessions_newest_first(window, qtbot):
    window.open_session("pmr-short")
    window.rating.answered.emit(4)
    window.player.stop_requested.emit()
    window.rating.answered.emit(3)
    window.rating.skip_rest.emit()
    window.summary.history_requested.emit()
    assert window.stack.currentWidget() is window.history
    model = window.history.table.model()
    assert model.rowCount() == 1
    assert model.index(0, 3).data() == "4" and model.index(0, 4).data() == "3"
    assert model.index(0, 2).data().startswith("Stopped at step")


def test_closing_the_window_mid_session_records_it_interrupted(window, qtbot):
    window.open_session("pmr-short")
    window.rating.answered.emit(5)
    window.close()
    record = window.services.opened.store.history()[0]
    assert (record.status, record.pre) == ("interrupted", 5)


def test_volume_sliders_reach_the_mixer(window, qtbot):
    window.open_session("pmr-short")
    window.rating.answered.emit(5)
    window.player.voice_volume.setValue(40)
    window.player.background_volume.setValue(10)
    gains = window.services.controller._audio.mixer.gains
    assert (gains.voice, gains.background) == (0.4, 0.1)


def test_a_full_disk_mid_session_is_told_and_the_session_goes_on(window, qtbot):
    from selfcare.core.ports import StoreUnavailable

    window.open_session("pmr-short")
    window.rating.answered.emit(5)
    store = window.services.opened.store

    def fail(*args):
        raise StoreUnavailable("the disk is full")

    store.record_progress = fail
    window.player.next_step.emit()
    qtbot.waitUntil(lambda: window.player.notice.isVisibleTo(window), timeout=3000)
    assert "could not be saved" in window.player.notice.text()
    assert window.services.controller.active


def test_a_session_after_one_ended_early_plays_from_the_start(window, qtbot):
    window.open_session("pmr-short")
    window.rating.answered.emit(5)
    window.player.stop_requested.emit()
    window.rating.answered.emit(4)
    window.summary.done.emit()
    window.open_session("imagery-warm-light")
    window.rating.answered.emit(5)
    run = window.services.controller.run
    qtbot.waitUntil(lambda: run.poll().elapsed > 0.3, timeout=3000)
    assert run.state is RunState.PLAYING


def test_skipping_while_paused_stays_paused(window, qtbot):
    window.open_session("pmr-short")
    window.rating.answered.emit(5)
    controller = window.services.controller
    controller.toggle_pause()
    controller.next_step()
    before = controller.run.poll().elapsed
    qtbot.wait(400)  # real time passes; the paused stream must not
    assert controller.run.poll().elapsed == before
    assert controller.run.state is RunState.PAUSED


def test_each_library_card_says_what_the_guideline_says_with_its_citation(window):
    from PySide6.QtWidgets import QLabel

    texts = {label.text(): label.toolTip() for label in window.library.findChildren(QLabel)
             if label.objectName() == "evidence"}
    assert any("recommendation 1.4" in t and "intermediate evidence, moderate strength" in t
               for t in texts)
    assert any("recommendation 1.7" in t and "the evidence is limited" in t for t in texts)
    assert not any("1.7" in t and "moderate" in t for t in texts)  # no unverified grade
    for text, citation in texts.items():
        if "does not cover nausea" in text:  # PC6: the trial, not the pain guideline
            assert "10.1188/07.ONF.813-820" in citation
        else:
            assert "10.1200/JCO.22.01357" in citation


def test_on_an_acupressure_step_the_player_says_where_the_point_is(window, qtbot):
    from selfcare.core.points import POINTS

    window.open_session("acupressure-li4-short")
    window.rating.answered.emit(5)
    controller = window.services.controller
    for _ in range(10):
        if controller.run.poll().focus == "LI4":
            break
        controller.next_step()
    qtbot.waitUntil(lambda: window.player.where_label.text() != "", timeout=3000)
    assert window.player.where_label.text() == POINTS["LI4"].location["en"]
    assert window.player.focus_label.text().startswith("LI4")
