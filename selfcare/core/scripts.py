"""Read and check one session script, collecting every problem instead of stopping.

Structure is checked against the msgspec declarations in `script_format`, field by
field and step by step, so one fault never hides another. Rules that span
fields follow: languages, the id against the file name, focus codes, asset paths
and (through an `AssetIndex`) which files exist.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import msgspec

from selfcare.core.assets import AssetIndex, ClipState, stays_inside
from selfcare.core.focus import focus_kind
from selfcare.core.problems import Problem, Severity
from selfcare.core.script_format import (
    KINDS,
    LANG_PATTERN,
    LONGEST_SECONDS,
    ScriptHeaderModel,
    StepModel,
)

TIMED_KEYS = ("say", "cue", "hold", "pause")


@dataclass(frozen=True, slots=True)
class Step:
    """One validated step; `number` counts from 1 as narration files do."""

    number: int
    say: Mapping[str, str] = field(default_factory=dict)
    cue: str | None = None
    focus: str | None = None
    hold: float = 0.0
    pause: float = 0.0


@dataclass(frozen=True, slots=True)
class SessionScript:
    id: str
    kind: str
    title: Mapping[str, str]
    summary: Mapping[str, str]
    tags: tuple[str, ...]
    ambience: str | None
    steps: tuple[Step, ...]
    source: str

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.title)

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or next(iter(self.title.values()))


@dataclass(frozen=True, slots=True)
class ScriptResult:
    script: SessionScript | None
    problems: list[Problem]


def parse_script(
    text: str,
    file: str,
    *,
    expected_id: str | None = None,
    assets: AssetIndex | None = None,
) -> ScriptResult:
    """Parse TOML text into a script; `script` is None when any error was found."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return ScriptResult(None, [Problem(file, "toml-syntax", f"not valid TOML: {exc}")])
    checker = _Checker(file, expected_id, assets)
    script = checker.check(raw)
    return ScriptResult(script, checker.problems)


