"""The ``timeline`` command: a thin layer over the library.

Exit codes: 0 success, 1 problems in the content (errors, or warnings with --strict), 2 usage.
Every command's help ends with an example; ``tests/test_cli_docs.py`` fails when a command or an
option is missing from docs/the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .core.errors import TimelineError
from .core.problems import Problems
from .core.today import Today, TodayError, resolve_today, utc_today

T = TypeVar("T")

EXAMPLES = {
    "build": "timeline build --content content --strict",
    "extract": "timeline extract --published 2022-03-30 --json content/articles/*.txt",
    "eval": "timeline eval ../shared/eval/tempeval3-tbaq --json",
    "eval-published": "timeline eval-published ../shared/eval/war-news-dev/articles.jsonl",
    "eval-timeline": "timeline eval-timeline ../shared/eval/wikipedia-current-events/2022h1.jsonl "
    "--corpus ../shared/eval/war-news-corpus/2022h1.jsonl.gz --today 2026-12-04",
}


TODAY_HELP = (
    "the latest day an article can have been published (default: extra.timeline.today in the "
    "config, else SOURCE_DATE_EPOCH, else the clock, in UTC)"
)


class UsageError(Exception):
    """Wrong arguments: exit code 2."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2022-03-22"
        ) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def _progress(items: Sequence[T], label: str) -> Iterator[T]:
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


def _report(problems: Problems, strict: bool) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems.errors or (strict and problems.warnings):
        if strict and problems.warnings and not problems.errors:
            print(f"--strict: {len(problems.warnings)} warning(s) count as failure", file=sys.stderr)
        return 1
    return 0


def _today(args: argparse.Namespace, setting: dt.date | None) -> Today:
    """The one place 'today' is decided (see :mod:`timeline.core.today` for the order)."""
    try:
        return resolve_today(args.today, setting, args.environ, args.clock)
    except TodayError as exc:
        raise UsageError(str(exc)) from None


# ---- commands ---------------------------------------------------------------------------
def cmd_build(args: argparse.Namespace) -> int:
    from .config import load_settings
    from .pipeline.build import build
    from .pipeline.executors import ExecutionPlan

    config = Path(args.config)
    today = _today(args, load_settings(config).today)
    problems = Problems()
    summary = build(
        config_file=config,
        content_dir=Path(args.content) if args.content else None,
        problems=problems,
        progress=lambda items: _progress(list(items), "extracting"),
        plan=ExecutionPlan(args.executor, args.jobs, args.scheduler),
        use_cache=not args.no_cache,
        today=today.day,
    )
    print(f"{summary} (today {today.day.isoformat()}, from {today.source})", file=sys.stderr)
    return _report(problems, args.strict)


def cmd_extract(args: argparse.Namespace) -> int:
    from .config import load_settings
    from .json_view import extract_files

    config = Path(args.config)
    settings = load_settings(config)
    today = _today(args, settings.today)
    problems = Problems()
    # the same chronology `timeline build` reads, unless one is given
    chronology = Path(args.chronology or config.parent / settings.content_dir / "chronology.yml")
    for record in extract_files(
        [Path(p) for p in args.paths],
        published=args.published,
        chronology_file=chronology,
        problems=problems,
        today=today.day,
    ):
        if args.json:
            print(json.dumps(record, ensure_ascii=False, sort_keys=False))
        else:
            _print_human(record)
    return _report(problems, strict=False)


def _print_human(record: dict[str, Any]) -> None:
    pub = record["published"]
    print(f"{record['path']}: {record['title']}")
    print(
        f"  published: {pub['value'] or 'unknown'} [{pub['earliest']} .. {pub['latest']}] "
        f"({pub['source']}, confidence {pub['confidence']:.2f})"
    )
    for ev in pub["evidence"]:
        print(f"    - {ev['reason']}")
    for t in record["timexes"]:
        print(
            f"  {t['start']:>6}  {t['type']:<8} {t['value'] or '?':<14} {t['text']!r}"
            f"  [{t['anchor']}, {t['rule']}]"
        )


