"""The platform files say what selfcare/__init__.py says, and the validators accept them."""

from __future__ import annotations

import configparser
import os
import plistlib
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

import selfcare
from tests.conftest import REPO
from tests.helpers.packaging_scripts import load_script

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


metadata = load_script("metadata")


def needs(tool: str) -> pytest.MarkDecorator:
    """Skip where the validator is not installed, except under CI, where it must be."""
    return pytest.mark.skipif(
        shutil.which(tool) is None and not os.environ.get("CI"),
        reason=f"{tool} is not installed (packaging/system-deps.sh ci installs it)")


def test_every_generated_file_is_committed_as_generated_now():
    stale = [path.relative_to(REPO) for path, data in metadata.generated().items()
             if not path.is_file() or path.read_bytes() != data]
    assert stale == [], "regenerate: python packaging/metadata.py"


def test_the_version_bump_lists_the_release():
    assert metadata.RELEASES[0].version == selfcare.__version__
    assert [r.date for r in metadata.RELEASES] == sorted(
        (r.date for r in metadata.RELEASES), reverse=True)


def test_the_linux_files_carry_the_running_apps_id():
    assert metadata.DESKTOP_FILE.name == selfcare.APP_ID + ".desktop"
    assert metadata.METAINFO_FILE.name == selfcare.APP_ID + ".metainfo.xml"
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read(metadata.DESKTOP_FILE, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == selfcare.APP_NAME
    assert desktop["Icon"] == selfcare.APP_ID
    assert desktop["Exec"] == "selfcare"
    assert desktop["StartupWMClass"] == selfcare.APP_NAME  # Qt's X11 class: the app name
    assert desktop["Comment[es]"] and desktop["Keywords[es]"].endswith(";")
    component = ET.parse(metadata.METAINFO_FILE).getroot()
    assert component.findtext("id") == selfcare.APP_ID
    assert component.findtext("launchable") == metadata.DESKTOP_FILE.name
    assert component.find("releases/release").get("version") == selfcare.__version__
    assert component.findtext("project_license") == "GPL-3.0-or-later"
    assert {p.get(XML_LANG) for p in component.iter("p")} == {None, "es"}


def test_the_project_license_is_pyprojects():
    assert 'license = { text = "GPL-3.0-or-later" }' in (REPO / "pyproject.toml").read_text()
    assert metadata.PROJECT_LICENSE == "GPL-3.0-or-later"


@needs("desktop-file-validate")
def test_desktop_file_validate_accepts_the_entry():
    done = subprocess.run(["desktop-file-validate", str(metadata.DESKTOP_FILE)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


@needs("appstreamcli")
def test_appstreamcli_accepts_the_metainfo_beside_its_entry_and_icons(tmp_path):
    """validate-tree reads an installed tree: the metainfo, and that its launchable and
    icon are really there. Infos (no error, no warning) pass; see docs/packaging.md."""
    for relative, source in metadata.linux_install_files().items():
        target = tmp_path / "usr" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for command in (["validate", str(metadata.METAINFO_FILE)], ["validate-tree", str(tmp_path)]):
        done = subprocess.run(["appstreamcli", *command, "--no-net"], capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def test_every_linux_install_file_exists():
    files = metadata.linux_install_files()
    assert all(source.is_file() for source in files.values())
    assert f"share/icons/hicolor/scalable/apps/{selfcare.APP_ID}.svg" in files
    assert f"share/icons/hicolor/256x256/apps/{selfcare.APP_ID}.png" in files


def test_the_icon_paths_the_spec_reads_exist():
    for name in ("ICON_SVG", "ICON_PNG_256", "ICON_ICO", "ICON_ICNS"):
        path = getattr(metadata, name)
        assert path.is_absolute() and path.is_file(), name
    assert metadata.ICON_ICO.read_bytes()[:4] == b"\0\0\1\0"
    assert metadata.ICON_ICNS.read_bytes()[:4] == b"icns"


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0)),
    ("1.2.3.4.5", (1, 2, 3, 4)),
])
def test_windows_version_numbers(version, numbers):
    assert metadata.version_numbers(version) == numbers


def test_the_installer_script_installs_this_version_per_user_from_the_build():
    script = metadata.INNO_SCRIPT.read_text(encoding="ascii")
    settings = dict(line.split("=", 1) for line in script.splitlines()
                    if "=" in line and not line.startswith((";", "#", "Name:", "Source:",
                                                            "Filename:")))
    assert settings["AppId"] == "{{" + metadata.WINDOWS_APP_GUID + "}"
    assert settings["AppName"] == selfcare.APP_NAME
    assert settings["AppVersion"] == selfcare.__version__
    assert settings["PrivilegesRequired"] == "lowest"
    assert "dialog" in settings["PrivilegesRequiredOverridesAllowed"]
    assert settings["DefaultDirName"] == "{autopf}\\Selfcare"
    assert 'Source: "dist\\Selfcare\\*"' in script
    assert 'MessagesFile: "compiler:Languages\\Spanish.isl"' in script
    assert "Tasks: desktopicon" in script and "Flags: unchecked" in script
    assert "http" not in script.lower()  # nothing is downloaded


def test_the_installer_id_never_changes():
    # Windows upgrades an installed copy only when the id is the same; never edit it.
    assert metadata.WINDOWS_APP_GUID == "38F971A5-4409-41F3-941D-F1619B930DEE"


class _Recorded:
    """Stands in for one of PyInstaller's version-resource classes: keeps its arguments."""

    def __init__(self, kind: str, *args, **kwargs) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs


def _version_namespace() -> dict[str, object]:
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    return {name: (lambda *a, _n=name, **k: _Recorded(_n, *a, **k)) for name in names}


def test_the_version_resource_reads_back_with_this_version():
    """Evaluated as PyInstaller does (eval with its classes), here with stand-ins."""
    info = eval(metadata.VERSION_INFO.read_text(encoding="utf-8"),
                {"__builtins__": {}}, _version_namespace())
    assert info.kind == "VSVersionInfo"
    fixed = info.kwargs["ffi"].kwargs
    assert fixed["filevers"] == fixed["prodvers"] == metadata.version_numbers()
    string_table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in string_table.args[1]}
    assert strings["ProductVersion"] == strings["FileVersion"] == selfcare.__version__
    assert strings["ProductName"] == selfcare.APP_NAME
    assert metadata.windows_version_file() == metadata.VERSION_INFO


def test_pyinstaller_reads_the_version_resource():
    # PyInstaller's reader imports Windows-only modules (pywin32 parts, pefile).
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo",
                                      reason="PyInstaller's version reader runs on Windows",
                                      exc_type=ImportError)
    info = versioninfo.load_version_info_from_text_file(str(metadata.VERSION_INFO))
    major, minor, patch, build = metadata.version_numbers()
    assert info.ffi.fileVersionMS == (major << 16) | minor
    assert info.ffi.fileVersionLS == (patch << 16) | build
    assert info.toRaw()


def test_the_info_plist_is_the_bundles_identity():
    plist = plistlib.loads(metadata.INFO_PLIST.read_bytes())
    assert plist == metadata.info_plist()
    assert plist["CFBundleIdentifier"] == selfcare.APP_ID
    assert plist["CFBundleName"] == plist["CFBundleDisplayName"] == selfcare.APP_NAME
    assert plist["CFBundleShortVersionString"] == selfcare.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSApplicationCategoryType"].startswith("public.app-category.")
    assert not any(key.endswith("UsageDescription") for key in plist)  # asks for nothing
