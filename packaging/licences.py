"""Put the licences of everything the Linux bundle redistributes into the bundle.

The bundle hands people Python, about twenty Python packages, the libraries some of them
carry (SDL and its codecs in pygame-ce, OpenBLAS in numpy, libsndfile in soundfile) and
libraries copied from the Debian system it was built on. Their licences (the GPL and LGPL
above all) allow that only with their texts beside them, so `add_licences(bundle)` writes
`LICENSE` (the app's own) and `licenses/` with a `README.txt` saying, one line each, what
is there, under which licence, and where its text is.

What is in the bundle is read from the bundle itself, never from a list: the top-level
names in `_internal`, in `base_library.zip` and in the PyInstaller archive inside the
program, each traced to the installed distribution whose files use that name; and every
shared library, traced to its distribution, to Python, or through `ldconfig` and
`dpkg -S` to the Debian package it was copied from. Anything that cannot be traced, or
whose licence text cannot be found, stops the build with its name: better no bundle than
one that ships code without its licence.
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import importlib.machinery
import importlib.metadata
import inspect
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

REPO = Path(__file__).resolve().parent.parent
COMMON_LICENSES = Path("/usr/share/common-licenses")
DEBIAN_DOCS = Path("/usr/share/doc")

# A licence file in a distribution, wherever it sits: LICENSE, COPYING.LGPL,
# LICENSE-PFFFT.txt, license_notes.md, NOTICE, AUTHORS.md (code files excluded).
LICENCE_FILE = re.compile(r"(?i)^(licen[cs]e|copying|notice|authors)([._-].*)?$")
NOT_TEXT = (".py", ".pyc", ".pyi", ".so")
# Debian's standard texts for a declared licence, tried in this order on the first
# choice of an "A OR B" licence; the LGPL builds on the GPL, so LGPL-3 needs both.
STANDARD_TEXTS = (
    (re.compile(r"\bLGPL[- ]?v?3|Lesser General Public License v3", re.I), ("LGPL-3", "GPL-3")),
    (re.compile(r"\bLGPL[- ]?v?2\.1|Lesser General Public License v2\.1", re.I), ("LGPL-2.1",)),
    (re.compile(r"(?<!L)GPL[- ]?v?3|(?<!Lesser )General Public License v3", re.I), ("GPL-3",)),
    (re.compile(r"(?<!L)GPL[- ]?v?2|(?<!Lesser )General Public License v2", re.I), ("GPL-2",)),
    (re.compile(r"Apache[- ](License,? )?(Version )?2\.0", re.I), ("Apache-2.0",)),
    (re.compile(r"\bMPL[- ]?2\.0", re.I), ("MPL-2.0",)),
)
# The hash auditwheel puts into the name of a library it copies into a wheel:
# libSDL2-2-50d19f93.0.so.0.3200.10 was libSDL2-2.0.so.0.3200.10.
AUDITWHEEL_HASH = re.compile(r"-[0-9a-f]{8}(?=[-.])")
# Vendored libraries that Debian 12 ships inside another library's package.
PART_OF = {"libsharpyuv": "libwebp"}  # sharpyuv is part of libwebp's source
MAX_LICENCE_NAMES = 5  # per README line; the text has them all


@dataclass(frozen=True)
class Line:
    """One component in README.txt."""

    section: int
    name: str
    licence: str
    text: str

    def render(self) -> str:
        return f"  {self.name} | {self.licence} | {self.text}"


SECTIONS = (
    "The program",
    "Python and the Python packages in the program (texts in python/)",
    "Libraries that those Python packages carry",
    "Libraries copied from the Debian system the program was built on (texts in system/)",
)


def add_licences(bundle: Path) -> str:
    """Write `bundle/LICENSE` and `bundle/licenses/`; one line saying what they cover."""
    out = bundle / "licenses"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    shutil.copyfile(REPO / "LICENSE", bundle / "LICENSE")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = [Line(0, f"{bundle.name} {app_version()}", project["license"]["text"],
                  "../LICENSE")]
    index = DistributionIndex(exclude=project["name"])
    dists, has_python = distributions_in(bundle, index)
    if has_python:
        lines.append(python_licence(out))
    copied = {canonical(d): copy_distribution_licences(d, out) for d in dists}
    lines += [Line(1, f"{d.metadata['Name']} {d.version}", declared_licence(d),
                   folder_text(out, copied[canonical(d)])) for d in dists]
    system, vendored = libraries_in(bundle / "_internal", index)
    debian = DebianPackages([origin for _, origin in system]
                            + [path for _, _, path in vendored if path is not None])
    vendored_lines = [vendored_line(out, library, dist, same, copied[canonical(dist)], debian)
                      for library, dist, same in vendored]
    lines += [line for line in vendored_lines if line is not None]
    lines += [system_line(out, library, origin, debian) for library, origin in system]
    copy_common_licences(out)
    write_readme(out / "README.txt", bundle.name, lines)
    deduplicate([bundle / "LICENSE", *sorted(out.rglob("*"))],
                already=sorted((bundle / "_internal").rglob("*")))
    from_debian = sum(1 for line in lines if line.section == 2 and "Debian's" in line.text)
    packages = {line.text for line in lines if line.section == 3}
    return (f"licences: {len(dists)} Python distributions{' and Python' * has_python}, "
            f"{sum(1 for line in lines if line.section == 2)} libraries they carry "
            f"({from_debian} with Debian's text for the same library), {len(system)} system "
            f"libraries ({len(packages)} Debian packages); list in licenses/README.txt")


def app_version() -> str:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import selfcare

    return selfcare.__version__


def canonical(dist: importlib.metadata.Distribution | str) -> str:
    name = dist if isinstance(dist, str) else dist.metadata["Name"]
    return re.sub(r"[-_.]+", "-", name).lower()


# ------------------------------------------------------------ Python distributions


class DistributionIndex:
    """Which installed distributions use each top-level name (package, module, folder
    such as `numpy.libs`, dist-info), from the files each one lists."""

    def __init__(self, exclude: str) -> None:
        self.owners: dict[str, list[importlib.metadata.Distribution]] = {}
        self.dists: list[importlib.metadata.Distribution] = []
        seen = {canonical(exclude)}
        for dist in importlib.metadata.distributions():
            if canonical(dist) in seen:  # the app, or one shadowed earlier on sys.path
                continue
            seen.add(canonical(dist))
            self.dists.append(dist)
            for file in dist.files or ():
                top = file.parts[0]
                if top in ("..", "__pycache__"):
                    continue
                for name in {top, inspect.getmodulename(top) or top}:
                    self.owners.setdefault(name, [])
                    if dist not in self.owners[name]:
                        self.owners[name].append(dist)

    def anywhere(self, name: str) -> list[importlib.metadata.Distribution]:
        """Distributions with a module or folder of this name below their top level
        (PyInstaller's loader and runtime hooks: PyInstaller/loader/pyimod01_archive.py)."""
        return [dist for dist in self.dists
                if any(name in file.parts[:-1] or inspect.getmodulename(file.name) == name
                       for file in dist.files or ())]


def distributions_in(bundle: Path, index: DistributionIndex
                     ) -> tuple[list[importlib.metadata.Distribution], bool]:
    """The distributions whose files are in the bundle, and whether Python's are."""
    found: dict[str, importlib.metadata.Distribution] = {}
    has_python = False
    for name in sorted(top_level_names(bundle)):
        if is_python(name, bundle):
            has_python = True
            continue
        owners = index.owners.get(name) or ([] if is_app(name) else index.anywhere(name))
        if not owners and not is_app(name):
            raise RuntimeError(
                f"cannot tell where {name!r} in the bundle comes from: no installed "
                "distribution has it, and it is neither Python's nor the app's, so its "
                "licence cannot be found")
        found.update((canonical(dist), dist) for dist in owners)
    return sorted(found.values(), key=canonical), has_python


def top_level_names(bundle: Path) -> set[str]:
    """Every top-level name in `_internal` (folders and modules; libraries are traced
    apart), in the zip files there and in the PyInstaller archive of the program."""
    names: set[str] = set()
    internal = bundle / "_internal"
    for entry in internal.iterdir() if internal.is_dir() else ():
        if entry.is_symlink():
            continue
        if entry.is_dir():
            names.add(entry.name)
        elif entry.suffix == ".zip":
            with zipfile.ZipFile(entry) as archive:
                names |= {inspect.getmodulename(part) or part
                          for part in (PurePosixPath(n).parts[0] for n in archive.namelist())}
        elif is_extension_module(entry.name) or entry.suffix in (".py", ".pyc"):
            names.add(inspect.getmodulename(entry.name) or entry.name)
        elif not is_library(entry):
            names.add(entry.name)
    program = bundle / bundle.name
    if program.is_file():
        names |= archive_names(program)
    return names


def archive_names(program: Path) -> set[str]:
    """Top-level module names in PyInstaller's archive appended to the program (its
    loader, runtime hooks, the entry script) and in the PYZ archive inside it."""
    try:
        from PyInstaller.archive import readers  # type: ignore[import-untyped]
    except ImportError as missing:
        raise RuntimeError(f"PyInstaller is needed to read {program.name}'s archive") from missing
    archive = readers.CArchiveReader(str(program))
    names = set()
    modules = (readers.PKG_ITEM_PYMODULE, readers.PKG_ITEM_PYPACKAGE, readers.PKG_ITEM_PYSOURCE)
    for name, entry in archive.toc.items():
        if entry[-1] == readers.PKG_ITEM_PYZ:
            names |= {module.split(".")[0] for module in archive.open_embedded_archive(name).toc}
        elif entry[-1] in modules:
            names.add(name.split(".")[0])
    return names


def is_python(name: str, bundle: Path) -> bool:
    """Python's standard library, its folder of extension modules, or libpython."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    return (name in sys.stdlib_module_names or name.startswith("_sysconfigdata")
            or (name == version and (bundle / "_internal" / name).is_dir())
            or name == sysconfig.get_config_var("INSTSONAME"))


def is_app(name: str) -> bool:
    """The app's own package, assets or entry script (`packaging/launch_window.py`)."""
    return (REPO / name).exists() or (REPO / "packaging" / f"{name}.py").is_file()


def python_licence(out: Path) -> Line:
    version = ".".join(map(str, sys.version_info[:3]))
    source = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    if not source.is_file():
        raise RuntimeError(f"Python's licence is not at {source}")
    target = out / "python" / f"Python-{version}" / "LICENSE.txt"
    target.parent.mkdir(parents=True)
    shutil.copyfile(source, target)
    return Line(1, f"Python {version}", "PSF-2.0 (the text also covers code Python includes)",
                target.relative_to(out).as_posix())


def copy_distribution_licences(dist: importlib.metadata.Distribution,
                               out: Path) -> dict[PurePosixPath, Path]:
    """Copy the distribution's licence files, or the standard texts of its declared
    licence when it ships none, to `python/<name>-<version>/`; {file in dist: copy}."""
    folder = out / "python" / f"{dist.metadata['Name']}-{dist.version}"
    copied = {}
    for file, target in licence_files(dist):
        destination = folder / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(str(file.locate())), destination)
        copied[PurePosixPath(file.as_posix())] = destination
    if copied:
        return copied
    texts = standard_texts(declared_licence(dist))
    if not texts:
        raise RuntimeError(
            f"{dist.metadata['Name']} {dist.version} is in the bundle but ships no licence "
            f"file, and its declared licence ({declared_licence(dist)!r}) has no standard "
            f"text in {COMMON_LICENSES}: add its text before shipping the bundle")
    folder.mkdir(parents=True, exist_ok=True)
    for text in texts:
        shutil.copyfile(text, folder / text.name)
        copied[PurePosixPath(text.as_posix())] = folder / text.name
    return copied


