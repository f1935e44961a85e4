"""The questions before and after a session, one at a time.

Pain now, 0-10, is the one always asked and its number must be chosen deliberately;
other questions (tension, ESAS-r items, soreness, the weekly check) use the same
page. Every question can be skipped, and a skip is saved as skipped, not as 0.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QPushButton, QWidget

from selfcare.core.measures import ESAS_R
from selfcare.core.questions import Answer, Question, Soreness
from selfcare.ui import i18n
from selfcare.ui.pages.common import Button, button, card, label, page_layout
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.rating_scale import RatingScale


class RatingPage(QWidget):
    """Signals: `answered(object)` with the answer, or None when skipped;
    `skip_rest()` when the person leaves the weekly check for this week."""

    answered = Signal(object)
    skip_rest = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question_now: Question | None = None
        layout = page_layout(self)
        self.context = label("", "muted", self)
        layout.addWidget(self.context)
        self.problem = label("", "notice", self)
        self.problem.hide()
        layout.addWidget(self.problem)
        frame, inner = card(self)
        self.intro = label("", "muted", frame)
        inner.addWidget(self.intro)
        self.question = label("", "question", frame)
        inner.addWidget(self.question)
        self.hint = label("", "muted", frame)
        inner.addWidget(self.hint)
        inner.addSpacing(8)
        self.scale = RatingScale(frame)
        inner.addWidget(self.scale)
        self.soreness_box = QWidget(frame)
        self.soreness_row = FlowRow(self.soreness_box)
        self.soreness_row.setContentsMargins(0, 0, 0, 0)
        self.soreness_group = QButtonGroup(self)
        self.soreness_buttons: dict[Soreness, QPushButton] = {}
        for value, text in ((Soreness.NONE, self.tr("None")), (Soreness.MILD, self.tr("Mild")),
                            (Soreness.MORE, self.tr("More than mild"))):
            choice = Button(text, self.soreness_box)
            choice.setObjectName("answerChoice")
            choice.setCheckable(True)
            choice.setMinimumHeight(56)
            choice.setMinimumWidth(140)
            choice.clicked.connect(self._soreness_chosen)
            self.soreness_group.addButton(choice)
            self.soreness_buttons[value] = choice
            self.soreness_row.add(choice)
        inner.addWidget(self.soreness_box)
        self.credit = label("", "anchor", frame)
        inner.addWidget(self.credit)
        layout.addWidget(frame)
        row = FlowRow()
        self.skip = button(self.tr("Skip this question"), self, name="link",
                           description=self.tr("Saved as skipped, not as 0"))
        self.skip.clicked.connect(lambda: self.answered.emit(None))
        row.add(self.skip)
        self.skip_week = button(self.tr("Not this week"), self, name="link",
                                description=self.tr("The weekly questions are saved as "
                                                    "skipped and asked again next week"))
        self.skip_week.clicked.connect(self.skip_rest.emit)
        row.add(self.skip_week)
        self.back = button(self.tr("Back"), self)
        row.add_trailing(self.back)
        self.confirm = button(self.tr("Continue"), self, name="primary")
        self.confirm.setEnabled(False)
        self.confirm.setMinimumWidth(180)
        self.confirm.clicked.connect(self._confirm)
        row.add_trailing(self.confirm)
        layout.addLayout(row)
        layout.addStretch(1)
        self.scale.chosen.connect(lambda _value: self.confirm.setEnabled(True))
        self.scale.confirmed.connect(lambda _value: self._confirm())

    # -- asking -------------------------------------------------------------------------

    def ask_before(self, title: str) -> None:
        """The pain question before a session (the first of the questions before it)."""
        self.ask(Question("pain", Answer.SCALE), before=True, title=title, number=1, count=1)

    def ask_after(self, title: str) -> None:
        """The pain question after a session."""
        self.ask(Question("pain", Answer.SCALE), before=False, title=title, number=1, count=1)

    def ask(self, question: Question, *, before: bool, title: str, number: int,
            count: int, last: bool = True) -> None:
        """Show `question`, the `number`th of `count` asked before or after `title`.

        The before-rating is never shown after the session: seeing it would pull the
        answer toward it.
        """
        self.question_now = question
        self.context.setText(self._context(before, title, number, count))
        self.intro.hide()
        self.credit.hide()
        self.skip_week.setVisible(question.weekly)
        self.back.setVisible(before)
        self.confirm.setText(self._confirm_text(question, before, last))
        self.scale.setVisible(question.answer is Answer.SCALE)
        self.soreness_box.setVisible(question.answer is Answer.SORENESS)
        if question.answer is Answer.SCALE:
            self._ask_scale(question, before)
        else:
            self.question.setText(self.tr("Any soreness or bruising where you pressed?"))
            self.hint.setText(self.tr("This helps your care team keep pressing safe for you."))
        self._reset()

    def _ask_scale(self, question: Question, before: bool) -> None:
        item, instrument = question.item, question.instrument
        if item is None or instrument is None:
            self.question.setText(self.tr("How much pain do you have right now?") if before
                                  else self.tr("And now, how much pain do you have?"))
            self.hint.setText(self.tr("Choose the number that fits best. There is no right "
                                      "answer."))
            self.scale.set_subject("", "", "")
            return
        lang = item.lang_for(i18n.current_language())
        self.question.setText(item.text[lang])
        self.scale.set_subject(item.text[lang], item.low[lang], item.high[lang])
        intro = instrument.intro.get(lang) or instrument.intro.get("en")
        if intro:
            self.intro.setText(intro)
            self.intro.show()
        self.hint.setText(self.tr("Choose the number that fits best. There is no right "
                                  "answer."))
        credit = instrument.in_language(instrument.credit, i18n.current_language())
        if instrument.id == ESAS_R and lang != i18n.current_language():
            credit = self.tr("This question is shown in English: it belongs to the ESAS-r "
                             "questionnaire, whose words may not be changed, and its "
                             "validated translation is not included yet.") + "\n" + credit
        self.credit.setText(credit)
        self.credit.show()

    def _context(self, before: bool, title: str, number: int, count: int) -> str:
        where = (self.tr("Before: %1") if before else self.tr("After: %1")).replace("%1", title)
        if count <= 1:
            return where
        return where + " \u2014 " + self.tr("question %1 of %2").replace(
            "%1", str(number)).replace("%2", str(count))

    def _confirm_text(self, question: Question, before: bool, last: bool) -> str:
        if before and last:
            return self.tr("Start the session")
        return self.tr("Save") if last else self.tr("Continue")

    def show_problem(self, text: str) -> None:
        """Say why the answer was not saved; the answer stays, ready to try again."""
        self.problem.setText(text)
        self.problem.show()
        self._focus_answer()

    # -- answers ------------------------------------------------------------------------

    def _reset(self) -> None:
        self.problem.hide()
        self.scale.clear()
        self.soreness_group.setExclusive(False)
        for choice in self.soreness_buttons.values():
            choice.setChecked(False)
        self.soreness_group.setExclusive(True)
        self.confirm.setEnabled(False)
        self._focus_answer()

    @property
    def _answer_kind(self) -> Answer:
        return self.question_now.answer if self.question_now else Answer.SCALE

    def _focus_answer(self) -> None:
        answer = self._answer_kind
        if answer is Answer.SCALE:
            self.scale.setFocus()
        else:
            checked = self.soreness_group.checkedButton()
            (checked or self.soreness_buttons[Soreness.NONE]).setFocus()

    def _soreness_chosen(self) -> None:
        self.confirm.setEnabled(self.soreness_group.checkedButton() is not None)

    def answer(self) -> object:
        """The answer now on screen, or None when nothing is chosen or written."""
        answer = self._answer_kind
        if answer is Answer.SCALE:
            return self.scale.value()
        for value, choice in self.soreness_buttons.items():
            if choice.isChecked():
                return value
        return None

    def _confirm(self) -> None:
        value = self.answer()
        if value is not None:
            self.answered.emit(value)
