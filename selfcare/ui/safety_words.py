"""Words for a person's safety settings and for what was changed in a session because of them.

The core speaks in codes (`core.safety`, `core.tailoring`); the same words serve the
clinician's form, the patient's Today screen and the player, so a change always reads
the same: "SP6 left out: pregnancy".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfcare.ui.i18n import tr
from selfcare.ui.names import focus_name

if TYPE_CHECKING:
    from selfcare.core.safety import Reason, SafetyProfile
    from selfcare.core.tailoring import Change


def area_name(area: str) -> str:
    """A body area a clinician can mark (`core.safety.AREAS`), in plain words."""
    names = {
        "head": tr("Head"), "neck": tr("Neck"), "spine": tr("Spine"), "chest": tr("Chest"),
        "ribs": tr("Ribs"), "abdomen": tr("Stomach"), "pelvis-hips": tr("Pelvis and hips"),
        "upper-back": tr("Upper back"), "lower-back": tr("Lower back"),
        "shoulder-left": tr("Left shoulder"), "shoulder-right": tr("Right shoulder"),
        "arm-left": tr("Left arm"), "arm-right": tr("Right arm"),
        "leg-left": tr("Left leg"), "leg-right": tr("Right leg"),
    }
    return names.get(area, area)


def reason_text(reason: Reason) -> str:
    from selfcare.core.safety import Condition

    condition = {
        Condition.PREGNANCY: tr("pregnancy"),
        Condition.LYMPHOEDEMA: tr("lymphoedema"),
        Condition.LOW_PLATELETS: tr("low platelets or blood thinners"),
        Condition.BONE_METASTASES: tr("bone metastases"),
        Condition.LINE_OR_PORT: tr("line or port"),
        Condition.NEUROPATHY: tr("numbness"),
        Condition.RECENT_SURGERY: tr("recent surgery"),
    }[reason.condition]
    if reason.where is None:
        return condition
    where = {"hands": tr("hands"), "feet": tr("feet")}.get(reason.where) \
        or area_name(reason.where).lower()
    return tr("%1, %2").replace("%1", condition).replace("%2", where)


def change_text(change: Change) -> str:
    """One line a patient reads before and during the session."""
    from selfcare.core.tailoring import ChangeKind

    what = focus_name(change.code) if change.code not in _POINT_CODES() else change.code
    why = "; ".join(reason_text(reason) for reason in change.reasons)
    side = tr("right") if change.side == "right" else tr("left")
    line = {
        ChangeKind.LEFT_OUT: tr("%1 left out: %2"),
        ChangeKind.ONE_SIDE: tr("%1 on your %3 side only: %2"),
        ChangeKind.GENTLE: tr("%1 pressed gently: %2"),
        ChangeKind.RELAX_ONLY: tr("%1 relaxed, not tensed: %2"),
    }[change.kind].replace("%1", what).replace("%3", side).replace("%2", why)
    if change.check_skin:
        line += " " + tr("Check the skin afterwards.")
    return line


def profile_lines(profile: SafetyProfile) -> list[str]:
    """What is marked, one line each, for the clinician's summary and an import preview."""
    lines = []
    if profile.pregnancy:
        lines.append(tr("Pregnancy"))
    if profile.lymphoedema:
        lines.append(tr("Lymphoedema: %1").replace("%1", _areas(sorted(profile.lymphoedema))))
    if profile.low_platelets:
        lines.append(tr("Low platelets or blood thinners"))
    for label, areas in ((tr("Bone metastases: %1"), profile.bone_metastases),
                         (tr("Line or port: %1"), profile.line_or_port),
                         (tr("Recent surgery: %1"), profile.recent_surgery)):
        if areas:
            lines.append(label.replace("%1", _areas(sorted(areas))))
    numb = [tr("hands")] * profile.neuropathy_hands + [tr("feet")] * profile.neuropathy_feet
    if numb:
        lines.append(tr("Numbness (neuropathy): %1").replace("%1", ", ".join(numb)))
    if profile.note:
        lines.append(tr("Note: %1").replace("%1", profile.note))
    return lines


def _areas(areas: list[str]) -> str:
    return ", ".join(area_name(str(area)).lower() for area in areas)


def _POINT_CODES() -> frozenset[str]:  # noqa: N802 - reads as the constant it stands for
    from selfcare.core.points import POINTS

    return frozenset(POINTS)
