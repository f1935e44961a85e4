"""What the SIO-ASCO 2022 guideline says for each kind of session, as far as verified.

A grade appears only where the team's domain facts (reference §1.2a) mark it as
read in the source; otherwise the card says the recommendation exists and that
the evidence is limited, and no more. The UI turns these codes into words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

GUIDELINE_CITATION = (
    "Mao JJ, Ismaila N, Bao T, et al. Integrative Medicine for Pain Management in "
    "Oncology: Society for Integrative Oncology-ASCO Guideline. J Clin Oncol. "
    "2022;40(34):3998-4024. doi:10.1200/JCO.22.01357"
)


DIBBLE_2007_CITATION = (
    "Dibble SL, Luce J, Cooper BA, et al. Acupressure for chemotherapy-induced nausea and "
    "vomiting: a randomized clinical trial. Oncol Nurs Forum. 2007;34(4):813-820. "
    "doi:10.1188/07.ONF.813-820"
)


class Wording(StrEnum):
    MAY_BE_OFFERED = "may-be-offered"
    NO_RECOMMENDATION = "no-recommendation"
    OUTSIDE_THE_GUIDELINE = "outside-the-guideline"  # a symptom the pain guideline does not cover


class PainType(StrEnum):
    GENERAL_OR_MUSCULOSKELETAL = "general-or-musculoskeletal-cancer-pain"
    PROCEDURAL = "procedural-pain"


@dataclass(frozen=True, slots=True)
class EvidenceCard:
    """One recommendation; `evidence` and `strength` are None unless verified."""

    modality: str
    recommendation: str | None  # e.g. "1.4"
    wording: Wording
    pain_type: PainType | None
    evidence: str | None  # "intermediate", only where verified
    strength: str | None  # "moderate", only where verified
    citation: str = GUIDELINE_CITATION

    @property
    def graded(self) -> bool:
        return self.evidence is not None and self.strength is not None


CARDS: dict[str, EvidenceCard] = {
    # §1.2a 1.4: reflexology or acupressure, general/MSK cancer pain, Intermediate/Moderate [V]
    "acupressure": EvidenceCard("acupressure", "1.4", Wording.MAY_BE_OFFERED,
                                PainType.GENERAL_OR_MUSCULOSKELETAL, "intermediate", "moderate"),
    # §1.2a 1.7: guided imagery with PMR; wording verified, grade inferred only -> no grade
    "imagery": EvidenceCard("imagery-with-pmr", "1.7", Wording.MAY_BE_OFFERED,
                            PainType.GENERAL_OR_MUSCULOSKELETAL, None, None),
    "pmr": EvidenceCard("imagery-with-pmr", "1.7", Wording.MAY_BE_OFFERED,
                        PainType.GENERAL_OR_MUSCULOSKELETAL, None, None),
    # §1.2a 1.10: hypnosis for procedural pain, Intermediate/Moderate [V]
    "hypnosis": EvidenceCard("hypnosis", "1.10", Wording.MAY_BE_OFFERED,
                             PainType.PROCEDURAL, "intermediate", "moderate"),
    # PC6 for nausea: the pain guideline does not cover nausea. Dibble 2007 (§2 C, [V]):
    # less delayed nausea and vomiting in one trial; cited as a trial, with no grade.
    "nausea": EvidenceCard("acupressure-for-nausea", None, Wording.OUTSIDE_THE_GUIDELINE,
                           None, None, None, DIBBLE_2007_CITATION),
    # Breathing exercises are not the subject of a recommendation for pain.
    "breathing": EvidenceCard("breathing", None, Wording.NO_RECOMMENDATION, None, None, None),
}


HYPNOSIS_TAG = "hypnosis"
NAUSEA_TAG = "nausea"


def card_for(kind: str, tags: Iterable[str] = ()) -> EvidenceCard:
    """The card for a session; unknown kinds get an honest 'no recommendation'.

    Imagery written as self-hypnosis for procedures (tagged "hypnosis") falls under
    recommendation 1.10, not 1.7. Acupressure for nausea (tagged "nausea") is not for
    pain, so recommendation 1.4 does not apply to it.
    """
    tags = set(tags)
    if kind == "imagery" and HYPNOSIS_TAG in tags:
        return CARDS["hypnosis"]
    if kind == "acupressure" and NAUSEA_TAG in tags:
        return CARDS["nausea"]
    return CARDS.get(kind, EvidenceCard(kind, None, Wording.NO_RECOMMENDATION, None, None, None))
