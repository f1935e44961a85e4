"""Deciding which unfinished session records were abandoned by a dead process.

A session still marked running after its process died (a crash, SIGKILL, a power
cut) is recorded as interrupted at the step it reached, on the next start at the
latest. A record whose process is still alive belongs to another open copy of
the app and is left alone, but no session lasts for days, so a very old record
is abandoned whatever its process id now belongs to.

Recovery runs when the store is opened, before this process starts a session, so
a record carrying this process's own id comes from an earlier life of that id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

OTHER_HOST_GRACE = timedelta(hours=12)
LONGEST_PLAUSIBLE_SESSION = timedelta(days=2)


def is_abandoned(
    *,
    pid: int | None,
    host: str | None,
    started_at: datetime,
    this_host: str,
    this_pid: int,
    now: datetime,
    is_alive: Callable[[int], bool],
) -> bool:
    """True when nobody can still be playing this session."""
    age = now - started_at
    if age > LONGEST_PLAUSIBLE_SESSION:
        return True
    if host != this_host or pid is None:
        # Another machine's processes cannot be asked about; wait long enough.
        return age > OTHER_HOST_GRACE
    if pid == this_pid:
        return True
    return not is_alive(pid)
