"""How dates read on the site: day headings, precision badges, human descriptions."""

from __future__ import annotations

import datetime as dt

from ..core.calendar_math import MONTH_NAMES, WEEKDAY_NAMES
from ..temporal.values import DateValue, Granularity, Mod

MONTHS = MONTH_NAMES
WEEKDAYS = WEEKDAY_NAMES
_MODS = {Mod.START: "early", Mod.MID: "mid", Mod.END: "late"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def day_long(day: dt.date) -> str:
    """'Tuesday 22 March 2022' (the day section heading)."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def day_short(day: dt.date) -> str:
    """'22 March 2022'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_name(key: str) -> str:
    """'2022-03' -> 'March 2022'."""
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


# Precision badges: key (CSS class and CSV value) and label.
EXACT, ABOUT, WEEK, MONTH, PERIOD = "day", "about", "week", "month", "period"
BADGES = {EXACT: "exact day", ABOUT: "about", WEEK: "week of", MONTH: "month of", PERIOD: "period"}


def precision(value: DateValue) -> str:
    """The precision badge key of a date value."""
    if value.mod is Mod.APPROX:
        return ABOUT
    if value.granularity <= Granularity.DAY:
        return EXACT
    if value.granularity == Granularity.WEEK:
        return WEEK
    if value.granularity == Granularity.MONTH:
        return MONTH
    return PERIOD


def describe(value: DateValue) -> str:
    """The value in words: '22 March 2022', 'week of 21 March 2022', 'March 2022', 'spring 2022'."""
    e, g = value.earliest, value.granularity
    if g <= Granularity.PART_OF_DAY and value.clock:
        text = f"{day_short(e)}, {value.clock}"
    elif g <= Granularity.DAY:
        text = day_short(e)
    elif g == Granularity.WEEK:
        text = f"week of {day_short(e)}"
    elif g == Granularity.MONTH:
        text = f"{MONTHS[e.month - 1]} {e.year}"
    elif g == Granularity.SEASON and value.season:
        text = f"{_SEASONS.get(value.season, 'season')} {e.year}"
    elif g == Granularity.YEAR:
        text = str(e.year)
    elif g == Granularity.DECADE:
        text = f"the {e.year}s"
    else:
        text = f"{day_short(e)} to {day_short(value.latest)}"
    if value.mod is Mod.APPROX:
        return f"about {text}"
    if value.mod in _MODS:
        return f"{_MODS[value.mod]} {text}"
    return text


def span(earliest: dt.date, latest: dt.date) -> str:
    """'22 March 2022', or '21 to 27 March 2022', or '30 March to 2 April 2022'."""
    if earliest == latest:
        return day_short(earliest)
    if earliest.year != latest.year:
        return f"{day_short(earliest)} to {day_short(latest)}"
    if earliest.month != latest.month:
        return f"{earliest.day} {MONTHS[earliest.month - 1]} to {day_short(latest)}"
    return f"{earliest.day} to {day_short(latest)}"
