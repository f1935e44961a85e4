"""Knowing when a widget was really painted, for the offscreen benchmark children.

Imported only inside a child process (it loads Qt); the benchmark runner never does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class Painted(QObject):
    """An event filter that notes the first paint of whatever it is installed on."""

    seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False
