"""Resolve every timex of a text once its publication date is known or estimated.

The tagger's resolver does the calendar arithmetic; this module decides what to resolve
against and records, for each timex, what it was anchored to. Partial dates in texts
without any publication estimate still get a year when the chronology window and the
weekday ("Tuesday, March 22") leave only one possibility.
"""

from __future__ import annotations

import calendar
import datetime as dt

from timeline.core.chronology import Chronology
from timeline.temporal import resolve as tag_resolve
from timeline.temporal.discourse import NOTE as DISCOURSE_NOTE
from timeline.temporal.relative import resolve_shift
from timeline.temporal.specs import ChronologyRef, Shift, YearlessDate
from timeline.temporal.values import AnchorKind, DateValue, Timex, TimexType

from .about import gate, unnamed
from .anchors import anchor_for
from .model import EstimateSource, PublicationEstimate
from .placement import place


def resolve_timexes(
    timexes: list[Timex], estimate: PublicationEstimate, chronology: Chronology, text: str | None = None
) -> None:
    """Fill ``value`` in place where possible and note each timex's anchor for readers.

    ``text`` (the tagged text) lets war-relative timexes find their anchor's name just
    before them ("the Ukrainian raid enters the third day")."""
    anchors = gate(chronology_anchors(timexes, chronology, text), chronology, text, timexes)
    later = not_yet(anchors, estimate)
    anchors = {alias: day for alias, day in anchors.items() if alias not in later}
    tag_resolve(timexes, estimate.value, anchors, text=text)
    if text is not None:
        _year_in_the_clause(timexes, text, anchors)
    filled = False
    for tx in timexes:
        if tx.value is None and isinstance(tx.spec, YearlessDate):
            filled = _year_from_window(tx, tx.spec, estimate, chronology) or filled
    if filled:
        _previous_after_window(timexes)
    elsewhere = unnamed(chronology, text, timexes)
    for tx in timexes:
        _note_anchor(tx, estimate, anchors, chronology, elsewhere, later)
        if tx.value is not None:
            place(tx, estimate, anchors, text)


def not_yet(anchors: dict[str, dt.date], estimate: PublicationEstimate) -> dict[str, dt.date]:
    """The anchors (alias -> day) later than the article can have been written: an article of
    21 February 2022 that says "after Russia invaded Ukraine" means 2014, not 24 February 2022.
    One day's grace for time zones, as for a ``published`` date."""
    if estimate.latest is None:
        return {}
    last = estimate.latest + dt.timedelta(days=1)
    return {alias: day for alias, day in anchors.items() if day > last}


CLAUSE_GAP = 60  # characters between a war-relative phrase and a year that belongs to it


def _year_in_the_clause(timexes: list[Timex], text: str, anchors: dict[str, dt.date]) -> None:
    """A war-relative phrase whose own clause names another year recalls that year's war:
    "after Russia invaded Ukraine's Crimean Peninsula in 2014" is not 24 February 2022. The
    explicit date nearest the phrase, with no stop between them, decides."""
    explicit = [t for t in timexes if t.anchor == AnchorKind.NONE and isinstance(t.value, DateValue)]
    for tx in timexes:
        spec = tx.spec
        day = anchors.get(spec.anchor_name) if isinstance(spec, ChronologyRef) else None
        if not isinstance(spec, ChronologyRef) or day is None or tx.value is None:
            continue
        gaps = []
        for other in explicit:
            gap = text[tx.end : other.start] if other.start >= tx.end else text[other.end : tx.start]
            if len(gap) <= CLAUSE_GAP and not any(c in gap for c in ".;!?\n"):
                gaps.append((len(gap), other.start, other))
        if not gaps:
            continue
        nearest = min(gaps, key=lambda g: (g[0], g[1]))[2]
        value = nearest.value
        if isinstance(value, DateValue) and not value.earliest.year <= day.year <= value.latest.year:
            tx.value = None
            tx.notes.append(f"not anchored to {spec.anchor_name}: its clause names {nearest.text!r}")


