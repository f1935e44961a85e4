"""The clinician's one-page report: drawn once with QPainter, on paper (PDF) and on screen."""
