"""The library: every session with kind, length, language, evidence, and safety notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from selfcare.ui.pages.library_page import LibraryPage, SessionEntry


def _entries() -> list[SessionEntry]:
    return [
        SessionEntry("a", "imagery", "Shore", "Sea.", 600, "en", "Evidence A", "Cite",
                     "For anyone.", "Stop if upset.", ""),
        SessionEntry("b", "acupressure", "Calm points", "Points.", 720, "es", "Evidence B",
                     "Cite", "For adults.", "Not on broken skin.", "SP6 (not in pregnancy)"),
        SessionEntry("c", "acupressure", "Wrist", "Nausea.", 420, "en", "", "", "", "", ""),
    ]


def test_each_card_shows_kind_length_and_language(qtbot):
    page = LibraryPage()
    qtbot.addWidget(page)
    page.set_entries(_entries())
    texts = [w.text() for w in page.cards["b"][1].findChildren(QLabel)]
    assert "Self-acupressure" in texts
    assert "About 12 min \u00b7 Espa\u00f1ol" in texts
    assert "Evidence B" in texts


def test_safety_notes_are_folded_away_until_asked_for(qtbot):
    page = LibraryPage()
    qtbot.addWidget(page)
    page.set_entries(_entries())
    page.show()
    card = page.cards["b"][1]
    folded = card.findChild(QWidget, "details")
    assert folded is None or folded.isHidden()
    more = card.findChild(QPushButton, "link")
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    details = card.findChild(QWidget, "details")
    assert details is not None and not details.isHidden()
    shown = [w.text() for w in details.findChildren(QLabel)]
    assert "Not on broken skin." in shown
    assert "SP6 (not in pregnancy)" in shown
    assert "Source: Cite" in shown
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert details.isHidden()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert not details.isHidden()
    assert len(card.findChildren(QWidget, "details")) == 1  # made once, then only shown


def test_kind_buttons_narrow_the_list_and_all_brings_it_back(qtbot):
    page = LibraryPage()
    qtbot.addWidget(page)
    page.set_entries(_entries())
    page.show()
    assert set(page.filter_buttons) == {"", "imagery", "acupressure"}
    qtbot.mouseClick(page.filter_buttons["acupressure"], Qt.MouseButton.LeftButton)
    visible = {sid for sid, (_, frame) in page.cards.items() if not frame.isHidden()}
    assert visible == {"b", "c"}
    qtbot.mouseClick(page.filter_buttons[""], Qt.MouseButton.LeftButton)
    assert all(not frame.isHidden() for _, frame in page.cards.values())
    assert page.filter_buttons[""].isChecked()


def test_one_kind_only_needs_no_filter_buttons(qtbot):
    page = LibraryPage()
    qtbot.addWidget(page)
    page.set_entries(_entries()[1:])
    assert page.filter_buttons == {}
