"""The coordinator: each timex of a text goes to the cue family its kind belongs to, then the
cues that read the whole text (known events, the latest year); duplicates are dropped and
dated mentions followed by later ones weakened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from timeline.core.chronology import Chronology
from timeline.temporal.specs import ChronologyRef, Deictic, Shift, WeekdayRef, YearlessDate
from timeline.temporal.values import AnchorKind, DateValue, Timex

from ..mentions import Layout, Mention
from .base import Cue
from .dated import absolute, supersede
from .furniture import in_link_block
from .known_events import event_cues
from .reading import Reading
from .war_relative import war_relative
from .weekdays import weekday
from .yearless import SEASON_SPAN, SEASON_START, partial, season
from .years import latest_year, month_deictic, year_deictic, years_ago


class CueFinder:
    """Turns the timexes of one text (tagged without a publication date) into cues."""

    def __init__(self, text: str, chronology: Chronology, layout: Layout, mentions: list[Mention]) -> None:
        self.reading = Reading(text, chronology, layout, mentions)

    def cues(self, timexes: list[Timex], horizon: tuple[dt.date, dt.date]) -> list[Cue]:
        r = self.reading
        by_sentence = r.start(timexes, horizon)
        out: list[Cue] = []
        for tx in timexes:
            for cue in timex_cues(r, tx):
                out.append(cue)
                r.made.add(cue.group)
        out.extend(event_cues(r, by_sentence))
        out.extend(latest_year(r, timexes))
        seen: set[str] = set()
        unique = []
        for cue in out:
            if cue.group and cue.group in seen:
                continue
            seen.add(cue.group)
            unique.append(cue)
        return supersede(unique)


def timex_cues(r: Reading, tx: Timex) -> Iterable[Cue]:
    """The cues of one timex, from the family of its kind."""
    if in_link_block(r.layout, tx.start):
        return  # dates in "related articles" blocks can be later than the article itself
    spec = tx.spec
    value = tx.value
    if tx.anchor == AnchorKind.NONE and isinstance(value, DateValue):
        yield from absolute(r, tx, value)
    elif isinstance(spec, ChronologyRef):
        yield from war_relative(r, tx, spec)
    elif isinstance(spec, YearlessDate) and spec.month is not None:
        yield from partial(r, tx, spec)
    elif isinstance(spec, YearlessDate) and spec.season in SEASON_START and spec.relation in SEASON_SPAN:
        yield season(r, tx, spec.season, spec.relation)
    elif isinstance(spec, WeekdayRef):
        cue = weekday(r, tx, spec)
        if cue is not None:
            yield cue
    elif isinstance(spec, Deictic) and spec.unit == "Y" and spec.offset == -1:
        yield from year_deictic(r, tx, spec, r.sentence_of(tx))
    elif isinstance(spec, Deictic) and spec.unit == "M" and spec.offset in (0, -1):
        yield from month_deictic(r, tx, spec, r.sentence_of(tx))
    elif isinstance(spec, Shift) and spec.sign < 0 and spec.offset.unit == "Y" and spec.offset.amount:
        yield from years_ago(r, tx, spec, r.sentence_of(tx))
