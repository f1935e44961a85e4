"""Today: what the plan asks for now, what is done and missed, and one big button.

Shown first to a person with a plan. Words stay plain and free of blame: a missed week
is counted, not scolded, and nothing here is a streak.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from selfcare.core.tailoring import Change
from selfcare.core.today import Today
from selfcare.ui.names import day_text, kind_name, minutes_text
from selfcare.ui.pages.common import button, card, label, page_layout
from selfcare.ui.pages.library_page import SessionEntry
from selfcare.ui.safety_words import change_text
from selfcare.ui.widgets.flow_row import FlowRow


class TodayPage(QWidget):
    """Signals: `start(str)` with the script id to begin; `browse` for every session."""

    start = Signal(str)
    browse = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._next = ""
        layout = page_layout(self)
        self.heading = label(self.tr("Today"), "pageTitle", self)
        layout.addWidget(self.heading)
        self.greeting = label("", "pageIntro", self)
        layout.addWidget(self.greeting)
        frame, inner = card(self)
        self.status = label("", "bigResult", frame)
        self.status.setObjectName("question")
        inner.addWidget(self.status)
        self.counts = label("", "muted", frame)
        inner.addWidget(self.counts)
        self.next_line = label("", "detail", frame)
        inner.addWidget(self.next_line)
        self.start_button = button("", frame, name="primary")
        self.start_button.setMinimumHeight(64)
        self.start_button.clicked.connect(lambda: self.start.emit(self._next))
        inner.addWidget(self.start_button)
        layout.addWidget(frame)
        self.others_card, others = card(self)
        others.addWidget(label(self.tr("Other sessions in your plan"), "cardTitle",
                               self.others_card))
        self.others_row = FlowRow()
        others.addLayout(self.others_row)
        layout.addWidget(self.others_card)
        self.changes_card, changes = card(self, "doNow")
        changes.addWidget(label(self.tr("Changed for you by your care team"), "cardTitle",
                                self.changes_card))
        self.changes = label("", "detail", self.changes_card)
        changes.addWidget(self.changes)
        changes.addWidget(label(self.tr("These follow what your care team marked. If "
                                        "something seems wrong, ask them."), "muted",
                                self.changes_card))
        layout.addWidget(self.changes_card)
        self.all_sessions = button(self.tr("See all sessions"), self, name="link")
        self.all_sessions.clicked.connect(self.browse)
        layout.addWidget(self.all_sessions)
        layout.addStretch(1)
        self._other_buttons: list[QWidget] = []

    def show_today(self, view: Today, entries: Mapping[str, SessionEntry], name: str,
                   changes: Mapping[str, tuple[Change, ...]], day: date) -> None:
        """`changes` by script id: what the safety settings change in each session."""
        self.greeting.setText(self.tr("Hello, %1.").replace("%1", name) if name else "")
        kept = view.adherence
        self.status.setText(self._status(view, day))
        self.counts.setText(self.tr("Done so far: %1. Missed: %2. Still to come: %3.")
                            .replace("%1", str(kept.done)).replace("%2", str(kept.missed))
                            .replace("%3", str(kept.remaining)))
        self._next = view.next_session
        entry = entries.get(view.next_session)
        title = entry.title if entry else view.next_session
        self.next_line.setText(self.tr("Suggested next: %1").replace("%1", title) + (
            f" \u00b7 {kind_name(entry.kind)} \u00b7 {minutes_text(entry.seconds)}"
            if entry else ""))
        self.start_button.setText(self.tr("Start: %1").replace("%1", title))
        self.start_button.setEnabled(entry is not None)
        for old in self._other_buttons:
            self.others_row.removeWidget(old)
            old.deleteLater()
        self._other_buttons = []
        for script_id in view.plan.sessions:
            other = entries.get(script_id)
            if script_id == view.next_session or other is None:
                continue
            choice = button(other.title, self.others_card)
            choice.clicked.connect(lambda _=False, chosen=script_id: self.start.emit(chosen))
            self.others_row.add(choice)
            self._other_buttons.append(choice)
        self.others_card.setVisible(bool(self._other_buttons))
        lines = []
        for script_id in view.plan.sessions:
            found = changes.get(script_id, ())
            if found and script_id in entries:
                lines.append(entries[script_id].title + ":")
                lines.extend("  \u2022 " + change_text(change) for change in found)
        self.changes.setText("\n".join(lines))
        self.changes_card.setVisible(bool(lines))

    def _status(self, view: Today, day: date) -> str:
        if view.finished:
            return self.tr("Your plan has ended. You can still use any session.")
        slot = view.slot
        if slot is not None and slot.first > day:
            return self.tr("Your next practice is due from %1.").replace(
                "%1", day_text(slot.first))
        if view.due_now and slot is not None:
            if slot.first == slot.last:
                return self.tr("A session is due today.")
            return self.tr("A session is due by %1.").replace("%1", day_text(slot.last))
        return self.tr("Done for now. Your next practice is due from %1.").replace(
            "%1", day_text(view.adherence.next_slot.first) if view.adherence.next_slot
            else "\u2014")
