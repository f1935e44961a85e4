"""Step diagrams: a point's drawing, or the body with a region's parts lit; never a crash."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from selfcare import diagrams
from selfcare.core.focus import BODY_PARTS, body_parts

NS = {"svg": "http://www.w3.org/2000/svg"}
BODY = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<path id="hand-left" fill="#FFFFFF" stroke="#4A5663" d="M0 0h10v10z"/>
<g id="hand-right" fill="#FFFFFF"><path d="M20 0h10v10z"/></g>
<path id="forearm-left" fill="#FFFFFF" d="M40 0h10v10z"/>
<path id="head" fill="#FFFFFF" d="M60 0h10v10z"/>
</svg>"""


@pytest.fixture
def assets(tmp_path, monkeypatch):
    monkeypatch.setenv("SELFCARE_ASSETS_DIR", str(tmp_path))
    (tmp_path / "diagrams" / "points").mkdir(parents=True)
    (tmp_path / "diagrams" / "body.svg").write_text(BODY)
    diagrams.body_diagram.cache_clear()
    diagrams.point_diagram.cache_clear()
    yield tmp_path
    diagrams.body_diagram.cache_clear()
    diagrams.point_diagram.cache_clear()


def _fills(data: bytes) -> dict[str, str]:
    root = ET.fromstring(data)
    return {e.get("id"): e.get("fill") for e in root.iter() if e.get("id")}


def test_a_region_lights_exactly_its_parts(assets):
    fills = _fills(diagrams.diagram_for("hands"))
    assert fills["hand-left"] == fills["hand-right"] == diagrams.HIGHLIGHT_FILL
    assert fills["forearm-left"] == fills["head"] == "#FFFFFF"


def test_a_point_shows_its_own_drawing(assets):
    drawing = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 320"/>'
    (assets / "diagrams" / "points" / "LI4.svg").write_bytes(drawing)
    assert diagrams.diagram_for("LI4") == drawing


def test_missing_or_broken_drawings_show_nothing(assets, caplog):
    assert diagrams.diagram_for("PC6") is None  # no file
    (assets / "diagrams" / "points" / "HT7.svg").write_text("<svg><unclosed")
    assert diagrams.diagram_for("HT7") is None
    (assets / "diagrams" / "body.svg").write_text("not svg")
    diagrams.body_diagram.cache_clear()
    assert diagrams.diagram_for("face") is None
    assert "no diagram for point PC6" in caplog.text


def test_no_focus_or_an_unknown_code_draws_nothing(assets):
    assert diagrams.diagram_for(None) is None
    assert diagrams.diagram_for("elbow-ish") is None


# ------------------------------------------------------------------ the shipped drawings


@pytest.fixture
def shipped():
    diagrams.body_diagram.cache_clear()
    diagrams.point_diagram.cache_clear()


def test_the_body_drawing_has_one_element_per_body_part(shipped):
    from selfcare import paths

    root = ET.fromstring(paths.body_diagram_path().read_bytes())
    ids = [e.get("id") for e in root.iter() if e.get("id") in BODY_PARTS]
    assert sorted(ids) == sorted(BODY_PARTS)


def test_lighting_a_region_changes_only_that_region_in_the_shipped_drawing(shipped):
    fills = _fills(diagrams.diagram_for("arm-left-whole"))
    lit = {part for part in BODY_PARTS if fills.get(part) == diagrams.HIGHLIGHT_FILL}
    assert lit == set(body_parts("arm-left-whole"))
