"""Take screenshots of every page in a real window:

    xvfb-run -s "-screen 0 1280x860x24" python docs/screenshots/take.py OUT_DIR [--look NAME]

Uses a temporary data folder and no sound. `--look` picks the set: `standard` (English,
100 %), `es-200` (Spanish, text at 200 %), `high-contrast` (English, high contrast),
or `all` (the default): each set is named by its prefix in OUT_DIR.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["SELFCARE_DATA_DIR"] = tempfile.mkdtemp(prefix="selfcare-shots-")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget

from selfcare.services import load_services
from selfcare.settings import Settings
from selfcare.ui import i18n
from selfcare.ui.main_window import Display, MainWindow
from selfcare.ui.style import apply_style

LOOKS = {  # prefix: (language, text scale, high contrast)
    "standard": ("en", 1.0, False),
    "es-200": ("es", 2.0, False),
    "high-contrast": ("en", 1.0, True),
}


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, out: Path, name: str) -> None:
    settle()
    image = widget.screen().grabWindow(0, widget.x(), widget.y(), widget.width(),
                                       widget.height())
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


def end_session(window: MainWindow, after: int | None = None) -> None:
    window.player.stop_requested.emit()
    window.rating.answered.emit(after)


def every_page(window: MainWindow, out: Path, prefix: str, data: Path) -> None:
    """Library (notes unfolded), ratings, player on acupressure, PMR and breathing steps,
    the questions after (weekly check, soreness), transcript, summary with a note,
    history and settings."""
    shoot(window, out, f"{prefix}01-library")
    library = window.library
    library.show_kind("acupressure")
    first = next(frame for _, frame in library.cards.values() if not frame.isHidden())
    more = [b for b in first.findChildren(QPushButton) if b.objectName() == "link"]
    if more:
        more[0].click()
    shoot(window, out, f"{prefix}02-library-acupressure-notes")
    if more:
        more[0].click()
    library.show_kind("")
    window.choose_session("pmr-short")
    window.rating.scale.set_value(6)
    shoot(window, out, f"{prefix}03-rating-before")
    window.rating.answered.emit(6)
    go_to_step(window, "arms")
    settle(2500)
    shoot(window, out, f"{prefix}04-player-pmr-hold")
    end_session(window, 4)
    window.rating.scale.set_value(5)
    shoot(window, out, f"{prefix}05-weekly-check")
    for value in (5, 4, 6):
        window.rating.answered.emit(value)
    window.summary.note.setPlainText({"es": "Dormí mejor después de esta."}.get(
        i18n.current_language(), "Slept better after this one."))
    shoot(window, out, f"{prefix}06-summary-note")
    play_to(window, "acupressure-relaxing", "SP6", 2500)
    shoot(window, out, f"{prefix}07-player-acupressure-sp6")
    dialog = window.player.transcript_dialog()
    dialog.move(window.x() + 60, window.y() + 60)
    dialog.show()
    shoot(dialog, out, f"{prefix}08-transcript")
    dialog.close()
    end_session(window, 3)
    shoot(window, out, f"{prefix}09-soreness")
    window.rating.skip.click()
    play_to(window, "pmr-16-groups", "calf-left", 2500)
    shoot(window, out, f"{prefix}10-player-pmr-calf")
    end_session(window)
    window.choose_session("breathing-slow")
    window.rating.answered.emit(5)
    go_to_step(window, "breath-in")
    settle(2000)
    shoot(window, out, f"{prefix}11-player-breathing")
    end_session(window)
    window.choose_session("pmr-short")
    window.rating.scale.set_value(3)
    window.rating.answered.emit(3)
    end_session(window)
    shoot(window, out, f"{prefix}12-summary-ended-early")
    window.show_history()
    shoot(window, out, f"{prefix}13-history")
    window.show_settings()
    shoot(window, out, f"{prefix}14-settings")
    questions = window.settings_page.question_boxes["ask_note"]
    window.settings_page.findChild(QScrollArea).ensureWidgetVisible(questions)
    shoot(window, out, f"{prefix}15-settings-questions")
    clinic_pages(window, out, prefix, data)


def clinic_pages(window: MainWindow, out: Path, prefix: str, data: Path) -> None:
    """Clinician mode, a patient with safety settings and a plan, and the patient's Today."""
    assert window.clinician is not None
    window.enter_clinician_mode()
    shoot(window, out, f"{prefix}16-clinician-pin")
    window.clinician.gate.pin_chosen.emit("4817")
    page = window.clinician.page
    page.add_requested.emit("P-17", "Ana", i18n.current_language(), "")
    page.safety.pregnancy.setChecked(True)
    page.safety.lymphoedema["arm-left"].setChecked(True)
    page.builder.session_boxes["acupressure-relaxing"].setChecked(True)
    page.builder.session_boxes["pmr-7-groups"].setChecked(True)
    page.builder.remind.setChecked(True)
    shoot(window, out, f"{prefix}17-clinician-patient")
    page.findChild(QScrollArea).ensureWidgetVisible(page.changes)
    shoot(window, out, f"{prefix}18-clinician-plan-changes")
    page.save_button.click()
    page.practise_button.click()
    shoot(window, out, f"{prefix}19-today")
    window.choose_session("acupressure-relaxing")
    window.rating.answered.emit(6)
    shoot(window, out, f"{prefix}20-player-changed-for-you")
    end_session(window)
    window._person_chosen = False
    window.go_home()
    shoot(window, out, f"{prefix}21-who-is-practising")
    pin_wait(window, out, prefix)
    from datetime import UTC, datetime

    from selfcare.exchange import plan_for_patient

    plan = Path(tempfile.mkdtemp(prefix="selfcare-plan-")) / "plan.json"
    assert window.services is not None
    plan.write_bytes(plan_for_patient(window.services.opened.db, "P-17", datetime.now(UTC)))
    window.set_person(None)
    window.open_plan_file(str(plan))
    shoot(window, out, f"{prefix}22-plan-preview")
    clinic_overview(window, out, prefix, data)


