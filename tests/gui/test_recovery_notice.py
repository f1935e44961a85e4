"""Starting the app on a damaged record file: the last backup is back, and the person is
told in plain words, with where the damaged file was kept."""

from __future__ import annotations

from selfcare.core.clock import SystemClock
from selfcare.session_setup import open_store
from selfcare.ui.main_window import MainWindow
from tests.unit.store.test_sessions import start_at


def test_the_window_says_the_last_good_copy_was_put_back(qtbot, data_dir):
    from selfcare.services import load_services

    opened = open_store(data_dir, SystemClock())
    opened.store.begin_session(start_at(pre=7))
    opened.close()
    for old in (data_dir / "backups").glob("selfcare-*.db"):
        old.unlink()  # as if a day had passed
    open_store(data_dir, SystemClock()).close()  # today's backup, with the session
    db = data_dir / "selfcare.db"
    db.write_bytes(db.read_bytes()[:2048])  # truncated, as by a full disk or a bad copy

    window = MainWindow()
    qtbot.addWidget(window)
    services = load_services(window, data_dir)
    window.attach(services)
    try:
        notice = window.library.notice.text()
        assert "last good copy" in notice and "was kept, not deleted" in notice
        assert ".damaged-" in notice
        assert [r.pre for r in services.opened.store.history()] == [7]
    finally:
        services.close()
