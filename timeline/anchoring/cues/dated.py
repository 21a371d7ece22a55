"""Cues from dates with a year: "on March 22, 2022" says the article was written on or soon
after that day (a photo caption's date even sooner), "will be held on April 2, 2022" before
it, "yesterday (March 21, 2022)" on the day after it; a month or a year named is a lower bound.
A dated mention followed within weeks by a later one is mostly a lower bound (``supersede``)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from timeline.core.calendar_math import month_name
from timeline.temporal.values import DateValue, Granularity, Mod, Timex

from ..model import Evidence
from .base import RECENT, Cue, CueKind, bell, fmt
from .datelines import line_cue
from .reading import Reading

# Photo captions are dated the day the picture was taken: even closer to publication.
_CAPTION_RECENT = (0.35, 0.35, 0.15, 0.07, 0.04, 0.02, 0.01, 0.01)
# A dated mention with a later dated mention (or caption) this many days after it is weakened
# to a lower bound, keeping this share of its pull towards the days just after it.
_SUPERSEDE_DAYS = 45
_SUPERSEDED_PULL = 0.3


def absolute(r: Reading, tx: Timex, value: DateValue) -> Iterable[Cue]:
    if value.granularity <= Granularity.DAY:
        day = value.earliest
        if value.mod in (Mod.BEFORE, Mod.AFTER, Mod.ON_OR_AFTER) or day < r.lo:
            return  # "June 22, 1941" is history, not a hint about when the article was written
        caption = r.layout.in_caption(tx.start)
        deictic = r.deictic_partner(tx)
        line = line_cue(r, tx, [day])
        if line is not None:
            yield line
        elif deictic is not None:
            cue = deictic_date(r, tx, day, deictic)
            if cue is not None:
                yield cue
        elif r.future_sentence(tx):
            yield future_date(r, tx, day)
        else:
            yield dated(r, tx, day, caption=caption)
    elif value.granularity in (
        Granularity.MONTH,
        Granularity.SEASON,
        Granularity.QUARTER,
        Granularity.YEAR,
    ):
        if value.mod in (Mod.BEFORE,) or r.future_sentence(tx) or value.earliest <= r.lo:
            return  # a year before the window says nothing about when the article was written
        cue = Cue(
            CueKind.LOWER_BOUND,
            r.span_evidence(
                tx,
                f"'{tx.text}' is mentioned, so the article is probably from "
                f"{value.earliest.year if value.granularity == Granularity.YEAR else fmt(value.earliest)}"
                " or later",
            ),
            group=f"lb:{value.earliest}",
        )
        cue.ranges.append((dt.date.min, value.earliest - dt.timedelta(days=1), 0.05))
        yield cue


def dated(r: Reading, tx: Timex, day: dt.date, *, caption: bool) -> Cue:
    background = day in r.background and not caption
    profile = _CAPTION_RECENT if caption else RECENT
    recent = 0.75 if caption else (0.03 if background else 0.5)
    broad = (1 - recent) / 1000
    if caption:
        reason = f"the photo caption is dated {fmt(day)}: the article is probably from that day or soon after"
    elif background:
        reason = f"{fmt(day)} is a key date of the chronology, often quoted as background: a weak lower bound"
    else:
        reason = f"'{tx.text}' is a full date: the article was probably written on or soon after {fmt(day)}"
    cue = Cue(
        CueKind.CAPTION if caption else CueKind.DATED,
        r.span_evidence(tx, reason),
        default=broad,
        group=f"d:{day}:{caption}",
        points=() if background else (day,),
    )
    cue.ranges.append((dt.date.min, day - dt.timedelta(days=31), 1e-5))
    cue.ranges.append((day - dt.timedelta(days=30), day - dt.timedelta(days=1), 0.03 / 30))
    for k, share in enumerate(profile):
        cue.daily[day + dt.timedelta(days=k)] = recent * share + broad
    return cue


def future_date(r: Reading, tx: Timex, day: dt.date) -> Cue:
    cue = Cue(
        CueKind.FUTURE,
        r.span_evidence(
            tx,
            f"'{tx.text}' is spoken of as still to come: the article is probably from before {fmt(day)}",
        ),
        default=0.05 / 1000,
        group=f"f:{day}",
    )
    cue.ranges.append((day - dt.timedelta(days=30), day, 0.7 / 31))
    cue.ranges.append((dt.date.min, day - dt.timedelta(days=31), 0.25 / 1000))
    return cue


def deictic_date(r: Reading, tx: Timex, day: dt.date, partner: tuple[Timex, int]) -> Cue | None:
    other, offset = partner
    pub = day - dt.timedelta(days=offset)
    if f"dd:{pub}" in r.made:
        return None  # a duplicate, dropped anyway: its evidence may span a long sentence
    word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[offset]
    ev = r.pair_evidence(
        tx,
        other,
        f"'{other.text}' next to {fmt(day)}: {word} is {fmt(day)}, so the article is from {fmt(pub)}",
    )
    cue = Cue(CueKind.DEICTIC_DATE, ev, default=0.08 / r.days, group=f"dd:{pub}")
    cue.ranges.append((dt.date.min, pub - dt.timedelta(days=1), 0.01 / r.days))
    bell(cue, pub, 0.6, 0.85)
    return cue


def supersede(cues: list[Cue]) -> list[Cue]:
    """``cues`` with every dated cue that a later dated cue or caption follows within weeks
    weakened (see :func:`_superseded`)."""
    later = sorted({b for o in cues if o.kind in (CueKind.DATED, CueKind.CAPTION) for b in o.points})
    return [_superseded(cue, later) for cue in cues]


def _superseded(cue: Cue, later: list[dt.date]) -> Cue:
    """A dated mention followed by a later dated mention (or photo caption) within weeks is
    mostly a lower bound: "soon after" belongs to the latest date (counting both would make two
    correlated clues look like independent confirmation). For a partial date this holds year
    by year: only the fitting years that have a later date are weakened. ``later`` holds the
    points of every dated cue and caption, sorted (a cue's own points are years apart)."""
    if cue.kind != CueKind.DATED or not cue.points:
        return cue
    covered = []
    for a in cue.points:
        i = bisect.bisect_right(later, a)
        if i < len(later) and (later[i] - a).days <= _SUPERSEDE_DAYS:
            covered.append(a)
    if not covered:
        return cue
    ev = cue.evidence
    reason = ev.reason
    kind: CueKind = cue.kind
    if len(covered) == len(cue.points):
        first = min(cue.points)
        when = fmt(first) if len(cue.points) == 1 else f"a {month_name(first.month)} {first.day}"
        reason = f"'{ev.text}' ({when}) comes before a later date in the text: the article is from after it"
        kind = CueKind.LOWER_BOUND
    weak = Cue(
        kind,
        Evidence(ev.text, ev.start, ev.end, reason),
        default=cue.default,
        ranges=list(cue.ranges),
        daily=dict(cue.daily),
        group=cue.group,
        points=tuple(a for a in cue.points if a not in covered),
    )
    # keep the bound, and only a little of the pull towards the days just after the date
    for a in covered:
        for k in range(len(RECENT)):
            d = a + dt.timedelta(days=k)
            if d in weak.daily:
                weak.daily[d] = cue.default + _SUPERSEDED_PULL * (weak.daily[d] - cue.default)
    return weak
