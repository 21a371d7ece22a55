"""Issue 18's table on real articles: every figure of one pipeline, side by side, in one run.

Writes N real articles of ``../shared/eval/war-news-corpus/2022h1.jsonl.gz`` (5,495 articles of
January-June 2022; beyond 5,495 the corpus is repeated with its dates moved on by 182 days, see
corpus_dating.write_pile), each with its date and address in front matter, into a scratch project
(this mkdocs.yml and the hand-written pages), then runs, each as its own command:

- cold ``timeline build`` (empty cache), then the site build (hosted; ``--offline`` adds the
  offline build): ``site_build/incremental.py``, whose first run is a full ``mkdocs build`` (same
  output, tests/site/test_incremental_site.py) that records each page for the next run;
- ``timeline build`` with nothing changed (no-op);
- ``timeline build`` after one article is edited, then the site build again with
  ``site_build/incremental.py`` (it renders only the pages whose Markdown changed): one edited
  article through the whole pipeline; ``--mkdocs-again`` also times a plain ``mkdocs build`` then;
- the search index a browser loads before its first result (bytes, gzip bytes, entries), the
  largest HTML page, and with ``--browser`` the time to the first search result in headless
  Chromium (the hosted site over a local HTTP server).

Wall time, CPU time and peak RSS of each command come from run_all.run_measured (wait4 in a small
launcher). Commands run the code of this checkout (run it from a worktree of a commit):

    nice -n 10 python benchmarks/real_scale.py --n 1000 --n 10000 --browser
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import corpus_dating
import run_all

ROOT = Path(__file__).resolve().parents[1]


def project(base: Path, n: int) -> Path:
    root = base / f"real-{n}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", root / "site_src", ignore=shutil.ignore_patterns("timeline"))
    corpus_dating.write_pile(n, root / "content", undated=0.0)
    return root


def mkdocs(offline: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", "mkdocs.yml"]
    return ["env", "OFFLINE=true", *cmd, "--site-dir", "site-offline"] if offline else cmd


def site_build(offline: bool = False) -> list[str]:
    """The site build that keeps unchanged pages (full on its first run)."""
    cmd = [sys.executable, str(run_all.CODE / "site_build" / "incremental.py"), "--quiet"]
    return ["env", "OFFLINE=true", *cmd, "--site-dir", "site-offline"] if offline else cmd


def cell(run: run_all.Run) -> str:
    if run.code:
        return run_all.outcome(run)
    return f"{run.seconds:.1f} s (CPU {run.cpu_seconds:.1f} s), {run.peak_mb:,.0f} MB"


def search_index(site: Path) -> str:
    path = site / "search" / "search_index.json"
    data = path.read_bytes()
    docs = len(json.loads(data)["docs"])
    return f"{len(data) / 1e6:.2f} MB ({len(gzip.compress(data)) / 1e6:.2f} MB gzip), {docs:,} entries"


def largest_page(site: Path) -> str:
    size, path = max((p.stat().st_size, p) for p in site.rglob("*.html"))
    return f"{size / 1e6:.2f} MB ({path.relative_to(site)})"


def first_result(site: Path, query: str = "Kherson") -> str:
    """Seconds from opening the home page to the first search result, headless Chromium."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])  # fmt: skip
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
            page.locator("label.md-search__icon, input.md-search__input").first.click()
            page.locator("input.md-search__input").press_sequentially(query)
            page.locator(".md-search-result__item").first.wait_for(timeout=300_000)
            seconds = time.perf_counter() - start
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return f"{seconds:.1f} s ('{query}', from opening the home page)"


def edit_one(root: Path) -> str:
    files = sorted((root / "content" / "articles").iterdir())
    target = files[len(files) // 2]
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\n\nOn Monday, officials said the talks would resume next week.\n")
    return target.name


def bench(
    base: Path, n: int, offline: bool, browser: bool, keep: bool = False, mkdocs_again: bool = False
) -> list[tuple[str, str]]:
    root = project(base, n)
    build = run_all.build_cmd()
    rows: list[tuple[str, str]] = []
    cold = run_all.run_measured(build, root)
    rows.append(("cold `timeline build`", cell(cold)))
    site = run_all.run_measured(site_build(), root)
    rows.append(("cold site build (hosted; a full `mkdocs build`)", cell(site)))
    if offline:
        rows.append(("cold site build (offline)", cell(run_all.run_measured(site_build(True), root))))
    total = f"{cold.seconds + site.seconds:.1f} s (CPU {cold.cpu_seconds + site.cpu_seconds:.1f} s)"
    rows.append(("cold pipeline (`timeline build` + hosted site)", total))
    rows.append(("search index loaded before the first result", search_index(root / "site")))
    rows.append(("largest HTML page", largest_page(root / "site")))
    if browser:
        rows.append(("time to first search result, headless Chromium", first_result(root / "site")))
    rows.append(("`timeline build`, nothing changed", cell(run_all.run_measured(build, root))))
    name = edit_one(root)
    one = run_all.run_measured(build, root)
    rows.append((f"`timeline build`, one article edited ({name})", cell(one)))
    again = run_all.run_measured(site_build(), root)
    rows.append(("site build after it (hosted, `site_build/incremental.py`)", cell(again)))
    if offline:
        rows.append(("site build after it (offline)", cell(run_all.run_measured(site_build(True), root))))
    both = f"{one.seconds + again.seconds:.1f} s (CPU {one.cpu_seconds + again.cpu_seconds:.1f} s)"
    rows.append(("one edited article through the pipeline", both))
    if mkdocs_again:
        plain = run_all.run_measured(mkdocs(), root)
        rows.append(("plain `mkdocs build` after it, for comparison", cell(plain)))
    if not keep:
        shutil.rmtree(root, ignore_errors=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable; default 1000)")
    parser.add_argument("--offline", action="store_true", help="also time the offline site build")
    parser.add_argument("--browser", action="store_true", help="time to first search result (Chromium)")
    parser.add_argument("--mkdocs-again", action="store_true", help="a plain mkdocs build after the edit too")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR/real-N and keep it (to profile it after)")
    args = parser.parse_args()
    if not corpus_dating.CORPUS.is_file():
        print(f"needs the real corpus at {corpus_dating.CORPUS} (../shared); not present", file=sys.stderr)
        return 2
    sizes = args.n or [1000]
    results = {}
    started = dt.datetime.now(dt.UTC)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="real-scale-") as tmp:
        for n in sizes:
            print(f"N={n} ...", file=sys.stderr, flush=True)
            base = Path(args.keep) if args.keep else Path(tmp)
            results[n] = bench(base, n, args.offline, args.browser, bool(args.keep), args.mkdocs_again)
    print(f"Measured {started:%Y-%m-%d %H:%M} UTC on {run_all.machine()}, corpus {corpus_dating.CORPUS.name}")
    print(
        f"(real articles, dated; load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end)\n"
    )
    print("| step | " + " | ".join(f"{n:,} articles" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for i, (label, _) in enumerate(results[sizes[0]]):
        cells = [results[n][i][1] for n in sizes]
        label = label.split(" (0")[0] if "edited" in label else label
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