def cmd_eval(args: argparse.Namespace) -> int:
    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise UsageError(f"{gold}: not a folder of TimeML (.tml) files")
    from .config import load_settings
    from .core.chronology import load_chronology
    from .evaluation import TimeMLError, format_report, run_eval

    # what `timeline extract --published DCT` would use: the same settings, chronology and today
    config = Path(args.config)
    settings = load_settings(config)
    today = _today(args, settings.today)
    chronology_file = Path(args.chronology or config.parent / settings.content_dir / "chronology.yml")
    chronology = load_chronology(chronology_file, today=today.day)
    try:
        report = run_eval(
            gold, Path(args.write) if args.write else None, chronology=chronology, today=today.day
        )
    except TimeMLError as exc:
        print(f"timeline eval: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report, indent=1, sort_keys=True) if args.json else format_report(report))
    return 0


def cmd_eval_published(args: argparse.Namespace) -> int:
    path = Path(args.jsonl)
    if not path.is_file():
        raise UsageError(f"{path}: no such file (JSON Lines with id, published, title, text)")
    from .config import load_settings
    from .core.chronology import load_chronology
    from .evaluation.published import format_pubdate_report, run_pubdate_eval
    from .pipeline.executors import ExecutionPlan

    today = _today(args, load_settings(Path(args.config)).today).day
    chronology_file = Path(args.chronology) if args.chronology else None
    load_chronology(chronology_file, today=today)  # refuse a broken file before the long run
    if args.hide is not None and not 0.0 < args.hide < 1.0:
        raise UsageError(
            f"--hide {args.hide}: give the share of articles to hide, between 0 and 1 (e.g. 0.2)"
        )
    plan = ExecutionPlan("auto", args.jobs, None)
    reports = []
    for seed in args.seed or [0]:
        report = run_pubdate_eval(path, chronology_file, today, hide=args.hide, seed=seed, plan=plan)
        if args.hide is not None:  # the same hidden articles without corpus learning: what it adds
            report["without_corpus"] = run_pubdate_eval(
                path, chronology_file, today, hide=args.hide, seed=seed, plan=plan, learn=False
            )
        reports.append(report)
    if args.json:
        print(json.dumps(reports[0] if len(reports) == 1 else reports, indent=1, sort_keys=True))
    else:
        print("\n\n".join(format_pubdate_report(r) for r in reports))
    return 0


def cmd_eval_timeline(args: argparse.Namespace) -> int:
    reference = Path(args.reference)
    if not reference.is_file():
        raise UsageError(f"{reference}: no such file (JSON Lines with date and text)")
    from .config import load_settings
    from .core.chronology import load_chronology
    from .evaluation.timelines import format_timeline_report, run_timeline_eval
    from .pipeline.executors import ExecutionPlan

    config = Path(args.config)
    settings = load_settings(config)
    today = _today(args, settings.today).day
    if args.corpus and args.content:
        raise UsageError("give --corpus FILE.jsonl or --content DIR, not both")
    content_dir = Path(args.content) if args.content else config.parent / settings.content_dir
    corpus = Path(args.corpus) if args.corpus else None
    if corpus is not None and not corpus.is_file():
        raise UsageError(f"{corpus}: no such file (JSON Lines with id, published, url, title, text)")
    if corpus is None and not content_dir.is_dir():
        raise UsageError(f"{content_dir}: no such content folder; pass --content DIR or --corpus FILE")
    chronology_file = None
    if corpus is not None:  # the chronology the build would read, unless one is given
        default = content_dir / "chronology.yml"
        chronology_file = Path(args.chronology) if args.chronology else default if default.is_file() else None
        load_chronology(chronology_file, today=today)  # refuse a broken file before the long run
    elif args.chronology:
        raise UsageError("--chronology goes with --corpus (a content folder has its own chronology.yml)")
    report = run_timeline_eval(
        reference,
        content=None if corpus is not None else content_dir,
        corpus=corpus,
        chronology_file=chronology_file,
        today=today,
        plan=ExecutionPlan("auto", args.jobs, None),
    )
    print(json.dumps(report, indent=1, sort_keys=True) if args.json else format_timeline_report(report))
    return 0


# ---- parser -----------------------------------------------------------------------------
def config_and_today(p: argparse.ArgumentParser) -> None:
    """--config and --today, for the commands that date articles as build does."""
    p.add_argument(
        "--config", metavar="FILE", default="mkdocs.yml", help="the MkDocs config (default: mkdocs.yml)"
    )
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help=TODAY_HELP)


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

    p = add("build", "Read content/, resolve every date, and write the timeline pages into site_src/.")
    p.add_argument(
        "--content", metavar="DIR", help="content folder (default: extra.timeline.content_dir, 'content')"
    )
    p.add_argument(
        "--config", metavar="FILE", default="mkdocs.yml", help="the MkDocs config (default: mkdocs.yml)"
    )
    p.add_argument("--strict", action="store_true", help="exit with 1 on any warning, not only on errors")
    p.add_argument(
        "--jobs",
        type=_positive,
        default=0,
        metavar="N",
        help="worker processes for extraction (default: one per core)",
    )
    p.add_argument(
        "--executor",
        choices=["auto", "serial", "process", "dask"],
        default="auto",
        help="where extraction runs (default: auto = a process pool for large builds)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address for --executor dask (default: a local cluster)",
    )
    p.add_argument("--no-cache", action="store_true", help="ignore and do not update the extraction cache")
    p.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help=TODAY_HELP,
    )
    p.set_defaults(func=cmd_build)

    p = add("extract", "Print what the pipeline finds in each file: publication date, timexes, events.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.md, .txt, .html)")
    p.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD", help="publication date for every file given"
    )
    p.add_argument(
        "--chronology",
        metavar="FILE",
        help="chronology anchors (default: chronology.yml in extra.timeline.content_dir, as for build)",
    )
    config_and_today(p)
    p.add_argument("--json", action="store_true", help="one JSON object per file per line (JSON Lines)")
    p.set_defaults(func=cmd_extract)

    p = add("eval", "Score the tagger on TimeML gold files (TempEval-3 strict, relaxed, value and type F1).")
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder with .tml files (searched recursively)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--write", metavar="DIR", help="also write our annotations as TimeML into DIR")
    p.add_argument(
        "--chronology",
        metavar="FILE",
        help="chronology anchors (default: chronology.yml in extra.timeline.content_dir, as for extract)",
    )
    config_and_today(p)
    p.set_defaults(func=cmd_eval)

    p = add("eval-published", "Score publication-date inference on articles with known dates (JSON Lines).")
    p.add_argument(
        "jsonl", metavar="JSONL", help="file with one {id, published, title, text} object per line"
    )
    p.add_argument(
        "--chronology", metavar="FILE", help="chronology anchors (default: content/chronology.yml if present)"
    )
    config_and_today(p)
    p.add_argument(
        "--hide",
        type=float,
        metavar="SHARE",
        help="hide the date and address of this share of the articles (e.g. 0.2) and keep the rest as "
        "metadata, so the dated ones teach the tool (corpus learning); scored on the hidden ones",
    )
    p.add_argument(
        "--seed",
        type=int,
        action="append",
        metavar="N",
        help="random seed choosing the hidden articles (repeat for several runs; default 0)",
    )
    p.add_argument(
        "--jobs", type=_positive, default=0, metavar="N", help="worker processes (default: one per core)"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_eval_published)

    p = add(
        "eval-timeline",
        "Score the events, as the build ranks them, against a reference timeline of dated items "
        "(top-event precision, recall at 10, date F1), beside a plain baseline.",
    )
    p.add_argument("reference", metavar="REFERENCE", help="file with one {date, text} object per line")
    p.add_argument(
        "--corpus",
        metavar="FILE",
        help="articles as JSON Lines ({id, published, url, title, text}, .gz allowed), built in a "
        "temporary content folder with their dates and addresses as metadata",
    )
    p.add_argument(
        "--content", metavar="DIR", help="content folder (default: extra.timeline.content_dir, 'content')"
    )
    p.add_argument(
        "--chronology",
        metavar="FILE",
        help="with --corpus: chronology anchors (default: chronology.yml of the content folder)",
    )
    config_and_today(p)
    p.add_argument(
        "--jobs", type=_positive, default=0, metavar="N", help="worker processes (default: one per core)"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_eval_timeline)
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
    if (
        args.command == "eval-published"
        and args.chronology is None
        and Path("content/chronology.yml").exists()
    ):
        args.chronology = "content/chronology.yml"
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
