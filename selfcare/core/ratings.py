"""The 0-10 numeric rating scale for pain and what a before/after change means.

Thresholds follow the pain literature (IMMPACT; Farrar et al. 2001): a fall of
2 points or 30 % is clinically meaningful. One session's fall is not a lasting
change, and the UI says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

NRS_MIN = 0
NRS_MAX = 10
MEANINGFUL_POINTS = 2
MEANINGFUL_FRACTION = 0.30


class Moment(StrEnum):
    PRE = "pre"
    POST = "post"


class Item(StrEnum):
    PAIN = "pain"


def check_rating(value: int | None) -> int | None:
    """A valid 0-10 integer, or None for a rating the person chose to skip."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"a rating is a whole number from 0 to 10, not {value!r}")
    if not NRS_MIN <= value <= NRS_MAX:
        raise ValueError(f"a rating is from 0 to 10, not {value}")
    return value


@dataclass(frozen=True, slots=True)
class Change:
    before: int
    after: int

    @property
    def points(self) -> int:
        """Positive when pain fell."""
        return self.before - self.after

    @property
    def fraction(self) -> float | None:
        return None if self.before == 0 else self.points / self.before

    @property
    def meaningful(self) -> bool:
        fraction = self.fraction
        return self.points >= MEANINGFUL_POINTS or (
            fraction is not None and self.points > 0 and fraction >= MEANINGFUL_FRACTION
        )


def change_between(before: int | None, after: int | None) -> Change | None:
    if before is None or after is None:
        return None
    return Change(before, after)
