"""Damaging a file the ways disks, cables and hands do, for hypothesis-driven fuzz tests."""

from __future__ import annotations

from hypothesis import strategies as st


def mutated(data: st.DataObject, good: bytes) -> bytes:
    """`good` after 1 to 8 random byte flips, cuts, insertions and deletions."""
    raw = bytearray(good)
    for _ in range(data.draw(st.integers(1, 8))):
        action = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = data.draw(st.integers(0, max(0, len(raw) - 1)))
        if action == "flip" and raw:
            raw[at] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del raw[at:]
        elif action == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        elif raw:
            del raw[at:at + data.draw(st.integers(1, 16))]
    return bytes(raw)
