"""Safety rules: every condition a clinician can mark changes points and regions as it should."""

from __future__ import annotations

import pytest

from selfcare.core.points import POINTS
from selfcare.core.safety import (
    AREAS,
    Condition,
    Limb,
    PointAction,
    Reason,
    RegionAction,
    SafetyProfile,
    advice_for,
    point_advice,
    region_advice,
)

OUT, ONE, PRESS = PointAction.LEAVE_OUT, PointAction.ONE_SIDE, PointAction.PRESS
BOTH = frozenset({"left", "right"})
LEFT, RIGHT, NONE = frozenset({"left"}), frozenset({"right"}), frozenset()
ARM_L, LEG_R = frozenset({Limb.ARM_LEFT}), frozenset({Limb.LEG_RIGHT})


def test_with_nothing_marked_every_point_is_pressed_and_every_region_tensed() -> None:
    nothing = SafetyProfile()
    for code, found in POINTS.items():
        advice = point_advice(code, nothing)
        assert (advice.action, advice.avoid_sides, advice.reasons) == (PRESS, NONE, ())
        assert advice.gentle is found.gentle
    for region in ("arms", "legs", "trunk", "face-neck", "whole-body"):
        assert region_advice(region, nothing).action is RegionAction.TENSE


@pytest.mark.parametrize(("profile", "code", "action", "avoid", "reason"), [
    # pregnancy: the points traditionally avoided are left out, others stay
    (SafetyProfile(pregnancy=True), "SP6", OUT, BOTH, Reason(Condition.PREGNANCY)),
    (SafetyProfile(pregnancy=True), "LI4", OUT, BOTH, Reason(Condition.PREGNANCY)),
    (SafetyProfile(pregnancy=True), "PC6", PRESS, NONE, None),
    # lymphoedema: the affected limb's side only
    (SafetyProfile(lymphoedema=ARM_L), "LI4", ONE, LEFT,
     Reason(Condition.LYMPHOEDEMA, "arm-left")),
    (SafetyProfile(lymphoedema=ARM_L), "PC6", ONE, LEFT,
     Reason(Condition.LYMPHOEDEMA, "arm-left")),
    (SafetyProfile(lymphoedema=ARM_L), "HT7", ONE, LEFT,
     Reason(Condition.LYMPHOEDEMA, "arm-left")),
    (SafetyProfile(lymphoedema=ARM_L), "SP6", PRESS, NONE, None),
    (SafetyProfile(lymphoedema=frozenset(Limb)), "LI4", OUT, BOTH,
     Reason(Condition.LYMPHOEDEMA, "arm-left")),
    (SafetyProfile(lymphoedema=LEG_R), "SP6", ONE, RIGHT,
     Reason(Condition.LYMPHOEDEMA, "leg-right")),
    (SafetyProfile(lymphoedema=LEG_R), "KI1", ONE, RIGHT,
     Reason(Condition.LYMPHOEDEMA, "leg-right")),
    (SafetyProfile(lymphoedema=LEG_R), "GV20", PRESS, NONE, None),
    # a line or port: not on the limb that carries it; a chest port leaves limbs alone
    (SafetyProfile(line_or_port=frozenset({"arm-right"})), "PC6", ONE, RIGHT,
     Reason(Condition.LINE_OR_PORT, "arm-right")),
    (SafetyProfile(line_or_port=frozenset({"arm-right"})), "LI4", ONE, RIGHT,
     Reason(Condition.LINE_OR_PORT, "arm-right")),
    (SafetyProfile(line_or_port=frozenset({"chest"})), "PC6", PRESS, NONE, None),
    (SafetyProfile(line_or_port=frozenset({"neck"})), "ANMIAN", OUT, BOTH,
     Reason(Condition.LINE_OR_PORT, "neck")),
    # bone metastases: never over the area, on any point
    (SafetyProfile(bone_metastases=frozenset({"spine"})), "GB20", OUT, BOTH,
     Reason(Condition.BONE_METASTASES, "spine")),
    (SafetyProfile(bone_metastases=frozenset({"spine"})), "GV20", PRESS, NONE, None),
    (SafetyProfile(bone_metastases=frozenset({"leg-left"})), "ST36", ONE, LEFT,
     Reason(Condition.BONE_METASTASES, "leg-left")),
    (SafetyProfile(bone_metastases=frozenset({"head"})), "YINTANG", OUT, BOTH,
     Reason(Condition.BONE_METASTASES, "head")),
    # recent surgery: never over the site
    (SafetyProfile(recent_surgery=frozenset({"head"})), "GV20", OUT, BOTH,
     Reason(Condition.RECENT_SURGERY, "head")),
    (SafetyProfile(recent_surgery=frozenset({"arm-left"})), "HT7", ONE, LEFT,
     Reason(Condition.RECENT_SURGERY, "arm-left")),
    (SafetyProfile(recent_surgery=frozenset({"abdomen"})), "SP6", PRESS, NONE, None),
], ids=lambda value: getattr(value, "value", None) if not isinstance(value, SafetyProfile)
   else None)
