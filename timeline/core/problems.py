"""Problems found in the input: what, where, and what to do about it.

Every reader reports into a :class:`Problems` list instead of raising, so one bad file never stops
a build; ``--strict`` turns any warning into a failing exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    hint: str = ""
    line: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.severity.value}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, message: str, hint: str = "", line: int | None = None) -> None:
        self.items.append(Problem(path, message, hint, line, Severity.ERROR))

    def warn(self, path: str, message: str, hint: str = "", line: int | None = None) -> None:
        self.items.append(Problem(path, message, hint, line, Severity.WARNING))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)
