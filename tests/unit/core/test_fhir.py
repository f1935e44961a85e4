"""The FHIR R4 Bundle: valid against the fhir.resources models, with the right codes,
values, times and references."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from selfcare.core.fhir import MOMENT_EXTENSION, PAIN_NRS, bundle
from selfcare.core.log_file import LogFile, LoggedSession, LoggedWeek
from selfcare.core.plan_file import PlanFile
from selfcare.core.plans import Template, make_plan
from selfcare.core.safety import SafetyProfile

models = pytest.importorskip("fhir.resources.R4B.bundle",
                             reason="fhir.resources is a test dependency")

T0 = datetime(2026, 12, 7, 17, 0, tzinfo=UTC)
PLAN = PlanFile("P-17", "Ana", "es", make_plan(Template.WEEKLY_THEN_MONTHLY,
                                               ["pmr-short", "imagery-garden"], date(2026, 12, 7)),
                (time(18, 0),), SafetyProfile(pregnancy=True), T0)
LOG = LogFile("P-17", T0 + timedelta(days=30), (
    LoggedSession(T0, "pmr-short", "completed", 17, 17, T0 + timedelta(minutes=14), "pmr", "es",
                  {"pain": 6, "tension": 5, "tiredness": 4}, {"pain": 3, "tension": None},
                  None, "more relaxed"),
    LoggedSession(T0 + timedelta(days=8), "imagery-garden", "interrupted", 5, 20,
                  T0 + timedelta(days=8, minutes=4), "imagery", "es", {"pain": None}, {}),
), (LoggedWeek(date(2026, 12, 7), "weekly-check", "1", "average-pain", 5),
    LoggedWeek(date(2026, 12, 7), "weekly-check", "1", "enjoyment", None)))


def resources(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind]


@pytest.fixture
def data() -> dict[str, Any]:
    return bundle(LOG, PLAN, generated_at=T0 + timedelta(days=30),
                  titles={"pmr-short": "Short muscle relaxation"})


def test_the_bundle_and_every_resource_validate_against_the_fhir_models(data) -> None:
    parsed = models.Bundle.model_validate(data)
    assert parsed.type == "collection"
    assert len(parsed.entry) == len(data["entry"])


def test_the_patient_is_pseudonymous(data) -> None:
    (patient,) = resources(data, "Patient")
    assert patient["identifier"][0]["value"] == "P-17"
    assert "name" not in patient and "birthDate" not in patient
    assert "Ana" not in str(data)


def test_each_pain_rating_is_a_loinc_observation_of_its_session(data) -> None:
    pain = [o for o in resources(data, "Observation")
            if o["code"]["coding"][0]["code"] == PAIN_NRS]
    by_id = {o["id"]: o for o in pain}
    before = by_id["session-1-pre-pain"]
    after = by_id["session-1-post-pain"]
    assert (before["valueInteger"], after["valueInteger"]) == (6, 3)
    assert before["effectiveDateTime"] == T0.isoformat()
    assert after["effectiveDateTime"] == (T0 + timedelta(minutes=14)).isoformat()
    assert before["partOf"] == [{"reference": "urn:selfcare:Procedure/session-1"}]
    assert before["extension"] == [{"url": MOMENT_EXTENSION, "valueCode": "before"}]
    assert after["extension"][0]["valueCode"] == "after"
    assert before["code"]["coding"][0]["system"] == "http://loinc.org"
    urls = {e["fullUrl"] for e in data["entry"]}
    assert before["partOf"][0]["reference"] in urls  # the reference resolves in the bundle


def test_a_skipped_rating_is_declined_never_zero(data) -> None:
    skipped = next(o for o in resources(data, "Observation") if o["id"] == "session-2-pre-pain")
    assert "valueInteger" not in skipped
    assert skipped["dataAbsentReason"]["coding"][0]["code"] == "asked-declined"


def test_esas_items_keep_their_loinc_codes_and_tension_is_local(data) -> None:
    codes = {o["id"]: o["code"]["coding"][0] for o in resources(data, "Observation")}
    assert codes["session-1-pre-tiredness"]["code"] == "112495-7"
    assert codes["session-1-pre-tension"]["system"].startswith("https://selfcare.invalid")


def test_sessions_are_procedures_completed_or_stopped_based_on_the_plan(data) -> None:
    first, second = resources(data, "Procedure")
    assert first["status"] == "completed" and second["status"] == "stopped"
    assert "step 5 of 20" in second["statusReason"]["text"]
    assert first["basedOn"] == [{"reference": "urn:selfcare:CarePlan/plan"}]
    assert first["code"]["coding"][1] == {"system": "https://selfcare.invalid/fhir/CodeSystem/"
                                          "session", "code": "pmr-short",
                                          "display": "Short muscle relaxation"}
    assert first["note"] == [{"text": "more relaxed"}]


def test_the_plan_is_a_care_plan_with_one_activity_per_session(data) -> None:
    (plan,) = resources(data, "CarePlan")
    assert plan["period"] == {"start": "2026-12-07", "end": PLAN.plan.end.isoformat()}
    assert [a["detail"]["code"]["coding"][0]["code"] for a in plan["activity"]] == [
        "pmr-short", "imagery-garden"]


def test_the_weekly_check_is_a_response_to_our_own_questionnaire(data) -> None:
    (weekly,) = resources(data, "QuestionnaireResponse")
    assert "loinc" not in weekly["questionnaire"]  # PEG-style wording, not the PEG's
    assert weekly["item"] == [{"linkId": "average-pain", "answer": [{"valueInteger": 5}]},
                              {"linkId": "enjoyment"}]


@pytest.mark.parametrize("damage", [
    lambda o: o.pop("code"),  # required
    lambda o: o.update(valueInteger="six"),  # wrong type
    lambda o: o.update(valueInt=6),  # not an R4 element
])
def test_the_validation_would_catch_a_wrong_resource(data, damage) -> None:
    damage(resources(data, "Observation")[0])
    with pytest.raises(ValueError, match=r"Observation|value|code"):
        models.Bundle.model_validate(data)


def test_every_status_is_one_r4_allows(data) -> None:
    # fhir.resources checks structure, not code values: the codes are checked here
    allowed = {"Observation": {"final"}, "Procedure": {"completed", "stopped"},
               "CarePlan": {"active"}, "QuestionnaireResponse": {"completed"}}
    for entry in data["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] in allowed:
            assert resource["status"] in allowed[resource["resourceType"]]
