"""packaging/licences.py: the bundle carries the licence of everything it redistributes.

Each test builds a small fake bundle from distributions installed in this venv (and, on
Debian, libraries of this system) and reads back README.txt: every line must point at a
file that is there, with the text it should have.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.helpers.packaging_scripts import load_script

licences = load_script("licences")

COMMON = Path("/usr/share/common-licenses")
needs_common_licences = pytest.mark.skipif(not (COMMON / "LGPL-3").is_file(),
                                           reason="needs Debian's /usr/share/common-licenses")
ZLIB = next((p for p in (Path("/usr/lib/x86_64-linux-gnu/libz.so.1"),
                         Path("/lib/x86_64-linux-gnu/libz.so.1")) if p.exists()), None)
needs_debian_zlib = pytest.mark.skipif(
    ZLIB is None or shutil.which("dpkg") is None
    or not Path("/usr/share/doc/zlib1g/copyright").is_file(),
    reason="needs dpkg and Debian's zlib1g (x86-64)")


def fake_bundle(tmp_path: Path, *folders: str) -> Path:
    """A bundle whose `_internal` has these (empty) package folders."""
    bundle = tmp_path / "Selfcare"
    for folder in folders:
        (bundle / "_internal" / folder).mkdir(parents=True)
    (bundle / "_internal").mkdir(parents=True, exist_ok=True)
    return bundle


def fake_library(path: Path) -> Path:
    """A file that starts like this machine's shared libraries (an ELF header)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(Path(sys.executable).resolve().read_bytes()[:64])
    return path


def readme(bundle: Path) -> dict[str, tuple[str, str]]:
    """README.txt's lines: first word of the name -> (licence, text)."""
    entries = {}
    for line in (bundle / "licenses" / "README.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            name, licence, text = line.strip().split(" | ")
            entries[name.split()[0]] = (licence, text)
    return entries


def text_of(bundle: Path, where: str) -> bytes:
    """The file a README line points at (its first path), which must be there."""
    path = bundle / "licenses" / where.split(" (")[0].split(", ")[0]
    assert path.is_file(), where
    return path.read_bytes()


def dist_file(name: str, ending: str) -> bytes:
    dist = importlib.metadata.distribution(name)
    found = [f for f in dist.files or () if f.as_posix().endswith(ending)]
    assert found, f"{name} lists no {ending}"
    return Path(str(found[0].locate())).read_bytes()


def test_a_package_folder_brings_its_distributions_own_licence_file(tmp_path):
    bundle = fake_bundle(tmp_path, "platformdirs")

    said = licences.add_licences(bundle)

    version = importlib.metadata.version("platformdirs")
    entries = readme(bundle)
    assert entries["platformdirs"] == ("MIT", f"python/platformdirs-{version}/LICENSE")
    assert text_of(bundle, entries["platformdirs"][1]) == dist_file("platformdirs", "/LICENSE")
    assert entries["Selfcare"] == ("GPL-3.0-or-later", "../LICENSE")
    assert (bundle / "LICENSE").read_bytes() == (REPO / "LICENSE").read_bytes()
    assert said.startswith("licences: 1 Python distributions, 0 libraries")


@needs_common_licences
def test_pyside6_which_ships_no_licence_file_gets_the_lgpl_3_and_the_gpl_3(tmp_path):
    bundle = fake_bundle(tmp_path, "PySide6", "shiboken6")

    licences.add_licences(bundle)

    version = importlib.metadata.version("PySide6-Essentials")
    folder = bundle / "licenses" / "python" / f"PySide6_Essentials-{version}"
    licence, text = readme(bundle)["PySide6_Essentials"]
    assert licence.startswith("LGPL-3.0-only")
    assert text == (f"python/PySide6_Essentials-{version}/GPL-3, "
                    f"python/PySide6_Essentials-{version}/LGPL-3")
    assert (folder / "LGPL-3").read_bytes() == (COMMON / "LGPL-3").read_bytes()
    assert (folder / "GPL-3").read_bytes() == (COMMON / "GPL-3").read_bytes()
    # The same texts for shiboken6 (and the app's GPL) are links to one copy.
    shiboken = bundle / "licenses" / "python" / f"shiboken6-{version}"
    assert (shiboken / "LGPL-3").is_symlink()
    assert (shiboken / "LGPL-3").read_bytes() == (COMMON / "LGPL-3").read_bytes()


def fake_distribution(site: Path, name: str, licence: str) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n"
                                   f"License: {licence}\n", encoding="utf-8")
    (info / "RECORD").write_text(f"{name}/__init__.py,,\n{info.name}/METADATA,,\n"
                                 f"{info.name}/RECORD,,\n", encoding="utf-8")
    (site / name).mkdir()
    (site / name / "__init__.py").write_text("", encoding="utf-8")


