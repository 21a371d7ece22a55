"""The schema a data file is checked against (see :mod:`timeline.core.datafile`): a small spec for
each value, saying in words what was expected when a value does not fit."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .yaml_lines import line_of


@dataclass(frozen=True)
class At:
    """Where a value stands: the file, the error class, the line, and a label in words."""

    path: str
    error: type[Exception]
    line: int
    label: str

    def inside(self, container: Any, key: str | int, label: str) -> At:
        return At(self.path, self.error, line_of(container, key, self.line), label)

    def at_key(self, mapping: Any, key: str) -> At:
        """At the line where ``key`` itself is written (not where its value starts)."""
        lines = getattr(mapping, "lines", {})
        return At(self.path, self.error, lines.get(key, self.line), self.label)

    def fail(self, problem: str, expected: str) -> Exception:
        label = f"{self.label}: " if self.label else ""
        return self.error(f"{self.path}:{self.line}: {label}{problem}; expected {expected}")


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    kind = (
        "a list"
        if isinstance(value, list)
        else "a mapping"
        if isinstance(value, dict)
        else "true/false"
        if isinstance(value, bool)
        else "a number"
        if isinstance(value, (int, float))
        else "a date"
        if isinstance(value, dt.date)
        else "text"
    )
    if isinstance(value, (list, dict)):
        return kind
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    return f"{kind} {shown}"


class Spec:
    """What one value must be; ``expected`` says it in words, for the message."""

    expected = "a value"

    def check(self, value: Any, at: At) -> None:
        problem = self.problem(value)
        if problem is not None:
            raise at.fail(problem, self.expected)

    def problem(self, value: Any) -> str | None:
        return None


@dataclass(frozen=True)
class Anything(Spec):
    """Any value (its loader or the tests that run it check it)."""

    what: str = "a value"

    @property
    def expected(self) -> str:  # type: ignore[override]
        return self.what


@dataclass(frozen=True)
class Text(Spec):
    """Text (a plain YAML scalar that is not a number, a boolean or empty, unless ``empty``)."""

    form: str = ""  # a regex the text must match entirely
    what: str = "text"
    empty: bool = False

    @property
    def expected(self) -> str:  # type: ignore[override]
        return self.what

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return f"found {_show(value)}"
        if not self.empty and not value.strip():
            return "found empty text"
        if self.form and not re.fullmatch(self.form, value):
            return f"found {_show(value)}"
        return None


@dataclass(frozen=True)
class Regex(Spec):
    """A Python regular expression that compiles with ``flags``."""

    flags: int = 0

    expected = "a Python regular expression"

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or not value:
            return f"found {_show(value)}"
        try:
            re.compile(value, self.flags)
        except re.error as exc:
            return f"the regular expression does not compile ({exc})"
        return None


@dataclass(frozen=True)
class Number(Spec):
    """A whole number from ``low`` to ``high``."""

    low: int | None = None
    high: int | None = None

    @property
    def expected(self) -> str:  # type: ignore[override]
        if self.low is not None and self.high is not None:
            return f"a whole number from {self.low} to {self.high}"
        if self.low is not None:
            return f"a whole number of at least {self.low}"
        return "a whole number"

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"found {_show(value)}"
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            return f"found {value}"
        return None


@dataclass(frozen=True)
class Flag(Spec):
    """true or false."""

    expected = "true or false"

    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, bool) else f"found {_show(value)}"


@dataclass(frozen=True)
class Date(Spec):
    """A day written YYYY-MM-DD (a date object under ``dates=True``, else its text)."""

    expected = "a day written YYYY-MM-DD"

    def problem(self, value: Any) -> str | None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return None
        try:
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                dt.date.fromisoformat(value)
                return None
        except ValueError:
            return f"{value!r} is not a day of the calendar"
        return f"found {_show(value)}"


@dataclass(frozen=True)
class Choice(Spec):
    """One of a few words (an enum's values)."""

    choices: tuple[str, ...] = ()

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.choices)

    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, str) and value in self.choices else f"found {_show(value)}"


