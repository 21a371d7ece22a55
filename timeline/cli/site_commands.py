"""``timeline build`` (the pages) and ``timeline extract`` (what the read phase finds in files)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..core.problems import Problems
from .common import (
    TODAY_HELP,
    AddCommand,
    Project,
    config_and_today,
    date_arg,
    positive_arg,
    progress,
    report,
)


def cmd_build(args: argparse.Namespace) -> int:
    from ..pipeline.build import build
    from ..pipeline.executors import ExecutionPlan

    project = Project.of(args)
    problems = Problems()
    summary = build(
        config_file=project.config,
        content_dir=Path(args.content) if args.content else None,
        problems=problems,
        progress=lambda items: progress(list(items), "extracting"),
        plan=ExecutionPlan(args.executor, args.jobs, args.scheduler),
        use_cache=not args.no_cache,
        today=project.today.day,
    )
    print(f"{summary} (today {project.today.day.isoformat()}, from {project.today.source})", file=sys.stderr)
    return report(problems, args.strict)


def cmd_extract(args: argparse.Namespace) -> int:
    from ..json_view import extract_files

    project = Project.of(args)
    problems = Problems()
    for record in extract_files(
        [Path(p) for p in args.paths],
        published=args.published,
        chronology_file=project.chronology(args.chronology),  # the build's, unless one is given
        problems=problems,
        today=project.today.day,
    ):
        if args.json:
            print(json.dumps(record, ensure_ascii=False, sort_keys=False))
        else:
            _print_human(record)
    return report(problems, strict=False)


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


def add_commands(add: AddCommand) -> None:
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
        type=positive_arg,
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
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD", help=TODAY_HELP)
    p.set_defaults(func=cmd_build)

    p = add("extract", "Print what the pipeline finds in each file: publication date, timexes, events.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.md, .txt, .html)")
    p.add_argument(
        "--published", type=date_arg, metavar="YYYY-MM-DD", help="publication date for every file given"
    )
    config_and_today(p, chronology="chronology.yml in extra.timeline.content_dir, as for build")
    p.add_argument("--json", action="store_true", help="one JSON object per file per line (JSON Lines)")
    p.set_defaults(func=cmd_extract)
