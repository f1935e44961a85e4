"""Settings apply at once, are remembered, and are out of reach during a session."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from selfcare.settings import Settings
from selfcare.ui import style


def test_text_size_applies_at_once_and_is_remembered(window, qtbot, data_dir):
    window.show_settings()
    base = QApplication.font().pointSizeF()
    window.settings_page.scale_buttons[2.0].click()
    assert QApplication.font().pointSizeF() == 2 * style.BASE_POINT_SIZE
    assert base == style.BASE_POINT_SIZE
    assert "font-size: 44pt" in QApplication.instance().styleSheet()  # page titles, doubled
    assert Settings(data_dir).get("text_scale") == 2.0


def test_high_contrast_switches_the_whole_look(window, qtbot, data_dir):
    window.show_settings()
    window.settings_page.high_contrast.click()
    assert style.current_theme() is style.HIGH_CONTRAST
    assert "background: #000000" in QApplication.instance().styleSheet()
    assert Settings(data_dir).flag("high_contrast") is True
    window.settings_page.high_contrast.click()
    assert style.current_theme() is style.STANDARD


def test_settings_cannot_be_opened_while_a_session_plays(window, qtbot):
    window.choose_session("pmr-short")
    window.rating.answered.emit(5)
    assert not window.nav_settings.isEnabled()
    window.show_settings()
    assert window.stack.currentWidget() is window.player


def test_the_window_opens_in_the_saved_language_and_look(qtbot, qapp, data_dir, monkeypatch):
    import signal
    import sys

    from selfcare.app import shutdown, start_window

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_window installs its own
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # and a SIGTERM handler
    saved = Settings(data_dir)
    saved.set("language", "es")
    saved.set("high_contrast", True)
    _app, window = start_window(str(data_dir))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.services is not None, timeout=10_000)
    assert window.nav_sessions.text() == "Sesiones"
    assert style.current_theme() is style.HIGH_CONTRAST
    shutdown(window)
