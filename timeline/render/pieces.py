"""Pieces of the downloads kept from one build to the next, by a hash of what each was made from.

Every new article changes some events, so the four downloads are written again in every build; but
each event's row of ``events.csv``, entry of ``timeline.ics`` and record of ``chronology.json``
depends only on that event and the few things of the site it shows (its members' titles, addresses
and date words; for the calendar the build's stamp, for the record its rank and outlets). Those are
hashed into the piece's key (:func:`event_key`); a piece whose key the last build made is taken as
it was, any other is rendered. The build keeps the pieces in its cache (pipeline/merge_memory.py,
under a key of the code, the chronology, today and the settings), so a piece is what rendering it
again would give.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core.results import ArticleEvent, Event

if TYPE_CHECKING:
    from .context import Context


class Pieces:
    """Rendered pieces by key: this build's, and the last build's not asked for yet."""

    def __init__(self, before: dict[str, str] | None = None) -> None:
        self.before = before or {}
        self.now: dict[str, str] = {}
        self.made = 0  # pieces rendered in this build (the others were the last build's)

    def get(self, key: str, make: Callable[[], str]) -> str:
        piece = self.now.get(key)
        if piece is None:
            piece = self.before.pop(key, None)
            if piece is None:
                piece = make()
                self.made += 1
            self.now[key] = piece
        return piece


def _member(ctx: Context, m: ArticleEvent) -> tuple[object, ...]:
    result = ctx.results.get(m.article)
    article = result.article if result is not None else None
    timex = ctx.timex(m)
    return (
        m.article,
        repr(m.date),
        m.text,
        m.start,
        m.end,
        m.timex,
        m.caption,
        (article.title, article.url, article.source, article.path) if article is not None else None,
        timex.text if timex is not None else None,
    )


def event_key(ctx: Context, event: Event) -> str:
    """A hash of everything of ``event`` and of the site that its pieces show (worked out once per
    build and event)."""
    key = ctx.event_keys.get(event.id)
    if key is None:
        raw = repr(
            (
                event.id,
                repr(event.date),
                event.text,
                event.score,
                event.anchors,
                ctx.text(event),
                [_member(ctx, m) for m in event.members],
                [_member(ctx, m) for m in event.conflicts],
            )
        )
        key = hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        ctx.event_keys[event.id] = key
    return key
