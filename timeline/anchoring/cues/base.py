"""The cue model: what one clue says about the publication day, as a likelihood over days, and
the date arithmetic and tuning tables that several cue families share."""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass, field
from enum import StrEnum

from timeline.core.calendar_math import day_text
from timeline.temporal.relative import shift_date
from timeline.temporal.values import DurationValue

from ..model import Evidence


class CueKind(StrEnum):
    """What a cue is read from (the value is its name in cache keys and tests)."""

    WAR_RELATIVE = "war-relative"  # "five weeks into the war", said of the time of writing
    DATED = "dated"  # a date the article follows soon after ("on March 22")
    CAPTION = "caption"  # a photo caption's date (the day the picture was taken)
    DEICTIC_DATE = "deictic-date"  # "yesterday (March 21)": the day of writing itself
    EVENT_OFFSET = "event-offset"  # a known event "two weeks ago" or "yesterday"
    EVENT = "event"  # a known event is mentioned: the article is from after it
    LOWER_BOUND = "lower-bound"  # a date told as past: the article is from after it
    UPPER_BOUND = "upper-bound"  # the article is from before a date (an id in its address)
    FUTURE = "future"  # a date told as future: the article is from before it
    LAST_DATE = "last-date"  # "last November 24": weeks to a year before the article
    YEAR = "year"  # the year (or month) after a known event ("the invasion last year")
    MONTH = "month"  # a month without a year, or "earlier this month" next to a date
    SEASON = "season"  # "this winter", "last summer"
    WEEKDAY = "weekday"  # "on Tuesday"
    LATEST_YEAR = "latest-year"  # the latest year the text names
    DATELINE = "dateline"  # "KYIV, March 22 (Reuters) -", or a "Published ..." line
    UPDATED = "updated"  # an "Updated ..." line: published then or before
    URL = "url"  # a date in the article's address
    URL_MONTH = "url-month"  # a year and month in the address
    URL_ID = "url-id"  # an outlet's article number or a record id in the address
    NEWS = "news"  # news of a known day ("the talks in Istanbul")
    CORPUS = "corpus"  # dated articles of the pile that report the same news
    CORPUS_PROFILE = "corpus-profile"  # the days the article's rare words were news


# Kinds whose peak can confirm an estimate (lower bounds and weekdays only shape it).
POINT_KINDS = frozenset(
    {
        CueKind.WAR_RELATIVE,
        CueKind.DATED,
        CueKind.CAPTION,
        CueKind.DEICTIC_DATE,
        CueKind.EVENT_OFFSET,
        CueKind.URL,
        CueKind.URL_ID,
        CueKind.DATELINE,
        CueKind.UPDATED,
    }
)

# How soon after a dated event an article about it appears: share of the "recent" mass on
# day 0, 1, 2, ... after the date (news is mostly written the same or the next day).
RECENT = (0.30, 0.30, 0.13, 0.07, 0.05, 0.04, 0.03, 0.025, 0.02, 0.015, 0.012, 0.01, 0.008, 0.006, 0.004)
# Typical spread (days, one sigma) of "N units into the war", by unit.
SIGMA = {"D": 1.0, "W": 2.5, "M": 8.0, "Y": 40.0}
# Spread (days, one sigma, times the square root of the amount) of "N units ago" counted from
# an event: writers round these more loosely than "N units into the war".
AGO_SIGMA = {"D": 1.0, "W": 3.0, "M": 12.0, "Y": 45.0}

fmt = day_text  # how cue reasons write a day: "22 March 2022"


@dataclass
class Cue:
    kind: CueKind
    evidence: Evidence
    default: float = 1.0  # likelihood on days no range covers
    ranges: list[tuple[dt.date, dt.date, float]] = field(default_factory=list)  # later ones win
    daily: dict[dt.date, float] = field(default_factory=dict)  # single days, win over ranges
    group: str = ""  # cues with the same group are duplicates: only the first counts
    # periodic cue ("on Tuesday"): (weekday, table of P(days between), counts forward)
    weekday: tuple[int, tuple[float, ...], bool] | None = None
    # the days a "dated" cue says the article follows soon after (one per fitting year)
    points: tuple[dt.date, ...] = ()
    # helps pick the day, but its probabilities are not calibrated: it moves neither the interval
    # nor the confidence (see infer.estimate_from_cues)
    rank_only: bool = False

    def at(self, day: dt.date) -> float:
        if day in self.daily:
            return self.daily[day]
        for lo, hi, v in reversed(self.ranges):
            if lo <= day <= hi:
                return v
        return self.default


def shift(day: dt.date, offset: DurationValue, sign: int = 1) -> dt.date | None:
    """``day`` moved by ``offset`` as the resolver moves it; None for units other than days,
    weeks, months and years (the cues know the spread of no other)."""
    if offset.unit not in SIGMA:
        return None
    return shift_date(day, offset, sign)


def bell(cue: Cue, center: dt.date, sigma: float, mass: float, skew: int = 0) -> None:
    """Put ``mass`` as a (possibly one-sided) bell around ``center``; skew>0 only after it."""
    offsets, weights, total = _bell_weights(sigma, skew)
    default = cue.default
    cue.daily.update(
        zip([center + k for k in offsets], [mass * w / total + default for w in weights], strict=True)
    )


@functools.lru_cache(maxsize=1024)
def _bell_weights(sigma: float, skew: int) -> tuple[list[dt.timedelta], list[float], float]:
    """The bell's day offsets, unnormalized weights, and their sum (the same for many cues)."""
    span = max(1, round(3 * sigma))
    weights = {}
    for k in range(-span, span + 1):
        if (skew > 0 and k < 0) or (skew < 0 and k > 0):
            continue
        weights[k] = math.exp(-0.5 * (k / sigma) ** 2)
    return [dt.timedelta(days=k) for k in weights], list(weights.values()), sum(weights.values())
