"""`selfcare --self-test`: does this installation work? The same checks from the source
tree and from a frozen bundle, on a clinic's computer or in CI.

Each check uses a temporary data folder (never the person's records) and says in one
line what it did or what failed: the record file created and migrated, with a session
written and read back; every session script and questionnaire read and checked; the
Spanish catalogues and sorting rules loaded; a second of every kind of session mixed
from its narration, cues and ambience, and played through pygame's mixer; the main
window opened and closed. Nothing may open a network connection meanwhile: a guard on
the socket module turns any attempt into a failed check. Exit code 0 when every check
passed, 1 otherwise.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

KINDS = ("imagery", "pmr", "acupressure", "breathing")


class CheckFailedError(Exception):
    """A check's finding, in words; no traceback is printed for it."""


@dataclass
class Outcome:
    name: str
    ok: bool
    said: str
    seconds: float


def run_self_test(out: Any = None) -> int:
    """Run every check, print one line each, and return the exit code."""
    out = out or sys.stdout
    from selfcare import __version__, paths

    where = "frozen bundle" if getattr(sys, "frozen", False) else "source"
    print(f"Selfcare {__version__} self-test ({where}; assets in {paths.assets_dir()})",
          file=out, flush=True)
    outcomes: list[Outcome] = []
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="selfcare-self-test-") as folder, \
            _data_dir(Path(folder)), no_network() as attempts:
        for name, check in CHECKS:
            outcomes.append(_run(name, check, Path(folder)))
            print(_line(outcomes[-1]), file=out, flush=True)
    if attempts:
        outcomes.append(Outcome("network", False, "something tried to connect: "
                                + "; ".join(attempts[:3]), 0.0))
    else:
        outcomes.append(Outcome("network", True, "nothing tried to open a connection", 0.0))
    print(_line(outcomes[-1]), file=out)
    failed = [o for o in outcomes if not o.ok]
    total = time.perf_counter() - began
    if failed:
        print(f"{len(failed)} of {len(outcomes)} checks failed ({total:.1f} s).", file=out)
        return 1
    print(f"All {len(outcomes)} checks passed ({total:.1f} s).", file=out)
    return 0


def _run(name: str, check: Callable[[Path], str], folder: Path) -> Outcome:
    began = time.perf_counter()
    try:
        said = check(folder)
    except CheckFailedError as exc:
        return Outcome(name, False, str(exc), time.perf_counter() - began)
    except Exception as exc:  # a self-test reports every failure, then goes on
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome(name, False, f"{type(exc).__name__}: {_gist(exc)} (at "
                                    f"{Path(where.filename).name}:{where.lineno})",
                       time.perf_counter() - began)
    return Outcome(name, True, said, time.perf_counter() - began)