def test_a_distribution_with_no_licence_text_and_an_unknown_licence_stops_the_build(
        tmp_path, monkeypatch):
    fake_distribution(tmp_path / "site", "clinicwidgets", "Proprietary")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    bundle = fake_bundle(tmp_path, "clinicwidgets")

    with pytest.raises(RuntimeError, match=r"clinicwidgets 1\.0 .*ships no licence file"):
        licences.add_licences(bundle)


@needs_common_licences
def test_a_distribution_with_no_licence_text_but_a_known_licence_gets_its_text(
        tmp_path, monkeypatch):
    fake_distribution(tmp_path / "site", "clinicwidgets", "LGPL v2.1")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    bundle = fake_bundle(tmp_path, "clinicwidgets")

    licences.add_licences(bundle)

    assert readme(bundle)["clinicwidgets"] == ("LGPL v2.1",
                                               "python/clinicwidgets-1.0/LGPL-2.1")
    assert text_of(bundle, "python/clinicwidgets-1.0/LGPL-2.1") == \
        (COMMON / "LGPL-2.1").read_bytes()


def test_something_in_the_bundle_no_distribution_has_stops_the_build(tmp_path):
    bundle = fake_bundle(tmp_path, "no_distribution_has_this")

    with pytest.raises(RuntimeError, match="'no_distribution_has_this'"):
        licences.add_licences(bundle)


@pytest.mark.parametrize(("declared", "texts"), [
    ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", ["LGPL-3", "GPL-3"]),
    ("LGPL v2.1", ["LGPL-2.1"]),
    ("GPL-2.0-or-later", ["GPL-2"]),
    ("Apache License, Version 2.0", ["Apache-2.0"]),
    ("MIT", []),
    ("Proprietary", []),
])
@needs_common_licences
def test_standard_texts_for_a_declared_licence(declared, texts):
    assert [path.name for path in licences.standard_texts(declared)] == texts


@pytest.mark.parametrize(("file_name", "name"), [
    ("libSDL2-2-50d19f93.0.so.0.3200.10", "libSDL2-2.0"),
    ("libgfortran-040039e1-0352e75f.so.5.0.0", "libgfortran"),
    ("libscipy_openblas64_-32a4b2a6.so", "libscipy_openblas64_"),
    ("libicuuc.so.73", "libicuuc"),
])
def test_library_names_lose_auditwheels_hash_and_their_version(file_name, name):
    assert licences.library_name(file_name) == name


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
def test_a_library_a_wheel_names_in_its_licence_text_points_there(tmp_path):
    bundle = fake_bundle(tmp_path)
    fake_library(bundle / "_internal" / "numpy.libs" / "libscipy_openblas64_-0123abcd.so")

    said = licences.add_licences(bundle)

    version = importlib.metadata.version("numpy")
    entries = readme(bundle)
    assert entries["libscipy_openblas64_-0123abcd.so"] == (
        "BSD-3-Clause, BSD-3-Clause-Open-MPI",
        f"python/numpy-{version}/LICENSE.txt (numpy's own)")
    assert b"OpenBLAS" in text_of(bundle, entries["libscipy_openblas64_-0123abcd.so"][1])
    assert "1 libraries they carry (0 with Debian's text" in said


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
def test_a_library_with_a_licence_text_beside_it_in_the_wheel_points_there(tmp_path):
    bundle = fake_bundle(tmp_path)
    fake_library(bundle / "_internal" / "_soundfile_data" / "libsndfile_x86_64.so")

    licences.add_licences(bundle)

    version = importlib.metadata.version("soundfile")
    licence, text = readme(bundle)["libsndfile_x86_64.so"]
    assert licence == "see the text"
    assert text == f"python/soundfile-{version}/_soundfile_data/COPYING (soundfile's own)"
    assert text_of(bundle, text) == dist_file("soundfile", "_soundfile_data/COPYING")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
