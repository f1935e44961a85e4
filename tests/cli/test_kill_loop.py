"""SIGKILL at 50 random moments of a session: every rating given before the kill is in
the record file, and `PRAGMA integrity_check` is ok every time.

"Given" is what the person saw confirmed: the first caption is printed only after the
pre-rating was committed, and the summary only after the post-rating was. Each run has
its own ratings, so a rating from another run cannot pass for this one.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import time

import pytest

from tests.conftest import DATA, REPO
from tests.helpers.cli import command, selfcare_env

pytestmark = pytest.mark.slow

KILLS = 50
TINY = str(DATA / "scripts" / "tiny-cues.toml")  # about four seconds of session


def sessions(db_path) -> list[tuple[int, int | None, int | None]]:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute(
            "SELECT s.id, pre.value, post.value FROM sessions s "
            "LEFT JOIN ratings pre ON pre.session_id = s.id AND pre.moment = 'pre' "
            "LEFT JOIN ratings post ON post.session_id = s.id AND post.moment = 'post' "
            "ORDER BY s.id").fetchall()
    finally:
        conn.close()


def test_fifty_kills_lose_no_rating_that_was_given(data_dir):
    rng = random.Random(20261206)
    db_path = data_dir / "selfcare.db"
    checked_pre = checked_post = 0
    for run in range(KILLS):
        pre, post = run % 11, (run + 4) % 11
        before = sessions(db_path) if db_path.exists() else []
        process = subprocess.Popen(
            command("play", TINY, "--no-gui", "--pre", str(pre), "--post", str(post)),
            cwd=REPO, env=selfcare_env(data_dir), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.2, 5.0))
        process.kill()
        out, err = process.communicate(timeout=20)
        assert "Traceback" not in err, err
        after = sessions(db_path) if db_path.exists() else []
        new = after[len(before):]
        if "[0:00.0]" in out:  # the session had begun: its pre-rating was committed
            assert len(new) == 1 and new[0][1] == pre, (run, out, new)
            checked_pre += 1
        if "Pain before" in out:  # the summary: the post-rating was committed
            assert new[0][2] == post, (run, out, new)
            checked_post += 1
        assert after[:len(before)] == before  # nothing earlier changed or vanished
    assert checked_pre >= KILLS // 2 and checked_post >= 3  # the moments covered both


def test_a_start_after_the_kills_records_the_dead_sessions_as_interrupted(data_dir):
    process = subprocess.Popen(
        command("play", TINY, "--no-gui", "--pre", "5"), cwd=REPO, env=selfcare_env(data_dir),
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    process.kill()
    process.communicate(timeout=20)
    from tests.helpers.cli import history

    [record] = history(data_dir)
    assert (record["status"], record["pre"]) == ("interrupted", 5)
