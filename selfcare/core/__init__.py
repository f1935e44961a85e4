"""The pure heart of Selfcare: scripts, timelines, player state and session logic.

Nothing in this package touches Qt, pygame, SQLite, the file system or the clock
directly. Callers hand in text, lengths, ports and time; it hands back data.
`tests/unit/test_layers.py` keeps it that way.
"""
