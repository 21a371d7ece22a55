"""Build the value of a rule's match that names a unit of the calendar: "March 22, 2022", "the
1990s", "2 BC", "nineteen ninety-one", "Easter 2022", "the third quarter of 2021", "22/03/2022".

One function a kind of ``value: {kind: ...}`` in the rule files (:mod:`.builders` sends each match
to its kind); a date without its year keeps a :class:`~.specs.YearlessDate` for
:mod:`.resolution`. Each returns (value, spec, notes).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .captures import BuildError, CaptureReader, Getter
from .numeric import parse_numeric_date
from .rules import Rule
from .specs import HolidayRef, SameQuarterIn, YearlessDate, holiday_date
from .values import BCValue, DateValue, Granularity, Mod


def date(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    mod = r.mod(g("mod")) or (Mod(p["mod"]) if p.get("mod") else None)
    year_s, month_s, day_s = g("year"), g("month"), g("day")
    weekday = r.rs.lookup("weekdays", g("weekday") or "") if g("weekday") else None
    season = r.rs.lookup("seasons", g("season") or "") if g("season") else None
    quarter = r.ordinal(g("quarter") or "") if g("quarter") else None
    if quarter == -1:
        quarter = 4
    half = r.ordinal(g("half") or "") if g("half") else None
    if half == -1:
        half = 2
    pod = r.pod(g("pod"))
    month = r.month(month_s) if month_s else None
    day = int(re.sub(r"\D", "", day_s)) if day_s else None
    if g("dayw"):
        day = r.ordinal(g("dayw") or "")
    if g("decade_word"):
        start = int(r.rs.lookup("decade_words", g("decade_word") or ""))
        return DateValue.decade(start, mod), None, []
    if g("decade"):
        d = (g("decade") or "").lstrip("'\u2019")
        start = int(d[:4]) if len(d) >= 4 else r.year(d[:2])
        return DateValue.decade(start - start % 10, mod), None, []
    if g("century"):
        c = r.ordinal(g("century") or "")
        return DateValue.century((c - 1) * 100, mod), None, []
    rel = (g("rel") or p.get("relation") or "nearest").lower()
    rel = {"past": "last", "previous": "last", "coming": "next", "current": "this"}.get(rel, rel)
    clock = r.clock(g)
    if year_s and g("start_yy") and int(year_s) <= int(g("start_yy") or 0):
        raise BuildError("a range ends after it starts")
    if year_s:
        year = r.year(year_s, g("century_of"))
        try:
            if day is not None and month is not None and p.get("week_of"):
                return DateValue.week(dt.date(year, month, day)), None, []
            if day is not None and month is not None:
                value = DateValue.day(dt.date(year, month, day), mod)
                if pod or clock:
                    gran = Granularity.MINUTE if clock else Granularity.PART_OF_DAY
                    d0 = value.earliest
                    value = DateValue(gran, d0, d0, mod, part_of_day=pod, clock=clock)
                notes = []
                if weekday is not None and value.earliest.weekday() != weekday:
                    notes.append("weekday does not match the date")
                return value, None, notes
            if month is not None:
                return DateValue.month(year, month, mod), None, []
        except ValueError as exc:
            raise BuildError(str(exc)) from exc
        if season:
            return DateValue.season_of(year, str(season), mod), None, []
        if quarter:
            return DateValue.quarter_of(year, quarter, mod), None, []
        if half:
            return DateValue.half_of(year, half, mod), None, []
        return DateValue.year(year, mod), None, []
    # no year: resolve later from the reference date
    if month is not None and day is not None and p.get("week_of"):
        gran = Granularity.WEEK
    elif month is not None and day is not None:
        if not 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            raise BuildError("no such day")
        gran = Granularity.MINUTE if clock else Granularity.PART_OF_DAY if pod else Granularity.DAY
    elif month is not None:
        gran = Granularity.MONTH
    elif season:
        gran = Granularity.SEASON
    elif quarter:
        gran = Granularity.QUARTER
    elif half:
        gran = Granularity.HALF
    else:
        raise BuildError("nothing to build a date from")
    spec = YearlessDate(
        gran,
        month=month,
        day=day,
        weekday=weekday,
        season=str(season) if season else None,
        quarter=quarter,
        half=half,
        part_of_day=pod,
        clock=clock,
        mod=mod,
        year_offset=int(r.rs.lookup("deictic_offsets", g("yrel") or "")) if g("yrel") else None,
        relation=rel,
    )
    return None, spec, []


def bc(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    if g("century"):
        c = r.ordinal(g("century") or "")
        return BCValue(c * 100 - 1, Granularity.CENTURY), None, []
    return BCValue(int(g("year") or "0")), None, []


def year_words(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    words = re.split(r"[\s-]+", (g("yw") or "").lower())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        year = 2000 + int(r.number(" ".join(rest), default=0) or 0) if rest else 2000
    else:
        century = int(r.number(words[0]) or 0)
        rest = [w for w in words[1:] if w not in ("oh", "hundred")]
        year = century * 100 + (int(r.number(" ".join(rest)) or 0) if rest else 0)
    if g("month"):
        return DateValue.month(year, r.month(g("month") or "")), None, []
    if g("season"):
        return DateValue.season_of(year, str(r.rs.lookup("seasons", g("season") or ""))), None, []
    return DateValue.year(year), None, []


def holiday(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    how = str(r.rs.lookup("holidays", g("holiday") or ""))
    rel = (g("rel") or "nearest").lower()
    if g("year"):
        day = holiday_date(how, int(g("year") or 0))
        return DateValue.day(day), None, []
    return None, HolidayRef(how, rel), []


def year_period(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    year = int(g("year") or 0)
    if g("quarter"):
        q = r.ordinal(g("quarter") or "")
        return DateValue.quarter_of(year, 4 if q == -1 else q), None, []
    return None, SameQuarterIn(year, quarter=bool(g("qword"))), []


def numeric(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    d = parse_numeric_date(g("t") or g("all") or "")
    if d is None:
        raise BuildError("not a numeric date")
    return DateValue.day(d), None, []


def no_value(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    return None, None, []
