"""How far can dates learned from the corpus go? A ceiling analysis on the dense real corpus.

For each hidden article of ``timeline eval-published FILE --hide 0.2 --seed N`` (the same
articles: the same shuffle), it asks whether the dated articles could have taught its day at
all: is there a dated article within 3 days of its true date that shares its news, and is it at
least as similar as the best dated article elsewhere? Similarity is measured two ways: with the
tool's fingerprint (:func:`timeline.anchoring.corpus.news_terms`, weighed by
:class:`~timeline.anchoring.corpus.CorpusIndex`: rarity x burstiness, cosine) and with plain
TF-IDF over whole articles (the kNN baseline of the evaluation). The fingerprint here is of the
whole text (the pipeline leaves out sentences that recall dated old news; a small difference).

Figures, each a share of the hidden articles:

- ``oracle_neighbour``: the most similar dated article within 3 days of the truth is at least
  as similar as the most similar one elsewhere (a method that trusts the best neighbour, and
  always finds the true-date one when it ties, places this share within 3 days);
- ``near_in_top_k``: a dated article within 3 days of the truth is among the K most similar;
  ``chance_top_k``: the same for K dated articles drawn at random (in a dense pile a week holds
  a tenth of the dated articles, so much of ``near_in_top_k`` is chance);
- ``shares_news``: a dated article within 3 days of the truth has a cosine of at least THIN
  (the corpus clue's "thin evidence" line) with it;
- ``no_neighbour``: no dated article reaches the corpus clue's least similarity at all;
- with ``--rows`` (the JSON of ``timeline eval-published ... --json``, same seed): ``no_clue``,
  the articles whose estimate cites no evidence at all; ``ours``, ``knn`` and
  ``oracle_ours_or_knn`` (the better of the tool's and the plain kNN's day, article by article,
  within 3 days); ``oracle_ours_or_neighbour`` and ``oracle_ours_or_top_5`` (the tool's day when
  it is within 3 days, else a perfect choice of the best neighbour, or among the five nearest).

    python benchmarks/corpus_ceiling.py --seed 1 --rows eval-seed1.json

Reads ``../shared/eval/war-news-corpus/2022h1.jsonl.gz`` at run time; writes nothing. The
figures go into site_src/guide/dates.md with the date and the commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.anchoring.corpus import MIN_SIMILARITY, CorpusIndex, DatedArticle, news_terms  # noqa: E402
from timeline.anchoring.corpus_clue import THIN  # noqa: E402
from timeline.evaluation.published import plain_similarity, read_articles  # noqa: E402

CORPUS = ROOT.parent / "shared" / "eval" / "war-news-corpus" / "2022h1.jsonl.gz"
WITHIN = 3
TOP_K = (1, 5, 20)

Scores = dict[int, float]


def hidden_set(n: int, hide: float, seed: int) -> set[int]:
    """The articles ``run_pubdate_eval`` hides: the same shuffle, the same share."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return set(order[: round(hide * n)])


def fingerprint_scores(articles: list[dict[str, Any]], hidden: set[int]) -> Callable[[int], Scores]:
    """Cosine of the tool's weighed fingerprints: a hidden article against every dated one."""
    terms = [news_terms(f"{a['title']}\n\n{a['text']}") for a in articles]
    dated_ids = [n for n in range(len(articles)) if n not in hidden]
    dated = [(DatedArticle(str(n), "", articles[n]["published"]), terms[n]) for n in dated_ids]
    index = CorpusIndex.build(dated, [terms[n] for n in sorted(hidden)])
    full = [index.vector(terms[n], 10**6) for n in dated_ids]
    postings: dict[int, list[tuple[int, float]]] = {}
    for m, vector in enumerate(full):
        for k, y in vector.items():
            postings.setdefault(k, []).append((dated_ids[m], y))

    def scores(n: int) -> Scores:
        out: Scores = {}
        for k, x in index.vector(terms[n], 10**6).items():
            for m, y in postings.get(k, ()):
                out[m] = out.get(m, 0.0) + x * y
        return out

    return scores


