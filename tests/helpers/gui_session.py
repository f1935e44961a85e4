"""Run in a subprocess: the real window (as `selfcare` builds it) playing a session.

Usage: python -m tests.helpers.gui_session SESSION PRE. Prints "playing" once the
session has started, then runs until closed, killed or sent SIGTERM.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SELFCARE_NO_ERROR_DIALOGS", "1")

from selfcare.app import shutdown, start_window


def main() -> int:
    session, pre = sys.argv[1], int(sys.argv[2])
    app, window = start_window(session=session)

    def begin() -> None:
        window.rating.answered.emit(pre)
        print("playing", flush=True)

    window.loaded.connect(begin)
    code = app.exec()
    shutdown(window)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
