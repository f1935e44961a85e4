"""Render every diagram in assets/diagrams to PNG, so a person can look at them.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/diagrams/preview.py [OUT_DIR]

OUT_DIR defaults to /tmp/diagram-preview. It receives:

- points/<CODE>.png: each point drawing at 320 x 320 on the soft teal of the player's
  "What to do now" panel, where the app draws it;
- points-sheet.png: all point drawings side by side, to compare them at a glance;
- body.png: the body outline with nothing highlighted;
- body/<region>.png: the body outline once per region of `REGION_PARTS`, with that
  region's parts lit by the player's own code (`selfcare.diagrams.body_diagram`), so
  the picture is exactly what a patient sees.

It also checks what the app relies on, and exits 1 if anything is wrong: Qt can read
every file; each point of `POINTS` has a drawing; body.svg has exactly one element per
part of `BODY_PARTS`, with the fill on that element; no file holds text, styles,
scripts, raster images or references to anything outside itself; and nothing is drawn
outside the viewBox (Qt does not clip to it, so it would spill onto the panel).
"""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from selfcare.core.focus import BODY_PARTS, REGION_PARTS
from selfcare.core.points import POINTS
from selfcare.diagrams import body_diagram
from selfcare.paths import body_diagram_path, diagrams_dir, point_diagram_path
from selfcare.ui.style import ACCENT_SOFT, PAGE

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
FORBIDDEN = {"text", "tspan", "style", "script", "image", "foreignObject", "filter"}
POINT_SIZE = 320
BODY_SIZE = 480
SHEET_COLUMNS = 4


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def problems_in(path: Path, root: ET.Element) -> list[str]:
    """What in this file Qt's renderer or the app's conventions would not accept."""
    found = []
    for element in root.iter():
        name = local(element.tag)
        if name in FORBIDDEN:
            found.append(f"{path.name}: <{name}> is not allowed")
        for attribute in ("href", XLINK_HREF):
            target = element.get(attribute)
            if target is not None and not target.startswith("#"):
                found.append(f"{path.name}: reference to {target!r} outside the file")
        if "class" in element.attrib or "style" in element.attrib:
            found.append(f"{path.name}: use presentation attributes, not class or style")
    return found


def render(renderer: QSvgRenderer, size: int, out: Path) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(ACCENT_SOFT))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(out))
    return image


def spills(renderer: QSvgRenderer, name: str) -> list[str]:
    """A problem if the drawing paints anything outside its viewBox."""
    box = renderer.viewBoxF()
    margin = 40
    width, height = int(box.width()) + 2 * margin, int(box.height()) + 2 * margin
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, QRectF(margin, margin, box.width(), box.height()))
    painter.end()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, width, 4)
    alpha = pixels[:, :, 3].copy()
    alpha[margin : height - margin, margin : width - margin] = 0
    return [f"{name}: draws outside its viewBox"] if alpha.any() else []


def sheet(images: list[QImage], out: Path) -> None:
    rows = (len(images) + SHEET_COLUMNS - 1) // SHEET_COLUMNS
    gap = 8
    step = POINT_SIZE + gap
    canvas = QImage(SHEET_COLUMNS * step + gap, rows * step + gap, QImage.Format.Format_ARGB32)
    canvas.fill(QColor(PAGE))
    painter = QPainter(canvas)
    for index, image in enumerate(images):
        row, column = divmod(index, SHEET_COLUMNS)
        painter.drawImage(gap + column * step, gap + row * step, image)
    painter.end()
    canvas.save(str(out))


def check_body(root: ET.Element) -> list[str]:
    found = []
    by_id: dict[str, list[ET.Element]] = {}
    for element in root.iter():
        if element.get("id") is not None:
            by_id.setdefault(element.get("id", ""), []).append(element)
    for part in BODY_PARTS:
        elements = by_id.get(part, [])
        if len(elements) != 1:
            found.append(f"body.svg: {len(elements)} elements with id {part!r}, want 1")
            continue
        element = elements[0]
        if local(element.tag) not in {"path", "g"}:
            found.append(f"body.svg: {part!r} is a <{local(element.tag)}>, want <path> or <g>")
        if element.get("fill") is None:
            found.append(f"body.svg: {part!r} has no fill attribute of its own")
        for child in element.iter():
            if child is not element and child.get("fill") is not None:
                found.append(f"body.svg: a child of {part!r} sets its own fill")
    return found


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/diagram-preview")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    problems: list[str] = []

    for code in POINTS:
        if not point_diagram_path(code).is_file():
            problems.append(f"no drawing for point {code}: {point_diagram_path(code)}")

    point_images = []
    for path in sorted((diagrams_dir() / "points").glob("*.svg")):
        problems += problems_in(path, ET.parse(path).getroot())
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            problems.append(f"{path.name}: Qt cannot read it")
            continue
        problems += spills(renderer, path.name)
        target = out / "points" / f"{path.stem}.png"
        point_images.append(render(renderer, POINT_SIZE, target))
        print(target)
    if point_images:
        sheet(point_images, out / "points-sheet.png")
        print(out / "points-sheet.png")

    body = body_diagram_path()
    root = ET.parse(body).getroot()
    problems += problems_in(body, root) + check_body(root)
    renderer = QSvgRenderer(str(body))
    if not renderer.isValid():
        problems.append("body.svg: Qt cannot read it")
    else:
        problems += spills(renderer, body.name)
        render(renderer, BODY_SIZE, out / "body.png")
        print(out / "body.png")
        for region, parts in REGION_PARTS.items():
            data = body_diagram(parts)
            lit = QSvgRenderer(QByteArray(data or b""))
            if not lit.isValid():
                problems.append(f"body.svg with {region!r} lit: Qt cannot read it")
                continue
            target = out / "body" / f"{region}.png"
            render(lit, BODY_SIZE, target)
            print(target)

    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