def licence_files(dist: importlib.metadata.Distribution
                  ) -> Iterable[tuple[importlib.metadata.PackagePath, PurePosixPath]]:
    """(file, where it goes) for the dist-info `licenses/` folder and any licence-named
    file the distribution lists; files outside dist-info keep their path."""
    for file in dist.files or ():
        parts = file.parts
        in_metadata = parts[0].endswith((".dist-info", ".egg-info"))
        if in_metadata and len(parts) > 2 and parts[1] == "licenses":
            yield file, PurePosixPath(*parts[2:])
        elif LICENCE_FILE.match(file.name) and not file.name.endswith(NOT_TEXT):
            yield file, PurePosixPath(file.name if in_metadata else file.as_posix())


def declared_licence(dist: importlib.metadata.Distribution) -> str:
    """The licence the distribution's metadata declares, as short as it says it."""
    meta = dist.metadata
    if meta.get_all("License-Expression"):
        return str(meta["License-Expression"])
    field = str((meta.get_all("License") or [""])[0]).strip()
    if field and "\n" not in field and len(field) <= 200:
        return field
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or (field.splitlines()[0] if field else "not declared")


def standard_texts(declared: str) -> list[Path]:
    first_choice = declared.split(" OR ")[0].strip("() ")
    for pattern, names in STANDARD_TEXTS:
        if pattern.search(first_choice):
            texts = [COMMON_LICENSES / name for name in names]
            return texts if all(text.is_file() for text in texts) else []
    return []


