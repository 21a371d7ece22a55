"""The machine-readable view (``timeline extract --json``): one JSON-ready dict per file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .content import read_article
from .core.chronology import load_chronology
from .core.problems import Problems
from .core.results import ArticleResult
from .pipeline.extraction import extract_article, reference_today
from .pipeline.read_phase import date_from_corpus


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def result_record(result: ArticleResult) -> dict[str, Any]:
    """The JSON shape documented in README ("timeline extract")."""
    pub = result.published
    article = result.article
    return {
        "path": article.path,
        "title": article.title,
        "published": {
            **pub.record(),
            "evidence": [
                {"text": e.text, "start": e.start, "end": e.end, "reason": e.reason, "source": e.source}
                | ({"articles": list(e.articles)} if e.source == "corpus" else {})
                for e in pub.evidence
            ],
        },
        "timexes": [
            {
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type.value,
                "value": t.timex3(),
                "earliest": _iso(t.earliest),
                "latest": _iso(t.latest),
                "anchor": t.anchor.value,
                "rule": t.rule,
                "notes": list(t.notes),
            }
            for t in result.timexes
        ],
        "events": [
            {
                "date": e.date.timex3(),
                "earliest": _iso(e.date.earliest),
                "latest": _iso(e.date.latest),
                "text": e.text,
                "timex": e.timex,
            }
            for e in result.events
        ],
    }


def extract_files(
    paths: list[Path],
    *,
    published: dt.date | None = None,
    chronology_file: Path | None = None,
    problems: Problems,
    today: dt.date | None = None,
) -> Iterator[dict[str, Any]]:
    """Records for each readable file in ``paths`` (unreadable ones are reported in ``problems``).

    The files are one corpus, as in ``timeline build``: the dated ones (``published`` in their
    metadata) help place the undated ones (:func:`timeline.pipeline.read_phase.date_from_corpus`)."""
    chronology = load_chronology(chronology_file, today=today)
    ref = reference_today(chronology, today)
    results = []
    for path in paths:
        shown = path.as_posix()
        if not path.is_file():
            problems.error(shown, "no such file", "give paths of article files")
            continue
        article = read_article(path, shown, problems, today=ref)
        if article is None:
            continue
        if published is not None:
            article.published = published
        results.append(extract_article(article, chronology, ref))
    for index, result in date_from_corpus(results, chronology, ref):
        results[index] = result
    for result in results:
        yield result_record(result)
