"""Pieces of the downloads kept from one build to the next, by a hash of what each was made from.

Every new article changes some events, so the four downloads are written again in every build; but
each event's row of ``events.csv``, entry of ``timeline.ics`` and record of ``chronology.json``
depends only on that event and the few things of the site it shows (its members' titles, addresses
and date words; for the calendar the build's stamp, for the record its outlets; its rank is put in
afterwards). Those are hashed into the piece's key (:func:`timeline.render.exports.event_key`); a
piece whose key the last build made is taken as it was, any other is rendered. The build keeps the
pieces in its cache (pipeline/merge_memory.py, under a key of the code, the chronology, today and
the settings), so a piece is what rendering it again would give.
"""

from __future__ import annotations

from collections.abc import Callable


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
