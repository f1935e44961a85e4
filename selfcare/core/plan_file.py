"""The plan file that goes home with a patient: versioned JSON with a checksum.

It carries the plan, the safety settings and the language, and nothing else about the
person but a pseudonymous code and the name they want to see. Reading it is all or
nothing: a file that is not a plan, is damaged or changed after saving (the checksum),
comes from a newer Selfcare, or holds an impossible plan is refused with one line
saying why, and nothing is applied. The checksum finds damage and casual edits; it is
not a signature, and does not stop someone determined from writing a plan by hand.

Format (documented in docs/plan-file.md, schema in docs/plan-file.schema.json):
{"format": "selfcare-plan", "version": 1, "saved_at": ..., "patient": {...},
 "plan": {...}, "safety": {...}, "checksum": "sha256:<hex>"} where the checksum is
taken over the canonical JSON (sorted keys, no spaces, UTF-8) of everything else.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Literal

import msgspec

from selfcare.core.plans import Plan, Template, make_plan
from selfcare.core.safety import AREAS, Limb, SafetyProfile, safety_json

PLAN_FORMAT = "selfcare-plan"
LOG_FORMAT = "selfcare-log"
VERSION = 1
LARGEST_FILE = 1_000_000  # bytes; a plan is a few kB

Code = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
ScriptId = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Area = Annotated[str, msgspec.Meta(max_length=40)]
ClockTime = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]  # "18:00"


class PlanFileError(ValueError):
    """Why a file cannot be used, in one line."""


def one_line(error: Exception, longest: int = 200) -> str:
    """An error's words on one line and of a readable length (a field name in a file can
    hold anything, line breaks included)."""
    words = " ".join(str(error).split())
    return words if len(words) <= longest else words[: longest - 1] + "\u2026"


def plain_name(text: str) -> bool:
    """A code or id with no line break or control character (`$` in a pattern lets one
    final newline through)."""
    return text.isprintable()


def plain_text(text: str) -> bool:
    """Free text (a note) may have line breaks and tabs, but no other control character."""
    return all(ch.isprintable() or ch in "\n\r\t" for ch in text)


def in_range(moment: datetime) -> bool:
    """A time that can be turned into UTC and stored (not at the very ends of the calendar)."""
    try:
        moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return False
    return True


class _Patient(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    code: Code
    display_name: Annotated[str, msgspec.Meta(min_length=1, max_length=60)]
    language: Literal["en", "es"]


class _Plan(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    template: Template
    sessions: Annotated[list[ScriptId], msgspec.Meta(min_length=1, max_length=40)]
    start: date
    end: date | None = None
    weekdays: Annotated[list[Annotated[int, msgspec.Meta(ge=0, le=6)]],
                        msgspec.Meta(max_length=7)] = []
    reminders: Annotated[list[ClockTime], msgspec.Meta(max_length=6)] = []


class _Safety(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    pregnancy: bool = False
    lymphoedema: Annotated[list[Limb], msgspec.Meta(max_length=4)] = []
    low_platelets: bool = False
    bone_metastases: Annotated[list[Area], msgspec.Meta(max_length=20)] = []
    line_or_port: Annotated[list[Area], msgspec.Meta(max_length=20)] = []
    neuropathy_hands: bool = False
    neuropathy_feet: bool = False
    recent_surgery: Annotated[list[Area], msgspec.Meta(max_length=20)] = []
    note: Annotated[str, msgspec.Meta(max_length=2000)] = ""


class _PlanFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    format: Literal["selfcare-plan"]
    version: Literal[1]
    saved_at: datetime
    patient: _Patient
    plan: _Plan
    safety: _Safety
    checksum: str


@dataclass(frozen=True, slots=True)
class PlanFile:
    """A plan file's content, checked; `plan` is built from its template."""

    patient_code: str
    display_name: str
    language: str
    plan: Plan
    reminders: tuple[time, ...]
    safety: SafetyProfile
    saved_at: datetime
    end: date | None = None
    weekdays: tuple[int, ...] = ()


def write_plan_file(content: PlanFile) -> bytes:
    """The file's bytes: pretty JSON for a person to read, with its checksum."""
    body: dict[str, Any] = {
        "format": PLAN_FORMAT,
        "version": VERSION,
        "saved_at": content.saved_at.isoformat(),
        "patient": {"code": content.patient_code, "display_name": content.display_name,
                    "language": content.language},
        "plan": {"template": content.plan.template.value,
                 "sessions": list(content.plan.sessions),
                 "start": content.plan.start.isoformat(),
                 "end": None if content.end is None else content.end.isoformat(),
                 "weekdays": list(content.weekdays),
                 "reminders": [moment.strftime("%H:%M") for moment in content.reminders]},
        "safety": safety_json(content.safety),
    }
    body["checksum"] = checksum(body)
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def checksum(body: dict[str, Any]) -> str:
    unsigned = {key: value for key, value in body.items() if key != "checksum"}
    canonical = json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def identify(data: bytes) -> str | None:
    """'plan' or 'log' by the file's own `format`, or None when it is neither."""
    try:
        raw = json.loads(data.decode("utf-8")) if len(data) <= LARGEST_FILE else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("format"), str):
        return None
    return {PLAN_FORMAT: "plan", LOG_FORMAT: "log"}.get(raw["format"])