def folder_text(out: Path, copied: dict[PurePosixPath, Path]) -> str:
    paths = sorted(path.relative_to(out).as_posix() for path in copied.values())
    if len(paths) <= 3:
        return ", ".join(paths)
    return f"{PurePosixPath(paths[0]).parts[0]}/{PurePosixPath(paths[0]).parts[1]}/ " \
           f"({len(paths)} files)"


# ---------------------------------------------------------------------- libraries


def is_extension_module(name: str) -> bool:
    """A Python extension module (`_core.cpython-311-x86_64-linux-gnu.so`, `QtCore.abi3.so`);
    a bare `.so` is taken for a library, which is what auditwheel's copies are."""
    suffixes = [s for s in importlib.machinery.EXTENSION_SUFFIXES if s != ".so"]
    return name.endswith(tuple(suffixes)) and name[:-len(".so")].split(".")[0].isidentifier()


def is_library(path: Path) -> bool:
    if ".so" not in path.name or is_extension_module(path.name) or not path.is_file():
        return False
    return elf_machine(path) is not None


def elf_machine(path: Path) -> bytes | None:
    """The ELF header's machine field, or None for a file that is not ELF."""
    with path.open("rb") as file:
        header = file.read(20)
    return header[18:20] if header[:4] == b"\x7fELF" and len(header) == 20 else None


