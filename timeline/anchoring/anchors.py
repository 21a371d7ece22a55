"""The chronology anchor a war-relative timex counts from ("five weeks into the war", "the
third day of the raid"): the publication-date cues read it to place the article, and
``resolve`` to give the timex its value."""

from __future__ import annotations

import datetime as dt
import re

from timeline.core.chronology import Chronology
from timeline.temporal.specs import ChronologyRef
from timeline.temporal.values import Timex


def anchor_for(tx: Timex, chronology: Chronology, context: str | None = None) -> dt.date | None:
    """The date a war-relative timex counts from (see :func:`find_anchor`)."""
    found = find_anchor(tx, chronology, context)
    return found[1] if found else None


def find_anchor(tx: Timex, chronology: Chronology, context: str | None = None) -> tuple[str, dt.date] | None:
    """The anchor a war-relative timex counts from, as (alias, date): the longest alias in its
    own words, or in ``context`` (the words just before it: "as the Ukrainian raid enters the
    third day"; the tagger shortens the name to "the raid"), else its anchor name."""
    words = " " + " ".join(re.findall(r"[\w'-]+", (context or tx.text).lower().replace("’", "'"))) + " "
    best: tuple[str, dt.date] | None = None
    for alias, day in chronology.anchors.items():
        core = alias[4:] if alias.startswith("the ") else alias
        if alias != "default" and f" {core} " in words and (best is None or len(alias) > len(best[0])):
            best = (alias, day)
    if best is not None:
        return best
    spec = tx.spec
    name = (
        tx.anchor_name or (spec.anchor_name if isinstance(spec, ChronologyRef) else None) or "default"
    ).lower()
    named = chronology.anchors.get(name)
    return (name, named) if named is not None else None
