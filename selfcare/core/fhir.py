"""A person's plan, sessions and ratings as a FHIR R4 Bundle a health record can read.

Plain dicts in, plain dicts out (no FHIR library at run time); the tests validate every
resource against the `fhir.resources` models. The mapping follows the team's domain
facts §5.5:
- a pseudonymous `Patient` (the clinic's code as an identifier; no name, no birth date);
- the plan as a `CarePlan`, one activity per session it offers;
- each session done as a `Procedure` (completed, or stopped part way);
- each 0-10 pain rating as an `Observation` coded LOINC 72514-3, `partOf` its Procedure,
  marked before or after by an extension; a skipped rating is an Observation with a
  `dataAbsentReason` of asked-declined, never a 0;
- the ESAS-r items (used unmodified) with their LOINC codes; our own tension question
  with a local code;
- the weekly check as a `QuestionnaireResponse`, and its score (the mean) as an
  `Observation` derived from it. Its file decides the codes: with Selfcare's own wording
  (as shipped: modelled on the PEG, not the PEG) the questionnaire and the score code
  are our own; a clinic that installs the original PEG wording with permission marks
  the file `wording = "original"`, and then the LOINC panel (91148-7 as
  `http://loinc.org/q/91148-7`), its item codes and its score code (91147-9) are used;
- the safety settings in force as `Flag` resources (a local code for each), so a record
  shows why sessions were adapted.

Session kinds and scripts use a local code system (docs/fhir.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from selfcare.core.log_file import LogFile, LoggedSession, LoggedWeek
from selfcare.core.measures import Instrument
from selfcare.core.plan_file import PlanFile
from selfcare.core.safety import SafetyProfile, safety_json

BASE = "https://selfcare.invalid/fhir"
LOINC = "http://loinc.org"
SESSION_KINDS = f"{BASE}/CodeSystem/session-kind"
SESSION_SCRIPTS = f"{BASE}/CodeSystem/session"
ITEMS = f"{BASE}/CodeSystem/rating-item"
SAFETY = f"{BASE}/CodeSystem/safety-setting"
SCORES = f"{BASE}/CodeSystem/score"
MOMENT_EXTENSION = f"{BASE}/StructureDefinition/session-moment"
PATIENT_CODES = f"{BASE}/NamingSystem/patient-code"
PAIN_NRS = "72514-3"
# ESAS-r items asked unmodified (docs/measures.md): their LOINC codes (domain facts §5.4)
ITEM_CODES: dict[str, tuple[str, str, str]] = {
    "pain": (LOINC, PAIN_NRS, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    "tiredness": (LOINC, "112495-7", "Tiredness [ESAS-r]"),
    "anxiety": (LOINC, "112501-2", "Anxiety [ESAS-r]"),
    "wellbeing": (LOINC, "112502-0", "Wellbeing [ESAS-r]"),
    "tension": (ITEMS, "tension", "Muscle tension 0-10 (Selfcare)"),
}
SAFETY_NAMES = {  # safety_json keys -> what a Flag says
    "pregnancy": "Pregnancy",
    "lymphoedema": "Lymphoedema or its risk",
    "low_platelets": "Low platelets or blood thinners",
    "bone_metastases": "Bone metastases",
    "line_or_port": "Line, drain or port",
    "recent_surgery": "Recent surgery",
    "neuropathy_hands": "Numbness (neuropathy) in the hands",
    "neuropathy_feet": "Numbness (neuropathy) in the feet",
    "note": "Clinician's safety note",
}
KIND_NAMES = {"imagery": "Guided imagery", "pmr": "Progressive muscle relaxation",
              "acupressure": "Self-acupressure or reflexology", "breathing": "Slow breathing"}


def bundle(log: LogFile, plan: PlanFile | None, *, generated_at: datetime,
           titles: Mapping[str, str] | None = None,
           instruments: Mapping[str, Instrument] | None = None,
           safety: SafetyProfile | None = None) -> dict[str, Any]:
    """A `collection` Bundle of everything in `log`, the plan and the safety settings in
    force (default: the plan's); `instruments` give the weekly check its codes."""
    titles = titles or {}
    instruments = instruments or {}
    patient = _patient(log.patient_code)
    entries = [patient]
    in_force = safety if safety is not None else (None if plan is None else plan.safety)
    if in_force is not None:
        entries.extend(_flags(in_force))
    care_plan = None
    if plan is not None:
        care_plan = _care_plan(plan, titles)
        entries.append(care_plan)
    for number, session in enumerate(sorted(log.sessions, key=lambda s: s.key), 1):
        procedure = _procedure(number, session, care_plan, titles)
        entries.append(procedure)
        entries.extend(_observations(number, session))
    weeks: dict[tuple[str, str], list[LoggedWeek]] = {}
    for answer in log.weekly:
        weeks.setdefault((answer.week_start.isoformat(), answer.instrument), []).append(answer)
    for (week, instrument), answers in sorted(weeks.items()):
        response = _weekly(week, instruments.get(instrument), instrument, answers)
        entries.append(response)
        score = _score(response, instruments.get(instrument), answers)
        if score is not None:
            entries.append(score)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": generated_at.isoformat(),
        "entry": [{"fullUrl": _url(resource), "resource": resource} for resource in entries],
    }


