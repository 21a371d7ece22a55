"""Publication-date evaluation: hide each article's date, infer it, compare.

Input is JSON Lines with ``{id, source, url, published, title, text}``. Only the title
and text are shown to the inference; ``published`` is the truth. The baseline takes the
latest full date (day, month and year) written in the text.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import shutil
import statistics
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from timeline.anchoring.model import EstimateSource
from timeline.core.errors import TimelineError
from timeline.core.thresholds import HIGH_CONFIDENCE
from timeline.temporal.values import AnchorKind, DateValue, Granularity

from .jsonl import read_records


class EvalInputError(TimelineError, ValueError):
    """The JSONL file cannot be used; the message names the file and line."""


def read_articles(jsonl: Path) -> list[dict[str, Any]]:
    return read_records(
        jsonl,
        _article,
        error=EvalInputError,
        what="",
        expected="a JSON object with 'published' (YYYY-MM-DD) and 'text'",
    )


def _article(n: int, raw: Any) -> dict[str, Any]:
    published = dt.date.fromisoformat(str(raw["published"])[:10])  # first: a line not an object fails here
    return {
        "id": str(raw.get("id", n)),
        "title": str(raw.get("title") or ""),
        "url": raw.get("url") if isinstance(raw.get("url"), str) else None,
        "source": raw.get("source") if isinstance(raw.get("source"), str) else None,
        "text": str(raw.get("text") or ""),
        "published": published,
    }


_PLAIN_WORD = re.compile(r"\b\w\w+\b")  # scikit-learn's default token pattern
PLAIN_NEIGHBOURS = 5
PLAIN_MAX_DF = 0.5  # words in more than half the articles are left out (they barely move the cosine)


def plain_similarity(articles: list[dict[str, Any]], hidden: set[int]) -> Callable[[int], dict[int, float]]:
    """The plain method's similarity: TF-IDF vectors of whole articles (title and text, lower-cased
    words), and for an article, its cosine with every dated (not ``hidden``) article sharing a word."""
    counts = [Counter(w.lower() for w in _PLAIN_WORD.findall(f"{a['title']} {a['text']}")) for a in articles]
    total = len(counts)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {w: math.log((1 + total) / (1 + n)) + 1 for w, n in df.items() if n <= PLAIN_MAX_DF * total}
    vectors = []
    for c in counts:
        raw = {w: tf * idf[w] for w, tf in c.items() if w in idf}
        norm = math.sqrt(sum(x * x for x in raw.values())) or 1.0
        vectors.append({w: x / norm for w, x in raw.items()})
    postings: dict[str, list[tuple[int, float]]] = {}
    for n, vector in enumerate(vectors):
        if n not in hidden:
            for w, x in vector.items():
                postings.setdefault(w, []).append((n, x))

    def scores(n: int) -> dict[int, float]:
        out: dict[int, float] = {}
        for w, x in vectors[n].items():
            for m, y in postings.get(w, ()):
                out[m] = out.get(m, 0.0) + x * y
        return out

    return scores


def knn_baseline(articles: list[dict[str, Any]], hidden: set[int]) -> dict[int, dt.date]:
    """The plain method to beat: the five dated articles most similar by :func:`plain_similarity`,
    the similarity-weighted median of their dates. No tables, no knowledge of the war, no clues
    from the text."""
    similarity = plain_similarity(articles, hidden)
    out = {}
    for n in sorted(hidden):
        top = sorted(similarity(n).items(), key=lambda ms: (-ms[1], ms[0]))[:PLAIN_NEIGHBOURS]
        if not top:
            continue
        dates = sorted((articles[m]["published"], s) for m, s in top)
        half, acc = sum(s for _, s in dates) / 2, 0.0
        for day, s in dates:
            acc += s
            if acc >= half:
                out[n] = day
                break
    return out


def latest_full_date(timexes: list[Any]) -> dt.date | None:
    days = [
        t.value.earliest
        for t in timexes
        if t.anchor == AnchorKind.NONE
        and isinstance(t.value, DateValue)
        and t.value.granularity <= Granularity.DAY
    ]
    return max(days) if days else None


def run_pubdate_eval(
    jsonl: Path,
    chronology_file: Path | None,
    today: dt.date,
    *,
    use_url: bool = True,
    hide: float | None = None,
    seed: int = 0,
    learn: bool = True,
    plan: Any = None,
) -> dict[str, Any]:
    """Infer the dates of articles whose true date is hidden; return metrics and per-article rows.

    The articles go through the same pipeline as ``timeline build``
    (:func:`timeline.pipeline.read_phase.collect`): they are written as content files into a
    temporary folder and read, extracted and dated there, as one corpus. Without ``hide`` every
    date is hidden and the address is a clue like the
    text (``use_url=False`` measures the text alone). With ``hide`` (a share, e.g. 0.2), a random
    share of the articles (``seed``) lose their date and their address; the others keep both as
    metadata and teach the pipeline when the hidden ones were written (``learn``). Only hidden
    articles are scored."""
    from timeline.core.problems import Problems
    from timeline.pipeline.read_phase import collect
    from timeline.pipeline.store import ResultStore

    articles = read_articles(jsonl)
    order = list(range(len(articles)))
    hidden = set(order)
    if hide is not None:
        random.Random(seed).shuffle(order)
        hidden = set(order[: round(hide * len(articles))])
    plain = knn_baseline(articles, hidden) if hide is not None else {}
    with tempfile.TemporaryDirectory(prefix="timeline-eval-") as tmp:
        content = Path(tmp) / "content"
        folder = content / "articles"
        folder.mkdir(parents=True)
        if chronology_file is not None:
            shutil.copyfile(chronology_file, content / "chronology.yml")
        names = {}
        for n, art in enumerate(articles):
            meta: dict[str, Any] = {"source": art["source"]} if art["source"] else {}
            if n not in hidden:
                meta["published"] = art["published"]
            if (n not in hidden or hide is None) and use_url and art["url"]:
                meta["url"] = art["url"]
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) if meta else ""
            title = " ".join(art["title"].split())
            body = f"{title}\n\n{art['text']}" if title else art["text"]
            names[n] = f"articles/{n:06d}.md"
            (content / names[n]).write_text(f"---\n{front}---\n{body}\n" if front else body, "utf-8")
        problems = Problems()
        with ResultStore(Path(tmp)) as store:
            timeline = collect(
                content,
                today=today,
                problems=problems,
                plan=plan,
                cache_dir=Path(tmp) / "cache",
                store=store,
                learn=learn,
            )
            by_path = {r.article.path: r for r in timeline.articles}
            dated = {
                r.article.slug: r.published.value
                for r in timeline.articles
                if r.published.source is EstimateSource.METADATA
            }
            rows = []
            for n in sorted(hidden):
                summary_result = by_path.get(names[n])
                if summary_result is None:
                    continue  # skipped by the loader (reported in problems)
                result = timeline.full(summary_result)
                rows.append(_row(articles[n], result.published, result.timexes, plain.get(n), dated))
    report = _report(str(jsonl), today, rows)
    report["hidden"] = hide
    report["seed"] = seed if hide is not None else None
    report["corpus_learning"] = learn and hide is not None
    report["dated_articles"] = len(articles) - len(hidden)
    return report


def _row(
    art: dict[str, Any],
    est: Any,
    timexes: list[Any],
    plain: dt.date | None,
    dated: dict[str, dt.date | None] | None = None,
) -> dict[str, Any]:
    truth: dt.date = art["published"]
    base = latest_full_date(timexes)
    # the days of the dated articles the corpus clue names: how near the best of them is to the
    # truth says what a perfect choice among them could reach (the ceiling of the neighbours)
    named = [(dated or {}).get(slug) for e in est.evidence if e.source == "corpus" for slug in e.articles]
    near = min((abs((d - truth).days) for d in named if d is not None), default=None)
    return {
        "id": art["id"],
        "published": truth.isoformat(),
        "value": est.value.isoformat() if est.value else None,
        "earliest": est.earliest.isoformat() if est.earliest else None,
        "latest": est.latest.isoformat() if est.latest else None,
        "confidence": est.confidence,
        "error_days": (est.value - truth).days if est.value else None,
        "covered": bool(est.earliest and est.latest and est.earliest <= truth <= est.latest),
        "width_days": est.width_days,
        "baseline": base.isoformat() if base else None,
        "baseline_error_days": (base - truth).days if base else None,
        "cues": len(est.evidence),
        "corpus": any(e.source == "corpus" for e in est.evidence),
        "knn": plain.isoformat() if plain else None,
        "knn_error_days": (plain - truth).days if plain else None,
        "nearest_named_days": near,
    }


def _report(file: str, today: dt.date, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "file": file,
        "today": today.isoformat(),
        "articles": len(rows),
        "inferred": _metrics(rows, "error_days"),
        "baseline": _metrics(rows, "baseline_error_days"),
        "knn_baseline": _metrics(rows, "knn_error_days"),
        "coverage": _share(sum(r["covered"] for r in rows), len(rows)),
        "median_width_days": statistics.median([r["width_days"] for r in rows if r["width_days"]] or [0]),
        "no_interval": sum(1 for r in rows if r["width_days"] is None),
        "confident_wrong": sum(
            1
            for r in rows
            if r["confidence"] >= HIGH_CONFIDENCE and (r["error_days"] is None or abs(r["error_days"]) > 7)
        ),
        "confident": sum(1 for r in rows if r["confidence"] >= HIGH_CONFIDENCE),
        "with_corpus_clue": sum(1 for r in rows if r["corpus"]),
        # a neighbour named by the corpus clue was published within 3 days of the true date
        "named_within_3": _share(
            sum(1 for r in rows if r["nearest_named_days"] is not None and r["nearest_named_days"] <= 3),
            len(rows),
        ),
        "rows": rows,
    }


def _share(k: int, n: int) -> float:
    return round(k / n, 4) if n else 0.0


def _metrics(rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    n = len(rows)
    errors = [abs(r[key]) for r in rows if r[key] is not None]
    return {
        "with_value": len(errors),
        "exact": _share(sum(e == 0 for e in errors), n),
        "within_1": _share(sum(e <= 1 for e in errors), n),
        "within_3": _share(sum(e <= 3 for e in errors), n),
        "within_7": _share(sum(e <= 7 for e in errors), n),
        "median_abs_error_days": statistics.median(errors) if errors else None,
    }


def format_pubdate_report(report: dict[str, Any]) -> str:
    """A plain-text table of the report, for people."""
    n = report["articles"]
    what = (
        f"{n} hidden articles: {report['hidden']:.0%} hidden, seed {report['seed']}, "
        f"{report['dated_articles']} dated articles teach the tool"
        if report.get("hidden") is not None
        else f"{n} articles"
    )
    lines = [f"Publication-date inference on {report['file']} ({what}, today = {report['today']})", ""]
    plain = report.get("without_corpus")
    knn = report["knn_baseline"] if report.get("hidden") is not None else None
    lines.append(
        f"{'':28}{'inferred':>10}{'baseline':>10}"
        + (f"{'no corpus':>11}" if plain else "")
        + (f"{'kNN':>8}" if knn else "")
    )
    labels = [
        ("with a date", "with_value"),
        ("exact", "exact"),
        ("within 1 day", "within_1"),
        ("within 3 days", "within_3"),
        ("within 7 days", "within_7"),
        ("median |error| (days)", "median_abs_error_days"),
    ]
    for label, key in labels:
        a, b = report["inferred"][key], report["baseline"][key]
        c = f"{_cell(plain['inferred'][key], key):>11}" if plain else ""
        c += f"{_cell(knn[key], key):>8}" if knn else ""
        lines.append(f"{label:28}{_cell(a, key):>10}{_cell(b, key):>10}{c}")
    lines += [
        "",
        "baseline: the latest full date written in the text"
        + ("; no corpus: the same run without corpus learning" if plain else "")
        + (
            "; kNN: plain TF-IDF nearest neighbours (weighted median date of the 5 most similar dated)"
            if knn
            else ""
        ),
        f"interval covers the true date: {report['coverage']:.1%}"
        + (f" (no corpus: {plain['coverage']:.1%})" if plain else ""),
        f"median interval width: {report['median_width_days']} days"
        + (f" ({report['no_interval']} without interval)" if report["no_interval"] else ""),
        f"confidence >= {HIGH_CONFIDENCE}: {report['confident']} articles, "
        f"{report['confident_wrong']} of them more than 7 days off",
    ]
    if report.get("hidden") is not None:
        lines.append(
            "a corpus clue (dated articles reporting the same news) for "
            f"{report['with_corpus_clue']} of {n}; "
            f"for {report['named_within_3']:.1%} of all, one of the dated articles it names was published "
            "within 3 days of the true date (what a perfect choice among them would reach)"
        )
    return "\n".join(lines)


def _cell(v: Any, key: str) -> str:
    if v is None:
        return "-"
    if key in ("with_value", "median_abs_error_days"):
        return str(v)
    return f"{v:.1%}"
