"""Run per-article extraction serially, in a local process pool, or on a Dask cluster.

Extraction of one article depends only on that article, the chronology and 'today', so it
parallelises trivially; results are returned in input order, which keeps every executor's output
byte-identical to the serial run. Rendering and writing always stay on this machine.

:func:`iter_extraction` takes the articles as they are read and hands each result on as soon as
it is ready: only a few batches per worker are in flight, so memory does not grow with the number
of articles (``Executor.map`` would submit, and hold, every article at once).
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from ..anchoring.cues import Cue
from ..content import Article
from ..core.chronology import Chronology
from ..core.errors import TimelineError
from ..core.results import ArticleResult
from .extraction import Kept, extract_article, place_again

EXECUTORS = ("auto", "serial", "process", "dask")
# Below this many articles to extract, starting worker processes costs more than it saves.
POOL_THRESHOLD = 64
BATCH = 16  # articles per task sent to a worker process
IN_FLIGHT = 4  # tasks queued per worker: keeps the workers busy, bounds what waits in memory
DASK_BATCH = 512  # articles handed to a Dask cluster at a time


class ExecutorError(TimelineError):
    """The requested executor cannot run (e.g. Dask is not installed); says what to do."""


@dataclass(frozen=True)
class ExecutionPlan:
    executor: str = "auto"
    jobs: int = 0  # 0: one per core
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


_STATE: dict[str, object] = {}


def _init_worker(chronology: Chronology, today: dt.date, keep_reading: bool = False) -> None:
    gc.enable()  # forked from a build that paused it (pipeline/build.py): tagging makes and drops cycles
    _STATE["chronology"] = chronology
    _STATE["today"] = today
    _STATE["keep"] = keep_reading


# An article to extract; or an article with clues from outside it (the corpus pass), and what its
# first result kept when it kept something (:class:`~timeline.pipeline.extraction.FirstReading`).
Work = Article | tuple[Article, Sequence[Cue]] | tuple[Article, Sequence[Cue], Kept]


def _extract_one(
    item: Work, chronology: Chronology, today: dt.date, keep_reading: bool = False
) -> ArticleResult:
    if isinstance(item, Article):
        return extract_article(item, chronology, today, keep_reading=keep_reading)
    if len(item) == 3:
        return place_again(item[0], item[2], chronology, today, item[1])
    return extract_article(item[0], chronology, today, item[1])


def _article(item: Work) -> Article:
    return item if isinstance(item, Article) else item[0]


def _extract_batch(batch: list[Work]) -> list[ArticleResult]:
    results = []
    chronology, today, keep = _STATE["chronology"], _STATE["today"], _STATE["keep"]
    for item in batch:
        result = _extract_one(item, chronology, today, keep)  # type: ignore[arg-type]
        result.article = None  # type: ignore[assignment]  # the parent has it; don't ship text back
        results.append(result)
    return results


def _batches(articles: Iterable[Work], size: int) -> Iterator[list[Work]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def run_extraction(
    articles: Sequence[Article],
    chronology: Chronology,
    today: dt.date,
    plan: ExecutionPlan | None = None,
    progress: Callable[[Iterable[ArticleResult]], Iterable[ArticleResult]] | None = None,
) -> list[ArticleResult]:
    """One result per article, in the order given."""
    results = iter_extraction(articles, chronology, today, plan)
    return list(progress(results) if progress is not None else results)


def iter_extraction(
    articles: Iterable[Work],
    chronology: Chronology,
    today: dt.date,
    plan: ExecutionPlan | None = None,
    *,
    keep_reading: bool = False,
) -> Iterator[ArticleResult]:
    """One result per article, in the order given, each as soon as it is ready; ``articles`` is read
    only as far as the workers need (a few batches ahead). An item may be (article, clues from
    outside it[, what its first result kept]), as the corpus pass sends them. ``keep_reading``: the
    undated articles' results keep their reading for the corpus pass
    (:func:`~timeline.pipeline.extraction.extract_article`)."""
    plan = plan or ExecutionPlan()
    if plan.executor not in EXECUTORS:
        raise ExecutorError(f"unknown executor {plan.executor!r}; choose one of {', '.join(EXECUTORS)}")
    kind = plan.executor
    pending: Iterator[Work] = iter(articles)
    if kind == "auto":
        head = list(islice(pending, POOL_THRESHOLD))
        kind = "process" if plan.workers() > 1 and len(head) >= POOL_THRESHOLD else "serial"
        pending = chain(head, pending)
    if kind == "serial":
        return (_extract_one(a, chronology, today, keep_reading) for a in pending)
    if kind == "process":
        return _process_pool(pending, chronology, today, plan.workers(), keep_reading)
    return _dask(pending, chronology, today, plan, keep_reading)


def _process_pool(
    articles: Iterator[Work], chronology: Chronology, today: dt.date, workers: int, keep_reading: bool
) -> Iterator[ArticleResult]:
    first = list(islice(articles, BATCH))
    if not first:
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        # Compile the tagger's rules once here (seconds); forked workers inherit them.
        from ..temporal import tag

        tag("")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(chronology, today, keep_reading),
    ) as pool:
        waiting: deque[tuple[list[Work], Future[list[ArticleResult]]]] = deque()
        for batch in chain([first], _batches(articles, BATCH)):
            waiting.append((batch, pool.submit(_extract_batch, batch)))
            if len(waiting) >= workers * IN_FLIGHT:
                yield from _attach(*waiting.popleft())
        while waiting:
            yield from _attach(*waiting.popleft())


def _attach(batch: list[Work], future: Future[list[ArticleResult]]) -> Iterator[ArticleResult]:
    for item, result in zip(batch, future.result(), strict=True):
        result.article = _article(item)
        yield result


def _dask(
    articles: Iterator[Work], chronology: Chronology, today: dt.date, plan: ExecutionPlan, keep_reading: bool
) -> Iterator[ArticleResult]:
    try:
        import distributed  # untyped; kept behind Any
    except ImportError:
        raise ExecutorError(
            "--executor dask needs Dask: pip install 'news-timeline[dask]' (or dask[distributed])"
        ) from None
    first = list(islice(articles, DASK_BATCH))
    if not first:
        return iter(())
    batches = chain([first], _batches(articles, DASK_BATCH))
    return _on_dask(distributed, batches, chronology, today, plan, keep_reading)


def _on_dask(
    dask: Any,
    batches: Iterator[list[Work]],
    chronology: Chronology,
    today: dt.date,
    plan: ExecutionPlan,
    keep_reading: bool,
) -> Iterator[ArticleResult]:
    cluster: Any = None
    if plan.scheduler:
        client: Any = dask.Client(plan.scheduler)
    else:
        cluster = dask.LocalCluster(
            n_workers=plan.workers(), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = dask.Client(cluster)
    try:
        chrono = client.scatter(chronology, broadcast=True)
        for batch in batches:
            futures = client.map(
                _extract_one, batch, chronology=chrono, today=today, keep_reading=keep_reading, pure=False
            )
            yield from client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