def test_each_condition_leaves_out_the_right_points_on_the_right_side(
        profile, code, action, avoid, reason) -> None:
    advice = point_advice(code, profile)
    assert (advice.action, advice.avoid_sides) == (action, avoid)
    assert advice.press_sides == tuple(s for s in ("left", "right") if s not in avoid)
    if reason is None:
        assert advice.reasons == ()
    else:
        assert reason in advice.reasons


def test_low_platelets_make_every_point_gentle_and_say_why() -> None:
    profile = SafetyProfile(low_platelets=True)
    for code in POINTS:
        advice = point_advice(code, profile)
        assert advice.action is PRESS and advice.gentle
        assert Reason(Condition.LOW_PLATELETS) in advice.reasons


@pytest.mark.parametrize(("profile", "numb", "not_numb"), [
    (SafetyProfile(neuropathy_hands=True), ["LI4", "HT7"], ["SP6", "KI1", "PC6", "GV20"]),
    (SafetyProfile(neuropathy_feet=True), ["KI1", "LR3", "KI3"], ["LI4", "SP6", "GV20"]),
])
def test_neuropathy_softens_pressure_and_asks_to_check_the_skin(profile, numb, not_numb) -> None:
    for code in numb:
        advice = point_advice(code, profile)
        assert (advice.action, advice.gentle, advice.check_skin) == (PRESS, True, True), code
        assert any(r.condition is Condition.NEUROPATHY for r in advice.reasons)
    for code in not_numb:
        assert not point_advice(code, profile).check_skin, code


def test_a_point_left_out_on_both_sides_carries_every_reason() -> None:
    profile = SafetyProfile(lymphoedema=ARM_L, line_or_port=frozenset({"arm-right"}))
    advice = point_advice("PC6", profile)
    assert advice.action is OUT
    assert set(advice.reasons) == {Reason(Condition.LYMPHOEDEMA, "arm-left"),
                                   Reason(Condition.LINE_OR_PORT, "arm-right")}


@pytest.mark.parametrize(("profile", "relax_only", "tense"), [
    (SafetyProfile(lymphoedema=ARM_L), ["arms", "hands", "hand-left", "arm-left-whole"],
     ["hand-right", "legs", "trunk", "face-neck"]),
    (SafetyProfile(lymphoedema=LEG_R), ["legs", "feet", "leg-right-whole"],
     ["arms", "leg-left-whole"]),
    (SafetyProfile(bone_metastases=frozenset({"spine"})), ["trunk", "face-neck", "neck"],
     ["arms", "legs", "face"]),
    (SafetyProfile(recent_surgery=frozenset({"abdomen"})), ["trunk", "abdomen"],
     ["chest-shoulders", "arms"]),
    (SafetyProfile(line_or_port=frozenset({"chest"})), ["trunk", "chest"], ["arms"]),
    (SafetyProfile(pregnancy=True), ["trunk", "abdomen"], ["arms", "chest", "legs"]),
])
def test_muscle_groups_near_a_condition_are_relaxed_not_tensed(profile, relax_only,
                                                               tense) -> None:
    for region in relax_only:
        advice = region_advice(region, profile)
        assert advice.action is RegionAction.RELAX_ONLY, region
        assert advice.reasons, region
    for region in tense:
        assert region_advice(region, profile).action is RegionAction.TENSE, region


def test_advice_for_a_session_covers_each_code_once() -> None:
    found = advice_for(["SP6", "arms", "SP6", "chime-not-a-code", "LI4"],
                       SafetyProfile(pregnancy=True))
    assert list(found) == ["SP6", "arms", "LI4"]


def test_an_unknown_area_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="knee"):
        SafetyProfile(bone_metastases=frozenset({"knee"}))
    assert "spine" in AREAS and "arm-left" in AREAS
