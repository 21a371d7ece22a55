"""Typed temporal values: what a date expression means, as objects.

TIMEX3 value strings ("2022-03-22", "2022-W12", "P5W", "PRESENT_REF") are produced
only at the edges (``timex3()``), for JSON output and evaluation. Inside the pipeline
everything is a typed value with a granularity and an earliest/latest day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from enum import Enum, IntEnum, StrEnum

from timeline.core.calendar_math import DAYS_PER_MONTH, DAYS_PER_YEAR


class Granularity(IntEnum):
    """How precise a date value is, finest first (so values compare by precision)."""

    MINUTE = 0
    HOUR = 1
    PART_OF_DAY = 2
    DAY = 3
    WEEK = 4
    MONTH = 5
    SEASON = 6
    QUARTER = 7
    HALF = 8
    YEAR = 9
    DECADE = 10
    CENTURY = 11


class TimexType(str, Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class AnchorKind(str, Enum):
    """What a rule's value is computed from."""

    NONE = "none"  # absolute: "22 March 2022"
    PUBLICATION = "publication"  # deictic: "yesterday", "last week", "March 22" (year)
    PREVIOUS = "previous"  # "the previous day", "two days later"
    CHRONOLOGY = "chronology"  # "five weeks into the war", "since the invasion began"


class Mod(str, Enum):
    """TIMEX3 ``mod`` values we use."""

    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_AFTER = "ON_OR_AFTER"


class DurationUnit(StrEnum):
    """The unit of a length of time: TIMEX3 letters (MIN for minutes), so that JSON keeps them."""

    SECOND = "S"
    MINUTE = "MIN"
    HOUR = "H"
    DAY = "D"
    WEEK = "W"
    MONTH = "M"
    QUARTER = "Q"
    YEAR = "Y"
    DECADE = "DE"
    CENTURY = "CE"


SUB_DAY_UNITS = frozenset({DurationUnit.SECOND, DurationUnit.MINUTE, DurationUnit.HOUR})
# a unit, how many of the next smaller one it holds exactly, and how TIMEX3 writes both
_SMALLER = {
    DurationUnit.YEAR: (12, "P{}Y{}M"),
    DurationUnit.DAY: (24, "P{}DT{}H"),
    DurationUnit.HOUR: (60, "PT{}H{}M"),
    DurationUnit.MINUTE: (60, "PT{}M{}S"),
}
# Units counted in calendar months (a shift by whole months follows the calendar).
UNIT_MONTHS = {
    DurationUnit.MONTH: 1,
    DurationUnit.QUARTER: 3,
    DurationUnit.YEAR: 12,
    DurationUnit.DECADE: 120,
    DurationUnit.CENTURY: 1200,
}
# The mean length of each unit of a day or longer, in days.
UNIT_DAYS = {
    DurationUnit.DAY: 1.0,
    DurationUnit.WEEK: 7.0,
    DurationUnit.MONTH: DAYS_PER_MONTH,
    DurationUnit.QUARTER: 3 * DAYS_PER_MONTH,
    DurationUnit.YEAR: DAYS_PER_YEAR,
    DurationUnit.DECADE: 10 * DAYS_PER_YEAR,
    DurationUnit.CENTURY: 100 * DAYS_PER_YEAR,
}
# The granularity of a date reached by shifting by a unit ("three weeks later" is a week, "two
# hours later" a day: the resolver counts no hours).
UNIT_GRANULARITY = {
    DurationUnit.DAY: Granularity.DAY,
    DurationUnit.WEEK: Granularity.WEEK,
    DurationUnit.MONTH: Granularity.MONTH,
    DurationUnit.QUARTER: Granularity.QUARTER,
    DurationUnit.YEAR: Granularity.YEAR,
    DurationUnit.DECADE: Granularity.DECADE,
    DurationUnit.CENTURY: Granularity.CENTURY,
    DurationUnit.HOUR: Granularity.DAY,
    DurationUnit.MINUTE: Granularity.DAY,
    DurationUnit.SECOND: Granularity.DAY,
}


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PARTS_OF_DAY = ("MO", "AF", "EV", "NI", "DT")


