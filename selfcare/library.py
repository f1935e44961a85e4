"""Finding and loading session scripts from disk: built-in and from any path.

This is where the pure validator in `selfcare.core.scripts` meets the file
system: it reads files, answers the validator's questions about which assets
exist, and keeps each script's problems beside it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from selfcare import paths
from selfcare.core.assets import ClipState, words_fingerprint
from selfcare.core.problems import Problem
from selfcare.core.scripts import ScriptResult, SessionScript, parse_script

MANIFEST_NAME = "manifest.json"


class FileAssetIndex:
    """Answers `AssetIndex` questions from the assets folder, caching manifests."""

    def __init__(self) -> None:
        self._manifests: dict[tuple[str, str], dict[str, str]] = {}

    def has_cue(self, name: str) -> bool:
        return paths.cue_path(name).is_file()

    def has_ambience(self, name: str) -> bool:
        return paths.ambience_path(name).is_file()

    def clip_state(self, lang: str, script_id: str, number: int, words: str) -> ClipState:
        clip = paths.narration_clip(lang, script_id, number)
        if not clip.is_file():
            return ClipState.MISSING
        recorded = self._manifest(lang, script_id).get(f"{number:03d}")
        if recorded is not None and recorded != words_fingerprint(words):
            return ClipState.STALE
        return ClipState.OK

    def _manifest(self, lang: str, script_id: str) -> dict[str, str]:
        key = (lang, script_id)
        if key not in self._manifests:
            self._manifests[key] = read_manifest(paths.narration_dir(lang, script_id))
        return self._manifests[key]


def read_manifest(folder: Path) -> dict[str, str]:
    """Clip number ("001") -> fingerprint of the words it speaks; empty if absent."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        clips = data["clips"]
        return {str(k): str(v["words_sha256"]) for k, v in clips.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def load_script_file(path: Path, assets: FileAssetIndex | None = None) -> ScriptResult:
    """Read and check one script file; unreadable files become a problem, not a crash."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return ScriptResult(None, [Problem(name, "encoding", f"not UTF-8 text ({exc.reason})")])
    except OSError as exc:
        return ScriptResult(None, [Problem(name, "unreadable", f"cannot be read: {exc.strerror}")])
    return parse_script(text, name, expected_id=path.stem, assets=assets or FileAssetIndex())


@dataclass
class Library:
    """Every usable script by id, and the problems of those that are not."""

    scripts: dict[str, SessionScript] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def sorted_scripts(self) -> list[SessionScript]:
        order = {"imagery": 0, "pmr": 1, "acupressure": 2, "breathing": 3}
        return sorted(self.scripts.values(), key=lambda s: (order.get(s.kind, 9), s.id))


def script_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def load_library(folders: Iterable[Path] | None = None) -> Library:
    """Load every script; a broken one is reported and left out, the rest still load."""
    library = Library()
    assets = FileAssetIndex()
    for folder in folders if folders is not None else [paths.scripts_dir()]:
        for file in script_files(folder):
            result = load_script_file(file, assets)
            library.problems.extend(result.problems)
            if result.script is None:
                continue
            if result.script.id in library.scripts:
                library.problems.append(
                    Problem(str(file), "duplicate-id", f"id '{result.script.id}' is used twice",
                            field="id")
                )
                continue
            library.scripts[result.script.id] = result.script
    return library


@functools.lru_cache(maxsize=4)
def library_titles(lang: str) -> Mapping[str, str]:
    """Every built-in session's title in `lang`, read once per process (reading and checking
    every script takes about half a second; a report or an export needs only the titles)."""
    return MappingProxyType({s.id: s.title_in(lang) for s in load_library().scripts.values()})


def resolve_script(id_or_path: str) -> ScriptResult:
    """A built-in id ("pmr-short") or a path to a script file."""
    candidate = Path(id_or_path)
    if candidate.suffix == ".toml" or candidate.is_file():
        return load_script_file(candidate)
    if not paths.stays_inside_id(id_or_path):
        return ScriptResult(None, [Problem(id_or_path, "unknown-session", "no such session")])
    builtin = paths.scripts_dir() / f"{id_or_path}.toml"
    if not builtin.is_file():
        return ScriptResult(None, [Problem(id_or_path, "unknown-session",
                                           "no built-in session with this id, and no such file")])
    return load_script_file(builtin)
