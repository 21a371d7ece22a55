"""Cues from known events of the chronology mentioned in the text: every mention is a lower
bound with a mild pull towards the months after the event; a distance said of it ("the
invasion two weeks ago", "the strike yesterday", "the invasion last year") places the article."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable

from timeline.core.calendar_math import add_months, month_name
from timeline.temporal.specs import Deictic, Shift
from timeline.temporal.values import AnchorKind, Granularity, Mod, Timex

from ..mentions import Mention
from .base import AGO_SIGMA, Cue, CueKind, bell, fmt, shift
from .reading import Reading


def event_cues(r: Reading, by_sentence: dict[int, list[Timex]]) -> Iterable[Cue]:
    for m in r.mentions:
        for tx in by_sentence.get(m.sentence, []):
            cue = _distance(r, m, tx)
            if cue is not None:
                yield cue
        # every mention is also a lower bound, linked to a distance or not
        event_day = m.event.date.earliest
        cue = Cue(
            CueKind.EVENT,
            r.evidence(
                m.start,
                m.end,
                f"mentions {m.event.title.rstrip('.')} ({_event_date(m)}): the article is from after it",
            ),
            group=f"ev:{m.event.id}",
        )
        main = event_day in r.background
        cue.ranges, cue.default = _event_ranges(event_day, main)
        yield cue


def _distance(r: Reading, m: Mention, tx: Timex) -> Cue | None:
    """The cue of a distance ``tx`` said in the sentence of the mention ``m``, if it is one."""
    event_day = m.event.date.earliest
    day_precise = m.event.date.granularity == Granularity.DAY
    spec = tx.spec
    if isinstance(spec, Shift) and spec.sign < 0 and tx.anchor == AnchorKind.PUBLICATION:
        center = shift(event_day, spec.offset)
        if center is None or spec.offset.amount is None:
            return None
        unit = spec.offset.unit
        sigma = AGO_SIGMA.get(unit, 30.0) * max(1.0, float(spec.offset.amount) ** 0.5)
        if not day_precise:
            sigma += 10
        reason = (
            f"{m.event.title} ({fmt(event_day)}) is said to be '{tx.text}': "
            f"that puts the article around {fmt(center)}"
        )
        cue = _event_offset(r, m, tx, reason, center, 0.1)
        bell(cue, center, sigma, 0.85, 1 if spec.offset.mod in (Mod.AFTER, Mod.ON_OR_AFTER) else 0)
        return cue
    if isinstance(spec, Deictic) and spec.unit in ("Y", "M") and spec.offset == -1:
        # "the invasion last year": written the year (or month) after the event
        if spec.unit == "Y":
            lo_day, hi_day = dt.date(event_day.year + 1, 1, 1), dt.date(event_day.year + 1, 12, 31)
            when = str(event_day.year + 1)
        else:
            lo_day = add_months(event_day.replace(day=1), 1)
            hi_day = add_months(lo_day, 1) - dt.timedelta(days=1)
            when = f"{month_name(lo_day.month)} {lo_day.year}"
        reason = (
            f"{m.event.title} ({_event_date(m)}) is placed '{tx.text}': the article is probably from {when}"
        )
        cue = Cue(
            CueKind.YEAR,
            r.pair_evidence(m, tx, reason),
            group=f"el:{m.event.id}:{spec.unit}",
        )
        cue.ranges.append((lo_day, hi_day, 10.0))
        return cue
    if isinstance(spec, Deictic) and spec.unit == "D" and spec.offset == -1 and day_precise:
        pub = event_day + dt.timedelta(days=1)
        reason = (
            f"{m.event.title} ({fmt(event_day)}) is reported as '{tx.text}': "
            f"that puts the article on {fmt(pub)}"
        )
        cue = _event_offset(r, m, tx, reason, pub, 0.3)
        cue.ranges.append((dt.date.min, event_day - dt.timedelta(days=1), 0.01 / r.days))
        bell(cue, pub, 0.7, 0.6)
        return cue
    return None


def _event_offset(r: Reading, m: Mention, tx: Timex, reason: str, day: dt.date, rest: float) -> Cue:
    """A cue that puts the article near ``day``, from a mention and a distance to it; ``rest``
    is the share of the likelihood left for every other day."""
    evidence = r.pair_evidence(m, tx, reason)
    return Cue(CueKind.EVENT_OFFSET, evidence, default=rest / r.days, group=f"eo:{day}")


@functools.lru_cache(maxsize=1024)
def _event_pull(event_day: dt.date, main: bool) -> tuple[tuple[tuple[dt.date, dt.date, float], ...], float]:
    """The likelihood ranges of a mentioned event (the same for every mention: computed once)."""
    ranges = [(dt.date.min, event_day - dt.timedelta(days=1), 0.01)]
    # events unfold over days ("the last stronghold fell this week" before the day the
    # chronology gives for the fall): the week before the date is unlikely, not ruled out
    ranges.append((event_day - dt.timedelta(days=7), event_day - dt.timedelta(days=1), 0.2))
    # News mostly mentions recent events: a mild pull towards the months after it
    # (slower for the war's start, which every article mentions as background).
    tau, floor = (365.0, 0.5) if main else (120.0, 0.25)
    for k in range(0, 6 * 365, 15):
        block = event_day + dt.timedelta(days=k)
        pull = floor + (1 - floor) * math.exp(-k / tau)
        ranges.append((block, block + dt.timedelta(days=14), pull))
    return tuple(ranges), floor


def _event_ranges(event_day: dt.date, main: bool) -> tuple[list[tuple[dt.date, dt.date, float]], float]:
    ranges, floor = _event_pull(event_day, main)
    return list(ranges), floor


def _event_date(m: Mention) -> str:
    d = m.event.date
    if d.granularity == Granularity.DAY:
        return fmt(d.earliest)
    return f"{month_name(d.earliest.month)} {d.earliest.year}"