def libraries_in(internal: Path, index: DistributionIndex) -> tuple[
        list[tuple[Path, Path]],
        list[tuple[PurePosixPath, importlib.metadata.Distribution, Path | None]]]:
    """System libraries as (library in the bundle, file it was copied from), and
    libraries inside distributions' folders as (path in `_internal`, distribution, the
    same library on this system or None). Python's own and PyInstaller's links to
    libraries elsewhere in the bundle are left out."""
    system, vendored = [], []
    for path in sorted(internal.rglob("*")):
        if not is_library(path):
            continue
        top = path.relative_to(internal).parts[0]
        if path.is_symlink():
            if path.resolve().is_relative_to(internal.resolve()):
                continue  # PyInstaller's link to a library counted where it lies
            system.append((path, path.resolve()))
        elif is_python(top, internal.parent):
            continue
        elif top in index.owners:
            relative = PurePosixPath(path.relative_to(internal).as_posix())
            vendored += [(relative, dist, same_library_here(path)) for dist in index.owners[top]]
        else:
            origin = system_library(path)
            if origin is None:
                raise RuntimeError(
                    f"{path.relative_to(internal)} is in the bundle, but no distribution "
                    "has it and ldconfig knows no library of that name: its licence "
                    "cannot be found")
            system.append((path, origin))
    return system, vendored


@functools.cache
def ldconfig_cache() -> dict[str, list[Path]]:
    """The dynamic linker's cache: library file name -> paths (as PyInstaller finds them)."""
    tool = shutil.which("ldconfig") or "/sbin/ldconfig"
    listed = subprocess.run([tool, "-p"], capture_output=True, text=True, check=False).stdout
    cache: dict[str, list[Path]] = {}
    for line in listed.splitlines():
        found = re.match(r"\s+(\S+) \(.*\) => (\S+)$", line)
        if found:
            cache.setdefault(found[1], []).append(Path(found[2]))
    return cache


def system_library(path: Path) -> Path | None:
    """The real file the dynamic linker would load for this library's name, for the
    bundle's machine; None when it knows none."""
    machine = elf_machine(path)
    for candidate in ldconfig_cache().get(path.name, []):
        if candidate.exists() and elf_machine(candidate.resolve()) == machine:
            return candidate.resolve()
    return None


def library_name(file_name: str) -> str:
    """`libSDL2-2-50d19f93.0.so.0.3200.10` -> `libSDL2-2.0`: the name without
    auditwheel's hash and the version after `.so`."""
    return AUDITWHEEL_HASH.sub("", file_name).split(".so")[0]


def same_library_here(path: Path) -> Path | None:
    """This system's copy of a library a wheel carries (any version), if there is one."""
    wanted = library_name(path.name)
    wanted = PART_OF.get(wanted, wanted)
    machine = elf_machine(path)
    for name, candidates in sorted(ldconfig_cache().items()):
        if name.split(".so")[0] != wanted:
            continue
        for candidate in candidates:
            if candidate.exists() and elf_machine(candidate.resolve()) == machine:
                return candidate.resolve()
    return None


