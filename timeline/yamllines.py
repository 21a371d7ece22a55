"""YAML that remembers where things stand, for errors that name the line.

Our data files (outlet numbers, news days) are edited by people; a mistake must be reported as
``file:line: what to fix``. This safe loader gives every list and mapping a ``line`` attribute
and leaves dates as text, so a bad date is our error with a line, not PyYAML's ValueError.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class LineList(list[Any]):
    line = 0


class LineDict(dict[str, Any]):
    line = 0


class LineLoader(yaml.SafeLoader):  # type: ignore[misc,unused-ignore]  # PyYAML may lack stubs
    """Safe loader: lists and mappings carry ``line`` (1-based); timestamps stay strings."""


def _seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_sequence(node, deep=True))
    out.line = node.start_mark.line + 1
    return out


def _map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    out.line = node.start_mark.line + 1
    return out


def _text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


LineLoader.add_constructor("tag:yaml.org,2002:seq", _seq)
LineLoader.add_constructor("tag:yaml.org,2002:map", _map)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _text)


def load_with_lines(text: str, path: str, error: type[Exception] = ValueError) -> Any:
    """Parse ``text``; a syntax error becomes ``error("path:line: not valid YAML (...)")``."""
    try:
        return yaml.load(text, Loader=LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        raise error(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None


def read_with_lines(path: str | Path, what: str, error: type[Exception] = ValueError) -> tuple[str, Any]:
    """Read and parse the data file ``path`` (``what`` it holds, for the message): its text and
    document. ``error`` (the loader's own class) names the file, and the line where there is one."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise error(f"{path}: cannot read {what} ({reason})") from None
    return text, load_with_lines(text, str(path), error)


def mapping_problem(entry: Any, allowed: set[str], not_a_mapping: str) -> str | None:
    """What is wrong with a data-file entry that must be a mapping of ``allowed`` keys, or None;
    ``not_a_mapping`` is the message when it is no mapping at all."""
    if not isinstance(entry, dict):
        return not_a_mapping
    unknown = set(entry) - allowed
    if unknown:
        return f"unknown field(s) {sorted(unknown)}; allowed: {sorted(allowed)}"
    return None
