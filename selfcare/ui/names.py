"""Words for the codes the core uses: session kinds and focus regions or points.

The core speaks in codes; this is where they become translatable text.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from selfcare.ui.i18n import tr

if TYPE_CHECKING:
    from selfcare.core.evidence import EvidenceCard


def kind_name(kind: str) -> str:
    names = {
        "imagery": tr("Guided imagery"),
        "pmr": tr("Muscle relaxation"),
        "acupressure": tr("Self-acupressure"),
        "breathing": tr("Breathing"),
    }
    return names.get(kind, kind)


def focus_name(code: str) -> str:
    """A person's words for a body region (points are named from `core.points`)."""
    names = {
        "whole-body": tr("Whole body"), "face": tr("Face"), "forehead": tr("Forehead"),
        "eyes": tr("Eyes"), "jaw": tr("Jaw"), "neck": tr("Neck"),
        "shoulders": tr("Shoulders and upper back"), "chest": tr("Chest"),
        "upper-back": tr("Upper back"), "lower-back": tr("Lower back"),
        "abdomen": tr("Stomach"), "arms": tr("Both arms and hands"),
        "hands": tr("Both hands"), "legs": tr("Both legs and feet"), "feet": tr("Both feet"),
        "hand-right": tr("Right hand"), "hand-left": tr("Left hand"),
        "forearm-right": tr("Right forearm"), "forearm-left": tr("Left forearm"),
        "arm-right": tr("Right upper arm"), "arm-left": tr("Left upper arm"),
        "thigh-right": tr("Right thigh"), "thigh-left": tr("Left thigh"),
        "calf-right": tr("Right calf"), "calf-left": tr("Left calf"),
        "foot-right": tr("Right foot"), "foot-left": tr("Left foot"),
        "breath": tr("Breath"),
        "chest-shoulders": tr("Chest, shoulders and upper back"),
        "trunk": tr("Chest, shoulders, back and stomach"), "face-neck": tr("Face and neck"),
        "breath-in": tr("Breathe in"), "breath-out": tr("Breathe out"),
        "arm-right-whole": tr("Right arm and hand"), "arm-left-whole": tr("Left arm and hand"),
        "leg-right-whole": tr("Right leg and foot"), "leg-left-whole": tr("Left leg and foot"),
    }
    return names.get(code, code)


def day_text(day: date) -> str:
    """A day as a person says it, in the interface language: "Saturday 12 December"."""
    from PySide6.QtCore import QDate, QLocale

    from selfcare.ui import i18n

    locale = QLocale(i18n.current_language())
    return locale.toString(QDate(day.year, day.month, day.day), tr("dddd d MMMM"))


def minutes_text(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return tr("About %n min", "", minutes)


def evidence_text(card: EvidenceCard) -> str:
    """One plain sentence on what the guideline says; a grade only where the card has one."""
    from selfcare.core.evidence import Wording

    if card.wording is Wording.OUTSIDE_THE_GUIDELINE:
        return tr("The SIO\u2013ASCO pain guideline (2022) does not cover nausea. In one "
                   "trial of women having chemotherapy (Dibble 2007), pressing PC6 eased "
                   "delayed nausea; the evidence is limited.")
    if card.recommendation is None:
        return tr("Not the subject of a guideline recommendation for pain; offered here "
                   "for relaxation.")
    procedural = card.pain_type is not None and card.pain_type.value == "procedural-pain"
    pain = tr("pain during medical procedures") if procedural else \
        tr("cancer or muscle and joint pain")
    what = {
        "acupressure": tr("acupressure or reflexology"),
        "imagery-with-pmr": tr("guided imagery with muscle relaxation"),
        "hypnosis": tr("hypnosis"),
    }.get(card.modality, card.modality)
    text = tr("SIO\u2013ASCO guideline (2022), recommendation %1: %2 may be offered for %3")\
        .replace("%1", card.recommendation).replace("%2", what).replace("%3", pain)
    if card.graded:
        return text + " " + tr("(intermediate evidence, moderate strength).")
    return text + "; " + tr("the evidence is limited.")


def language_name(lang: str) -> str:
    """The name of a session's language, written in that language so it is recognised."""
    return {"en": "English", "es": "Espa\u00f1ol"}.get(lang, lang)


def who_it_is_for(kind: str, modality: str) -> str:
    """Who a session suits, in one plain sentence."""
    if modality == "hypnosis":
        return tr("For the hour before a medical procedure such as a biopsy or a scan, or while "
                   "you wait. It goes alongside the care your team gives, never instead of it.")
    return {
        "imagery": tr("For anyone who can rest and listen, sitting or lying in bed, with eyes "
                       "open or closed. No movement is needed."),
        "pmr": tr("For tension, stress and trouble resting, sitting or lying down. Light "
                   "effort only; areas that hurt are relaxed, not tensed."),
        "acupressure": tr("For adults who can press comfortably with their own fingers, "
                           "sitting or lying down. Firm but never painful."),
        "breathing": tr("For anyone, sitting or lying down. No deep breaths and no holding "
                         "of the breath."),
    }.get(kind, tr("For anyone who can rest and listen."))


def when_to_stop(kind: str, modality: str) -> str:
    """When to stop, and when to call the care team, in plain words."""
    specific = {
        "imagery": tr("Stop if it brings up upsetting feelings or memories, and open your "
                       "eyes."),
        "pmr": tr("Skip any area that hurts, was operated on recently, or has lymphoedema, "
                   "a clot or a bone metastasis. Stop if you get a cramp or pain. Ask your care "
                   "team first if you have back problems or high blood pressure."),
        "acupressure": tr("Not on broken or swollen skin, a drip, line or port, a limb with "
                           "lymphoedema or a clot, or a tumour or bone metastasis; some points "
                           "are not for pregnancy. Light pressure only with low platelets or "
                           "blood thinners. Stop if it hurts or bruises."),
        "breathing": tr("If you feel dizzy, light-headed or short of breath, go back to "
                         "breathing normally."),
    }.get(kind, "")
    if modality == "hypnosis":
        specific = tr("Don't listen while driving. Tell the team doing the procedure that you "
                       "are using it; you can still ask them for pain relief at any time.")
    general = tr("Call your care team about new, worse or uncontrolled pain. In an "
                  "emergency, call your local emergency number.")
    return f"{specific} {general}".strip()


def point_location(code: str | None, lang: str) -> str:
    """How to find an acupressure point, in the session's language; '' for regions."""
    from selfcare.core.points import POINTS

    found = POINTS.get(code or "")
    if found is None:
        return ""
    return found.location.get(lang) or found.location.get("en", "")


def point_title(code: str, lang: str) -> str | None:
    """"LI4 · Hegu (Union Valley)" for a point code; None for a body region."""
    from selfcare.core.points import POINTS

    found = POINTS.get(code)
    if found is None:
        return None
    name = found.names.get(lang) or found.names.get("en", "")
    if code.upper() == found.pinyin.upper():  # extra points are coded by their own name
        return f"{found.pinyin} ({name})"
    return f"{code} \u00b7 {found.pinyin} ({name})"


def points_text(codes: list[str]) -> str:
    """The points a session presses, in order, each marked if it is not for pregnancy."""
    from selfcare.core.points import POINTS, Caution

    if not codes:
        return ""
    named = []
    for code in codes:
        found = POINTS.get(code)
        name = code if found is None or code.upper() != found.pinyin.upper() else found.pinyin
        if found is not None and Caution.PREGNANCY in found.cautions:
            name = tr("%1 (not in pregnancy)").replace("%1", name)
        named.append(name)
    return ", ".join(named)
