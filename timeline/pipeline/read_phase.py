"""The read phase: content folder -> :class:`~timeline.core.results.Timeline`. Nothing is written here
except the extraction cache.

Phases, as in MkDocs' own build: collect (load and validate every article), extract (tag and
anchor each article independently: from the cache, or in parallel), then merge (events across
articles). Rendering and writing happen afterwards, elsewhere.

Articles stream through the first two phases: each is read, extracted (or found in the cache)
and handed on while later files are still unread, so at most a few batches of whole articles
are in memory at once. With a :class:`~timeline.pipeline.store.ResultStore` (``timeline build``), each
full result is parked there at once and only its summary stays in memory for the merge and the
render; that keeps the build's memory from growing with the articles' text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..anchoring.corpus import CorpusIndex, DatedArticle
from ..anchoring.cues import Cue
from ..anchoring.infer import horizon
from ..content import Article
from ..content.loader import iter_article_files, iter_articles
from ..core.chronology import Chronology, load_chronology
from ..core.problems import Problems
from ..core.results import ArticleResult, Timeline
from ..events import merge_events
from .cache import Entry, ResultCache, context_key
from .executors import ExecutionPlan, Work, iter_extraction
from .extraction import FirstReading, extract_article, reference_today
from .merge_memory import MemoryFile
from .store import ResultStore, Shared, summary

__all__ = ["collect", "date_from_corpus", "extract_article", "no_gc", "reference_today"]


def collect(
    content_dir: Path,
    *,
    today: dt.date | None = None,
    problems: Problems | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    plan: ExecutionPlan | None = None,
    cache_dir: Path | None = None,
    store: ResultStore | None = None,
    learn: bool = True,
    result_keys: dict[str, str] | None = None,
    merge_memory: MemoryFile | None = None,
) -> Timeline:
    """Read and resolve everything in ``content_dir``.

    ``progress`` wraps the list of article files (it advances as each file is read). With a
    ``store``, the Timeline holds summaries and the store the full results (see the module).
    ``learn``: date the undated articles from the dated ones too (:func:`date_from_corpus`);
    off only to measure what that adds (``timeline eval-published``). ``result_keys`` (with a
    ``cache_dir``) is filled with each article's cache key by slug, which names its whole result
    (for an article placed again by the corpus pass: the key with its clues). ``merge_memory``
    (with a ``cache_dir``): the last build's merge memory, loaded here under this build's context
    key and updated by the merge; the caller saves it once the build is written.
    """
    problems = problems if problems is not None else Problems()
    chronology_file = content_dir / "chronology.yml"
    has_chronology = chronology_file.is_file()
    chronology = load_chronology(chronology_file if has_chronology else None, today=today)
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
    keys: dict[int, str] = {}  # index in results -> cache key
    shared = Shared()

    def keep(index: int, result: ArticleResult) -> None:
        if store is not None:
            store.put(result)
            result = summary(result, shared)
        results[index] = result

    def to_extract() -> Iterator[Article]:
        """The articles the cache cannot answer; the others are kept on the way."""
        read = functools.partial(cache.read, today=ref) if cache is not None else None
        for article in iter_articles(files, problems, today=ref, read=read):
            results.append(None)
            key = cache.key(article.digest, article.published, article.path) if cache is not None else None
            if key is not None:
                keys[len(results) - 1] = key
            hit = cache.result(key, article) if cache is not None and key is not None else None
            if hit is not None:
                keep(len(results) - 1, hit)
                continue
            waiting.append((len(results) - 1, key))
            yield article

    for result in iter_extraction(to_extract(), chronology, ref, plan, keep_reading=learn):
        index, key = waiting.popleft()
        if cache is not None and key is not None:
            cache.put(key, result)
        keep(index, result)
    done = [r for r in results if r is not None]
    if result_keys is not None:
        for i, r in enumerate(results):
            if r is not None and i in keys:
                result_keys[r.article.slug] = keys[i]
    if learn:
        full = (lambda r: store.get(r.article.slug)) if store is not None else (lambda r: r)
        placed: dict[int, str] = {}  # index in done -> cache key of its result with its clues
        for index, result in date_from_corpus(done, chronology, ref, full, plan, cache, keys, placed):
            if store is not None:
                store.put(result)
                result = summary(result, shared)
            done[index] = result
            if result_keys is not None:
                # the key with the clues names the whole result, so its page can be kept too
                if index in placed:
                    result_keys[result.article.slug] = placed[index]
                else:
                    result_keys.pop(result.article.slug, None)
    if cache is not None:
        cache.prune()
    memory = merge_memory.load(cache.context) if merge_memory is not None and cache is not None else None
    events = merge_events(done, chronology, memory)
    return Timeline(done, events, chronology, problems, store)


def date_from_corpus(
    results: Sequence[ArticleResult],
    chronology: Chronology,
    today: dt.date,
    full: Callable[[ArticleResult], ArticleResult] = lambda r: r,
    plan: ExecutionPlan | None = None,
    cache: ResultCache | None = None,
    keys: Mapping[int, str] = MappingProxyType({}),
    placed: dict[int, str] | None = None,
) -> Iterator[tuple[int, ArticleResult]]:
    """The second pass: the dated articles of ``results`` (metadata) teach when the undated ones
    were written (:mod:`timeline.anchoring.corpus`). Yields (index, new result) for each undated
    article that reports the same news as dated ones, extracted again with that clue. ``full``
    gives an article's whole result when ``results`` hold summaries. With a ``cache`` and the
    articles' cache ``keys`` (by index), a result given the same clue is taken from the cache, so
    an incremental build extracts again only the undated articles whose clue changed; ``placed``
    is then filled with the cache key of each result yielded (by index), which names it whole."""
    dated = [
        (DatedArticle(r.article.slug, r.article.title, r.published.value), r.terms)
        for r in results
        if r.published.source == "metadata" and r.published.value is not None and r.terms is not None
    ]
    undated = [i for i, r in enumerate(results) if r.published.source != "metadata" and r.terms is not None]
    if not dated or not undated:
        return
    with no_gc():  # millions of small objects and no cycles: the collector would only rescan the pile
        index = CorpusIndex.build(dated, [results[i].terms for i in undated])  # type: ignore[misc]
    span = horizon(chronology, today)
    pending: deque[tuple[int, str | None]] = deque()  # sent to extraction: (index, cache key with clues)
    hits: deque[tuple[int, Entry]] = deque()  # found in the cache, not yet handed on

    def work() -> Iterator[Work]:
        """Each undated article's clue, worked out while the workers extract the articles before it."""
        for i in undated:
            fingerprint = results[i].terms
            assert fingerprint is not None
            near = index.cue(fingerprint, span)
            if near is None:
                continue
            # dated articles report the same news: their profile picks the day
            profile = index.profile_cue(fingerprint, span)
            # the happenings it dates with "yesterday", "on Saturday" that dated articles date too
            happening = index.happening_cue(fingerprint, span)
            clues = tuple(c for c in (near, profile, happening) if c is not None)
            key = _with_clue(keys[i], clues) if cache is not None and i in keys else None
            if key is not None and placed is not None:
                placed[i] = key
            hit = cache.get(key) if cache is not None and key is not None else None
            if hit is not None:
                hits.append((i, hit))
                continue
            pending.append((i, key))
            yield _again(full(results[i]), clues)  # read back from the store one at a time

    def cached() -> Iterator[tuple[int, ArticleResult]]:
        while hits:
            i, hit = hits.popleft()
            yield i, ResultCache.entry_result(hit, full(results[i]).article)

    for result in iter_extraction(work(), chronology, today, plan):
        i, key = pending.popleft()
        if cache is not None and key is not None:
            cache.put(key, result)
        yield i, result
        yield from cached()
    yield from cached()


def _again(first: ArticleResult, clues: tuple[Cue, ...]) -> Work:
    """What the second pass extracts: the article with its clues, and what its first pass kept
    (the text as read: only the dating and what follows from it are done again)."""
    kept = first.kept() if isinstance(first, FirstReading) else None
    return (first.article, clues) if kept is None else (first.article, clues, kept)


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """The cyclic garbage collector off for a while (back on as it was afterwards). Worker
    processes started meanwhile turn it on again (executors.py): they make and drop cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _with_clue(key: str, cues: Sequence[Cue]) -> str:
    """The cache key of an article's result given corpus clues: the article's own key and the
    clues (their days and weights, and the dated articles they name)."""
    raw = repr(
        [
            key,
            *(
                (c.kind, c.default, sorted(c.daily.items()), c.evidence.reason, c.evidence.articles)
                for c in cues
            ),
        ]
    )
    return hashlib.sha256(raw.encode()).hexdigest()