# TIMEX3 values of the granularities from a month up ("2022-03", "2022-SU", "2022-Q1", "202" for
# the 2020s, "20" for the 21st century).
_TIMEX3_FORMS = {
    Granularity.MONTH: "{year:04d}-{month:02d}",
    Granularity.SEASON: "{year:04d}-{season}",
    Granularity.QUARTER: "{year:04d}-Q{quarter}",
    Granularity.HALF: "{year:04d}-H{half}",
    Granularity.YEAR: "{year:04d}",
    Granularity.DECADE: "{decade:03d}",
    Granularity.CENTURY: "{century:02d}",
}


@dataclass(frozen=True)
class DateValue:
    """A calendar value (TIMEX3 DATE or TIME) with its interval.

    ``earliest``/``latest`` are inclusive days. ``granularity`` says how the value is
    written: a MONTH value covers the whole month. ``season``/``quarter``/``half`` name
    the sub-year unit; ``part_of_day`` is MO/AF/EV/NI; ``clock`` is "HH:MM" for times.
    """

    granularity: Granularity
    earliest: dt.date
    latest: dt.date
    mod: Mod | None = None
    season: str | None = None  # SP SU FA WI
    quarter: int | None = None
    half: int | None = None
    part_of_day: str | None = None
    clock: str | None = None  # "16:30"
    weekend: bool = False  # a WEEK value that covers only its Saturday and Sunday ("2022-W12-WE")

    # ---- constructors -------------------------------------------------
    @staticmethod
    def day(d: dt.date, mod: Mod | None = None) -> DateValue:
        return DateValue(Granularity.DAY, d, d, mod)

    @staticmethod
    def month(year: int, month: int, mod: Mod | None = None) -> DateValue:
        last = calendar.monthrange(year, month)[1]
        return DateValue(Granularity.MONTH, dt.date(year, month, 1), dt.date(year, month, last), mod)

    @staticmethod
    def year(year: int, mod: Mod | None = None) -> DateValue:
        return DateValue(Granularity.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31), mod)

    @staticmethod
    def decade(decade_start: int, mod: Mod | None = None) -> DateValue:
        return DateValue(
            Granularity.DECADE, dt.date(decade_start, 1, 1), dt.date(decade_start + 9, 12, 31), mod
        )

    @staticmethod
    def century(century_start: int, mod: Mod | None = None) -> DateValue:
        return DateValue(
            Granularity.CENTURY, dt.date(century_start, 1, 1), dt.date(century_start + 99, 12, 31), mod
        )

    @staticmethod
    def week(any_day: dt.date, mod: Mod | None = None) -> DateValue:
        monday = any_day - dt.timedelta(days=any_day.weekday())
        return DateValue(Granularity.WEEK, monday, monday + dt.timedelta(days=6), mod)

    @staticmethod
    def season_of(year: int, season: str, mod: Mod | None = None) -> DateValue:
        first, last = _SEASONS[season]
        end_year = year + 1 if season == "WI" else year
        start = dt.date(year, first, 1)
        end = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
        return DateValue(Granularity.SEASON, start, end, mod, season=season)

    @staticmethod
    def quarter_of(year: int, quarter: int, mod: Mod | None = None) -> DateValue:
        first = 3 * (quarter - 1) + 1
        end = dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        return DateValue(Granularity.QUARTER, dt.date(year, first, 1), end, mod, quarter=quarter)

    @staticmethod
    def half_of(year: int, half: int, mod: Mod | None = None) -> DateValue:
        if half == 1:
            return DateValue(Granularity.HALF, dt.date(year, 1, 1), dt.date(year, 6, 30), mod, half=1)
        return DateValue(Granularity.HALF, dt.date(year, 7, 1), dt.date(year, 12, 31), mod, half=2)

    # ---- edges ----------------------------------------------------------
    def timex3(self) -> str:
        """The TIMEX3 ``value`` attribute for this value."""
        e = self.earliest
        g = self.granularity
        if g <= Granularity.PART_OF_DAY:
            base = e.isoformat()
            if self.clock:
                return f"{base}T{self.clock}"
            if self.part_of_day:
                return f"{base}T{self.part_of_day}"
            return base
        if g == Granularity.DAY:
            return e.isoformat()
        if g == Granularity.WEEK:
            iso = e.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if self.weekend else "")
        return _TIMEX3_FORMS[g].format(
            year=e.year,
            month=e.month,
            season=self.season,
            quarter=self.quarter,
            half=self.half,
            decade=e.year // 10,
            century=e.year // 100,
        )

    @property
    def width_days(self) -> int:
        return (self.latest - self.earliest).days + 1


