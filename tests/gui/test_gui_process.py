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
