"""Storage adapters: the session record file on SQLite (through sqlite-utils).

Imports sqlite3, sqlite_utils and `selfcare.core`; never Qt or pygame.
"""

from selfcare.store.db import OpenedDatabase, damage_in, move_aside, open_database
from selfcare.store.errors import StorageProblem, StorageUnavailable, UnknownSessionError
from selfcare.store.sessions import (
    SessionRecord,
    SessionStatus,
    SqliteSessionStore,
    process_is_alive,
)

__all__ = [
    "OpenedDatabase",
    "SessionRecord",
    "SessionStatus",
    "SqliteSessionStore",
    "StorageProblem",
    "StorageUnavailable",
    "UnknownSessionError",
    "damage_in",
    "move_aside",
    "open_database",
    "process_is_alive",
]