def _gist(exc: BaseException) -> str:
    """One line of an error: a long message (numpy's advice page, say) ends with its cause."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    said = lines[-1] if lines else repr(exc)
    return said if len(said) <= 300 else said[:297] + "..."


def _line(outcome: Outcome) -> str:
    mark = "ok  " if outcome.ok else "FAIL"
    timing = f" ({outcome.seconds * 1000:.0f} ms)" if outcome.seconds else ""
    return f"  {mark}  {outcome.name}: {outcome.said}{timing}"


@contextmanager
def _data_dir(folder: Path) -> Iterator[None]:
    """Everything that asks for the data folder gets the temporary one."""
    from selfcare.paths import DATA_ENV

    before = os.environ.get(DATA_ENV)
    os.environ[DATA_ENV] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(DATA_ENV, None)
        else:
            os.environ[DATA_ENV] = before


@contextmanager
def no_network() -> Iterator[list[str]]:
    """Any attempt to connect, send to or resolve an address is refused and noted.
    Local socket pairs (which Qt and SDL may use between their own threads) still work."""
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_sendto, real_getaddrinfo = socket.socket.sendto, socket.getaddrinfo
    real_create = socket.create_connection

    def refuse(what: str) -> OSError:
        attempts.append(what)
        return OSError(f"Selfcare's self-test refused a network connection: {what}")

    def connect(self: socket.socket, address: Any) -> None:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        raise refuse(f"connect {address!r}")

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family == socket.AF_UNIX:
            return real_connect_ex(self, address)
        raise refuse(f"connect {address!r}")

    def sendto(self: socket.socket, *args: Any) -> int:
        raise refuse(f"sendto {args[-1]!r}")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        raise refuse(f"resolve {host!r}")

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        raise refuse(f"connect {address!r}")

    socket.socket.connect = connect  # type: ignore[method-assign, assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign, assignment]
    socket.socket.sendto = sendto  # type: ignore[assignment, method-assign]
    socket.getaddrinfo = getaddrinfo
    socket.create_connection = create_connection
    try:
        yield attempts
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
        socket.socket.sendto = real_sendto  # type: ignore[method-assign]
        socket.getaddrinfo = real_getaddrinfo
        socket.create_connection = real_create


# -- the checks ---------------------------------------------------------------------------


def check_record_file(folder: Path) -> str:
    from selfcare.core.clock import SystemClock
    from selfcare.core.ports import SessionStart
    from selfcare.core.ratings import Moment
    from selfcare.session_setup import open_store
    from selfcare.store.migrations import pending_migrations

    opened = open_store(folder, SystemClock())
    try:
        began = datetime.now(UTC)
        session = opened.store.begin_session(SessionStart(
            "self-test", "Self-test", "breathing", "en", began, 3, 6, "silent"))
        opened.store.complete_session(session, began + timedelta(seconds=1), 3)
        opened.store.record_rating(session, Moment.POST, 4, began + timedelta(seconds=1))
        record = opened.store.get(session)
        applied = len(list(opened.db.query("SELECT name FROM _sqlite_migrations")))
        pending = pending_migrations(opened.db)
    finally:
        opened.close()
    if (record.pre, record.post, record.status.value) != (6, 4, "completed"):
        raise CheckFailedError(f"a session written was read back as {record}")
    if pending:
        raise CheckFailedError(f"migrations left unapplied: {', '.join(pending)}")
    return (f"created and migrated ({applied} migrations); a session and its ratings "
            "written and read back")


def check_content(folder: Path) -> str:
    from selfcare.library import load_library
    from selfcare.measures_files import load_measures

    library = load_library()
    if library.problems:  # a missing recording is only a warning in use, but not here
        worst = sorted(library.problems, key=lambda p: (not p.is_error, p.file))
        files = sorted({Path(p.file).name for p in library.problems})
        raise CheckFailedError(
            f"{len(library.problems)} problem(s) in {len(files)} session script(s) "
            f"({', '.join(files[:4])}{', ...' if len(files) > 4 else ''}); first: "
            f"{Path(worst[0].file).name}: {worst[0].message}")
    kinds = {script.kind for script in library.scripts.values()}
    if missing := set(KINDS) - kinds:
        raise CheckFailedError(f"no session of kind {', '.join(sorted(missing))}")
    measures = load_measures()
    if measures.problems:
        raise CheckFailedError(f"questionnaire file: {measures.problems[0].text}")
    return (f"{len(library.scripts)} session scripts and {len(measures.instruments)} "
            "questionnaires read and checked")


def check_translations(folder: Path) -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from selfcare import paths
    from selfcare.ui.i18n import CATALOGUE_PREFIX

    own = QTranslator()
    if not own.load(f"{CATALOGUE_PREFIX}es", str(paths.translations_dir())):
        raise CheckFailedError(f"the Spanish catalogue is missing from {paths.translations_dir()}")
    if own.translate("ReportPanel", "Paper") != "Papel":
        raise CheckFailedError("the Spanish catalogue loads but does not translate")
    qt_own = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not qt_own.load("qtbase_es", qt_dir):
        raise CheckFailedError(f"Qt's own Spanish catalogue is missing from {qt_dir}")
    if not spanish_sorting_loads():
        raise CheckFailedError("Spanish sorting rules are missing from Qt's locale data (ICU)")
    return "the Spanish interface, Qt's own Spanish words and Spanish sorting rules load"


def spanish_sorting_loads() -> bool:
    """Spanish sorts "ñ" as a letter after "n"; without its locale data Qt falls back to
    the common order, where "ñu" comes before "nz". The bundle carries ICU data for the
    app's languages only (packaging/slim.py), and this shows the data is there."""
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale("es_ES"))
    return sorted(["ñu", "nz"], key=collator.sortKey) == ["nz", "ñu"]


