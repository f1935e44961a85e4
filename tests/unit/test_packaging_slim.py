"""packaging/slim.py: the bundle loses only what the app never uses.

The ICU tests slim the real libicudata of the installed PySide6 and load it into a
child Python in its place (LD_PRELOAD), so they show what the frozen build will do:
English and Spanish behave exactly as with the whole data, other languages fall back.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.packaging_scripts import load_script

slim = load_script("slim")

linux_with_binutils = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ld") is None
    or shutil.which("as") is None or shutil.which("readelf") is None,
    reason="needs Linux and binutils (packaging/system-deps.sh ci installs them)")


def test_icu_keeps_english_spanish_root_and_all_shared_data():
    kept = ["root.res", "pool.res", "res_index.res", "en.res", "en_GB.res", "en_US_POSIX.res",
            "es.res", "es_419.res", "es_MX.res", "coll/es.res", "coll/root.res",
            "coll/ucadata.icu", "zone/es.res", "zone/pool.res", "zone/tzdbNames.res",
            "cnvalias.icu", "supplementalData.res", "likelySubtags.res", "metaZones.res",
            "zoneinfo64.res", "plurals.res", "uts46.nrm", "brkitr/char.brk",
            "brkitr/es.res", "curr/supplementalData.res", "unit/en_001.res"]
    dropped = ["fr.res", "de_.res", "zh_Hant_TW.res", "coll/sv.res", "lang/fr_CA.res",
               "ibm-943_P15A-2003.cnv", "gb18030.cnv", "brkitr/cjdict.dict",
               "brkitr/thaidict.dict", "translit/root.res", "translit/el.res", "ast.res"]

    assert slim.icu_items_to_drop(kept + dropped) == dropped


def test_icu_languages_are_a_parameter():
    items = ["fr.res", "fr_CA.res", "es.res", "coll/fr.res"]

    assert slim.icu_items_to_drop(items, languages=("fr",)) == ["es.res"]


def whole_icu_library() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 carries no ICU data library")
    return found[0]


PROBE = r"""
import json
from PySide6.QtCore import QCollator, QLocale, QTimeZone
words = ["ñu", "nz", "Ábaco", "abeja", "zeta", "Öl", "oz", "ch", "cz", "llama", "luz"]
zone = QTimeZone(b"Europe/Madrid")
out = {}
for name in ["es", "es_MX", "en", "en_GB", "sv", "fr"]:
    locale = QLocale(name)
    out[name] = {
        "sorted": sorted(words, key=QCollator(locale).sortKey),
        "zone": zone.displayName(QTimeZone.StandardTime, QTimeZone.LongName, locale)
        if zone.isValid() else None,
        "upper": locale.toUpper("árbol straße ñandú"),
    }
print(json.dumps(out))
"""


def probe(preload: Path | None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=60, check=True)
    assert "Could not create collator" not in done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def slim_icu(tmp_path_factory) -> Path:
    if shutil.which("icupkg") is None or shutil.which("objcopy") is None:
        pytest.skip("needs icupkg (icu-devtools) and objcopy (binutils)")
    library = whole_icu_library()
    work = tmp_path_factory.mktemp("icu")
    kept, total = slim.write_slim_icu_library(library, work)
    assert 0 < kept < total / 2
    return work / library.name


@linux_with_binutils
def test_slim_icu_is_a_small_fraction_of_the_whole(slim_icu):
    assert slim_icu.stat().st_size < whole_icu_library().stat().st_size / 4
    assert slim.data_symbol(slim_icu)[0] == slim.data_symbol(whole_icu_library())[0]


@linux_with_binutils
def test_english_and_spanish_behave_exactly_as_with_the_whole_data(slim_icu):
    whole, slimmed = probe(None), probe(slim_icu)

    for name in ("es", "es_MX", "en", "en_GB"):
        assert slimmed[name] == whole[name], name
    assert slimmed["es"]["sorted"].index("nz") < slimmed["es"]["sorted"].index("ñu")


@linux_with_binutils
def test_other_languages_fall_back_to_the_common_order_without_failing(slim_icu):
    whole, slimmed = probe(None), probe(slim_icu)

    # Swedish sorts Ö after z with its own data; the common (root) order does not.
    assert whole["sv"]["sorted"][-1] == "Öl"
    assert slimmed["sv"]["sorted"] == slimmed["en"]["sorted"]
    assert slimmed["fr"]["upper"] == whole["fr"]["upper"]


# ------------------------------------------------------------- unneeded libraries


def shared_library(folder: Path, name: str, needs: tuple[str, ...] = (),
                   search: tuple[Path, ...] = ()) -> Path:
    """A tiny ELF shared library called `name` whose NEEDED entries are `needs`, found
    in `folder` or `search`."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{name}.s"
    source.write_text('\t.section .note.GNU-stack,"",@progbits\n', encoding="utf-8")
    subprocess.run(["as", "-o", f"{source}.o", str(source)], check=True)
    links = [f"-l:{need}" for need in needs]
    subprocess.run(["ld", "-shared", "--no-as-needed", "-soname", name, "-o",
                    str(folder / name), f"{source}.o", f"-L{folder}",
                    *(f"-L{path}" for path in search), *links],
                   check=True)
    source.unlink()
    Path(f"{source}.o").unlink()
    return folder / name