@dataclass(frozen=True)
class DurationValue:
    """A length of time: ``amount`` units (None for "several", written as X)."""

    amount: float | None
    unit: DurationUnit
    mod: Mod | None = None

    def timex3(self) -> str:
        if self.amount is None:
            n = "X"
        elif float(self.amount).is_integer():
            n = str(int(self.amount))
        elif (mixed := self._mixed()) is not None:
            return mixed
        else:
            n = repr(float(self.amount))
        if self.unit in SUB_DAY_UNITS:
            return f"PT{n}{'M' if self.unit == DurationUnit.MINUTE else self.unit}"
        return f"P{n}{self.unit}"

    def _mixed(self) -> str | None:
        """A fraction in whole smaller units, as TIMEX3 writes it: "5 1/2 hours" PT5H30M, "2 1/2
        years" P2Y6M, "a day and a half" P1DT12H (None when the rest is not whole)."""
        amount = float(self.amount or 0)
        whole = int(amount)
        if self.unit not in _SMALLER:
            return None
        factor, form = _SMALLER[self.unit]
        rest = (amount - whole) * factor
        if not rest.is_integer() or whole == 0:
            return None
        return form.format(whole, int(rest))


@dataclass(frozen=True)
class RefValue:
    """PRESENT_REF, PAST_REF or FUTURE_REF ("now", "recently", "in the future")."""

    ref: str

    def timex3(self) -> str:
        return self.ref


@dataclass(frozen=True)
class SetValue:
    """A recurrence ("every day" P1D, "weekly" P1W, "every Tuesday" XXXX-WXX-2)."""

    value: str  # already in TIMEX3 form; sets are leaves with no interval
    quant: str | None = None  # EVERY, EACH

    def timex3(self) -> str:
        return self.value


@dataclass(frozen=True)
class BCValue:
    """A year, decade or century before the common era ("490 BC" -> TIMEX3 "BC0490").

    Python dates cannot hold such years, so this value has no earliest/latest days.
    """

    year: int  # counted backwards: 490 for 490 BC
    granularity: Granularity = Granularity.YEAR

    def timex3(self) -> str:
        if self.granularity == Granularity.CENTURY:
            return f"BC{self.year // 100:02d}"
        if self.granularity == Granularity.DECADE:
            return f"BC{self.year // 10:03d}"
        return f"BC{self.year:04d}"


Value = DateValue | DurationValue | RefValue | SetValue | BCValue


@dataclass
class Timex:
    """One temporal expression found in a text.

    ``start``/``end`` are character offsets into the text given to the tagger, so
    ``text == source[start:end]``. ``value`` is None only while a relative expression
    is still unresolved (no reference date known); ``spec`` keeps what is needed to
    resolve it later (see :mod:`timeline.temporal.resolution`).
    """

    start: int
    end: int
    text: str
    type: TimexType
    rule: str
    anchor: AnchorKind
    value: Value | None = None
    spec: object | None = None  # typed, rule-specific relative description
    anchor_name: str | None = None  # chronology anchor id ("invasion") or None
    notes: list[str] = field(default_factory=list)
    # the days a value that is not a date covers, once the anchoring places it ("now" is the
    # publication day, "for two decades" in "has ruled for two decades" ends there); None on
    # a side means open ("recently": no earliest day)
    period: tuple[dt.date | None, dt.date | None] | None = None

    @property
    def earliest(self) -> dt.date | None:
        if isinstance(self.value, DateValue):
            return self.value.earliest
        return self.period[0] if self.period else None

    @property
    def latest(self) -> dt.date | None:
        if isinstance(self.value, DateValue):
            return self.value.latest
        return self.period[1] if self.period else None

    @property
    def granularity(self) -> Granularity | None:
        return self.value.granularity if isinstance(self.value, DateValue) else None

    def timex3(self) -> str | None:
        if self.value is None and getattr(self.spec, "lasting", False):
            offset = getattr(self.spec, "offset", None)  # "40 days of fighting" with no anchor
            return offset.timex3() if isinstance(offset, DurationValue) else None
        return self.value.timex3() if self.value is not None else None
