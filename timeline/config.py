"""Settings under ``extra: timeline:`` in ``mkdocs.yml``: a typed schema, one docstring per key.

MkDocs rejects unknown top-level keys under ``--strict``, so our settings live under ``extra``.
This module reads the YAML itself (safely, ignoring MkDocs' ``!ENV`` tags) and never imports mkdocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .core.errors import TimelineError
from .core.today import parse_day


class ConfigError(TimelineError):
    """A setting is missing or has the wrong type; the message says which and what was expected."""


@dataclass(frozen=True)
class Settings:
    content_dir: str = "content"
    """Folder holding ``articles/`` and ``chronology.yml``, relative to mkdocs.yml."""

    docs_dir: str = "site_src"
    """MkDocs' ``docs_dir``; read from mkdocs.yml's own ``docs_dir`` key."""

    output: str = "timeline"
    """Sub-folder of ``docs_dir`` that the build owns and regenerates. Nothing outside it is written."""

    today: dt.date | None = None
    """The latest date an article can have been published (YYYY-MM-DD), pinned for this project.
    ``--today`` overrides it; unset, ``SOURCE_DATE_EPOCH`` or else the clock (UTC) decides (see
    :mod:`timeline.core.today`)."""

    cache_dir: str = ".cache/timeline"
    """Where extraction results are cached by content hash (outside docs_dir)."""

    month_page_limit: int = 200
    """Events per month page before the month is split into parts."""

    key_events: int = 12
    """How many ranked events the home page lists."""

    timelinejs_events: int = 300
    """How many of the ranked events ``timeline.json`` holds, in date order. TimelineJS is made
    for tens to a few hundred slides; ``chronology.json`` and ``events.csv`` hold every event."""

    site_title: str = "War in Ukraine: a sourced chronology"
    """Shown on the home page."""


class _Loader(yaml.SafeLoader):
    """Safe loading that reads mkdocs.yml's !ENV and python tags as plain nulls, executing nothing."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """YAML dates as usual, but an impossible one (``2026-02-30``) stays text, so the setting's
    check can say what was expected instead of the YAML library failing."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _today(value: Any, config_file: Path) -> dt.date:
    """``extra.timeline.today``: a date written YYYY-MM-DD (quoted or not)."""
    day: dt.date | None = None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        day = value
    elif isinstance(value, str):
        try:
            day = parse_day(value)
        except ValueError:
            day = None
    if day is None:
        shown = value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value
        raise ConfigError(
            f"{config_file}: extra.timeline.today must be a date YYYY-MM-DD, got {shown!r} "
            "(or remove it to use --today, SOURCE_DATE_EPOCH or the clock)"
        )
    return day


def load_settings(config_file: Path) -> Settings:
    """Settings from ``config_file``; defaults when the file or the section is absent."""
    if not config_file.exists():
        return Settings()
    try:
        raw = yaml.load(config_file.read_text("utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{config_file}:{mark.line + 1}" if mark else str(config_file)
        raise ConfigError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    extra = (raw.get("extra") or {}) if isinstance(raw, dict) else {}
    section: dict[str, Any] = dict(extra.get("timeline") or {})
    if isinstance(raw, dict) and raw.get("docs_dir"):
        section.setdefault("docs_dir", raw["docs_dir"])
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key not in known:
            raise ConfigError(
                f"{config_file}: unknown setting extra.timeline.{key} (known: {', '.join(sorted(known))})"
            )
        default = getattr(Settings(), key)
        if key == "today":
            value = None if value is None else _today(value, config_file)
        elif isinstance(default, int) and (
            not isinstance(value, int) or isinstance(value, bool) or value < 1
        ):
            raise ConfigError(
                f"{config_file}: extra.timeline.{key} must be a positive whole number, got {value!r}"
            )
        elif isinstance(default, str) and not isinstance(value, str):
            raise ConfigError(f"{config_file}: extra.timeline.{key} must be text, got {value!r}")
        values[key] = value
    settings = Settings(**values)
    out = Path(settings.output)
    if out.is_absolute() or ".." in out.parts or not out.parts:
        raise ConfigError(f"{config_file}: extra.timeline.output must be a plain sub-folder name of docs_dir")
    return settings
