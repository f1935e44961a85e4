"""What the window needs before its first paint stays light (numbers: benchmarks/startup)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

HEAVY = ("numpy", "pygame", "sqlite_utils", "msgspec", "soundfile", "sqlite3", "pyqtgraph")


def test_building_the_window_and_the_command_line_loads_no_heavy_module():
    probe = (
        "import sys, selfcare.app, selfcare.cli; selfcare.cli.build_parser(); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_chart_library_waits_until_there_is_a_history_to_draw(tmp_path):
    """Every page built, and the history shown while empty: pyqtgraph is still not
    imported (it costs a few hundred milliseconds and several MB)."""
    probe = """
import os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SDL_AUDIODRIVER"] = "dummy"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from selfcare.services import load_services
from selfcare.ui.main_window import MainWindow
window = MainWindow()
services = load_services(window, Path(sys.argv[1]))
window.attach(services)
window.show()
app.processEvents()
window.show_history()
app.processEvents()
print("pyqtgraph" in sys.modules, window.history.chart is None, window.history.empty.isVisible())
services.close()
"""
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "data")], cwd=REPO,
                          capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "True"]
