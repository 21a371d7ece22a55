"""Whether a text is about a chronology anchor's war, so that its war-relative phrases may count
from that anchor.

"The start of the war" in a history of the Russo-Japanese War is not 24 February 2022. An anchor
of the chronology may list, under ``about``, the names of its conflict's places and parties
(``content/chronology.yml``). A text that names none of them and dates something before the
chronology's window (the span articles may be about: "in February 1904") is about another war,
and the anchor does not apply to it. A short news text that names neither ("Five weeks into the
war, the Kremlin said...") keeps the anchor: news of the chronology's war need not spell out its
parties. An anchor without the list applies to every text.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.core.chronology import Chronology
from timeline.temporal.values import AnchorKind, DateValue, Timex

_WORD = re.compile(r"[\w'-]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower().replace("’", "'")))


def before_window(timexes: list[Timex], chronology: Chronology) -> Timex | None:
    """The first explicit date of ``timexes`` that lies before the chronology's window."""
    start = chronology.window[0]
    return next(
        (
            t
            for t in timexes
            if t.anchor == AnchorKind.NONE and isinstance(t.value, DateValue) and t.value.latest < start
        ),
        None,
    )


def unnamed(chronology: Chronology, text: str | None, timexes: list[Timex]) -> dict[str, tuple[str, ...]]:
    """The anchors (id -> their ``about`` names) that must not anchor ``text``: it names none of
    their places or parties and dates something before the window. Without the text, none."""
    if text is None or not chronology.anchor_about or before_window(timexes, chronology) is None:
        return {}
    words, lower = _words(text), text.lower()
    return {
        anchor_id: names
        for anchor_id, names in chronology.anchor_about.items()
        if not any(name in words or (" " in name and name in lower) for name in names)  # "port arthur"
    }


def gate(
    anchors: dict[str, dt.date], chronology: Chronology, text: str | None, timexes: list[Timex]
) -> dict[str, dt.date]:
    """``anchors`` (alias -> date) without the aliases of the anchors ``text`` is not about."""
    out = unnamed(chronology, text, timexes)
    if not out:
        return anchors
    return {alias: day for alias, day in anchors.items() if chronology.anchor_ids.get(alias) not in out}
