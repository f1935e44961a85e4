"""Which sessions left 'running' were abandoned by a process that is gone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from selfcare.core.recovery import is_abandoned

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def check(*, pid=100, host="here", age=timedelta(minutes=5), alive=False, this_pid=1):
    return is_abandoned(pid=pid, host=host, started_at=NOW - age, this_host="here",
                        this_pid=this_pid, now=NOW, is_alive=lambda p: alive)


def test_a_dead_process_abandoned_its_session():
    assert check(alive=False)


def test_a_living_process_is_still_playing_its_session():
    assert not check(alive=True)


def test_no_session_lasts_for_days_whatever_owns_the_pid_now():
    assert check(alive=True, age=timedelta(days=3))


def test_our_own_pid_at_start_up_is_an_earlier_life_of_that_id():
    assert check(pid=1, this_pid=1, alive=True)


def test_another_machine_is_given_time_before_its_session_counts_as_abandoned():
    assert not check(host="elsewhere", age=timedelta(hours=1))
    assert check(host="elsewhere", age=timedelta(hours=13))
