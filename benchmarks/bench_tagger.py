"""Speed of our temporal tagger against dateparser's search_dates, on the same texts, in one run.

    python benchmarks/bench_tagger.py [--lang en|uk|ru] [--max-chars N] [--repeat R]

Texts (en): the client's sample articles (../shared/seeds) and the TEXT of the TimeBank+AQUAINT
documents (../shared/eval/tempeval3-tbaq), concatenated per document and cut at --max-chars.
Falls back to content/articles/ when ../shared is absent. Texts (uk, ru): our own dense news
article tests/data/article_<lang>.txt (about 16 expressions per 1,000 characters, four times
the density of Wikipedia narrative) as that many documents, published 4 December 2026; for uk
also the WikiWars-UA TEXT (../shared/eval/wikiwars-ua) when present, reported apart; tagged
and resolved, no dateparser comparison. Prints characters per second (one process, one core:
CPU time of this process, so other load on the machine does not count) and, for en, the ratio.
Compiling our rules happens once per process and is measured separately, not in the rate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"


def load_texts(max_chars: int) -> list[str]:
    texts: list[str] = []
    seeds = SHARED / "seeds"
    tbaq = SHARED / "eval" / "tempeval3-tbaq"
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    else:
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "articles").glob("*"))]
    if tbaq.is_dir():
        from timeline.evaluation import read

        texts += [read(p).text for p in sorted(tbaq.rglob("*.tml"))]
    out, total = [], 0
    for t in texts:
        if total >= max_chars:
            break
        out.append(t[: max_chars - total])
        total += len(out[-1])
    return out


def dense_texts(language: str, max_chars: int) -> list[str]:
    """Our own article in ``language``, repeated as separate documents up to ``max_chars``."""
    one = (ROOT / "tests" / "data" / f"article_{language}.txt").read_text(encoding="utf-8")
    return [one] * max(1, max_chars // len(one))


def wikiwars_ua_texts() -> list[str]:
    corpus = SHARED / "eval" / "wikiwars-ua"
    if not corpus.is_dir():
        return []
    from timeline.evaluation import read

    return [read(p).text for p in sorted(corpus.rglob("*.tml"))]


def rate(fn, texts: list[str], repeat: int) -> tuple[float, int]:
    chars = sum(len(t) for t in texts)
    best = float("inf")
    found = 0
    for _ in range(repeat):
        t0 = time.process_time()
        found = sum(len(fn(t) or []) for t in texts)
        best = min(best, time.process_time() - t0)
    return chars / best, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="en", choices=["en", "uk", "ru"])
    ap.add_argument("--max-chars", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of our tagger (best is kept)")
    args = ap.parse_args()

    t0 = time.process_time()
    from timeline import temporal

    temporal.tag("warm up: compile the rules on 22 March 2022")
    compile_s = time.process_time() - t0

    if args.lang != "en":
        main_other(args.lang, args.max_chars, args.repeat, compile_s)
        return

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.search import search_dates

    texts = load_texts(args.max_chars)
    chars = sum(len(t) for t in texts)
    ours, n_ours = rate(lambda t: temporal.tag(t, None), texts, args.repeat)
    settings = {"RELATIVE_BASE": dt.datetime(2022, 3, 30)}
    theirs, n_theirs = rate(lambda t: search_dates(t, languages=["en"], settings=settings), texts, 1)

    print(
        f"run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"Python {platform.python_version()}, {platform.machine()}"
    )
    print(f"texts: {len(texts)} documents, {chars:,} characters (seeds + TimeBank/AQUAINT TEXT)")
    print(f"rule compile (once per process): {compile_s:.2f} s")
    print(f"{'tagger':28}{'chars/s':>14}{'found':>8}")
    print(f"{'timeline.temporal.tag':28}{ours:14,.0f}{n_ours:8}")
    print(f"{'dateparser.search_dates':28}{theirs:14,.0f}{n_theirs:8}")
    print(f"ratio: {ours / theirs:.1f}x")


def main_other(language: str, max_chars: int, repeat: int, compile_s: float) -> None:
    """Ukrainian or Russian: tag and resolve, as the product does (published date given)."""
    from timeline import temporal

    published = dt.date(2026, 12, 4)
    temporal.tag("20 листопада 2026 року, 20 ноября", published, language=language)
    print(
        f"run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"Python {platform.python_version()}, {platform.machine()}, load {os.getloadavg()[0]:.1f}"
    )
    print(f"rule compile (once per process): {compile_s:.2f} s")
    sets = [(f"article_{language}.txt repeated", dense_texts(language, max_chars))]
    if language == "uk" and (ww := wikiwars_ua_texts()):
        sets.append(("WikiWars-UA TEXT", ww))
    print(f"{'texts':32}{'chars':>11}{'chars/s':>12}{'found':>8}")
    for name, texts in sets:
        chars = sum(len(t) for t in texts)
        r, n = rate(lambda t: temporal.tag(t, published, language=language), texts, repeat)
        print(f"{name:32}{chars:11,}{r:12,.0f}{n:8}")


if __name__ == "__main__":
    main()
