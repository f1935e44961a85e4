"""Write transactions that take the write lock first.

SQLite's plain `BEGIN` starts reading and asks for the write lock only at the first
write. When another process (a second copy of the app) has committed in between, WAL
mode cannot upgrade that read snapshot and answers SQLITE_BUSY at once, without waiting
for the busy timeout. `BEGIN IMMEDIATE` takes the write lock at the start, waiting up to
the busy timeout, so two copies writing at once simply take turns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """One transaction holding the write lock; nested use becomes a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
