"""Reading the questionnaire files in `assets/measures/`.

A file that cannot be read or checked is left out with a one-line problem naming it;
the others, and the app, carry on. Pain 0-10 needs no file and is always asked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from selfcare import paths
from selfcare.core.measures import Instrument, MeasureError, parse_instrument

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MeasureProblem:
    file: Path
    text: str  # names the file and the fault

    def __str__(self) -> str:
        return self.text


@dataclass
class Measures:
    instruments: dict[str, Instrument] = field(default_factory=dict)
    problems: list[MeasureProblem] = field(default_factory=list)


def load_measures(folder: Path | None = None) -> Measures:
    """Every `*.toml` questionnaire in `folder` (the built-in one by default)."""
    folder = folder or paths.measures_dir()
    found = Measures()
    try:
        files = sorted(folder.glob("*.toml"))
    except OSError as exc:
        found.problems.append(MeasureProblem(
            folder, f"{folder}: cannot be read ({exc.strerror or exc})"))
        return found
    for path in files:
        try:
            instrument = parse_instrument(path.read_bytes(), str(path))
        except OSError as exc:
            found.problems.append(MeasureProblem(
                path, f"{path}: cannot be read ({exc.strerror or exc})"))
            continue
        except MeasureError as exc:
            found.problems.append(MeasureProblem(path, str(exc)))
            continue
        if instrument.id != path.stem:
            found.problems.append(MeasureProblem(
                path, f"{path}: its id {instrument.id!r} must match the file name"))
            continue
        found.instruments[instrument.id] = instrument
    for problem in found.problems:
        log.warning("questionnaire left out: %s", problem)
    return found