def _url(resource: Mapping[str, Any]) -> str:
    return f"urn:selfcare:{resource['resourceType']}/{resource['id']}"


def _ref(resource: Mapping[str, Any]) -> dict[str, str]:
    return {"reference": _url(resource)}


def _subject() -> dict[str, str]:
    return {"reference": "urn:selfcare:Patient/patient"}


def _patient(code: str) -> dict[str, Any]:
    return {"resourceType": "Patient", "id": "patient",
            "identifier": [{"system": PATIENT_CODES, "value": code}]}


def _care_plan(plan: PlanFile, titles: Mapping[str, str]) -> dict[str, Any]:
    return {
        "resourceType": "CarePlan", "id": "plan", "status": "active", "intent": "plan",
        "subject": _subject(),
        "title": f"Selfcare practice plan ({plan.plan.template.value})",
        "period": {"start": plan.plan.start.isoformat(), "end": plan.plan.end.isoformat()},
        "activity": [{"detail": {
            "kind": "ServiceRequest",
            "code": {"coding": [{"system": SESSION_SCRIPTS, "code": script_id,
                                 "display": titles.get(script_id, script_id)}]},
            "status": "in-progress",
            "scheduledPeriod": {"start": plan.plan.start.isoformat(),
                                "end": plan.plan.end.isoformat()},
            "description": f"One practice due in each of {len(plan.plan.slots)} periods "
                           f"({plan.plan.template.value}); any session of the plan counts.",
        }} for script_id in plan.plan.sessions],
    }


def _procedure(number: int, session: LoggedSession, care_plan: Mapping[str, Any] | None,
               titles: Mapping[str, str]) -> dict[str, Any]:
    codings = [{"system": SESSION_SCRIPTS, "code": session.script_id,
                "display": titles.get(session.script_id, session.script_id)}]
    if session.kind in KIND_NAMES:
        codings.insert(0, {"system": SESSION_KINDS, "code": session.kind,
                           "display": KIND_NAMES[session.kind]})
    resource: dict[str, Any] = {
        "resourceType": "Procedure", "id": f"session-{number}",
        "status": "completed" if session.status == "completed" else "stopped",
        "code": {"coding": codings}, "subject": _subject(),
        "performedPeriod": {"start": session.started_at.isoformat(),
                            **({"end": session.ended_at.isoformat()}
                               if session.ended_at else {})},
    }
    if session.status != "completed":
        resource["statusReason"] = {"text": f"Stopped at step {session.step_reached} of "
                                            f"{session.steps_total}"}
    if care_plan is not None:
        resource["basedOn"] = [_ref(care_plan)]
    if session.note:
        resource["note"] = [{"text": session.note}]
    return resource


