"""Take screenshots of every page in a real window: `xvfb-run -s "-screen 0 1280x860x24"
python docs/screenshots/take.py OUT_DIR`. Uses a temporary data folder and no sound."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["SELFCARE_DATA_DIR"] = tempfile.mkdtemp(prefix="selfcare-shots-")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

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
    for _ in range(120):
        view = controller.run.poll()
        if view.focus == wanted and view.hold_remaining is not None:
            return
        if view.focus == wanted:
            settle(300)
            continue
        controller.next_step()
        settle(150)


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
    window.services.close()  # type: ignore[union-attr]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
