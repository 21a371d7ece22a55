"""Cues for the year (or month) of writing: "last year" next to "2021" and "in 2014, eight
years ago" say 2022; "earlier this month" next to "June 6" says June; and the latest year a
text names is probably the year of writing or the one before."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection, Iterable

from timeline.core.calendar_math import month_name
from timeline.temporal.specs import Deictic, Shift, YearlessDate
from timeline.temporal.values import AnchorKind, DateValue, Granularity, Mod, Timex

from .base import Cue, CueKind
from .furniture import in_link_block
from .reading import Reading

# How likely, relative to the latest year a text names and the year after, the article is from
# two years later, and from any later year.
_TWO_YEARS_LATER = 0.5
_LATER_YEARS = 0.25

# The dates whose year "N years ago" counts from (any date up to a year), and those that "last
# year" is read against (a day, a month or a year).
_AGO_GRAINS = frozenset(g for g in Granularity if g <= Granularity.YEAR)
_DEICTIC_GRAINS = frozenset({Granularity.YEAR, Granularity.MONTH, Granularity.DAY})


def years_ago(r: Reading, tx: Timex, spec: Shift, sentence: list[Timex]) -> Iterable[Cue]:
    """ "in 2014, eight years ago": the article is from 2022."""
    then = _sentence_year(sentence, _AGO_GRAINS)
    amount = spec.offset.amount
    if then is None or amount is None or not float(amount).is_integer():
        return
    year = then + int(amount)
    yield from _year(r, tx, year, f"'{tx.text}' next to {then}: the article is probably from {year}")


def year_deictic(r: Reading, tx: Timex, spec: Deictic, sentence: list[Timex]) -> Iterable[Cue]:
    """ "last year" next to "2021": the article is from 2022."""
    then = _sentence_year(sentence, _DEICTIC_GRAINS)
    if then is None:
        return
    year = then - spec.offset
    yield from _year(
        r,
        tx,
        year,
        f"'{tx.text}' in the same sentence as {year + spec.offset}: the article is probably from {year}",
    )


def _sentence_year(sentence: list[Timex], grains: Collection[Granularity]) -> int | None:
    """The one year the dates of ``sentence`` (those as precise as ``grains``) name; None for
    none or several."""
    years = {
        o.value.earliest.year
        for o in sentence
        if o.anchor == AnchorKind.NONE and isinstance(o.value, DateValue) and o.value.granularity in grains
    }
    return years.pop() if len(years) == 1 else None


def _year(r: Reading, tx: Timex, year: int, reason: str) -> Iterable[Cue]:
    """The article is probably from ``year``, if the horizon holds it."""
    if not r.lo.year <= year <= r.hi.year:
        return
    cue = Cue(CueKind.YEAR, r.span_evidence(tx, reason), group=f"y:{year}")
    cue.ranges.append((dt.date(year, 1, 1), dt.date(year, 12, 31), 10.0))
    yield cue


def month_deictic(r: Reading, tx: Timex, spec: Deictic, sentence: list[Timex]) -> Iterable[Cue]:
    """ "earlier this month" next to "June 6": the article is from June; "last month" -> July."""
    months = {o.spec.month for o in sentence if isinstance(o.spec, YearlessDate) and o.spec.month is not None}
    if len(months) != 1:
        return
    month = (months.pop() - 1 - spec.offset) % 12 + 1
    name = month_name(month)
    cue = Cue(
        CueKind.MONTH,
        r.span_evidence(
            tx,
            f"'{tx.text}' next to a date in {month_name((month - 1 + spec.offset) % 12 + 1)}: "
            f"the article is probably from {name}",
        ),
        group=f"md:{month}",
    )
    for y in range(r.lo.year, r.hi.year + 1):
        first = dt.date(y, month, 1)
        cue.ranges.append((first, dt.date(y, month, calendar.monthrange(y, month)[1]), 10.0))
    yield cue


def latest_year(r: Reading, timexes: list[Timex]) -> Iterable[Cue]:
    """News writes about recent years: the latest year a text names as past or present
    ("in 2023, about 90% came from China") is probably the year of writing or the one before."""
    named = [
        tx
        for tx in timexes
        if tx.anchor == AnchorKind.NONE
        and isinstance(tx.value, DateValue)
        and Granularity.DAY <= tx.value.granularity <= Granularity.YEAR
        and tx.value.mod not in (Mod.BEFORE, Mod.AFTER, Mod.ON_OR_AFTER)
        and r.lo.year <= tx.value.earliest.year <= r.hi.year
    ]
    # latest first; the sentence checks (costly on long texts) only until one passes
    named.sort(key=lambda t: (-t.value.earliest.year, t.start))  # type: ignore[union-attr]
    found = next(
        (tx for tx in named if not in_link_block(r.layout, tx.start) and not r.future_sentence(tx)),
        None,
    )
    if found is None:
        return
    tx = found
    year = tx.value.earliest.year  # type: ignore[union-attr]
    cue = Cue(
        CueKind.LATEST_YEAR,
        r.span_evidence(
            tx,
            f"{year} is the latest year the text names: the article is probably from {year} or {year + 1}",
        ),
        default=_LATER_YEARS,
        group=f"ly:{year}",
    )
    cue.ranges.append((dt.date.min, dt.date(year + 1, 12, 31), 1.0))
    cue.ranges.append((dt.date(year + 2, 1, 1), dt.date(year + 2, 12, 31), _TWO_YEARS_LATER))
    yield cue
