"""The command line: `selfcare` with no command opens the app; commands do one job each.

Every command that takes a session accepts a built-in id or a path to a script
file, and `--data-dir` works with all of them. Expected failures print one line
on stderr and exit 1; no traceback is ever shown.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from selfcare import __version__

# Before anything can import pygame: let SIGTERM through, keep stdout clean.
os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """An expected failure: its message is shown as one line, with no traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is not None:
        os.environ["SELFCARE_DATA_DIR"] = str(Path(args.data_dir).resolve())
    command: Callable[[argparse.Namespace], int] = getattr(args, "run", run_gui)
    try:
        return command(args)
    except CommandError as exc:
        print(f"selfcare: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="selfcare",
        description="Guided self-care sessions for pain, with before/after ratings.",
    )
    parser.add_argument("--version", action="version", version=f"selfcare {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep the database and logs here")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    from selfcare.cli_commands import register

    register(commands)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from selfcare.app import run

    return run(data_dir=os.environ.get("SELFCARE_DATA_DIR"))


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
