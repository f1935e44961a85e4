"""Evidence cards say what the guideline says, and grades only where verified."""

from __future__ import annotations

from selfcare.core.evidence import (
    CARDS,
    DIBBLE_2007_CITATION,
    GUIDELINE_CITATION,
    Wording,
    card_for,
)
from selfcare.core.script_format import KINDS


def test_every_session_kind_has_a_card_with_the_citation():
    for kind in KINDS:
        card = card_for(kind)
        assert card.citation == GUIDELINE_CITATION
        assert "10.1200/JCO.22.01357" in card.citation


def test_only_verified_recommendations_carry_a_grade():
    graded = {kind for kind, card in CARDS.items() if card.graded}
    assert graded == {"acupressure", "hypnosis"}  # §1.2a: 1.4 and 1.10 are [V]
    assert CARDS["acupressure"].recommendation == "1.4"
    assert (CARDS["acupressure"].evidence, CARDS["acupressure"].strength) == \
        ("intermediate", "moderate")


def test_imagery_and_relaxation_are_limited_evidence_without_a_grade():
    for kind in ("imagery", "pmr"):
        card = CARDS[kind]
        assert card.recommendation == "1.7" and card.wording is Wording.MAY_BE_OFFERED
        assert card.evidence is None and card.strength is None


def test_an_unknown_kind_claims_nothing():
    card = card_for("yoga")
    assert card.recommendation is None and card.wording is Wording.NO_RECOMMENDATION


def test_imagery_written_as_self_hypnosis_for_procedures_gets_the_hypnosis_card():
    card = card_for("imagery", ["imagery", "hypnosis", "procedure"])
    assert card.recommendation == "1.10"
    assert card.graded


def test_the_hypnosis_tag_does_not_change_other_kinds():
    assert card_for("pmr", ["hypnosis"]).recommendation == "1.7"
    assert card_for("imagery", ["relaxation"]).recommendation == "1.7"


def test_acupressure_for_nausea_does_not_borrow_the_pain_recommendation():
    card = card_for("acupressure", ["acupressure", "nausea", "wrists"])
    assert card.recommendation is None and not card.graded
    assert card.wording is Wording.OUTSIDE_THE_GUIDELINE
    assert card.citation == DIBBLE_2007_CITATION
    assert card_for("imagery", ["nausea"]).recommendation == "1.7"  # only acupressure
