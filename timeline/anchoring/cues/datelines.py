"""Cues from the page's own dating: a dateline ("KYIV, March 22 (Reuters) -") or a "Published
..." line is the day of publication, an "Updated ..." line a ceiling close to it. What counts
as such a line is in ``furniture``."""

from __future__ import annotations

import datetime as dt

from timeline.temporal.values import Timex

from .base import Cue, CueKind, fmt
from .furniture import is_dateline, stamp
from .reading import Reading

# How many days before an "updated" date the article was published (0 = the same day).
_UPDATED_PROFILE = {0: 0.5, -1: 0.2, -2: 0.08, -3: 0.05, -4: 0.03, -5: 0.02, -6: 0.02}
# How many days after a dateline's date the article was published (across time zones).
_DATELINE_PROFILE = {0: 0.78, 1: 0.12}


def line_cue(r: Reading, tx: Timex, days: list[dt.date]) -> Cue | None:
    """The cue of a date (one of ``days``: a date without a year fits several) that is the date
    of a "Published"/"Updated" line or of a dateline; None for a date elsewhere."""
    found = stamp(r.text, tx)
    if found is not None:
        return stamped(r, tx, days, found)
    if is_dateline(r.text, tx):
        return dateline(r, tx, days)
    return None


def stamped(r: Reading, tx: Timex, days: list[dt.date], word: str) -> Cue:
    """A "Published ..." line dates the article; an "Updated ..." line is a ceiling close to it
    (``word`` says which, as :func:`furniture.stamp` does)."""
    if word == "published":
        cue = dateline(r, tx, days)
        cue.evidence = r.span_evidence(
            tx,
            f"the line '{r.layout.line(tx.start).strip()[:60]}' gives the day of publication"
            + ("" if len(days) == 1 else f" (without a year: {len(days)} years fit)"),
        )
        return cue
    rest = 1 - sum(_UPDATED_PROFILE.values())
    cue = Cue(
        CueKind.UPDATED,
        r.span_evidence(
            tx,
            f"the line '{r.layout.line(tx.start).strip()[:60]}' says when the article was last "
            "updated: it was published then or before",
        ),
        default=rest / r.days,
        group=f"up:{tx.text}",
    )
    for d in days:
        cue.ranges.append((d + dt.timedelta(days=1), dt.date.max, 0.01 / r.days))
        for k, share in _UPDATED_PROFILE.items():
            cue.daily[d + dt.timedelta(days=k)] = share + rest / r.days
    return cue


def dateline(r: Reading, tx: Timex, days: list[dt.date]) -> Cue:
    """A dated dateline is the day of publication (or the day after, across time zones)."""
    if len(days) == 1:
        reason = f"the dateline '{tx.text}' dates the article {fmt(days[0])}"
    else:
        reason = (
            f"the dateline '{tx.text}' gives the day of publication (without a year: {len(days)} years fit)"
        )
    rest = 1 - sum(_DATELINE_PROFILE.values())
    cue = Cue(CueKind.DATELINE, r.span_evidence(tx, reason), default=rest / r.days, group=f"dl:{tx.text}")
    for d in days:
        for k, share in _DATELINE_PROFILE.items():
            cue.daily[d + dt.timedelta(days=k)] = share + rest / r.days
    return cue
