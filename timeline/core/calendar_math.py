"""Calendar arithmetic and English month and weekday names, written once for every stage.

Shifting by months follows the calendar (31 January plus one month is 28 or 29 February); month
names are fixed English words, not the process locale's (``calendar.month_name`` and
``calendar.day_name`` change with ``LC_TIME``). Stage-free: this module imports nothing of the package.
"""

from __future__ import annotations

import calendar
import datetime as dt

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Month words in lower case, full and abbreviated ("may", "sep", "sept"), to their number 1-12.
MONTH_NUMBERS = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}

# The mean length of a month (about 365.25 / 12) and of a year in days: what a
# fractional number of months or years ("two and a half months") is counted in.
DAYS_PER_MONTH = 30.44
DAYS_PER_YEAR = 365.25


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar ``months``, kept inside the month it lands in (31 March
    minus one month is the last day of February)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_name(month: int) -> str:
    """'March' for 3."""
    return MONTH_NAMES[month - 1]


def day_text(day: dt.date) -> str:
    """'22 March 2022'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
