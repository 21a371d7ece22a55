"""What corpus learning costs: its share of a cold ``timeline build``, on real articles.

Reads the dense real corpus ``../shared/eval/war-news-corpus/2022h1.jsonl.gz`` (5,495 articles of
January-June 2022) at run time, writes N of them as content files of a project (beyond 5,495 the
corpus is repeated with its dates moved on by 182 days and a marker in the title), with a fifth
of them undated (no date, no address), and runs a cold ``timeline build`` (no cache) in a child
process, timing the corpus pass (:func:`timeline.pipeline.read_phase.date_from_corpus`) inside it, in wall
time and in CPU time (the build's process and its worker processes: on a shared machine CPU time
moves less than wall time). Then, in another child, the same build without corpus learning, for
comparison. The children's peak memory is their own.

    python benchmarks/corpus_dating.py --n 5495 --n 10000

Figures go into site_src/guide/performance.md with the date and the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "eval" / "war-news-corpus" / "2022h1.jsonl.gz"
SHIFT = dt.timedelta(days=182)


def write_pile(n: int, out: Path, seed: int = 1, undated: float = 0.2) -> None:
    """N real articles into ``out``; a share ``undated`` of them without date and address."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    folder = out / "articles"
    folder.mkdir(parents=True)
    (out / "chronology.yml").write_bytes((ROOT / "content" / "chronology.yml").read_bytes())
    rnd = random.Random(seed)
    for i in range(n):
        row = rows[i % len(rows)]
        round_ = i // len(rows)
        day = dt.date.fromisoformat(row["published"][:10]) + round_ * SHIFT
        title = " ".join((row.get("title") or row["text"][:60]).split()) + (f" ({round_})" if round_ else "")
        meta = ""
        if rnd.random() >= undated:  # by default four in five keep their date and address
            meta = f"published: {day.isoformat()}\n" + (
                f"url: {json.dumps(row['url'])}\n" if row.get("url") else ""
            )
        head = f"---\n{meta}---\n" if meta else ""
        (folder / f"{i:06d}.md").write_text(f"{head}{title}\n\n{row['text']}\n", "utf-8")


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the worker pools)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def child(project: Path, learn: bool) -> None:
    import functools
    from collections.abc import Iterator

    from timeline.pipeline import build as build_module
    from timeline.pipeline import read_phase as pipeline
    from timeline.pipeline.build import build

    spent = [0.0, 0.0]  # wall, CPU
    original = pipeline.date_from_corpus

    def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = original(*args, **kwargs)
        while True:
            start, cpu = time.perf_counter(), _cpu()
            try:
                item = next(it)
            except StopIteration:
                spent[0] += time.perf_counter() - start
                spent[1] += _cpu() - cpu
                return
            spent[0] += time.perf_counter() - start
            spent[1] += _cpu() - cpu
            yield item

    pipeline.date_from_corpus = timed  # type: ignore[assignment]
    if not learn:
        build_module.collect = functools.partial(pipeline.collect, learn=False)  # type: ignore[assignment]
    start, cpu = time.perf_counter(), _cpu()
    summary = build(config_file=project / "mkdocs.yml", use_cache=False, today=dt.date(2026, 12, 4))
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    print(
        json.dumps(
            {
                "seconds": round(seconds, 1),
                "corpus": round(spent[0], 1),
                "cpu": round(cpu, 1),
                "corpus_cpu": round(spent[1], 1),
                "summary": summary,
            }
        )
    )


def measure(project: Path, learn: bool = True) -> dict[str, Any]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run(
        [sys.executable, __file__, "--child" if learn else "--child-without", str(project)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if not out.strip():
        raise SystemExit("the build failed; run it by hand to see why")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = round(max(peak, before) / 1024)  # the largest child so far (KiB on Linux)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable; default 5495)")
    parser.add_argument("--child", metavar="CONTENT", help=argparse.SUPPRESS)
    parser.add_argument("--child-without", metavar="CONTENT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child or args.child_without:
        child(Path(args.child or args.child_without), learn=bool(args.child))
        return 0
    if not CORPUS.is_file():
        print(f"needs the real corpus at {CORPUS} (../shared); not present", file=sys.stderr)
        return 2
    print(
        f"# corpus learning cost, {dt.date.today().isoformat()}, {os.cpu_count()} cores,"
        f" corpus {CORPUS.name}, load average {os.getloadavg()[0]:.2f} at the start"
    )
    print(
        "| articles | cold `timeline build` | of which the corpus pass | the pass adds"
        " | CPU: build, corpus pass, adds | build without corpus learning | peak RSS |"
    )
    print("|---|---|---|---|---|---|---|")
    for n in args.n or [5495]:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp)
            shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
            shutil.copytree(
                ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("timeline")
            )
            write_pile(n, project / "content")
            run = measure(project)
            without = measure(project, learn=False)
            cpu_adds = run["corpus_cpu"] / (run["cpu"] - run["corpus_cpu"])
            cells = [
                f"{n:,}",
                f"{run['seconds']} s",
                f"{run['corpus']} s",
                f"{run['corpus'] / (run['seconds'] - run['corpus']):.0%}",
                f"{run['cpu']} s, {run['corpus_cpu']} s, {cpu_adds:.0%}",
                f"{without['seconds']} s",
                f"{run['peak_mb']} MB",
            ]
            print("| " + " | ".join(cells) + " |", flush=True)
    print(f"# load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
