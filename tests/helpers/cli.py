"""Running `selfcare` as a person would: a real process, its output, its files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import REPO


def selfcare_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "SELFCARE_DATA_DIR": str(data_dir), "SDL_AUDIODRIVER": "dummy"}
    env.update(extra)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "selfcare", *args]


def run_selfcare(data_dir: Path, *args: str, timeout: float = 60, stdin: str | None = None,
                 **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(*args), cwd=REPO, env=selfcare_env(data_dir, **env),
                          capture_output=True, text=True, timeout=timeout, input=stdin,
                          check=False)


def history(data_dir: Path) -> list[dict[str, Any]]:
    done = run_selfcare(data_dir, "history", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
