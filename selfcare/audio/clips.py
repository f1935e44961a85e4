"""Narration clip lengths, read from file headers without decoding the audio.

The timeline needs every clip's exact length in output frames before anything
plays; the mixer later pads or trims each decoded clip to exactly that length,
so the two can never disagree.
"""

from __future__ import annotations

import logging

import soundfile

from selfcare import paths
from selfcare.core.scripts import SessionScript
from selfcare.core.timeline import SAMPLE_RATE

log = logging.getLogger(__name__)


def frames_at_rate(source_frames: int, source_rate: int, rate: int = SAMPLE_RATE) -> int:
    """Length of a clip once resampled to the output rate."""
    return round(source_frames * rate / source_rate)


def clip_length(lang: str, script_id: str, number: int, rate: int = SAMPLE_RATE) -> int | None:
    """Frames at `rate`, or None when the clip is missing or unreadable."""
    path = paths.narration_clip(lang, script_id, number)
    if not path.is_file():
        return None
    try:
        info = soundfile.info(str(path))
    except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
        log.warning("narration clip %s cannot be read: %s", path, exc)
        return None
    if info.frames <= 0 or info.samplerate <= 0:
        log.warning("narration clip %s is empty", path)
        return None
    return frames_at_rate(info.frames, info.samplerate, rate)


def clip_lengths(script: SessionScript, lang: str, rate: int = SAMPLE_RATE) -> list[int | None]:
    """One entry per step: its clip's length, or None (no words, or no clip)."""
    return [
        clip_length(lang, script.id, step.number, rate) if step.say.get(lang) else None
        for step in script.steps
    ]
