"""Rules for asset references in scripts, and the port that answers what exists.

Whether a path *could* leave the assets folder is decided here from the string
alone; whether a file *does* exist is asked of an `AssetIndex` the caller
provides, so the core never touches the disk.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from pathlib import PurePosixPath, PureWindowsPath
from typing import Protocol


class ClipState(StrEnum):
    OK = "ok"
    MISSING = "missing"
    STALE = "stale"  # the clip speaks other words than the script now says
    UNREADABLE = "unreadable"


class AssetIndex(Protocol):
    """What the validator may ask about files, without doing I/O itself."""

    def has_cue(self, name: str) -> bool: ...

    def has_ambience(self, name: str) -> bool: ...

    def clip_state(self, lang: str, script_id: str, number: int, words: str) -> ClipState: ...


def stays_inside(relative: str) -> bool:
    """True when `relative` names something inside its folder on every platform.

    SECURITY: scripts may come from a clinic's own folder; a name such as
    `../../home/x` or `C:\\x` must never reach the file system.
    """
    if not relative or "\x00" in relative:
        return False
    for flavour in (PurePosixPath(relative), PureWindowsPath(relative)):
        if flavour.is_absolute() or flavour.anchor or ".." in flavour.parts:
            return False
    return True


def words_fingerprint(words: str) -> str:
    """A stable fingerprint of the words a clip speaks, blind to spacing changes.

    The narration manifest stores it, so `validate` can tell when a script's words
    have changed since its clip was made: captions and voice must never disagree.
    """
    normalised = " ".join(words.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
