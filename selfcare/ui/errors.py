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

from selfcare.ui.i18n import tr

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

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self.dialogs:
            QMessageBox(QMessageBox.Icon.Information, tr("Something went wrong"),
                        self.message(), QMessageBox.StandardButton.Ok, self.parent).exec()

    def message(self) -> str:
        text = tr("Selfcare met a problem it did not expect. Any ratings you already gave "
                   "are saved. You can carry on, or close and reopen the app.")
        if self.log_file is not None:
            text += "\n\n" + tr("Details for whoever helps you: %1").replace(
                "%1", str(self.log_file))
        return text
