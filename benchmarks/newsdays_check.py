"""How the news-day tables behave: size, usable term sets, false matches on text that cannot
report the war, and matching speed.

False matches are counted on news and history written long before 2022 (TempEval-3 TimeBank and
AQUAINT, 1996-2000; WikiWars): any match there is a term set that is not specific enough.
Run by hand: ``python benchmarks/newsdays_check.py`` (needs ../shared/eval).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.anchoring.mentions import Layout  # noqa: E402
from timeline.anchoring.newsdays import load_news_days, load_words, news_matcher, specific_sets  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
CORPORA = {"TempEval-3 news 1996-2000": SHARED / "tempeval3-tbaq", "WikiWars": SHARED / "wikiwars-timeml"}
_TAG = re.compile(r"<[^>]+>")


def main() -> int:
    days = load_news_days()
    usable = specific_sets(days, load_words())
    entries = {news.key for news, _, _ in usable}
    sets = sum(len(d.sets) for d in days)
    months = Counter(f"{d.first:%Y-%m}" for d in days)
    print(f"news-day tables: {len(days)} entries in {len(months)} months, {sets} term sets")
    print(f"specific (used): {len(usable)} sets, {len(entries)} entries ({len(entries) / len(days):.0%})")
    weeks = Counter(d.first - dt.timedelta(days=d.first.weekday()) for d in days if d.key in entries)
    first, last = min(weeks), max(weeks)
    empty = [
        w
        for w in (first + dt.timedelta(weeks=k) for k in range((last - first).days // 7 + 1))
        if not weeks[w]
    ]
    print(f"weeks {first}..{last}: {len(weeks)} with entries, {len(empty)} without {[str(w) for w in empty]}")
    matcher = news_matcher()
    for name, folder in CORPORA.items():
        texts = [
            _TAG.sub(" ", f.read_text(encoding="utf-8", errors="replace"))
            for f in sorted(folder.rglob("*.tml"))
        ]
        if not texts:
            print(f"{name}: not found under {folder}")
            continue
        layouts = [Layout(t) for t in texts]
        start = time.perf_counter()
        hits = [
            (i, m)
            for i, (t, lay) in enumerate(zip(texts, layouts, strict=True))
            for m in matcher.find(t, lay)
        ]
        took = time.perf_counter() - start
        chars = sum(map(len, texts))
        print(
            f"{name}: {len(texts)} documents, {chars / 1e6:.2f} M characters: {len(hits)} false matches "
            f"({len(hits) / chars * 1e6:.1f} per million characters); matching {chars / took / 1e6:.1f} MB/s"
        )
        for i, m in hits:
            print(f"   {m.news.key}: {texts[i][m.start : m.end][:70]!r}")
    print(f"run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%MZ}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
