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

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .schema import (
    RULE_ID,
    Anything,
    At,
    Choice,
    Date,
    Either,
    Flag,
    Items,
    Number,
    Record,
    Regex,
    Spec,
    Table,
    Text,
    pattern_rules,
)
from .yaml_lines import DataFileError, LineDict, LineList, fail, line_of, parse

__all__ = [
    "RULE_ID",
    "Anything",
    "Choice",
    "DataFileError",
    "Date",
    "Either",
    "Flag",
    "Items",
    "LineDict",
    "LineList",
    "Number",
    "Record",
    "Regex",
    "Spec",
    "Table",
    "Text",
    "check",
    "fail",
    "line_of",
    "parse",
    "parse_text",
    "pattern_rules",
    "read",
    "read_text",
    "rule_fields",
]


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
    return parse_text(read_text(path, what, error), path, schema, error, dates=dates)


def parse_text(
    text: str, path: str | Path, schema: Spec | None, error: type[Exception], *, dates: bool = False
) -> Any:
    """As :func:`read`, for the ``text`` of ``path`` already read (a loader that also checks the
    text as written reads it with :func:`read_text` first)."""
    doc = parse(text, str(path), error, dates=dates)
    if schema is not None:
        schema.check(doc, At(str(path), error, line_of(doc), ""))
    return doc


def rule_fields(item: Mapping[str, Any], flags: int = 0) -> dict[str, Any]:
    """What every rule of a :func:`pattern_rules` list has, for its loader's record: ``id``, ``why``
    and the ``pattern`` compiled with ``flags``."""
    return {"id": item["id"], "why": item["why"], "pattern": re.compile(item["pattern"], flags)}


def check(value: Any, schema: Spec, path: str | Path, error: type[Exception] = DataFileError) -> None:
    """Check one part of a document (an entry a loader walks itself) against ``schema``."""
    schema.check(value, At(str(path), error, line_of(value), ""))
