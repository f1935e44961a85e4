"""Loading what the window needs after its first paint: store, scripts, sound.

Kept apart from `app.py` so that importing the app stays light: this module
pulls in sqlite-utils, msgspec, numpy and pygame.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QWidget

from selfcare.audio.output import OutputStream, open_output
from selfcare.core.clock import SystemClock
from selfcare.core.evidence import card_for
from selfcare.core.points import pressed_points
from selfcare.core.problems import errors_in
from selfcare.core.scripts import SessionScript
from selfcare.core.timeline import SAMPLE_RATE
from selfcare.library import Library, load_library
from selfcare.measures_files import MeasureProblem, load_measures
from selfcare.session_setup import OpenedStore, build_timeline, open_store
from selfcare.settings import Settings
from selfcare.ui.i18n import tr
from selfcare.ui.main_window import Services, session_language
from selfcare.ui.names import evidence_text, points_text, when_to_stop, who_it_is_for
from selfcare.ui.pages.library_page import SessionEntry
from selfcare.ui.session_controller import SessionController

log = logging.getLogger(__name__)


def library_entries(scripts: list[SessionScript],
                    durations: dict[tuple[str, str], float] | None = None) -> list[SessionEntry]:
    """The library's cards in the current interface language, shortest first by kind.
    `durations` keeps each session's length once measured (it reads every clip)."""
    entries: list[SessionEntry] = []
    durations = {} if durations is None else durations
    for script in scripts:
        lang = session_language(script)
        card = card_for(script.kind, script.tags)
        if (script.id, lang) not in durations:
            durations[script.id, lang] = build_timeline(script, lang).duration
        entries.append(SessionEntry(
            script.id, script.kind, script.title_in(lang), script.summary.get(lang, ""),
            durations[script.id, lang], lang, evidence_text(card), card.citation,
            who_it_is_for(script.kind, card.modality), when_to_stop(script.kind, card.modality),
            points_text(pressed_points(step.focus for step in script.steps))))
    kinds = [script.kind for script in scripts]
    entries.sort(key=lambda entry: (kinds.index(entry.kind), entry.seconds))
    return entries


def load_services(parent: QWidget, data_dir: Path, settings: Settings | None = None) -> Services:
    clock = SystemClock()
    opened = open_store(data_dir, clock)
    log.info("database open: %s", opened.path)
    library = load_library()
    log.info("%d session(s) loaded, %d problem(s)", len(library.scripts), len(library.problems))
    ordered = library.sorted_scripts()
    output = open_output(clock, SAMPLE_RATE)
    log.info("sound: %s", output.silent_reason or "device open")
    settings = settings or Settings(data_dir)
    controller = SessionController(opened.store, output, clock, settings, parent)
    measures = load_measures()
    durations: dict[tuple[str, str], float] = {}
    return Services(controller, opened, output, library.scripts,
                    lambda: library_entries(ordered, durations), settings,
                    lambda: start_notices(opened, library, output, measures.problems),
                    measures.instruments)


def start_notices(opened: OpenedStore, library: Library, output: OutputStream,
                  measure_problems: list[MeasureProblem] | None = None) -> list[str]:
    """What the person should know before choosing a session, in the current language."""
    notices = []
    if opened.moved_aside is not None and opened.restored_taken is not None:
        moment = QDateTime.fromSecsSinceEpoch(round(opened.restored_taken.timestamp()))
        taken = QLocale().toString(moment, "d MMMM yyyy, HH:mm")
        notices.append(tr("Your saved data was damaged, so the last good copy, from %1, was "
                          "put back. Sessions after that time may be missing. The damaged "
                          "file was kept, not deleted: %2").replace("%1", taken).replace(
                              "%2", str(opened.moved_aside)))
    elif opened.moved_aside is not None:
        notices.append(tr("Your saved data could not be read, so a new file was started. "
                          "The old file was kept, not deleted: %1").replace(
                              "%1", str(opened.moved_aside)))
    broken = sorted({p.file for p in errors_in(library.problems)})
    if broken:
        notices.append(tr("Some sessions could not be loaded and are not shown: %1").replace(
            "%1", ", ".join(Path(name).name for name in broken)))
    if measure_problems:
        notices.append(tr("Some optional questions could not be loaded and are not asked: "
                          "%1").replace("%1", ", ".join(
                              problem.file.name for problem in measure_problems)))
    if output.silent_reason:
        notices.append(tr("No sound device could be opened, so sessions will run silently "
                          "with the words on screen."))
    return notices
