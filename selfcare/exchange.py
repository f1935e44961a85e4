"""The files that travel between clinic and home, read and applied against this computer's records.

A plan file goes home: applying it makes it the plan of the person using this computer
(and sets the language it names). A log file comes back: applying it merges the
sessions into the clinic patient with the same code, once. Both are read completely and
checked before anything is written, and written in one transaction, so a refused file
changes nothing. The window asks before applying; the command line applies and says
what it did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from selfcare.core.log_file import LogFile, read_log_file, write_log_file
from selfcare.core.plan_file import PlanFile, PlanFileError, identify, read_plan_file

if TYPE_CHECKING:
    from sqlite_utils import Database

    from selfcare.core.safety import SafetyProfile
    from selfcare.store.answers import SqliteAnswerStore
    from selfcare.store.sessions import SqliteSessionStore

LARGEST_READ = 25_000_000  # bytes; the readers refuse anything near this with a reason


class ExchangeError(ValueError):
    """Why a file cannot be exported or imported, in one line."""


def read_exchange_file(path: Path) -> PlanFile | LogFile:
    """A plan or a log, recognised by its content; ExchangeError names the file and why."""
    try:
        with path.open("rb") as handle:
            data = handle.read(LARGEST_READ + 1)
    except OSError as exc:
        raise ExchangeError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    kind = identify(data) or _named_in(data)
    try:
        if kind == "plan":
            return read_plan_file(data)
        if kind == "log":
            return read_log_file(data)
    except PlanFileError as exc:
        raise ExchangeError(f"{path}: {exc}") from None
    raise ExchangeError(f"{path}: not a Selfcare plan or log file")


def _named_in(data: bytes) -> str | None:
    """A file that does not parse may still say what it was meant to be (cut short, say),
    so its own reader can explain what is wrong with it."""
    head = data[:4096]
    for kind in ("plan", "log"):
        if f'"format": "selfcare-{kind}"'.encode() in head or \
                f'"format":"selfcare-{kind}"'.encode() in head:
            return kind
    return None


@dataclass(frozen=True, slots=True)
class LogImport:
    patient_code: str
    display_name: str
    added: int  # new sessions
    already_here: int  # sessions in the file the clinic had already


def apply_plan(db: Database, content: PlanFile, now: datetime) -> str | None:
    """Make the plan the home person's plan (safety settings included). On a computer
    with patients it goes to the patient the file names instead, and is refused when
    there is none: a clinic's guest never gets someone's plan. Returns that patient's
    name, or None at home."""
    from selfcare.store.clinic import SqliteClinicStore, UnknownPatientError
    from selfcare.store.plans import SqlitePlanStore

    clinic = SqliteClinicStore(db)
    if not clinic.patients():
        SqlitePlanStore(db).assign(None, content, now)
        return None
    try:
        patient = clinic.patient(content.patient_code)
    except UnknownPatientError:
        raise ExchangeError(f"this computer has patients, and none with the code "
                            f"{content.patient_code}: nothing was changed") from None
    SqlitePlanStore(db).assign(patient.id, content, now)
    return patient.display_name


def apply_log(db: Database, log: LogFile) -> LogImport:
    """Merge the log into the clinic patient with its code; importing twice adds nothing."""
    from selfcare.store.clinic import SqliteClinicStore, UnknownPatientError

    clinic = SqliteClinicStore(db)
    try:
        patient = clinic.patient(log.patient_code)
    except UnknownPatientError:
        raise ExchangeError(f"no patient with the code {log.patient_code} on this computer; "
                            "add them in clinician mode first") from None
    added = clinic.import_log(patient.id, log)
    return LogImport(patient.code, patient.display_name, added, len(log.sessions) - added)


def plan_for_patient(db: Database, code: str, now: datetime) -> bytes:
    """The plan file for a clinic patient, with the safety settings in force today."""
    import dataclasses

    from selfcare.core.plan_file import write_plan_file
    from selfcare.store.clinic import SqliteClinicStore, UnknownPatientError
    from selfcare.store.plans import SqlitePlanStore

    try:
        patient = SqliteClinicStore(db).patient(code)
    except UnknownPatientError:
        raise ExchangeError(f"no patient with the code {code} on this computer") from None
    assigned = SqlitePlanStore(db).active(patient.id)
    if assigned is None:
        raise ExchangeError(f"{patient.code} has no plan yet; assign one in clinician mode")
    return write_plan_file(dataclasses.replace(
        assigned.content, patient_code=patient.code, display_name=patient.display_name,
        language=patient.language, safety=patient.profile, saved_at=now))


def log_for_home(sessions: SqliteSessionStore, answers: SqliteAnswerStore, db: Database,
                 now: datetime, patient_code: str | None = None) -> tuple[bytes, LogFile]:
    """The log of the home person's sessions since their plan began (or a clinic patient's,
    by code); the plan supplies the code the clinic knows them by."""
    from selfcare.store.clinic import SqliteClinicStore, UnknownPatientError
    from selfcare.store.log_export import log_from_store
    from selfcare.store.plans import SqlitePlanStore

    person: int | None = None
    if patient_code is not None:
        try:
            person = SqliteClinicStore(db).patient(patient_code).id
        except UnknownPatientError:
            raise ExchangeError(f"no patient with the code {patient_code} on this computer"
                                ) from None
    assigned = SqlitePlanStore(db).active(person)
    if assigned is None and patient_code is None:
        raise ExchangeError("there is no plan from a clinic on this computer, so there is no "
                            "patient code to put in the log; import the plan file first")
    code = patient_code or (assigned.content.patient_code if assigned else "")
    since = assigned.content.plan.start if assigned else None
    log = log_from_store(sessions, answers, patient_code=code, saved_at=now, since=since,
                         patient_id=person)
    return write_log_file(log), log


def save_bytes(data: bytes, path: Path) -> None:
    """Write under a temporary name, then rename: never half a file at `path`."""
    draft = path.with_name(path.name + ".part")
    try:
        draft.write_bytes(data)
        draft.replace(path)
    except OSError:
        draft.unlink(missing_ok=True)
        raise


def safety_for(db: Database, person: int | None) -> SafetyProfile | None:
    """The safety settings in force for a person: a clinic patient's own, or at home those
    that came with the plan; None when nothing was ever marked."""
    from selfcare.store.clinic import SqliteClinicStore
    from selfcare.store.plans import SqlitePlanStore

    if person is not None:
        return SqliteClinicStore(db).patient_by_id(person).profile
    assigned = SqlitePlanStore(db).active(None)
    return None if assigned is None else assigned.content.safety
