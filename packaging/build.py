"""Build the Linux bundle and prove it works: `make bundle` (or `python packaging/build.py`).

1. PyInstaller builds `dist/Selfcare/` from `packaging/selfcare.spec` (one folder).
2. On Linux, debug symbols are stripped from the bundle's libraries, except those
   auditwheel vendored into `*.libs` folders, which stripping breaks; then
   `packaging/slim.py` leaves out what the app never uses (Qt plugins for other kinds
   of devices, libraries nothing needs, ICU locale data for languages other than
   English and Spanish).
3. The bundle is copied to a temporary folder with no source tree beside it and
   `Selfcare --self-test` runs there with a clean environment: offscreen, and under Xvfb
   when `xvfb-run` is installed.
4. Its size (the folder, and as a .tar.gz with `--archive`) and its start-up time to
   the first painted window are printed: the first start, cold when the page cache can
   be dropped (as root), then the median of the next ones.
Exit code 0 only when the bundle was built and every self-test passed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import licences  # packaging/licences.py, beside this script
import slim  # packaging/slim.py, beside this script
from slim import folder_size

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "selfcare.spec"
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
PAINT_MARK = "first-paint-epoch"
STARTS = 5
SIZE_GOAL_MB = 200
START_GOAL_S = 1.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python packaging/build.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", action="store_true",
                        help="also write dist/Selfcare-<version>-linux-<machine>.tar.gz")
    parser.add_argument("--skip-build", action="store_true",
                        help="test and measure the bundle already in dist/")
    args = parser.parse_args(argv)
    bundle = DIST / app_name()
    if not args.skip_build:
        began = time.perf_counter()
        build()
        print(f"built {bundle} in {time.perf_counter() - began:.0f} s", flush=True)
        if sys.platform.startswith("linux"):
            saved = strip(bundle)
            print(f"stripped debug symbols: {saved / 2**20:.0f} MiB less", flush=True)
            for line in slim.slim(bundle):
                print(line, flush=True)
            add_desktop_files(bundle)
            print(licences.add_licences(bundle), flush=True)
    if not (bundle / program_name()).exists():
        print(f"no bundle at {bundle}", file=sys.stderr)
        return 1
    size = folder_size(bundle)
    print(f"bundle size: {size / 2**20:.0f} MiB (goal < {SIZE_GOAL_MB} MB: "
          f"{'ok' if size < SIZE_GOAL_MB * 1e6 else 'MISSED'})", flush=True)
    if args.archive:
        archive = make_archive(bundle)
        print(f"archive: {archive} ({archive.stat().st_size / 2**20:.0f} MiB)", flush=True)
    with tempfile.TemporaryDirectory(prefix="selfcare-bundle-") as away:
        moved = Path(away) / bundle.name
        shutil.copytree(bundle, moved, symlinks=True)
        results = [self_test(moved, "offscreen")]
        if sys.platform.startswith("linux"):
            results.append(desktop_install(moved, Path(away) / "xdg"))
        if shutil.which("xvfb-run"):
            results.append(self_test(moved, "xvfb"))
        else:
            print("xvfb-run is not installed: the self-test under Xvfb was not run")
        cold = drop_page_cache()
        first, rest = start_times(moved, Path(away) / "data")
        if first is not None:
            median = statistics.median(rest) if rest else first
            judged = first if cold else median
            print(f"start-up to the first painted window: "
                  f"{'cold (page cache dropped)' if cold else 'first (page cache kept)'} "
                  f"{first:.2f} s, then median {median:.2f} s of {len(rest)} "
                  f"(goal < {START_GOAL_S} s: {'ok' if judged < START_GOAL_S else 'MISSED'})")
    return 0 if all(results) else 1


def app_name() -> str:
    sys.path.insert(0, str(REPO))
    import selfcare

    return selfcare.APP_NAME


def program_name() -> str:
    return app_name() + (".exe" if sys.platform == "win32" else "")


def build() -> None:
    subprocess.run([sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
                    "--distpath", str(DIST), "--workpath", str(WORK), "--log-level", "WARN"],
                   cwd=REPO, check=True)


def strip(bundle: Path) -> int:
    """Strip shared libraries outside `*.libs` folders; returns the bytes saved."""
    tool = shutil.which("strip")
    if tool is None:
        print("strip (binutils) is not installed: the bundle keeps its debug symbols")
        return 0
    before = folder_size(bundle)
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        if any(part.endswith(".libs") for part in path.relative_to(bundle).parts):
            continue
        if ".so" in path.name or path.name == app_name():
            subprocess.run([tool, "--strip-unneeded", str(path)], check=False,
                           capture_output=True)
    return before - folder_size(bundle)


INSTALL_SCRIPT = r"""#!/usr/bin/env bash
# Put Selfcare in this user's applications menu: its desktop entry, AppStream metainfo
# and icons go under ${XDG_DATA_HOME:-~/.local/share}, the entry starting this folder's
# Selfcare. Run it again after moving the folder. Nothing here needs the network or root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if printf '%s' "$here" | grep -q '["\`$]'; then
  echo "Please move this folder to a path without quotes, backslashes, \` or \$ first." >&2
  exit 1
