"""The events step of a build: the candidates of all articles -> ranked events (issue 17).

1. :func:`.merge.merge_copies`: near-copies of one report joined (token-set Jaccard, any date
   precision; conflicts between reports flagged);
2. :func:`.cluster.join_reports`: the reports of one happening on one day joined across outlets by
   the rare words they share;
3. :func:`.rank.rank_events`: every event scored by newsworthiness, from the corpus alone.
"""

from __future__ import annotations

from typing import Any

from ..core.results import ArticleResult, Event
from .cluster import join_reports, joined_event
from .merge import merge_copies, unique_ids
from .probes import MergeMemory
from .rank import rank_events, sources_of


def merge_events(
    results: list[ArticleResult], chronology: Any, memory: MergeMemory | None = None
) -> list[Event]:
    """All articles' candidates merged into events, sorted by (date.earliest, -score, id); the score
    is :func:`timeline.events.rank.rank_events`'s (newsworthiness, from the corpus alone).

    Candidates dated entirely outside the chronology's window (``chronology.window``) are background
    ("in December 1990"), not events of this chronology, and are left out. ``memory``: what the
    last build's merge left (:class:`.probes.MergeMemory`), updated for the next; same events.
    """
    sources = sources_of(results)
    outlets = {slug: src.outlet for slug, src in sources.items()}
    copies = merge_copies(results, chronology, memory)
    events = [joined_event(group) for group in join_reports(copies, lambda slug: outlets.get(slug, slug))]
    unique_ids(events)
    rank_events(events, sources)
    events.sort(key=lambda e: (e.date.earliest, -e.score, e.id))
    return events
