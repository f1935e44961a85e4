"""Take screenshots of every page in a real window: `xvfb-run -s "-screen 0 1280x860x24"
python docs/screenshots/take.py OUT_DIR`. Uses a temporary data folder and no sound."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["SELFCARE_DATA_DIR"] = tempfile.mkdtemp(prefix="selfcare-shots-")

from PySide6.QtCore import QEventLoop, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from selfcare.services import load_services
from selfcare.ui.main_window import MainWindow
from selfcare.ui.style import apply_style


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(window: MainWindow, out: Path, name: str) -> None:
    settle()
    screen = window.screen()
    image = screen.grabWindow(0, window.x(), window.y(), window.width(), window.height())
    image.save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def go_to_step(window: MainWindow, wanted: str) -> None:
    controller = window.services.controller  # type: ignore[union-attr]
    for _ in range(200):
        view = controller.run.poll()
        if view.focus == wanted and view.hold_remaining is not None:
            return
        if view.focus == wanted:
            settle(300)
            continue
        controller.next_step()
        settle(150)


def play_to(window: MainWindow, session: str, focus: str, wait_ms: int) -> None:
    window.choose_session(session)
    window.rating.answered.emit(5)
    go_to_step(window, focus)
    settle(wait_ms)


def end_session(window: MainWindow) -> None:
    window.player.stop_requested.emit()
    window.rating.answered.emit(None)


def player_shots(window: MainWindow, out: Path) -> None:
    """The player on an acupressure, a PMR and a breathing step, in English and Spanish."""
    library = window.library
    library.show_kind("acupressure")
    window._back_to_library()
    first = next(frame for _, frame in library.cards.values() if not frame.isHidden())
    more = [b for b in first.findChildren(QPushButton) if b.objectName() == "link"]
    if more:
        more[0].click()
    shoot(window, out, "8-library-acupressure-details")
    if more:
        more[0].click()
    library.show_kind("")
    for lang in ("en", "es"):
        QLocale.setDefault(QLocale(lang))
        play_to(window, "acupressure-relaxing", "SP6", 2500)
        shoot(window, out, f"9-player-acupressure-sp6-{lang}")
        end_session(window)
        play_to(window, "pmr-16-groups", "calf-left", 2500)
        shoot(window, out, f"10-player-pmr-calf-{lang}")
        end_session(window)
    QLocale.setDefault(QLocale("en"))
    window.choose_session("breathing-slow")
    window.rating.answered.emit(5)
    go_to_step(window, "breath-in")
    settle(2000)
    shoot(window, out, "11-player-breathing")
    end_session(window)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    window = MainWindow()
    window.resize(1100, 800)
    window.move(0, 0)
    window.show()
    window.attach(load_services(window, Path(os.environ["SELFCARE_DATA_DIR"])))
    shoot(window, out, "1-library")
    window.choose_session("pmr-short")
    window.rating.scale.set_value(6)
    shoot(window, out, "2-rating-before")
    window.rating.answered.emit(6)
    go_to_step(window, "arms")
    settle(2500)
    shoot(window, out, "3-player-pmr-hold")
    window.player.stop_requested.emit()
    window.rating.scale.set_value(4)
    shoot(window, out, "4-rating-after")
    window.rating.answered.emit(4)
    shoot(window, out, "5-summary")
    window.choose_session("acupressure-li4-short")
    window.rating.answered.emit(5)
    go_to_step(window, "LI4")
    settle(1500)
    shoot(window, out, "6-player-acupressure")
    window.player.stop_requested.emit()
    window.rating.answered.emit(None)
    window.show_history()
    shoot(window, out, "7-history")
    player_shots(window, out)
    window.services.close()  # type: ignore[union-attr]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