class DebianPackages:
    """The Debian package of each file (`dpkg -S`, asked once for all of them)."""

    def __init__(self, files: list[Path]) -> None:
        self.package: dict[Path, str] = {}
        self.version: dict[str, str] = {}
        if not files:
            return
        if shutil.which("dpkg") is None:
            raise RuntimeError("dpkg is not installed: the Debian packages (and licences) of "
                               f"{len(files)} libraries in the bundle cannot be found")
        asked = {alias: file for file in files for alias in (file, usr_merge_alias(file))}
        said = subprocess.run(["dpkg", "-S", *map(str, asked)], capture_output=True,
                              text=True, check=False).stdout
        for line in said.splitlines():
            if line.startswith("diversion") or ": " not in line:
                continue
            package, path = line.split(": ", 1)
            if Path(path) in asked:
                self.package.setdefault(asked[Path(path)], package.split(",")[0].strip())
        names = sorted(set(self.package.values()))
        if names:
            shown = subprocess.run(["dpkg-query", "-W", "-f=${binary:Package} ${Version}\n",
                                    *names], capture_output=True, text=True, check=False)
            for line in shown.stdout.splitlines():
                name, _, version = line.partition(" ")
                self.version[name] = version
                self.version[name.split(":")[0]] = version

    def of(self, file: Path) -> str | None:
        """The package (without its architecture) that installed this file."""
        package = self.package.get(file)
        return package.split(":")[0] if package else None

    def copy_copyright(self, package: str, out: Path) -> Path:
        source = DEBIAN_DOCS / package / "copyright"
        if not source.is_file():
            raise RuntimeError(f"Debian package {package} has no {source}")
        target = out / "system" / package / "copyright"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return target


def copy_common_licences(out: Path) -> None:
    """Debian's copyright files give the GPL, LGPL, Apache... licences by reference to
    /usr/share/common-licenses/, which the machines the bundle runs on may not have:
    copy each one referred to into `common-licenses/`."""
    said = "".join(path.read_text(encoding="utf-8", errors="replace")
                   for path in sorted((out / "system").glob("*/copyright")))
    folder = out / "common-licenses"
    for name in sorted(set(re.findall(rf"{COMMON_LICENSES}/([\w.+-]*[\w+])", said))):
        source = COMMON_LICENSES / name
        if not source.is_file():
            raise RuntimeError(f"Debian's copyright files refer to {source}, which is missing")
        folder.mkdir(exist_ok=True)
        real = source.resolve()  # GPL is a link to GPL-3: keep it one
        if not (folder / real.name).exists():
            shutil.copyfile(real, folder / real.name)
        if real.name != name:
            (folder / name).symlink_to(real.name)


def usr_merge_alias(path: Path) -> Path:
    """/usr/lib/x -> /lib/x and back: Debian 12 merges /lib into /usr/lib, but dpkg
    knows each file by the path its package gave."""
    text = path.as_posix()
    return Path(text.removeprefix("/usr") if text.startswith("/usr/") else "/usr" + text)


def debian_licences(copyright_file: Path) -> str:
    """The licence names of a machine-readable Debian copyright file."""
    text = copyright_file.read_text(encoding="utf-8", errors="replace")
    if not text.startswith("Format:"):
        return "see the text (Debian's copyright file)"
    names = list(dict.fromkeys(re.findall(r"^License:[ \t]*(\S[^\n]*)", text, re.M)))
    shown = ", ".join(name.strip() for name in names[:MAX_LICENCE_NAMES])
    return shown + (f" and {len(names) - MAX_LICENCE_NAMES} more" if len(names) >
                    MAX_LICENCE_NAMES else "")


def system_line(out: Path, library: Path, origin: Path, debian: DebianPackages) -> Line:
    package = debian.of(origin)
    if package is None:
        raise RuntimeError(f"{library.name} was copied from {origin}, which no Debian "
                           "package installed (dpkg -S): its licence cannot be found")
    text = debian.copy_copyright(package, out)
    return Line(3, f"{library.name} (Debian {package} {debian.version.get(package, '?')})",
                debian_licences(text), text.relative_to(out).as_posix())


