"""Start at login: the right file in the right place on each platform, and a way back."""

from __future__ import annotations

import configparser
import json
import plistlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selfcare import APP_ID, APP_NAME, autostart

SPACED = ["/opt/My Apps/python3", "-m", "selfcare"]


@pytest.fixture
def linux(tmp_path, monkeypatch) -> Path:
    """A Linux desktop whose config folder (not yet created) is in tmp_path."""
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def unquote_exec(value: str) -> list[str]:
    """Read an Exec value as a desktop does: string escapes first, then the quoting rule."""
    return [argument.replace("%%", "%") for argument in split_quoted(unescape_string(value))]


def unescape_string(value: str) -> str:
    text, chars = "", iter(value)
    for char in chars:
        text += STRING_ESCAPES[next(chars)] if char == "\\" else char
    return text


def split_quoted(text: str) -> list[str]:
    """Arguments separated by spaces; inside double quotes a backslash escapes a character."""
    arguments: list[str] = []
    current: str | None = None  # None between arguments; "" for an empty quoted one
    quoted = False
    chars = iter(text)
    for char in chars:
        if quoted and char == "\\":
            current = (current or "") + next(chars)
        elif char == '"':
            quoted, current = not quoted, current or ""
        elif char == " " and not quoted:
            if current is not None:
                arguments.append(current)
            current = None
        else:
            current = (current or "") + char
    return arguments if current is None else [*arguments, current]


def test_linux_entry_is_a_valid_autostart_desktop_entry(linux):
    path = autostart.enable(SPACED)
    assert path == linux / "autostart" / f"{APP_ID}.desktop"
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Exec"] == '"/opt/My Apps/python3" -m selfcare'
    assert unquote_exec(entry["Exec"]) == SPACED


@pytest.mark.parametrize("argument", [
    "C:\\odd\\path", 'say "hi"', "100%", "$HOME", "back`tick", "tab\there", "", "~/x",
])
def test_exec_quoting_survives_awkward_arguments(argument):
    command = ["/usr/bin/python3", argument]
    assert unquote_exec(autostart.desktop_exec(command)) == command


def test_a_backslash_inside_quotes_is_written_as_four():
    # The spec's own example: a literal backslash in a quoted argument is "\\\\".
    assert autostart.desktop_exec(["a b\\c"]) == '"a b\\\\\\\\c"'


def test_enable_disable_round_trip(linux):
    assert not autostart.is_enabled()
    autostart.disable()  # nothing to remove is fine
    autostart.enable(SPACED)
    assert autostart.is_enabled()
    autostart.enable(["/usr/bin/selfcare"])  # replaces, leaves no temporary file behind
    assert [p.name for p in (linux / "autostart").iterdir()] == [f"{APP_ID}.desktop"]
    autostart.disable()
    assert not autostart.is_enabled()
    assert not autostart.entry_path().exists()


@pytest.mark.parametrize("line", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_an_entry_the_desktop_switched_off_is_not_enabled(linux, line):
    path = autostart.enable(SPACED)
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    assert not autostart.is_enabled()


def test_a_relative_xdg_config_home_is_ignored(linux, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    assert autostart.entry_path() == tmp_path / "home" / ".config" / "autostart" / (
        f"{APP_ID}.desktop")


def test_a_folder_that_cannot_be_written_raises_a_clear_oserror(linux):
    linux.mkdir()
    (linux / "autostart").write_text("a file where the folder should be")
    with pytest.raises(OSError, match="cannot turn on start at login") as raised:
        autostart.enable(SPACED)
    assert raised.value.filename == str(autostart.entry_path())


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_desktop_file_validate_accepts_the_entry(linux):
    path = autostart.enable([*SPACED, "100% sure", "$x", "C:\\a\tb", 'say "hi"', ""])
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                            text=True, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("gio") is None, reason="gio (GLib) is not installed")
def test_glib_reads_back_every_argument(tmp_path):
    """GLib, which GNOME's session uses to start autostart entries, gets the same argv."""
    out = tmp_path / "argv.json"
    probe = tmp_path / "argv.py"
    probe.write_text(  # written whole, then renamed: the test never reads half of it
        f"import json, os, sys\nopen({str(out)!r} + '.tmp', 'w').write(json.dumps(sys.argv[1:]))"
        f"\nos.replace({str(out)!r} + '.tmp', {str(out)!r})\n")
    awkward = ["100% sure", "$x", "C:\\a\tb", 'say "hi"', "", "back`tick", "~/x", "%f"]
    entry = tmp_path / "probe.desktop"
    entry.write_text(autostart.desktop_entry([sys.executable, str(probe), *awkward]),
                     encoding="utf-8")
    subprocess.run(["gio", "launch", str(entry)], check=True, capture_output=True, timeout=30)
    deadline = time.monotonic() + 30  # gio returns once the program is spawned
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert json.loads(out.read_text()) == awkward


def test_macos_launch_agent(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    path = autostart.enable(SPACED)
    assert path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == APP_ID
    assert agent["ProgramArguments"] == SPACED
    assert agent["RunAtLoad"] is True
    assert path.stat().st_mode & 0o022 == 0  # launchd ignores writable agents
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()


def test_windows_startup_script(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    command = ["C:\\Program Files\\Selfcare\\Selfcare.exe", "50%", "C:\\Users\\José\\"]
    path = autostart.enable(command)
    assert path == (tmp_path / "Roaming" / "Microsoft" / "Windows" / "Start Menu"
                    / "Programs" / "Startup" / f"{APP_NAME}.cmd")
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.decode("utf-8").splitlines() == [
        "@echo off",
        "chcp 65001 >nul",
        'start "" /b "C:\\Program Files\\Selfcare\\Selfcare.exe" "50%%" "C:\\Users\\José\\\\"',
    ]
    assert autostart.is_enabled()
    autostart.disable()
    assert not path.exists()


def test_windows_refuses_a_quote_it_cannot_carry(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path))
    with pytest.raises(ValueError, match="cannot carry"):
        autostart.enable(['say "hi"'])
    assert not autostart.entry_path().exists()


def test_launch_command_from_source_and_frozen(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert autostart.launch_command() == [sys.executable, "-m", "selfcare"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert autostart.launch_command() == [sys.executable]


def test_launch_command_on_windows_prefers_the_windowless_python(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    python = tmp_path / "python.exe"
    python.touch()
    monkeypatch.setattr(sys, "executable", str(python))
    assert autostart.launch_command()[0] == str(python)
    (tmp_path / "pythonw.exe").touch()
    assert autostart.launch_command() == [str(tmp_path / "pythonw.exe"), "-m", "selfcare"]


def test_an_empty_command_is_refused(linux):
    with pytest.raises(ValueError, match="needs a command"):
        autostart.enable([])
