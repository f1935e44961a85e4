"""One person's records for a range of days, as the reports and exports read them.

The PDF report, the FHIR Bundle and the on-screen report all start here, so they say the
same thing for the same person and days. A clinic patient is named by their code; the
person using this computer at home is None. Their records are read as the log file
carries them (`LogFile`), so a report made at the clinic from an imported log and one
made at home agree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from selfcare.core.log_file import LogFile
from selfcare.core.plan_file import PlanFile
from selfcare.core.safety import SafetyProfile

if TYPE_CHECKING:
    from sqlite_utils import Database

    from selfcare.store.answers import SqliteAnswerStore
    from selfcare.store.sessions import SqliteSessionStore

HOME_CODE = "home"  # the code of the person at home before any plan names them


class UnknownPersonError(LookupError):
    """No patient with that code on this computer; the message says so in words."""


@dataclass(frozen=True, slots=True)
class PersonRecords:
    code: str  # the patient code, or the plan's code (or HOME_CODE) at home
    display_name: str | None
    language: str | None  # the patient's language, when the clinic set one
    log: LogFile  # sessions and weekly answers in the range, oldest first
    plan: PlanFile | None  # the plan in force now
    safety: SafetyProfile | None  # the safety settings in force now


def person_records(db: Database, sessions: SqliteSessionStore, answers: SqliteAnswerStore,
                   *, patient_code: str | None, since: date | None, until: date | None,
                   now: datetime) -> PersonRecords:
    """The records of a clinic patient (by code) or of the person at home (None), from
    `since` to `until` (local days, both included; None is open-ended)."""
    from selfcare.store.clinic import SqliteClinicStore, UnknownPatientError
    from selfcare.store.log_export import log_from_store
    from selfcare.store.plans import SqlitePlanStore

    person: int | None = None
    name = language = None
    safety: SafetyProfile | None = None
    if patient_code is not None:
        try:
            patient = SqliteClinicStore(db).patient(patient_code)
        except UnknownPatientError:
            raise UnknownPersonError(
                f"no patient with the code {patient_code} on this computer") from None
        person, name, language = patient.id, patient.display_name, patient.language
        safety = patient.profile
    assigned = SqlitePlanStore(db).active(person)
    plan = None if assigned is None else assigned.content
    code = patient_code or (plan.patient_code if plan is not None else HOME_CODE)
    if patient_code is None and plan is not None:
        name, language, safety = plan.display_name, plan.language, plan.safety
    log = log_from_store(sessions, answers, patient_code=code, saved_at=now, since=since,
                         patient_id=person)
    return PersonRecords(code, name, language, within(log, None, until), plan, safety)


def within(log: LogFile, first: date | None, last: date | None) -> LogFile:
    """The sessions (by local day) and weekly answers (by their Monday) from `first` to
    `last`, both included; None is open-ended."""
    low, high = first or date.min, last or date.max
    return dataclasses.replace(
        log, sessions=tuple(s for s in log.sessions
                            if low <= s.started_at.astimezone().date() <= high),
        weekly=tuple(w for w in log.weekly if low <= w.week_start <= high))


def fhir_bundle_json(records: PersonRecords, *, first: date | None, last: date | None,
                     titles: Mapping[str, str], now: datetime) -> bytes:
    """The FHIR R4 Bundle of the records from `first` to `last`, as UTF-8 JSON: the plan,
    the safety settings in force, and the questionnaires' own codes."""
    import json

    from selfcare.core.fhir import bundle
    from selfcare.measures_files import load_measures

    data = bundle(within(records.log, first, last), records.plan, generated_at=now,
                  titles=titles, instruments=load_measures().instruments,
                  safety=records.safety)
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