def vendored_line(out: Path, library: PurePosixPath, dist: importlib.metadata.Distribution,
                  same: Path | None, copied: dict[PurePosixPath, Path],
                  debian: DebianPackages) -> Line | None:
    """The line for a library inside a distribution's folder: its text from the wheel, or
    Debian's for the same library. None for the distribution's own libraries (Qt in
    PySide6), which its own licence covers; an error for one auditwheel copied in
    (`*.libs`) with no text anywhere."""
    where = f"{library.name} (in {library.parent}/, from {dist.metadata['Name']} {dist.version})"
    covering = wheel_text(library, copied)
    if covering is not None:
        text, licences = covering
        return Line(2, where, ", ".join(licences) or "see the text",
                    f"{text.relative_to(out).as_posix()} ({dist.metadata['Name']}'s own)")
    package = debian.of(same) if same is not None else None
    if package is not None:
        text = debian.copy_copyright(package, out)
        return Line(2, where, debian_licences(text),
                    f"{text.relative_to(out).as_posix()} (Debian's text for the same library, "
                    f"{package} {debian.version.get(package, '?')}; "
                    f"{dist.metadata['Name']} ships none)")
    if library.parts[0].endswith(".libs"):
        raise RuntimeError(
            f"{dist.metadata['Name']} {dist.version} carries {library} but ships no licence "
            f"text for it, and no Debian package on this machine has {library_name(library.name)}"
            ": install the one that does, or add its text")
    return None


def wheel_text(library: PurePosixPath, copied: dict[PurePosixPath, Path]
               ) -> tuple[Path, list[str]] | None:
    """The distribution's licence text for this library, with the licences it names:
    one whose `Files:` lines name it (numpy's for OpenBLAS and the GCC runtime), or one
    in the library's own folder (soundfile's `_soundfile_data/COPYING`)."""
    for copy in sorted(copied.values()):
        licences = files_licences(copy.read_text(encoding="utf-8", errors="replace"), library)
        if licences:
            return copy, licences
    for original, copy in sorted(copied.items()):
        if original.parent == library.parent:
            return copy, []
    return None


def files_licences(text: str, library: PurePosixPath) -> list[str]:
    """The `License:` of each `Files:` paragraph (Debian's copyright format, which numpy
    uses) whose patterns match the library; `*.so` also matches `.so.5.0.0`."""
    found, patterns = [], []
    for line in text.splitlines():
        if line.startswith("Files:"):
            patterns = line.removeprefix("Files:").split()
        elif line.startswith("License:") and any(
                fnmatch.fnmatch(str(library), glob) for pattern in patterns
                for glob in (pattern, f"{pattern}.*")):
            found.append(line.removeprefix("License:").strip())
            patterns = []
    return list(dict.fromkeys(found))


# ------------------------------------------------------------------------ writing


def write_readme(path: Path, program: str, lines: list[Line]) -> None:
    head = [
        f"Licences of {program} and of everything it redistributes",
        "",
        f"{program} is free software under the GNU General Public License, version 3 or",
        "later (../LICENSE). It contains Python, Python packages, libraries that some of",
        "those packages carry, and libraries copied from the Debian system it was built on.",
        "Each line below is one of them: name and version | licence as its makers (the",
        "package's metadata) or Debian declare it | where its licence text is, relative to",
        "this folder. A text given by Debian's package for the same library may be for a",
        "slightly different version of it. Debian's texts refer to common licences (GPL,",
        "LGPL, Apache...) as /usr/share/common-licenses/NAME: those are in common-licenses/.",
    ]
    if any(line.name.startswith("pyinstaller ") for line in lines):
        head += ["PyInstaller, listed below, packed the program: the program file itself is",
                 "PyInstaller's starter (bootloader)."]
    body = []
    for number, title in enumerate(SECTIONS):
        chosen = sorted((line for line in lines if line.section == number),
                        key=lambda line: line.name.casefold())
        if chosen:
            body += ["", title, *(line.render() for line in chosen)]
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8")


def deduplicate(files: list[Path], already: list[Path]) -> None:
    """Replace each copy of a text the bundle already holds (in `already`, or earlier in
    `files`) with a relative link to it: the GPL comes with the app, PySide6 and
    shiboken6, 8 libxcb packages share one text, numpy's 20 texts are in its dist-info
    in `_internal`. The bundle has links already (PyInstaller's), so this costs nothing."""
    sizes = {path.stat().st_size for path in files if path.is_file()}
    first: dict[str, Path] = {}
    for path in already:
        if path.is_file() and not path.is_symlink() and path.stat().st_size in sizes:
            first.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
    for path in files:
        if not path.is_file() or path.is_symlink():
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest not in first:
            first[digest] = path
            continue
        path.unlink()
        path.symlink_to(os.path.relpath(first[digest], path.parent))
