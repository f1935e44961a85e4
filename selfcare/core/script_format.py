"""Session script format v1, declared once with msgspec.

The same declarations validate scripts (field by field, so every fault is found)
and generate `docs/script-format.schema.json`; a test keeps the two in step.
Structure lives here; the rules that span fields (languages, ids, asset paths,
focus codes) live in `scripts.py`.

msgspec rather than pydantic: the same strictness and a generated schema for a
fraction of the memory (pydantic's models cost the window about 20 MB).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

FORMAT_VERSION = 1
SCRIPT_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2})?$"
LONGEST_SECONDS = 86_400.0  # nothing in a session lasts a day; catches `inf` too

KINDS = ("imagery", "pmr", "acupressure", "breathing")
Kind = Literal["imagery", "pmr", "acupressure", "breathing"]
LangCode = Annotated[str, msgspec.Meta(pattern=LANG_PATTERN)]
Words = Annotated[str, msgspec.Meta(min_length=1)]
LocalizedText = dict[LangCode, Words]
Seconds = Annotated[float, msgspec.Meta(ge=0, le=LONGEST_SECONDS)]
AssetName = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
ScriptId = Annotated[str, msgspec.Meta(pattern=SCRIPT_ID_PATTERN)]


def _about(text: str) -> msgspec.Meta:
    return msgspec.Meta(description=text)


class StepModel(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Words, an optional cue, what to attend to, and how long to stay."""

    say: Annotated[LocalizedText | None,
                   _about("Words spoken and shown, one text per language.")] = None
    cue: Annotated[AssetName | None,
                   _about("Sound at the start of the step: assets/audio/cues/<cue>.ogg.")] = None
    focus: Annotated[str | None,
                     _about("Body region (PMR) or acupressure point code (e.g. LI4).")] = None
    hold: Annotated[Seconds | None,
                    _about("Seconds of tension or pressure, shown as a countdown.")] = None
    pause: Annotated[Seconds | None,
                     _about("Seconds of quiet after the words (and the hold).")] = None


class ScriptHeaderModel(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Everything in a script but its steps, which are validated one by one."""

    format: Annotated[Literal[1], _about("Format version; this is version 1.")]
    id: Annotated[ScriptId, _about("Unique id; must match the file name without .toml.")]
    kind: Kind
    title: Annotated[LocalizedText, msgspec.Meta(min_length=1),
                     _about("Title per language; its keys are the script's languages.")]
    steps: Annotated[list[Any], msgspec.Meta(min_length=1)]
    ambience: Annotated[AssetName | None,
                        _about("Looped bed: assets/audio/ambience/<ambience>.ogg.")] = None
    tags: list[ScriptId] = msgspec.field(default_factory=list)
    summary: LocalizedText = msgspec.field(default_factory=dict)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of format v1, with steps described by the step model."""
    generated = msgspec.json.schema(ScriptHeaderModel)
    defs = generated["$defs"]
    schema: dict[str, Any] = dict(defs.pop("ScriptHeaderModel"))
    step = defs.pop("StepModel", None) or msgspec.json.schema(StepModel)["$defs"]["StepModel"]
    step["title"] = "Step"
    step["description"] = "Words, an optional cue, what to attend to, and how long to stay."
    step["anyOf"] = [{"required": [key]} for key in ("say", "cue", "hold", "pause")]
    schema["properties"]["steps"] = {
        "type": "array",
        "minItems": 1,
        "items": {"$ref": "#/$defs/Step"},
        "description": "Played one after another; each needs one of say, cue, hold, pause.",
    }
    schema["$defs"] = {**defs, "Step": step}
    schema["title"] = "Selfcare session script, format 1"
    schema["description"] = (
        "One guided session: titles and words per language, and steps played one after "
        "another. Written as TOML; this schema describes the parsed document."
    )
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://selfcare.invalid/schema/script-format-1.json"
    return schema


if __name__ == "__main__":  # python -m selfcare.core.script_format > docs/script-format.schema.json
    import json
    import sys

    json.dump(json_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
