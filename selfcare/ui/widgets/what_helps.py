"""'What helps me': the person's own before/after ratings, said in plain words.

The wording follows the verdicts of `core.insights` and never claims more than they
do: below five rated sessions there is no number at all, a difference is named only
when its likely range (95 % interval) leaves out "no change", and a rise in pain is
met with a suggestion to tell the care team, not an alarm. No streaks, no counting of
missed days; every rating simply adds to the picture.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from selfcare.core.insights import (
    MIN_SESSIONS,
    MIN_WEEKS,
    Direction,
    GroupInsight,
    Insights,
    Trend,
    Verdict,
)
from selfcare.ui.names import kind_name
from selfcare.ui.pages.common import button, label

KIND_ORDER = ("imagery", "pmr", "acupressure", "breathing")


class WhatHelpsPanel(QFrame):
    """A card with one short paragraph per kind of session, the weekly trend, and a
    fold-out paragraph per session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("What helps me"), "cardTitle", self))
        layout.addWidget(label(self.tr("From every session you rated before and after, "
                                       "whatever range the chart shows."), "muted", self))
        self.kinds = QVBoxLayout()
        self.kinds.setSpacing(10)
        layout.addLayout(self.kinds)
        self.trend = label("", "where", self)
        layout.addWidget(self.trend)
        self.sessions_button = button(self.tr("Show each session"), self, name="link")
        self.sessions_button.setCheckable(True)
        self.sessions_button.toggled.connect(self._fold)
        layout.addWidget(self.sessions_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.sessions_box = QWidget(self)
        self.sessions = QVBoxLayout(self.sessions_box)
        self.sessions.setContentsMargins(0, 0, 0, 0)
        self.sessions.setSpacing(10)
        self.sessions_box.hide()
        layout.addWidget(self.sessions_box)
        layout.addWidget(label(self.tr(
            "These are your own ratings. They cannot show why your pain changed, and they "
            "do not replace your care team's advice. Every session you rate adds to this "
            "picture."), "muted", self))

    def show_insights(self, found: Insights, titles: dict[str, str]) -> None:
        """Fill the card from `found`; `titles` names each session id."""
        kinds = sorted(found.by_kind, key=lambda k: (
            KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k))
        self._fill(self.kinds, [(kind_name(k), found.by_kind[k]) for k in kinds])
        sessions = sorted(found.by_session.items(),
                          key=lambda item: titles.get(item[0], item[0]).casefold())
        self._fill(self.sessions, [(titles.get(key, key), group) for key, group in sessions])
        self.sessions_button.setVisible(len(found.by_session) > 1)
        self.trend.setText(self.trend_text(found.trend))

    def _fill(self, layout: QVBoxLayout, groups: list[tuple[str, GroupInsight]]) -> None:
        while (old := layout.takeAt(0)) is not None:
            widget = old.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for name, group in groups:
            for text, style in ((name, "groupHeading"), (self.group_text(group), "where")):
                said = label(text, style, self)
                layout.addWidget(said)
                said.show()  # now, not when the event loop gets to it: its words are current

    def _fold(self, shown: bool) -> None:
        self.sessions_box.setVisible(shown)
        self.sessions_button.setText(self.tr("Hide each session") if shown
                                     else self.tr("Show each session"))

    # -- words --------------------------------------------------------------------------

    def group_text(self, group: GroupInsight) -> str:
        """What one kind's (or one session's) ratings say, and no more."""
        change = group.change
        if group.verdict is Verdict.NOT_ENOUGH or change is None \
                or change.low is None or change.high is None:
            return self.tr("Not enough yet (rated before and after so far: %1). From %2, "
                           "this shows what your ratings say.").replace(
                "%1", str(group.rated)).replace("%2", str(MIN_SESSIONS))
        if group.verdict is Verdict.LOWER_AFTER:
            text = self.tr("On average your pain was %1 points lower after (likely range %2 "
                           "to %3 points).").replace("%1", number(-change.value)).replace(
                "%2", number(-change.high)).replace("%3", number(-change.low))
        elif group.verdict is Verdict.HIGHER_AFTER:
            text = self.tr("On average your pain was %1 points higher after (likely range "
                           "%2 to %3 points). It may help to tell your care team.").replace(
                "%1", number(change.value)).replace("%2", number(change.low)).replace(
                "%3", number(change.high))
        elif change.low == change.high:
            text = self.tr("Your pain was the same before and after each time.")
        else:
            text = self.tr("No clear difference yet between before and after: the likely "
                           "range, from %1 points lower to %2 points higher, includes no "
                           "change.").replace("%1", number(-change.low)).replace(
                "%2", number(change.high))
        dropped = round((group.meaningful_share or 0.0) * group.rated)
        return text + " " + self.tr(
            "Pain fell by 2 points or more (or by 30 % or more) in %1 of the %2 sessions you "
            "rated before and after.").replace("%1", str(dropped)).replace(
            "%2", str(group.rated))

    def trend_text(self, trend: Trend) -> str:
        """The weekly pre-session trend in words."""
        if trend.direction is Direction.GOING_DOWN:
            return self.tr("Week by week, your pain before sessions has been going down.")
        if trend.direction is Direction.GOING_UP:
            return self.tr("Week by week, your pain before sessions has been going up. It "
                           "may help to tell your care team.")
        if trend.direction is Direction.NO_CLEAR_TREND:
            return self.tr("Week by week, your pain before sessions shows no clear trend "
                           "up or down yet.")
        return self.tr("Week by week: not enough yet (weeks with a rating before a session: "
                       "%1). From %2 weeks, this shows whether your pain before sessions is "
                       "going down or up.").replace("%1", str(len(trend.weeks))).replace(
            "%2", str(MIN_WEEKS))


def number(value: float) -> str:
    """One decimal in the interface's locale ("1.5", "1,5"), never "-0.0"."""
    return QLocale().toString(abs(value) if round(value, 1) == 0 else value, "f", 1)
