"""In Spanish, the whole interface is Spanish: switched in settings, no restart, no
English string left on any page, dates in Spanish, sessions spoken in Spanish."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from selfcare.ui import catalogues, i18n
from tests.helpers.pages import every_page, visible_widgets


def english_sources() -> set[str]:
    """Every English string the catalogue translates into something else."""
    root = ET.parse(catalogues.catalogue_path("es", ".ts")).getroot()
    found = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translated = "".join(message.find("translation").itertext())
        if translated.strip() and translated != source and "%" not in source:
            found.add(source)
    return found


def shown_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in visible_widgets(root):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    return [t for t in texts if t]


def test_switching_to_spanish_in_settings_needs_no_restart(window, qtbot):
    window.show_settings()
    window.settings_page.language_buttons["es"].click()
    assert i18n.current_language() == "es"
    assert window.nav_sessions.text() == "Sesiones"
    assert window.stack.currentWidget() is window.settings_page  # still where you were
    assert window.settings_page.language_buttons["es"].isChecked()
    assert window.services.settings.choice("language") == "es"
    entries = window.library.cards
    assert entries  # the library was made again, in Spanish
    title = window.library.cards["pmr-short"][1].findChildren(QLabel, "cardTitle")[0].text()
    assert title == window.services.scripts["pmr-short"].title["es"]


def test_no_page_shows_an_english_string_in_spanish(window, qtbot):
    window.change_setting("language", "es")
    english = english_sources()
    leftovers = []
    for page, root in every_page(window, qtbot):
        texts = shown_texts(root)
        assert len(texts) >= 5, (page, texts)  # the page really was inspected
        leftovers += [f"{page}: {text!r}" for text in texts if text in english]
    assert leftovers == []


def test_the_session_plays_in_spanish_and_the_player_speaks_spanish(window, qtbot):
    window.change_setting("language", "es")
    window.choose_session("pmr-short")
    window.rating.answered.emit(5)
    qtbot.waitUntil(lambda: window.player.step_label.text().startswith("Paso"), timeout=3000)
    assert window.services.controller.run.timeline.lang == "es"
    assert window.player.pause_button.text() == "Pausa"


def test_dates_follow_the_language(window, qtbot):
    window.change_setting("language", "es")
    when = QLocale().toString(datetime(2026, 3, 5, 9, 30), "d MMM yyyy")
    assert when.startswith("5 mar")


def test_a_session_without_spanish_plays_in_english_and_says_why(window, qtbot, tmp_path):
    script = tmp_path / "english-only.toml"
    script.write_text('format = 1\nid = "english-only"\nkind = "breathing"\n'
                      'title = { en = "English only" }\nsummary = { en = "Short." }\n'
                      '[[steps]]\nsay = { en = "Breathe." }\npause = 2\n', encoding="utf-8")
    window.change_setting("language", "es")
    window.open_session(str(script))
    window.rating.answered.emit(None)
    assert "English" in window.player.notice.text()
    assert "no está disponible en tu idioma" in window.player.notice.text()
