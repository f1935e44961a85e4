"""The SVG a step shows: the drawing of its acupressure point, or the body with its region lit.

No Qt here: the player's widget only renders the bytes. A missing or broken drawing
is logged and shown as nothing, never as an error in a patient's session.
"""

from __future__ import annotations

import functools
import logging
import xml.etree.ElementTree as ET

from selfcare import paths
from selfcare.core.focus import FocusKind, body_parts, focus_kind

log = logging.getLogger(__name__)

SVG_NS = "http://www.w3.org/2000/svg"
HIGHLIGHT_FILL = "#9ECFCB"  # the region being relaxed: clearly darker than the white body
HIGHLIGHT_STROKE = "#1F4F52"
HIGHLIGHT_STROKE_WIDTH = "2.5"

ET.register_namespace("", SVG_NS)


def diagram_for(code: str | None) -> bytes | None:
    """SVG bytes for a step's focus, or None when there is nothing to draw."""
    if not code:
        return None
    kind = focus_kind(code)
    if kind is FocusKind.POINT:
        return point_diagram(code)
    if kind is FocusKind.REGION:
        return body_diagram(body_parts(code))
    return None


@functools.lru_cache(maxsize=16)
def point_diagram(code: str) -> bytes | None:
    path = paths.point_diagram_path(code)
    try:
        data = path.read_bytes()
        ET.fromstring(data)
    except (OSError, ET.ParseError) as exc:
        log.warning("no diagram for point %s: %s: %s", code, path, exc)
        return None
    return data


@functools.lru_cache(maxsize=32)
def body_diagram(parts: tuple[str, ...]) -> bytes | None:
    """The body outline with `parts` filled; None if the drawing cannot be read."""
    path = paths.body_diagram_path()
    try:
        root = ET.fromstring(path.read_bytes())
    except (OSError, ET.ParseError) as exc:
        log.warning("no body diagram: %s: %s", path, exc)
        return None
    wanted = set(parts)
    for element in root.iter():
        if element.get("id") in wanted:
            element.set("fill", HIGHLIGHT_FILL)
            element.set("stroke", HIGHLIGHT_STROKE)
            element.set("stroke-width", HIGHLIGHT_STROKE_WIDTH)
    data: bytes = ET.tostring(root, encoding="utf-8")
    return data
