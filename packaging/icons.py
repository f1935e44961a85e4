"""Every icon from one drawing: `packaging/icons/selfcare.svg` to PNGs, a .ico and a .icns.

Run `python packaging/icons.py` after changing the SVG and commit what it writes; the
build and the running app read the committed files, so neither needs QtSvg for its
icon. Qt draws each size from the SVG itself (no scaling of one big bitmap), and the two
containers are written here because Qt's own writers hold one image per file: the .ico
has 32-bit bitmaps below 256 px (what every Windows tool reads) and a PNG at 256 px,
the .icns has PNG entries only (read by macOS 10.7 and later; the app needs 13).

This file is run as a script, never imported as `packaging.icons`: a `packaging`
package here would hide PyPA's `packaging`, which pytest and PyInstaller import.
Tests load it by path.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
ICONS = REPO / "packaging" / "icons"
SVG = ICONS / "selfcare.svg"
PNG_DIR = ICONS / "png"
ICO = ICONS / "selfcare.ico"
ICNS = ICONS / "selfcare.icns"
APP_ICONS = REPO / "assets" / "icons"  # what the running app loads (selfcare.paths.icon_path)

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_PNG_FROM = 256  # entries this big are PNG-compressed, as Windows itself does
APP_SIZES = (16, 32, 48, 256)  # the window and tray icon; Qt picks the nearest size
# (type, pixels): Apple's codes for PNG entries; ic11-ic14 are the @2x ("retina") ones.
ICNS_ENTRIES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("ic12", 64), ("ic07", 128),
                ("ic13", 256), ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024))


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The drawing at `size` x `size` pixels on a transparent ground, straight alpha."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_RGBA8888)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RuntimeError(f"Qt could not encode a PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def rgba_rows(image: QImage) -> list[bytes]:
    """The image's rows top to bottom, 4 bytes a pixel in R, G, B, A order."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    bits = bytes(rgba.constBits())
    stride, width = rgba.bytesPerLine(), rgba.width() * 4
    return [bits[y * stride:y * stride + width] for y in range(rgba.height())]


def dib_bytes(image: QImage) -> bytes:
    """An ICO bitmap entry: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask.

    The header's height counts both the colour rows and the mask (the ICO convention);
    the mask marks fully transparent pixels for the rare reader that ignores alpha.
    """
    size = image.width()
    rows = rgba_rows(image)
    colour = bytearray()
    mask = bytearray()
    mask_stride = (size + 31) // 32 * 4
    for row in reversed(rows):
        bgra = bytearray(row)
        bgra[0::4], bgra[2::4] = row[2::4], row[0::4]
        colour += bgra
        bits = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0,
                         len(colour) + len(mask), 0, 0, 0, 0)
    return header + bytes(colour) + bytes(mask)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A Windows icon holding every image: ICONDIR, one ICONDIRENTRY each, then the data."""
    entries = [(size, png_bytes(image) if size >= ICO_PNG_FROM else dib_bytes(image))
               for size, image in sorted(images.items())]
    offset = 6 + 16 * len(entries)
    head = struct.pack("<HHH", 0, 1, len(entries))
    directory = b""
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in a one-byte field
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return head + directory + b"".join(data for _, data in entries)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon family: 'icns' and the total length, then (type, length, PNG) entries."""
    body = b"".join(struct.pack(">4sI", kind.encode("ascii"), 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_ENTRIES)
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def generated(svg: Path = SVG) -> dict[Path, bytes]:
    """Every generated file, by its path relative to the repository, from the SVG."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *APP_SIZES, *(size for _, size in ICNS_ENTRIES)})
    images = {size: render(renderer, size) for size in sizes}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    files = {PNG_DIR / f"selfcare-{size}.png": pngs[size] for size in PNG_SIZES}
    files[ICO] = ico_bytes({size: images[size] for size in ICO_SIZES})
    files[ICNS] = icns_bytes(pngs)
    files[APP_ICONS / "selfcare.svg"] = svg.read_bytes()
    for size in APP_SIZES:
        files[APP_ICONS / f"selfcare-{size}.png"] = pngs[size]
    return {path.relative_to(REPO): data for path, data in files.items()}


def write(root: Path = REPO, svg: Path = SVG) -> list[Path]:
    """Write every generated file under `root` (the repository, or a test's folder)."""
    written = []
    for relative, data in generated(svg).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: runs on a server too
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written = write()
    # A size no longer made must not linger beside the new ones and be packaged.
    for folder in (PNG_DIR, APP_ICONS):
        for old in set(folder.glob("selfcare-*.png")) - set(written):
            old.unlink()
    for path in written:
        print(path.relative_to(REPO))
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
