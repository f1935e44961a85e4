"""From the history page, a person saves their own records as a CSV file."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


def test_the_history_page_saves_every_session_as_csv(window, qtbot, tmp_path, monkeypatch):
    window.choose_session("pmr-short")
    window.rating.answered.emit(6)
    window.player.stop_requested.emit()
    window.rating.answered.emit(None)
    target = tmp_path / "mine.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    window.show_history()
    qtbot.mouseClick(window.history.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["pain_before"], r["pain_after"], r["pain_after_status"]) for r in rows] == [
        ("6", "", "skipped")]
    assert window.history.export_result.text() == f"Saved in {target}. Sessions in the file: 1."


def test_a_folder_that_cannot_be_written_is_said_plainly(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "missing" / "mine.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    window.show_history()
    window.history.export_button.click()
    assert window.history.export_result.text().startswith("Could not save")
    assert not target.exists()


def test_cancelling_the_dialog_saves_nothing(window, qtbot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))
    window.show_history()
    window.history.export_button.click()
    assert window.history.export_result.text() == ""


def test_the_person_saves_their_own_report_for_their_care_team(window, qtbot, tmp_path,
                                                               monkeypatch):
    import shutil
    import subprocess

    window.choose_session("pmr-short")
    window.rating.answered.emit(7)
    window.player.stop_requested.emit()
    window.rating.answered.emit(5)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    window.show_history()
    qtbot.mouseClick(window.history.report_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF-")
    assert window.history.export_result.text().startswith(f"Saved in {target}: your report")
    assert window.history.export_result.text().endswith("(sessions: 1).")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Self-care practice report" in text and "Patient:" not in text


def test_a_report_that_cannot_be_written_is_said_plainly(window, tmp_path, monkeypatch):
    target = tmp_path / "missing" / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    window.show_history()
    window.history.report_button.click()
    assert window.history.export_result.text().startswith("Could not save")
    assert not target.exists()
