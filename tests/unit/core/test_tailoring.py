"""A session tailored to a person's safety profile: what is left out, kept, softened, and why."""

from __future__ import annotations

import pytest

from selfcare.core.safety import Condition, Limb, Reason, SafetyProfile
from selfcare.core.scripts import SessionScript
from selfcare.core.tailoring import ChangeKind, plain_english, tailor
from selfcare.library import resolve_script

PREGNANT_LEFT_ARM = SafetyProfile(pregnancy=True, lymphoedema=frozenset({Limb.ARM_LEFT}))


def script(script_id: str) -> SessionScript:
    found = resolve_script(script_id).script
    assert found is not None
    return found


def foci(session: SessionScript) -> list[str]:
    return [step.focus for step in session.steps if step.focus]


def test_nothing_known_changes_nothing() -> None:
    original = script("acupressure-relaxing")
    for profile in (None, SafetyProfile()):
        tailored = tailor(original, profile)
        assert tailored.script is original
        assert not tailored.changed and tailored.left_out_steps == ()


def test_pregnancy_and_a_left_arm_lymphoedema_drop_sp6_and_the_other_wrist() -> None:
    original = script("acupressure-relaxing")
    tailored = tailor(original, PREGNANT_LEFT_ARM)
    assert "SP6" not in foci(tailored.script)
    assert foci(tailored.script).count("HT7") == foci(original).count("HT7") // 2
    changes = {change.code: change for change in tailored.changes}
    assert changes["SP6"].kind is ChangeKind.LEFT_OUT
    assert changes["SP6"].reasons == (Reason(Condition.PREGNANCY),)
    assert changes["HT7"].kind is ChangeKind.ONE_SIDE and changes["HT7"].side == "right"
    assert changes["HT7"].reasons == (Reason(Condition.LYMPHOEDEMA, "arm-left"),)
    assert plain_english(changes["SP6"]) == "SP6 left out: pregnancy"


def test_points_off_the_arms_are_untouched_and_steps_keep_their_numbers() -> None:
    original = script("acupressure-relaxing")
    tailored = tailor(original, PREGNANT_LEFT_ARM)
    assert {"YINTANG", "ANMIAN", "LR3"} <= set(foci(tailored.script))
    by_number = {step.number: step for step in original.steps}
    for step in tailored.script.steps:  # the recorded narration NNN.ogg still fits
        assert step == by_number[step.number]
    assert set(tailored.left_out_steps).isdisjoint(s.number for s in tailored.script.steps)


def test_the_words_leading_into_a_left_out_point_go_with_it() -> None:
    tailored = tailor(script("acupressure-relaxing"), SafetyProfile(pregnancy=True))
    spoken = " ".join(step.say.get("en", "") for step in tailored.script.steps)
    assert "inner ankle" not in spoken  # how to find SP6
    assert "other leg" not in spoken


def test_lymphoedema_of_both_arms_leaves_out_a_hand_point_entirely() -> None:
    both = SafetyProfile(lymphoedema=frozenset({Limb.ARM_LEFT, Limb.ARM_RIGHT}))
    tailored = tailor(script("acupressure-li4"), both)
    assert "LI4" not in foci(tailored.script)
    assert [c.kind for c in tailored.changes] == [ChangeKind.LEFT_OUT]
    assert len(tailored.changes[0].reasons) == 2


def test_low_platelets_soften_pressure_without_leaving_anything_out() -> None:
    original = script("acupressure-stimulating")
    tailored = tailor(original, SafetyProfile(low_platelets=True))
    assert tailored.script.steps == original.steps
    assert tailored.changes and all(c.kind is ChangeKind.GENTLE for c in tailored.changes)
    assert all(Reason(Condition.LOW_PLATELETS) in c.reasons for c in tailored.changes)


def test_numb_feet_mean_gentle_pressure_and_a_skin_check_on_foot_points() -> None:
    tailored = tailor(script("acupressure-relaxing"), SafetyProfile(neuropathy_feet=True))
    lr3 = next(c for c in tailored.changes if c.code == "LR3")
    assert lr3.kind is ChangeKind.GENTLE and lr3.check_skin


def test_relaxation_relaxes_a_lymphoedema_arm_without_tensing_it() -> None:
    original = script("pmr-7-groups")
    tailored = tailor(original, SafetyProfile(lymphoedema=frozenset({Limb.ARM_LEFT})))
    left_arm = [s for s in tailored.script.steps if s.focus == "arm-left-whole"]
    assert left_arm and all(step.hold == 0 for step in left_arm)
    letting_go = [s for s in original.steps if s.focus == "arm-left-whole" and s.hold == 0]
    assert all(step in tailored.script.steps for step in letting_go)
    quiet = [s for s in left_arm if not s.say]
    assert quiet and quiet[0].cue == "chime"  # the area is still announced by its chime
    right_arm = [s for s in tailored.script.steps if s.focus == "arm-right-whole"]
    assert any(step.hold > 0 for step in right_arm)
    assert [(c.code, c.kind) for c in tailored.changes] == [("arm-left-whole",
                                                              ChangeKind.RELAX_ONLY)]


def test_pregnancy_relaxes_the_stomach_in_relaxation() -> None:
    tailored = tailor(script("pmr-16-groups"), SafetyProfile(pregnancy=True))
    assert all(s.hold == 0 for s in tailored.script.steps if s.focus == "abdomen")
    assert any(c.code == "abdomen" for c in tailored.changes)


def test_reflexology_leaves_out_a_lymphoedema_foot_and_keeps_the_other() -> None:
    tailored = tailor(script("reflexology-feet"),
                      SafetyProfile(lymphoedema=frozenset({Limb.LEG_RIGHT})))
    assert "foot-right" not in foci(tailored.script)
    assert "foot-left" in foci(tailored.script)


@pytest.mark.parametrize("script_id", ["imagery-garden", "breathing-slow"])
def test_imagery_and_breathing_are_never_changed(script_id: str) -> None:
    everything = SafetyProfile(pregnancy=True, lymphoedema=frozenset(Limb), low_platelets=True,
                               bone_metastases=frozenset({"spine"}), neuropathy_feet=True)
    assert not tailor(script(script_id), everything).changed


def test_a_session_with_nothing_safe_left_still_has_a_step() -> None:
    everything = SafetyProfile(lymphoedema=frozenset({Limb.ARM_LEFT, Limb.ARM_RIGHT}))
    tailored = tailor(script("acupressure-li4-short"), everything)
    assert tailored.script.steps