@dataclass(frozen=True)
class Items(Spec):
    """A list of ``of``, with at least ``least`` items (and at most ``most``)."""

    of: Spec = field(default_factory=Anything)
    least: int = 0
    most: int | None = None

    @property
    def expected(self) -> str:  # type: ignore[override]
        size = (
            f" of {self.least} to {self.most} items"
            if self.most is not None
            else " (not empty)"
            if self.least
            else ""
        )
        return f"a list{size}, each {self.of.expected}"

    def check(self, value: Any, at: At) -> None:
        if not isinstance(value, list):
            raise at.fail(f"found {_show(value)}", self.expected)
        if len(value) < self.least or (self.most is not None and len(value) > self.most):
            raise at.fail(f"found {len(value)} item(s)", self.expected)
        for i, item in enumerate(value):
            self.of.check(item, at.inside(value, i, _join(at.label, _item_label(item, i))))


@dataclass(frozen=True)
class Table(Spec):
    """A mapping whose keys are free (words, names), each value checked against ``values``."""

    values: Spec = field(default_factory=Anything)
    keys: str = ""  # a regex every key must match entirely

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a mapping of names, each to {self.values.expected}"

    def check(self, value: Any, at: At) -> None:
        if not isinstance(value, dict):
            raise at.fail(f"found {_show(value)}", self.expected)
        for key, item in value.items():
            if self.keys and not re.fullmatch(self.keys, key):
                raise at.at_key(value, key).fail(
                    f"the name {key!r}", f"a name matching the regex {self.keys}"
                )
            self.values.check(item, at.inside(value, key, _join(at.label, key)))


@dataclass(frozen=True)
class Record(Spec):
    """A mapping of known keys: each of ``required`` must be there, each of ``optional`` may be,
    nothing else may."""

    required: Mapping[str, Spec] = field(default_factory=dict)
    optional: Mapping[str, Spec] = field(default_factory=dict)
    what: str = ""

    @property
    def expected(self) -> str:  # type: ignore[override]
        return self.what or "a mapping with " + self.keys()

    def keys(self) -> str:
        need = ", ".join(self.required)
        may = ", ".join(self.optional)
        if need and may:
            return f"the keys {need} and optionally {may}"
        return f"the keys {need or may}"

    def check(self, value: Any, at: At) -> None:
        if not isinstance(value, dict):
            raise at.fail(f"found {_show(value)}", self.expected)
        for key in value:
            if key not in self.required and key not in self.optional:
                raise at.at_key(value, key).fail(f"unknown key {key!r}", self.keys())
        for key in self.required:
            if key not in value:
                raise at.fail(f"missing key {key!r}", self.keys())
        for key, item in value.items():
            spec = self.required.get(key) or self.optional[key]
            spec.check(item, at.inside(value, key, _join(at.label, key)))


@dataclass(frozen=True)
class Either(Spec):
    """One of ``options``, told apart by shape: the first option for a list, a mapping or a
    scalar, as the value is, checks it ("one example, or a list of them")."""

    options: tuple[Spec, ...] = ()

    @property
    def expected(self) -> str:  # type: ignore[override]
        return " or ".join(o.expected for o in self.options)

    def check(self, value: Any, at: At) -> None:
        for option in self.options:
            if _shape(option) == _shape_of(value):
                option.check(value, at)
                return
        raise at.fail(f"found {_show(value)}", self.expected)


# The id of a rule in a rule file (boilerplate, cleaning, captions): what errors and tests name it by.
RULE_ID = Text(form=r"[a-z0-9-]+", what="an id (lower case, digits, -)")


def pattern_rules(pattern: Regex, examples: Spec, optional: Mapping[str, Spec] | None = None) -> Items:
    """A list of pattern rules as every rule file writes them: an ``id``, ``why`` (a sentence saying
    what the rule finds), the ``pattern`` and its ``examples`` (which the tests run), and the
    ``optional`` keys of that file."""
    return Items(
        Record(
            required={
                "id": RULE_ID,
                "why": Text(what="a sentence saying what the rule finds"),
                "pattern": pattern,
                "examples": examples,
            },
            optional=optional or {},
        )
    )


def _shape(spec: Spec) -> str:
    return "list" if isinstance(spec, Items) else "mapping" if isinstance(spec, (Record, Table)) else "scalar"


def _shape_of(value: Any) -> str:
    return "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else "scalar"


def _join(label: str, part: str) -> str:
    """Where in the document, in words: "rules > id 'chron.into' > anchor"."""
    return f"{label} > {part}" if label else part


def _item_label(item: Any, index: int) -> str:
    """An item named the way its file names it: by id or name when it has one, else by number."""
    if isinstance(item, dict):
        for key in ("id", "name"):
            if isinstance(item.get(key), str):
                return f"{key} {item[key]!r}"
    return f"item {index + 1}"
