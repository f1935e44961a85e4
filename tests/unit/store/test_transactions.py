"""Two copies writing at once take turns instead of failing with 'database is locked'."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path

from selfcare.store.db import open_database
from selfcare.store.sessions import SqliteSessionStore
from selfcare.store.transactions import writing
from tests.unit.store.test_sessions import T0, start_at


def test_a_write_that_waits_for_another_copy_then_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "selfcare.db"
    first = open_database(path, now=T0)
    store_a = SqliteSessionStore(first.db, pid=1, host="a")
    session = store_a.begin_session(start_at(T0, pre=6))
    errors: list[BaseException] = []
    started = threading.Event()

    def second_copy() -> None:  # its own connection, as another process has
        other = open_database(path, now=T0)
        try:
            store_b = SqliteSessionStore(other.db, pid=2, host="b")
            started.set()
            store_b.record_rating(session, "post", 3, T0 + timedelta(minutes=5))
        except BaseException as error:
            errors.append(error)
        finally:
            other.db.close()

    with writing(first.db):  # this copy is mid-write when the other one arrives
        first.db.execute("UPDATE sessions SET step_reached = 2 WHERE id = ?", [session])
        thread = threading.Thread(target=second_copy)
        thread.start()
        started.wait(5)
        time.sleep(0.3)  # the other copy is now waiting for the lock
    thread.join(10)
    assert errors == []
    [record] = store_a.history()
    assert (record.pre, record.post, record.step_reached) == (6, 3, 2)
    first.db.close()
