"""Writing a session's exact stream to a WAV file, offline and faster than real time.

The frames are the ones the device would be sent, produced by the same mixer, so
`selfcare render` is both a tool for listening and a reference for measuring.
"""

from __future__ import annotations

from pathlib import Path

import soundfile

from selfcare.audio.mixer import Mixer, to_int16

RENDER_BLOCK_FRAMES = 48_000


def render_to_wav(mixer: Mixer, out: Path, start: int = 0, stop: int | None = None) -> int:
    """Render frames [start, stop) of the stream to a 16-bit stereo WAV; returns frames."""
    stop = mixer.length if stop is None else min(stop, mixer.length)
    out.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with soundfile.SoundFile(str(out), "w", samplerate=mixer.rate, channels=2,
                             subtype="PCM_16") as wav:
        for block_start in range(start, stop, RENDER_BLOCK_FRAMES):
            count = min(RENDER_BLOCK_FRAMES, stop - block_start)
            wav.write(to_int16(mixer.render(block_start, count)))
            written += count
    return written
