"""The read phase: content folder -> :class:`~timeline.model.Timeline`. Nothing is written here
except the extraction cache.

Phases, as in MkDocs' own build: collect (load and validate every article), extract (tag and
anchor each article independently: from the cache, or in parallel), then merge (events across
articles). Rendering and writing happen afterwards, elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .cache import ResultCache, context_key
from .chronology import load_chronology
from .content import load_articles
from .events import merge_events
from .execution import ExecutionPlan, run_extraction
from .extraction import extract_article, reference_today
from .model import ArticleResult, Timeline
from .problems import Problems

__all__ = ["collect", "extract_article", "reference_today"]


def collect(
    content_dir: Path,
    *,
    today: dt.date | None = None,
    problems: Problems | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    plan: ExecutionPlan | None = None,
    cache_dir: Path | None = None,
) -> Timeline:
    """Read and resolve everything in ``content_dir``."""
    problems = problems if problems is not None else Problems()
    chronology_file = content_dir / "chronology.yml"
    has_chronology = chronology_file.is_file()
    chronology = load_chronology(chronology_file if has_chronology else None)
    ref = reference_today(chronology, today)
    articles = load_articles(content_dir, problems, today=ref)

    cache = None
    if cache_dir is not None:
        chronology_bytes = chronology_file.read_bytes() if has_chronology else b""
        cache = ResultCache(cache_dir, context_key(chronology_bytes, ref))
    results: list[ArticleResult | None] = [None] * len(articles)
    todo = []
    keys = []
    for i, article in enumerate(articles):
        if cache is not None:
            key = cache.key(article.digest, article.published, article.path)
            keys.append(key)
            hit = cache.get(key)
            if hit is not None:
                published, timexes, found = hit
                results[i] = ArticleResult(article, published, timexes, found)  # type: ignore[arg-type]
                continue
        todo.append(i)
    fresh = run_extraction([articles[i] for i in todo], chronology, ref, plan, progress)
    for i, result in zip(todo, fresh, strict=True):
        results[i] = result
        if cache is not None:
            cache.put(keys[i], result)
    if cache is not None:
        cache.prune()
    done = [r for r in results if r is not None]
    events = merge_events(done, chronology)
    return Timeline(done, events, chronology, problems)
