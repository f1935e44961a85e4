"""What a person's health conditions mean for the points they press and the muscles they tense.

A clinician marks what applies to one patient (`SafetyProfile`); these small rules turn
it into advice per acupressure point and per relaxation region, each with the reasons a
person will see ("SP6 left out: pregnancy"). The rules are data (`Caution` tags on each
point in `points.py`, body parts in `focus.py`, the areas below) plus a few functions,
and they lean to caution: when in doubt, a point is left out on that side, and a muscle
group is relaxed without tensing. Sources: domain_facts §2.3 (acupressure cautions) and
§3.4 (PMR safety).

The rules act on codes; applying them to a session's steps (dropping a step, keeping one
side) is the session builder's job.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from selfcare.core.focus import BODY_PARTS, REGION_PARTS, body_parts
from selfcare.core.points import POINTS, Caution, Side, point

SIDES = ("left", "right")


class Limb(StrEnum):
    ARM_LEFT = "arm-left"
    ARM_RIGHT = "arm-right"
    LEG_LEFT = "leg-left"
    LEG_RIGHT = "leg-right"

    @property
    def parts(self) -> tuple[str, ...]:
        limb, side = self.value.split("-")
        return REGION_PARTS[f"{limb}-{side}-whole"]


# Areas a clinician can name for bone metastases, surgery, lines and ports, as body parts.
AREAS: dict[str, tuple[str, ...]] = {
    "head": ("head", "forehead", "eyes", "jaw"),
    "neck": ("neck",),
    "spine": ("neck", "upper-back", "lower-back"),
    "chest": ("chest",),
    "ribs": ("chest", "upper-back"),
    "abdomen": ("abdomen",),
    "pelvis-hips": ("lower-back", "abdomen", "thigh-left", "thigh-right"),
    "upper-back": ("upper-back",),
    "lower-back": ("lower-back",),
    "shoulder-left": ("shoulder-left",),
    "shoulder-right": ("shoulder-right",),
    **{limb.value: limb.parts for limb in Limb},
}

# Where each point lies: for a pair, the part without its side (a hand on each side; the
# neck is one part, so both sides of a neck point share it); for a midline point, its part.
POINT_PARTS: dict[str, tuple[str, ...]] = {
    "LI4": ("hand",),
    "PC6": ("forearm",),
    "HT7": ("forearm", "hand"),  # the wrist crease
    "SP6": ("calf",),
    "LR3": ("foot",),
    "ST36": ("calf",),  # just below the knee
    "KI3": ("foot",),  # beside the inner ankle
    "KI1": ("foot",),
    "GV20": ("head",),
    "GB20": ("neck",),
    "YINTANG": ("forehead",),
    "ANMIAN": ("neck",),
}


class Condition(StrEnum):
    PREGNANCY = "pregnancy"
    LYMPHOEDEMA = "lymphoedema"
    LOW_PLATELETS = "low-platelets"  # or anticoagulants
    BONE_METASTASES = "bone-metastases"
    LINE_OR_PORT = "line-or-port"
    NEUROPATHY = "neuropathy"
    RECENT_SURGERY = "recent-surgery"


@dataclass(frozen=True, slots=True)
class SafetyProfile:
    """What applies to one person; empty means nothing known that changes the content."""

    pregnancy: bool = False
    lymphoedema: frozenset[Limb] = frozenset()
    low_platelets: bool = False  # or taking anticoagulants: gentle pressure only
    bone_metastases: frozenset[str] = frozenset()  # AREAS keys
    line_or_port: frozenset[str] = frozenset()  # AREAS keys
    neuropathy_hands: bool = False
    neuropathy_feet: bool = False
    recent_surgery: frozenset[str] = frozenset()  # AREAS keys
    note: str = ""

    def __post_init__(self) -> None:
        for name in ("bone_metastases", "line_or_port", "recent_surgery"):
            unknown = set(getattr(self, name)) - set(AREAS)
            if unknown:
                raise ValueError(f"{name}: unknown area {sorted(unknown)}; "
                                 f"known: {', '.join(AREAS)}")

    def parts(self, condition: Condition) -> frozenset[str]:
        """The body parts a condition concerns, for the conditions that have a place."""
        if condition is Condition.LYMPHOEDEMA:
            return frozenset(p for limb in self.lymphoedema for p in limb.parts)
        areas = {Condition.BONE_METASTASES: self.bone_metastases,
                 Condition.RECENT_SURGERY: self.recent_surgery,
                 Condition.LINE_OR_PORT: self.line_or_port}.get(condition, frozenset())
        return frozenset(p for area in areas for p in AREAS[area])


def safety_json(profile: SafetyProfile) -> dict[str, Any]:
    """The profile as plain JSON values, as stored and as written in a plan file."""
    return {"pregnancy": profile.pregnancy,
            "lymphoedema": sorted(limb.value for limb in profile.lymphoedema),
            "low_platelets": profile.low_platelets,
            "bone_metastases": sorted(profile.bone_metastases),
            "line_or_port": sorted(profile.line_or_port),
            "neuropathy_hands": profile.neuropathy_hands,
            "neuropathy_feet": profile.neuropathy_feet,
            "recent_surgery": sorted(profile.recent_surgery),
            "note": profile.note}


def safety_from_json(raw: Mapping[str, Any]) -> SafetyProfile:
    """The profile from `safety_json`'s values; ValueError names an unknown limb or area."""
    try:
        return SafetyProfile(
            pregnancy=bool(raw.get("pregnancy", False)),
            lymphoedema=frozenset(Limb(limb) for limb in raw.get("lymphoedema", ())),
            low_platelets=bool(raw.get("low_platelets", False)),
            bone_metastases=frozenset(raw.get("bone_metastases", ())),
            line_or_port=frozenset(raw.get("line_or_port", ())),
            neuropathy_hands=bool(raw.get("neuropathy_hands", False)),
            neuropathy_feet=bool(raw.get("neuropathy_feet", False)),
            recent_surgery=frozenset(raw.get("recent_surgery", ())),
            note=str(raw.get("note", "")))
    except TypeError as exc:
        raise ValueError(f"not a safety profile: {exc}") from None


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the advice changed: a condition, and where (an area, a limb, or None)."""

    condition: Condition
    where: str | None = None


class PointAction(StrEnum):
    PRESS = "press"
    ONE_SIDE = "one-side"  # a pair pressed on one side only
    LEAVE_OUT = "leave-out"


@dataclass(frozen=True, slots=True)
class PointAdvice:
    code: str
    action: PointAction
    avoid_sides: frozenset[str] = frozenset()  # "left", "right"
    gentle: bool = False  # light pressure only
    check_skin: bool = False  # look at the skin afterwards (reduced feeling)
    reasons: tuple[Reason, ...] = ()

    @property
    def press_sides(self) -> tuple[str, ...]:
        return tuple(side for side in SIDES if side not in self.avoid_sides)


class RegionAction(StrEnum):
    TENSE = "tense"  # tense lightly, then let go, as the script says
    RELAX_ONLY = "relax-only"  # no tensing here: let it rest and relax


@dataclass(frozen=True, slots=True)
class RegionAdvice:
    code: str
    action: RegionAction
    reasons: tuple[Reason, ...] = field(default=())


def point_advice(code: str, profile: SafetyProfile) -> PointAdvice:
    """How (or whether) this person should press point `code`."""
    found = point(code)
    if profile.pregnancy and Caution.PREGNANCY in found.cautions:
        return PointAdvice(code, PointAction.LEAVE_OUT, frozenset(SIDES),
                           reasons=(Reason(Condition.PREGNANCY),))
    reasons: list[Reason] = []
    if found.sides is Side.BOTH:
        avoid = set()
        for side in SIDES:
            parts = {f"{part}-{side}" if f"{part}-{side}" in BODY_PARTS else part
                     for part in POINT_PARTS[code]}
            side_reasons = _place_reasons(found.cautions, parts, profile)
            if side_reasons:
                avoid.add(side)
                reasons.extend(side_reasons)
        action = (PointAction.LEAVE_OUT if len(avoid) == len(SIDES)
                  else PointAction.ONE_SIDE if avoid else PointAction.PRESS)
        avoided = frozenset(avoid)
    else:
        reasons = _place_reasons(found.cautions, set(POINT_PARTS[code]), profile)
        action = PointAction.LEAVE_OUT if reasons else PointAction.PRESS
        avoided = frozenset(SIDES) if reasons else frozenset()
    numb = _numb(code, profile)
    gentle = found.gentle or (profile.low_platelets and Caution.LOW_PLATELETS in found.cautions)
    if action is not PointAction.LEAVE_OUT:
        if profile.low_platelets and Caution.LOW_PLATELETS in found.cautions:
            reasons.append(Reason(Condition.LOW_PLATELETS))
        if numb:
            reasons.append(Reason(Condition.NEUROPATHY, numb))
    return PointAdvice(code, action, avoided, gentle=gentle or bool(numb),
                       check_skin=bool(numb), reasons=tuple(_unique(reasons)))


def _place_reasons(cautions: frozenset[Caution], parts: set[str], profile: SafetyProfile
                   ) -> list[Reason]:
    """Conditions that forbid pressing on these body parts."""
    reasons = []
    if Caution.LYMPHOEDEMA_LIMB in cautions:
        for limb in sorted(profile.lymphoedema):
            if parts & set(limb.parts):
                reasons.append(Reason(Condition.LYMPHOEDEMA, limb.value))
    # "over or near" a line or port: anywhere on the limb that carries it, any point
    for area in sorted(profile.line_or_port):
        near = set(AREAS[area]) | {p for limb in Limb if set(AREAS[area]) & set(limb.parts)
                                   for p in limb.parts}
        if parts & near:
            reasons.append(Reason(Condition.LINE_OR_PORT, area))
    # never over a bone metastasis or a recent operation, whatever the point's tags
    for condition, areas in ((Condition.BONE_METASTASES, profile.bone_metastases),
                             (Condition.RECENT_SURGERY, profile.recent_surgery)):
        for area in sorted(areas):
            if parts & set(AREAS[area]):
                reasons.append(Reason(condition, area))
    return reasons


def _numb(code: str, profile: SafetyProfile) -> str | None:
    if Caution.NEUROPATHY not in point(code).cautions:
        return None
    where = POINT_PARTS[code]
    if profile.neuropathy_hands and "hand" in where:
        return "hands"
    if profile.neuropathy_feet and "foot" in where:
        return "feet"
    return None


def region_advice(code: str, profile: SafetyProfile) -> RegionAdvice:
    """Whether this person should tense region `code` in muscle relaxation, or only relax it."""
    parts = set(body_parts(code))
    reasons: list[Reason] = []
    for limb in sorted(profile.lymphoedema):
        if parts & set(limb.parts):
            reasons.append(Reason(Condition.LYMPHOEDEMA, limb.value))
    for condition, areas in ((Condition.BONE_METASTASES, profile.bone_metastases),
                             (Condition.RECENT_SURGERY, profile.recent_surgery),
                             (Condition.LINE_OR_PORT, profile.line_or_port)):
        for area in sorted(areas):
            if parts & set(AREAS[area]):
                reasons.append(Reason(condition, area))
    if profile.pregnancy and "abdomen" in parts:
        reasons.append(Reason(Condition.PREGNANCY, "abdomen"))
    action = RegionAction.RELAX_ONLY if reasons else RegionAction.TENSE
    return RegionAdvice(code, action, tuple(_unique(reasons)))


def advice_for(codes: Iterable[str], profile: SafetyProfile
               ) -> dict[str, PointAdvice | RegionAdvice]:
    """Advice for every point and region code given, once each."""
    found: dict[str, PointAdvice | RegionAdvice] = {}
    for code in dict.fromkeys(codes):
        if code in POINTS:
            found[code] = point_advice(code, profile)
        elif code in REGION_PARTS:
            found[code] = region_advice(code, profile)
    return found


def _unique(reasons: list[Reason]) -> list[Reason]:
    return list(dict.fromkeys(reasons))


def _check() -> None:
    if set(POINT_PARTS) != set(POINTS):
        raise RuntimeError(f"safety.py and points.py disagree: {set(POINT_PARTS) ^ set(POINTS)}")
    every_part = {p for parts in REGION_PARTS.values() for p in parts}
    for area, parts in AREAS.items():
        if not set(parts) <= every_part:
            raise RuntimeError(f"area {area} names unknown body parts")


_check()
