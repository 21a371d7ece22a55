"""Cues from dates without a year: "on March 22" (or "Tuesday, March 22") fits the days after
a March 22 of every year of the horizon; "March" alone is a weak hint at a recent March;
"this winter", "last summer" place the article relative to a season."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from timeline.core.calendar_math import WEEKDAY_NAMES, add_months, month_name
from timeline.temporal.specs import YearlessDate
from timeline.temporal.values import Granularity, Timex

from .base import RECENT, Cue, CueKind, bell
from .datelines import line_cue
from .reading import Reading

# A partial date ("on July 21") is often a few weeks old when the article is written: this much
# likelihood per day from two to eleven weeks after it.
_PARTIAL_TAIL = 0.2 / 60

# Seasons named relative to the time of writing: the first month of each season, and for each
# relation the months (counted from the season's first month, end excluded) in which such an
# article is most likely written, and how much more likely than elsewhere.
SEASON_START = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}
_SEASON_NAME = {"WI": "winter", "SP": "spring", "SU": "summer", "FA": "autumn"}
SEASON_SPAN = {
    "this": (-2, 3, 3.0, "in the {0} or the weeks before it"),
    "next": (-6, 0, 3.0, "in the months before the {0}"),
    "last": (3, 12, 2.0, "in the months after the {0}"),
}


def partial(r: Reading, tx: Timex, spec: YearlessDate) -> Iterable[Cue]:
    month = spec.month
    assert month is not None
    if spec.day is None:
        if spec.granularity == Granularity.MONTH and not spec.future:
            yield partial_month(r, tx, month)
        return
    days = _fitting_days(r, month, spec.day, spec.weekday)
    if not days:
        return
    wd = "" if spec.weekday is None else f" ({WEEKDAY_NAMES[spec.weekday]})"
    named = f"{month_name(month)} {spec.day}{wd}"
    line = line_cue(r, tx, days)
    if line is not None:
        yield line
        return
    partner = r.deictic_partner(tx)
    if spec.future or r.future_sentence(tx):
        why = f"'{tx.text}' is still to come when written"
        yield _in_window(r, tx, CueKind.FUTURE, why, month, spec.day, days)
    elif spec.relation == "last" and partner is None:
        why = f"'{tx.text}': a {named} some weeks to a year before the article was written"
        yield _in_window(r, tx, CueKind.LAST_DATE, why, month, spec.day, days)
    elif partner is not None:
        cue = _deictic(r, tx, month, spec.day, days, named, partner)
        if cue is not None:
            yield cue
    else:
        yield _dated(r, tx, spec, days, named)


def _fitting_days(r: Reading, month: int, day: int, weekday: int | None) -> list[dt.date]:
    """The days ``month``/``day`` can be within a month of the horizon, in the years whose
    date falls on ``weekday`` if any does."""
    years = [y for y in range(r.lo.year, r.hi.year + 1) if day <= calendar.monthrange(y, month)[1]]
    if weekday is not None:
        fitting = [y for y in years if dt.date(y, month, day).weekday() == weekday]
        if fitting:
            years = fitting
    days = [dt.date(y, month, day) for y in years]
    return [d for d in days if r.lo - dt.timedelta(days=30) <= d <= r.hi + dt.timedelta(days=30)]


# Windows around a date without its year in which the article is written, for a date still to
# come ("will meet on March 22": the month before it) and for one named "last" ("last November 24":
# some weeks to a year after it): (days from the date to the window's start and end, likelihood a
# day inside, the default elsewhere, the cue group's prefix).
_WINDOW = {
    CueKind.FUTURE: (-30, 0, 0.7 / 31, 0.3 / 365, "pf"),
    CueKind.LAST_DATE: (14, 380, 0.9 / 366, 0.1 / 365, "pl"),
}


def _in_window(
    r: Reading, tx: Timex, kind: CueKind, why: str, month: int, day: int, days: list[dt.date]
) -> Cue:
    """The article is written in the ``_WINDOW`` of ``kind`` around one of ``days``."""
    start, end, inside, default, group = _WINDOW[kind]
    cue = Cue(kind, r.span_evidence(tx, why), default=default, group=f"{group}:{month}:{day}")
    for d in days:
        cue.ranges.append((d + dt.timedelta(days=start), d + dt.timedelta(days=end), inside))
    return cue


def _deictic(
    r: Reading,
    tx: Timex,
    month: int,
    day: int,
    days: list[dt.date],
    named: str,
    partner: tuple[Timex, int],
) -> Cue | None:
    """ "yesterday, March 21": the article is from the day after a March 21."""
    other, offset = partner
    if f"pd:{month}:{day}:{offset}" in r.made:
        return None  # a duplicate, dropped anyway: its evidence may span a long sentence
    word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[offset]
    cue = Cue(
        CueKind.DEICTIC_DATE,
        r.pair_evidence(
            tx,
            other,
            f"'{other.text}' next to {named}: the article is from the day {word} refers to",
        ),
        default=0.08 / r.days,
        group=f"pd:{month}:{day}:{offset}",
    )
    for d in days:
        bell(cue, d - dt.timedelta(days=offset), 0.6, 0.85)
    return cue


def _dated(r: Reading, tx: Timex, spec: YearlessDate, days: list[dt.date], named: str) -> Cue:
    years_text = ", ".join(str(d.year) for d in days) if len(days) <= 3 else "several years"
    if spec.weekday is not None and len(days) <= 3:
        reason = (
            f"'{tx.text}': {named} fits {years_text}; the article was probably written on or soon after it"
        )
    else:
        reason = f"'{tx.text}' (no year): the article was probably written on or soon after a {named}"
    background = any(d in r.background for d in days)
    # a likelihood: "March 22" fits the days after every March 22 equally, however many years
    # the window holds (the years compete in the posterior, not inside the clue)
    recent = (0.03 if background else 0.5) if spec.weekday is None else 0.6
    broad = 0.4 / 365
    cue = Cue(
        CueKind.DATED,
        r.span_evidence(tx, reason),
        default=broad,
        group=f"p:{spec.month}:{spec.day}:{spec.weekday}",
        points=() if background else tuple(days),
    )
    for d in days:
        # the weeks after the date stay more likely than the rest of the year
        tail = (d + dt.timedelta(days=len(RECENT)), d + dt.timedelta(days=75))
        cue.ranges.append((*tail, broad + _PARTIAL_TAIL))
        for k, share in enumerate(RECENT):
            cue.daily[d + dt.timedelta(days=k)] = recent * share + broad
    return cue


def partial_month(r: Reading, tx: Timex, month: int) -> Cue:
    name = month_name(month)
    cue = Cue(
        CueKind.MONTH,
        r.span_evidence(tx, f"'{tx.text}' (no year): a recent {name} is likely, a weak hint"),
        group=f"pm:{month}",
    )
    for y in range(r.lo.year, r.hi.year + 1):
        start = dt.date(y, month, 1)
        cue.ranges.append((start, start + dt.timedelta(days=75), 2.0))
    return cue


def season(r: Reading, tx: Timex, season: str, relation: str) -> Cue:
    """ "this winter": written in the winter or the weeks before it; "the coming spring":
    in the months before it; "last summer": in the months after it."""
    first, last, factor, when = SEASON_SPAN[relation]
    name = _SEASON_NAME[season]
    cue = Cue(
        CueKind.SEASON,
        r.span_evidence(tx, f"'{tx.text}': the article was probably written {when.format(name)}"),
        group=f"s:{season}:{relation}",
    )
    for year in range(r.lo.year - 1, r.hi.year + 2):
        start = dt.date(year, SEASON_START[season], 1)
        end = add_months(start, last) - dt.timedelta(days=1)
        cue.ranges.append((add_months(start, first), end, factor))
    return cue
