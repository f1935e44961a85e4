"""Session script format v1, declared once with pydantic.

The same models validate scripts and generate `docs/script-format.schema.json`
(a test keeps the two in step). Structure lives here; the rules that span fields
(languages, ids, asset paths, focus codes) live in `scripts.py`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FORMAT_VERSION = 1
SCRIPT_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2})?$"

Kind = Literal["imagery", "pmr", "acupressure", "breathing"]
LangCode = Annotated[str, StringConstraints(pattern=LANG_PATTERN)]
Words = Annotated[str, StringConstraints(min_length=1)]
LocalizedText = dict[LangCode, Words]
Seconds = Annotated[float, Field(ge=0, allow_inf_nan=False)]
AssetName = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class StepModel(BaseModel):
    """One step: words, an optional cue, what to attend to, and how long to stay."""

    model_config = ConfigDict(extra="forbid", strict=True, title="Step")

    say: LocalizedText | None = Field(
        default=None, description="Words spoken and shown, one text per language."
    )
    cue: AssetName | None = Field(
        default=None,
        description="Sound at the start of the step: assets/audio/cues/<cue>.ogg.",
    )
    focus: str | None = Field(
        default=None,
        description="Body region (PMR) or acupressure point code (e.g. LI4) to show.",
    )
    hold: Seconds | None = Field(
        default=None, description="Seconds of tension or pressure, shown as a countdown."
    )
    pause: Seconds | None = Field(
        default=None, description="Seconds of quiet after the words (and the hold)."
    )


class ScriptHeaderModel(BaseModel):
    """Everything in a script but its steps, which are validated one by one."""

    model_config = ConfigDict(extra="forbid", strict=True, title="SessionScript")

    format: Literal[1] = Field(description="Format version; this is version 1.")
    id: Annotated[str, StringConstraints(pattern=SCRIPT_ID_PATTERN)] = Field(
        description="Unique id; must match the file name without .toml."
    )
    kind: Kind
    ambience: AssetName | None = Field(
        default=None, description="Looped bed: assets/audio/ambience/<ambience>.ogg."
    )
    tags: list[Annotated[str, StringConstraints(pattern=SCRIPT_ID_PATTERN)]] = Field(
        default_factory=list
    )
    title: Annotated[LocalizedText, Field(min_length=1)] = Field(
        description="Title per language; its keys are the script's languages."
    )
    summary: LocalizedText = Field(default_factory=dict)
    steps: Annotated[list[Any], Field(min_length=1)]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of format v1, with steps described by the step model."""
    schema = ScriptHeaderModel.model_json_schema()
    step_schema = StepModel.model_json_schema()
    step_schema["anyOf"] = [{"required": [key]} for key in ("say", "cue", "hold", "pause")]
    schema.setdefault("$defs", {})["Step"] = step_schema
    schema["properties"]["steps"] = {
        "type": "array",
        "minItems": 1,
        "items": {"$ref": "#/$defs/Step"},
        "description": "Played one after another; each needs one of say, cue, hold, pause.",
    }
    schema["title"] = "Selfcare session script, format 1"
    schema["description"] = (
        "One guided session: titles and words per language, and steps played one after "
        "another. Written as TOML; this schema describes the parsed document."
    )
    schema["$defs"]["Step"]["description"] = (
        "Words, an optional cue, what to attend to, and how long to stay.")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://selfcare.invalid/schema/script-format-1.json"
    return schema


if __name__ == "__main__":  # python -m selfcare.core.script_format > docs/script-format.schema.json
    import json
    import sys

    json.dump(json_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
