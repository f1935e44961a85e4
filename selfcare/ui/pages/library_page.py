"""The calm list of sessions to choose from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from selfcare.ui.names import kind_name, language_name, minutes_text
from selfcare.ui.pages.common import Button, button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow


@dataclass(frozen=True)
class SessionEntry:
    """What the library shows of one session."""

    script_id: str
    kind: str
    title: str
    summary: str
    seconds: float
    lang: str
    evidence: str = ""  # a sentence on what the guideline says
    citation: str = ""
    who: str = ""  # who it is for
    stop: str = ""  # when to stop and call the care team
    points: str = ""  # acupressure: the points pressed, with pregnancy cautions


class LibraryPage(QWidget):
    """Signals: `chosen(str)` with the script id of the session to start."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self, scroll=False)  # the list below scrolls itself
        layout.addWidget(label(self.tr("Choose a session"), "pageTitle", self))
        intro = label(
            self.tr("Find a comfortable position, sitting or lying down. Each session asks "
                    "how much pain you have before and after, so you can see what helps you. "
                    "These sessions add to your care; they do not replace it."),
            "pageIntro", self)
        layout.addWidget(intro)
        self.notice = label("", "notice", self)
        self.notice.hide()
        layout.addWidget(self.notice)
        self._list = QWidget(self)
        self._list.setObjectName("page")
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 8, 0)
        self._list_layout.setSpacing(14)
        self.loading = label(self.tr("Loading sessions\u2026"), "muted", self._list)
        self._list_layout.addWidget(self.loading)
        self._list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._list)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab moves through the cards instead
        layout.addWidget(scroll, 1)
        self.start_buttons: dict[str, QWidget] = {}
        self.cards: dict[str, tuple[str, QWidget]] = {}  # script id -> (kind, card)
        self.filter_buttons: dict[str, QPushButton] = {}
        self._filters = FlowRow(spacing=8)
        layout.insertLayout(layout.indexOf(self.notice) + 1, self._filters)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_entries(self, entries: list[SessionEntry]) -> None:
        self.loading.hide()
        kinds = list(dict.fromkeys(entry.kind for entry in entries))
        if len(kinds) > 1:
            self._add_filters(kinds)  # made first, so Tab meets them before the cards
        for entry in entries:
            frame = self._card(entry)
            self.cards[entry.script_id] = (entry.kind, frame)
            self._list_layout.insertWidget(self._list_layout.count() - 1, frame)
        if not entries:
            self.loading.setText(self.tr("No sessions could be loaded."))
            self.loading.show()

    def _add_filters(self, kinds: list[str]) -> None:
        """One button per kind of session, and "All": a long list stays easy to scan."""
        group = QButtonGroup(self)
        group.setExclusive(True)
        for kind in ["", *kinds]:
            text = kind_name(kind) if kind else self.tr("All")
            chip = Button(text, self)
            chip.setObjectName("filter")
            chip.setCheckable(True)
            chip.setMinimumHeight(44)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setAccessibleDescription(self.tr("Show only these sessions") if kind
                                          else self.tr("Show every session"))
            chip.clicked.connect(lambda _checked=False, shown=kind: self.show_kind(shown))
            group.addButton(chip)
            self._filters.add(chip)
            self.filter_buttons[kind] = chip
        self.filter_buttons[""].setChecked(True)

    def show_kind(self, kind: str) -> None:
        """Show the sessions of one kind, or all of them for ""."""
        for card_kind, frame in self.cards.values():
            frame.setVisible(not kind or card_kind == kind)
        chip = self.filter_buttons.get(kind)
        if chip is not None:
            chip.setChecked(True)

    def _card(self, entry: SessionEntry) -> QWidget:
        frame, layout = card(self._list)
        top = QHBoxLayout()
        badge = label(kind_name(entry.kind), "kindBadge", frame, wrap=False)
        top.addWidget(badge)
        top.addStretch(1)
        length = label(minutes_text(entry.seconds) + " \u00b7 " + language_name(entry.lang),
                       "muted", frame, wrap=False)
        top.addWidget(length)
        layout.addLayout(top)
        layout.addWidget(label(entry.title, "cardTitle", frame))
        summary: QLabel = label(entry.summary, "muted", frame)
        layout.addWidget(summary)
        if entry.evidence:
            evidence = label(entry.evidence, "evidence", frame)
            evidence.setToolTip(entry.citation)
            evidence.setAccessibleDescription(entry.citation)
            layout.addWidget(evidence)
        row = FlowRow()
        more = Button(self.tr("Who it is for, and when to stop"), frame)
        more.setObjectName("link")
        more.setCheckable(True)
        more.setMinimumHeight(44)
        more.setCursor(Qt.CursorShape.PointingHandCursor)
        more.setAccessibleDescription(self.tr("Show or hide safety notes for %1")
                                      .replace("%1", entry.title))
        more.toggled.connect(lambda shown: self._show_details(entry, frame, layout, shown))
        row.add(more)
        start = button(self.tr("Start"), frame, name="primary",
                       description=self.tr("Start %1").replace("%1", entry.title))
        start.setAccessibleName(self.tr("Start %1").replace("%1", entry.title))
        start.clicked.connect(lambda: self.chosen.emit(entry.script_id))
        start.setMinimumWidth(140)
        row.add_trailing(start)
        layout.addLayout(row)
        self.start_buttons[entry.script_id] = start
        return frame

    def _show_details(self, entry: SessionEntry, frame: QWidget, layout: QVBoxLayout,
                      shown: bool) -> None:
        """Unfold a card's notes, made the first time they are asked for (most never are,
        and a dozen labels a card is memory an old laptop can keep)."""
        details = frame.findChild(QWidget, "details")
        if details is None:
            if not shown:
                return
            details = self._details(entry, frame)
            layout.addWidget(details)
        details.setVisible(shown)

    def _details(self, entry: SessionEntry, parent: QWidget) -> QWidget:
        """Who it suits, the points it uses, when to stop and the citation."""
        box = QWidget(parent)
        box.setObjectName("details")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        for heading, text in ((self.tr("Who it is for"), entry.who),
                              (self.tr("Points"), entry.points),
                              (self.tr("When to stop and call your care team"), entry.stop)):
            if text:
                layout.addWidget(label(heading, "detailHeading", box))
                layout.addWidget(label(text, "detail", box))
        if entry.citation:
            layout.addWidget(label(self.tr("Source: %1").replace("%1", entry.citation),
                                   "citation", box))
        return box
