"""The evaluations: ``timeline eval`` (the tagger on TimeML), ``eval-published`` (publication
dates) and ``eval-timeline`` (the ranked events against a reference timeline). Each reads the
settings, chronology and today as ``timeline build`` does, so it scores what the build would do."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import (
    AddCommand,
    Project,
    UsageError,
    config_and_today,
    existing_file,
    jobs_and_json,
    print_report,
)


def cmd_eval(args: argparse.Namespace) -> int:
    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise UsageError(f"{gold}: not a folder of TimeML (.tml) files")
    from ..core.chronology import load_chronology
    from ..evaluation import TimeMLError, format_report, run_eval

    # what `timeline extract --published DCT` would use: the same settings, chronology and today
    project = Project.of(args)
    today = project.today.day
    chronology = load_chronology(project.chronology(args.chronology), today=today)
    try:
        result = run_eval(gold, Path(args.write) if args.write else None, chronology=chronology, today=today)
    except TimeMLError as exc:
        print(f"timeline eval: {exc}", file=sys.stderr)
        return 1
    print_report(args, result, format_report)
    return 0


def cmd_eval_published(args: argparse.Namespace) -> int:
    path = existing_file(args.jsonl, "JSON Lines with id, published, title, text")
    from ..evaluation.published import format_pubdate_report, run_pubdate_eval
    from ..pipeline.executors import ExecutionPlan

    project = Project.of(args)
    today = project.today.day
    chronology_file = project.checked_chronology(args.chronology)
    if args.hide is not None and not 0.0 < args.hide < 1.0:
        raise UsageError(
            f"--hide {args.hide}: give the share of articles to hide, between 0 and 1 (e.g. 0.2)"
        )
    plan = ExecutionPlan("auto", args.jobs, None)
    reports = []
    for seed in args.seed or [0]:
        result = run_pubdate_eval(path, chronology_file, today, hide=args.hide, seed=seed, plan=plan)
        if args.hide is not None:  # the same hidden articles without corpus learning: what it adds
            result["without_corpus"] = run_pubdate_eval(
                path, chronology_file, today, hide=args.hide, seed=seed, plan=plan, learn=False
            )
        reports.append(result)
    if len(reports) == 1:
        print_report(args, reports[0], format_pubdate_report)
    else:
        print_report(args, reports, lambda rs: "\n\n".join(format_pubdate_report(r) for r in rs))
    return 0


def cmd_eval_timeline(args: argparse.Namespace) -> int:
    reference = existing_file(args.reference, "JSON Lines with date and text")
    from ..evaluation.timelines import format_timeline_report, run_timeline_eval
    from ..pipeline.executors import ExecutionPlan

    project = Project.of(args)
    if args.corpus and args.content:
        raise UsageError("give --corpus FILE.jsonl or --content DIR, not both")
    content_dir = Path(args.content) if args.content else project.content_dir
    corpus = (
        existing_file(args.corpus, "JSON Lines with id, published, url, title, text") if args.corpus else None
    )
    if corpus is None and not content_dir.is_dir():
        raise UsageError(f"{content_dir}: no such content folder; pass --content DIR or --corpus FILE")
    if corpus is None and args.chronology:
        raise UsageError("--chronology goes with --corpus (a content folder has its own chronology.yml)")
    # with --corpus, the chronology the build would read, unless one is given
    chronology_file = project.checked_chronology(args.chronology, content_dir) if corpus else None
    result = run_timeline_eval(
        reference,
        content=None if corpus is not None else content_dir,
        corpus=corpus,
        chronology_file=chronology_file,
        today=project.today.day,
        plan=ExecutionPlan("auto", args.jobs, None),
    )
    print_report(args, result, format_timeline_report)
    return 0


def add_commands(add: AddCommand) -> None:
    p = add("eval", "Score the tagger on TimeML gold files (TempEval-3 strict, relaxed, value and type F1).")
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder with .tml files (searched recursively)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--write", metavar="DIR", help="also write our annotations as TimeML into DIR")
    config_and_today(p, chronology="chronology.yml in extra.timeline.content_dir, as for extract")
    p.set_defaults(func=cmd_eval)

    p = add("eval-published", "Score publication-date inference on articles with known dates (JSON Lines).")
    p.add_argument(
        "jsonl", metavar="JSONL", help="file with one {id, published, title, text} object per line"
    )
    config_and_today(p, chronology="chronology.yml in extra.timeline.content_dir, if present")
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
    jobs_and_json(p)
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
    jobs_and_json(p)
    p.set_defaults(func=cmd_eval_timeline)
