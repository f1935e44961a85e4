"""Point reference data: matches focus.py, bilingual, cautions per domain_facts §2.2-2.3."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError

import pytest

from selfcare.core.focus import FOCUS_KINDS, FocusKind
from selfcare.core.points import LANGS, POINTS, Caution, Point, Side, point, points_with

FOCUS_POINTS = {code for code, kind in FOCUS_KINDS.items() if kind is FocusKind.POINT}
ARM_POINTS = {"LI4", "PC6", "HT7"}
LEG_POINTS = {"SP6", "LR3", "ST36", "KI3", "KI1"}
LIMB_POINTS = ARM_POINTS | LEG_POINTS
SPANISH_WORDS = {"el", "la", "los", "las", "de", "del", "en", "y", "que", "hay", "está"}
ENGLISH_WORDS = {"the", "your", "of", "and", "on", "is", "between", "find"}


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_every_focus_point_has_a_point_and_vice_versa():
    assert set(POINTS) == FOCUS_POINTS


def test_keys_match_codes():
    for code, p in POINTS.items():
        assert p.code == code


@pytest.mark.parametrize("code", sorted(FOCUS_POINTS))
def test_names_and_locations_in_every_language(code: str):
    p = point(code)
    assert set(p.names) == set(LANGS) == set(p.location)
    for lang in LANGS:
        assert p.names[lang].strip(), (code, lang)
        assert p.location[lang].strip(), (code, lang)
    assert p.pinyin.strip()


@pytest.mark.parametrize("code", sorted(FOCUS_POINTS))
def test_spanish_is_spanish_not_an_english_copy(code: str):
    p = point(code)
    assert p.names["es"].casefold() != p.names["en"].casefold()
    assert p.location["es"] != p.location["en"]
    es_words = words(p.location["es"])
    assert es_words & SPANISH_WORDS, p.location["es"]
    assert not es_words & ENGLISH_WORDS, es_words & ENGLISH_WORDS
    # Names: at least one Spanish word the English name does not have.
    assert words(p.names["es"]) - words(p.names["en"]), p.names


def test_locations_use_lay_landmarks_not_cun():
    for p in POINTS.values():
        for lang in LANGS:
            assert "cun" not in words(p.location[lang]), (p.code, lang)


@pytest.mark.parametrize("code", ["LI4", "SP6"])
def test_pregnancy_caution(code: str):
    assert Caution.PREGNANCY in point(code).cautions


def test_pregnancy_points_are_exactly_li4_and_sp6():
    assert {p.code for p in points_with(Caution.PREGNANCY)} == {"LI4", "SP6"}


@pytest.mark.parametrize("code", sorted(LIMB_POINTS))
def test_limb_points_carry_lymphoedema_and_dvt(code: str):
    cautions = point(code).cautions
    assert Caution.LYMPHOEDEMA_LIMB in cautions
    assert Caution.DVT_LIMB in cautions


def test_only_limb_points_carry_limb_cautions():
    for caution in (Caution.LYMPHOEDEMA_LIMB, Caution.DVT_LIMB):
        assert {p.code for p in points_with(caution)} == LIMB_POINTS


@pytest.mark.parametrize("code", sorted(ARM_POINTS))
def test_arm_points_avoid_lines_and_ports(code: str):
    assert Caution.LINE_OR_PORT in point(code).cautions


@pytest.mark.parametrize("code", ["LI4", "HT7", "LR3", "KI3", "KI1"])
def test_hand_and_foot_points_carry_neuropathy(code: str):
    assert Caution.NEUROPATHY in point(code).cautions


@pytest.mark.parametrize("code", sorted(FOCUS_POINTS))
def test_every_point_carries_skin_and_platelet_cautions(code: str):
    cautions = point(code).cautions
    assert Caution.BROKEN_SKIN in cautions
    assert Caution.LOW_PLATELETS in cautions


def test_table_cautions():
    assert Caution.TUMOUR_OR_BONE_METASTASIS in point("ST36").cautions
    assert Caution.TUMOUR_OR_BONE_METASTASIS in point("GB20").cautions
    assert Caution.SPINAL_INSTABILITY in point("GB20").cautions
    assert Caution.TUMOUR_OR_BONE_METASTASIS in point("GV20").cautions
    assert Caution.NECK_FRONT in point("ANMIAN").cautions


def test_sides():
    midline = {p.code for p in POINTS.values() if p.sides is Side.MIDLINE}
    assert midline == {"GV20", "YINTANG"}
    assert all(p.sides in (Side.BOTH, Side.MIDLINE) for p in POINTS.values())


def test_unverified_locations_follow_the_marks():
    # §2.2: Yintang [P], Anmian [P]/[M], KI1 [M]; every other row [V].
    assert {p.code for p in POINTS.values() if not p.verified} == {"YINTANG", "ANMIAN", "KI1"}


def test_gentle_points():
    assert {p.code for p in POINTS.values() if p.gentle} == {"GV20", "YINTANG", "ANMIAN"}


def test_unknown_code_raises_key_error_naming_it():
    with pytest.raises(KeyError) as info:
        point("XX")
    assert "XX" in str(info.value.args[0])


def test_region_code_is_not_a_point():
    with pytest.raises(KeyError, match="hand-right"):
        point("hand-right")


def test_points_with_keeps_focus_order_and_returns_points():
    found = points_with(Caution.BROKEN_SKIN)
    assert [p.code for p in found] == list(POINTS)
    assert all(isinstance(p, Point) for p in found)


def test_point_is_immutable():
    p = point("PC6")
    with pytest.raises(FrozenInstanceError):
        p.code = "LI4"  # type: ignore[misc]
    with pytest.raises(TypeError):
        p.names["en"] = "x"  # type: ignore[index]
    assert isinstance(p.cautions, frozenset)
    assert hash(p) == hash(point("PC6"))
