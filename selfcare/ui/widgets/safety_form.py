"""The clinician's form for one patient's safety settings.

Every condition the rules know (`core.safety`) has a control here; body areas are
chosen from the same closed list the rules use, so nothing typed can be misread. The
form only edits a `SafetyProfile`; saving it is the page's job.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QVBoxLayout, QWidget

from selfcare.core.safety import AREAS, Limb, SafetyProfile
from selfcare.ui.pages.common import label
from selfcare.ui.safety_words import area_name
from selfcare.ui.widgets.flow_row import FlowRow
from selfcare.ui.widgets.wrapping_check import wrapping_check

NOTE_LONGEST = 2000
LIMBS = (Limb.ARM_LEFT, Limb.ARM_RIGHT, Limb.LEG_LEFT, Limb.LEG_RIGHT)


class SafetyForm(QWidget):
    """Signals: `edited` whenever any control changes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.pregnancy = self._box(self.tr("Pregnant, or may be pregnant"), layout)
        self.low_platelets = self._box(self.tr("Low platelets, bleeds or bruises easily, or "
                                               "takes blood thinners"), layout)
        self.numb_hands = self._box(self.tr("Numb hands (neuropathy)"), layout)
        self.numb_feet = self._box(self.tr("Numb feet (neuropathy)"), layout)
        self.lymphoedema = self._choices(
            self.tr("Lymphoedema, or at risk of it"), layout,
            [(limb.value, area_name(limb.value)) for limb in LIMBS])
        every_area = [(area, area_name(area)) for area in AREAS]
        self.bone_metastases = self._choices(self.tr("Bone metastases"), layout, every_area)
        self.line_or_port = self._choices(self.tr("A line, drain or port"), layout, every_area)
        self.recent_surgery = self._choices(self.tr("Recent surgery"), layout, every_area)
        layout.addWidget(label(self.tr("A note (it goes home in the plan file, where the "
                                       "patient can read it)"), "groupHeading", self))
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note.setAccessibleName(self.tr("Safety note"))
        self.note.textChanged.connect(self._note_changed)
        layout.addWidget(self.note)

    def _box(self, text: str, layout: QVBoxLayout) -> QCheckBox:
        box = wrapping_check(self, layout, text)
        box.toggled.connect(self.edited)
        return box

    def _choices(self, heading: str, layout: QVBoxLayout, options: list[tuple[str, str]]
                 ) -> dict[str, QCheckBox]:
        layout.addWidget(label(heading, "groupHeading", self))
        row = FlowRow()
        boxes = {}
        for key, text in options:
            box = QCheckBox(text, self)
            box.setAccessibleName(f"{heading}: {text}")
            box.toggled.connect(self.edited)
            row.add(box)
            boxes[key] = box
        layout.addLayout(row)
        return boxes

    def _note_changed(self) -> None:
        text = self.note.toPlainText()
        if len(text) > NOTE_LONGEST:
            self.note.setPlainText(text[:NOTE_LONGEST])
        self.edited.emit()

    def profile(self) -> SafetyProfile:
        def chosen(boxes: dict[str, QCheckBox]) -> frozenset[str]:
            return frozenset(key for key, box in boxes.items() if box.isChecked())

        return SafetyProfile(
            pregnancy=self.pregnancy.isChecked(),
            lymphoedema=frozenset(Limb(key) for key in chosen(self.lymphoedema)),
            low_platelets=self.low_platelets.isChecked(),
            bone_metastases=chosen(self.bone_metastases),
            line_or_port=chosen(self.line_or_port),
            neuropathy_hands=self.numb_hands.isChecked(),
            neuropathy_feet=self.numb_feet.isChecked(),
            recent_surgery=chosen(self.recent_surgery),
            note=self.note.toPlainText().strip())

    def set_profile(self, profile: SafetyProfile) -> None:
        self.blockSignals(True)
        try:
            self.pregnancy.setChecked(profile.pregnancy)
            self.low_platelets.setChecked(profile.low_platelets)
            self.numb_hands.setChecked(profile.neuropathy_hands)
            self.numb_feet.setChecked(profile.neuropathy_feet)
            for boxes, marked in ((self.lymphoedema, {limb.value for limb in profile.lymphoedema}),
                                  (self.bone_metastases, profile.bone_metastases),
                                  (self.line_or_port, profile.line_or_port),
                                  (self.recent_surgery, profile.recent_surgery)):
                for key, box in boxes.items():
                    box.setChecked(key in marked)
            self.note.setPlainText(profile.note)
        finally:
            self.blockSignals(False)
