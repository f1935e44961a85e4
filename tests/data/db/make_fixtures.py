"""Rebuild the database fixtures in this folder: `python tests/data/db/make_fixtures.py`.

Seeded, so a rebuild gives the same files but for migration timestamps. Each damaged file must fail
`PRAGMA quick_check` or fail to open at all; the script checks that.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from selfcare.core.ports import SessionStart
from selfcare.core.ratings import Moment
from selfcare.store.db import open_database
from selfcare.store.sessions import SqliteSessionStore

HERE = Path(__file__).resolve().parent
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def build_valid(path: Path, sessions: int, title_size: int = 0) -> None:
    path.unlink(missing_ok=True)
    opened = open_database(path)
    store = SqliteSessionStore(opened.db, pid=4242, host="fixture-host")
    for n in range(sessions):
        start = T0 + timedelta(days=n)
        session_id = store.begin_session(SessionStart(
            script_id=f"script-{n % 3}", title=f"Session {n} " + "x" * title_size,
            kind="imagery", lang="en", started_at=start, steps_total=5,
            pre_rating=n % 11, audio="device",
        ))
        store.record_progress(session_id, 3)
        if n % 2:
            store.interrupt_session(session_id, start + timedelta(minutes=4), 3)
            store.record_rating(session_id, Moment.POST, None, start + timedelta(minutes=5))
        else:
            store.complete_session(session_id, start + timedelta(minutes=10), 5)
            store.record_rating(session_id, Moment.POST, max(0, n % 11 - 2),
                                start + timedelta(minutes=11))
    # One self-contained file: fold the WAL back in and leave WAL mode.
    opened.db.disable_wal()
    opened.db.close()


def quick_check(path: Path) -> str:
    try:
        conn = sqlite3.connect(path)
        try:
            return "; ".join(row[0] for row in conn.execute("PRAGMA quick_check"))
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return f"{error.sqlite_errorname}: {error}"


def main() -> None:
    rng = random.Random(20260301)
    build_valid(HERE / "valid_m001.db", sessions=4)

    big = HERE / "big.tmp"
    build_valid(big, sessions=150, title_size=100)
    data = big.read_bytes()
    big.unlink()
    page = int.from_bytes(data[16:18], "big")
    # Cut in the middle of a page well inside the table's b-tree.
    cut = (len(data) // page // 2) * page + page // 2
    (HERE / "truncated_mid_page.db").write_bytes(data[:cut])

    scribbled = bytearray((HERE / "valid_m001.db").read_bytes())
    scribbled[0:100] = bytes(rng.randrange(256) for _ in range(100))
    (HERE / "header_scribbled.db").write_bytes(bytes(scribbled))

    # Valid header, but the sessions table's page has garbage in its cells:
    # quick_check answers with a list of problems instead of raising.
    valid = bytearray((HERE / "valid_m001.db").read_bytes())
    conn = sqlite3.connect(HERE / "valid_m001.db")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()
    (page,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    end = root * page
    valid[end - 200 : end - 100] = b"Z" * 100
    (HERE / "page_scribbled.db").write_bytes(bytes(valid))

    (HERE / "random_bytes.db").write_bytes(bytes(rng.randrange(256) for _ in range(8192)))

    for name in ("valid_m001.db", "truncated_mid_page.db", "header_scribbled.db",
                 "page_scribbled.db", "random_bytes.db"):
        print(f"{name}: {(HERE / name).stat().st_size} bytes, quick_check: "
              f"{quick_check(HERE / name)[:120]}")


if __name__ == "__main__":
    main()
