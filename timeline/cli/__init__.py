"""The ``timeline`` command: a thin layer over the library.

Exit codes: 0 success, 1 problems in the content (errors, or warnings with --strict), 2 usage.
Every command's help ends with an example; ``tests/test_cli_docs.py`` fails when a command or an
option is missing from docs/the README. The commands and their options are in ``site_commands``
(build, extract) and ``eval_commands`` (the evaluations); what they share in ``common``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Mapping

from .. import __version__
from ..core.errors import TimelineError
from ..core.today import utc_today
from . import eval_commands, site_commands
from .common import UsageError

__all__ = ["main", "make_parser"]

EXAMPLES = {
    "build": "timeline build --content content --strict",
    "extract": "timeline extract --published 2022-03-30 --json content/articles/*.txt",
    "eval": "timeline eval ../shared/eval/tempeval3-tbaq --json",
    "eval-published": "timeline eval-published ../shared/eval/war-news-dev/articles.jsonl",
    "eval-timeline": "timeline eval-timeline ../shared/eval/wikipedia-current-events/2022h1.jsonl "
    "--corpus ../shared/eval/war-news-corpus/2022h1.jsonl.gz --today 2026-12-04",
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn news articles into a sourced, browsable chronology (MkDocs Material pages).",
        epilog="Example: timeline build && mkdocs build --strict",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=f"Example: {EXAMPLES[name]}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    site_commands.add_commands(add)
    eval_commands.add_commands(add)
    return parser


def main(
    argv: Iterable[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    clock: Callable[[], dt.date] = utc_today,
) -> int:
    """Run one command. ``environ`` and ``clock`` are where 'today' may come from (defaults: the
    process environment and the UTC clock); tests inject both."""
    parser = make_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    args.environ = os.environ if environ is None else environ
    args.clock = clock
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"timeline {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; pages already written are complete, the rest are unchanged", file=sys.stderr)
        return 130
    except TimelineError as exc:
        print(f"timeline {args.command}: {exc}", file=sys.stderr)
        if exc.hint:
            print(f"  hint: {exc.hint}", file=sys.stderr)
        return 1
    except Exception as exc:  # the last line of defence: a message, never a traceback
        print(
            f"timeline {args.command}: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug: please report it with the file that caused it.",
            file=sys.stderr,
        )
        return 1
