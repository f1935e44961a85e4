"""The person's preferences, declared once with type, default and meaning.

Stored as JSON in the data folder, saving only values that differ from the
default, with a version so later releases can upgrade them. A file that cannot
be read is moved aside and the defaults used; a file from a newer Selfcare is
left untouched and not overwritten.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfcare.core.questions import QuestionChoices

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
FILE_NAME = "settings.json"


Value = float | bool | str


@dataclass(frozen=True)
class Option:
    """One preference: its default fixes its type (a number, a yes/no, or a choice)."""

    name: str
    default: Value
    description: str
    minimum: float = 0.0
    maximum: float = 1.0
    choices: tuple[str, ...] = ()

    def accept(self, value: object) -> Value | None:
        """The value made valid for this option (numbers clamped), or None if unusable."""
        if isinstance(self.default, bool):
            return value if isinstance(value, bool) else None
        if isinstance(self.default, str):
            return value if isinstance(value, str) and value in self.choices else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return min(self.maximum, max(self.minimum, float(value)))
        return None


OPTIONS = {
    option.name: option
    for option in (
        Option("voice_volume", 1.0, "Loudness of the narration and chimes, 0 to 1."),
        Option("background_volume", 0.8, "Loudness of the ambient background, 0 to 1."),
        Option("language", "", "Interface and session language: '' follows the system, "
               "or 'en' or 'es'.", choices=("", "en", "es")),
        Option("text_scale", 1.0, "Text size, 1 (100 %) to 2 (200 %).", 1.0, 2.0),
        Option("high_contrast", False, "Light text on black with strong outlines."),
        Option("reduced_motion", False, "No moving breathing circle and no animation."),
        Option("captions", True, "Show the words being spoken."),
        Option("ask_tension", False, "Before and after each session: muscle tension, 0-10."),
        Option("ask_tiredness", False, "Before and after: ESAS-r tiredness, 0-10."),
        Option("ask_anxiety", False, "Before and after: ESAS-r anxiety, 0-10."),
        Option("ask_wellbeing", False, "Before and after: ESAS-r wellbeing, 0-10."),
        Option("ask_weekly_check", True, "Once a week, after a session: three questions "
               "about the past week (modelled on the PEG)."),
        Option("ask_soreness", True, "After acupressure: any soreness or bruising?"),
        Option("ask_note", True, "After each session: a place for a short note."),
        Option("start_at_login", False, "Start Selfcare at login so plan reminders can "
               "appear (opt-in)."),
    )
}


def question_choices(settings: Settings) -> QuestionChoices:
    """What to ask besides pain, from the saved options."""
    from selfcare.core.questions import QuestionChoices  # msgspec: not before first paint

    return QuestionChoices(
        tension=settings.flag("ask_tension"), tiredness=settings.flag("ask_tiredness"),
        anxiety=settings.flag("ask_anxiety"), wellbeing=settings.flag("ask_wellbeing"),
        weekly_check=settings.flag("ask_weekly_check"), soreness=settings.flag("ask_soreness"),
        note=settings.flag("ask_note"))


class Settings:
    """Typed access to the options; `set` saves at once (the file is tiny)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._values: dict[str, Value] = {}
        self._writable = True
        self._load()

    def get(self, name: str) -> float:
        """A number option."""
        value = self._value(name)
        assert isinstance(value, float)
        return value

    def flag(self, name: str) -> bool:
        value = self._value(name)
        assert isinstance(value, bool)
        return value

    def choice(self, name: str) -> str:
        value = self._value(name)
        assert isinstance(value, str)
        return value

    def _value(self, name: str) -> Value:
        return self._values.get(name, OPTIONS[name].default)

    def set(self, name: str, value: Value) -> None:
        option = OPTIONS[name]
        accepted = option.accept(value)
        if accepted is None:
            raise ValueError(f"{value!r} is not a value for {name}")
        if accepted == option.default:
            self._values.pop(name, None)
        else:
            self._values[name] = accepted
        self._save()

    def _load(self) -> None:
        try:
            if not self.path.exists():
                return
            data = json.loads(self.path.read_text(encoding="utf-8"))
            version = int(data.get("version", 0))
            values = data.get("values", {})
        except PermissionError as exc:
            log.warning("settings cannot be read (%s); using defaults", exc)
            self._writable = False
            return
        except (OSError, ValueError, AttributeError, TypeError) as exc:
            self._move_aside(f"unreadable: {exc}")
            return
        if version > SETTINGS_VERSION:
            log.warning("settings were written by a newer Selfcare; using defaults and "
                        "leaving %s untouched", self.path)
            self._writable = False
            return
        for name, value in values.items() if isinstance(values, dict) else ():
            option = OPTIONS.get(name)
            accepted = None if option is None else option.accept(value)
            if accepted is not None:
                self._values[name] = accepted

    def _save(self) -> None:
        if not self._writable:
            return
        data = {"version": SETTINGS_VERSION, "values": self._values}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".json.part")
            partial.write_text(json.dumps(data, indent=2), encoding="utf-8")
            partial.replace(self.path)
        except OSError as exc:
            log.warning("settings not saved: %s", exc)

    def _move_aside(self, why: str) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        log.warning("settings %s (%s); kept as %s, using defaults", self.path, why, target)
        try:
            self.path.replace(target)
        except OSError:
            self._writable = False
