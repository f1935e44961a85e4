"""The clinician PIN: never stored in clear, checked in constant time, slowed after wrong tries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from selfcare.core.clinician_pin import (
    FREE_TRIES,
    LONGEST_WAIT,
    PinError,
    Throttle,
    check_new_pin,
    hash_pin,
    pin_matches,
)
from selfcare.core.idle import idle_too_long

T0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def test_the_stored_form_is_a_salted_scrypt_hash_without_the_pin() -> None:
    stored = hash_pin("482916")
    assert stored.startswith("scrypt$16384$8$1$")
    assert "482916" not in stored
    assert hash_pin("482916") != stored  # a new salt each time


def test_the_right_pin_matches_and_others_do_not() -> None:
    stored = hash_pin("482916", salt=b"\x01" * 16)
    assert pin_matches("482916", stored)
    for wrong in ("482917", "48291", "", "4829160", "\u0664\u0668\u0662\u0669\u0661\u0666"):
        assert not pin_matches(wrong, stored)


@pytest.mark.parametrize("stored", ["", "plain", "md5$1$2$3$00$00", "scrypt$x$8$1$00$00",
                                    "scrypt$16384$8$1$zz$00", "scrypt$3$8$1$00$00"])
def test_a_damaged_stored_hash_never_matches_and_never_raises(stored: str) -> None:
    assert not pin_matches("482916", stored)


@pytest.mark.parametrize(("pin", "why"), [
    ("123", "4 to 12 digits"), ("1234567890123", "4 to 12 digits"), ("12a4", "digits only"),
    ("\u0664\u0668\u0662\u0669", "digits only"), ("7777", "too easy"), ("1234", "too easy"),
    ("9876", "too easy"),
])
def test_a_weak_or_malformed_new_pin_is_refused_with_the_reason(pin: str, why: str) -> None:
    with pytest.raises(PinError, match=why):
        check_new_pin(pin)


def test_wrong_tries_are_free_at_first_then_each_doubles_the_wait() -> None:
    throttle = Throttle()
    now = T0
    for _ in range(FREE_TRIES - 1):
        throttle = throttle.after_wrong(now)
        assert throttle.wait(now) == timedelta(0)
    waits = []
    for _ in range(4):
        throttle = throttle.after_wrong(now)
        waits.append(throttle.wait(now))
        now += throttle.wait(now)  # waits it out
        assert throttle.wait(now) == timedelta(0)
    assert waits == [timedelta(seconds=s) for s in (2, 4, 8, 16)]


def test_the_wait_never_exceeds_its_longest_and_a_right_pin_resets_it() -> None:
    throttle = Throttle()
    for _ in range(40):
        throttle = throttle.after_wrong(T0)
    assert throttle.wait(T0) == LONGEST_WAIT
    assert throttle.wait(T0 + timedelta(minutes=2)) == LONGEST_WAIT - timedelta(minutes=2)
    assert throttle.after_right() == Throttle()


def test_clinician_mode_leaves_after_three_idle_minutes() -> None:
    assert not idle_too_long(T0, T0 + timedelta(minutes=2, seconds=59))
    assert idle_too_long(T0, T0 + timedelta(minutes=3))