def pin_wait(window: MainWindow, out: Path, prefix: str) -> None:
    """A patient's PIN after three wrong tries: the field waits, with a countdown."""
    assert window.clinician is not None
    clinic = window.clinician.clinic
    ana = clinic.patient("P-17")
    clinic.set_patient_pin(ana.id, "4817")
    window.go_home()
    window.people._choose(clinic.patient("P-17"))
    for _ in range(3):
        window.people.pin_given.emit(ana.id, "0000")
    settle()
    shoot(window, out, f"{prefix}26-patient-pin-wait")
    clinic.set_patient_pin(ana.id, None)


def clinic_overview(window: MainWindow, out: Path, prefix: str, data: Path) -> None:
    """Six patients with a generated year each: the overview, and one patient's report."""
    from tests.helpers.year_of_data import fill_clinic

    fill_clinic(data, 6)
    assert window.clinician is not None
    window.enter_clinician_mode()
    window.clinician.gate.pin_entered.emit("4817")
    settle()
    shoot(window, out, f"{prefix}23-clinic-overview")
    page = window.clinician.page
    window.clinician.show_report(page.overview.overview.rows[1].patient_id)
    settle()
    shoot(window, out, f"{prefix}24-patient-report")
    page.report.page_area.verticalScrollBar().setValue(
        page.report.page_area.verticalScrollBar().maximum() // 2)
    shoot(window, out, f"{prefix}25-patient-report-lower")
    page.leave_button.click()


def take(look: str, out: Path, app: QApplication) -> None:
    lang, scale, contrast = LOOKS[look]
    data = Path(tempfile.mkdtemp(prefix=f"selfcare-shots-{look}-"))
    settings = Settings(data)
    settings.set("language", lang)
    settings.set("text_scale", scale)
    settings.set("high_contrast", contrast)
    i18n.install_language(lang)
    display = Display.from_settings(settings)
    apply_style(app, display.theme, display.text_scale)
    window = MainWindow(display)
    window.resize(1100, 800)
    window.move(0, 0)
    window.show()
    settle()
    window.attach(load_services(window, data, settings))
    every_page(window, out, f"{look}-", data)
    window.services.close()  # type: ignore[union-attr]
    window.close()
    window.deleteLater()
    settle(200)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="screenshots")
    parser.add_argument("--look", choices=[*LOOKS, "all"], default="all")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    for look in LOOKS if args.look == "all" else [args.look]:
        take(look, out, app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
