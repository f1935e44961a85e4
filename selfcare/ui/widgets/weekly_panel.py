"""The weekly check on the history page: each week's score and answers, newest first.

Numbers only, no verdicts: a few weekly scores say little on their own, and the
person's care team reads them with everything else they know.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from selfcare.core.measures import Instrument, WeekScore
from selfcare.ui import i18n
from selfcare.ui.pages.common import label
from selfcare.ui.widgets.what_helps import number

WEEKS_SHOWN = 12


class WeeklyCheckPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(8)
        layout.addWidget(label(self.tr("Weekly check"), "cardTitle", self))
        self.intro = label(self.tr(
            "Three questions once a week about the past week: pain, and how much it got in "
            "the way of enjoying life and of daily activity. The score is their average, "
            "from 0 to 10; lower means pain got in the way less."), "muted", self)
        layout.addWidget(self.intro)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        layout.addLayout(self.rows)
        self.credit = label("", "anchor", self)
        layout.addWidget(self.credit)
        self.lines: list[str] = []

    def show_weeks(self, instrument: Instrument, weeks: list[WeekScore]) -> None:
        """Show up to `WEEKS_SHOWN` weeks, newest first; hidden when there are none."""
        lang = i18n.current_language()
        self.credit.setText(instrument.in_language(instrument.credit, lang))
        while (old := self.rows.takeAt(0)) is not None:
            widget = old.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.lines = [self.week_text(instrument, week, lang) for week in weeks[:WEEKS_SHOWN]]
        for text in self.lines:
            line = label(text, "where", self)
            self.rows.addWidget(line)
            line.show()
        self.setVisible(bool(weeks))

    def week_text(self, instrument: Instrument, week: WeekScore, lang: str) -> str:
        day = week.week_start
        when = self.tr("Week of %1").replace("%1", QLocale().toString(
            QDate(day.year, day.month, day.day), "d MMM yyyy"))
        if week.skipped:
            return self.tr("%1: skipped").replace("%1", when)
        parts = []
        for item in instrument.items:
            value = week.answers.get(item.id)
            name = item.short.get(lang) or item.short.get("en") or item.id
            parts.append(self.tr("%1 %2").replace("%1", name).replace(
                "%2", "\u2013" if value is None else str(value)))
        if week.score is None:
            return self.tr("%1: no score, a question was skipped (%2)").replace(
                "%1", when).replace("%2", ", ".join(parts))
        return self.tr("%1: score %2 (%3)").replace("%1", when).replace(
            "%2", number(week.score)).replace("%3", ", ".join(parts))
