"""Numeric dates ("22/03/2022", "3.22.22") parsed with one configured dateparser parser.

Only spans a rule already found reach dateparser (never running text). When one field
cannot be a month (> 12) the order is unambiguous; otherwise the configured default
order applies (day first, as in most of the English-speaking world's press outside the
US; set ``NUMERIC_ORDER`` to "MDY" for US sources).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings
from typing import Any

NUMERIC_ORDER = "DMY"

_FIELDS = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})")


@functools.cache
def _parser(order: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "DATE_ORDER": order,
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def parse_numeric_date(span: str, order: str | None = None) -> dt.date | None:
    """The day a numeric date span names, or None when it is not a valid date."""
    m = _FIELDS.fullmatch(span.strip())
    if not m:
        return None
    a, b, _c = (int(x) for x in m.groups())
    if len(m.group(1)) == 4:
        chosen = "YMD"
    elif a > 12 >= b:
        chosen = "DMY"
    elif b > 12 >= a:
        chosen = "MDY"
    else:
        chosen = order or NUMERIC_ORDER
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = _parser(chosen).get_date_data(span.strip())
    if data is None or data.date_obj is None or data.period != "day":
        return None
    day: dt.date = data.date_obj.date()
    return day