@linux_with_binutils
def test_libraries_nothing_needs_go_and_what_is_needed_stays(tmp_path):
    internal = tmp_path / "Selfcare" / "_internal"
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    shared_library(qt_lib, "libQt6Network.so.6")  # needed only by a plugin left out
    shared_library(qt_lib, "libQt6Core.so.6")
    shared_library(qt_lib, "libQt6Gui.so.6", needs=("libQt6Core.so.6",))
    shared_library(internal, "libkrb5.so.3")
    shared_library(internal, "libgssapi.so.2", needs=("libkrb5.so.3",))
    shared_library(internal, "libz.so.1")
    shared_library(internal, "libpython3.11.so.1.0")  # opened by the bootloader
    (internal / "libQt6Network.so.6").symlink_to("PySide6/Qt/lib/libQt6Network.so.6")
    (internal / "libQt6Gui.so.6").symlink_to("PySide6/Qt/lib/libQt6Gui.so.6")
    shared_library(internal / "PySide6", "QtGui.abi3.so", needs=("libQt6Gui.so.6",),
                   search=(qt_lib,))
    shared_library(internal / "PySide6" / "Qt" / "plugins" / "platforms", "libqxcb.so",
                   needs=("libz.so.1",), search=(internal,))
    # auditwheel's vendored folders: linked into the top, never deleted from here
    shared_library(internal / "numpy.libs", "libopenblas-1a2b.so")
    shared_library(internal / "numpy.libs", "libunused-3c4d.so")
    shared_library(internal / "numpy", "_core.so", needs=("libopenblas-1a2b.so",),
                   search=(internal / "numpy.libs",))
    (internal / "libopenblas-1a2b.so").symlink_to("numpy.libs/libopenblas-1a2b.so")
    (internal / "libunused-3c4d.so").symlink_to("numpy.libs/libunused-3c4d.so")
    (internal / "assets").mkdir()
    (internal / "assets" / "not-a-library.so.txt").write_text("text", encoding="utf-8")

    said = slim.leave_out_unneeded_libraries(internal)

    left = sorted(p.relative_to(internal).as_posix() for p in internal.rglob("*")
                  if p.is_file() or p.is_symlink())
    assert left == ["PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
                    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/QtGui.abi3.so",
                    "assets/not-a-library.so.txt", "libQt6Gui.so.6", "libopenblas-1a2b.so",
                    "libpython3.11.so.1.0", "libz.so.1", "numpy.libs/libopenblas-1a2b.so",
                    "numpy.libs/libunused-3c4d.so", "numpy/_core.so"]
    assert said == "left out 4 libraries nothing needs"


def test_plugins_left_out_are_only_those_listed(tmp_path):
    plugins = tmp_path / "_internal" / "PySide6" / "Qt" / "plugins"
    for name in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqvnc.so",
                 "platforms/libqoffscreen.so", "imageformats/libqsvg.so",
                 "imageformats/libqjpeg.so", "generic/libqevdevmouseplugin.so",
                 "platformthemes/libqgtk3.so", "platformthemes/libqxdgdesktopportal.so"):
        (plugins / name).parent.mkdir(parents=True, exist_ok=True)
        (plugins / name).write_bytes(b"")

    slim.leave_out_plugins(tmp_path / "_internal")

    assert sorted(p.relative_to(plugins).as_posix() for p in plugins.rglob("*.so")) == [
        "imageformats/libqsvg.so", "platforms/libqoffscreen.so", "platforms/libqwayland.so",
        "platforms/libqxcb.so", "platformthemes/libqxdgdesktopportal.so"]


def test_the_bundle_keeps_locale_data_for_every_language_the_app_speaks():
    from selfcare.ui.i18n import LANGUAGES

    assert set(slim.LANGUAGES) == set(LANGUAGES)
