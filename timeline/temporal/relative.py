"""The calendar value of one relative spec, given the day it counts from.

Partial dates take the year that puts them nearest the reference, with a bias to the past (news
reports what happened) unless the sentence reads as future; a given weekday ("Tuesday, March 22")
picks the year where the weekday fits. Which day a spec counts from (the publication date, the
time the text is about, the previous date) is :mod:`.resolution`'s question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from timeline.core.calendar_math import DAYS_PER_MONTH, add_months

from .specs import (
    ChronologyRef,
    DayOfMonth,
    Deictic,
    HolidayRef,
    Shift,
    WeekdayRef,
    YearlessDate,
    holiday_date,
)
from .values import (
    SUB_DAY_UNITS,
    UNIT_DAYS,
    UNIT_GRANULARITY,
    UNIT_MONTHS,
    DateValue,
    DurationUnit,
    DurationValue,
    Granularity,
    Mod,
    RefValue,
)

WEEKDAY_AHEAD = 1
WEEKDAY_POLICY = "past"  # "past": a bare weekday is always the latest one on or before the reference
_FUTURE_PENALTY = 2  # a future reading must be this many times closer to win over a past one (and
# the other way round in a sentence about the future)


def unit_value(
    gran: Granularity, d: dt.date, like: DateValue | None = None, mod: Mod | None = None
) -> DateValue:
    """The calendar unit of granularity ``gran`` that contains day ``d``."""
    if gran <= Granularity.DAY:
        if like is not None and gran < Granularity.DAY:
            return DateValue(gran, d, d, mod, part_of_day=like.part_of_day, clock=like.clock)
        return DateValue.day(d, mod)
    if gran == Granularity.WEEK:
        return DateValue.week(d, mod)
    if gran == Granularity.MONTH:
        return DateValue.month(d.year, d.month, mod)
    if gran == Granularity.QUARTER:
        return DateValue.quarter_of(d.year, (d.month - 1) // 3 + 1, mod)
    if gran == Granularity.HALF:
        return DateValue.half_of(d.year, 1 if d.month <= 6 else 2, mod)
    if gran == Granularity.SEASON and like is not None and like.season:
        return DateValue.season_of(d.year if d.month != 1 and d.month != 2 else d.year - 1, like.season, mod)
    if gran == Granularity.DECADE:
        return DateValue.decade(d.year - d.year % 10, mod)
    if gran == Granularity.CENTURY:
        return DateValue.century(d.year - d.year % 100, mod)
    return DateValue.year(d.year, mod)


def shift_date(d: dt.date, offset: DurationValue, sign: int) -> dt.date | None:
    """``d`` moved by ``offset`` (backwards when ``sign`` is -1); None when the amount is vague or
    the date leaves the calendar. Whole months (and quarters, years, ...) follow the calendar; a
    fractional number of them ("two and a half months") counts mean months of 30.44 days; days
    and weeks round to a whole day; hours, minutes and seconds move only by the whole days they
    hold."""
    if offset.amount is None:
        return None
    n = offset.amount * sign
    u = offset.unit
    try:
        if u in UNIT_MONTHS:
            months = n * UNIT_MONTHS[u]
            if float(months).is_integer():
                return add_months(d, int(months))
            return d + dt.timedelta(days=round(months * DAYS_PER_MONTH))
        if u in SUB_DAY_UNITS:
            hours = n if u == DurationUnit.HOUR else n / 60 if u == DurationUnit.MINUTE else n / 3600
            return d + dt.timedelta(days=int(hours // 24) if abs(hours) >= 24 else 0)
        return d + dt.timedelta(days=round(n * UNIT_DAYS[u]))
    except (OverflowError, ValueError):
        return None


def yearless_in(spec: YearlessDate, year: int) -> DateValue | None:
    try:
        if spec.granularity == Granularity.WEEK and spec.month is not None and spec.day is not None:
            return DateValue.week(dt.date(year, spec.month, spec.day), spec.mod)
        if spec.month is not None and spec.day is not None:
            d = dt.date(year, spec.month, spec.day)
            if spec.part_of_day or spec.clock:
                return DateValue(
                    Granularity.PART_OF_DAY, d, d, spec.mod, part_of_day=spec.part_of_day, clock=spec.clock
                )
            return DateValue.day(d, spec.mod)
        if spec.month is not None:
            return DateValue.month(year, spec.month, spec.mod)
        if spec.season:
            return DateValue.season_of(year, spec.season, spec.mod)
        if spec.quarter:
            return DateValue.quarter_of(year, spec.quarter, spec.mod)
        if spec.half:
            return DateValue.half_of(year, spec.half, spec.mod)
    except ValueError:  # 29 February in a non-leap year
        return None
    return None


def _distance(v: DateValue, ref: dt.date, future_ok: bool) -> float:
    if v.earliest <= ref <= v.latest:
        return 0
    if v.latest < ref:
        # in a sentence about the future the past reading pays the penalty ("will double its
        # flights by August", written in February: this August, not last)
        return (ref - v.latest).days * (_FUTURE_PENALTY if future_ok else 1)
    return (v.earliest - ref).days * (1 if future_ok else _FUTURE_PENALTY)


def resolve_yearless(spec: YearlessDate, ref: dt.date) -> DateValue | None:
    if spec.year_offset is not None:
        return yearless_in(spec, ref.year + spec.year_offset)
    if spec.relation == "this":
        return yearless_in(spec, ref.year)
    cands = [c for y in (ref.year - 1, ref.year, ref.year + 1) if (c := yearless_in(spec, y)) is not None]
    if spec.relation == "last":
        past = [c for c in cands if c.latest < ref]
        return past[-1] if past else None
    if spec.relation == "next":
        fut = [c for c in cands if c.earliest > ref]
        return fut[0] if fut else None
    if spec.weekday is not None and spec.day is not None:
        # "Tuesday, March 22": the year where March 22 is a Tuesday, nearest the reference
        fits = [
            c
            for y in range(ref.year - 6, ref.year + 2)
            if (c := yearless_in(spec, y)) is not None and c.earliest.weekday() == spec.weekday
        ]
        fits = [c for c in fits if abs((c.earliest - ref).days) <= 400]
        if fits:
            cands = fits
    if not cands:
        return None
    if spec.past or (spec.quarter and not spec.future):
        # a quarter named without its year is one reported on, the latest begun, unless the
        # sentence looks ahead ("earned $5.2 million in the fiscal first quarter", in October)
        # a day ahead is still past for a writer in another time zone or after midnight ("в ночь
        # на 21 ноября ... было" in an article dated the 20th)
        past = [c for c in cands if c.earliest <= ref + dt.timedelta(days=1)]
        if past:
            return max(past, key=lambda c: c.earliest)
    return min(cands, key=lambda c: _distance(c, ref, spec.future))


def resolve_weekday(spec: WeekdayRef, ref: dt.date) -> DateValue:
    back = (ref.weekday() - spec.weekday) % 7
    ahead = (spec.weekday - ref.weekday()) % 7
    if spec.relation == "last":
        d = ref - dt.timedelta(days=back or 7)
    elif spec.relation == "next":
        d = ref + dt.timedelta(days=ahead or 7)
    elif spec.relation == "this":
        d = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=spec.weekday)
    elif spec.future or (
        not spec.past and ((WEEKDAY_POLICY == "nearest" and 0 < ahead < back) or 0 < ahead <= WEEKDAY_AHEAD)
    ):
        # a weekday a day ahead is the coming one (the past one would be almost a week old)
        d = ref + dt.timedelta(days=ahead)
    else:
        d = ref - dt.timedelta(days=back)
    d += dt.timedelta(days=spec.days)
    if spec.clock:
        return DateValue(Granularity.MINUTE, d, d, clock=spec.clock)
    # "Friday night" is reported as the day: news uses it as a date, not as a time of day
    return DateValue.day(d)


def resolve_deictic(spec: Deictic, ref: dt.date) -> DateValue | None:
    u, n = spec.unit, spec.offset
    if u == "D":
        d = ref + dt.timedelta(days=n)
        if spec.part_of_day or spec.clock:
            return DateValue(
                Granularity.PART_OF_DAY, d, d, spec.mod, part_of_day=spec.part_of_day, clock=spec.clock
            )
        return DateValue.day(d, spec.mod)
    if u == "WE":
        # "the weekend": the latest Saturday-Sunday on or before the reference, shifted
        sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7) + dt.timedelta(weeks=n)
        return DateValue(Granularity.WEEK, sat, sat + dt.timedelta(days=1), spec.mod, weekend=True)
    if u == "W":
        return DateValue.week(ref + dt.timedelta(weeks=n), spec.mod)
    if u == "M":
        d = add_months(ref, n)
        return DateValue.month(d.year, d.month, spec.mod)
    if u == "Q":
        d = add_months(ref, 3 * n)
        return DateValue.quarter_of(d.year, (d.month - 1) // 3 + 1, spec.mod)
    if u == "H":
        d = add_months(ref, 6 * n)
        return DateValue.half_of(d.year, 1 if d.month <= 6 else 2, spec.mod)
    if u == "Y":
        return DateValue.year(ref.year + n, spec.mod)
    if u == "DE":
        y = ref.year + 10 * n
        return DateValue.decade(y - y % 10, spec.mod)
    if u == "CE":
        y = ref.year + 100 * n
        return DateValue.century(y - y % 100, spec.mod)
    return None


def resolve_dayofmonth(spec: DayOfMonth, ref: dt.date) -> DateValue | None:
    month_start = ref.replace(day=1)
    base = month_start if spec.day <= ref.day or spec.future else add_months(month_start, -1)
    if spec.future and spec.day < ref.day:
        base = add_months(month_start, 1)
    try:
        return DateValue.day(base.replace(day=spec.day))
    except ValueError:
        return None


def day_in_month(day: int, d: dt.date) -> DateValue | None:
    try:
        return DateValue.day(d.replace(day=day))
    except ValueError:
        return None


def resolve_holiday(spec: HolidayRef, ref: dt.date) -> DateValue:
    cands = [DateValue.day(holiday_date(spec.rule, y)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if spec.relation == "last":
        return [c for c in cands if c.latest < ref][-1]
    if spec.relation == "next":
        return next(c for c in cands if c.earliest > ref)
    if spec.relation == "this":
        return cands[1]
    return min(cands, key=lambda c: _distance(c, ref, spec.future))


def resolve_shift(
    spec: Shift, base: DateValue, from_previous: bool, last: DateValue | None = None
) -> DateValue | RefValue | None:
    if spec.offset.amount is None:
        return RefValue("PAST_REF" if spec.sign < 0 else "FUTURE_REF")
    gran = spec.granularity or UNIT_GRANULARITY.get(spec.offset.unit, Granularity.DAY)
    if (
        spec.granularity is None
        and not from_previous
        and last is not None
        and spec.offset.unit == "Y"
        and spec.offset.amount == 1
        and last.granularity == Granularity.QUARTER
    ):
        # "profit fell in the third quarter from $5 million a year ago": the same quarter, a year before
        base, from_previous = last, True
    if (
        spec.granularity is None
        and spec.offset.amount != 0
        and from_previous
        and spec.offset.unit in ("Y", "Q", "M")
        and Granularity.DAY < base.granularity < gran
    ):
        gran = base.granularity  # "a year earlier" after "the third quarter": that quarter, a year before
    if (
        from_previous
        and spec.granularity is None
        and base.granularity >= Granularity.WEEK
        and base.granularity > gran
    ):
        # "the next day" after "in 2014" is some day of 2014, not 2 January: counted from a coarse
        # date, the result keeps that coarse unit (no false precision), moved from the bound it leaves
        d = shift_date(base.latest if spec.sign < 0 else base.earliest, spec.offset, spec.sign)
        return None if d is None else unit_value(base.granularity, d, like=base, mod=spec.mod)
    d = shift_date(base.earliest, spec.offset, spec.sign)
    if d is None:
        return None
    return unit_value(gran, d, like=base, mod=spec.mod)


def resolve_chronology(spec: ChronologyRef, anchors: Mapping[str, dt.date] | None) -> DateValue | None:
    if not anchors:
        return None
    day = None
    for name in spec.candidates or (spec.anchor_name,):
        day = anchors.get(name)
        if day is not None:
            break
    if day is None:
        return None
    if spec.offset is None:
        return DateValue.day(day)
    d = shift_date(day, spec.offset, -1 if spec.relation == "before" else 1)
    if d is None:
        return None
    if spec.offset.unit == "D":
        return DateValue.day(d)
    return DateValue(Granularity.DAY, d, d, Mod.APPROX)
