"""The committed icons are what the SVG draws now, and both containers read back."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage, QImageReader

from selfcare import paths
from selfcare.ui import tray
from tests.conftest import REPO
from tests.helpers.packaging_scripts import load_script

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Qt's rasteriser picks SIMD code by CPU, which may round an edge pixel differently.
TOLERANCE = 4


icons = load_script("icons")


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """(size, entry bytes) for each image of a Windows icon."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for number in range(count):
        width, height, colours, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * number)
        assert width == height and (colours, planes, bits) == (0, 1, 32)
        assert offset + length <= len(data)
        entries.append((width or 256, data[offset:offset + length]))
    return entries


def ico_image(size: int, entry: bytes) -> QImage:
    """An ICO entry as an image: a PNG, or a 32-bit bitmap stored bottom-up in BGRA."""
    if entry.startswith(PNG_SIGNATURE):
        return QImage.fromData(entry, "PNG")
    assert struct.unpack_from("<IiiHHI", entry) == (40, size, 2 * size, 1, 32, 0)
    mask_stride = (size + 31) // 32 * 4
    assert len(entry) == 40 + size * size * 4 + size * mask_stride
    pixels = np.frombuffer(entry, np.uint8, size * size * 4, 40).reshape(size, size, 4)
    rgba = np.ascontiguousarray(pixels[::-1][..., [2, 1, 0, 3]])
    return QImage(rgba.tobytes(), size, size, QImage.Format.Format_RGBA8888).copy()


def read_icns(data: bytes) -> list[tuple[str, bytes]]:
    """(type, data) for each entry of a macOS icon family."""
    magic, total = struct.unpack_from(">4sI", data)
    assert magic == b"icns" and total == len(data)
    entries, offset = [], 8
    while offset < total:
        kind, length = struct.unpack_from(">4sI", data, offset)
        entries.append((kind.decode("ascii"), data[offset + 8:offset + length]))
        offset += length
    assert offset == total
    return entries


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def pixels(image: QImage) -> np.ndarray:
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    stride = rgba.bytesPerLine()
    rows = np.frombuffer(bytes(rgba.constBits()), np.uint8).reshape(rgba.height(), stride)
    return rows[:, :rgba.width() * 4].astype(int)


def images_in(name: str, data: bytes) -> list[tuple[str, QImage]]:
    if name.endswith(".ico"):
        return [(f"{size}px", ico_image(size, entry)) for size, entry in read_ico(data)]
    if name.endswith(".icns"):
        return [(kind, QImage.fromData(png, "PNG")) for kind, png in read_icns(data)]
    return [("png", QImage.fromData(data, "PNG"))]


def assert_alike(first: QImage, second: QImage) -> None:
    assert not first.isNull() and not second.isNull()
    assert first.size() == second.size()
    assert np.abs(pixels(first) - pixels(second)).max() <= TOLERANCE


def test_regenerating_gives_the_committed_icons(qapp):
    for relative, data in icons.generated().items():
        committed = (REPO / relative).read_bytes()
        if relative.suffix == ".svg":
            assert committed == data, relative
            continue
        fresh, kept = images_in(relative.name, data), images_in(relative.name, committed)
        assert [label for label, _ in fresh] == [label for label, _ in kept], relative
        for (_, new), (_, old) in zip(fresh, kept, strict=True):
            assert_alike(new, old)


def test_no_icon_is_left_over_from_an_older_drawing(qapp):
    made = {REPO / relative for relative in icons.generated()}
    for folder in (icons.PNG_DIR, icons.APP_ICONS):
        assert set(folder.iterdir()) <= made, "regenerate: python packaging/icons.py"


def test_the_spec_is_told_the_icons_this_script_writes():
    metadata = load_script("metadata")
    assert metadata.ICON_PNG_SIZES == icons.PNG_SIZES
    assert (metadata.ICON_SVG, metadata.ICON_ICO, metadata.ICON_ICNS) == (
        icons.SVG, icons.ICO, icons.ICNS)
    assert metadata.ICON_PNG_256 == icons.PNG_DIR / "selfcare-256.png"


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_each_png_is_its_size_with_round_transparent_corners(size):
    image = QImage(str(icons.PNG_DIR / f"selfcare-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    alpha = pixels(image)[..., 3::4]
    assert alpha[0, 0] == alpha[-1, -1] == 0 and alpha[size // 2, size // 2] == 255


def test_the_ico_holds_each_windows_size_as_its_png_draws_it():
    data = icons.ICO.read_bytes()
    entries = read_ico(data)
    assert [size for size, _ in entries] == list(icons.ICO_SIZES)
    for size, entry in entries:
        png = (icons.PNG_DIR / f"selfcare-{size}.png").read_bytes()
        if size >= icons.ICO_PNG_FROM:
            assert entry == png
        assert (pixels(ico_image(size, entry)) == pixels(QImage.fromData(png, "PNG"))).all()


def test_qt_reads_the_ico_too(qapp):
    reader = QImageReader(str(icons.ICO))
    sizes = []
    for number in range(reader.imageCount()):
        reader.jumpToImage(number)
        sizes.append(reader.read().width())
    assert sizes == list(icons.ICO_SIZES)


def test_the_icns_holds_each_mac_size_as_a_png():
    entries = read_icns(icons.ICNS.read_bytes())
    assert [kind for kind, _ in entries] == [kind for kind, _ in icons.ICNS_ENTRIES]
    for (kind, png), (_, size) in zip(entries, icons.ICNS_ENTRIES, strict=True):
        assert png_size(png) == (size, size), kind
        committed = icons.PNG_DIR / f"selfcare-{size}.png"
        if committed.exists():
            assert png == committed.read_bytes(), kind


@pytest.fixture
def no_window_icon(qapp):
    before = qapp.windowIcon()
    qapp.setWindowIcon(QIcon())
    yield
    qapp.setWindowIcon(before)


def test_the_tray_shows_the_bundled_icon_in_every_size(no_window_icon):
    assert tray.APP_ICON_SIZES == icons.APP_SIZES
    icon = tray.app_icon()
    assert icon.availableSizes() == [QSize(size, size) for size in tray.APP_ICON_SIZES]
    assert icon.pixmap(256, 256).toImage().pixelColor(128, 40).name() != "#000000"
    assert paths.icon_path().read_bytes() == (icons.PNG_DIR / "selfcare-256.png").read_bytes()


def test_without_the_icon_files_the_tray_still_has_an_icon(no_window_icon, tmp_path,
                                                          monkeypatch):
    monkeypatch.setenv(paths.ASSETS_ENV, str(tmp_path))
    assert tray.bundled_icon().isNull()
    assert not tray.app_icon().pixmap(32, 32).toImage().isNull()


@pytest.mark.slow
def test_the_running_app_sets_its_window_icon_after_the_first_paint(tmp_path):
    probe = (
        "import sys; from PySide6.QtWidgets import QApplication;"
        "from selfcare.app import start_window;"
        "app, w = start_window(data_dir=sys.argv[1]);"
        "print(QApplication.windowIcon().isNull());"
        "w.loaded.connect(lambda: (print(sorted(s.width() for s in"
        " QApplication.windowIcon().availableSizes())), app.quit()));"
        "app.exec()"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "data")], cwd=REPO,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["True", str(list(tray.APP_ICON_SIZES))]


def test_the_window_icon_files_are_where_the_bundle_looks():
    # The spec copies assets/ whole; the app finds them through paths.assets_dir().
    for size in tray.APP_ICON_SIZES:
        assert paths.icon_path(size).parent == Path(paths.assets_dir()) / "icons"
        assert paths.icon_path(size).is_file()