def test_a_library_a_wheel_carries_without_any_text_stops_the_build(tmp_path):
    bundle = fake_bundle(tmp_path)
    fake_library(bundle / "_internal" / "pygame_ce.libs" / "libnosuchcodec-0123abcd.so.1.0")

    with pytest.raises(RuntimeError, match=r"pygame-ce .*libnosuchcodec-0123abcd\.so\.1\.0"):
        licences.add_licences(bundle)


@needs_debian_zlib
def test_a_library_a_wheel_carries_gets_debians_text_for_the_same_library(tmp_path):
    bundle = fake_bundle(tmp_path)
    fake_library(bundle / "_internal" / "pygame_ce.libs" / "libz-0123abcd.so.1.3.1")

    said = licences.add_licences(bundle)

    licence, text = readme(bundle)["libz-0123abcd.so.1.3.1"]
    assert licence == "Zlib"
    assert text.startswith("system/zlib1g/copyright (Debian's text for the same library")
    assert text_of(bundle, text) == Path("/usr/share/doc/zlib1g/copyright").read_bytes()
    assert "1 libraries they carry (1 with Debian's text" in said


@pytest.mark.parametrize("how", ["copied", "linked"])
@needs_debian_zlib
def test_a_system_library_gets_its_debian_packages_copyright(tmp_path, how):
    bundle = fake_bundle(tmp_path)
    library = bundle / "_internal" / "libz.so.1"
    if how == "copied":  # as PyInstaller does: found again through ldconfig
        shutil.copyfile(ZLIB, library)
    else:
        library.symlink_to(ZLIB)

    said = licences.add_licences(bundle)

    licence, text = readme(bundle)["libz.so.1"]
    assert licence == "Zlib"
    assert text == "system/zlib1g/copyright"
    assert text_of(bundle, text) == Path("/usr/share/doc/zlib1g/copyright").read_bytes()
    assert said.endswith("1 system libraries (1 Debian packages); list in licenses/README.txt")


def test_the_pyinstaller_archive_in_the_program_is_read(tmp_path):
    writers = pytest.importorskip("PyInstaller.archive.writers")
    module = tmp_path / "module.py"
    module.write_text("x = 1\n", encoding="utf-8")
    code = compile("x = 1", "module", "exec")
    names = ["platformdirs.api", "json.decoder"]
    writers.ZlibArchiveWriter(str(tmp_path / "PYZ.pyz"), [(n, str(module), "PYMODULE")
                                                          for n in names],
                              code_dict=dict.fromkeys(names, code))
    bundle = fake_bundle(tmp_path)
    writers.CArchiveWriter(str(bundle / "Selfcare"), [
        ("pyiboot01_bootstrap", str(module), True, "s"),
        ("launch_window", str(module), True, "s"),
        ("PYZ.pyz", str(tmp_path / "PYZ.pyz"), False, "z")], "libpython3.11.so.1.0")

    licences.add_licences(bundle)

    entries = readme(bundle)
    # PyInstaller's loader, a dependency in the PYZ, and Python for the standard library;
    # the entry script is the app's.
    assert set(entries) == {"Selfcare", "platformdirs", "pyinstaller", "Python"}
    assert b"PSF" in text_of(bundle, entries["Python"][1])


def test_readme_lines_are_sorted_within_each_section(tmp_path):
    bundle = fake_bundle(tmp_path, "platformdirs", "msgspec", "click")

    licences.add_licences(bundle)

    listed = [line.strip().split()[0] for line in
              (bundle / "licenses" / "README.txt").read_text(encoding="utf-8").splitlines()
              if line.startswith("  ")]
    assert listed == ["Selfcare", "click", "msgspec", "platformdirs"]
