"""Before a plan from the care team is applied: what it is now, what it will be, and a choice.

Nothing changes until the person presses Apply; Cancel leaves everything as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from selfcare.ui.pages.common import button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow


class ImportPage(QWidget):
    """Signals: `apply` and `cancel`."""

    apply = Signal()
    cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        self.heading = label(self.tr("A plan from your care team"), "pageTitle", self)
        layout.addWidget(self.heading)
        self.intro = label(self.tr("Please check what will change. Nothing changes until "
                                   "you press Apply."), "pageIntro", self)
        layout.addWidget(self.intro)
        self.now_card, now = card(self)
        now.addWidget(label(self.tr("Now"), "cardTitle", self.now_card))
        self.now_text = label("", "detail", self.now_card)
        now.addWidget(self.now_text)
        layout.addWidget(self.now_card)
        after_card, after = card(self, "doNow")
        after.addWidget(label(self.tr("After applying this plan"), "cardTitle", after_card))
        self.after_text = label("", "detail", after_card)
        after.addWidget(self.after_text)
        layout.addWidget(after_card)
        row = FlowRow()
        self.apply_button = button(self.tr("Apply this plan"), self, name="primary")
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = button(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        row.add(self.apply_button)
        row.add(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_change(self, now: list[str], after: list[str]) -> None:
        self.now_text.setText("\n".join(now) or self.tr("No plan yet."))
        self.after_text.setText("\n".join(after))
        self.apply_button.setFocus()
