"""Run per-article extraction serially, in a local process pool, or on a Dask cluster.

Extraction of one article depends only on that article, the chronology and 'today', so it
parallelises trivially; results are returned in input order, which keeps every executor's output
byte-identical to the serial run. Rendering and writing always stay on this machine.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from .chronology import Chronology
from .content import Article
from .extraction import extract_article
from .model import ArticleResult

EXECUTORS = ("auto", "serial", "process", "dask")
# Below this many articles to extract, starting worker processes costs more than it saves.
POOL_THRESHOLD = 64


class ExecutorError(Exception):
    """The requested executor cannot run (e.g. Dask is not installed); says what to do."""


@dataclass(frozen=True)
class ExecutionPlan:
    executor: str = "auto"
    jobs: int = 0  # 0: one per core
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


_STATE: dict[str, object] = {}


def _init_worker(chronology: Chronology, today: dt.date) -> None:
    _STATE["chronology"] = chronology
    _STATE["today"] = today


def _extract_in_worker(article: Article) -> ArticleResult:
    result = extract_article(article, _STATE["chronology"], _STATE["today"])  # type: ignore[arg-type]
    result.article = None  # type: ignore[assignment]  # the parent has it; don't ship text back
    return result


def run_extraction(
    articles: Sequence[Article],
    chronology: Chronology,
    today: dt.date,
    plan: ExecutionPlan | None = None,
    progress: Callable[[Iterable[ArticleResult]], Iterable[ArticleResult]] | None = None,
) -> list[ArticleResult]:
    """One result per article, in the order given."""
    plan = plan or ExecutionPlan()
    if plan.executor not in EXECUTORS:
        raise ExecutorError(f"unknown executor {plan.executor!r}; choose one of {', '.join(EXECUTORS)}")
    kind = plan.executor
    if kind == "auto":
        kind = "process" if plan.workers() > 1 and len(articles) >= POOL_THRESHOLD else "serial"
    if kind == "serial" or not articles:
        results: Iterable[ArticleResult] = (extract_article(a, chronology, today) for a in articles)
    elif kind == "process":
        results = _process_pool(articles, chronology, today, plan.workers())
    else:
        results = _dask(articles, chronology, today, plan)
    if progress is not None:
        results = progress(results)
    out = []
    for article, result in zip(articles, results, strict=True):
        result.article = article
        out.append(result)
    return out


def _process_pool(
    articles: Sequence[Article], chronology: Chronology, today: dt.date, workers: int
) -> Iterator[ArticleResult]:
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        # Compile the tagger's rules once here (seconds); forked workers inherit them.
        from .temporal import tag

        tag("")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(chronology, today),
    ) as pool:
        chunk = max(1, min(64, len(articles) // (workers * 8) or 1))
        yield from pool.map(_extract_in_worker, articles, chunksize=chunk)


def _dask(
    articles: Sequence[Article], chronology: Chronology, today: dt.date, plan: ExecutionPlan
) -> list[ArticleResult]:
    try:
        import distributed  # untyped; kept behind Any
    except ImportError:
        raise ExecutorError(
            "--executor dask needs Dask: pip install 'news-timeline[dask]' (or dask[distributed])"
        ) from None
    dask: Any = distributed
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
        futures = client.map(extract_article, list(articles), chronology=chrono, today=today, pure=False)
        return list(client.gather(futures))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
