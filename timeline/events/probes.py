"""The merge's probes, kept from one build to the next (issue 18).

:func:`~.merge.merge_copies` works in two steps. The probe finds, for each candidate, the earlier
candidates it is similar to (Jaccard >= MERGE_THRESHOLD, no name clash) through the prefix index;
that is nearly all of its cost. The decisions then walk the candidates in order and pick each one's
cluster from those edges: cheap, and done in full every build, so the clusters are exactly a cold
merge's.

A probe reads only the posting lists (token, month) of its prefix tokens and the months its date
reaches, and in each only the entries of earlier candidates (the last POSTING_LIMIT of them). So
its edges are the same as last time unless the candidate is new, its prefix changed (the token
frequencies moved), its repeat status changed, or an earlier candidate entered or left one of those
lists: added, removed, or with a different prefix. :func:`reusable` finds the lists that changed
and from which position, and hands back the last build's edges of every other candidate; the merge
probes the rest again. A candidate is named by what the probe reads of it (:func:`uid`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..core.results import ArticleEvent

# (granularity, earliest, latest, article, start, end, timex, text): the first five are the merge
# order's key (merge.order_key), the text gives the tokens
Uid = tuple[int, dt.date, dt.date, str, int, int, int, str]
Edges = list[tuple[int, float]]  # (earlier candidate, similarity)


def uid(e: ArticleEvent) -> Uid:
    date = e.date
    return (int(date.granularity), date.earliest, date.latest, e.article, e.start, e.end, e.timex, e.text)


@dataclass
class Probes:
    """One merge's candidates in merge order, and for each its prefix, whether it repeated an
    earlier one exactly (then it was not probed nor indexed) and its edges (by position here)."""

    uids: list[Uid]
    prefixes: list[tuple[str, ...]]
    repeat: list[bool]
    edges: list[Edges]


@dataclass
class MergeMemory:
    """What a merge leaves for the next build's (the build keeps it in its cache, under a key of
    the code, the chronology and today): its probes, and the chronology key events each event's
    text was found to mention."""

    probes: Probes | None = None
    mentions: dict[str, list[str]] = field(default_factory=dict)
    probed: int = 0  # candidates the last merge probed in full (new ones; the others' edges were followed)
    compared: int = 0  # pairs of candidates the last merge compared


def months(first: dt.date, last: dt.date) -> range:
    """The month numbers (year * 12 + month - 1) that [first, last] touches."""
    return range(first.year * 12 + first.month - 1, last.year * 12 + last.month)


def reusable(
    uids: Sequence[Uid],
    prefixes: Sequence[tuple[str, ...]],
    repeat: Sequence[bool],
    window: dt.timedelta,
    before: Probes | None,
    index: Mapping[tuple[str, int], list[int]],
    limit: int,
    similar: Callable[[int, int], float | None],
) -> tuple[list[Edges | None], int]:
    """For each candidate (in merge order), its edges worked out from the last build's, else None
    (a new candidate: probe it); and how many pairs that compared. ``index``: this merge's posting
    lists (token, month) -> candidates, of which a probe reads the last ``limit`` before itself;
    ``similar(i, j)``: the similarity of two candidates when it makes an edge, else None.

    A candidate whose lists read the same entries as last time keeps its edges as they were. One
    whose entries changed keeps its edges to the candidates it still reads, and is compared with
    the candidates it reads now and did not then: the edges a full probe would find, at the cost
    of the difference only."""
    n = len(uids)
    out: list[Edges | None] = [None] * n
    if before is None or len(set(uids)) != n or len(set(before.uids)) != len(before.uids):
        return out, 0  # a candidate named twice cannot be followed: probe everything
    new_pos = {u: i for i, u in enumerate(uids)}
    old_pos = {u: k for k, u in enumerate(before.uids)}
    moved = [new_pos.get(u, -1) for u in before.uids]  # old position -> new (-1: left)
    # posting list -> the places it changed, doubled: 2i at candidate i, 2i - 1 just before it
    dirty: dict[tuple[str, int], list[int]] = {}

    def touch(tokens: Iterable[str], u: Uid, at: int) -> None:
        for month in months(u[1], u[2]):
            for tok in tokens:
                dirty.setdefault((tok, month), []).append(at)

    changed = [True] * n
    old_index: dict[tuple[str, int], list[int]] = {}  # the last merge's lists, old positions
    for k, u in enumerate(before.uids):
        i = moved[k]
        was = () if before.repeat[k] else before.prefixes[k]
        for month in months(u[1], u[2]):
            for tok in was:
                old_index.setdefault((tok, month), []).append(k)
        if i < 0:  # left: it was in the lists just before where it would stand now
            at = bisect.bisect_left(uids, u[:5], key=lambda v: v[:5])
            touch(was, u, 2 * at - 1)
            continue
        now = () if repeat[i] else prefixes[i]
        if repeat[i] == before.repeat[k] and now == was:
            changed[i] = False
        else:
            touch(set(was) ^ set(now), u, 2 * i)
    for i, u in enumerate(uids):
        if u not in old_pos and not repeat[i]:  # new
            touch(prefixes[i], u, 2 * i)
    for places in dirty.values():
        places.sort()

    def same_window(key: tuple[str, int], i: int) -> bool:
        """Whether the last ``limit`` entries before candidate i are those of the last merge: no
        change before i, or at least ``limit`` unchanged entries between the last change and i."""
        places = dirty.get(key)
        if not places or places[0] >= 2 * i:
            return True
        last = places[bisect.bisect_left(places, 2 * i) - 1]
        posted = index.get(key, ())
        return bisect.bisect_left(posted, i) - bisect.bisect_right(posted, last // 2) >= limit

    # the candidates that read a list that changed before them: a probe reaches 31 days either side
    # of its date, so its own months (where the index holds it) are within two of the list's month
    suspect: set[int] = set()
    for key, places in dirty.items():
        tok, month = key
        for near in range(month - 2, month + 3):
            for i in index.get((tok, near), ()):
                if 2 * i > places[0] and i not in suspect:
                    u = uids[i]
                    if month in months(u[1] - window, u[2] + window) and not same_window(key, i):
                        suspect.add(i)
    compared = 0
    for i, u in enumerate(uids):
        was_at = old_pos.get(u)
        if repeat[i] or was_at is None or before.repeat[was_at]:
            continue  # a repeat is not probed; a new candidate is probed in full
        probe = months(u[1] - window, u[2] + window)
        edges = [(moved[j], sim) for j, sim in before.edges[was_at]]
        if not changed[i] and i not in suspect:
            out[i] = edges
            continue
        reads = _reads(index, prefixes[i], probe, i, limit)
        read_then = {moved[j] for j in _reads(old_index, before.prefixes[was_at], probe, was_at, limit)}
        kept = [(j, sim) for j, sim in edges if j in reads]
        for j in reads - read_then:
            compared += 1
            sim = similar(i, j)
            if sim is not None:
                kept.append((j, sim))
        out[i] = kept
    return out, compared


def _reads(
    index: Mapping[tuple[str, int], list[int]], prefix: Iterable[str], probe: range, i: int, limit: int
) -> set[int]:
    """The entries a probe of candidate ``i`` reads: of each of its lists, the last ``limit``
    entries before ``i``."""
    found: set[int] = set()
    for tok in prefix:
        for month in probe:
            posted = index.get((tok, month))
            if posted:
                end = bisect.bisect_left(posted, i)
                found.update(posted[max(0, end - limit) : end])
    return found
