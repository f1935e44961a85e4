"""Session records on SQLite: committed at once, closed once, recovered after a crash."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from selfcare.core.ports import SessionStart, SessionStore
from selfcare.core.ratings import Moment
from selfcare.store.db import OpenedDatabase, open_database
from selfcare.store.errors import UnknownSessionError
from selfcare.store.sessions import SqliteSessionStore, process_is_alive
from tests.helpers.store_fakes import FakeSessionStore

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
HOST = "this-host"
PID = 1000


def start_at(when: datetime = T0, *, pre: int | None = 6, steps: int = 5) -> SessionStart:
    return SessionStart(
        script_id="body-scan", title="Body scan", kind="imagery", lang="en",
        started_at=when, steps_total=steps, pre_rating=pre, audio="device",
    )


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenedDatabase]:
    result = open_database(tmp_path / "selfcare.db")
    yield result
    result.db.close()


@pytest.fixture
def store(opened: OpenedDatabase) -> SqliteSessionStore:
    return SqliteSessionStore(opened.db, pid=PID, host=HOST)


@pytest.fixture
def second(opened: OpenedDatabase) -> Iterator[sqlite3.Connection]:
    """Another connection to the same file: sees only what was committed."""
    conn = sqlite3.connect(opened.path)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def test_the_sqlite_store_keeps_to_the_port(store: SqliteSessionStore) -> None:
    port: SessionStore = store  # mypy checks the signatures
    assert port is store


def test_begin_commits_the_session_and_its_pre_rating_at_once(
    store: SqliteSessionStore, second: sqlite3.Connection
) -> None:
    session_id = store.begin_session(start_at(pre=6))

    rating = second.execute("SELECT * FROM ratings WHERE session_id = ?", [session_id]).fetchone()
    session = second.execute("SELECT * FROM sessions WHERE id = ?", [session_id]).fetchone()
    assert (rating["moment"], rating["item"], rating["value"]) == ("pre", "pain", 6)
    assert rating["recorded_at"] == "2026-03-01T09:00:00.000000+00:00"
    assert session["status"] == "running"
    assert session["ended_at"] is None
    assert (session["step_reached"], session["steps_total"]) == (1, 5)
    assert (session["pid"], session["host"], session["audio"]) == (PID, HOST, "device")


def test_begin_writes_nothing_if_the_pre_rating_cannot_be_written(
    opened: OpenedDatabase, store: SqliteSessionStore
) -> None:
    opened.db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON ratings BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.begin_session(start_at())
    assert opened.db["sessions"].count == 0


def test_times_are_stored_in_utc_with_their_offset(
    store: SqliteSessionStore, second: sqlite3.Connection
) -> None:
    helsinki = timezone(timedelta(hours=2))
    session_id = store.begin_session(start_at(datetime(2026, 3, 1, 11, 0, tzinfo=helsinki)))
    stored = second.execute("SELECT started_at FROM sessions").fetchone()[0]
    assert stored == "2026-03-01T09:00:00.000000+00:00"
    assert store.get(session_id).started_at == T0


@pytest.mark.parametrize(
    "bad",
    [
        start_at(datetime(2026, 3, 1, 9, 0)),  # naive
        start_at(pre=11),
        SessionStart("s", "t", "k", "en", T0, 5, 3, "speaker"),
        start_at(steps=-1),
    ],
    ids=["naive-time", "rating-11", "audio", "negative-steps"],
)
def test_begin_refuses_bad_starts(store: SqliteSessionStore, bad: SessionStart) -> None:
    with pytest.raises(ValueError):
        store.begin_session(bad)
    assert store.history() == []


def test_progress_only_grows_and_is_committed(
    store: SqliteSessionStore, second: sqlite3.Connection
) -> None:
    session_id = store.begin_session(start_at())
    reached = []
    for step in (3, 2, 4, 4, 1):
        store.record_progress(session_id, step)
        reached.append(second.execute("SELECT step_reached FROM sessions").fetchone()[0])
    assert reached == [3, 3, 4, 4, 4]


def test_progress_past_the_last_step_is_a_caller_bug(store: SqliteSessionStore) -> None:
    session_id = store.begin_session(start_at(steps=5))
    with pytest.raises(sqlite3.IntegrityError):
        store.record_progress(session_id, 6)
    assert store.get(session_id).step_reached == 1


def test_completion_is_final(store: SqliteSessionStore) -> None:
    session_id = store.begin_session(start_at())
    store.complete_session(session_id, T0 + timedelta(minutes=10), 5)
    store.interrupt_session(session_id, T0 + timedelta(minutes=20), 2)
    store.record_progress(session_id, 1)

    record = store.get(session_id)
    assert record.status == "completed"
    assert record.ended_at == T0 + timedelta(minutes=10)
    assert record.step_reached == 5


def test_interruption_is_final(store: SqliteSessionStore) -> None:
    session_id = store.begin_session(start_at())
    store.record_progress(session_id, 3)
    store.interrupt_session(session_id, T0 + timedelta(minutes=4), 3)
    store.complete_session(session_id, T0 + timedelta(minutes=10), 5)
    store.record_progress(session_id, 4)

    record = store.get(session_id)
    assert (record.status, record.step_reached) == ("interrupted", 3)
    assert record.ended_at == T0 + timedelta(minutes=4)


def test_closing_never_lowers_the_step_reached(store: SqliteSessionStore) -> None:
    session_id = store.begin_session(start_at())
    store.record_progress(session_id, 4)
    store.interrupt_session(session_id, T0 + timedelta(minutes=4), 2)
    assert store.get(session_id).step_reached == 4


def test_a_skipped_rating_is_null_and_reported_as_skipped_not_zero(
    store: SqliteSessionStore, second: sqlite3.Connection
) -> None:
    skipped = store.begin_session(start_at(pre=None))
    zero = store.begin_session(start_at(T0 + timedelta(hours=1), pre=0))
    store.record_rating(skipped, Moment.POST, None, T0 + timedelta(minutes=11))

    values = second.execute(
        "SELECT session_id, moment, value FROM ratings ORDER BY session_id, moment DESC"
    ).fetchall()
    assert [tuple(row) for row in values] == [
        (skipped, "pre", None), (skipped, "post", None), (zero, "pre", 0)
    ]
    by_id = {record.id: record for record in store.history()}
    assert (by_id[skipped].pre, by_id[skipped].pre_skipped) == (None, True)
    assert (by_id[skipped].post, by_id[skipped].post_skipped) == (None, True)
    assert (by_id[zero].pre, by_id[zero].pre_skipped) == (0, False)
    assert (by_id[zero].post, by_id[zero].post_skipped) == (None, False)  # never asked


def test_a_rating_given_again_replaces_the_first(
    store: SqliteSessionStore, second: sqlite3.Connection
) -> None:
    session_id = store.begin_session(start_at())
    store.record_rating(session_id, Moment.POST, 5, T0 + timedelta(minutes=11))
    store.record_rating(session_id, Moment.POST, 3, T0 + timedelta(minutes=12))
    rows = second.execute("SELECT value, recorded_at FROM ratings WHERE moment = 'post'")
    assert [tuple(row) for row in rows] == [(3, "2026-03-01T09:12:00.000000+00:00")]


@pytest.mark.parametrize("value", [11, -1, 2.5, True])
def test_ratings_outside_the_scale_are_refused(store: SqliteSessionStore, value: object) -> None:
    session_id = store.begin_session(start_at())
    with pytest.raises(ValueError):
        store.record_rating(session_id, Moment.POST, value, T0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.record_progress(99, 2),
        lambda s: s.complete_session(99, T0, 2),
        lambda s: s.interrupt_session(99, T0, 2),
        lambda s: s.record_rating(99, Moment.POST, 2, T0),
        lambda s: s.get(99),
    ],
    ids=["progress", "complete", "interrupt", "rating", "get"],
)
def test_an_unknown_session_is_a_caller_bug(
    store: SqliteSessionStore, call: Callable[[SqliteSessionStore], object]
) -> None:
    with pytest.raises(UnknownSessionError):
        call(store)


# Recovery -----------------------------------------------------------------


@dataclass
class Liveness:
    alive: set[int]
    asked: list[int]

    def __call__(self, pid: int) -> bool:
        self.asked.append(pid)
        return pid in self.alive


def begun_by(opened: OpenedDatabase, *, pid: int, host: str, when: datetime) -> int:
    other = SqliteSessionStore(opened.db, pid=pid, host=host)
    session_id = other.begin_session(start_at(when))
    other.record_progress(session_id, 2)
    return session_id


def test_recovery_closes_what_dead_processes_left_running(opened: OpenedDatabase) -> None:
    now = T0 + timedelta(days=1)
    dead = begun_by(opened, pid=11, host=HOST, when=now - timedelta(minutes=30))
    alive = begun_by(opened, pid=12, host=HOST, when=now - timedelta(minutes=30))
    far_young = begun_by(opened, pid=13, host="laptop", when=now - timedelta(hours=1))
    far_old = begun_by(opened, pid=14, host="laptop", when=now - timedelta(hours=13))
    ancient = begun_by(opened, pid=12, host=HOST, when=now - timedelta(days=3))
    my_old_pid = begun_by(opened, pid=PID, host=HOST, when=now - timedelta(minutes=5))
    finished = begun_by(opened, pid=11, host=HOST, when=now - timedelta(hours=2))
    store = SqliteSessionStore(opened.db, pid=PID, host=HOST)
    store.complete_session(finished, now - timedelta(hours=1), 5)
    liveness = Liveness(alive={12}, asked=[])

    recovered = store.recover_abandoned(now, liveness)

    assert recovered == sorted([dead, far_old, ancient, my_old_pid])
    for session_id in recovered:
        record = store.get(session_id)
        assert (record.status, record.ended_at, record.step_reached) == ("interrupted", now, 2)
    for session_id in (alive, far_young):
        assert store.get(session_id).status == "running"
    assert store.get(finished).status == "completed"
    assert set(liveness.asked) <= {11, 12}  # never asks about another machine's pids


def test_recovery_leaves_this_stores_own_sessions_running(store: SqliteSessionStore) -> None:
    session_id = store.begin_session(start_at())
    assert store.recover_abandoned(T0 + timedelta(minutes=5), lambda pid: False) == []
    assert store.get(session_id).status == "running"


def test_recovery_with_nothing_running_changes_nothing(store: SqliteSessionStore) -> None:
    assert store.recover_abandoned(T0, lambda pid: False) == []


# History ------------------------------------------------------------------


def test_history_is_newest_first_and_can_be_limited(store: SqliteSessionStore) -> None:
    middle = store.begin_session(start_at(T0 + timedelta(days=1)))
    oldest = store.begin_session(start_at(T0))
    newest = store.begin_session(start_at(T0 + timedelta(days=2)))

    assert [record.id for record in store.history()] == [newest, middle, oldest]
    assert [record.id for record in store.history(limit=2)] == [newest, middle]
    assert store.history(limit=0) == []


def test_history_to_json_is_plain_and_round_trips(store: SqliteSessionStore) -> None:
    session_id = store.begin_session(start_at(pre=7))
    store.complete_session(session_id, T0 + timedelta(minutes=10), 5)
    store.record_rating(session_id, Moment.POST, 4, T0 + timedelta(minutes=11))

    (record,) = store.history()
    data = json.loads(json.dumps(record.to_json()))

    assert data == {
        "id": session_id, "script_id": "body-scan", "title": "Body scan", "kind": "imagery",
        "lang": "en", "started_at": "2026-03-01T09:00:00+00:00",
        "ended_at": "2026-03-01T09:10:00+00:00", "status": "completed",
        "step_reached": 5, "steps_total": 5, "audio": "device", "pre": 7, "post": 4,
        "pre_skipped": False, "post_skipped": False,
    }
    assert datetime.fromisoformat(data["started_at"]) == record.started_at


def test_a_running_session_has_no_end_in_json(store: SqliteSessionStore) -> None:
    store.begin_session(start_at())
    assert store.history()[0].to_json()["ended_at"] is None


# The fake follows the same rules --------------------------------------------


@pytest.fixture(params=["sqlite", "fake"])
def any_store(request: pytest.FixtureRequest, store: SqliteSessionStore) -> SessionStore:
    return store if request.param == "sqlite" else FakeSessionStore()


def observed(store: SessionStore, session_id: int) -> tuple[str, int, int | None, int | None]:
    if isinstance(store, FakeSessionStore):
        fake = store.session(session_id)
        return (fake.status, fake.step_reached, fake.rating(Moment.PRE),
                fake.rating(Moment.POST))
    assert isinstance(store, SqliteSessionStore)
    real = store.get(session_id)
    return (real.status, real.step_reached, real.pre, real.post)


def test_fake_and_real_stores_agree(any_store: SessionStore) -> None:
    first = any_store.begin_session(start_at(pre=6))
    any_store.record_progress(first, 3)
    any_store.record_progress(first, 2)
    any_store.complete_session(first, T0 + timedelta(minutes=10), 5)
    any_store.interrupt_session(first, T0 + timedelta(minutes=11), 1)
    any_store.record_rating(first, Moment.POST, 4, T0 + timedelta(minutes=12))
    any_store.record_rating(first, Moment.POST, 3, T0 + timedelta(minutes=13))
    second = any_store.begin_session(start_at(T0 + timedelta(hours=1), pre=None))
    any_store.record_progress(second, 2)
    any_store.interrupt_session(second, T0 + timedelta(hours=1, minutes=3), 1)

    assert observed(any_store, first) == ("completed", 5, 6, 3)
    assert observed(any_store, second) == ("interrupted", 2, None, None)
    with pytest.raises(LookupError):
        any_store.record_progress(99, 1)


# Process liveness and a real crash -------------------------------------------


def test_this_process_is_alive() -> None:
    assert process_is_alive(os.getpid())


@pytest.mark.parametrize("pid", [0, -1])
def test_process_groups_are_not_processes(pid: int) -> None:
    assert not process_is_alive(pid)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")
def test_a_finished_process_is_not_alive() -> None:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    assert not process_is_alive(int(done.stdout))


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_a_reused_pid_running_something_else_is_not_us() -> None:
    other = subprocess.Popen(["sleep", "30"])
    try:
        assert not process_is_alive(other.pid)
    finally:
        other.kill()
        other.wait()


CHILD_SESSION = """
import os, signal, socket, sys
from datetime import UTC, datetime
from pathlib import Path
from selfcare.core.ports import SessionStart
from selfcare.store import SqliteSessionStore, open_database