fi
data="${XDG_DATA_HOME:-$HOME/.local/share}"
(cd "$here/share" && find . -type f) | while read -r file; do
  mkdir -p "$data/$(dirname "$file")"
  cp "$here/share/$file" "$data/$file"
done
entry="$data/applications/@APP_ID@.desktop"
sed -i -e "s|^Exec=.*|Exec=\"$here/@APP_NAME@\"|" "$entry"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" || true
fi
echo "@APP_NAME@ is now in your applications menu ($entry)."
"""


def add_desktop_files(bundle: Path) -> None:
    """The desktop entry, metainfo and icons under `share/`, and the script that installs
    them for the person (`install-desktop-entry.sh`), beside the program."""
    sys.path.insert(0, str(REPO / "packaging"))
    import metadata

    import selfcare

    for relative, source in metadata.linux_install_files().items():
        target = bundle / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    script = bundle / "install-desktop-entry.sh"
    script.write_text(INSTALL_SCRIPT.replace("@APP_ID@", selfcare.APP_ID)
                      .replace("@APP_NAME@", selfcare.APP_NAME), encoding="utf-8")
    script.chmod(0o755)


def desktop_install(bundle: Path, data: Path) -> bool:
    """Run the bundle's install script into `data` and validate the entry it wrote."""
    import selfcare

    done = subprocess.run([str(bundle / "install-desktop-entry.sh")], capture_output=True,
                          text=True, env=clean_env(XDG_DATA_HOME=str(data)), check=False)
    entry = data / "applications" / f"{selfcare.APP_ID}.desktop"
    if done.returncode != 0 or not entry.exists():
        print(f"desktop entry: the install script failed: {done.stderr.strip()}")
        return False
    wanted = f'Exec="{bundle / selfcare.APP_NAME}"'
    if wanted not in entry.read_text(encoding="utf-8").splitlines():
        print(f"desktop entry: Exec does not start the bundle ({wanted} expected)")
        return False
    validator = shutil.which("desktop-file-validate")
    if validator:
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True,
                                 check=False)
        if checked.returncode != 0 or checked.stdout.strip():
            print(f"desktop entry: desktop-file-validate says {checked.stdout.strip()}")
            return False
    icons = len(list((data / "icons").rglob(f"{selfcare.APP_ID}.*")))
    print(f"desktop entry: installed by install-desktop-entry.sh, {wanted}, {icons} icons"
          + (", valid" if validator else " (desktop-file-validate not installed)"))
    return True


def make_archive(bundle: Path) -> Path:
    import platform

    sys.path.insert(0, str(REPO))
    from selfcare import __version__

    archive = DIST / f"{bundle.name}-{__version__}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(bundle, arcname=bundle.name)
    return archive


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without anything that could point the bundle at the source tree."""
    drop = ("PYTHONPATH", "PYTHONHOME", "SELFCARE_ASSETS_DIR", "SELFCARE_DATA_DIR",
            "QT_QPA_PLATFORM", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra)
    return env


def self_test(bundle: Path, how: str) -> bool:
    program = str(bundle / program_name())
    if how == "offscreen":
        command, env = [program, "--self-test"], clean_env(QT_QPA_PLATFORM="offscreen")
    else:
        command = ["xvfb-run", "-a", "-s", "-screen 0 1280x860x24", program, "--self-test"]
        env = clean_env()
    print(f"self-test of the bundle ({how}), from {bundle.parent}:", flush=True)
    done = subprocess.run(command, cwd=bundle.parent, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    print(done.stdout.rstrip())
    if done.returncode != 0:
        print(done.stderr.rstrip()[-2000:], file=sys.stderr)
    return done.returncode == 0


def drop_page_cache() -> bool:
    """Empty the kernel's page cache, so the next start reads the bundle from disk as
    after a reboot; only root may, and only outside some containers."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")
    except OSError:
        return False
    return True


def start_times(bundle: Path, data: Path) -> tuple[float | None, list[float]]:
    """Seconds from spawning the bundle to its first painted window: the first start,
    then the later ones (the bundle's files then in the page cache)."""
    times = []
    env = clean_env(QT_QPA_PLATFORM="offscreen", SDL_AUDIODRIVER="dummy",
                    SELFCARE_REPORT_FIRST_PAINT="1", SELFCARE_QUIT_AFTER_LOAD="1",
                    SELFCARE_NO_ERROR_DIALOGS="1")
    for _ in range(1 + STARTS):
        began = time.time()
        done = subprocess.run([str(bundle / program_name()), "--data-dir", str(data)],
                              cwd=bundle.parent, env=env, capture_output=True, text=True,
                              timeout=120, check=False)
        marks = [line.split()[1] for line in done.stdout.splitlines()
                 if line.startswith(PAINT_MARK)]
        if not marks:
            print(f"start-up not measured: no first paint reported ({done.stderr[-300:]})")
            return None, []
        times.append(float(marks[0]) - began)
    return times[0], times[1:]


if __name__ == "__main__":
    raise SystemExit(main())