class _Checker:
    """Collects problems for one file while building the script."""

    def __init__(self, file: str, expected_id: str | None, assets: AssetIndex | None) -> None:
        self.file = file
        self.expected_id = expected_id
        self.assets = assets
        self.problems: list[Problem] = []

    def add(
        self,
        code: str,
        message: str,
        *,
        step: int | None = None,
        field: str | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(Problem(self.file, code, message, step, field, severity))

    def check(self, raw: dict[str, Any]) -> SessionScript | None:
        header = self._check_header(raw)
        languages = _languages_of(raw.get("title"))
        raw_steps = raw.get("steps")
        steps = self._check_steps(raw_steps, languages, raw.get("id"))
        if header is not None:
            self._check_summary(header.summary, languages)
            self._check_ambience(header.ambience)
            self._check_id(header.id)
        if header is None or steps is None or any(p.is_error for p in self.problems):
            return None
        for step in steps:  # warnings about clips only matter once the script is valid
            self._check_clips(step.say, header.id, step.number)
        return SessionScript(
            id=header.id,
            kind=header.kind,
            title=dict(header.title),
            summary=dict(header.summary),
            tags=tuple(header.tags),
            ambience=header.ambience,
            steps=tuple(steps),
            source=self.file,
        )

    def _check_header(self, raw: dict[str, Any]) -> ScriptHeaderModel | None:
        values = self._fields(raw, ScriptHeaderModel, step=None, skip={"steps"})
        steps = raw.get("steps")
        if not isinstance(steps, list) or not steps:
            given = "missing" if steps is None else f"got {steps!r}"[:60]
            self.add("steps", "a script needs at least one [[steps]] table "
                     f"({given})", field="steps")
            return None
        if values is None:
            return None
        return ScriptHeaderModel(steps=steps, **values)

    def _fields(self, raw: dict[str, Any], model: type[msgspec.Struct], *, step: int | None,
                skip: frozenset[str] | set[str] = frozenset()) -> dict[str, Any] | None:
        """Check every key of `raw` against `model`, one field at a time, keeping all faults."""
        fields = {f.name: f for f in msgspec.structs.fields(model)}
        values: dict[str, Any] = {}
        before = len(self.problems)
        for key in raw:
            if key not in fields:
                self.add("unknown-key", "unknown key", step=step, field=str(key))
        for name, info in fields.items():
            if name in skip:
                continue
            if name not in raw:
                if info.required:
                    self.add("missing-key", "required key is missing", step=step, field=name)
                continue
            try:
                values[name] = msgspec.convert(raw[name], info.type)
            except msgspec.ValidationError as exc:
                explained = _explain(name, raw[name]) or [(name, "bad-value", str(exc))]
                for field, code, message in explained:
                    self.add(code, message, step=step, field=field)
        return None if len(self.problems) > before else values

    def _check_id(self, script_id: str) -> None:
        if self.expected_id is not None and script_id != self.expected_id:
            self.add(
                "id-mismatch",
                f"id '{script_id}' does not match the file name '{self.expected_id}.toml'",
                field="id",
            )

    def _check_summary(self, summary: Mapping[str, str], languages: Sequence[str]) -> None:
        if summary:
            self._check_languages(summary, languages, step=None, field="summary")

    def _check_ambience(self, name: str | None) -> None:
        if name is None:
            return
        if not stays_inside(name):
            self.add("path-outside-assets", f"'{name}' leaves the assets folder", field="ambience")
        elif self.assets is not None and not self.assets.has_ambience(name):
            self.add(
                "missing-asset",
                f"no ambience file assets/audio/ambience/{name}.ogg",
                field="ambience",
            )

    def _check_steps(
        self, raw_steps: Any, languages: Sequence[str], script_id: Any
    ) -> list[Step] | None:
        if not isinstance(raw_steps, list):
            return None  # reported by the header check
        steps: list[Step] = []
        for number, raw in enumerate(raw_steps, start=1):
            step = self._check_step(number, raw, languages, script_id)
            if step is not None:
                steps.append(step)
        return steps if len(steps) == len(raw_steps) else None

    def _check_step(
        self, number: int, raw: Any, languages: Sequence[str], script_id: Any
    ) -> Step | None:
        if not isinstance(raw, dict):
            self.add("step-type", "each step must be a table ([[steps]])", step=number)
            return None
        before = len(self.problems)
        values = self._fields(raw, StepModel, step=number)
        self._check_step_rules(number, raw, languages)
        if values is None or any(p.is_error for p in self.problems[before:]):
            return None
        return Step(
            number=number,
            say=dict(values.get("say") or {}),
            cue=values.get("cue"),
            focus=values.get("focus"),
            hold=values.get("hold") or 0.0,
            pause=values.get("pause") or 0.0,
        )

    def _check_step_rules(self, number: int, raw: dict[str, Any], languages: Sequence[str]) -> None:
        """Rules across fields, checked on whichever values have the right type."""
        if not any(raw.get(key) is not None for key in TIMED_KEYS):
            self.add("empty-step", "a step needs at least one of say, cue, hold, pause",
                     step=number)
        focus, cue, say = raw.get("focus"), raw.get("cue"), raw.get("say")
        if isinstance(focus, str) and focus_kind(focus) is None:
            self.add("unknown-focus", f"unknown focus '{focus}'", step=number, field="focus")
        if isinstance(cue, str):
            self._check_cue(cue, number)
        if isinstance(say, dict):
            self._check_languages(say, languages, step=number, field="say")

    def _check_cue(self, name: str, number: int) -> None:
        if not stays_inside(name):
            self.add("path-outside-assets", f"'{name}' leaves the assets folder", step=number,
                     field="cue")
        elif self.assets is not None and not self.assets.has_cue(name):
            self.add("missing-asset", f"no cue sound assets/audio/cues/{name}.ogg", step=number,
                     field="cue")

    def _check_languages(
        self, texts: Mapping[str, str], languages: Sequence[str], *, step: int | None, field: str
    ) -> None:
        for lang in languages:
            if lang not in texts:
                self.add("missing-language", f"missing language '{lang}'", step=step,
                         field=field)
        for lang in texts:
            if languages and lang not in languages:
                known = ", ".join(languages)
                self.add(
                    "unknown-language",
                    f"language '{lang}' is not in the title's languages ({known})",
                    step=step,
                    field=field,
                )

    def _check_clips(self, say: Mapping[str, str], script_id: str, number: int) -> None:
        if self.assets is None:
            return
        for lang, words in say.items():
            state = self.assets.clip_state(lang, script_id, number, words)
            if state is ClipState.OK:
                continue
            path = f"assets/audio/narration/{lang}/{script_id}/{number:03d}.ogg"
            message = {
                ClipState.MISSING: f"no narration clip {path}; captions only, timed by reading "
                "speed",
                ClipState.STALE: f"narration clip {path} speaks older words; rebuild the "
                "narration",
                ClipState.UNREADABLE: f"narration clip {path} cannot be read",
            }[state]
            self.add(f"clip-{state.value}", message, step=number, field=f"say.{lang}",
                     severity=Severity.WARNING)


def _languages_of(title: Any) -> list[str]:
    if isinstance(title, dict):
        return [key for key in title if isinstance(key, str)]
    return []


SECONDS_FIELDS = {"hold", "pause"}
TEXT_TABLES = {"say", "title", "summary"}


def _explain(name: str, value: Any) -> list[tuple[str, str, str]]:
    """(field, code, sentence) for a value its field refused, in a person's words."""
    given = f"(got {value!r})"
    if name in SECONDS_FIELDS:
        return [(name, *_explain_seconds(value))]
    if name in TEXT_TABLES:
        return _explain_text_table(name, value)
    if name == "kind":
        return [(name, "bad-value", f"must be one of {', '.join(KINDS)} {given}")]
    if name == "format":
        return [(name, "bad-value", f"this program reads format 1 {given}")]
    if name in ("id", "tags"):
        return [(name, "bad-value", "use lower-case letters and digits in words joined by "
                 f"single hyphens {given}")]
    if not isinstance(value, str):
        return [(name, "wrong-type", f"must be text {given}")]
    return [(name, "bad-value", f"must be a short name, 1 to 200 characters {given}")]


def _explain_seconds(value: Any) -> tuple[str, str]:
    given = f"(got {value!r})"
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return "wrong-type", f"must be a number of seconds {given}"
    if value < 0:
        return "negative", f"must not be negative {given}"
    return "too-long", f"must be at most {LONGEST_SECONDS:.0f} seconds {given}"


def _explain_text_table(name: str, value: Any) -> list[tuple[str, str, str]]:
    if not isinstance(value, dict):
        return [(name, "wrong-type", 'must be a table of languages, like { en = "..." }')]
    if not value:
        return [(name, "empty", "must give at least one language")]
    found = []
    for lang, words in value.items():
        if not isinstance(lang, str) or re.fullmatch(LANG_PATTERN, lang) is None:
            found.append((f"{name}.{lang}", "bad-language",
                          f"{lang!r} is not a language code like 'en' or 'es'"))
        elif not isinstance(words, str):
            found.append((f"{name}.{lang}", "wrong-type", f"must be text (got {words!r})"))
        elif not words:
            found.append((f"{name}.{lang}", "empty", "must not be empty"))
    return found
