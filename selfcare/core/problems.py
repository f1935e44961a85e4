"""Structured problems found in user-editable files, collected rather than raised.

A problem names the file, the step (1-based, as a person counts) and the field,
so `selfcare validate` can print one precise line per fault and the app can keep
going with everything that is still valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One fault in one place of one file."""

    file: str
    code: str
    message: str
    step: int | None = None
    field: str | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = [self.file]
        if self.step is not None:
            where.append(f"step {self.step}")
        if self.field:
            where.append(self.field)
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{': '.join(where)}: {prefix}{self.message}"


def errors_in(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]