opened = open_database(Path(sys.argv[1]))
store = SqliteSessionStore(opened.db, pid=os.getpid(), host=socket.gethostname())
session_id = store.begin_session(SessionStart(
    script_id="body-scan", title="Body scan", kind="imagery", lang="en",
    started_at=datetime.now(UTC), steps_total=5, pre_rating=6, audio="silent",
))
store.record_progress(session_id, 2)
store.record_progress(session_id, 3)
print(session_id, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_session_killed_mid_way_is_recovered_as_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "records" / "selfcare.db"
    child = subprocess.run(
        [sys.executable, "-c", CHILD_SESSION, str(path)],
        capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    session_id = int(child.stdout)
    assert path.with_name("selfcare.db-wal").exists()  # died without a checkpoint

    opened = open_database(path)
    try:
        store = SqliteSessionStore(opened.db, pid=os.getpid(), host=socket.gethostname())
        recovered = store.recover_abandoned(datetime.now(UTC), process_is_alive)
        record = store.get(session_id)
        integrity = opened.db.execute("PRAGMA integrity_check").fetchall()
    finally:
        opened.db.close()

    assert opened.moved_aside is None
    assert recovered == [session_id]
    assert (record.status, record.step_reached, record.pre) == ("interrupted", 3, 6)
    assert (record.post, record.post_skipped) == (None, False)
    assert integrity == [("ok",)]
