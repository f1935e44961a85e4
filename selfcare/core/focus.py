"""The vocabulary of `focus`: body regions for relaxation, point codes for acupressure.

A closed list on purpose: later safety rules (lymphoedema arm, pregnancy points)
act on these codes, so a typo in a script must be an error, not a silent miss.
The UI owns the words shown for each code; the core only knows the codes.
"""

from __future__ import annotations

from enum import StrEnum


class FocusKind(StrEnum):
    REGION = "region"
    POINT = "point"


_REGIONS = (
    "whole-body", "face", "forehead", "eyes", "jaw", "neck", "shoulders", "chest",
    "upper-back", "lower-back", "abdomen", "arms", "hands", "legs", "feet",
    "hand-right", "hand-left", "forearm-right", "forearm-left",
    "arm-right", "arm-left", "thigh-right", "thigh-left",
    "calf-right", "calf-left", "foot-right", "foot-left", "breath",
)

# Codes follow WHO standard names where they exist; extra points carry a plain name.
_POINTS = (
    "LI4", "PC6", "HT7", "SP6", "LR3", "ST36", "KI3", "KI1", "GV20", "GB20",
    "YINTANG", "ANMIAN",
)

FOCUS_KINDS: dict[str, FocusKind] = {
    **{code: FocusKind.REGION for code in _REGIONS},
    **{code: FocusKind.POINT for code in _POINTS},
}


def focus_kind(code: str) -> FocusKind | None:
    """The kind of a focus code, or None when the code is unknown."""
    return FOCUS_KINDS.get(code)
