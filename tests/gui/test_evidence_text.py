"""The one sentence a library card says about the evidence: a grade only where verified."""

from __future__ import annotations

import pytest

from selfcare.core.evidence import CARDS, card_for
from selfcare.ui.names import evidence_text


@pytest.mark.parametrize("key", sorted(CARDS))
def test_a_grade_is_named_only_where_the_card_has_one(qapp, key):
    card = CARDS[key]
    text = evidence_text(card)
    assert ("moderate strength" in text) == card.graded
    if card.recommendation:
        assert f"recommendation {card.recommendation}" in text
    else:
        assert "recommendation 1." not in text


def test_nausea_points_say_the_pain_guideline_does_not_cover_them(qapp):
    text = evidence_text(card_for("acupressure", ["nausea"]))
    assert "does not cover nausea" in text and "Dibble 2007" in text
    assert "limited" in text and "1.4" not in text


def test_pain_acupressure_keeps_its_verified_grade(qapp):
    text = evidence_text(card_for("acupressure", ["pain"]))
    assert "recommendation 1.4" in text and "(intermediate evidence, moderate strength)" in text
