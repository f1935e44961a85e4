"""When someone has left the app alone long enough for it to close what was theirs.

Separate from the PIN rules so the window can watch for idleness from its first paint
without loading hashlib (OpenSSL) before it is needed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

# Clinician mode leaves by itself after this long without a key press or click.
IDLE_LIMIT = timedelta(minutes=3)
# A patient on a shared computer is signed out after this long without a key press or
# click while browsing (never during a session or a rating): long enough to read their
# history, short enough that the next person does not find it open.
PERSON_IDLE_LIMIT = timedelta(minutes=10)


def idle_too_long(last_activity: datetime, now: datetime, limit: timedelta = IDLE_LIMIT) -> bool:
    """Whether `limit` has passed since the last key press or click."""
    return now - last_activity >= limit