def check_sound(folder: Path) -> str:
    """A second of each kind, from its first spoken step, mixed and then played."""
    import numpy as np

    from selfcare.audio.mixer import to_int16
    from selfcare.audio.session_audio import build_mixer
    from selfcare.core.timeline import EventKind
    from selfcare.library import load_library
    from selfcare.session_setup import build_timeline

    scripts = load_library().sorted_scripts()
    seconds: list[Any] = []
    for kind in KINDS:
        script = next(s for s in scripts if s.kind == kind)
        timeline = build_timeline(script, "en")
        mixer, problems = build_mixer(script, timeline)
        if problems:
            raise CheckFailedError(f"{script.id}: {problems[0]}")
        spoken = next((e for e in timeline.events
                       if e.kind is EventKind.SAY and not e.estimated), None)
        if spoken is None:
            raise CheckFailedError(f"{script.id}: no recorded narration in English")
        frames = mixer.render(spoken.frame, timeline.rate)
        peak = float(np.max(np.abs(frames)))
        if not np.isfinite(frames).all() or peak < 0.01:
            raise CheckFailedError(f"{script.id}: its first spoken second is silent (peak {peak})")
        seconds.append(to_int16(frames))
    played = _play(np.concatenate(seconds)[: timeline.rate // 4], timeline.rate)
    return (f"a second of {', '.join(KINDS)} mixed from narration, cues and ambience; "
            f"{played}")


def _play(samples: Any, rate: int) -> str:
    """A quarter of a second through pygame's mixer: the sound library itself works."""
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if not os.environ.get("SDL_AUDIODRIVER"):
        os.environ["SDL_AUDIODRIVER"] = "dummy"  # no sound on a clinic's speakers, no device needed
    import pygame

    pygame.mixer.init(frequency=rate, size=-16, channels=2, allowedchanges=0)
    try:
        sound = pygame.mixer.Sound(buffer=samples.tobytes())
        channel = sound.play()
        if channel is None:
            raise CheckFailedError("pygame's mixer had no channel to play on")
        waited = time.perf_counter() + 2.0
        while channel.get_busy() and time.perf_counter() < waited:
            time.sleep(0.02)
        driver = pygame.mixer.get_init()
    finally:
        pygame.mixer.quit()
    return f"played through pygame's mixer ({os.environ['SDL_AUDIODRIVER']} driver, {driver})"


def check_window(folder: Path) -> str:
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from selfcare.services import load_services
    from selfcare.settings import Settings
    from selfcare.ui.main_window import MainWindow
    from selfcare.ui.style import apply_style

    app = QApplication.instance() or QApplication(["selfcare"])
    assert isinstance(app, QApplication)
    apply_style(app)
    window = MainWindow()
    services = load_services(window, folder, Settings(folder))
    try:
        window.attach(services)
        window.show()
        loop = QEventLoop()
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        if not window.isVisible():
            raise CheckFailedError("the window did not show")
        shown = window.library.isVisible() or window.stack.currentWidget() is not None
        image = window.grab().toImage()
        if not shown or image.isNull():
            raise CheckFailedError("the window showed no page")
    finally:
        services.close()
        window.close()
        window.deleteLater()
        app.processEvents()
    return (f"the main window opened ({app.platformName()}, {image.width()}x{image.height()}) "
            "and closed")


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("record file", check_record_file),
    ("content", check_content),
    ("translations", check_translations),
    ("sound", check_sound),
    ("window", check_window),
]
