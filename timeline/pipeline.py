"""The read phase: content folder -> :class:`~timeline.model.Timeline`. Nothing is written here
except the extraction cache.

Phases, as in MkDocs' own build: collect (load and validate every article), extract (tag and
anchor each article independently: from the cache, or in parallel), then merge (events across
articles). Rendering and writing happen afterwards, elsewhere.

Articles stream through the first two phases: each is read, extracted (or found in the cache)
and handed on while later files are still unread, so at most a few batches of whole articles
are in memory at once. With a :class:`~timeline.store.ResultStore` (``timeline build``), each
full result is parked there at once and only its summary stays in memory for the merge and the
render; that keeps the build's memory from growing with the articles' text.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .cache import ResultCache, context_key
from .chronology import load_chronology
from .content import Article
from .content.loader import iter_article_files, iter_articles
from .events import merge_events
from .execution import ExecutionPlan, iter_extraction
from .extraction import extract_article, reference_today
from .model import ArticleResult, Timeline
from .problems import Problems
from .store import ResultStore, Shared, summary

__all__ = ["collect", "extract_article", "reference_today"]


def collect(
    content_dir: Path,
    *,
    today: dt.date | None = None,
    problems: Problems | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    plan: ExecutionPlan | None = None,
    cache_dir: Path | None = None,
    store: ResultStore | None = None,
) -> Timeline:
    """Read and resolve everything in ``content_dir``.

    ``progress`` wraps the list of article files (it advances as each file is read). With a
    ``store``, the Timeline holds summaries and the store the full results (see the module).
    """
    problems = problems if problems is not None else Problems()
    chronology_file = content_dir / "chronology.yml"
    has_chronology = chronology_file.is_file()
    chronology = load_chronology(chronology_file if has_chronology else None)
    ref = reference_today(chronology, today)
    files: Iterable[tuple[Path, str]] = iter_article_files(content_dir, problems)
    if progress is not None:
        files = progress(files)

    cache = None
    if cache_dir is not None:
        chronology_bytes = chronology_file.read_bytes() if has_chronology else b""
        cache = ResultCache(cache_dir, context_key(chronology_bytes, ref))
    results: list[ArticleResult | None] = []
    waiting: deque[tuple[int, str | None]] = deque()  # sent to extraction: (index in results, cache key)
    shared = Shared()

    def keep(index: int, result: ArticleResult) -> None:
        if store is not None:
            store.put(result)
            result = summary(result, shared)
        results[index] = result

    def to_extract() -> Iterator[Article]:
        """The articles the cache cannot answer; the others are kept on the way."""
        for article in iter_articles(files, problems, today=ref):
            results.append(None)
            key = cache.key(article.digest, article.published, article.path) if cache is not None else None
            hit = cache.get(key) if cache is not None and key is not None else None
            if hit is not None:
                published, timexes, found = hit
                keep(len(results) - 1, ArticleResult(article, published, timexes, found))  # type: ignore[arg-type]
                continue
            waiting.append((len(results) - 1, key))
            yield article

    for result in iter_extraction(to_extract(), chronology, ref, plan):
        index, key = waiting.popleft()
        if cache is not None and key is not None:
            cache.put(key, result)
        keep(index, result)
    if cache is not None:
        cache.prune()
    done = [r for r in results if r is not None]
    events = merge_events(done, chronology)
    return Timeline(done, events, chronology, problems, store)
