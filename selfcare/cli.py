"""The command line: `selfcare` with no command opens the app; commands do one job each.

Every command that takes a session accepts a built-in id or a path to a script
file, and `--data-dir` works with all of them. Expected failures print one line
on stderr and exit 1; no traceback is ever shown.

Opening the window skips argument parsing altogether: a person double-clicking the
app should see it as soon as possible.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from selfcare import __version__

if TYPE_CHECKING:
    import argparse

# Before anything can import pygame: let SIGTERM through, keep stdout clean.
os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
DATA_ENV = "SELFCARE_DATA_DIR"
IN_TRAY = "--in-tray"


class CommandError(Exception):
    """An expected failure: its message is shown as one line, with no traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    in_tray = IN_TRAY in args
    window_data_dir = window_only([arg for arg in args if arg != IN_TRAY])
    if window_data_dir is not None:
        if window_data_dir:
            os.environ[DATA_ENV] = os.path.abspath(window_data_dir)  # noqa: PTH100 - no pathlib before the window
        return open_window(in_tray)
    parsed = build_parser().parse_args(args)
    if parsed.data_dir is not None:
        os.environ[DATA_ENV] = os.path.abspath(parsed.data_dir)  # noqa: PTH100
    _log_warnings_to_stderr()
    if parsed.self_test:
        from selfcare.self_test import run_self_test

        return run_self_test()
    command: Callable[[argparse.Namespace], int] = getattr(parsed, "run",
                                                           lambda given: open_window(given.in_tray))
    try:
        return command(parsed)
    except CommandError as exc:
        print(f"selfcare: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `selfcare timeline ID --json | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _log_warnings_to_stderr() -> None:
    """Commands say what matters themselves; a warning from deeper down gets one line."""
    import logging

    handler = logging.StreamHandler()
    handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter("selfcare: %(message)s"))
    logging.getLogger().addHandler(handler)


def window_only(args: list[str]) -> str | None:
    """The data folder ('' for the default) when the arguments only open the window."""
    if not args:
        return ""
    if len(args) == 2 and args[0] == "--data-dir":
        return args[1]
    if len(args) == 1 and args[0].startswith("--data-dir="):
        return args[0].split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="selfcare",
        description="Guided self-care sessions for pain, with before/after ratings.",
    )
    parser.add_argument("--version", action="version", version=f"selfcare {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep the database and logs here")
    parser.add_argument(IN_TRAY, action="store_true",
                        help="start in the system tray when the plan has reminders to give "
                             "(what start at login uses); otherwise open the window")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (records, content, sound, window) in a "
                             "temporary folder; exit 0 if all is well")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    from selfcare.cli_commands import register

    register(commands)
    return parser


def open_window(in_tray: bool = False) -> int:
    from selfcare.app import run  # Qt is loaded only for the window

    return run(data_dir=os.environ.get(DATA_ENV), in_tray=in_tray)


def print_json(data: object) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
