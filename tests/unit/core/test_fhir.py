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
               "CarePlan": {"active"}, "QuestionnaireResponse": {"completed"},
               "Flag": {"active"}}
    for entry in data["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] in allowed:
            assert resource["status"] in allowed[resource["resourceType"]]


# -- a generated year, through the same code the exports use ------------------------------

def year_bundle(**changes: Any) -> tuple[LogFile, dict[str, Any]]:
    from selfcare.measures_files import load_measures
    from tests.helpers.year_of_data import a_plan, a_year

    log = a_year("P-0002", seed=1)
    instruments = dict(load_measures().instruments)
    instruments.update(changes)
    plan = a_plan("P-0002")
    return log, bundle(log, plan, generated_at=datetime(2026, 12, 1, tzinfo=UTC),
                       titles={"pmr-short": "Short muscle relaxation"},
                       instruments=instruments, safety=plan.safety)


def test_a_year_validates_and_every_rating_is_an_observation_of_its_session() -> None:
    from selfcare.core.fhir import ITEM_CODES

    log, data = year_bundle()
    models.Bundle.model_validate(data)
    urls = {e["fullUrl"] for e in data["entry"]}
    assert len(urls) == len(data["entry"])  # every resource once
    procedures = resources(data, "Procedure")
    observations = {o["id"]: o for o in resources(data, "Observation")}
    sessions = sorted(log.sessions, key=lambda s: s.key)
    assert len(procedures) == len(sessions) > 200
    expected = 0
    for number, (session, procedure) in enumerate(zip(sessions, procedures, strict=True), 1):
        assert procedure["performedPeriod"]["start"] == session.started_at.isoformat()
        assert procedure["status"] == ("completed" if session.status == "completed"
                                       else "stopped")
        for moment, answers in (("pre", session.before), ("post", session.after)):
            for item, value in answers.items():
                expected += 1
                found = observations[f"session-{number}-{moment}-{item}"]
                assert found["code"]["coding"][0]["code"] == ITEM_CODES[item][1]
                assert found.get("valueInteger") == value
                assert ("dataAbsentReason" in found) == (value is None)
                when = session.started_at if moment == "pre" else session.ended_at
                assert found["effectiveDateTime"] == when.isoformat()
                session_url = f"urn:selfcare:Procedure/{procedure['id']}"
                assert found["partOf"][0]["reference"] == session_url in urls
                assert found["extension"][0]["valueCode"] == ("before" if moment == "pre"
                                                              else "after")
    ratings = [o for o in observations.values() if "partOf" in o]
    assert len(ratings) == expected


def test_the_weekly_checks_score_is_derived_from_its_answers_under_our_own_code() -> None:
    from selfcare.core.fhir import SCORES

    log, data = year_bundle()
    responses = {r["id"]: r for r in resources(data, "QuestionnaireResponse")}
    scores = [o for o in resources(data, "Observation") if "derivedFrom" in o]
    assert scores and all(o["code"]["coding"][0]["system"] == SCORES for o in scores)
    assert all("loinc" not in r["questionnaire"] for r in responses.values())
    for score in scores:
        source = responses[score["derivedFrom"][0]["reference"].split("/", 1)[1]]
        values = [i["answer"][0]["valueInteger"] for i in source["item"]]
        assert score["valueQuantity"]["value"] == round(sum(values) / len(values), 2)
        assert score["effectiveDateTime"] == source["authored"]
    weeks = {w.week_start for w in log.weekly}
    assert len(responses) == len(weeks)


def test_a_clinic_with_the_original_peg_wording_gets_the_loinc_panel() -> None:
    import dataclasses

    from selfcare.measures_files import load_measures

    weekly = load_measures().instruments["weekly-check"]
    _log, data = year_bundle(**{"weekly-check": dataclasses.replace(weekly,
                                                                    wording="original")})
    response = resources(data, "QuestionnaireResponse")[0]
    assert response["questionnaire"] == "http://loinc.org/q/91148-7"
    assert {i["linkId"] for i in response["item"]} == {"75893-8", "91145-3", "91146-1"}
    score = next(o for o in resources(data, "Observation") if "derivedFrom" in o)
    assert score["code"]["coding"][0] == {"system": "http://loinc.org", "code": "91147-9",
                                          "display": "Weekly check score"}
    models.Bundle.model_validate(data)


def test_a_week_with_a_skipped_item_has_no_score() -> None:
    from selfcare.measures_files import load_measures

    instruments = load_measures().instruments
    answered = LoggedWeek(date(2026, 12, 7), "weekly-check", "1", "activity", 4)
    skipped = bundle(LOG, PLAN, generated_at=T0, instruments=instruments)
    full = bundle(LOG.__class__(LOG.patient_code, LOG.saved_at, LOG.sessions, (
        *(w for w in LOG.weekly if w.value is not None),
        LoggedWeek(date(2026, 12, 7), "weekly-check", "1", "enjoyment", 6), answered)),
        PLAN, generated_at=T0, instruments=instruments)
    assert not [o for o in resources(skipped, "Observation") if "derivedFrom" in o]
    (score,) = [o for o in resources(full, "Observation") if "derivedFrom" in o]
    assert score["valueQuantity"]["value"] == 5.0


def test_the_safety_settings_in_force_are_active_flags() -> None:
    _log, data = year_bundle()
    flags = {f["code"]["coding"][0]["code"]: f for f in resources(data, "Flag")}
    assert set(flags) == {"lymphoedema", "low-platelets", "note"}
    assert flags["lymphoedema"]["code"]["text"].startswith("Lymphoedema or its risk: arm left")
    assert flags["note"]["code"]["text"].startswith("Clinician's safety note: Port in right")
    assert all(f["status"] == "active" and f["subject"] == {"reference":
                                                             "urn:selfcare:Patient/patient"}
               for f in flags.values())


def test_no_safety_marked_means_no_flags() -> None:
    bare = bundle(LOG, None, generated_at=T0, safety=SafetyProfile())
    assert resources(bare, "Flag") == []
