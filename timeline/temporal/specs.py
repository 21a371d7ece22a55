"""Typed descriptions of relative expressions, kept until a reference date is known.

A spec holds exactly what a rule captured ("March 22" without a year, "last week",
"five weeks into the war"); :mod:`timeline.temporal.resolution` turns it into a
:class:`~timeline.temporal.values.DateValue` once the publication date, the previous
date in the text or a chronology anchor is known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .values import DurationValue, Granularity, Mod


@dataclass(frozen=True)
class YearlessDate:
    """A calendar date whose year comes from the reference: "March 22", "Tuesday, March 22",
    "mid-March", "last spring", "the third quarter".

    ``relation``: "nearest" (tense decides), "last" (strictly before), "next", "this" (same year).
    """

    granularity: Granularity
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    part_of_day: str | None = None
    clock: str | None = None
    mod: Mod | None = None
    relation: str = "nearest"
    future: bool = False  # the sentence looks future-oriented ("will", "next")
    year_offset: int | None = None  # "February this year" (0), "April next year" (+1)
    past: bool = False  # the clause before it is in the past tense ("the year ended Jan. 31")


@dataclass(frozen=True)
class DayOfMonth:
    """ "on the 22nd": a day in the reference month (or the month before, in past tense)."""

    day: int
    future: bool = False


@dataclass(frozen=True)
class Deictic:
    """A calendar unit counted from the reference: "today" (D, 0), "last week" (W, -1),
    "next month" (M, +1), "this morning" (D, 0, part_of_day MO)."""

    unit: str  # D W M Q H Y DE CE
    offset: int
    mod: Mod | None = None
    part_of_day: str | None = None
    clock: str | None = None
    # "the quarter", "the latest period" in a report: the quarter the text last named, if any
    named: bool = False


@dataclass(frozen=True)
class WeekdayRef:
    """ "on Tuesday", "last Friday", "next Monday", "Tuesday morning"."""

    weekday: int  # 0 = Monday
    relation: str = "nearest"  # nearest | last | next | this
    part_of_day: str | None = None
    clock: str | None = None
    future: bool = False
    past: bool = False  # right after a verb in the past tense ("said Friday"): never the coming one
    days: int = 0  # "the day before last Tuesday": -1


@dataclass(frozen=True)
class Shift:
    """A distance from the anchor date: "a year ago" (-1 Y), "two days later" (+2 D),
    "the previous day" (-1 D). ``granularity`` None means: the unit's natural
    granularity, or the anchor's when the unit is a year ("a year earlier" after "the
    third quarter" is the same quarter a year before)."""

    offset: DurationValue
    sign: int  # -1 before, +1 after
    granularity: Granularity | None = None
    mod: Mod | None = None


@dataclass(frozen=True)
class ChronologyRef:
    """A date counted from a named event: "five weeks into the war", "day 100 of the
    invasion", "a month after the invasion began", "since the war started".

    ``offset`` is the distance from the anchor (None for the anchor day itself),
    ``present`` says whether the phrase describes the time of writing ("five weeks into
    the war, X has ...", "30 days in", "the raid enters the third day"), which makes it
    evidence for the publication date.
    """

    anchor_name: str
    offset: DurationValue | None = None
    present: bool = False
    relation: str = "at"  # at | since | after | before
    # names to look the anchor up by, most specific first ("the ukrainian raid", "the raid")
    candidates: tuple[str, ...] = ()
    # "after 40 days of fighting": a length of time too; without its anchor (a history of another
    # war) its TIMEX3 value is that length (P40D) rather than none
    lasting: bool = False


@dataclass(frozen=True)
class HolidayRef:
    """ "Thanksgiving Day", "last Christmas": a holiday whose year comes from the reference.

    ``rule`` is a fixed "MM-DD" or a named computation (easter, thanksgiving_us, election_us).
    """

    rule: str
    relation: str = "nearest"  # nearest | last | this | next
    future: bool = False


def holiday_date(rule: str, year: int) -> dt.date:
    """The day of holiday ``rule`` in ``year``."""
    if rule == "easter":  # anonymous Gregorian computus
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        m = (32 + 2 * e + 2 * i - h - k) % 7
        n = (a + 11 * h + 22 * m) // 451
        month, day = divmod(h + m - 7 * n + 114, 31)
        return dt.date(year, month, day + 1)
    if rule == "thanksgiving_us":  # fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if rule == "election_us":  # the Tuesday after the first Monday of November
        first = dt.date(year, 11, 1)
        monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
        return monday + dt.timedelta(days=1)
    month, day = (int(x) for x in rule.split("-"))
    return dt.date(year, month, day)


@dataclass(frozen=True)
class SameQuarterIn:
    """ "the 1988 quarter": the quarter last mentioned in the text, in ``year`` (the whole
    year when no quarter was mentioned). ``quarter`` says the word was "quarter": then the last
    quarter named counts even with other dates between; "the 1988 period" is that of the last date."""

    year: int
    quarter: bool = False
