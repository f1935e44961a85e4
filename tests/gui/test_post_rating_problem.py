"""When the after-rating cannot be saved (another program holds the file), the person is
told plainly, keeps their answer, and can try again; nothing is lost or faked."""

from __future__ import annotations

import sqlite3


def test_a_locked_file_keeps_the_person_on_the_question_until_it_can_be_saved(window, qtbot):
    window.choose_session("pmr-short")
    window.rating.answered.emit(6)
    window.player.stop_requested.emit()
    services = window.services
    services.opened.db.execute("PRAGMA busy_timeout=100")  # fail fast for the test
    blocker = sqlite3.connect(services.opened.path)
    blocker.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        window.rating.answered.emit(3)
        assert window.stack.currentWidget() is window.rating
        assert "could not be saved" in window.rating.problem.text()
        assert window.rating.problem.isVisible()
    finally:
        blocker.rollback()
        blocker.close()
    window.rating.answered.emit(3)  # the same answer, once the file is free
    window.rating.skip_rest.emit()
    assert window.stack.currentWidget() is window.summary
    assert window.summary.result.text() == "Pain before 6 \u2192 after 3"
    [record] = services.opened.store.history()
    assert (record.pre, record.post) == (6, 3)
