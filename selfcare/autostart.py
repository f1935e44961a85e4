"""Start at login, only when the person asks for it: one small file per platform.

Linux and the BSDs read an XDG autostart entry, macOS a LaunchAgent, Windows the
Startup folder. Each is a plain file the person can see and delete, written with the
standard library alone, atomically (a temporary file, then a rename), so a crash never
leaves half an entry that a desktop would refuse or, worse, run.

`sys.platform` is read through `_platform()` so tests can exercise every branch on
one machine and mypy type-checks all three instead of only the host's.
"""

from __future__ import annotations

import configparser
import os
import plistlib
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from selfcare import APP_ID, APP_NAME

# Characters that force quoting in an Exec argument (Desktop Entry spec, "The Exec key").
_DESKTOP_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")
_DESKTOP_ESCAPED_IN_QUOTES = re.compile(r"([\"`$\\])")
_WINDOWS_STARTUP = ("Microsoft", "Windows", "Start Menu", "Programs", "Startup")


def launch_command() -> list[str]:
    """The command that opens the app, as the running copy was started.

    On Windows `pythonw.exe` is preferred to `python.exe` when both exist: the latter
    would keep a console window open beside the app for the whole session.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    executable = Path(sys.executable)
    if _platform() == "win32" and executable.name.lower() == "python.exe":
        windowless = executable.with_name("pythonw.exe")
        if windowless.is_file():
            executable = windowless
    return [str(executable), "-m", "selfcare"]


def entry_path() -> Path:
    """Where this platform looks for the entry; the folder may not exist yet."""
    platform = _platform()
    if platform == "win32":
        appdata = os.environ.get("APPDATA")
        roaming = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
        return roaming.joinpath(*_WINDOWS_STARTUP) / f"{APP_NAME}.cmd"
    if platform == "darwin":
        return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    return _xdg_config_home() / "autostart" / f"{APP_ID}.desktop"


def enable(command: Sequence[str]) -> Path:
    """Write the entry that runs `command` at login (replacing any older one); its path.

    Raises ValueError for a command the platform's format cannot carry, and OSError
    (errno and file kept) when the file cannot be written.
    """
    if not command:
        raise ValueError("start at login needs a command")
    platform = _platform()
    if platform == "win32":
        content = windows_script(command).encode("utf-8")
    elif platform == "darwin":
        content = launch_agent(command)
    else:
        content = desktop_entry(command).encode("utf-8")
    path = entry_path()
    try:
        _write_atomically(path, content)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot turn on start at login: {exc.strerror}",
                      str(path)) from exc
    return path


def disable() -> None:
    """Remove the entry; nothing to do if it is already gone."""
    path = entry_path()
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot turn off start at login: {exc.strerror}",
                      str(path)) from exc


def is_enabled() -> bool:
    """The entry exists and, on Linux, the desktop has not switched it off.

    GNOME and KDE switch an autostart entry off by editing the file (`Hidden=true`,
    `X-GNOME-Autostart-enabled=false`) rather than deleting it.
    """
    path = entry_path()
    if not path.is_file():
        return False
    if _platform() in ("win32", "darwin"):
        return True
    try:
        entry = _read_desktop_entry(path)
    except (OSError, UnicodeDecodeError, configparser.Error):
        return False
    return (entry.get("Hidden", "false").strip().lower() != "true"
            and entry.get("X-GNOME-Autostart-enabled", "true").strip().lower() != "false")


def desktop_entry(command: Sequence[str]) -> str:
    """An XDG autostart entry (Desktop Entry spec; keys of its version 1.0) running `command`."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={APP_NAME}",
        f"Comment=Start {APP_NAME} when you log in",
        f"Exec={desktop_exec(command)}",
        "Terminal=false",
        "NoDisplay=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def desktop_exec(command: Sequence[str]) -> str:
    """The Exec value: each argument quoted as the spec asks, then escaped as a string.

    The spec applies the string escapes (`\\\\`, `\\n`...) before the quoting rule, so
    a backslash inside a quoted argument ends up written as four.
    """
    quoted = " ".join(_desktop_argument(argument) for argument in command)
    return (quoted.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            .replace("\r", "\\r"))


def _desktop_argument(argument: str) -> str:
    argument = argument.replace("%", "%%")  # a lone % starts a field code such as %f
    if argument and not _DESKTOP_RESERVED.search(argument):
        return argument
    return '"' + _DESKTOP_ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'


def launch_agent(command: Sequence[str]) -> bytes:
    """A LaunchAgent property list that launchd runs once at login."""
    return plistlib.dumps({
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        # Only in a graphical login, never for an ssh session of the same person.
        "LimitLoadToSessionType": "Aqua",
    })


def windows_script(command: Sequence[str]) -> str:
    """A Startup-folder script that starts `command` and ends at once.

    `start "" /b` returns without waiting; the brief console window of the script
    itself closes when it ends (a GUI program, or pythonw.exe, opens none of its own).
    `chcp 65001` makes cmd.exe read the following lines as UTF-8, so a path under a
    user name such as "José" survives; cmd.exe re-reads the code page line by line.
    """
    arguments = " ".join(_windows_argument(argument) for argument in command)
    return "\r\n".join(["@echo off", "chcp 65001 >nul", f'start "" /b {arguments}', ""])


def _windows_argument(argument: str) -> str:
    """Always quoted, so cmd.exe leaves & ^ | < > ( ) alone; % doubled for batch files."""
    if '"' in argument or any(ord(char) < 32 for char in argument):
        raise ValueError(f"a start-at-login command cannot carry {argument!r} on Windows")
    # The C runtime reads backslashes before a closing quote as escapes: double them.
    trailing = len(argument) - len(argument.rstrip("\\"))
    return '"' + argument.replace("%", "%%") + "\\" * trailing + '"'


def _platform() -> str:
    return sys.platform


def _xdg_config_home() -> Path:
    """$XDG_CONFIG_HOME if it is absolute (the spec says ignore it otherwise), else ~/.config."""
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".config"


def _read_desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"]) if parser.has_section("Desktop Entry") else {}


def _write_atomically(path: Path, content: bytes) -> None:
    """Replace `path` with `content` in one rename; the temporary name ends in .tmp so no
    desktop mistakes a half-written file for an entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes files private; launchd refuses group- or world-writable agents.
        temp.chmod(0o644)
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)