def ceiling(
    articles: list[dict[str, Any]], hidden: Sequence[int], scores: Callable[[int], Scores]
) -> tuple[dict[str, float], dict[int, tuple[bool, bool]]]:
    """The shares of the module's docstring for one similarity, and each article's oracle."""
    counts: dict[str, float] = {"oracle_neighbour": 0, "shares_news": 0, "no_neighbour": 0}
    counts.update({f"near_in_top_{k}": 0 for k in TOP_K})
    counts.update({f"chance_top_{k}": 0.0 for k in TOP_K})
    hidden_ids = set(hidden)
    per_day = Counter(articles[m]["published"] for m in range(len(articles)) if m not in hidden_ids)
    dated = sum(per_day.values())
    oracle: dict[int, tuple[bool, bool]] = {}  # (oracle neighbour, a near one in the top 5)
    for n in hidden:
        truth = articles[n]["published"]
        found = scores(n)
        near = [s for m, s in found.items() if abs((articles[m]["published"] - truth).days) <= WITHIN]
        far = [s for m, s in found.items() if abs((articles[m]["published"] - truth).days) > WITHIN]
        best_near, best_far = max(near, default=0.0), max(far, default=0.0)
        best = best_near > 0 and best_near >= best_far
        counts["oracle_neighbour"] += best
        counts["shares_news"] += best_near >= THIN
        counts["no_neighbour"] += max(best_near, best_far) < MIN_SIMILARITY
        ranked = sorted(found.items(), key=lambda ms: (-ms[1], ms[0]))
        for k in TOP_K:
            counts[f"near_in_top_{k}"] += any(
                abs((articles[m]["published"] - truth).days) <= WITHIN for m, _ in ranked[:k]
            )
        # k dated articles drawn at random: how often one of them is near by chance alone
        q = sum(per_day[truth + dt.timedelta(days=o)] for o in range(-WITHIN, WITHIN + 1)) / dated
        for k in TOP_K:
            counts[f"chance_top_{k}"] += 1.0 - (1.0 - q) ** k
        top5 = any(abs((articles[m]["published"] - truth).days) <= WITHIN for m, _ in ranked[:5])
        oracle[n] = (best, top5)
    return {key: round(100 * v / len(hidden), 1) for key, v in counts.items()}, oracle


def with_rows(
    rows: list[dict[str, Any]], oracle: dict[int, tuple[bool, bool]], ids: dict[str, int]
) -> dict[str, float]:
    """The figures that need the evaluation's own rows (``--rows``)."""

    def near(value: Any) -> bool:
        return value is not None and abs(value) <= WITHIN

    n = len(rows)
    share = {
        "ours": sum(near(r["error_days"]) for r in rows),
        "knn": sum(near(r["knn_error_days"]) for r in rows),
        "oracle_ours_or_knn": sum(near(r["error_days"]) or near(r["knn_error_days"]) for r in rows),
        "oracle_ours_or_neighbour": sum(near(r["error_days"]) or oracle[ids[r["id"]]][0] for r in rows),
        "oracle_ours_or_top_5": sum(near(r["error_days"]) or oracle[ids[r["id"]]][1] for r in rows),
        "no_clue": sum(r["cues"] == 0 for r in rows),
    }
    return {key: round(100 * v / n, 1) for key, v in share.items()}


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--hide", type=float, default=0.2)
    p.add_argument("--rows", type=Path, help="the JSON of timeline eval-published --json, same seed")
    args = p.parse_args(argv)
    if not args.corpus.is_file():
        print(f"{args.corpus}: not found (the shared evaluation data)", file=sys.stderr)
        return 1
    articles = read_articles(args.corpus)
    hidden = hidden_set(len(articles), args.hide, args.seed)
    order = sorted(hidden)
    out: dict[str, Any] = {"corpus": str(args.corpus), "seed": args.seed, "hidden": len(order)}
    out["fingerprint"], oracle = ceiling(articles, order, fingerprint_scores(articles, hidden))
    out["tfidf"], _ = ceiling(articles, order, plain_similarity(articles, hidden))
    if args.rows:
        report = json.loads(args.rows.read_text("utf-8"))
        if report.get("seed") != args.seed:
            print(f"{args.rows}: seed {report.get('seed')}, not {args.seed}", file=sys.stderr)
            return 1
        ids = {articles[n]["id"]: n for n in order}
        out["eval"] = with_rows(report["rows"], oracle, ids)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
