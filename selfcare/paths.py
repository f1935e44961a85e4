"""Where things live: built-in assets (source tree or frozen bundle) and user data.

One module owns every path so tests can point the whole app at temporary folders
(`SELFCARE_ASSETS_DIR`, `SELFCARE_DATA_DIR`, or `--data-dir`) and a PyInstaller
bundle finds its assets at the same relative place as the source tree does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from selfcare.core.assets import stays_inside

ASSETS_ENV = "SELFCARE_ASSETS_DIR"
DATA_ENV = "SELFCARE_DATA_DIR"
AUDIO_SUFFIX = ".ogg"


def assets_dir() -> Path:
    override = os.environ.get(ASSETS_ENV)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def scripts_dir() -> Path:
    return assets_dir() / "scripts"


def measures_dir() -> Path:
    return assets_dir() / "measures"


def audio_dir() -> Path:
    return assets_dir() / "audio"


def _inside(folder: Path, relative: str, suffix: str) -> Path:
    if not stays_inside(relative):
        raise ValueError(f"{relative!r} leaves the assets folder")
    return folder / f"{relative}{suffix}"


def cue_path(name: str) -> Path:
    return _inside(audio_dir() / "cues", name, AUDIO_SUFFIX)


def ambience_path(name: str) -> Path:
    return _inside(audio_dir() / "ambience", name, AUDIO_SUFFIX)


def diagrams_dir() -> Path:
    return assets_dir() / "diagrams"


def point_diagram_path(code: str) -> Path:
    """The drawing of one acupressure point: assets/diagrams/points/<CODE>.svg."""
    return _inside(diagrams_dir() / "points", code, ".svg")


def body_diagram_path() -> Path:
    """The body outline whose parts are highlighted for a relaxation region."""
    return diagrams_dir() / "body.svg"


def icon_path(size: int = 256) -> Path:
    """The app's icon as a square PNG of `size` pixels (assets/icons/selfcare-<size>.png),
    drawn from packaging/icons/selfcare.svg by packaging/icons.py."""
    return assets_dir() / "icons" / f"selfcare-{size}.png"


def translations_dir() -> Path:
    """The interface's compiled Qt catalogues (`selfcare_<lang>.qm`) and their sources."""
    return assets_dir() / "translations"


def narration_dir(lang: str, script_id: str) -> Path:
    return _inside(audio_dir() / "narration" / lang, script_id, "")


def narration_clip(lang: str, script_id: str, number: int) -> Path:
    return narration_dir(lang, script_id) / f"{number:03d}{AUDIO_SUFFIX}"


def default_data_dir() -> Path:
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("Selfcare", appauthor=False))


def stays_inside_id(name: str) -> bool:
    """True for a bare name that cannot point anywhere but its own folder."""
    return stays_inside(name) and "/" not in name and "\\" not in name