def chronology_anchors(
    timexes: list[Timex], chronology: Chronology, text: str | None = None
) -> dict[str, dt.date]:
    """The chronology's anchors, plus the tagger's anchor names that only an alias in the
    timex's own words identifies ("the Ukrainian raid" is tagged "the raid")."""
    anchors: dict[str, dt.date] = dict(chronology.anchors)
    for tx in timexes:
        if isinstance(tx.spec, ChronologyRef):
            context = text[max(0, tx.start - 40) : tx.end] if text is not None else None
            day = anchor_for(tx, chronology, context)
            name = tx.spec.anchor_name
            if day is not None and name not in anchors:
                anchors[name] = day
    return anchors


def _year_from_window(
    tx: Timex, spec: YearlessDate, estimate: PublicationEstimate, chron: Chronology
) -> bool:
    if spec.month is None or spec.day is None:
        return False
    lo = estimate.earliest or chron.window[0]
    hi = estimate.latest or chron.window[1]
    years = []
    for year in range(lo.year - 1, hi.year + 1):
        if spec.day > calendar.monthrange(year, spec.month)[1]:
            continue
        day = dt.date(year, spec.month, spec.day)
        if spec.weekday is not None and day.weekday() != spec.weekday:
            continue
        if (chron.window[0] <= day <= chron.window[1]) and (lo - dt.timedelta(days=366) <= day <= hi):
            years.append(day)
    if len(years) != 1:
        return False
    tx.value = DateValue.day(years[0], spec.mod)
    why = "its weekday" if spec.weekday is not None else "the article's date range"
    tx.notes.append(f"year {years[0].year}: the only year in the chronology window that fits {why}")
    return True


def _previous_after_window(timexes: list[Timex]) -> None:
    """ "The previous day" after a partial date that only the window could place."""
    last: DateValue | None = None
    for tx in timexes:
        if tx.value is None and tx.anchor == AnchorKind.PREVIOUS and isinstance(tx.spec, Shift) and last:
            value = resolve_shift(tx.spec, last, from_previous=True)
            if value is not None:
                tx.value = value
                tx.notes.append("counted from the previous date in the text")
        if (
            isinstance(tx.value, DateValue)
            and tx.type in (TimexType.DATE, TimexType.TIME)
            and tx.anchor != AnchorKind.CHRONOLOGY
            and not isinstance(tx.spec, Shift)
        ):
            last = tx.value


def _note_anchor(
    tx: Timex,
    estimate: PublicationEstimate,
    anchors: dict[str, dt.date],
    chronology: Chronology,
    elsewhere: dict[str, tuple[str, ...]],
    later: dict[str, dt.date],
) -> None:
    if tx.value is None and isinstance(tx.spec, ChronologyRef) and tx.spec.anchor_name in later:
        tx.notes.append(
            f"not anchored to {tx.spec.anchor_name} ({later[tx.spec.anchor_name].isoformat()}): "
            f"the article was written before it (by {estimate.latest})"
        )
        return
    if tx.value is None and isinstance(tx.spec, ChronologyRef):
        names = elsewhere.get(chronology.anchor_ids.get(tx.spec.anchor_name, ""))
        if names and tx.spec.anchor_name not in anchors:
            tx.notes.append(
                f"not anchored to {tx.spec.anchor_name!r}: the text dates events before the "
                f"chronology and names none of its conflict's places or parties ({', '.join(names[:4])}...)"
            )
            return
    if tx.value is None:
        if tx.anchor == AnchorKind.PUBLICATION:
            tx.notes.append("unresolved: the publication date is unknown")
        return
    if any(n.startswith(DISCOURSE_NOTE) for n in tx.notes):
        return  # counted from the time the text is about, not from the publication date
    if tx.anchor == AnchorKind.PUBLICATION and estimate.value is not None:
        if estimate.source is EstimateSource.METADATA:
            tx.notes.append(f"anchored to the publication date {estimate.value.isoformat()} (metadata)")
        else:
            span = ""
            if estimate.earliest and estimate.latest and estimate.earliest != estimate.latest:
                span = f", likely between {estimate.earliest.isoformat()} and {estimate.latest.isoformat()}"
            tx.notes.append(
                f"anchored to the inferred publication date {estimate.value.isoformat()}"
                f" (confidence {estimate.confidence:.2f}{span})"
            )
    elif tx.anchor == AnchorKind.CHRONOLOGY and isinstance(tx.spec, ChronologyRef):
        day = anchors.get(tx.spec.anchor_name)
        if day is not None:
            tx.notes.append(f"anchored to {tx.spec.anchor_name} ({day.isoformat()})")
