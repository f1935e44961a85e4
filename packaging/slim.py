"""Make the Linux bundle smaller without taking out anything the app uses.

PyInstaller collects whole packages: every Qt platform plugin (framebuffers, embedded
screens, VNC), every image format, and Qt's ICU data for about 800 locales and 190
legacy character sets (31 MiB) although the app speaks English and Spanish and reads
only UTF-8. `slim(bundle)` leaves those out in three steps, each printed with what it
saved; `packaging/build.py` then runs the bundle's self-test, which fails when Spanish
sorting rules (ICU data), a platform plugin or a library the app needs went missing.

Tools: `readelf`, `as` and `ld` (binutils) and `icupkg` (icu-devtools, ICU's own tool
for editing a data package). A missing tool skips its step and says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

LANGUAGES = ("en", "es")  # selfcare.ui.i18n.LANGUAGES; a test keeps them equal

# Relative to Qt's plugins folder, with why the app can do without each.
LEFT_OUT_PLUGINS = (
    # GTK's platform theme: GTK itself is not in the bundle, so on a desktop the plugin
    # would load the system's anyway; without it Qt draws its own or the XDG portal's
    # dialogs. It brings cairo, pango, gio and more (~8 MiB).
    "platformthemes/libqgtk3.so",
    # Platforms for devices with no window system (embedded screens, framebuffers,
    # Vulkan displays, a VNC server); a desktop uses xcb or wayland. The input plugins
    # under generic/ and the EGL device integrations serve only those.
    "platforms/libqeglfs.so", "platforms/libqminimalegl.so", "platforms/libqlinuxfb.so",
    "platforms/libqvkkhrdisplay.so", "platforms/libqvnc.so",
    "egldeviceintegrations/", "generic/",
    # Wayland pieces only Qt's own or embedded compositors use (server buffers, in-car
    # IVI and kiosk shells, Qt's compositor shell); desktops use xdg-shell, which stays.
    "wayland-graphics-integration-client/libdmabuf-server.so",
    "wayland-graphics-integration-client/libdrm-egl-server.so",
    "wayland-graphics-integration-client/libshm-emulation-server.so",
    "wayland-graphics-integration-client/libvulkan-server.so",
    "wayland-shell-integration/libivi-shell.so",
    "wayland-shell-integration/libfullscreen-shell-v1.so",
    "wayland-shell-integration/libqt-shell.so",
    # Image formats the app never reads: its pictures are SVG and PNG (built into Qt).
    "imageformats/libqjpeg.so", "imageformats/libqtiff.so", "imageformats/libqwebp.so",
    "imageformats/libqtga.so", "imageformats/libqwbmp.so", "imageformats/libqicns.so",
)
# Loaded by the bootloader with dlopen, so no ELF file names it.
KEPT = ("libpython",)
# Where PyInstaller puts shared libraries that are not Python extensions or plugins.
LIBRARY_FOLDERS = (".", "PySide6/Qt/lib")


def slim(bundle: Path) -> list[str]:
    """Every step in order; one line each saying what it saved or why it was skipped."""
    internal = bundle / "_internal"
    said = []
    for step in (leave_out_plugins, leave_out_unneeded_libraries, slim_icu_data):
        before = folder_size(bundle)
        outcome = step(internal)
        said.append(f"{outcome}: {(before - folder_size(bundle)) / 2**20:.0f} MiB less")
    return said


def leave_out_plugins(internal: Path) -> str:
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for entry in LEFT_OUT_PLUGINS:
        path = plugins / entry
        if entry.endswith("/"):
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return (f"left out {len(LEFT_OUT_PLUGINS)} Qt plugins or plugin folders "
            "(GTK theme, non-desktop platforms, unused image formats)")


def leave_out_unneeded_libraries(internal: Path) -> str:
    """Delete every library in `LIBRARY_FOLDERS` that no program, Python extension,
    plugin or kept library needs, directly or through others (their NEEDED entries).

    PyInstaller also links some libraries into the top folder from elsewhere (numpy.libs,
    pygame_ce.libs); such a link may go, but the file it points to is never deleted
    here, and it counts as a program whose needs are followed."""
    tool = shutil.which("readelf")
    if tool is None:
        return "readelf (binutils) is not installed: no library was left out"
    folders = {(internal / folder).resolve() for folder in LIBRARY_FOLDERS}
    libraries: dict[str, list[Path]] = {}
    for folder in LIBRARY_FOLDERS:
        for path in (internal / folder).glob("lib*.so*"):
            libraries.setdefault(path.name, []).append(path)
    ours = {path.resolve() for paths in libraries.values() for path in paths
            if path.resolve().parent in folders}
    roots = [p for p in internal.parent.rglob("*") if p.is_file() and not p.is_symlink()
             and p.resolve() not in ours and is_elf(p)]
    reached = {name for name in libraries if name.startswith(KEPT)}
    waiting = roots + [libraries[name][0].resolve() for name in reached]
    while waiting:
        for name in needed_libraries(tool, waiting.pop()):
            if name in libraries and name not in reached:
                reached.add(name)
                waiting.append(libraries[name][0].resolve())
    gone = sorted(set(libraries) - reached)
    for name in gone:
        for path in libraries[name]:
            if path.resolve() in ours:
                path.resolve().unlink(missing_ok=True)
            path.unlink(missing_ok=True)
    return f"left out {len(gone)} libraries nothing needs"


def is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def needed_libraries(tool: str, path: Path) -> list[str]:
    shown = subprocess.run([tool, "-d", str(path)], capture_output=True, text=True,
                           check=False).stdout
    return [line.split("[", 1)[1].split("]", 1)[0] for line in shown.splitlines()
            if "(NEEDED)" in line and "[" in line]


# ------------------------------------------------------------------------- ICU data

# A locale's resource file: "fr.res", "coll/zh_Hant.res", "de_.res" (an alias).
LOCALE_ITEM = re.compile(r"^(?:[a-z]+/)?(?P<language>[a-z]{2,3})(?:_[A-Za-z0-9]*)*\.res$")
# Files every tree needs whatever the language: the fallback locale, shared strings, index.
SHARED_ITEMS = ("root.res", "pool.res", "res_index.res")


def icu_items_to_drop(items: Iterable[str], languages: Iterable[str] = LANGUAGES) -> list[str]:
    """The items of an ICU data package the app can do without.

    Kept: everything for `languages` and for the root locale (what any other locale
    falls back to), and all data that is not per locale (Unicode properties,
    normalisation, collation's base table, time zones, plural rules, ...).
    Left out: other languages' locale data in every tree; the legacy character-set
    tables (*.cnv; Qt converts UTF-8/16/32 and Latin-1 itself, and the app reads and
    writes only UTF-8); the word dictionaries for Chinese, Japanese, Thai, Lao, Khmer
    and Burmese line breaking (Qt finds text boundaries itself and never calls ICU's
    break iterators); and transliteration rules (Qt never calls them).
    """
    wanted = set(languages)
    dropped = []
    for item in items:
        name = item.rsplit("/", 1)[-1]
        locale = LOCALE_ITEM.match(item)
        other_language = (locale is not None and name not in SHARED_ITEMS
                          and locale["language"] not in wanted)
        if (other_language or item.endswith((".cnv", ".dict"))
                or item.startswith("translit/")):
            dropped.append(item)
    return dropped


def slim_icu_data(internal: Path) -> str:
    """Rebuild Qt's `libicudata` with only the items `icu_items_to_drop` keeps."""
    found = sorted((internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        return "no ICU data library in the bundle"
    missing = [tool for tool in ("readelf", "objcopy", "as", "ld", "icupkg")
               if shutil.which(tool) is None]
    if missing:
        return (f"{', '.join(missing)} not installed (binutils, icu-devtools): "
                "ICU data left whole")
    library = found[0].resolve()
    with tempfile.TemporaryDirectory(prefix="selfcare-icu-") as work:
        kept, total = write_slim_icu_library(library, Path(work))
        shutil.copyfile(Path(work) / library.name, library)
    return f"ICU data for {' and '.join(LANGUAGES)} only ({kept} of {total} items)"


def write_slim_icu_library(library: Path, work: Path) -> tuple[int, int]:
    """Write `work/<library's name>`: the same library with fewer data items. Returns
    how many items it keeps of how many."""
    symbol, offset, size = data_symbol(library)
    package = f"{symbol.removesuffix('_dat')}{'l' if sys.byteorder == 'little' else 'b'}.dat"
    whole, slim = work / "whole", work / "slim"
    whole.mkdir()
    slim.mkdir()
    section = work / "rodata.bin"
    subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(library),
                    str(section)], check=True)
    (whole / package).write_bytes(section.read_bytes()[offset:offset + size])
    listed = subprocess.run(["icupkg", "-l", str(whole / package)], capture_output=True,
                            text=True, check=True).stdout.split()
    drop = icu_items_to_drop(listed)
    (work / "drop.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
    remove = ["-r", str(work / "drop.txt"), str(whole / package), str(slim / package)]
    tried = subprocess.run(["icupkg", *remove], capture_output=True, text=True, check=False)
    if tried.returncode != 0:
        # icupkg refuses to drop items others name; only the line-break dictionaries,
        # named by the break rules Qt never runs, may go anyway.
        blocking = re.findall(r"depends on missing item (\S+)", tried.stderr + tried.stdout)
        if not blocking or not all(item.endswith(".dict") for item in blocking):
            raise RuntimeError(f"icupkg could not slim {library.name}: "
                               f"{(tried.stderr or tried.stdout).strip()[-500:]}")
        subprocess.run(["icupkg", "--ignore-deps", *remove], check=True, capture_output=True)
    assembly = work / "data.s"
    assembly.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n"
        f'\t.incbin "{slim / package}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n', encoding="utf-8")
    subprocess.run(["as", "-o", str(work / "data.o"), str(assembly)], check=True)
    subprocess.run(["ld", "-shared", "-z", "noexecstack", "-soname", library.name,
                    "-o", str(work / library.name), str(work / "data.o")], check=True)
    return len(listed) - len(drop), len(listed)


def data_symbol(library: Path) -> tuple[str, int, int]:
    """ICU's data symbol (`icudt73_dat`), its offset in `.rodata` and its size."""
    symbols = subprocess.run(["readelf", "--dyn-syms", "-W", str(library)],
                             capture_output=True, text=True, check=True).stdout
    sections = subprocess.run(["readelf", "-S", "-W", str(library)],
                              capture_output=True, text=True, check=True).stdout
    found = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+"
                      r"\s+\d+\s+(icudt\d+_dat)\s*$", symbols, re.M)
    rodata = re.search(r"\]\s+\.rodata\s+PROGBITS\s+([0-9a-f]+)", sections)
    if found is None or rodata is None:
        raise RuntimeError(f"{library.name}: no ICU data symbol in .rodata")
    return found[3], int(found[1], 16) - int(rodata[1], 16), int(found[2], 0)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
