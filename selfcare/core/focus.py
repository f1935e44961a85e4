"""The vocabulary of `focus`: body regions for relaxation, point codes for acupressure.

A closed list on purpose: later safety rules (lymphoedema arm, pregnancy points)
act on these codes, so a typo in a script must be an error, not a silent miss.
The UI owns the words shown for each code; the core only knows the codes.

Each region is made of body parts, the smallest areas the body diagram draws
(`assets/diagrams/body.svg` has one element per part, with the part as its id).
The same map tells later safety rules that "arms" includes the left hand.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType


class FocusKind(StrEnum):
    REGION = "region"
    POINT = "point"


_SIDED = ("arm", "forearm", "hand", "shoulder", "thigh", "calf", "foot")
BODY_PARTS: tuple[str, ...] = (
    "head", "forehead", "eyes", "jaw", "neck", "chest", "abdomen", "upper-back", "lower-back",
    *(f"{part}-{side}" for part in _SIDED for side in ("right", "left")),
)


def _both(*parts: str) -> tuple[str, ...]:
    return tuple(f"{part}-{side}" for part in parts for side in ("right", "left"))


_REGION_PARTS: dict[str, tuple[str, ...]] = {
    "whole-body": BODY_PARTS,
    "face": ("head", "forehead", "eyes", "jaw"),
    "forehead": ("forehead",),
    "eyes": ("eyes",),
    "jaw": ("jaw",),
    "neck": ("neck",),
    "shoulders": (*_both("shoulder"), "upper-back"),
    "chest-shoulders": ("chest", *_both("shoulder"), "upper-back"),
    "trunk": ("chest", "abdomen", *_both("shoulder"), "upper-back", "lower-back"),
    "face-neck": ("head", "forehead", "eyes", "jaw", "neck"),
    "chest": ("chest",),
    "upper-back": ("upper-back",),
    "lower-back": ("lower-back",),
    "abdomen": ("abdomen",),
    "arms": _both("arm", "forearm", "hand"),
    "hands": _both("hand"),
    "legs": _both("thigh", "calf", "foot"),
    "feet": _both("foot"),
    **{f"{part}-{side}": (f"{part}-{side}",)
       for part in ("hand", "forearm", "arm", "thigh", "calf", "foot")
       for side in ("right", "left")},
    # the whole arm or leg of one side, for one-sided routines and safety rules
    "arm-right-whole": ("arm-right", "forearm-right", "hand-right"),
    "arm-left-whole": ("arm-left", "forearm-left", "hand-left"),
    "leg-right-whole": ("thigh-right", "calf-right", "foot-right"),
    "leg-left-whole": ("thigh-left", "calf-left", "foot-left"),
    # breathing: the player shows its pacer, growing on breath-in and shrinking on breath-out
    "breath": ("chest", "abdomen"),
    "breath-in": ("chest", "abdomen"),
    "breath-out": ("chest", "abdomen"),
}
REGION_PARTS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(_REGION_PARTS)

BREATH_IN = "breath-in"
BREATH_OUT = "breath-out"

# Codes follow WHO standard names where they exist; extra points carry a plain name.
_POINTS = (
    "LI4", "PC6", "HT7", "SP6", "LR3", "ST36", "KI3", "KI1", "GV20", "GB20",
    "YINTANG", "ANMIAN",
)

FOCUS_KINDS: dict[str, FocusKind] = {
    **{code: FocusKind.REGION for code in _REGION_PARTS},
    **{code: FocusKind.POINT for code in _POINTS},
}


def focus_kind(code: str) -> FocusKind | None:
    """The kind of a focus code, or None when the code is unknown."""
    return FOCUS_KINDS.get(code)


def body_parts(code: str) -> tuple[str, ...]:
    """The body parts a region covers; () for a point or an unknown code."""
    return REGION_PARTS.get(code, ())
