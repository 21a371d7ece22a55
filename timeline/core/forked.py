"""Worker processes forked from this one, for pure work over data this process already holds.

Forked workers inherit the data (a prefix index, a build's rendering context) instead of being
sent it; the merge's probes (events/probing.py) and the write phase (output/writer.py) use them.
Where fork is missing, or one process would do, there are none and the caller works alone.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor


@contextlib.contextmanager
def fork_pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of ``workers`` forked processes, shut down on leaving; None when ``workers`` < 2 or
    the platform cannot fork. The heap is frozen meanwhile, so the workers' garbage collector
    leaves the inherited objects alone (and so does not copy their pages)."""
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    gc.freeze()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)
        gc.unfreeze()