def _observations(number: int, session: LoggedSession) -> list[dict[str, Any]]:
    found = []
    for moment, answers in (("pre", session.before), ("post", session.after)):
        for item, value in answers.items():
            if item not in ITEM_CODES:
                continue
            system, code, display = ITEM_CODES[item]
            when = session.started_at if moment == "pre" else (session.ended_at
                                                                or session.started_at)
            observation: dict[str, Any] = {
                "resourceType": "Observation", "id": f"session-{number}-{moment}-{item}",
                "extension": [{"url": MOMENT_EXTENSION,
                               "valueCode": "before" if moment == "pre" else "after"}],
                "status": "final",
                "category": [{"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                    "code": "survey", "display": "Survey"}]}],
                "code": {"coding": [{"system": system, "code": code, "display": display}]},
                "subject": _subject(),
                "effectiveDateTime": when.isoformat(),
                "partOf": [{"reference": f"urn:selfcare:Procedure/session-{number}"}],
            }
            if value is None:
                observation["dataAbsentReason"] = {"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/data-absent-reason",
                    "code": "asked-declined", "display": "Asked But Declined"}]}
            else:
                observation["valueInteger"] = value
            found.append(observation)
    return found


def _weekly(week: str, instrument: Instrument | None, instrument_id: str,
            answers: list[LoggedWeek]) -> dict[str, Any]:
    version = answers[0].version
    original = instrument is not None and instrument.original_wording \
        and "panel" in instrument.codes
    questionnaire = (f"http://loinc.org/q/{instrument.codes['panel']}" if original and
                     instrument is not None else
                     f"{BASE}/Questionnaire/{instrument_id}|{version}")
    return {
        "resourceType": "QuestionnaireResponse", "id": f"{instrument_id}-{week}",
        "questionnaire": questionnaire,
        "status": "completed", "subject": _subject(), "authored": week,
        "item": [{"linkId": _link(instrument, answer.item, original),
                  **({"answer": [{"valueInteger": answer.value}]}
                     if answer.value is not None else {})}
                 for answer in answers],
    }


def _link(instrument: Instrument | None, item: str, original: bool) -> str:
    """The item's LOINC code under the original wording, else its own id."""
    if original and instrument is not None:
        for known in instrument.items:
            if known.id == item and known.code:
                return known.code
    return item


def _score(response: Mapping[str, Any], instrument: Instrument | None,
           answers: list[LoggedWeek]) -> dict[str, Any] | None:
    """The week's score (the mean of its items) when every item was answered."""
    if instrument is None or instrument.score != "mean":
        return None
    given = {a.item: a.value for a in answers}
    values = [given.get(item.id) for item in instrument.items]
    if any(value is None for value in values):
        return None
    mean = sum(v for v in values if v is not None) / len(values)
    if instrument.original_wording and "score" in instrument.codes:
        coding = {"system": LOINC, "code": instrument.codes["score"],
                  "display": f"{instrument.name.get('en', instrument.id)} score"}
    else:
        coding = {"system": SCORES, "code": instrument.id,
                  "display": f"{instrument.name.get('en', instrument.id)} score (Selfcare's "
                             "own wording)"}
    return {
        "resourceType": "Observation", "id": f"{response['id']}-score", "status": "final",
        "category": [{"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey", "display": "Survey"}]}],
        "code": {"coding": [coding]}, "subject": _subject(),
        "effectiveDateTime": response["authored"],
        "valueQuantity": {"value": round(mean, 2), "unit": "{score}",
                          "system": "http://unitsofmeasure.org", "code": "{score}"},
        "derivedFrom": [_ref(response)],
    }


def _flags(safety: SafetyProfile) -> list[dict[str, Any]]:
    """One active Flag for each safety setting marked, saying what it is and where."""
    flags = []
    for key, value in safety_json(safety).items():
        if not value or key not in SAFETY_NAMES:
            continue
        text = SAFETY_NAMES[key]
        if isinstance(value, list):
            text += ": " + ", ".join(str(v).replace("-", " ") for v in value)
        elif isinstance(value, str):
            text += ": " + value
        flags.append({
            "resourceType": "Flag", "id": f"safety-{key.replace('_', '-')}",
            "status": "active",
            "category": [{"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/flag-category",
                "code": "clinical", "display": "Clinical"}]}],
            "code": {"coding": [{"system": SAFETY, "code": key.replace("_", "-"),
                                 "display": SAFETY_NAMES[key]}],
                     "text": text + " (self-care sessions adapted to it)"},
            "subject": _subject(),
        })  # no period: when a setting began is not recorded, and a guess would mislead
    return flags