_NOUNS = {PLAN_FORMAT: "plan", LOG_FORMAT: "log"}
_NOT_THIS = {PLAN_FORMAT: "this is a plan, not a log of sessions",
             LOG_FORMAT: "this is a log of sessions, not a plan"}


def open_envelope(data: bytes, expected: str, *, largest: int, newest: int,
                  error: type[PlanFileError]) -> dict[str, Any]:
    """The JSON object of a plan or log file (`expected`), its kind, version and checksum
    checked; otherwise `error` with one line. Shared by the plan and log readers."""
    noun = _NOUNS[expected]
    if len(data) > largest:
        raise error(f"too large for a {noun} file ({len(data)} bytes)")
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise error(f"not a Selfcare {noun} file (not UTF-8 text)") from None
    except (ValueError, RecursionError):
        raise error(f"not a Selfcare {noun} file (not complete JSON; cut short?)") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("format"), str) \
            or raw["format"] not in _NOUNS:
        raise error(f"not a Selfcare {noun} file")
    if raw["format"] != expected:
        raise error(_NOT_THIS[raw["format"]])
    version = raw.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > newest:
        raise error(f"made by a newer Selfcare ({noun} file version {version}); "
                    "update Selfcare to open it")
    if raw.get("checksum") != checksum(raw):
        raise error("damaged or changed after it was saved (the checksum does not match)")
    return raw


def read_plan_file(data: bytes) -> PlanFile:
    """The checked content of a plan file, or `PlanFileError` with one line; never partial."""
    raw = open_envelope(data, PLAN_FORMAT, largest=LARGEST_FILE, newest=VERSION,
                        error=PlanFileError)
    try:
        model = msgspec.convert(raw, _PlanFile)
    except msgspec.ValidationError as exc:
        raise PlanFileError(f"not a valid plan: {one_line(exc)}") from None
    if not all(plain_name(name) for name in (model.patient.code, *model.plan.sessions,
                                              *model.plan.reminders)):
        raise PlanFileError("not a valid plan: a code or name holds a line break or control "
                            "character")
    if not plain_name(model.patient.display_name) or not plain_text(model.safety.note):
        raise PlanFileError("not a valid plan: a name or note holds a control character")
    unknown = sorted({*model.safety.bone_metastases, *model.safety.line_or_port,
                      *model.safety.recent_surgery} - set(AREAS))
    if unknown:
        raise PlanFileError(f"not a valid plan: unknown body area {unknown[0]!r}")
    try:
        plan = make_plan(model.plan.template, model.plan.sessions, model.plan.start,
                         end=model.plan.end, weekdays=model.plan.weekdays)
    except ValueError as exc:
        raise PlanFileError(f"not a valid plan: {one_line(exc)}") from None
    except OverflowError:
        raise PlanFileError("not a valid plan: its dates run past the end of the calendar"
                            ) from None
    safety = model.safety
    if model.saved_at.tzinfo is None:
        raise PlanFileError("not a valid plan: saved_at needs its UTC offset")
    if not in_range(model.saved_at):
        raise PlanFileError("not a valid plan: saved_at is out of range")
    return PlanFile(
        model.patient.code, model.patient.display_name, model.patient.language, plan,
        tuple(time.fromisoformat(moment) for moment in model.plan.reminders),
        SafetyProfile(safety.pregnancy, frozenset(safety.lymphoedema), safety.low_platelets,
                      frozenset(safety.bone_metastases), frozenset(safety.line_or_port),
                      safety.neuropathy_hands, safety.neuropathy_feet,
                      frozenset(safety.recent_surgery), safety.note),
        model.saved_at, model.plan.end, tuple(model.plan.weekdays))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of plan file version 1 (docs/plan-file.schema.json)."""
    return schema_of(_PlanFile, "Selfcare plan file, version 1")


def schema_of(model: type[msgspec.Struct], title: str) -> dict[str, Any]:
    """A published JSON Schema (draft 2020-12) of a file format's msgspec model."""
    schema = msgspec.json.schema(model)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


if __name__ == "__main__":  # python -m selfcare.core.plan_file > docs/plan-file.schema.json
    import sys

    json.dump(json_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
