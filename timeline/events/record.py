"""JSON-ready explanations of merged events, for the build's chronology data."""

from __future__ import annotations

from typing import Any

from ..core.results import ArticleEvent, Event
from .merge import CONFLICT_THRESHOLD, MERGE_THRESHOLD, content_tokens, similar


def _member(m: ArticleEvent, rep_tokens: frozenset[str]) -> dict[str, Any]:
    return {
        "article": m.article,
        "text": m.text,
        "date": m.date.timex3(),
        "earliest": m.date.earliest.isoformat(),
        "latest": m.date.latest.isoformat(),
        "caption": m.caption,
        "start": m.start,
        "end": m.end,
        "timex": m.timex,
        "similarity": round(similar(content_tokens(m.text), rep_tokens), 3),
    }


def event_record(event: Event) -> dict[str, Any]:
    """One merged event with every member and conflict, and why they were grouped."""
    rep = content_tokens(event.text)
    return {
        "id": event.id,
        "date": event.date.timex3(),
        "earliest": event.date.earliest.isoformat(),
        "latest": event.date.latest.isoformat(),
        "granularity": event.date.granularity.name.lower(),
        "text": event.text,
        "score": event.score,
        "sources": event.sources,
        "anchors": list(event.anchors),
        "members": [_member(m, rep) for m in event.members],
        "conflicts": [_member(m, rep) for m in event.conflicts],
        "rule": (
            f"members: overlapping dates, token-set Jaccard >= {MERGE_THRESHOLD} with an earlier member; "
            f"no name clash; conflicts are reports from other articles with Jaccard >= {CONFLICT_THRESHOLD} "
            "and a date that does not overlap"
        ),
    }
