"""What every command shares: argument types, the one decision of "today", the settings a command
reads as ``timeline build`` does, and how problems become an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..core.problems import Problems
from ..core.today import Today, TodayError, resolve_today

if TYPE_CHECKING:
    from ..config import Settings

T = TypeVar("T")

# (name, help) -> the command's parser, with its example as epilog (see make_parser)
AddCommand = Callable[[str, str], argparse.ArgumentParser]

TODAY_HELP = (
    "the latest day an article can have been published (default: extra.timeline.today in the "
    "config, else SOURCE_DATE_EPOCH, else the clock, in UTC)"
)


class UsageError(Exception):
    """Wrong arguments: exit code 2."""


def date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2022-03-22"
        ) from None


def positive_arg(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def config_and_today(p: argparse.ArgumentParser, chronology: str | None = None) -> None:
    """--config and --today, for the commands that date articles as build does; with
    ``chronology``, the help of their --chronology (which default they take), first."""
    if chronology is not None:
        p.add_argument("--chronology", metavar="FILE", help=f"chronology anchors (default: {chronology})")
    p.add_argument(
        "--config", metavar="FILE", default="mkdocs.yml", help="the MkDocs config (default: mkdocs.yml)"
    )
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD", help=TODAY_HELP)


def jobs_and_json(p: argparse.ArgumentParser) -> None:
    """--jobs and --json, for the evaluations that run the read phase."""
    p.add_argument(
        "--jobs", type=positive_arg, default=0, metavar="N", help="worker processes (default: one per core)"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def progress(items: Sequence[T], label: str) -> Iterator[T]:
    """A one-line progress bar on a terminal (stderr); silent when piped or in CI."""
    total = len(items)
    show = sys.stderr.isatty() and total >= 20
    for n, item in enumerate(items, start=1):
        if show and (n == total or n % max(1, total // 100) == 0):
            filled = 30 * n // total
            sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {n}/{total}")
            sys.stderr.flush()
        yield item
    if show:
        sys.stderr.write("\n")


def report(problems: Problems, strict: bool) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems.errors or (strict and problems.warnings):
        if strict and problems.warnings and not problems.errors:
            print(f"--strict: {len(problems.warnings)} warning(s) count as failure", file=sys.stderr)
        return 1
    return 0


def decide_today(args: argparse.Namespace, setting: dt.date | None) -> Today:
    """The one place 'today' is decided (see :mod:`timeline.core.today` for the order)."""
    try:
        return resolve_today(args.today, setting, args.environ, args.clock)
    except TodayError as exc:
        raise UsageError(str(exc)) from None


@dataclass(frozen=True)
class Project:
    """What a command reads as ``timeline build`` does: the settings of ``--config`` and today."""

    config: Path
    settings: Settings
    today: Today

    @classmethod
    def of(cls, args: argparse.Namespace) -> Project:
        from ..config import load_settings

        config = Path(args.config)
        settings = load_settings(config)
        return cls(config, settings, decide_today(args, settings.today))

    @property
    def content_dir(self) -> Path:
        return self.config.parent / self.settings.content_dir

    def chronology(self, given: str | None) -> Path:
        """``--chronology`` when given, else the chronology the build reads (it need not exist)."""
        return Path(given) if given else self.content_dir / "chronology.yml"

    def checked_chronology(self, given: str | None, content_dir: Path | None = None) -> Path | None:
        """For the evaluations, where a chronology is optional: ``--chronology`` when given, else
        the one of ``content_dir`` (default: the build's) if there is one, else None (the built-in
        one). Read once here, so a broken file is refused before the long run."""
        from ..core.chronology import load_chronology

        default = (content_dir or self.content_dir) / "chronology.yml"
        path = Path(given) if given else default if default.is_file() else None
        load_chronology(path, today=self.today.day)
        return path


def existing_file(value: str, what: str) -> Path:
    """``value`` as a path to a file, or a usage error saying what the file should hold."""
    path = Path(value)
    if not path.is_file():
        raise UsageError(f"{path}: no such file ({what})")
    return path


def print_report(args: argparse.Namespace, report: Any, text: Callable[[Any], str]) -> None:
    """An evaluation's report, as JSON with --json, else as ``text`` writes it."""
    print(json.dumps(report, indent=1, sort_keys=True) if args.json else text(report))
