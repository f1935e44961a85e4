"""Visiting every page of a real window, so tests can inspect what each one shows."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QPushButton, QWidget

from selfcare.ui.main_window import MainWindow


def every_page(window: MainWindow, qtbot, session: str = "acupressure-li4-short"
               ) -> Iterator[tuple[str, QWidget]]:
    """Yield (name, page) with each page showing real content; ends back in the library."""
    library = window.library
    card = library.cards[session][1]
    for link in card.findChildren(QPushButton, "link"):
        link.click()  # unfold the notes so they are inspected too
    qtbot.wait(30)  # queued shows and layouts happen in the event loop
    yield "library", window
    window.choose_session(session)
    qtbot.wait(30)
    yield "rating-before", window
    window.rating.answered.emit(5)
    controller = window.services.controller
    for _ in range(12):
        if controller.run.poll().focus:
            break
        controller.next_step()
    qtbot.waitUntil(lambda: window.player.focus_label.text() != "", timeout=3000)
    yield "player", window
    dialog = window.player.transcript_dialog()
    dialog.show()
    qtbot.wait(30)
    yield "transcript", dialog
    dialog.close()
    window.player.stop_requested.emit()
    qtbot.wait(30)
    yield "rating-after", window
    window.rating.answered.emit(3)
    qtbot.wait(30)
    yield "summary", window
    window.show_history()
    qtbot.wait(30)
    yield "history", window
    window.show_settings()
    qtbot.wait(30)
    yield "settings", window
    yield from clinic_pages(window, qtbot)
    window.clinician.leave()
    window.set_person(None)
    window._back_to_library()


def clinic_pages(window: MainWindow, qtbot) -> Iterator[tuple[str, QWidget]]:
    """Clinician mode (PIN, a patient with a plan), then the patient's Today and the
    shared computer's who-is-practising page."""
    mode = window.clinician
    window.enter_clinician_mode()
    qtbot.wait(30)
    yield "clinician-pin", window
    mode.gate.pin_chosen.emit("4817")
    mode.page.show_add_form()
    qtbot.wait(30)
    yield "clinician-add-patient", window
    from selfcare.ui import i18n

    mode.page.add_requested.emit("P-1", "Ana", i18n.current_language(), "")
    mode.page.safety.pregnancy.setChecked(True)
    mode.page.builder.session_boxes["acupressure-relaxing"].setChecked(True)
    mode.page.save_button.click()
    qtbot.wait(30)
    yield "clinician-patient", window
    mode.page.practise_button.click()
    qtbot.wait(30)
    yield "today", window
    window._person_chosen = False
    window.go_home()
    qtbot.wait(30)
    yield "who-is-practising", window


def visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in [root, *root.findChildren(QWidget)] if w.isVisibleTo(root)]
