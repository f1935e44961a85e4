"""The real window in its own process: killed, or sent SIGTERM (a logout), mid-session."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO
from tests.helpers.cli import history, selfcare_env

pytestmark = pytest.mark.slow


def start_gui_session(data_dir, pre: int) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.gui_session", "pmr-short", str(pre)],
        cwd=REPO, env=selfcare_env(data_dir, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "playing", process.stderr.read() if process.stderr else ""
    time.sleep(1.0)
    return process


def test_sigkill_during_a_gui_session_keeps_the_pre_rating_and_shows_it_interrupted(data_dir):
    process = start_gui_session(data_dir, pre=8)
    process.kill()
    process.communicate(timeout=10)
    [record] = history(data_dir)
    assert (record["status"], record["pre"], record["post"]) == ("interrupted", 8, None)


def test_sigterm_closes_the_window_and_records_the_session_interrupted(data_dir):
    process = start_gui_session(data_dir, pre=3)
    process.send_signal(signal.SIGTERM)
    _, errors = process.communicate(timeout=15)
    assert process.returncode == 0, errors
    [record] = history(data_dir)
    assert (record["status"], record["pre"]) == ("interrupted", 3)
    assert record["ended_at"] is not None


def test_an_unusable_data_folder_is_explained_in_the_window_not_a_traceback(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    probe = (
        "import sys; from selfcare.app import start_window;"
        "app, w = start_window(data_dir=sys.argv[1]);"
        "w.loaded.connect(lambda: (print(w.library.notice.text()), app.quit()));"
        "app.exec()"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(blocker)], cwd=REPO,
                          env=selfcare_env(blocker, QT_QPA_PLATFORM="offscreen",
                                           SELFCARE_NO_ERROR_DIALOGS="1"),
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    assert "cannot keep your records" in done.stdout
    assert "Traceback" not in done.stderr


IN_TRAY_PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSystemTrayIcon
import selfcare.ui.tray as tray

if sys.argv[2] == "tray":  # offscreen has no tray: one that says it is there
    class Tray(QSystemTrayIcon):
        isSystemTrayAvailable = staticmethod(lambda: True)
    tray.QSystemTrayIcon = Tray
from selfcare.app import start_window
app, window = start_window(data_dir=sys.argv[1], in_tray=True)
def report():
    print("visible" if window.isVisible() else "hidden", flush=True)
    app.quit()
window.loaded.connect(lambda: QTimer.singleShot(200, report))
app.exec()
"""


def start_in_tray(data_dir, tray: str) -> str:
    done = subprocess.run([sys.executable, "-c", IN_TRAY_PROBE, str(data_dir), tray],
                          cwd=REPO, env=selfcare_env(data_dir, QT_QPA_PLATFORM="offscreen",
                                                     SELFCARE_NO_ERROR_DIALOGS="1"),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def give_home_plan_with_a_reminder(data_dir) -> None:
    from datetime import UTC, date, datetime, time

    from selfcare.core.plan_file import PlanFile
    from selfcare.core.plans import Template, make_plan
    from selfcare.core.safety import SafetyProfile
    from selfcare.store.db import open_database
    from selfcare.store.plans import SqlitePlanStore

    opened = open_database(data_dir / "selfcare.db")
    plan = make_plan(Template.DAILY_4_WEEKS, ["pmr-short"], date.today())
    SqlitePlanStore(opened.db).assign(None, PlanFile(
        "P-1", "Ana", "en", plan, (time(18, 0),), SafetyProfile(), datetime.now(UTC)),
        datetime.now(UTC))
    opened.db.close()


def test_started_at_login_it_stays_in_the_tray_when_the_plan_has_reminders(data_dir):
    give_home_plan_with_a_reminder(data_dir)
    assert start_in_tray(data_dir, "tray") == "hidden"


def test_started_at_login_it_opens_the_window_when_there_is_nothing_to_remind(data_dir):
    assert start_in_tray(data_dir, "tray") == "visible"  # no plan
    give_home_plan_with_a_reminder(data_dir)
    assert start_in_tray(data_dir, "none") == "visible"  # no tray to stay in
