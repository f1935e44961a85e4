"""The questions around a session, with real widgets and a real record file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from selfcare.core.measures import WEEKLY_CHECK
from selfcare.core.questions import Soreness, week_of
from selfcare.ui import i18n


def press(qtbot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def start(window, script: str = "pmr-short", pain: int = 6) -> None:
    window.open_session(script)
    window.rating.answered.emit(pain)


def stop_and_rate(window, pain: int | None = 3) -> None:
    window.player.stop_requested.emit()
    window.rating.answered.emit(pain)


def record_weekly(window, week: date) -> None:
    answers = window.services.opened.answers
    for item in ("average-pain", "enjoyment", "activity"):
        answers.record_weekly(week, WEEKLY_CHECK, "1", item, 5, datetime.now(UTC))


@pytest.fixture
def weekly_done(window):
    """This week's check already answered, so tests about other questions meet none."""
    record_weekly(window, week_of(date.today()))
    return window


def test_switched_on_items_are_asked_before_and_saved_with_the_pain(window, qtbot):
    settings = window.services.settings
    settings.set("ask_tension", True)
    settings.set("ask_anxiety", True)
    window.open_session("pmr-short")
    rating = window.rating
    assert rating.question.text() == "How much pain do you have right now?"
    assert "question 1 of 3" in rating.context.text()
    assert rating.confirm.text() == "Continue"
    qtbot.mouseClick(rating.scale.button(6), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rating.confirm, Qt.MouseButton.LeftButton)
    assert rating.question.text() == "How tense do your muscles feel right now?"
    assert rating.scale.low_anchor.text() == "0 = Completely relaxed"
    assert rating.scale.value() is None  # no default carried over from the last question
    qtbot.mouseClick(rating.back, Qt.MouseButton.LeftButton)  # back one question
    assert rating.question.text() == "How much pain do you have right now?"
    window.rating.answered.emit(6)
    qtbot.mouseClick(rating.skip, Qt.MouseButton.LeftButton)  # tension skipped
    assert rating.question.text() == "Anxiety (feeling nervous)"
    assert rating.scale.high_anchor.text() == "10 = Worst possible anxiety"
    assert "ESAS-r" in rating.credit.text()
    assert rating.confirm.text() == "Start the session"
    qtbot.mouseClick(rating.scale.button(4), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rating.confirm, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.player
    session_id = window.services.controller.run.session_id
    store = window.services.opened.store
    assert store.get(session_id).pre == 6
    assert store.other_ratings()[session_id] == {("pre", "tension"): None,
                                                 ("pre", "anxiety"): 4}


def test_the_same_items_are_asked_after_and_each_is_saved_when_given(weekly_done, qtbot):
    window = weekly_done
    window.services.settings.set("ask_wellbeing", True)
    start(window)
    window.rating.answered.emit(2)  # wellbeing before
    session_id = window.services.controller.run.session_id
    stop_and_rate(window, 3)
    assert window.rating.question.text() == "Wellbeing (how you feel overall)"
    assert window.rating.scale.low_anchor.text() == "0 = Best wellbeing"
    store = window.services.opened.store
    assert store.get(session_id).post == 3  # pain after was committed before this question
    window.rating.answered.emit(1)
    assert store.other_ratings()[session_id] == {("pre", "wellbeing"): 2,
                                                 ("post", "wellbeing"): 1}
    assert window.stack.currentWidget() is window.summary


def test_after_acupressure_soreness_is_asked_by_mouse(weekly_done, qtbot):
    window = weekly_done
    start(window, "acupressure-li4-short")
    session_id = window.services.controller.run.session_id
    stop_and_rate(window, 4)
    rating = window.rating
    assert rating.question.text() == "Any soreness or bruising where you pressed?"
    assert rating.soreness_box.isVisible() and not rating.scale.isVisible()
    assert not rating.confirm.isEnabled()
    qtbot.mouseClick(rating.soreness_buttons[Soreness.MILD], Qt.MouseButton.LeftButton)
    assert rating.confirm.isEnabled()
    qtbot.mouseClick(rating.confirm, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary
    notes = window.services.opened.answers.after_notes()
    assert notes[session_id].soreness is Soreness.MILD


def test_soreness_by_keyboard_and_skipping_it_is_kept_as_skipped(weekly_done, qtbot):
    window = weekly_done
    start(window, "acupressure-li4-short")
    first = window.services.controller.run.session_id
    stop_and_rate(window, 4)
    assert QApplication.focusWidget() is window.rating.soreness_buttons[Soreness.NONE]
    press(qtbot, Qt.Key.Key_Space)  # choose "None"
    assert window.rating.answer() is Soreness.NONE
    window.rating.confirm.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.summary, timeout=2000)
    window.summary.done.emit()
    start(window, "acupressure-li4-short")
    second = window.services.controller.run.session_id
    stop_and_rate(window, 4)
    window.rating.skip.click()
    notes = window.services.opened.answers.after_notes()
    assert notes[first].soreness is Soreness.NONE
    assert notes[second].soreness is None and notes[second].soreness_asked


def test_the_weekly_check_comes_once_a_week(window, qtbot):
    start(window)
    stop_and_rate(window)
    rating = window.rating
    assert rating.question_now.weekly and rating.skip_week.isVisible()
    assert "Once a week" in rating.intro.text()
    assert "Krebs" in rating.credit.text()
    for value in (6, 5, 4):
        rating.answered.emit(value)
    assert window.stack.currentWidget() is window.summary
    window.summary.done.emit()
    start(window)  # the same week: not asked again
    stop_and_rate(window)
    assert window.stack.currentWidget() is window.summary
    answers = window.services.opened.answers
    assert [a.value for a in answers.weekly_answers()] == [6, 5, 4]


def test_the_weekly_check_comes_back_the_next_week(window, qtbot):
    record_weekly(window, week_of(date.today()) - timedelta(days=7))
    start(window)
    stop_and_rate(window)
    assert window.rating.question_now.weekly


def test_not_this_week_saves_the_weekly_questions_as_skipped(window, qtbot):
    start(window)
    stop_and_rate(window)
    window.rating.answered.emit(7)  # the first weekly item answered
    qtbot.mouseClick(window.rating.skip_week, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary
    answers = window.services.opened.answers.weekly_answers()
    assert [(a.item, a.value) for a in answers] == [
        ("average-pain", 7), ("enjoyment", None), ("activity", None)]
    assert window.services.opened.answers.last_weekly_week(WEEKLY_CHECK) == \
        week_of(date.today())


def test_switching_the_weekly_check_off_in_settings_stops_it(window, qtbot):
    window.show_settings()
    box = window.settings_page.question_boxes["ask_weekly_check"]
    assert box.isChecked()
    box.setChecked(False)
    start(window)
    stop_and_rate(window)
    assert window.stack.currentWidget() is window.summary
    assert not window.services.settings.flag("ask_weekly_check")


def test_a_note_is_saved_from_the_summary_and_kept_even_without_pressing_save(weekly_done,
                                                                              qtbot):
    window = weekly_done
    start(window)
    first = window.services.controller.run.session_id
    stop_and_rate(window)
    summary = window.summary
    assert summary.note_card.isVisible() and not summary.save_note_button.isEnabled()
    qtbot.keyClicks(summary.note, "Felt calmer; left shoulder still sore")
    qtbot.mouseClick(summary.save_note_button, Qt.MouseButton.LeftButton)
    assert summary.note_status.text() == "Note saved."
    qtbot.mouseClick(summary.done_button, Qt.MouseButton.LeftButton)
    start(window)
    second = window.services.controller.run.session_id
    stop_and_rate(window)
    qtbot.keyClicks(window.summary.note, "typed, never saved by hand")
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.library
    notes = window.services.opened.answers.after_notes()
    assert notes[first].note == "Felt calmer; left shoulder still sore"
    assert notes[second].note == "typed, never saved by hand"


def test_a_note_that_cannot_be_saved_stays_on_screen(weekly_done, qtbot):
    from selfcare.core.ports import StoreUnavailable

    window = weekly_done
    start(window)
    stop_and_rate(window)

    def full(*_args):
        raise StoreUnavailable("the disk is full")

    window.services.opened.answers.record_note = full
    qtbot.keyClicks(window.summary.note, "my note")
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary  # not lost by leaving
    assert "could not be saved" in window.summary.note_status.text()
    assert window.summary.note.toPlainText() == "my note"


def test_an_answer_that_cannot_be_saved_keeps_the_person_on_the_question(weekly_done, qtbot):
    from selfcare.core.ports import StoreUnavailable

    window = weekly_done
    start(window, "acupressure-li4-short")
    stop_and_rate(window)
    answers = window.services.opened.answers
    saved = answers.record_soreness

    def locked(*_args):
        raise StoreUnavailable("the file is in use")

    answers.record_soreness = locked
    window.rating.answered.emit(Soreness.MORE)
    assert window.stack.currentWidget() is window.rating
    assert "could not be saved" in window.rating.problem.text()
    answers.record_soreness = saved
    window.rating.answered.emit(Soreness.MORE)
    assert window.stack.currentWidget() is window.summary


def test_in_spanish_an_esas_r_item_is_shown_in_english_and_says_why(window, qtbot):
    window.services.settings.set("ask_tiredness", True)
    window.set_language("es")
    assert i18n.current_language() == "es"
    start(window)
    rating = window.rating
    assert rating.question.text() == "Tiredness (lack of energy)"
    assert "ESAS-r" in rating.credit.text() and "inglés" in rating.credit.text()


def test_in_spanish_the_weekly_check_is_in_spanish(window, qtbot):
    window.set_language("es")
    start(window)
    stop_and_rate(window)
    assert window.rating.question.text().startswith("Durante la última semana")
    assert "Krebs" in window.rating.credit.text()


def test_a_broken_questionnaire_file_is_named_and_the_app_goes_on(qtbot, qapp, data_dir,
                                                                  tmp_path, monkeypatch):
    from selfcare import paths
    from selfcare.services import load_services
    from selfcare.ui.main_window import MainWindow

    (tmp_path / "weekly-check.toml").write_text('format = 1\nid = "weekly-check"\n',
                                                encoding="utf-8")
    monkeypatch.setattr(paths, "measures_dir", lambda: tmp_path)
    main = MainWindow()
    qtbot.addWidget(main)
    services = load_services(main, data_dir)
    try:
        main.attach(services)
        assert "weekly-check.toml" in main.library.notice.text()
        start(main)
        stop_and_rate(main)
        assert main.stack.currentWidget() is main.summary  # no weekly check, no crash
    finally:
        services.close()


def test_history_shows_each_weekly_check_with_its_score_newest_first(window, qtbot):
    answers = window.services.opened.answers
    now = datetime.now(UTC)
    weeks = [date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)]
    for item, values in (("average-pain", (6, None, 5)), ("enjoyment", (5, None, None)),
                         ("activity", (4, None, 6))):
        for week, value in zip(weeks, values, strict=True):
            answers.record_weekly(week, WEEKLY_CHECK, "1", item, value, now)
    window.show_history()
    panel = window.history.weekly
    assert panel.isVisible()
    assert panel.lines == [
        "Week of 30 Nov 2026: no score, a question was skipped (pain 5, enjoyment of life "
        "\u2013, general activity 6)",
        "Week of 23 Nov 2026: skipped",
        "Week of 16 Nov 2026: score 5.0 (pain 6, enjoyment of life 5, general activity 4)",
    ]
    assert "Krebs" in panel.credit.text()


def test_history_has_no_weekly_panel_before_any_weekly_check(window, qtbot):
    window.show_history()
    assert not window.history.weekly.isVisible()
