"""Which day is 'today': the latest day an article can have been published.

The core never reads the clock; the command line resolves 'today' once, here, and passes it in.
Sources, the first one that is set wins:

1. ``--today YYYY-MM-DD`` on the command line (this run only);
2. ``extra.timeline.today`` in ``mkdocs.yml`` (a pin committed with the project);
3. the ``SOURCE_DATE_EPOCH`` environment variable, the reproducible-builds convention (whole
   seconds since 1970-01-01 UTC; its UTC date is used). It stands in for the clock, so it does not
   override a date the user wrote down (https://reproducible-builds.org/specs/source-date-epoch/);
4. the clock: the current date in UTC.

Every source that is set must be well formed, even when a higher one wins: a malformed value is an
error that says where it came from and what was expected, never silently ignored. An empty
``SOURCE_DATE_EPOCH`` counts as unset (as in most tools).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from .errors import TimelineError

ENV = "SOURCE_DATE_EPOCH"
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SECONDS = re.compile(r"^\d+$")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class TodayError(TimelineError, ValueError):
    """A value for 'today' that cannot be read; the message says where it came from and what was
    expected."""


class Today(NamedTuple):
    day: dt.date
    source: str  # "--today", "extra.timeline.today", "SOURCE_DATE_EPOCH" or "the clock"


def parse_day(text: str) -> dt.date:
    """``YYYY-MM-DD`` (exactly that form) as a date; ValueError otherwise."""
    match = _DAY.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not written YYYY-MM-DD")
    return dt.date(int(match[1]), int(match[2]), int(match[3]))


def epoch_day(value: str) -> dt.date:
    """The UTC date of ``SOURCE_DATE_EPOCH``'s value; TodayError naming the variable otherwise."""
    raw = value.strip()
    if not _SECONDS.match(raw):
        raise TodayError(
            f"{ENV}={value!r} is not a whole number of seconds since 1970-01-01 (UTC); "
            "set it with e.g. `export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`, or unset it"
        )
    try:
        return (_EPOCH + dt.timedelta(seconds=int(raw))).date()
    except OverflowError:
        raise TodayError(
            f"{ENV}={value!r} is too large: it lies after the year 9999 (expected seconds since "
            "1970-01-01, UTC)"
        ) from None


def utc_today() -> dt.date:
    """The clock, read once at the command-line edge."""
    return dt.datetime.now(dt.UTC).date()


def resolve_today(
    option: dt.date | None,
    setting: dt.date | None,
    environ: Mapping[str, str],
    clock: Callable[[], dt.date] = utc_today,
) -> Today:
    """'Today' from the first source that is set (see the module); ``clock`` is called only when
    none is. Raises TodayError for a malformed ``SOURCE_DATE_EPOCH``, used or not (the option and
    the setting arrive already checked, by argparse and :func:`timeline.config.load_settings`)."""
    value = environ.get(ENV, "")
    epoch = epoch_day(value) if value.strip() else None
    if option is not None:
        return Today(option, "--today")
    if setting is not None:
        return Today(setting, "extra.timeline.today")
    if epoch is not None:
        return Today(epoch, ENV)
    return Today(clock(), "the clock")
