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

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Option:
    name: str
    default: float
    minimum: float
    maximum: float
    description: str


OPTIONS = {
    option.name: option
    for option in (
        Option("voice_volume", 1.0, 0.0, 1.0, "Loudness of the narration and chimes, 0 to 1."),
        Option("background_volume", 0.8, 0.0, 1.0, "Loudness of the ambient background, 0 to 1."),
    )
}


class Settings:
    """Typed access to the options; `set` saves at once (the file is tiny)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._values: dict[str, float] = {}
        self._writable = True
        self._load()

    def get(self, name: str) -> float:
        return self._values.get(name, OPTIONS[name].default)

    def set(self, name: str, value: float) -> None:
        option = OPTIONS[name]
        value = min(option.maximum, max(option.minimum, float(value)))
        if value == option.default:
            self._values.pop(name, None)
        else:
            self._values[name] = value
        self._save()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            version = int(data.get("version", 0))
            values = data.get("values", {})
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
            if option is not None and isinstance(value, int | float) \
                    and not isinstance(value, bool):
                self._values[name] = min(option.maximum, max(option.minimum, float(value)))

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
