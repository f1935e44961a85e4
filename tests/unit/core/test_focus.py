"""The focus vocabulary: regions made of body parts the diagram draws; points by code."""

from __future__ import annotations

from selfcare.core.focus import BODY_PARTS, FOCUS_KINDS, REGION_PARTS, FocusKind, body_parts


def test_every_region_is_made_of_known_body_parts():
    for region, parts in REGION_PARTS.items():
        assert parts, region
        assert set(parts) <= set(BODY_PARTS), region


def test_every_body_part_is_also_reachable_as_part_of_the_whole_body():
    assert set(body_parts("whole-body")) == set(BODY_PARTS)


def test_both_arms_include_each_hand_so_a_left_arm_rule_can_find_it():
    assert {"hand-left", "forearm-left", "arm-left"} <= set(body_parts("arms"))
    assert "hand-left" in body_parts("arm-left-whole")
    assert "hand-right" not in body_parts("arm-left-whole")


def test_points_and_unknown_codes_have_no_body_parts():
    assert body_parts("LI4") == ()
    assert body_parts("elbow-ish") == ()


def test_every_code_is_a_region_or_a_point():
    assert {FocusKind.REGION, FocusKind.POINT} == set(FOCUS_KINDS.values())
    assert all(FOCUS_KINDS[code] is FocusKind.REGION for code in REGION_PARTS)
