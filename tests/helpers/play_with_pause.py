"""Run in a subprocess: play a script through pygame, pause once, resume, wait for the end.

Usage: python -m tests.helpers.play_with_pause SCRIPT PAUSE_AT PAUSE_FOR
Prints the number of underruns. The caller chooses the SDL driver by environment.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from selfcare.audio.output import PygameStream, open_output
from selfcare.core.clock import SystemClock
from selfcare.core.timeline import SAMPLE_RATE
from selfcare.library import load_script_file
from selfcare.session_setup import build_audio, build_timeline


def main() -> int:
    script_path, pause_at, pause_for = Path(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    script = load_script_file(script_path).script
    assert script is not None
    timeline = build_timeline(script, script.languages[0])
    output = open_output(SystemClock(), SAMPLE_RATE)
    assert isinstance(output, PygameStream), output.silent_reason
    audio = build_audio(script, timeline, output)
    audio.start()
    paused = pause_at < 0
    while not audio.finished():
        if not paused and audio.position() >= pause_at * SAMPLE_RATE:
            audio.pause()
            time.sleep(pause_for)
            audio.resume()
            paused = True
        time.sleep(0.01)
    time.sleep(0.3)  # let the device drain before closing
    print(f"underruns {output.underruns}")
    output.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
