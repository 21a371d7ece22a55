"""The one loader of the package's data files: YAML that remembers lines, checked against a schema.

Every data file (tagger rules, word tables, cleaning rules, news days, outlet numbers, the
gazetteer...) is edited by people, so a mistake must come back as ``file:line: what is wrong;
what was expected``, never as a traceback. :func:`read` parses a file and checks it against a
small schema written next to its loader:

- :class:`Record`: a mapping with required and optional keys; any other key is refused;
- :class:`Table`: a mapping whose keys are free (words, names) and whose values share a spec;
- :class:`Items`: a list, each item checked against one spec;
- :class:`Text`, :class:`Number`, :class:`Flag`, :class:`Date`, :class:`Choice`, :class:`Regex`:
  scalars (text may have to match a form, a regex must compile, a choice is one of listed words);
- :class:`Either`: the first of several specs that fits ("one example, or a list of them").

Lists and mappings come back as :class:`LineList` and :class:`LineDict` (plain ``list`` and
``dict`` underneath) carrying the line where they start and the line of each item or key, so a
loader's own checks (a duplicate id, a pattern that uses an unknown fragment) can name the line
too, with :func:`line_of` and :func:`fail`. Dates stay text unless asked for (``dates=True``), so
an impossible day is reported with its line rather than as PyYAML's ValueError. A key written
twice in one mapping is refused (YAML would silently keep the second).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import TimelineError


class DataFileError(TimelineError, ValueError):
    """A data file is malformed: ``path:line: what is wrong; what was expected``."""


# -- parsing with lines -------------------------------------------------------------------------


class LineList(list[Any]):
    """A YAML sequence: ``line`` where it starts, ``lines[i]`` where item ``i`` starts (1-based)."""

    line = 0
    lines: list[int]


class LineDict(dict[str, Any]):
    """A YAML mapping: ``line`` where it starts, ``lines[key]`` the line of each key (1-based)."""

    line = 0
    lines: dict[str, int]


# libyaml's parser when built in (about 10x faster); the constructors below run either way
_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDates(_BASE):  # type: ignore[misc,unused-ignore]  # a base chosen at run time
    """Safe loading; lists and mappings carry lines; dates stay the text written."""


class _RealDates(_TextDates):
    """As :class:`_TextDates`, but a date becomes a ``datetime.date`` (an impossible one is an
    error with its line)."""


def _seq(loader: Any, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(item, deep=True) for item in node.value)
    out.line = node.start_mark.line + 1
    out.lines = [item.start_mark.line + 1 for item in node.value]
    return out


def _map(loader: Any, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is written twice in one mapping", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _text(loader: Any, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


def _date(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a day of the calendar", node.start_mark
        ) from None


_TextDates.add_constructor("tag:yaml.org,2002:seq", _seq)
_TextDates.add_constructor("tag:yaml.org,2002:map", _map)
_TextDates.add_constructor("tag:yaml.org,2002:timestamp", _text)
_RealDates.add_constructor("tag:yaml.org,2002:timestamp", _date)


def parse(text: str, path: str, error: type[Exception] = DataFileError, *, dates: bool = False) -> Any:
    """Parse ``text`` (the contents of ``path``); a syntax error becomes
    ``error("path:line: not valid YAML (...)")``."""
    try:
        return yaml.load(text, Loader=_RealDates if dates else _TextDates)  # safe loaders only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        raise error(f"{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None


def read_text(path: str | Path, what: str, error: type[Exception] = DataFileError) -> str:
    """The text of the data file ``path`` (``what`` it holds, for the message)."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise error(f"{path}: cannot read {what} ({reason})") from None


def read(
    path: str | Path,
    schema: Spec | None,
    what: str,
    error: type[Exception] = DataFileError,
    *,
    dates: bool = False,
) -> Any:
    """Read, parse and check the data file ``path`` against ``schema``: the document, with lines.
    Any fault raises ``error`` (the loader's own subclass of :class:`DataFileError`, or that
    class) naming the file and the line."""
    return read_with_text(path, schema, what, error, dates=dates)[1]


def read_with_text(
    path: str | Path,
    schema: Spec | None,
    what: str,
    error: type[Exception] = DataFileError,
    *,
    dates: bool = False,
) -> tuple[str, Any]:
    """As :func:`read`, with the file's text (for checks on the text as written)."""
    text = read_text(path, what, error)
    doc = parse(text, str(path), error, dates=dates)
    if schema is not None:
        schema.check(doc, _At(str(path), error, line_of(doc), ""))
    return text, doc


def check(value: Any, schema: Spec, path: str | Path, error: type[Exception] = DataFileError) -> None:
    """Check one part of a document (an entry a loader walks itself) against ``schema``."""
    schema.check(value, _At(str(path), error, line_of(value), ""))


def line_of(container: Any, key: str | int | None = None, default: int = 1) -> int:
    """The line of ``container[key]`` (of the container itself without a key), or ``default``."""
    if key is None:
        return getattr(container, "line", default) or default
    value = container[key] if _has(container, key) else None
    if isinstance(value, (LineDict, LineList)):
        return value.line
    lines = getattr(container, "lines", None)
    try:
        return int(lines[key]) if lines is not None else line_of(container, None, default)
    except (KeyError, IndexError, TypeError):
        return line_of(container, None, default)


def fail(
    path: str | Path,
    container: Any,
    key: str | int | None,
    problem: str,
    expected: str = "",
    error: type[Exception] = DataFileError,
) -> Exception:
    """The error ``path:line: problem; expected ...`` for ``container[key]``, to raise."""
    tail = f"; expected {expected}" if expected else ""
    return error(f"{path}:{line_of(container, key)}: {problem}{tail}")


def _has(container: Any, key: str | int) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container)


# -- the schema ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _At:
    """Where a value stands: the file, the error class, the line, and a label in words."""

    path: str
    error: type[Exception]
    line: int
    label: str

    def inside(self, container: Any, key: str | int, label: str) -> _At:
        return _At(self.path, self.error, line_of(container, key, self.line), label)

    def at_key(self, mapping: Any, key: str) -> _At:
        """At the line where ``key`` itself is written (not where its value starts)."""
        lines = getattr(mapping, "lines", {})
        return _At(self.path, self.error, lines.get(key, self.line), self.label)

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

    def check(self, value: Any, at: _At) -> None:
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

    def check(self, value: Any, at: _At) -> None:
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

    def check(self, value: Any, at: _At) -> None:
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

    def check(self, value: Any, at: _At) -> None:
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

    def check(self, value: Any, at: _At) -> None:
        for option in self.options:
            if _shape(option) == _shape_of(value):
                option.check(value, at)
                return
        raise at.fail(f"found {_show(value)}", self.expected)


# The id of a rule in a rule file (boilerplate, cleaning): what errors and tests name it by.
RULE_ID = Text(form=r"[a-z0-9-]+", what="an id (lower case, digits, -)")


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
