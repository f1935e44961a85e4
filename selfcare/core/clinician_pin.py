"""PINs (the clinician's, and a patient's on a shared computer): stored only as a salted
scrypt hash, slowed down after wrong tries.

scrypt is in Python's standard library (hashlib), memory-hard, and needs no extra
dependency; the parameters (n=2**14, r=8, p=1, about 16 MiB and a few tens of ms) are
stored with each hash so they can be raised later without locking anyone out.

The throttle is a value, not a timer: the caller keeps it (in the record file, so a
restart does not reset it) and asks it, with the time now, whether a try is allowed.
After `FREE_TRIES` wrong PINs each further wrong PIN doubles the wait, up to
`LONGEST_WAIT`. When clinician mode leaves by itself is `core.idle`'s rule.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
FREE_TRIES = 3
FIRST_WAIT = timedelta(seconds=2)
LONGEST_WAIT = timedelta(minutes=5)

_N, _R, _P = 2**14, 8, 1
_SCHEME = "scrypt"


class PinError(ValueError):
    """A PIN that cannot be used, said in words a clinician can act on."""


def check_new_pin(pin: str) -> str:
    """A PIN of 4 to 12 digits; anything else is a `PinError` saying why."""
    if not pin.isdigit() or not pin.isascii():
        raise PinError("a PIN is made of digits only")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise PinError(f"a PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits")
    if len(set(pin)) == 1 or pin in "01234567890123" or pin in "98765432109876":
        raise PinError("a PIN of one repeated digit or a run like 1234 is too easy to guess")
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The stored form: 'scrypt$n$r$p$salt-hex$digest-hex'. The PIN itself is never kept."""
    check_new_pin(pin)
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"{_SCHEME}${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """True when `pin` is the one `stored` was made from; False for a malformed store too."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = bytes.fromhex(digest)
        tried = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                               p=int(p), dklen=len(expected), maxmem=256 * 1024 * 1024)
    except (ValueError, OverflowError):
        return False
    return hmac.compare_digest(tried, expected)


@dataclass(frozen=True, slots=True)
class Throttle:
    """Wrong tries in a row and when the next try is allowed."""

    failures: int = 0
    next_try_at: datetime | None = None

    def wait(self, now: datetime) -> timedelta:
        """How long until a try is allowed; zero when it is allowed now."""
        if self.next_try_at is None or now >= self.next_try_at:
            return timedelta(0)
        return self.next_try_at - now

    def after_wrong(self, now: datetime) -> Throttle:
        failures = self.failures + 1
        if failures < FREE_TRIES:
            return Throttle(failures, None)
        wait = min(LONGEST_WAIT, FIRST_WAIT * 2 ** (failures - FREE_TRIES))
        return Throttle(failures, now + wait)

    def after_right(self) -> Throttle:
        return replace(self, failures=0, next_try_at=None)


def try_pin(pin: str, stored: str, throttle: Throttle, now: datetime) -> tuple[bool, Throttle]:
    """A try of `pin` against a stored hash: refused without looking while the throttle
    says wait; otherwise right or wrong, with the throttle to keep from now on."""
    if throttle.wait(now):
        return False, throttle
    right = pin_matches(pin, stored)
    return right, throttle.after_right() if right else throttle.after_wrong(now)
