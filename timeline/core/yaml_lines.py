"""YAML that remembers lines: lists and mappings parsed with the line of each item and key, so a
data file's loader can say ``file:line`` (see :mod:`timeline.core.datafile`, the one way to read
a data file). Dates stay text unless asked for, so an impossible day is reported with its line;
a key written twice in one mapping is refused (YAML would silently keep the second)."""

from __future__ import annotations

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
