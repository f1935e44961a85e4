"""Asking where to save or what to open, the same way everywhere: saving starts in the
person's Documents folder with a suggested name; an empty string means they cancelled."""

from __future__ import annotations

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget, title: str, suggested_name: str, kinds: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, f"{folder}/{suggested_name}", kinds)
    return chosen


def ask_open_path(parent: QWidget, title: str, kinds: str) -> str:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, "", kinds)
    return chosen
