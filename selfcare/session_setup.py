"""Building what a session needs, shared by the window and the command line.

Both open the same store the same way (recovering sessions a dead process left
running), compile the same timeline and build the same audio, so `selfcare play
--no-gui` records a session exactly as the GUI does.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from selfcare.audio.clips import clip_lengths
from selfcare.audio.mixer import Gains
from selfcare.audio.output import OutputStream
from selfcare.audio.session_audio import TimelineAudio, build_mixer
from selfcare.core.clock import Clock
from selfcare.core.scripts import SessionScript
from selfcare.core.timeline import Timeline, compile_timeline

if TYPE_CHECKING:
    from sqlite_utils import Database

    from selfcare.store.answers import SqliteAnswerStore
    from selfcare.store.sessions import SqliteSessionStore

log = logging.getLogger(__name__)

DB_NAME = "selfcare.db"


@dataclass
class OpenedStore:
    store: SqliteSessionStore
    db: Database
    path: Path
    moved_aside: Path | None = None
    recovered: list[int] = field(default_factory=list)
    restored_taken: datetime | None = None  # when the backup restored in place was made
    answers: SqliteAnswerStore = field(init=False)  # soreness, notes, the weekly check

    def __post_init__(self) -> None:
        from selfcare.store.answers import SqliteAnswerStore

        self.answers = SqliteAnswerStore(self.db)

    def close(self) -> None:
        self.db.close()


def open_store(data_dir: Path, clock: Clock) -> OpenedStore:
    """Open (or create) the database; mark sessions left running by dead processes."""
    from selfcare.store.db import open_database
    from selfcare.store.sessions import SqliteSessionStore, process_is_alive

    path = data_dir / DB_NAME
    opened = open_database(path)
    store = SqliteSessionStore(opened.db, pid=os.getpid(), host=socket.gethostname())
    recovered = store.recover_abandoned(clock.now(), process_is_alive)
    if recovered:
        log.info("recorded %d abandoned session(s) as interrupted: %s", len(recovered), recovered)
    return OpenedStore(store, opened.db, path, opened.moved_aside, recovered,
                       opened.restored_taken)


def build_timeline(script: SessionScript, lang: str) -> Timeline:
    return compile_timeline(script, lang, clip_lengths(script, lang))


def build_audio(script: SessionScript, timeline: Timeline, output: OutputStream,
                gains: Gains | None = None) -> TimelineAudio:
    mixer, problems = build_mixer(script, timeline, gains)
    return TimelineAudio(mixer, output, problems)
