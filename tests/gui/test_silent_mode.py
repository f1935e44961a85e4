"""No sound device: the session still runs, with captions and a visible notice."""

from __future__ import annotations

from selfcare.ui.main_window import MainWindow


def test_without_a_device_the_session_runs_silently_and_says_why(qtbot, data_dir, monkeypatch):
    from selfcare.services import load_services

    monkeypatch.setenv("SDL_AUDIODRIVER", "no-such-driver")
    window = MainWindow()
    qtbot.addWidget(window)
    services = load_services(window, data_dir)
    try:
        window.attach(services)
        assert services.output.silent_reason
        assert "No sound device" in window.library.notice.text()
        window.open_session("pmr-short")
        window.rating.answered.emit(5)
        assert window.player.notice.isVisibleTo(window)
        assert "No sound is playing" in window.player.notice.text()
        qtbot.waitUntil(lambda: window.player.caption.text() != "" or
                        window.services.controller.run.poll().step > 1, timeout=5000)
        window.player.next_step.emit()
        window.player.next_step.emit()
        qtbot.waitUntil(lambda: window.player.caption.text() != "", timeout=3000)
        record = services.opened.store.history()[0]
        assert (record.audio, record.pre) == ("silent", 5)
    finally:
        services.controller.stop()
        services.close()
