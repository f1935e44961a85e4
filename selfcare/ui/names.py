"""Words for the codes the core uses: session kinds and focus regions or points.

The core speaks in codes; this is where they become translatable text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from selfcare.core.evidence import EvidenceCard


def _tr(text: str) -> str:
    return QCoreApplication.translate("names", text)


def kind_name(kind: str) -> str:
    names = {
        "imagery": _tr("Guided imagery"),
        "pmr": _tr("Muscle relaxation"),
        "acupressure": _tr("Self-acupressure"),
        "breathing": _tr("Breathing"),
    }
    return names.get(kind, kind)


def focus_name(code: str) -> str:
    """A person's words for a body region (points are named from `core.points`)."""
    names = {
        "whole-body": _tr("Whole body"), "face": _tr("Face"), "forehead": _tr("Forehead"),
        "eyes": _tr("Eyes"), "jaw": _tr("Jaw"), "neck": _tr("Neck"),
        "shoulders": _tr("Shoulders and upper back"), "chest": _tr("Chest"),
        "upper-back": _tr("Upper back"), "lower-back": _tr("Lower back"),
        "abdomen": _tr("Stomach"), "arms": _tr("Both arms and hands"),
        "hands": _tr("Both hands"), "legs": _tr("Both legs and feet"), "feet": _tr("Both feet"),
        "hand-right": _tr("Right hand"), "hand-left": _tr("Left hand"),
        "forearm-right": _tr("Right forearm"), "forearm-left": _tr("Left forearm"),
        "arm-right": _tr("Right upper arm"), "arm-left": _tr("Left upper arm"),
        "thigh-right": _tr("Right thigh"), "thigh-left": _tr("Left thigh"),
        "calf-right": _tr("Right calf"), "calf-left": _tr("Left calf"),
        "foot-right": _tr("Right foot"), "foot-left": _tr("Left foot"),
        "breath": _tr("Breath"),
    }
    return names.get(code, code)


def minutes_text(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return QCoreApplication.translate("names", "About %n min", "", minutes)


def evidence_text(card: EvidenceCard) -> str:
    """One plain sentence on what the guideline says; a grade only where the card has one."""
    if card.recommendation is None:
        return _tr("Not the subject of a guideline recommendation for pain; offered here "
                   "for relaxation.")
    procedural = card.pain_type is not None and card.pain_type.value == "procedural-pain"
    pain = _tr("pain during medical procedures") if procedural else \
        _tr("cancer or muscle and joint pain")
    what = {
        "acupressure": _tr("acupressure or reflexology"),
        "imagery-with-pmr": _tr("guided imagery with muscle relaxation"),
        "hypnosis": _tr("hypnosis"),
    }.get(card.modality, card.modality)
    text = _tr("SIO\u2013ASCO guideline (2022), recommendation %1: %2 may be offered for %3")\
        .replace("%1", card.recommendation).replace("%2", what).replace("%3", pain)
    if card.graded:
        return text + " " + _tr("(intermediate evidence, moderate strength).")
    return text + "; " + _tr("the evidence is limited.")


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
