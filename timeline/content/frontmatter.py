"""YAML front matter: split, parse safely, validate with errors that name the line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

# The keys we read. Anything else is kept out and reported as a warning (a typo like
# "publshed" must not silently lose the date).
KNOWN_KEYS = {
    "title": "the headline, a string",
    "source": "who published it, e.g. 'Daily Express'",
    "url": "the original address, http(s) only",
    "published": "publication date, YYYY-MM-DD (or a datetime)",
    "language": "ISO 639-1 code, e.g. 'en'",
    "tags": "a list of strings",
}

# A 'published' date up to a day after today is trusted: the article's time zone may be ahead of UTC.
LEEWAY = dt.timedelta(days=1)

# libyaml's safe loader when present: same safety, about ten times faster on many small blocks.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_SAFE_URL = re.compile(r"\Ahttps?://[^\s<>\"']+\Z", re.I)


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    end: int = 0  # offset where the body starts
    errors: list[tuple[int | None, str, str]] = field(default_factory=list)  # (line, message, hint)
    warnings: list[tuple[int | None, str, str]] = field(default_factory=list)


def _key_lines(block: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for n, line in enumerate(block.splitlines(), start=2):
        m = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if m:
            lines.setdefault(m.group(1), n)
    return lines


def parse_front_matter(text: str, *, today: dt.date) -> FrontMatter:
    fm = FrontMatter()
    if not text.startswith("---"):
        return fm
    m = _FENCE.match(text)
    if not m:
        fm.errors.append(
            (1, "front matter starts with '---' but is never closed", "end it with a line '---'")
        )
        return fm
    fm.end = m.end()
    block = m.group(1) or ""
    try:
        data = yaml.load(block, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        # Where the parser gave up can be past the real mistake; where the broken construct
        # started (context_mark: an unclosed '[', a line without ':') is where to look.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for the fence, +1 for 1-based
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        fm.errors.append(
            (line, f"malformed front matter: {problem}", "check the YAML syntax: 'key: value' per line")
        )
        return fm
    except ValueError:
        # Well-formed YAML whose date-like value is no calendar date ("2022-13-01"): read every
        # scalar as text instead, so the key's own check reports it with its line.
        data = yaml.load(block, Loader=yaml.BaseLoader)
    if data is None:
        return fm
    if not isinstance(data, dict):
        fm.errors.append((2, "front matter is not a mapping", "write 'key: value' lines"))
        return fm
    lines = _key_lines(block)
    for key, value in data.items():
        line = lines.get(str(key))
        if key not in KNOWN_KEYS:
            fm.warnings.append(
                (line, f"unknown front-matter key '{key}'", "known keys: " + ", ".join(KNOWN_KEYS))
            )
            continue
        checked = _check(str(key), value, today)
        if isinstance(checked, _Invalid):
            (fm.warnings if checked.warning else fm.errors).append((line, checked.message, checked.hint))
            if checked.warning and checked.keep is not None:
                fm.data[key] = checked.keep
            continue
        fm.data[key] = checked
    return fm


@dataclass
class _Invalid:
    message: str
    hint: str
    warning: bool = False
    keep: Any = None


def _check(key: str, value: Any, today: dt.date) -> Any:
    if key in ("title", "source", "language"):
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            return _Invalid(f"'{key}' must be text", KNOWN_KEYS[key])
        return str(value).strip()
    if key == "url":
        if not isinstance(value, str) or not _SAFE_URL.match(value.strip()):
            return _Invalid("'url' is not an http(s) address and was ignored", KNOWN_KEYS[key], warning=True)
        return value.strip()
    if key == "tags":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            return _Invalid("'tags' must be a list of strings", KNOWN_KEYS[key])
        return [str(v).strip() for v in value if str(v).strip()]
    # published
    raw = value
    if isinstance(value, dt.datetime):
        value = value.date()
    elif isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            value = None
    if not isinstance(value, dt.date):
        return _Invalid(
            f"'published' is not a date: {raw!r}; it was ignored",
            "write it as YYYY-MM-DD, e.g. 2022-03-22",
            True,
        )
    if value.year < 1900:
        return _Invalid(
            f"'published' {value.isoformat()} is before 1900 and was ignored", "check the year", True
        )
    if value > today + LEEWAY:
        return _Invalid(
            f"'published' {value.isoformat()} is in the future (today is {today.isoformat()}) "
            "and was ignored",
            "check the year, or the day given as today; the date will be inferred from the text instead",
            True,
        )
    return value
