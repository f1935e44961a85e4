"""Each kind of session's colour, the same on screen and on paper.

Okabe & Ito (2008): safe for colour-blind eyes. On white each is at least 3:1 (non-text
contrast); on black the lighter members of the same palette are used. A shape goes with
each colour wherever it is drawn, so colour is never the only clue.
"""

from __future__ import annotations

KINDS = ("imagery", "pmr", "acupressure", "breathing")
OTHER = "other"
COLOURS = {"imagery": "#0072B2", "pmr": "#D55E00", "acupressure": "#009E73",
           "breathing": "#CC79A7"}
COLOURS_ON_BLACK = {"imagery": "#56B4E9", "pmr": "#E69F00", "acupressure": "#009E73",
                    "breathing": "#CC79A7"}
OTHER_COLOUR = "#555555"
# circle, square, triangle, diamond; a session of no known kind is a pentagon
SHAPES = {"imagery": "circle", "pmr": "square", "acupressure": "triangle",
          "breathing": "diamond", OTHER: "pentagon"}
