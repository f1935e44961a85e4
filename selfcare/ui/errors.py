"""One calm path for the unexpected: log the details, tell the person plainly.

A traceback is never shown to a patient. The dialog says what matters (ratings
already given are saved) and where the details were written for whoever helps.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)


class ErrorReporter:
    """Installs itself as sys.excepthook; `dialogs=False` keeps tests headless."""

    def __init__(self, parent: QWidget | None, log_file: Path | None,
                 dialogs: bool = True) -> None:
        self.parent = parent
        self.log_file = log_file
        self.dialogs = dialogs
        self.count = 0

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        self.count += 1
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self.dialogs:
            self.show(self.parent.tr("Something went wrong") if self.parent else
                      "Something went wrong",
                      _plain_message(self.parent, self.log_file))

    def show(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self.parent)
        box.exec()


def _plain_message(parent: QWidget | None, log_file: Path | None) -> str:
    tr = parent.tr if parent else (lambda text: text)
    text = tr("Selfcare met a problem it did not expect. Any ratings you already gave are "
              "saved. You can carry on, or close and reopen the app.")
    if log_file is not None:
        text += "\n\n" + tr("Details for whoever helps you: %1").replace("%1", str(log_file))
    return text
