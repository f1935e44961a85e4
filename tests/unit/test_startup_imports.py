"""What the window needs before its first paint stays light (numbers: benchmarks/startup)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

HEAVY = ("numpy", "pygame", "sqlite_utils", "msgspec", "soundfile", "sqlite3")


def test_building_the_window_and_the_command_line_loads_no_heavy_module():
    probe = (
        "import sys, selfcare.app, selfcare.cli; selfcare.cli.build_parser(); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == ""
