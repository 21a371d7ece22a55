"""The merge's probe of each candidate (see :mod:`.probes`), on every core when there are many.

A probe reads the prefix index and the candidates' tokens and changes nothing, so the probes of a
cold merge (35,000 candidates at 10,000 real articles, 5 million pairs compared: two thirds of the
merge) are split among forked worker processes, which inherit the index instead of receiving it;
each hands back its candidates' edges, in order. A pair whose sizes alone rule out the threshold is
refused before its tokens are intersected. The edges are the same however the work is split.
"""

from __future__ import annotations

import datetime as dt
import os
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.forked import fork_pool
from .probes import Edges, months

PARALLEL_PROBES = 4000  # fewer probes than this are run here: forking would cost more than it saves
CHUNK = 1000  # probes per task sent to a worker


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def clash(own_a: frozenset[str], all_a: frozenset[str], own_b: frozenset[str], all_b: frozenset[str]) -> bool:
    """Whether each side has one of its ``own`` tokens (names, numbers) that the other lacks."""
    return not own_a <= all_b and not own_b <= all_a


@dataclass
class ProbeIndex:
    """What a probe reads: each candidate's dates, prefix, tokens and names, and the posting lists
    (token, month) -> candidates, of which a probe reads the last ``limit`` before itself."""

    dates: Sequence[tuple[dt.date, dt.date]]
    prefixes: Sequence[tuple[str, ...]]
    tokens: Sequence[frozenset[str]]
    names: Sequence[frozenset[str]]
    index: dict[tuple[str, int], list[int]]
    window: dt.timedelta
    limit: int
    threshold: float

    def similar(self, i: int, j: int) -> float | None:
        """The Jaccard similarity of candidates i and j when it reaches the threshold and their
        names do not clash (each names something the other does not mention), else None."""
        a, b = self.tokens[i], self.tokens[j]
        la, lb = len(a), len(b)
        # |a & b| <= min(la, lb), so Jaccard <= min / (la + lb - min): too small, refuse unseen
        # (the margin keeps every pair the division below would accept)
        small = min(la, lb)
        if small == 0 or small < self.threshold * (la + lb - small) - 1e-9:
            return None
        sim = jaccard(a, b)
        return None if sim < self.threshold or clash(self.names[i], a, self.names[j], b) else sim

    def probe(self, i: int) -> tuple[Edges, int]:
        """Candidate i's edges to earlier candidates, and how many pairs it compared."""
        found: Edges = []
        seen: set[int] = set()
        compared = 0
        first, last = self.dates[i]
        span = months(first - self.window, last + self.window)
        for tok in self.prefixes[i]:
            for month in span:
                posted = self.index.get((tok, month))
                if not posted:
                    continue
                end = bisect_left(posted, i)  # the earlier candidates, the latest ``limit``
                for j in posted[max(0, end - self.limit) : end]:
                    if j in seen:
                        continue
                    seen.add(j)
                    compared += 1
                    sim = self.similar(i, j)
                    if sim is not None:
                        found.append((j, sim))
        return found, compared


_INDEX: list[ProbeIndex] = []  # what forked workers inherit (set just before forking)


def _probe_some(todo: list[int]) -> list[tuple[Edges, int]]:
    index = _INDEX[0]
    return [index.probe(i) for i in todo]


def probe_all(index: ProbeIndex, todo: list[int], workers: int | None = None) -> tuple[dict[int, Edges], int]:
    """The edges of the candidates ``todo`` by candidate, and the pairs compared; in forked workers
    when there are many (``workers``: processes, default one per core)."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    with fork_pool(workers if len(todo) >= PARALLEL_PROBES else 1) as pool:
        if pool is None:
            done = [index.probe(i) for i in todo]
        else:
            _INDEX.append(index)
            try:
                chunks = [todo[n : n + CHUNK] for n in range(0, len(todo), CHUNK)]
                done = [edge for part in pool.map(_probe_some, chunks) for edge in part]
            finally:
                _INDEX.clear()
    edges = {i: found for i, (found, _) in zip(todo, done, strict=True)}
    return edges, sum(compared for _, compared in done)
