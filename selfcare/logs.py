"""Logging to a rotating file in the data folder; nothing a patient has to read."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "selfcare.log"


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to data_dir/logs/selfcare.log (rotated); returns the file, or None if unwritable."""
    folder = data_dir / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    return folder / LOG_NAME
